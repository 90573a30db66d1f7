"""Post-processing of point-extraction results into WorldCereal's long format
(docs/worldcereal-facts.md, "Reference data and extractions").

Why exact dtypes: custom-model training reads these files next to the public extractions, so every file must
have the schema of the real extraction files (column order, uint16 bands with 65535 = nodata, categorical
``ref_id``), whatever the backend returned (``date`` vs ``timestamp``, float bands with NaN, missing labels).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

NODATA = 65535
S2_COLUMNS = ("S2-L2A-B02", "S2-L2A-B03", "S2-L2A-B04", "S2-L2A-B05", "S2-L2A-B06", "S2-L2A-B07",
              "S2-L2A-B08", "S2-L2A-B11", "S2-L2A-B12")
S1_COLUMNS = ("S1-SIGMA0-VH", "S1-SIGMA0-VV")
UINT16_COLUMNS = (*S2_COLUMNS, *S1_COLUMNS, "slope", "elevation", "AGERA5-PRECIP", "AGERA5-TMEAN")
B8A = "S2-L2A-B8A"  # int64 and last in the real files (the band is masked upstream); kept identical
INT64_LABELS = ("ewoc_code", "irrigation_status", "quality_score_lc", "quality_score_ct", "extract")
STRING_COLUMNS = ("sample_id", "tile", "h3_l3_cell", "start_date", "end_date", "valid_time")
LONG_COLUMNS = ("feature_index", "sample_id", "ref_id", "timestamp", *UINT16_COLUMNS, "lon", "lat", "geometry",
                "tile", "h3_l3_cell", "start_date", "end_date", "year", "valid_time", *INT64_LABELS, B8A)
MERGED_NAME = "worldcereal_merged_extractions.parquet"
ORBIT_COLUMN = "s1_orbit_state"  # which Sentinel-1 orbit a sample's S1 values come from (chosen per job)


@dataclass
class PostResult:
    table: Any  # pyarrow.Table in the long format
    dropped: list[str]  # sample_ids without any S1 or S2 value

    @property
    def sample_ids(self) -> set[str]:
        return set(self.table.column("sample_id").to_pylist())


def _pq():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        from .errors import DependencyError

        raise DependencyError("Extraction results are Parquet files; install the Python package 'pyarrow'.") from err
    return pa, pq


def post_process(path: str | Path, features: dict | None = None, orbit_state: str | None = None) -> PostResult:
    """One job's Parquet -> the long format; ``features`` (the job's GeoJSON) fills label columns if absent;
    ``orbit_state`` (the job's Sentinel-1 orbit) is kept per row as ``s1_orbit_state``."""
    pa, pq = _pq()
    frame = pq.read_table(path).to_pandas()
    result = post_process_frame(frame, features)
    if orbit_state:
        table = result.table.append_column(ORBIT_COLUMN, pa.array([orbit_state] * result.table.num_rows, pa.string()))
        result = PostResult(table, result.dropped)
    return result


def post_process_frame(frame, features: dict | None = None) -> PostResult:
    frame = _timestamp(frame.copy())
    frame = _fill_labels(frame, features)
    for column in (*UINT16_COLUMNS, B8A):
        frame[column] = _band(frame, column)
    frame, dropped = _drop_empty_samples(frame)
    frame["year"] = [_ref_year(r) for r in frame["ref_id"].astype(str)]
    return PostResult(_to_table(frame), dropped)


def _timestamp(frame):
    import pandas as pd

    if "timestamp" not in frame and "date" in frame:
        frame = frame.rename(columns={"date": "timestamp"})
    if "timestamp" not in frame:
        raise InputError("The extraction result has no date or timestamp column.", field="extraction")
    stamps = pd.to_datetime(frame["timestamp"])
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert("UTC").dt.tz_localize(None)
    frame["timestamp"] = stamps.astype("datetime64[ns]")
    return frame


def _fill_labels(frame, features: dict | None):
    """Labels, coordinates and job fields from the job's features, joined on sample_id or feature_index."""
    import pandas as pd
    import shapely

    needed = [c for c in LONG_COLUMNS if c not in frame and c not in (*UINT16_COLUMNS, B8A, "year")]
    if not needed:
        return frame
    if not features:
        raise InputError(f"The extraction result lacks the columns {', '.join(needed)}.", field="extraction")
    props = pd.DataFrame([f.get("properties") or {} for f in features["features"]])
    props["feature_index"] = range(len(props))
    if "geometry" in needed:
        points = [shapely.geometry.shape(f["geometry"]) for f in features["features"]]
        props["geometry"] = list(shapely.to_wkb(points))
    key = "sample_id" if "sample_id" in frame else "feature_index"
    if key not in frame:
        raise InputError("The extraction result has neither sample_id nor feature_index.", field="extraction")
    columns = [key, *[c for c in needed if c in props and c != key]]
    merged = frame.merge(props[columns], on=key, how="left")
    missing = [c for c in needed if c not in merged]
    if missing:
        raise InputError(f"The extraction result lacks the columns {', '.join(missing)}.", field="extraction")
    return merged


def _band(frame, column: str):
    import numpy as np

    if column not in frame:
        return np.full(len(frame), NODATA, dtype=np.int64)
    values = frame[column].astype("float64").to_numpy()
    values = np.where(np.isfinite(values), np.clip(np.rint(values), 0, NODATA), NODATA)
    return values.astype(np.int64)


def _drop_empty_samples(frame) -> tuple[Any, list[str]]:
    """The library drops samples whose S1 and S2 bands are nodata in every month."""
    cols = [*S2_COLUMNS, B8A, *S1_COLUMNS]
    empty_row = (frame[cols] == NODATA).all(axis=1)
    per_sample = empty_row.groupby(frame["sample_id"]).all()
    dropped = sorted(per_sample[per_sample].index.astype(str))
    if dropped:
        frame = frame[~frame["sample_id"].isin(dropped)]
    return frame.reset_index(drop=True), dropped


def _ref_year(ref_id: str) -> int:
    head = ref_id.split("_")[0]
    if not (head.isdigit() and len(head) == 4):
        raise InputError(f"ref_id '{ref_id}' does not start with the year.", field="ref_id")
    return int(head)


def _arrow_type(column: str):
    pa, _pq_mod = _pq()
    if column in UINT16_COLUMNS:
        return pa.uint16()
    if column in (*INT64_LABELS, "feature_index", "year", B8A):
        return pa.int64()
    if column in ("lon", "lat"):
        return pa.float64()
    if column == "timestamp":
        return pa.timestamp("ns")
    if column == "geometry":
        return pa.binary()
    if column == "ref_id":
        return pa.dictionary(pa.int32(), pa.string())
    return pa.string()


def long_schema():
    pa, _pq_mod = _pq()
    return pa.schema([pa.field(c, _arrow_type(c)) for c in LONG_COLUMNS])


def _to_table(frame):
    import pandas as pd

    pa, _pq_mod = _pq()
    out = frame[list(LONG_COLUMNS)].copy()
    for column in STRING_COLUMNS:
        out[column] = out[column].astype(str)
    out["geometry"] = [bytes(g) for g in out["geometry"]]
    out["ref_id"] = pd.Categorical(out["ref_id"].astype(str))
    arrays = [pa.array(out[c], type=_arrow_type(c)) if c != "ref_id" else
              pa.DictionaryArray.from_pandas(out[c]).cast(_arrow_type(c)) for c in LONG_COLUMNS]
    return pa.Table.from_arrays(arrays, schema=long_schema())


# -- merging ------------------------------------------------------------------------------------------------------


def merged_dir(root: str | Path) -> Path:
    return Path(root) / MERGED_NAME


def partition_dir(root: str | Path, ref_id: str) -> Path:
    return merged_dir(root) / f"ref_id={ref_id}"


def already_extracted(root: str | Path, ref_id: str) -> set[str]:
    """sample_ids present in the merged output (the app skips them on a new run)."""
    _pa, pq = _pq()
    folder = partition_dir(root, ref_id)
    ids: set[str] = set()
    for path in sorted(folder.glob("*.parquet")) if folder.is_dir() else []:
        ids.update(pq.read_table(path, columns=["sample_id"]).column("sample_id").to_pylist())
    return ids


def merge_results(results: Iterable[PostResult], root: str | Path, ref_id: str) -> tuple[Path | None, int]:
    """Append the new samples as one file of partition ``ref_id=<id>``; returns (file, samples written)."""
    pa, pq = _pq()
    import pyarrow.compute as pc

    seen = already_extracted(root, ref_id)
    tables = []
    for result in results:
        table = result.table
        keep = pc.invert(pc.is_in(table.column("sample_id"), value_set=pa.array(sorted(seen), pa.string())))
        table = table.filter(keep)
        seen.update(table.column("sample_id").to_pylist())
        if table.num_rows:
            tables.append(table)
    if not tables:
        return None, 0
    merged = pa.concat_tables(tables).unify_dictionaries()
    merged = merged.combine_chunks()
    folder = partition_dir(root, ref_id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{ref_id}_{len(list(folder.glob('*.parquet')))}.parquet"
    tmp = path.with_name(f".{path.name}.part")
    pq.write_table(merged, tmp)
    tmp.replace(path)
    return path, len(set(merged.column("sample_id").to_pylist()))


# -- decoding for display -----------------------------------------------------------------------------------------

SERIES_UNITS = {"NDVI": "", "S2": "reflectance", "S1": "dB", "AGERA5-PRECIP": "mm", "AGERA5-TMEAN": "K",
                "elevation": "m", "slope": "°"}


def decode(column: str, values) -> Any:
    """Stored uint16 -> physical units (docs/worldcereal-facts.md); 65535 -> NaN.

    S2 ÷ 10000 (reflectance), S1 dB = 20·log10(DN) − 83, AgERA5 ÷ 100, DEM and slope as stored.
    """
    import numpy as np

    raw = np.asarray(values, dtype="float64")
    raw = np.where(raw == NODATA, np.nan, raw)
    if column.startswith("S2-"):
        return raw / 10_000.0
    if column.startswith("S1-"):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(raw > 0, 20.0 * np.log10(raw) - 83.0, np.nan)
    if column.startswith("AGERA5-"):
        return raw / 100.0
    return raw


def ndvi(frame) -> Any:
    """NDVI from the decoded red (B04) and near-infrared (B08) reflectances."""
    import numpy as np

    red, nir = decode("S2-L2A-B04", frame["S2-L2A-B04"]), decode("S2-L2A-B08", frame["S2-L2A-B08"])
    with np.errstate(divide="ignore", invalid="ignore"):
        return (nir - red) / (nir + red)


def sample_series(frame, sample_id: str) -> dict[str, tuple[list, Any]]:
    """{series name: (month timestamps, physical values)} of one sample, months in order."""
    rows = frame[frame["sample_id"] == sample_id].sort_values("timestamp")
    if rows.empty:
        raise InputError(f"Sample '{sample_id}' is not in the extraction results.", field="sample_id")
    times = list(rows["timestamp"])
    series = {"NDVI": (times, ndvi(rows))}
    for column in (*S2_COLUMNS, *S1_COLUMNS, "AGERA5-PRECIP", "AGERA5-TMEAN", "elevation", "slope"):
        series[column] = (times, decode(column, rows[column]))
    return series


def series_title(frame, sample_id: str, series_name: str) -> str:
    """``S1-SIGMA0-VV — <sample> (ASCENDING orbit)``: Sentinel-1 values depend on the orbit the job used."""
    title = f"{series_name} — {sample_id}"
    if series_name.startswith("S1-") and ORBIT_COLUMN in frame.columns:
        orbits = sorted(set(frame.loc[frame["sample_id"] == sample_id, ORBIT_COLUMN].dropna().astype(str)))
        if orbits:
            title += f" ({'/'.join(orbits)} orbit)"
    return title


def unit_of(series_name: str) -> str:
    for prefix, unit in SERIES_UNITS.items():
        if series_name == prefix or series_name.startswith(prefix + "-"):
            return unit
    return ""
