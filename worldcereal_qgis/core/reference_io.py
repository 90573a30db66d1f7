"""Reading reference data files into a ``RawTable``: GeoParquet and plain Parquet through pyarrow, the rest via OGR.

Why pyarrow for Parquet: the GDAL of QGIS 3.22 (and of many Windows/macOS installs) has no Parquet driver,
yet GeoParquet is the format WorldCereal distributes reference data in. Every way a file can be unusable
(missing, 0 bytes, not Parquet, truncated, no geometry, an encoding we cannot read) ends in one sentence that
names the file and what is wrong with it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DependencyError, InputError

PARQUET_SUFFIXES = (".parquet", ".geoparquet")
_MAGIC = b"PAR1"
_LON_LAT_COLUMNS = (("lon", "lat"), ("longitude", "latitude"), ("x", "y"))
_FIELD = "reference_data"


@dataclass
class RawTable:
    """Rows as read from a file or layer: attribute columns plus ``geometry`` as WKB bytes."""

    frame: Any  # pandas.DataFrame
    crs: str | None  # "EPSG:4326", another authority id, or WKT; None = unknown
    name: str = "reference data"


def _pd():
    import pandas as pd

    return pd


def is_parquet_path(path: str | Path) -> bool:
    """Whether the name says Parquet (the content is checked when it is read)."""
    return Path(str(path)).suffix.lower() in PARQUET_SUFFIXES


def read_reference_file(path: str | Path, layer: str | None = None) -> RawTable:
    """GeoParquet/Parquet through pyarrow; GeoPackage, Shapefile, GeoJSON and any other OGR format through GDAL."""
    path = check_file(path)
    if is_parquet_path(path):
        return read_geoparquet(path)
    return read_ogr(path, layer)


def check_file(path: str | Path) -> Path:
    """The cheap checks before reading (exists, not 0 bytes, Parquet signature): one sentence when one fails."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"The reference data file {path} does not exist.", field=_FIELD)
    if path.is_file() and path.stat().st_size == 0:
        raise InputError(f"{path.name} is empty (0 bytes): the file was not written completely or is a "
                         "placeholder.", field=_FIELD)
    problem = _parquet_signature_problem(path) if path.is_file() and is_parquet_path(path) else None
    if problem:
        raise InputError(f"{path.name} {problem}.", field=_FIELD)
    return path


