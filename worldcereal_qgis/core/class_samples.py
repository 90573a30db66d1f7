"""The class picker's samples: one entry per sample, counted as the training will count them.

Counting follows the training's own rules (``training/samples.py``: one sample per ``sample_id``,
``valid_time`` month in the season window in some year, the months the default alignment needs, the library's
quality filters) but reads only the label columns with pyarrow, so it runs
in QGIS's Python in seconds. Dekadal files count months, not rows; legacy wide files are converted first
(``extraction_formats``); what was found is said per file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np

from . import extraction_formats as ef
from . import quality_filters as qf
from .errors import CancelledError, DependencyError, InputError
from .training_inputs import DEFAULT_ALIGNMENT
from .worker_arrays import by_rows

NUM_TIMESTEPS = 12
COLUMNS = ("sample_id", "ewoc_code", "valid_time", "timestamp", "lon", "lat")
FILTER_COLUMNS = (*qf.SCORE_COLUMNS, qf.OUTLIER_FLAG)


@dataclass
class RawSamples:
    """One entry per sample (first row of each ``sample_id``) plus the month index of every row."""

    sample_id: np.ndarray  # str objects
    code: np.ndarray  # int64, 0 when missing
    lon: np.ndarray
    lat: np.ndarray
    valid_ym: np.ndarray  # year*12+month-1 of valid_time, -1 when unreadable
    row_sample: np.ndarray  # sample index of every row
    row_ym: np.ndarray  # month index of every row's timestamp
    files: tuple[str, ...] = ()
    filters: dict = field(default_factory=dict)  # quality/outlier columns, one value per sample
    reports: list = field(default_factory=list)  # one sentence per file: format, time step, rows -> months

    def __len__(self) -> int:
        return len(self.sample_id)


@dataclass
class SampleSet:
    """The samples as the training would see them for one season."""

    raw: RawSamples
    season: Optional[Any]  # class_hierarchy.Season
    kept: np.ndarray  # bool per sample: in the season with 12 complete months, not filtered out
    outside: int = 0  # valid_time outside the season
    incomplete: int = 0  # in the season but without all 12 months
    filtered: list = field(default_factory=list)  # quality_filters.FilterCount of the in-season samples

    def code_counts(self) -> dict[int, int]:
        codes, counts = np.unique(self.raw.code[self.kept], return_counts=True)
        return {int(c): int(n) for c, n in zip(codes, counts)}


def read_samples(paths: Sequence[str], is_cancelled: Callable[[], bool] = lambda: False) -> RawSamples:
    """Read the label columns of every file (Parquet, GeoParquet or a partitioned folder); one sentence on error."""
    try:
        import pyarrow as pa
    except ImportError as err:
        raise DependencyError("Reading extractions needs the Python package 'pyarrow'; install it first.") from err
    if not paths:
        raise InputError("Choose at least one extractions file.", field="samples")
    tables, reports = [], []
    for path in paths:
        if is_cancelled():
            raise CancelledError("Reading the samples was cancelled.")
        table = _read_table(Path(path))
        tables.append(table)
        reports.append(_report(table, Path(path)))
    return _per_sample(pa.concat_tables(tables, promote_options="permissive"), tuple(str(p) for p in paths),
                       reports)


def _read_table(path: Path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not path.exists():
        raise InputError(f"The samples file {path} does not exist.", field="samples")
    try:
        names = pq.read_schema(str(path)).names if path.is_file() else pq.ParquetDataset(str(path)).schema.names
        if ef.detect_format(names) == ef.WIDE:  # one row per sample: converted, then read like the rest
            table = ef.wide_to_long(pq.read_table(str(path)), path.name)
        else:
            wanted = [c for c in (*COLUMNS, "ref_id", *FILTER_COLUMNS) if c in names]
            missing = [c for c in COLUMNS if c not in names]
            if missing:
                raise InputError(f"{path.name} is not in WorldCereal's long extraction format: missing column(s) "
                                 f"{', '.join(missing)}.", field="samples")
            table = pq.read_table(str(path), columns=wanted)
    except (OSError, pa.ArrowException) as err:
        raise InputError(f"{path.name} is not a readable Parquet file.", field="samples") from err
    if table.num_rows == 0:
        raise InputError(f"{path.name} holds no samples.", field="samples")
    return _cast(table)


def _cast(table):
    """Label columns as the picker reads them; filter columns and ref_id as text/float, kept when present."""
    import pyarrow as pa

    types = {"sample_id": pa.string(), "ewoc_code": pa.int64(), "valid_time": pa.string(), "timestamp": pa.string(),
             "lon": pa.float64(), "lat": pa.float64(), "ref_id": pa.string(), qf.OUTLIER_FLAG: pa.string(),
             **{c: pa.float64() for c in qf.SCORE_COLUMNS}}
    columns = {}
    for name in [c for c in types if c in table.column_names]:
        column = table.column(name)
        if pa.types.is_dictionary(column.type):
            column = column.cast(column.type.value_type)
        columns[name] = column.cast(types[name])
    return pa.table(columns)


def _report(table, path: Path) -> str:
    """``file: long format, dekadal, 51 rows per sample -> 17 monthly composites (500 samples).``"""
    import pyarrow as pa

    shape = ef.WIDE if "ref_id" not in table.column_names and _was_wide(path) else ef.LONG
    steps = ef.detect_steps(table.set_column(table.column_names.index("timestamp"), "timestamp",
                                             table.column("timestamp").cast(pa.string())))
    raw = _per_sample(table, (str(path),), [])
    rows = np.bincount(raw.row_sample, minlength=len(raw))
    months = np.bincount(np.unique(raw.row_sample * 100000 + raw.row_ym) // 100000, minlength=len(raw))
    return ef.FileReport(name=path.name, format=shape, steps=steps, rows_read=table.num_rows, samples=len(raw),
                         rows_per_sample=(int(rows.min()), int(rows.max())),
                         months_per_sample=(int(months.min()), int(months.max()))).sentence()


def _was_wide(path: Path) -> bool:
    import pyarrow.parquet as pq

    return path.is_file() and ef.detect_format(pq.read_schema(str(path)).names) == ef.WIDE


def _per_sample(table, files: tuple[str, ...], reports: list) -> RawSamples:
    import pyarrow as pa

    unique, first, inverse = _sample_index(table["sample_id"])
    # each sample's first row taken in Arrow before numpy sees it: a text column (the outlier flag) became 1.8
    # million Python strings for 100,000 samples, ~80 ms holding the GIL in one call (#21); now one per sample
    label_columns = ["ewoc_code", "lon", "lat", "valid_time", *(c for c in FILTER_COLUMNS if c in table.column_names)]
    firsts = table.select(label_columns).take(pa.array(first))

    def column(name: str) -> np.ndarray:
        return firsts[name].to_numpy(zero_copy_only=False)

    filters = {c: column(c) for c in FILTER_COLUMNS if c in table.column_names}
    return RawSamples(sample_id=unique, code=firsts["ewoc_code"].fill_null(0).to_numpy().astype(np.int64),
                      lon=column("lon").astype(float), lat=column("lat").astype(float),
                      valid_ym=_month_index(firsts["valid_time"]), row_sample=inverse.reshape(-1),
                      row_ym=_month_index(table["timestamp"]), files=files, filters=filters, reports=list(reports))


def _sample_index(column) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What ``np.unique(ids, return_index=True, return_inverse=True)`` gives (sorted ids, first row of each, each
    row's position among them), computed in Arrow: numpy sorting 1.8 million Python strings (100,000 samples)
    held the GIL for seconds, and with it every Python timer of the GUI thread (#21)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column.fill_null("").combine_chunks())  # ids in order of first appearance
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    order = pc.sort_indices(encoded.dictionary).to_numpy(zero_copy_only=False).astype(np.int64)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    first_seen = np.empty(len(order), dtype=np.int64)
    first_seen[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)  # the last write, i.e. the first row, wins
    ids = encoded.dictionary.take(pa.array(order))  # one Python string per sample: by row slices
    unique = by_rows(len(ids), lambda start, length: np.asarray(ids.slice(start, length).to_numpy(
        zero_copy_only=False), dtype=object))
    return unique, first_seen[order], rank[codes]


def _month_index(column) -> np.ndarray:
    """year*12+month-1 from ISO-like text (``2022-06-01``, ``2022-06-01 00:00:00``), -1 where unreadable."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pa.types.is_string(column.type):
        column = column.cast(pa.string())
    text = pc.utf8_slice_codeunits(column, 0, 7)
    parsed = pc.strptime(text, format="%Y-%m", unit="s", error_is_null=True)
    ym = pc.add(pc.multiply(pc.year(parsed), 12), pc.subtract(pc.month(parsed), 1))
    return ym.fill_null(-1).to_numpy().astype(np.int64)


