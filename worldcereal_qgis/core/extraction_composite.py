"""Dekadal extraction rows -> monthly composites, band by band as the official inputs graph composites them.

The rule per band (our docs/TRAINING_INPUTS.md says why each is what it is):

* Sentinel-2 L2A bands: median of the month's valid values (the graph's ``aggregate_temporal_period`` median).
* Sentinel-1 sigma0 VV/VH: mean in linear power (the graph averages before converting to dB), so the stored
  values (``DN = 10^((dB + 83) / 20)``) go DN -> dB -> power, are averaged, and go back.
* AgERA5 precipitation: the month's total, i.e. the mean of its valid dekads x 3 (the monthly collection holds
  totals; a missing dekad counts as the mean of the others).
* AgERA5 mean temperature: mean of the valid dekads.
* elevation, slope: static; the median (all dekads hold the same value).

NODATA (65535) never enters a statistic; a month without any valid value stays NODATA. Rows that are already
monthly (one row in their month, on day 1) keep their values unchanged. pyarrow + numpy only.
"""

from __future__ import annotations

import numpy as np

from .worker_arrays import by_rows

NODATA = 65535
S2_BANDS = ("S2-L2A-B02", "S2-L2A-B03", "S2-L2A-B04", "S2-L2A-B05", "S2-L2A-B06", "S2-L2A-B07", "S2-L2A-B08",
            "S2-L2A-B8A", "S2-L2A-B11", "S2-L2A-B12")
S1_BANDS = ("S1-SIGMA0-VH", "S1-SIGMA0-VV")
BAND_COLUMNS = (*S2_BANDS, *S1_BANDS, "AGERA5-PRECIP", "AGERA5-TMEAN", "elevation", "slope")
RULES = {**{b: "median" for b in S2_BANDS}, **{b: "power_mean" for b in S1_BANDS},
         "AGERA5-PRECIP": "dekad_total", "AGERA5-TMEAN": "mean", "elevation": "median", "slope": "median"}
CARRIED = ("ref_id", "quality_score_lc", "quality_score_ct", "CTY24_confidence_nonoutlier", "CTY24_anomaly_flag",
           "s1_orbit_state", "irrigation_status", "h3_l3_cell", "tile")
DEKADS_PER_MONTH = 3


def to_monthly(table):
    """One row per sample and month; label columns from the month's first row, bands composited."""
    import pyarrow as pa

    sample = sample_codes(table)
    month_i, dom = month_and_day(table)
    key = sample * (int(month_i.max() - month_i.min()) + 1) + (month_i - month_i.min())
    _, first, group, size = np.unique(key, return_index=True, return_inverse=True, return_counts=True)
    group = group.ravel()
    already = (size == 1) & (dom[first] == 1)
    slots = _slots(group, size)
    out = table.take(pa.array(first))
    for band in BAND_COLUMNS:
        raw = as_uint16(table.column(band))
        values = np.where(raw == NODATA, np.nan, raw.astype(np.float64))
        monthly = _composite(RULES[band], values, group, len(first), slots)
        monthly = np.where(already, raw[first], monthly)
        out = out.set_column(out.column_names.index(band), band, pa.array(monthly.astype(np.uint16)))
    stamps = (month_i[first] - 1970 * 12).astype("datetime64[M]").astype("datetime64[ms]")
    return out.set_column(out.column_names.index("timestamp"), "timestamp", pa.array(stamps))


def sample_codes(table) -> np.ndarray:
    """An integer per distinct ``sample_id`` (hash-encoded by pyarrow: fast on millions of rows)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = table.column("sample_id").combine_chunks()
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    return pc.dictionary_encode(column.fill_null("")).indices.to_numpy(zero_copy_only=False).astype(np.int64)


def month_and_day(table) -> tuple:
    """(year * 12 + month - 1, day of month) of every row's timestamp."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = table.column("timestamp")
    if not pa.types.is_timestamp(column.type):  # numpy parses the text: by row slices, each cast holds the GIL
        return by_rows(table.num_rows, lambda start, length: _month_and_day_of(_day_column(table, start, length)))
    year, month, day = (f(column).to_numpy(zero_copy_only=False).astype(np.int64) for f in (pc.year, pc.month, pc.day))
    return year * 12 + month - 1, day


def _month_and_day_of(days: np.ndarray) -> tuple:
    month = days.astype("datetime64[M]").astype(np.int64) + 1970 * 12
    return month, (days - days.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64) + 1


def _slots(group: np.ndarray, size: np.ndarray) -> tuple:
    """Where each row goes in a (groups, largest group) matrix: its group and its rank inside the group."""
    order = np.argsort(group, kind="stable")
    start = np.concatenate(([0], np.cumsum(size)[:-1]))
    rank = np.empty(len(group), dtype=np.int64)
    rank[order] = np.arange(len(group)) - start[group[order]]
    return rank, int(size.max()) if len(size) else 1