def _parquet_signature_problem(path: Path) -> str | None:
    """What is wrong with a file named .parquet, judged from its first and last bytes (None = looks right)."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        head = handle.read(16)
        handle.seek(max(size - 4, 0))
        tail = handle.read(4)
    if head.startswith(_MAGIC):
        return None if tail == _MAGIC else "is truncated or corrupt (Parquet's closing footer is missing)"
    kind = ("a GeoPackage/SQLite database" if head.startswith(b"SQLite format 3") else
            "JSON text" if head.lstrip()[:1] in (b"{", b"[") else
            "a ZIP archive" if head.startswith(b"PK") else None)
    return f"is not a Parquet file ({'it is ' + kind if kind else 'it lacks the PAR1 signature'})"


def read_geoparquet(path: str | Path) -> RawTable:
    """A GeoParquet file (geometry + CRS from its ``geo`` metadata) or a plain Parquet file with lon/lat columns."""
    try:
        import pyarrow.parquet as pq
    except ImportError as err:
        raise DependencyError("Reading GeoParquet needs the Python package 'pyarrow'; install it first.") from err
    path = check_file(path)
    try:
        table = pq.read_table(path)
    except Exception as err:  # pyarrow raises several types for corrupt files
        reason = str(err).splitlines()[0].rstrip(".") if str(err) else type(err).__name__
        raise InputError(f"{path.name} is a corrupt Parquet file ({reason}).", field=_FIELD) from err
    geo = json.loads((table.schema.metadata or {}).get(b"geo", b"{}") or b"{}")
    frame = table.to_pandas()
    if geo:
        return _from_geo_metadata(frame, geo, path)
    return _from_plain_parquet(frame, path)


def _from_geo_metadata(frame, geo: dict, path: Path) -> RawTable:
    column = geo.get("primary_column", "geometry")
    meta = geo.get("columns", {}).get(column, {})
    encoding = str(meta.get("encoding", "WKB")).upper()
    if encoding != "WKB":
        raise InputError(f"{path.name} stores its geometry as '{meta.get('encoding')}'; only WKB-encoded "
                         "GeoParquet can be read here (write it with WKB geometry).", field=_FIELD)
    if column not in frame:
        raise InputError(f"{path.name} names '{column}' as its geometry column, but has no such column.",
                         field=_FIELD)
    if column != "geometry":
        frame = frame.drop(columns=["geometry"], errors="ignore").rename(columns={column: "geometry"})
    return RawTable(frame, _geoparquet_crs(meta), path.name)


def _from_plain_parquet(frame, path: Path) -> RawTable:
    """No ``geo`` metadata: points from lon/lat columns (EPSG:4326), else a WKB ``geometry`` column."""
    import shapely

    pair = next(((x, y) for x, y in _LON_LAT_COLUMNS if x in frame and y in frame), None)
    if pair is not None:
        pd = _pd()
        x, y = (pd.to_numeric(frame[c], errors="coerce").to_numpy(dtype=float) for c in pair)
        if "geometry" not in frame:
            points = shapely.points(x, y)
            wkb = shapely.to_wkb(points)
            wkb[pd.isna(x) | pd.isna(y)] = None
            frame = frame.assign(geometry=list(wkb))
        return RawTable(frame, "EPSG:4326", path.name)
    if "geometry" in frame:
        return RawTable(frame, None, path.name)
    raise InputError(f"{path.name} has no geometry: it is neither GeoParquet (no 'geo' metadata) nor has "
                     "lon/lat columns.", field=_FIELD)


def _geoparquet_crs(meta: dict) -> str | None:
    """GeoParquet: a missing ``crs`` key means OGC:CRS84 (lon/lat), an explicit null means unknown."""
    if "crs" not in meta:
        return "EPSG:4326"
    if meta["crs"] is None:
        return None
    from pyproj import CRS

    crs = CRS.from_json_dict(meta["crs"]) if isinstance(meta["crs"], dict) else CRS.from_user_input(meta["crs"])
    epsg = crs.to_epsg()
    if epsg is None and crs.to_authority() == ("OGC", "CRS84"):
        return "EPSG:4326"
    return f"EPSG:{epsg}" if epsg else crs.to_wkt()


def read_ogr(path: str | Path, layer: str | None = None) -> RawTable:
    from osgeo import ogr

    ds = ogr.Open(str(path))
    if ds is None:
        raise InputError(f"{Path(path).name} is not a vector file GDAL can read.", field=_FIELD)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    if lyr is None:
        raise InputError(f"{Path(path).name} has no layer {layer or 0}.", field=_FIELD)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    records, wkbs = [], []
    for feature in lyr:
        records.append({n: feature.GetField(n) for n in names})
        geom = feature.GetGeometryRef()
        wkbs.append(bytes(geom.ExportToIsoWkb()) if geom is not None and not geom.IsEmpty() else None)
    return from_records(records, wkbs, _ogr_crs(lyr.GetSpatialRef()), Path(path).name, columns=names)


def _ogr_crs(srs) -> str | None:
    if srs is None:
        return None
    if srs.GetAuthorityCode(None) is None:
        srs.AutoIdentifyEPSG()
    code, name = srs.GetAuthorityCode(None), srs.GetAuthorityName(None)
    return f"{name}:{code}" if code and name else srs.ExportToWkt()


def from_records(records: Sequence[dict], wkbs: Sequence[bytes | None], crs: str | None, name: str = "layer",
                 columns: Sequence[str] | None = None) -> RawTable:
    """Rows of a QGIS layer (or any source) given as plain dicts + WKB geometries (no QGIS import here)."""
    pd = _pd()
    frame = pd.DataFrame.from_records(list(records), columns=list(columns) if columns is not None else None)
    frame["geometry"] = pd.Series(list(wkbs), dtype=object, index=frame.index)
    return RawTable(frame, crs, name)


def text_values(values) -> Any:
    """Strings with missing values (None, NaN) as ''."""
    return values.astype(object).where(values.notna(), "").astype(str).str.strip()