def apply_season(raw: RawSamples, season, keep_zero_quality: bool = False,
                 alignment: str = DEFAULT_ALIGNMENT) -> SampleSet:
    """The training's alignment rule without the band data, then its quality filters; no season keeps all.

    ``relaxed``: at least 12 months extracted and the label inside them (its window then lies in the series);
    ``period`` (and ``strict``, which needs the same months here): all 12 months of the processing period."""
    usable = qf.kept_after(raw.filters, keep_zero_quality) if raw.filters else np.ones(len(raw), dtype=bool)
    if season is None:
        return SampleSet(raw, None, usable, filtered=qf.count_filters(raw.filters, keep_zero_quality))
    window = season.months()
    offset_of_month = {month: year_off for year_off, month in window}
    year_offset = np.array([offset_of_month.get(month, np.nan) for month in range(1, 13)], dtype=float)
    offsets = year_offset[raw.valid_ym % 12]  # one look-up per calendar month, not a Python loop per sample
    in_season = (raw.valid_ym >= 0) & ~np.isnan(offsets)
    relaxed = alignment == "relaxed"
    complete = _series_holds_label(raw) if relaxed else _period_complete(raw, season, offsets, in_season)
    aligned = in_season & complete
    filtered = qf.count_filters({c: v[aligned] for c, v in raw.filters.items()}, keep_zero_quality)
    return SampleSet(raw, season, aligned & usable, outside=int((~in_season).sum()),
                     incomplete=int((in_season & ~complete).sum()), filtered=filtered)


