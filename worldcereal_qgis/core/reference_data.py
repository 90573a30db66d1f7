"""Private reference data (reference doc §4.1): read, harmonise, validate, select samples.

Why per-row problems: users fix their files in a spreadsheet or GIS, so every problem names the row (1-based,
input order), the column and the reason; a data set with errors is never sent to openEO (credits).
Everything is vectorised (pandas/shapely) so 100,000 samples validate in a few seconds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .dates import EARLIEST_DATE, last_complete_month_end
from .errors import DependencyError, InputError

REQUIRED_COLUMNS = ("sample_id", "ewoc_code", "valid_time", "irrigation_status", "quality_score_lc",
                    "quality_score_ct", "extract", "h3_l3_cell", "ref_id", "geometry")
INT_COLUMNS = ("ewoc_code", "irrigation_status", "quality_score_lc", "quality_score_ct", "extract")
SCORE_COLUMNS = ("quality_score_lc", "quality_score_ct")
LABEL_COLUMNS = tuple(c for c in REQUIRED_COLUMNS if c != "geometry")
ERROR, WARNING, DROPPED = "error", "warning", "dropped"
SELECTION_MODES = ("extract", "all", "h3_cap")
H3_RESOLUTION = 3
_REF_ID = re.compile(r"^\d{4}_")
_H3_CELL = re.compile(r"^[0-9a-f]{15}$")
_LAT_RANGE = (-80.0, 84.0)  # the Sentinel-2 tiling grid


@dataclass(frozen=True)
class Problem:
    """One finding: ``row`` is 1-based in input order (None = the whole data set)."""

    row: int | None
    column: str | None
    message: str
    severity: str = ERROR
    sample_id: str | None = None


@dataclass
class RawTable:
    """Rows as read from a file or layer: attribute columns plus ``geometry`` as WKB bytes."""

    frame: Any  # pandas.DataFrame
    crs: str | None  # "EPSG:4326", another authority id, or WKT; None = unknown
    name: str = "reference data"


@dataclass
class ValidationResult:
    """Clean samples (points, EPSG:4326, harmonised dtypes) and everything found on the way."""

    samples: Any  # pandas.DataFrame: LABEL_COLUMNS + geometry (WKB) + lon, lat, row
    problems: list[Problem]
    notes: list[str]
    n_input: int

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def dropped(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == DROPPED]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """One sentence for the message bar / Processing log."""
        text = f"{len(self.samples)} of {self.n_input} samples are valid"
        if self.errors:
            text += f"; {len(self.errors)} errors must be fixed before extracting"
        if self.dropped:
            text += f"; {len(self.dropped)} polygons dropped (centroid outside)"
        return " ".join([text + ".", *self.quality_lines()])

    def quality_lines(self) -> list[str]:
        """What the training's sample filters will remove from these samples (core/quality_filters.py)."""
        from .quality_filters import count_filters

        if self.samples is None or not len(self.samples):
            return []
        columns = {c: self.samples[c].to_numpy() for c in ("quality_score_lc", "quality_score_ct",
                                                            "CTY24_anomaly_flag") if c in self.samples.columns}
        return [f.sentence for f in count_filters(columns)]

    def require_ok(self) -> None:
        if self.errors:
            first = self.errors[0]
            where = f"row {first.row}" if first.row else "the data set"
            raise InputError(f"The reference data has {len(self.errors)} errors (first, {where}: "
                             f"{first.message.rstrip('.')}); fix them before extracting.", field="reference_data")


# -- reading ------------------------------------------------------------------------------------------------------


def _pd():
    import pandas as pd

    return pd


