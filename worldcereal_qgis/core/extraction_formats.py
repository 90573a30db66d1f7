"""Extraction files as users really have them, checked and normalised before anything is built or paid for.

Three shapes reach the training flow: WorldCereal's current long format with monthly rows, the same with
dekadal rows (days 1, 11, 21), and the legacy wide format of earlier extractions (one row per sample,
``<SENSOR>-<band>-ts<N>-<res>`` columns). The default model runs on monthly composites, so every file is
turned into one monthly long table here, on the QGIS side, in seconds: the training subprocess then gets one
file it can trust, and the user learns what was found before the 1.5-minute training-environment build.
How each band is composited is in docs/TRAINING_INPUTS.md (``composite.py`` holds the arithmetic).

pyarrow + numpy only: no pandas (QGIS 3.22 installs may lack it) and no QGIS import.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import extraction_composite as comp
from .errors import InputError

LONG, WIDE = "long", "legacy wide"
MONTHLY, DEKADAL, IRREGULAR = "monthly", "dekadal", "irregular"
NODATA = comp.NODATA
BAND_COLUMNS = comp.BAND_COLUMNS
REQUIRED_LABELS = ("sample_id", "timestamp", "valid_time", "ewoc_code", "lat", "lon")
WIDE_COLUMN = re.compile(r"^(OPTICAL|SAR|METEO)-(.+)-ts(\d+)-(10m|20m|100m)$")
WIDE_BANDS = {
    **{f"OPTICAL-{b}": f"S2-L2A-{b}" for b in ("B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11",
                                               "B12")},
    "SAR-VH": "S1-SIGMA0-VH", "SAR-VV": "S1-SIGMA0-VV",
    "METEO-precipitation_flux": "AGERA5-PRECIP", "METEO-temperature_mean": "AGERA5-TMEAN",
}
WIDE_STATIC = {"DEM-alt-20m": "elevation", "DEM-slo-20m": "slope"}


@dataclass
class FileReport:
    """What one file held and what was done to it: the lines the log and the result dialog show."""

    name: str
    format: str
    steps: dict = field(default_factory=dict)  # ref_id -> MONTHLY / DEKADAL / IRREGULAR
    rows_read: int = 0
    samples: int = 0
    rows_per_sample: tuple = (0, 0)
    months_per_sample: tuple = (0, 0)

    def sentence(self) -> str:
        """``x.parquet: long format, dekadal, 37-51 rows per sample -> 12-17 monthly composites (500 samples).``"""
        steps = sorted(set(self.steps.values())) or [MONTHLY]
        kind = " and ".join(steps) + (" (per ref_id)" if len(steps) > 1 else "")
        rows, months = _span(self.rows_per_sample), _span(self.months_per_sample)
        done = (f"{rows} rows per sample -> {months} monthly composites" if DEKADAL in steps
                else f"{months} monthly rows per sample, used as they are")
        if self.format == WIDE:
            done = f"converted to the long format, {done}"
        return f"{self.name}: {self.format} format, {kind}, {done} ({self.samples} samples)."


def read_table(path: str):
    """The file as a pyarrow table, or one sentence naming the file and what is wrong with it."""
    import pyarrow.parquet as pq

    file = Path(path)
    if not file.exists():
        raise InputError(f"The extractions file {file} does not exist.", field="SAMPLES")
    if file.is_file() and file.stat().st_size == 0:
        raise InputError(f"The extractions file {file.name} is empty (0 bytes).", field="SAMPLES")
    try:
        names = pq.read_schema(str(file)).names if file.is_file() else None
        wanted = [c for c in (*REQUIRED_LABELS, *comp.CARRIED, *BAND_COLUMNS) if names and c in names]
        long = names is not None and detect_format(names, file.name) == LONG
        table = pq.read_table(str(file), columns=wanted if long else None)  # only what training reads
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 — pyarrow raises many types for a file that is not Parquet
        raise InputError(f"{file.name} is not a readable Parquet file ({str(exc).rstrip('.')}).",
                         field="SAMPLES") from exc
    if table.num_rows == 0:
        raise InputError(f"{file.name} holds no rows.", field="SAMPLES")
    return table


def detect_format(columns, name: str = "The file") -> str:
    """LONG when the 16 band columns are there; WIDE for ``<SENSOR>-<band>-ts<N>-<res>`` columns; else refuse."""
    names = set(columns)
    if set(BAND_COLUMNS) <= names and "timestamp" in names:
        return LONG
    if any(WIDE_COLUMN.match(c) for c in names):
        return WIDE
    missing = [c for c in (*REQUIRED_LABELS, *BAND_COLUMNS) if c not in names]
    raise InputError(
        f"{name} is neither WorldCereal's long extraction format (one row per sample and time step; missing "
        f"{', '.join(missing[:4])}{' and more' if len(missing) > 4 else ''}) nor its legacy wide format "
        f"(columns like OPTICAL-B02-ts0-10m).", field="SAMPLES")


def wide_to_long(table, name: str):
    """Legacy wide rows -> long rows: band names mapped, NaN -> 65535, timestamps = start_date + N steps."""
    import pyarrow as pa

    cols = table.column_names
    for need, why in (("sample_id", "to tell its samples apart"), ("start_date", "to date its time steps"),
                      ("ewoc_code", "for the crop labels"), ("lat", "for the sample positions"),
                      ("lon", "for the sample positions")):
        if need not in cols:
            raise InputError(f"{name} is a legacy wide WorldCereal extraction (OPTICAL-B02-ts0-10m columns), but "
                             f"it has no {need} column, which converting it to the long format needs {why}.",
                             field="SAMPLES")
    valid = "valid_time" if "valid_time" in cols else "valid_date" if "valid_date" in cols else None
    if valid is None:
        raise InputError(f"{name} is a legacy wide WorldCereal extraction, but it has no valid_time (or "
                         f"valid_date) column, which training needs to place each label in its season.",
                         field="SAMPLES")
    steps = sorted({int(m.group(3)) for m in map(WIDE_COLUMN.match, cols) if m})
    n_samples, n_steps = table.num_rows, steps[-1] + 1
    start = as_days(table.column("start_date"))
    freq = _wide_step(table, start, n_steps)
    out = {"sample_id": np.repeat(_strings(table.column("sample_id")), n_steps)}
    out["timestamp"] = comp.step_dates(np.repeat(start, n_steps), np.tile(np.arange(n_steps), n_samples), freq)
    for label in (valid, "ewoc_code", "lat", "lon", *[c for c in comp.CARRIED if c in cols and c != valid]):
        out["valid_time" if label == valid else label] = np.repeat(table.column(label).to_numpy(
            zero_copy_only=False), n_steps)
    for band in BAND_COLUMNS:
        out[band] = np.full(n_samples * n_steps, NODATA, dtype=np.uint16)
    for column in cols:
        match = WIDE_COLUMN.match(column)
        target = WIDE_BANDS.get(f"{match.group(1)}-{match.group(2)}") if match else WIDE_STATIC.get(column)
        if target is None:
            continue
        values = comp.as_uint16(table.column(column))
        if match:
            out[target][int(match.group(3))::n_steps] = values
        else:
            out[target] = np.repeat(values, n_steps)
    out["timestamp"] = pa.array(out["timestamp"].astype("datetime64[ms]"))
    return pa.table(out)


def detect_steps(table) -> dict:
    """Time step per ref_id from the day of month of its timestamps: 1 only = monthly; 1/11/21 = dekadal."""
    import pyarrow as pa
    import pyarrow.compute as pc

    _month, dom = comp.month_and_day(table)
    if "ref_id" in table.column_names:
        column = table.column("ref_id").combine_chunks()
        column = column.cast(column.type.value_type) if pa.types.is_dictionary(column.type) else column
        encoded = pc.dictionary_encode(column.cast(pa.string()))
        names, refs = encoded.dictionary.to_pylist(), encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
    else:
        names, refs = ["samples"], np.zeros(len(dom), dtype=np.int64)
    out = {}
    for code, ref in enumerate(names):
        present = set(np.unique(dom[refs == code]).tolist())
        out[str(ref)] = MONTHLY if present == {1} else DEKADAL if present <= {1, 11, 21} else IRREGULAR
    return out


def normalise_table(table, name: str):
    """(monthly long table, FileReport) for one file in any supported shape."""
    shape = detect_format(table.column_names, name)
    if shape == WIDE:
        table = wide_to_long(table, name)
    missing = [c for c in REQUIRED_LABELS if c not in table.column_names]
    if missing:
        raise InputError(f"{name} is in WorldCereal's long extraction format but lacks the column(s) "
                         f"{', '.join(missing)}.", field="SAMPLES")
    table = table.select([c for c in (*REQUIRED_LABELS, *comp.CARRIED, *BAND_COLUMNS) if c in table.column_names])
    steps = detect_steps(table)
    odd = [ref for ref, step in steps.items() if step == IRREGULAR]
    if odd:
        raise InputError(f"{name}: the timestamps of {', '.join(odd[:3])} are neither monthly (day 1) nor "
                         f"dekadal (days 1, 11, 21), so they cannot be composited to months.", field="SAMPLES")
    rows = comp.rows_per_sample(table)
    monthly = comp.to_monthly(table)
    months = comp.rows_per_sample(monthly)
    report = FileReport(name=name, format=shape, steps=steps, rows_read=table.num_rows, samples=len(rows),
                        rows_per_sample=(int(rows.min()), int(rows.max())),
                        months_per_sample=(int(months.min()), int(months.max())))
    return monthly, report


def normalise_files(paths, out_path: Path):
    """All files -> one monthly long GeoParquet-free Parquet (written atomically) + one report per file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables, reports = [], []
    for path in paths:
        table, report = normalise_table(read_table(path), Path(path).name)
        tables.append(table)
        reports.append(report)
    if not tables:
        raise InputError("No extractions file was given.", field="SAMPLES")
    merged = pa.concat_tables(_common(tables), promote_options="permissive")
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.name + ".partial")
    pq.write_table(merged, str(partial))
    os.replace(partial, out_path)
    return merged, reports


