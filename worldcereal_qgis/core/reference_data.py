"""Private reference data (harmonised RDM format): validate it row by row.

Why per-row problems: users fix their files in a spreadsheet or GIS, so every problem names the row (1-based,
input order), the column and the reason; a data set with errors is never sent to openEO (credits).
Everything is vectorised (pandas/shapely) so 100,000 samples validate in a few seconds. Reading lives in
reference_io, coordinate plausibility in reference_coords, field mapping and sample selection in
reference_select; their public names are re-exported here so callers keep one import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import reference_coords as coords
from .dates import EARLIEST_DATE, last_complete_month_end
from .errors import InputError
from .reference_io import (  # noqa: F401  (re-exported)
    PARQUET_SUFFIXES,
    RawTable,
    from_records,
    is_parquet_path,
    read_geoparquet,
    read_ogr,
    read_reference_file,
)
from .reference_io import text_values as _text
from .reference_select import (  # noqa: F401  (re-exported)
    H3_RESOLUTION,
    SELECTION_MODES,
    FieldMapping,
    apply_field_mapping,
    class_name_codes,
    fill_h3_cells,
    is_h3_l3_cell,
    legend_codes,
    load_class_mappings,
    select_samples,
)

REQUIRED_COLUMNS = ("sample_id", "ewoc_code", "valid_time", "irrigation_status", "quality_score_lc",
                    "quality_score_ct", "extract", "h3_l3_cell", "ref_id", "geometry")
INT_COLUMNS = ("ewoc_code", "irrigation_status", "quality_score_lc", "quality_score_ct", "extract")
SCORE_COLUMNS = ("quality_score_lc", "quality_score_ct")
LABEL_COLUMNS = tuple(c for c in REQUIRED_COLUMNS if c != "geometry")
ERROR, WARNING, DROPPED = "error", "warning", "dropped"
_REF_ID = re.compile(r"^\d{4}_")
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
class ValidationResult:
    """Clean samples (points, EPSG:4326, harmonised dtypes) and everything found on the way."""

    samples: Any  # pandas.DataFrame: LABEL_COLUMNS + geometry (WKB) + lon, lat, row
    problems: list[Problem]
    notes: list[str]
    n_input: int
    name: str = "reference data"
    unknown_codes: dict[int, int] = field(default_factory=dict)  # EWOC code -> rows, codes the legend lacks

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def dropped(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == DROPPED]

    @property
    def dataset_errors(self) -> list[Problem]:
        """Errors about the whole data set (empty, coordinates, missing columns): the sentence to show first."""
        return [p for p in self.errors if p.row is None]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """One or two sentences for the message bar / Processing log."""
        if self.n_input == 0:
            return self.dataset_errors[0].message
        text = f"{len(self.samples)} of {self.n_input} samples are valid"
        if self.errors:
            text += f"; {len(self.errors)} errors must be fixed before extracting"
        if self.dropped:
            text += f"; {len(self.dropped)} polygons dropped (centroid outside)"
        text += "."
        if self.unknown_codes:
            text += " " + self.legend_warning()
        text = " ".join([text, *self.quality_lines()])
        return f"{text} {self.dataset_errors[0].message}" if self.dataset_errors else text

    def quality_lines(self) -> list[str]:
        """What the training's sample filters will remove from these samples (core/quality_filters.py)."""
        from .quality_filters import count_filters

        if self.samples is None or not len(self.samples):
            return []
        columns = {c: self.samples[c].to_numpy() for c in ("quality_score_lc", "quality_score_ct",
                                                            "CTY24_anomaly_flag") if c in self.samples.columns}
        return [f.sentence for f in count_filters(columns)]

    def legend_warning(self) -> str:
        """The codes unknown to the class mappings, most frequent first (they would train as nothing)."""
        rows = sum(self.unknown_codes.values())
        codes = sorted(self.unknown_codes, key=lambda c: (-self.unknown_codes[c], c))
        shown = ", ".join(f"{c} ({self.unknown_codes[c]})" for c in codes[:5])
        more = f" and {len(codes) - 5} more" if len(codes) > 5 else ""
        return (f"{rows} samples have EWOC codes unknown to the class mappings: {shown}{more} "
                "(code (samples)); no model class is trained on them.")

    def require_ok(self) -> None:
        if not self.errors:
            return
        first = self.errors[0]
        if first.row is None:
            raise InputError(f"{first.message.rstrip('.')}; fix this before extracting.", field="reference_data")
        raise InputError(f"The reference data has {len(self.errors)} errors (first, row {first.row}: "
                         f"{first.message.rstrip('.')}); fix them before extracting.", field="reference_data")


# -- validation ---------------------------------------------------------------------------------------------------