def read_reference_file(path: str | Path, layer: str | None = None) -> RawTable:
    """GeoParquet through pyarrow; GeoPackage, Shapefile, GeoJSON and any other OGR format through GDAL."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"The reference data file {path} does not exist.", field="reference_data")
    if path.suffix.lower() in (".parquet", ".geoparquet"):
        return read_geoparquet(path)
    return read_ogr(path, layer)


def read_geoparquet(path: str | Path) -> RawTable:
    try:
        import pyarrow.parquet as pq
    except ImportError as err:
        raise DependencyError("Reading GeoParquet needs the Python package 'pyarrow'; install it first.") from err
    path = Path(path)
    try:
        table = pq.read_table(path)
    except Exception as err:  # pyarrow raises several types for corrupt files
        raise InputError(f"{path.name} is not a readable Parquet file ({err}).", field="reference_data") from err
    geo = json.loads((table.schema.metadata or {}).get(b"geo", b"{}") or b"{}")
    column = geo.get("primary_column", "geometry")
    crs = _geoparquet_crs(geo.get("columns", {}).get(column, {}))
    frame = table.to_pandas()
    if column != "geometry" and column in frame:
        frame = frame.rename(columns={column: "geometry"})
    return RawTable(frame, crs, path.stem)


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
        raise InputError(f"{Path(path).name} is not a vector file GDAL can read.", field="reference_data")
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    if lyr is None:
        raise InputError(f"{Path(path).name} has no layer {layer or 0}.", field="reference_data")
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    records, wkbs = [], []
    for feature in lyr:
        records.append({n: feature.GetField(n) for n in names})
        geom = feature.GetGeometryRef()
        wkbs.append(bytes(geom.ExportToIsoWkb()) if geom is not None and not geom.IsEmpty() else None)
    return from_records(records, wkbs, _ogr_crs(lyr.GetSpatialRef()), Path(path).stem, columns=names)


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


# -- validation ---------------------------------------------------------------------------------------------------


@dataclass
class _Checker:
    frame: Any
    problems: list[Problem] = field(default_factory=list)
    bad: Any = None  # boolean numpy array: rows with errors

    def flag(self, mask, column: str, messages, severity: str = ERROR) -> None:
        import numpy as np

        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        rows = np.flatnonzero(mask)
        ids = self.frame["sample_id"].to_numpy()[rows] if "sample_id" in self.frame else [None] * len(rows)
        texts = messages(rows) if callable(messages) else [messages] * len(rows)
        for r, sid, text in zip(rows.tolist(), ids, texts):
            self.problems.append(Problem(r + 1, column, text, severity, None if sid is None else str(sid)))
        if severity == ERROR:
            self.bad |= mask


def validate(raw: RawTable, *, today: date | None = None, legend: set[int] | None = None) -> ValidationResult:
    """Check the harmonised format row by row; reproject to EPSG:4326 and turn polygons into centroids."""
    import numpy as np

    frame = raw.frame.reset_index(drop=True)
    check = _Checker(frame, bad=np.zeros(len(frame), dtype=bool))
    notes: list[str] = []
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    for column in missing:
        check.problems.append(Problem(None, column, f"The required column '{column}' is missing.", ERROR))
    out = {}
    if "sample_id" in frame:
        out["sample_id"] = _check_sample_id(check, frame["sample_id"])
    for column in INT_COLUMNS:
        if column in frame:
            out[column] = _check_int(check, frame[column], column, legend)
    if "valid_time" in frame:
        out["valid_time"] = _check_valid_time(check, frame["valid_time"], today or date.today())
    if "ref_id" in frame:
        out["ref_id"] = _check_ref_id(check, frame["ref_id"])
    if "h3_l3_cell" in frame:
        out["h3_l3_cell"] = _check_h3(check, frame["h3_l3_cell"])
    if "geometry" in frame:
        out.update(_check_geometry(check, frame["geometry"], raw.crs, notes))
    samples = _clean_frame(out, check.bad, missing)
    return ValidationResult(samples, sorted(check.problems, key=_problem_order), notes, len(frame))


def _problem_order(p: Problem) -> tuple:
    return (p.row or 0, REQUIRED_COLUMNS.index(p.column) if p.column in REQUIRED_COLUMNS else 99)


def _text(values) -> Any:
    """Strings with missing values as '' (None, NaN)."""
    return values.astype(object).where(values.notna(), "").astype(str).str.strip()


def _check_sample_id(check: _Checker, values) -> Any:
    text = _text(values)
    check.flag(text.eq("").to_numpy(), "sample_id", "sample_id is empty.")
    dup = text.ne("") & text.duplicated(keep="first")
    first = {v: i + 1 for i, v in reversed(list(enumerate(text.tolist())))}
    check.flag(dup.to_numpy(), "sample_id",
               lambda rows: [f"sample_id '{text.iat[r]}' is also used by row {first[text.iat[r]]}." for r in rows])
    return text


def _check_int(check: _Checker, values, column: str, legend: set[int] | None) -> Any:
    import numpy as np

    pd = _pd()
    numbers = pd.to_numeric(values, errors="coerce")
    raw = values.astype(object)
    not_int = numbers.isna() | (numbers != np.floor(numbers.fillna(0)))
    check.flag(not_int.to_numpy(), column, lambda rows: [_not_int_message(column, raw.iat[r]) for r in rows])
    ints = numbers.where(~not_int, 0).astype(np.int64)
    if column == "ewoc_code":
        wrong = ~not_int & ((ints < 1_000_000_000) | (ints > 9_999_999_999))
        check.flag(wrong.to_numpy(), column,
                   lambda rows: [f"ewoc_code {ints.iat[r]} is not a 10-digit EWOC code." for r in rows])
        if legend:
            unknown = ~not_int & ~wrong & ~ints.isin(list(legend))
            check.flag(unknown.to_numpy(), column, lambda rows: [
                f"ewoc_code {ints.iat[r]} is not in the WorldCereal legend." for r in rows], WARNING)
    elif column in SCORE_COLUMNS:
        wrong = ~not_int & ((ints < 0) | (ints > 100))
        check.flag(wrong.to_numpy(), column, lambda rows: [f"{column} {ints.iat[r]} is outside 0–100." for r in rows])
    else:
        wrong = ~not_int & (ints < 0)
        check.flag(wrong.to_numpy(), column, lambda rows: [f"{column} {ints.iat[r]} is negative." for r in rows])
    return ints


def _not_int_message(column: str, value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return f"{column} is empty."
    return f"{column} {value!r} is not a whole number."


def _check_valid_time(check: _Checker, values, today: date) -> Any:
    pd = _pd()
    text = _text(values).str.slice(0, 10)
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    bad = parsed.isna()
    check.flag(bad.to_numpy(), "valid_time", lambda rows: [
        "valid_time is empty." if text.iat[r] == "" else f"valid_time '{text.iat[r]}' is not a date (YYYY-MM-DD)."
        for r in rows])
    early = ~bad & (parsed < pd.Timestamp(EARLIEST_DATE))
    check.flag(early.to_numpy(), "valid_time", lambda rows: [
        f"valid_time {text.iat[r]} is before {EARLIEST_DATE.isoformat()}, when the satellite time series start."
        for r in rows])
    last = last_complete_month_end(today)
    late = ~bad & (parsed > pd.Timestamp(last))
    check.flag(late.to_numpy(), "valid_time", lambda rows: [
        f"valid_time {text.iat[r]} is after the last complete month ({last.isoformat()})." for r in rows])
    return parsed


def _check_ref_id(check: _Checker, values) -> Any:
    text = _text(values)
    bad = ~text.str.match(_REF_ID)
    check.flag(bad.to_numpy(), "ref_id", lambda rows: [
        f"ref_id '{text.iat[r]}' does not start with the year (like 2021_AUT_LPIS_POLY_110)." for r in rows])
    return text


def _check_h3(check: _Checker, values) -> Any:
    text = _text(values).str.lower()
    empty = text.eq("")
    check.flag(empty.to_numpy(), "h3_l3_cell", "h3_l3_cell is empty, so the H3 cap cannot use this sample.",
               WARNING)
    bad = ~empty & ~text.map(is_h3_l3_cell)
    check.flag(bad.to_numpy(), "h3_l3_cell", lambda rows: [
        f"h3_l3_cell '{text.iat[r]}' is not an H3 level-3 cell id." for r in rows])
    return text


def is_h3_l3_cell(cell: str) -> bool:
    """H3 index bits: mode 1 (cell) and resolution 3; no h3 package needed."""
    if not _H3_CELL.match(cell):
        return False
    value = int(cell, 16)
    return (value >> 59) & 0xF == 1 and (value >> 52) & 0xF == H3_RESOLUTION


def _check_geometry(check: _Checker, wkbs, crs: str | None, notes: list[str]) -> dict:
    import numpy as np
    import shapely

    geoms = _from_wkb(wkbs)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    check.flag(missing, "geometry", "The geometry is empty.")
    kinds = shapely.get_type_id(geoms)
    polygonal = np.isin(kinds, (3, 6))
    wrong_kind = ~missing & ~polygonal & (kinds != 0)
    check.flag(wrong_kind, "geometry", lambda rows: [
        f"The geometry is a {geoms[r].geom_type}, not a point or polygon." for r in rows])
    geoms = _to_4326(check, geoms, crs, notes, missing)
    points = np.where(polygonal, None, geoms)
    if polygonal.any():
        centroids, outside = centroids_3857(geoms[polygonal])
        points[polygonal] = centroids
        drop = np.zeros(len(geoms), dtype=bool)
        drop[np.flatnonzero(polygonal)[outside]] = True
        check.flag(drop, "geometry", "The polygon's centroid falls outside it, so the sample is dropped.", DROPPED)
        check.bad |= drop
        notes.append(f"{int(polygonal.sum())} polygons were replaced by their centroids (computed in EPSG:3857).")
    lon = np.full(len(geoms), np.nan)
    lat = np.full(len(geoms), np.nan)
    ok = ~shapely.is_missing(points)
    lon[ok], lat[ok] = shapely.get_x(points[ok]), shapely.get_y(points[ok])
    _check_lonlat(check, lon, lat, ok & ~check.bad)
    return {"geometry": points, "lon": lon, "lat": lat}


def _from_wkb(wkbs) -> Any:
    import numpy as np
    import shapely

    values = np.array([w if isinstance(w, (bytes, bytearray, memoryview)) else None for w in wkbs], dtype=object)
    return shapely.from_wkb(values, on_invalid="ignore")


def _to_4326(check: _Checker, geoms, crs: str | None, notes: list[str], missing) -> Any:
    import numpy as np
    import shapely

    if crs is None:
        notes.append("The layer has no CRS; its coordinates are taken as longitude/latitude (EPSG:4326).")
        return geoms
    from pyproj import CRS, Transformer

    source = CRS.from_user_input(crs)
    if source.to_epsg() == 4326:
        return geoms
    transformer = Transformer.from_crs(source, 4326, always_xy=True)

    def apply(xy):
        return np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))

    name = f"EPSG:{source.to_epsg()}" if source.to_epsg() else source.name
    notes.append(f"The data was reprojected from {name} to EPSG:4326 (WorldCereal reference data is lon/lat).")
    out = geoms.copy()
    out[~missing] = shapely.transform(geoms[~missing], apply)
    return out


def centroids_3857(polygons) -> tuple[Any, Any]:
    """Centroids as the library computes them (in Web Mercator), and which ones fall outside their polygon."""
    import numpy as np
    import shapely
    from pyproj import Transformer

    fwd = Transformer.from_crs(4326, 3857, always_xy=True)
    back = Transformer.from_crs(3857, 4326, always_xy=True)
    merc = shapely.transform(polygons, lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])))
    cents = shapely.centroid(merc)
    outside = ~shapely.contains_properly(merc, cents)
    return shapely.transform(cents, lambda xy: np.column_stack(back.transform(xy[:, 0], xy[:, 1]))), outside


def _check_lonlat(check: _Checker, lon, lat, ok) -> None:
    not_lonlat = ok & ((abs(lon) > 180) | (abs(lat) > 90))
    check.flag(not_lonlat, "geometry", lambda rows: [
        f"The coordinates ({lon[r]:.6g}, {lat[r]:.6g}) are not longitude/latitude; the layer's CRS is probably wrong."
        for r in rows])
    off_grid = ok & ~not_lonlat & ((lat < _LAT_RANGE[0]) | (lat > _LAT_RANGE[1]))
    check.flag(off_grid, "geometry", lambda rows: [
        f"Latitude {lat[r]:.4f} is outside the Sentinel-2 grid (80°S to 84°N)." for r in rows])


def _clean_frame(out: dict, bad, missing: list[str]) -> Any:
    """The valid rows with harmonised dtypes; empty when a required column is missing."""
    import numpy as np
    import shapely

    pd = _pd()
    keep = ~bad if not missing else np.zeros(len(bad), dtype=bool)
    frame = pd.DataFrame({c: (out[c][keep] if c in out else []) for c in LABEL_COLUMNS})
    for column in INT_COLUMNS:
        frame[column] = frame[column].astype(np.int64)
    frame["valid_time"] = pd.to_datetime(frame["valid_time"]).dt.strftime("%Y-%m-%d")
    geoms = out.get("geometry", np.array([], dtype=object))[keep] if not missing else np.array([], dtype=object)
    frame["geometry"] = np.array(shapely.to_wkb(geoms) if len(geoms) else [], dtype=object)
    frame["lon"] = out["lon"][keep] if not missing else np.array([], dtype=float)
    frame["lat"] = out["lat"][keep] if not missing else np.array([], dtype=float)
    frame["row"] = np.flatnonzero(keep) + 1
    return frame.reset_index(drop=True)


# -- field mapping (data not harmonised yet) ----------------------------------------------------------------------


def load_class_mappings(path: str | Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def legend_codes(class_mappings: dict[str, dict[str, str]]) -> set[int]:
    """Every EWOC code the class mappings know (the legend the models were trained on)."""
    return {int(code) for mapping in class_mappings.values() for code in mapping}


def class_name_codes(class_mappings: dict[str, dict[str, str]]) -> dict[str, int]:
    """Class name -> its most general EWOC code (most trailing zeros, then smallest): 'maize' -> 1101060000."""
    candidates: dict[str, set[int]] = {}
    for mapping in class_mappings.values():
        for code, name in mapping.items():
            if name not in ("ignore", "") and int(code) > 0:
                candidates.setdefault(name.lower(), set()).add(int(code))
    return {name: min(codes, key=lambda c: (-_trailing_zeros(c), c)) for name, codes in candidates.items()}


def _trailing_zeros(code: int) -> int:
    text = str(code)
    return len(text) - len(text.rstrip("0"))


@dataclass(frozen=True)
class FieldMapping:
    """How a user's own layer maps onto the harmonised format (the columns the RDM would have produced)."""

    label: str                       # column with the crop label: a class name or an EWOC code
    ref_id: str                      # data set id, must start with the year, e.g. "2022_BEL_MYFIELDS_POINT_110"
    date: str | None = None          # column with the observation date
    fixed_date: str | None = None    # ...or one date for all rows (YYYY-MM-DD)
    sample_id: str | None = None     # column with a unique id; default: "<ref_id>_<row>"
    label_codes: dict[str, int] = field(default_factory=dict)  # explicit label -> EWOC code (wins)
    quality_score_lc: int = 100
    quality_score_ct: int = 100
    irrigation_status: int = 0
    extract: int = 1


