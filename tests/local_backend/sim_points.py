"""Simulated point extractions in WorldCereal's long GeoParquet format (reference §4.3).

Columns, order and Arrow types copy the real file extractions/2022_FRA_LPIS_POLY_110_monthly.geoparquet:
one row per sample x month (month-major), bands as uint16 with 65535 = nodata (S2-L2A-B8A last, int64 and
all nodata, as the UDF masks B8A), WKB point geometry, label columns copied from the input features.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Optional

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import shapely
from shapely.geometry import shape

from .sim_grid import SimulationError, utm_epsg

NODATA = 65535
S2_BANDS = ["S2-L2A-B02", "S2-L2A-B03", "S2-L2A-B04", "S2-L2A-B05", "S2-L2A-B06", "S2-L2A-B07",
            "S2-L2A-B08", "S2-L2A-B11", "S2-L2A-B12"]
BAND_COLUMNS = [*S2_BANDS, "S1-SIGMA0-VH", "S1-SIGMA0-VV", "slope", "elevation", "AGERA5-PRECIP", "AGERA5-TMEAN"]
INT_LABELS = ["ewoc_code", "irrigation_status", "quality_score_lc", "quality_score_ct", "extract"]
PARQUET_TYPE = "application/vnd.apache.parquet"
_BANDS_LETTERS = "CDEFGHJKLMNPQRSTUVWXX"
_COLUMN_SETS = ("ABCDEFGH", "JKLMNPQR", "STUVWXYZ")
_ROW_LETTERS = "ABCDEFGHJKLMNPQRSTUV"


def features(geometries: dict) -> list[tuple[shapely.Geometry, dict]]:
    """(point, properties) per input feature; polygons become their centroid, as the official flow does."""
    kind = geometries.get("type") if isinstance(geometries, dict) else None
    if kind == "FeatureCollection":
        items = [(f.get("geometry"), f.get("properties") or {}) for f in geometries.get("features") or []]
    elif kind == "Feature":
        items = [(geometries.get("geometry"), geometries.get("properties") or {})]
    elif kind == "GeometryCollection":
        items = [(g, {}) for g in geometries.get("geometries") or []]
    elif kind:
        items = [(geometries, {})]
    else:
        raise SimulationError("The point extraction needs GeoJSON geometries (a FeatureCollection of points).")
    try:
        return [(_as_point(shape(geom)), props) for geom, props in items if geom]
    except (ValueError, AttributeError, TypeError) as exc:
        raise SimulationError("The point extraction geometries are not valid GeoJSON.") from exc


def _as_point(geom: shapely.Geometry) -> shapely.Geometry:
    return geom if geom.geom_type == "Point" else geom.centroid


def count_points(geometries: dict) -> int:
    try:
        return len(features(geometries))
    except SimulationError:
        return 0


def month_starts(start: str, end: str) -> list[dt.date]:
    """First days of the months from ``start``'s month up to ``end`` (exclusive, as openEO extents)."""
    first, last = dt.date.fromisoformat(str(start)[:10]), dt.date.fromisoformat(str(end)[:10])
    months = []
    current = first.replace(day=1)
    while current < last:
        months.append(current)
        current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    if not months:
        raise SimulationError(f"The temporal extent {start} .. {end} holds no month.")
    return months