def _common(tables):
    """Only the columns training reads, same types in every table (files from different years differ)."""
    keep = (*REQUIRED_LABELS, *comp.CARRIED, *BAND_COLUMNS)
    return [comp.cast_columns(t.select([c for c in keep if c in t.column_names])) for t in tables]


def _wide_step(table, start: np.ndarray, n_steps: int) -> str:
    """Monthly unless ``end_date`` says the N columns span dekads."""
    if "end_date" not in table.column_names:
        return MONTHLY
    end = as_days(table.column("end_date"))
    months = (end.astype("datetime64[M]") - start.astype("datetime64[M]")).astype(np.int64) + 1
    return DEKADAL if int(np.median(months)) * 3 <= n_steps + 2 and n_steps > int(np.median(months)) + 1 \
        else MONTHLY


def as_days(column) -> np.ndarray:
    """Any date/timestamp/string column as datetime64[D] (timezones dropped)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        column = pc.strptime(pc.utf8_slice_codeunits(column, 0, 10), format="%Y-%m-%d", unit="s", error_is_null=True)
    if pa.types.is_timestamp(column.type) and column.type.tz is not None:
        column = column.cast(pa.timestamp(column.type.unit))
    return column.to_numpy(zero_copy_only=False).astype("datetime64[D]")


def _strings(column) -> np.ndarray:
    import pyarrow as pa

    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    return np.asarray(column.cast(pa.string()).to_numpy(zero_copy_only=False), dtype=object).astype(str)


def _span(pair: tuple) -> str:
    return f"{pair[0]}" if pair[0] == pair[1] else f"{pair[0]}-{pair[1]}"
