"""Read extractions in WorldCereal's long format and align them to one season (library rule).

Rule (``process_extractions_df`` / ``in_season_window`` in worldcereal-classification): the season window is
month/day based and year-agnostic; a sample is kept when its ``valid_time`` falls inside the window
(composite-aware: start snapped to the 1st of its month, end to the last day of its month) in some year.
The processing period is the 12 months ending at the season's last month, shifted by the same whole number
of years; a sample needs all 12 monthly rows of that period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from .protocol import TrainingInputError, warn
from .weights import WEIGHT_COLUMNS

NODATA = 65535
NUM_TIMESTEPS = 12
BAND_COLUMNS = (
    "S2-L2A-B02", "S2-L2A-B03", "S2-L2A-B04", "S2-L2A-B05", "S2-L2A-B06", "S2-L2A-B07", "S2-L2A-B08",
    "S2-L2A-B8A", "S2-L2A-B11", "S2-L2A-B12", "S1-SIGMA0-VH", "S1-SIGMA0-VV",
    "AGERA5-PRECIP", "AGERA5-TMEAN", "elevation", "slope",
)
LABEL_COLUMNS = ("sample_id", "timestamp", "valid_time", "ewoc_code", "lat", "lon")
OPTIONAL_COLUMNS = ("ref_id", *WEIGHT_COLUMNS)


@dataclass
class AlignedSamples:
    """One row per sample; ``bands[i]`` is (12, len(BAND_COLUMNS)) float32 with NODATA for gaps."""

    meta: pd.DataFrame  # sample_id, ewoc_code, lat, lon, quality_score_ct, quality_score_lc, ref_id, year
    bands: np.ndarray  # (N, 12, B)
    months: np.ndarray  # (N, 12, 3) day, month, year
    season_mask: np.ndarray  # (12,) bool: the months of the season window


def read_extractions(paths: Sequence[str]) -> pd.DataFrame:
    """All files (Parquet/GeoParquet, or a partitioned directory) concatenated; columns checked first."""
    frames = []
    for path in paths:
        if not Path(path).exists():
            raise TrainingInputError(f"The samples file {path} does not exist.")
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises many types for a file that is not Parquet
            raise TrainingInputError(f"{Path(path).name} is not a readable Parquet file ({exc}).") from exc
        check_long_format(frame, Path(path).name)
        frames.append(frame)
    if not frames:
        raise TrainingInputError("No samples file was given.")
    return pd.concat(frames, ignore_index=True)


def check_long_format(frame: pd.DataFrame, name: str) -> None:
    """The official long format: one row per sample x month with the 16 band columns and label columns."""
    missing = [c for c in LABEL_COLUMNS + BAND_COLUMNS if c not in frame.columns]
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise TrainingInputError(
            f"{name} is not in WorldCereal's long extraction format: missing column(s) {shown}."
        )
    if frame.empty:
        raise TrainingInputError(f"{name} holds no samples.")


def season_months(start: date, end: date) -> list[tuple[int, int]]:
    """(year offset from the end year, month) of each month in the window, oldest first; 1..12 months."""
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    if not 1 <= count <= NUM_TIMESTEPS:
        raise TrainingInputError("The season window must span 1 to 12 whole months, start before end.")
    return [_shift_month(end.year, end.month, -k) for k in reversed(range(count))]


def align(frame: pd.DataFrame, start: date, end: date) -> AlignedSamples:
    """Keep in-season samples with a complete 12-month period; say how many were dropped and why."""
    window = season_months(start, end)
    frame = _normalise(frame)
    per_sample = frame.groupby("sample_id", sort=True)
    first = per_sample.first()
    offsets = first["valid_time"].map(lambda vt: _year_shift(vt, window, end))
    outside = int(offsets.isna().sum())
    kept_ids = offsets.dropna().index
    if len(kept_ids) == 0:
        raise TrainingInputError(
            f"None of the {len(first)} samples has a valid_time inside the season "
            f"{start:%b %Y} - {end:%b %Y}; pick the season the labels were observed in."
        )
    bands, months, complete = _stack(frame, kept_ids, offsets, end)
    incomplete = int((~complete).sum())
    if outside or incomplete:
        warn(f"{outside} samples outside the season and {incomplete} without 12 complete months were left out.")
    ids = kept_ids[complete]
    if len(ids) == 0:
        raise TrainingInputError("No in-season sample has all 12 months of the processing period.")
    meta = _meta(first.loc[ids], offsets.loc[ids], end)
    mask = np.zeros(NUM_TIMESTEPS, dtype=bool)
    mask[NUM_TIMESTEPS - len(window):] = True
    return AlignedSamples(meta=meta, bands=bands[complete], months=months[complete], season_mask=mask)


def _normalise(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], errors="coerce").dt.tz_localize(None)
    frame["valid_time"] = pd.to_datetime(frame["valid_time"], errors="coerce").dt.tz_localize(None)
    if frame["timestamp"].isna().any() or frame["valid_time"].isna().all():
        raise TrainingInputError("The samples have unreadable timestamp or valid_time values.")
    frame["ym"] = frame["timestamp"].dt.year * 12 + frame["timestamp"].dt.month - 1
    return frame


def _year_shift(valid_time: pd.Timestamp, window: list[tuple[int, int]], end: date) -> float:
    """Years to add to the season so it holds ``valid_time`` (month composites); NaN if no year does."""
    if pd.isna(valid_time):
        return np.nan
    for year_off, month in window:
        if month == valid_time.month:
            return float(valid_time.year - (end.year + year_off))
    return np.nan


def _stack(frame: pd.DataFrame, ids: pd.Index, offsets: pd.Series, end: date):
    """Band cube (N, 12, B) of each sample's own 12-month period, and which samples are complete."""
    end_ym = end.year * 12 + end.month - 1
    sub = frame[frame["sample_id"].isin(ids)]
    target_end = sub["sample_id"].map(offsets).astype(int) * 12 + end_ym
    step = sub["ym"] - (target_end - (NUM_TIMESTEPS - 1))
    sub = sub.assign(step=step)[(step >= 0) & (step < NUM_TIMESTEPS)]
    sub = sub.drop_duplicates(["sample_id", "step"])
    position = pd.Series(np.arange(len(ids)), index=ids)
    rows = position.loc[sub["sample_id"]].to_numpy()
    cube = np.full((len(ids), NUM_TIMESTEPS, len(BAND_COLUMNS)), NODATA, dtype=np.float32)
    values = sub[list(BAND_COLUMNS)].to_numpy(dtype=np.float64)
    cube[rows, sub["step"].to_numpy()] = np.nan_to_num(values, nan=NODATA)
    counts = np.bincount(rows, minlength=len(ids))
    months = _month_stamps(offsets.loc[ids].to_numpy(dtype=int), end_ym)
    return cube, months, counts == NUM_TIMESTEPS


def _month_stamps(offsets: np.ndarray, end_ym: int) -> np.ndarray:
    first = offsets * 12 + end_ym - (NUM_TIMESTEPS - 1)
    ym = first[:, None] + np.arange(NUM_TIMESTEPS)[None, :]
    return np.stack([np.ones_like(ym), ym % 12 + 1, ym // 12], axis=-1).astype(np.int64)


def _meta(first: pd.DataFrame, offsets: pd.Series, end: date) -> pd.DataFrame:
    meta = pd.DataFrame({"sample_id": first.index.astype(str)})
    for column in ("ewoc_code", "lat", "lon", *OPTIONAL_COLUMNS):
        if column in first.columns:
            meta[column] = first[column].to_numpy()
    meta["ewoc_code"] = pd.to_numeric(meta["ewoc_code"], errors="coerce").fillna(0).astype(np.int64)
    meta["year"] = end.year + offsets.to_numpy(dtype=int)
    return meta


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12 - year, index % 12 + 1