def apply_field_mapping(raw: RawTable, mapping: FieldMapping,
                        class_mappings: dict[str, dict[str, str]]) -> tuple[RawTable, dict[str, int]]:
    """A harmonised RawTable and the labels that have no EWOC code ({label: rows}); validation flags those rows."""
    pd = _pd()
    frame = raw.frame
    for column in (mapping.label, mapping.date, mapping.sample_id):
        if column and column not in frame.columns:
            raise InputError(f"The layer has no column '{column}'.", field="field_mapping")
    if not (mapping.date or mapping.fixed_date):
        raise InputError("Choose the date column or give one date for all samples.", field="field_mapping")
    labels = _text(frame[mapping.label])
    codes, unmapped = _label_codes(labels, mapping, class_name_codes(class_mappings))
    out = pd.DataFrame({
        "sample_id": (_text(frame[mapping.sample_id]) if mapping.sample_id
                      else [f"{mapping.ref_id}_{i + 1}" for i in range(len(frame))]),
        "ewoc_code": codes,
        "valid_time": _text(frame[mapping.date]) if mapping.date else mapping.fixed_date,
        "irrigation_status": mapping.irrigation_status,
        "quality_score_lc": mapping.quality_score_lc,
        "quality_score_ct": mapping.quality_score_ct,
        "extract": mapping.extract,
        "h3_l3_cell": "",
        "ref_id": mapping.ref_id,
        "geometry": frame["geometry"].to_numpy(),
    })
    return RawTable(out, raw.crs, mapping.ref_id), unmapped