def _composite(rule: str, values: np.ndarray, group: np.ndarray, n_groups: int, slots: tuple) -> np.ndarray:
    """One value per group as float with NODATA for empty groups, rounded for uint16."""
    if rule == "median":
        result = _grouped_median(values, group, n_groups, slots)
    elif rule == "power_mean":
        power = np.where(values > 0, 10.0 ** ((20.0 * np.log10(np.where(values > 0, values, 1.0)) - 83.0) / 10.0),
                         np.nan)
        mean = _grouped_mean(power, group, n_groups)
        result = np.where(mean > 0, 10.0 ** ((10.0 * np.log10(np.where(mean > 0, mean, 1.0)) + 83.0) / 20.0),
                          np.nan)
    elif rule == "dekad_total":
        result = _grouped_mean(values, group, n_groups) * DEKADS_PER_MONTH
    else:
        result = _grouped_mean(values, group, n_groups)
    return np.where(np.isnan(result), NODATA, np.clip(np.rint(result), 0, NODATA - 1))


def _grouped_mean(values: np.ndarray, group: np.ndarray, n_groups: int) -> np.ndarray:
    ok = ~np.isnan(values)
    total = np.bincount(group[ok], weights=values[ok], minlength=n_groups)
    count = np.bincount(group[ok], minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def _grouped_median(values: np.ndarray, group: np.ndarray, n_groups: int, slots: tuple) -> np.ndarray:
    """Median of the non-NaN values of each group: rows spread into a (groups, k) matrix (k = 3 for dekads),
    sorted along k with NaN last, the middle picked by the count of valid values."""
    rank, width = slots
    matrix = np.full((n_groups, width), np.nan, dtype=np.float32)
    matrix[group, rank] = values
    if width <= DEKADS_PER_MONTH:  # up to 3 values: median = sum - min - max (3), mean (2), the value (1)
        columns = [np.ascontiguousarray(matrix[:, k]) for k in range(width)]
        count, total = np.zeros(n_groups, dtype=np.int64), np.zeros(n_groups)
        low, high = columns[0].copy(), columns[0].copy()
        for column in columns:
            valid = ~np.isnan(column)
            count += valid
            total += np.where(valid, column, 0.0)
            low, high = np.fmin(low, column), np.fmax(high, column)
        middle = np.where(count == 3, total - low - high, total / np.maximum(count, 1))
        return np.where(count > 0, middle, np.nan)
    matrix.sort(axis=1)
    count = (~np.isnan(matrix)).sum(axis=1)
    rows = np.arange(n_groups)
    low = matrix[rows, np.maximum(count - 1, 0) // 2]
    high = matrix[rows, np.maximum(count, 1) // 2 - (count == 0)]
    return np.where(count > 0, (low + high) / 2.0, np.nan)


def rows_per_sample(table) -> np.ndarray:
    return np.bincount(sample_codes(table))


def step_dates(start: np.ndarray, step: np.ndarray, freq: str) -> np.ndarray:
    """datetime64[D] of ``start`` + ``step`` months (``monthly``) or dekads (``dekadal``; days 1, 11, 21)."""
    if freq == "monthly":
        return (start.astype("datetime64[M]") + step).astype("datetime64[D]")
    dom = (start - start.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64) + 1
    index = start.astype("datetime64[M]").astype(np.int64) * 3 + np.minimum((dom - 1) // 10, 2) + step
    return (index // 3).astype("datetime64[M]").astype("datetime64[D]") + (index % 3) * 10


def as_uint16(column) -> np.ndarray:
    """Band values as uint16 with NaN/null/out-of-range -> NODATA (wide tables store floats)."""
    import pyarrow as pa

    if pa.types.is_uint16(column.type) and column.null_count == 0:  # the long format's own type: no conversion
        return column.to_numpy(zero_copy_only=False)
    values = column.to_numpy(zero_copy_only=False).astype(np.float64)
    bad = np.isnan(values) | (values < 0) | (values > NODATA)
    return np.where(bad, NODATA, np.rint(np.where(bad, 0, values))).astype(np.uint16)


def cast_columns(table):
    """The same types in every file: bands uint16, ids/labels strings, timestamps in ms, scores float."""
    import pyarrow as pa

    for name in table.column_names:
        column = table.column(name)
        if pa.types.is_dictionary(column.type):
            column = column.cast(column.type.value_type)
        if name in BAND_COLUMNS:
            column = pa.array(as_uint16(column))
        elif name == "timestamp":
            column = pa.array(_days_in_ms(table))
        elif name in ("lat", "lon") or name.startswith("quality_score") or name.endswith("nonoutlier"):
            column = column.cast(pa.float64())
        elif name in ("ewoc_code", "irrigation_status"):
            column = column.cast(pa.int64())
        else:
            column = column.cast(pa.string())
        table = table.set_column(table.column_names.index(name), name, column)
    return table


def _days_in_ms(table) -> np.ndarray:
    return by_rows(table.num_rows, lambda start, length: _day_column(table, start, length).astype("datetime64[ms]"))


def _day_column(table, start: int, length: int) -> np.ndarray:
    """The day of rows ``start`` to ``start + length`` of ``timestamp`` (callers slice: text goes through Python
    strings, ``core/worker_arrays``)."""
    import pyarrow as pa

    column = table.column("timestamp").slice(start, length)
    if pa.types.is_timestamp(column.type) and column.type.tz is not None:
        column = column.cast(pa.timestamp(column.type.unit))
    return column.to_numpy(zero_copy_only=False).astype("datetime64[D]")