def _series_holds_label(raw: RawSamples) -> np.ndarray:
    """12 or more months from the first to the last extracted month, the label's month among them."""
    ok = raw.row_ym >= 0
    first = np.full(len(raw), np.iinfo(np.int64).max)
    last = np.full(len(raw), -1)
    np.minimum.at(first, raw.row_sample[ok], raw.row_ym[ok])
    np.maximum.at(last, raw.row_sample[ok], raw.row_ym[ok])
    return (last - first + 1 >= NUM_TIMESTEPS) & (raw.valid_ym >= first) & (raw.valid_ym <= last)


def _period_complete(raw: RawSamples, season, offsets: np.ndarray, in_season: np.ndarray) -> np.ndarray:
    """Every month of the 12-month processing period ending with the season (the year holding the label)."""
    end_index = season.end.year * 12 + season.end.month - 1
    shift = np.where(in_season, raw.valid_ym // 12 - (season.end.year + np.nan_to_num(offsets)), 0).astype(np.int64)
    target_end = shift * 12 + end_index
    step = raw.row_ym - (target_end[raw.row_sample] - (NUM_TIMESTEPS - 1))
    ok = (step >= 0) & (step < NUM_TIMESTEPS) & in_season[raw.row_sample] & (raw.row_ym >= 0)
    pairs = np.unique(raw.row_sample[ok] * NUM_TIMESTEPS + step[ok])
    return np.bincount(pairs // NUM_TIMESTEPS, minlength=len(raw)) == NUM_TIMESTEPS