@dataclass
class _Checker:
    frame: Any
    problems: list[Problem] = field(default_factory=list)
    bad: Any = None  # boolean numpy array: rows with errors
    unknown_codes: dict[int, int] = field(default_factory=dict)
    land: Any = None  # reference_coords.land_grid, when the crop calendar is at hand

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


def validate(raw: RawTable, *, today: date | None = None, legend: set[int] | None = None,
             land: Any = None) -> ValidationResult:
    """Check the harmonised format row by row; reproject to EPSG:4326 and turn polygons into centroids."""
    import numpy as np

    frame = raw.frame.reset_index(drop=True)
    if frame.empty:
        empty = _clean_frame({}, np.zeros(0, dtype=bool), list(REQUIRED_COLUMNS))
        return ValidationResult(empty, [Problem(None, None, f"{raw.name} holds no samples: it has no rows.")], [],
                                0, raw.name)
    check = _Checker(frame, bad=np.zeros(len(frame), dtype=bool), land=land)
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
        out.update(_check_geometry(check, raw.crs, notes))
    samples = _clean_frame(out, check.bad, missing)
    return ValidationResult(samples, sorted(check.problems, key=_problem_order), notes, len(frame), raw.name,
                            check.unknown_codes)


def _problem_order(p: Problem) -> tuple:
    return (p.row or 0, REQUIRED_COLUMNS.index(p.column) if p.column in REQUIRED_COLUMNS else 99)


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
    import pandas as pd
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
            check.unknown_codes = {int(c): int(n) for c, n in ints[unknown].value_counts().items()}
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
    import pandas as pd
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


def _check_geometry(check: _Checker, crs: str | None, notes: list[str]) -> dict:
    import numpy as np
    import shapely

    geoms = _from_wkb(check.frame["geometry"])
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    check.flag(missing, "geometry", "The geometry is empty.")
    kinds = shapely.get_type_id(geoms)
    polygonal = np.isin(kinds, (3, 6))
    wrong_kind = ~missing & ~polygonal & (kinds != 0)
    check.flag(wrong_kind, "geometry", lambda rows: [
        f"The geometry is a {geoms[r].geom_type}, not a point or polygon." for r in rows])
    crs = coords.usable_crs(crs, notes)
    raw_x, raw_y = shapely.bounds(geoms)[:, 0], shapely.bounds(geoms)[:, 1]
    geoms = coords.to_4326(geoms, crs, notes, missing)
    points = np.where(polygonal, None, geoms)
    if polygonal.any():
        centroids, outside = coords.centroids_3857(geoms[polygonal])
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
    usable = ok & ~check.bad
    if not _check_dataset_coordinates(check, (raw_x, raw_y), lon, lat, usable, crs):
        _check_lonlat(check, lon, lat, usable)  # per row only when the data set as a whole is plausible
    return {"geometry": points, "lon": lon, "lat": lat}


def _check_dataset_coordinates(check: _Checker, raw_xy, lon, lat, ok, crs: str | None) -> bool:
    """Swapped axes or a mislabelled CRS make every row wrong: one error for the data set, no sample kept."""
    found = coords.dataset_problems(check.frame, raw_xy[0], raw_xy[1], lon, lat, ok, crs, check.land)
    for text in found:
        check.problems.append(Problem(None, "geometry", text, ERROR))
        check.bad |= True
    return bool(found)


def _from_wkb(wkbs) -> Any:
    import numpy as np
    import shapely

    values = np.array([w if isinstance(w, (bytes, bytearray, memoryview)) else None for w in wkbs], dtype=object)
    return shapely.from_wkb(values, on_invalid="ignore")


def _check_lonlat(check: _Checker, lon, lat, ok) -> None:
    not_lonlat = ok & ((abs(lon) > 180) | (abs(lat) > 90))
    check.flag(not_lonlat, "geometry", lambda rows: [
        f"The coordinates ({lon[r]:.6g}, {lat[r]:.6g}) are not longitude/latitude; the layer's CRS is probably wrong."
        for r in rows])
    off_grid = ok & ~not_lonlat & ((lat < _LAT_RANGE[0]) | (lat > _LAT_RANGE[1]))
    zero = ok & coords.null_island(lon, lat)
    check.flag(zero, "geometry", "The point lies at (0, 0): its coordinates are missing or in the wrong CRS.")
    check.flag(off_grid, "geometry", lambda rows: [
        f"Latitude {lat[r]:.4f} is outside the Sentinel-2 grid (80°S to 84°N)." for r in rows])


def _clean_frame(out: dict, bad, missing: list[str]) -> Any:
    """The valid rows with harmonised dtypes; empty when a required column is missing."""
    import numpy as np
    import pandas as pd
    import shapely
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