def mgrs_tile(lon: float, lat: float) -> str:
    """Sentinel-2 (MGRS) tile id, e.g. "32TNL": UTM zone, latitude band, 100 km square."""
    from pyproj import Transformer

    epsg = utm_epsg(lon, lat)
    zone = epsg % 100
    easting, northing = Transformer.from_crs(4326, epsg, always_xy=True).transform(lon, lat)
    band = _BANDS_LETTERS[min(max(int((lat + 80) // 8), 0), 20)]
    column = _COLUMN_SETS[(zone - 1) % 3][int(easting // 100_000) - 1]
    row = _ROW_LETTERS[(int(northing // 100_000) + (5 if zone % 2 == 0 else 0)) % 20]
    return f"{zone:02d}{band}{column}{row}"


def write_extraction(
    geometries: dict,
    temporal_extent: list[str],
    out_dir: Path,
    *,
    job_id: str,
    title: Optional[str],
    seed: int,
    note: str,
) -> dict[str, dict]:
    """Write the GeoParquet of one extraction job; return {asset_name: STAC asset}."""
    points = features(geometries)
    if not points:
        raise SimulationError("The point extraction has no points.")
    start, end = (str(value)[:10] for value in temporal_extent)
    months = month_starts(start, end)
    frame = _frame(points, months, start, end, np.random.default_rng(seed))
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata({**table.schema.metadata, b"worldcereal_simulated": note.encode()})
    ref_id = str(frame["ref_id"].iloc[0])
    name = f"WORLDCEREAL_{ref_id}_{start}_{end}_{frame['tile'].mode().iloc[0]}_{job_id}.geoparquet"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    tmp = path.with_name(f".{name}.part")
    pq.write_table(table, tmp)
    tmp.replace(path)
    asset = {"href": name, "roles": ["data"], "title": title or name, "type": PARQUET_TYPE,
             "description": note, "file:size": path.stat().st_size}
    return {name: asset}


def _frame(points: list, months: list[dt.date], start: str, end: str, rng: np.random.Generator) -> pd.DataFrame:
    """The long table: month-major rows, per-sample labels repeated for every month."""
    n, m = len(points), len(months)
    lon = np.array([p.x for p, _ in points])
    lat = np.array([p.y for p, _ in points])
    labels = _labels(points, months, start)
    values = _band_values(lon, lat, labels["ewoc_code"], months, rng)
    frame = pd.DataFrame({
        "feature_index": np.tile(np.arange(n, dtype=np.int64), m),
        "sample_id": np.tile(labels["sample_id"], m),
        "ref_id": pd.Categorical(np.tile(labels["ref_id"], m)),
        "timestamp": np.repeat(np.array(months, dtype="datetime64[ns]"), n),
    })
    for column in BAND_COLUMNS:
        frame[column] = values[column].T.ravel().astype(np.uint16)
    frame["lon"], frame["lat"] = np.tile(lon, m), np.tile(lat, m)
    frame["geometry"] = np.tile(np.array(shapely.to_wkb([p for p, _ in points]), dtype=object), m)
    frame["tile"] = np.tile([mgrs_tile(x, y) for x, y in zip(lon, lat)], m)
    frame["h3_l3_cell"] = np.tile(labels["h3_l3_cell"], m)
    frame["start_date"], frame["end_date"] = start, end
    for column in ("year", "valid_time", *INT_LABELS):
        frame[column] = np.tile(labels[column], m)
    frame["S2-L2A-B8A"] = np.full(n * m, NODATA, dtype=np.int64)
    return frame


def _labels(points: list, months: list[dt.date], start: str) -> dict[str, np.ndarray]:
    """Label columns from the features' properties, with the defaults a harmonised RDM file would carry."""
    props = [p for _, p in points]
    default_time = months[len(months) // 2].isoformat()
    ref_ids = [str(p.get("ref_id") or f"{start[:4]}_LOCAL_SIMULATED") for p in props]
    valid = [str(p.get("valid_time") or default_time)[:10] for p in props]
    labels = {
        "sample_id": np.array([str(p.get("sample_id", f"{r}_{i}")) for i, (p, r) in enumerate(zip(props, ref_ids))],
                              dtype=object),
        "ref_id": np.array(ref_ids, dtype=object),
        "h3_l3_cell": np.array([str(p.get("h3_l3_cell") or "") for p in props], dtype=object),
        "valid_time": np.array(valid, dtype=object),
        "year": np.array([_year(r, v) for r, v in zip(ref_ids, valid)], dtype=np.int64),
    }
    for column in INT_LABELS:
        labels[column] = np.array([_int(p.get(column)) for p in props], dtype=np.int64)
    return labels


def _year(ref_id: str, valid_time: str) -> int:
    """Year from the ref_id prefix (what the official post-processing parses), else from valid_time."""
    head = ref_id.split("_")[0]
    return int(head) if head.isdigit() and len(head) == 4 else int(valid_time[:4])


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _band_values(lon: np.ndarray, lat: np.ndarray, ewoc: np.ndarray, months: list[dt.date],
                 rng: np.random.Generator) -> dict[str, np.ndarray]:
    """(n, m) uint16-range values: S2 x10000 from a seasonal NDVI curve, S1 DN, AgERA5 x100, DEM."""
    n, m = len(lon), len(months)
    month = np.array([d.month for d in months], dtype=float)[None, :]
    south = (lat < 0)[:, None]
    ndvi = _ndvi(ewoc, month, south, rng)
    values = _s2(ndvi, rng)
    values.update(_s1(ndvi, rng))
    values.update(_meteo(lat, month, south, rng))
    values.update(_dem(lon, lat, m))
    cloudy = rng.random((n, m)) < 0.01
    for band in S2_BANDS:
        values[band] = np.where(cloudy, NODATA, values[band])
    no_s1 = rng.random((n, m)) < 0.01
    for band in ("S1-SIGMA0-VH", "S1-SIGMA0-VV"):
        values[band] = np.where(no_s1, NODATA, values[band])
    return values


def _ndvi(ewoc: np.ndarray, month: np.ndarray, south: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Per-sample Gaussian green-up: crops (EWOC 11xx) swing strongly, other land covers stay flatter."""
    n = len(ewoc)
    crop = (ewoc // 100_000_000 == 11)[:, None]
    peak = np.array([4.5, 5.5, 7.0, 8.0])[ewoc % 4][:, None] + rng.normal(0, 0.4, (n, 1))
    peak = np.where(south, peak + 6, peak)
    distance = np.abs((month - peak + 6) % 12 - 6)
    base = np.where(crop, rng.uniform(0.18, 0.35, (n, 1)), rng.uniform(0.45, 0.7, (n, 1)))
    amplitude = np.where(crop, rng.uniform(0.4, 0.55, (n, 1)), rng.uniform(0.05, 0.2, (n, 1)))
    ndvi = base + amplitude * np.exp(-0.5 * (distance / 1.4) ** 2) + rng.normal(0, 0.03, distance.shape)
    return np.clip(ndvi, 0.02, 0.92)


def _s2(ndvi: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    brightness = rng.uniform(0.7, 1.4, (ndvi.shape[0], 1))  # soil / canopy brightness per sample
    red = (0.1 - 0.08 * ndvi) * brightness
    nir = red * (1 + ndvi) / (1 - ndvi)
    reflectance = {
        "S2-L2A-B02": 0.6 * red + 0.01, "S2-L2A-B03": 0.8 * red + 0.02, "S2-L2A-B04": red,
        "S2-L2A-B05": red + 0.27 * (nir - red), "S2-L2A-B06": red + 0.76 * (nir - red),
        "S2-L2A-B07": red + 0.91 * (nir - red), "S2-L2A-B08": nir,
        "S2-L2A-B11": (0.3 - 0.12 * ndvi) * brightness, "S2-L2A-B12": (0.24 - 0.17 * ndvi) * brightness,
    }
    return {band: _dn(v * 10_000 * rng.normal(1, 0.04, v.shape)) for band, v in reflectance.items()}


def _s1(ndvi: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Backscatter rising with biomass, compressed as DN = 10^((dB + 83) / 20)."""
    vh = -21 + 6 * ndvi + rng.normal(0, 1.2, ndvi.shape)
    vv = -13 + 3.5 * ndvi + rng.normal(0, 1.2, ndvi.shape)
    return {"S1-SIGMA0-VH": _dn(10 ** ((vh + 83) / 20)), "S1-SIGMA0-VV": _dn(10 ** ((vv + 83) / 20))}


def _meteo(lat: np.ndarray, month: np.ndarray, south: np.ndarray, rng: np.random.Generator) -> dict:
    """AgERA5 monthly mean temperature (K x 100) and precipitation (mm x 100)."""
    summer = np.where(south, 1.0, 7.0)
    season = np.cos(2 * np.pi * (month - summer) / 12)
    t_mean = 27 - 0.35 * np.abs(lat)[:, None] + 8 * season + rng.normal(0, 1, season.shape)
    precip = rng.gamma(2.0, 30.0, season.shape) * (1 - 0.5 * season)
    return {"AGERA5-TMEAN": _dn((t_mean + 273.15) * 100), "AGERA5-PRECIP": _dn(precip * 100)}


def _dem(lon: np.ndarray, lat: np.ndarray, m: int) -> dict[str, np.ndarray]:
    """Static terrain per sample (repeated over months): a smooth function of position."""
    elevation = 60 + 400 * np.abs(np.sin(lat * 7.3) * np.cos(lon * 5.1))
    slope = np.abs(np.cos(lat * 31.0 + lon * 17.0)) * 12
    return {"elevation": _dn(np.repeat(elevation[:, None], m, 1)), "slope": _dn(np.repeat(slope[:, None], m, 1))}


def _dn(values: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(values), 0, NODATA - 1).astype(np.int64)


def parquet_schema(path: Path) -> dict:
    """Column names and Arrow types of a Parquet file, for tests that run without pyarrow."""
    schema = pq.read_schema(path)
    return {
        "columns": [{"name": field.name, "type": str(field.type)} for field in schema],
        "metadata_keys": sorted(key.decode() for key in (schema.metadata or {})),
        "num_rows": pq.ParquetFile(path).metadata.num_rows,
    }


def parquet_rows(path: Path, limit: Optional[int] = None) -> list[dict]:
    """Rows as JSON-able records (geometry as WKT, timestamps ISO), for tests that run without pyarrow."""
    table = pq.read_table(path)
    frame = (table if limit is None else table.slice(0, limit)).to_pandas()
    if "geometry" in frame:
        frame["geometry"] = shapely.to_wkt(shapely.from_wkb(frame["geometry"].to_numpy()), rounding_precision=-1)
    return json.loads(frame.to_json(orient="records", date_format="iso", double_precision=15))