def _label_codes(labels, mapping: FieldMapping, by_name: dict[str, int]) -> tuple[list, dict[str, int]]:
    explicit = {str(k).strip().lower(): int(v) for k, v in mapping.label_codes.items()}
    codes, unmapped = [], {}
    for label in labels.tolist():
        key = label.lower()
        code = explicit.get(key)
        if code is None and key.isdigit() and len(key) == 10:
            code = int(key)
        if code is None:
            code = by_name.get(key) or by_name.get(key.replace(" ", "_"))
        if code is None:
            unmapped[label] = unmapped.get(label, 0) + 1
        codes.append(code)
    return codes, unmapped


def fill_h3_cells(samples) -> Any:
    """Compute missing h3_l3_cell ids from the points (needs the optional 'h3' package)."""
    empty = samples["h3_l3_cell"].eq("")
    if not empty.any():
        return samples
    h3 = _h3()
    out = samples.copy()
    out.loc[empty, "h3_l3_cell"] = [h3.latlng_to_cell(lat, lon, H3_RESOLUTION)
                                    for lon, lat in zip(out.loc[empty, "lon"], out.loc[empty, "lat"])]
    return out


def _h3():
    try:
        import h3
    except ImportError as err:
        raise DependencyError("The cap per H3 cell needs the Python package 'h3' (pip install h3); "
                              "choose 'extract flag' or 'all samples' instead.") from err
    return h3


# -- sample selection ---------------------------------------------------------------------------------------------


def select_samples(samples, mode: str = "extract", *, extract_value: int = 1, cap: int | None = None,
                   seed: int = 0) -> Any:
    """The library's choices: ``extract >= extract_value`` (RDM subset), all samples, or a cap per H3 cell x class.

    For "all" and "h3_cap" the chosen rows get ``extract = 1`` (what the extraction app writes).
    """
    if mode == "extract":
        return samples[samples["extract"] >= extract_value].reset_index(drop=True)
    if mode == "all":
        return samples.assign(extract=1).reset_index(drop=True)
    if mode != "h3_cap":
        raise InputError(f"Unknown sample selection '{mode}'; use one of {', '.join(SELECTION_MODES)}.",
                         field="selection")
    if not cap or cap < 1:
        raise InputError("Give the maximum number of samples per H3 cell and class (1 or more).", field="cap")
    filled = fill_h3_cells(samples)
    shuffled = filled.sample(frac=1.0, random_state=seed)
    chosen = shuffled.groupby(["h3_l3_cell", "ewoc_code"], sort=False).head(cap).index
    return filled.loc[sorted(chosen)].assign(extract=1).reset_index(drop=True)
