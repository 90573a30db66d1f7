"""Read monthly extractions in WorldCereal's long format and align them to one season.

In-season rule for every alignment (``process_extractions_df`` / ``in_season_window`` in
worldcereal-classification): the season window is month based and year-agnostic; a sample is kept when the
month of its ``valid_time`` is one of the season's months in some year. Which 12 months it then gets is one
of three rules (``alignment.py``); every dropped sample is counted under its reason. The QGIS side hands
this code monthly long-format files only (core/extraction_formats.py composites dekads and converts the
legacy wide format before the training environment is even built).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional

import numpy as np
import pandas as pd

from . import alignment as al
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
OPTIONAL_COLUMNS = ("ref_id", "s1_orbit_state", *WEIGHT_COLUMNS)
DEFAULT_ALIGNMENT = "relaxed"  # = core/training_inputs.DEFAULT_ALIGNMENT (BENCHMARKS.md says why)


@dataclass
class AlignedSamples:
    """One row of ``meta`` per kept sample; its whole monthly series and where its 12-month window starts.

    ``series[i, t]`` is month ``first_ym[i] + t`` (NODATA where the extraction has no row); ``start`` is the
    deterministic window (validation, test, and training without jitter); ``jitter_starts`` draws others.
    """

    meta: pd.DataFrame  # sample_id, ewoc_code, lat, lon, quality/outlier columns, ref_id, year
    series: np.ndarray  # (N, T, B) float32
    first_ym: np.ndarray  # (N,) year * 12 + month - 1 of series[:, 0]
    avail: np.ndarray  # (N,) months from the first to the last extracted month
    vp: np.ndarray  # (N,) index of the label's month in the series
    start: np.ndarray  # (N,) first window index
    season: tuple  # (first month 1..12, number of months)
    mode: str = "period"
    counts: dict = field(default_factory=dict)  # samples read/kept and dropped per reason

    def window(self, rows: np.ndarray, starts: Optional[np.ndarray] = None):
        """(bands (n, 12, B), months (n, 12, 3) day/month/year, season mask (n, 12)) of the chosen windows."""
        starts = self.start[rows] if starts is None else starts
        steps = starts[:, None] + np.arange(NUM_TIMESTEPS)[None, :]
        cube = self.series[rows[:, None], steps]
        first = self.first_ym[rows] + starts
        ym = first[:, None] + np.arange(NUM_TIMESTEPS)[None, :]
        months = np.stack([np.ones_like(ym), ym % 12 + 1, ym // 12], axis=-1).astype(np.int64)
        return cube, months, al.season_masks(first, *self.season)

    def jitter_starts(self, rows: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Training-split windows moved as the library's ``augment=True`` moves them (strict: never moved)."""
        if self.mode == "strict":  # the library trims strict samples to exactly 12 months
            return self.start[rows]
        return al.jitter_starts(self.avail[rows], self.vp[rows], rng)

    @property
    def bands(self) -> np.ndarray:
        return self.window(np.arange(len(self.meta)))[0]

    @property
    def months(self) -> np.ndarray:
        return self.window(np.arange(len(self.meta)))[1]



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


def align(frame: pd.DataFrame, start: date, end: date, mode: str = DEFAULT_ALIGNMENT) -> AlignedSamples:
    """Keep in-season samples whose window the chosen rule can place; say how many were dropped and why."""
    if mode not in al.MODES:
        raise TrainingInputError(f"Unknown alignment {mode!r}; use one of {', '.join(al.MODES)}.")
    season = (start.month, len(season_months(start, end)))
    frame = _normalise(frame)
    first = frame.groupby("sample_id", sort=True).agg(
        first_ym=("ym", "min"), last_ym=("ym", "max"), valid_time=("valid_time", "first"),
        first_day=("timestamp", "min"), last_day=("timestamp", "max"))
    valid_day = first["valid_time"].to_numpy().astype("datetime64[D]")
    valid_ym = al.to_ym(valid_day)
    first_ym, last_ym = first["first_ym"].to_numpy(np.int64), first["last_ym"].to_numpy(np.int64)
    avail = last_ym - first_ym + 1
    dropped: dict = {}
    keep = _drop(dropped, "no readable valid_time", np.isnat(valid_day), np.ones(len(first), dtype=bool))
    keep = _drop(dropped, "valid_time outside the season", ~al.in_season(valid_ym, *season), keep)
    starts = _starts(mode, first, valid_day, valid_ym, first_ym, last_ym, avail, start, end, season, keep, dropped)
    vp = al.valid_positions(first_ym, avail, valid_day)
    if not keep.any() and set(dropped) <= {"valid_time outside the season", "no readable valid_time"}:
        raise TrainingInputError(
            f"None of the {len(first)} samples has a valid_time inside the season {start:%b %Y} - {end:%b %Y}; "
            "pick the season the labels were observed in.")
    if not keep.any():
        raise TrainingInputError(f"No sample is left after the {mode} alignment ({_reasons(dropped)}).")
    series = _series(frame, first.index, first_ym, int(avail[keep].max()))
    rows = np.nonzero(keep)[0]
    aligned = AlignedSamples(meta=_meta(first.iloc[rows], frame, valid_ym[rows]), series=series[rows],
                             first_ym=first_ym[rows], avail=avail[rows], vp=vp[rows], start=starts[rows],
                             season=season, mode=mode)
    if mode == "period":  # every month of the period must have a row (the map job has them all)
        rows_in = _rows_in_window(frame, first.index[rows], first_ym[rows] + starts[rows])
        aligned = _subset(aligned, _drop(dropped, "not all 12 months of the processing period extracted",
                                         rows_in < NUM_TIMESTEPS, np.ones(len(rows), dtype=bool)))
    mask = aligned.window(np.arange(len(aligned.meta)))[2]
    aligned = _subset(aligned, _drop(dropped, "no season month in its 12-month window", ~mask.any(axis=1),
                                     np.ones(len(aligned.meta), dtype=bool)))
    if len(aligned.meta) == 0:
        raise TrainingInputError(f"No sample is left after the {mode} alignment ({_reasons(dropped)}).")
    aligned.counts = {"samples_read": len(first), "samples_kept": len(aligned.meta), "dropped": dropped,
                      "rows_read": len(frame), "rows_used": int(_rows_in_window(
                          frame, pd.Index(aligned.meta["sample_id"]), aligned.first_ym + aligned.start).sum())}
    if dropped:
        warn(f"{mode} alignment left out {_reasons(dropped)}.")
    return aligned


def _starts(mode, first, valid_day, valid_ym, first_ym, last_ym, avail, start, end, season, keep, dropped):
    """First window index (into each sample's series) under ``mode``; drops what the rule cannot place."""
    if mode == "relaxed":
        outside = (valid_day < first["first_day"].to_numpy().astype("datetime64[D]")) | (
            valid_day > first["last_day"].to_numpy().astype("datetime64[D]"))
        keep &= _drop(dropped, "valid_time outside its extracted months", outside, keep)
        keep &= _drop(dropped, "fewer than 12 months extracted", avail < NUM_TIMESTEPS, keep)
        return al.relaxed_starts(avail, al.valid_positions(first_ym, avail, valid_day))
    if mode == "strict":
        period_first = end.year * 12 + end.month - 1 - (NUM_TIMESTEPS - 1)
        ok, window_ym = al.strict_starts(first_ym, last_ym, valid_ym, period_first)
        keep &= _drop(dropped, "extraction does not cover the processing period in any year", ~ok, keep)
        return window_ym - first_ym
    _inside, window_ym = al.period_starts(valid_ym, *season, end.year * 12 + end.month - 1)
    outside = (window_ym < first_ym) | (window_ym + NUM_TIMESTEPS - 1 > last_ym)
    keep &= _drop(dropped, "not all 12 months of the processing period extracted", outside, keep)
    return np.clip(window_ym - first_ym, 0, None)


def _drop(dropped: dict, reason: str, bad: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Count ``bad & keep`` under ``reason``; return the new keep mask."""
    n = int((bad & keep).sum())
    if n:
        dropped[reason] = dropped.get(reason, 0) + n
    return keep & ~bad


def _reasons(dropped: dict) -> str:
    return "; ".join(f"{n} sample(s): {reason}" for reason, n in dropped.items()) or "nothing dropped"


def _normalise(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], errors="coerce").dt.tz_localize(None)
    frame["valid_time"] = pd.to_datetime(frame["valid_time"], errors="coerce").dt.tz_localize(None)
    if frame["timestamp"].isna().any() or frame["valid_time"].isna().all():
        raise TrainingInputError("The samples have unreadable timestamp or valid_time values.")
    frame["ym"] = frame["timestamp"].dt.year * 12 + frame["timestamp"].dt.month - 1
    return frame


def _series(frame: pd.DataFrame, ids: pd.Index, first_ym: np.ndarray, length: int) -> np.ndarray:
    """(N, length, B) float32 band series, NODATA where a month has no row (``fill_missing_dates``)."""
    position = pd.Series(np.arange(len(ids)), index=ids)
    rows = position.loc[frame["sample_id"]].to_numpy()
    step = frame["ym"].to_numpy(np.int64) - first_ym[rows]
    ok = (step >= 0) & (step < length)
    sub = frame.loc[ok].assign(_row=rows[ok], _step=step[ok]).drop_duplicates(["_row", "_step"])
    cube = np.full((len(ids), length, len(BAND_COLUMNS)), NODATA, dtype=np.float32)
    values = sub[list(BAND_COLUMNS)].to_numpy(dtype=np.float64)
    cube[sub["_row"].to_numpy(), sub["_step"].to_numpy()] = np.nan_to_num(values, nan=NODATA)
    return cube


def _rows_in_window(frame: pd.DataFrame, ids: pd.Index, window_first_ym: np.ndarray) -> np.ndarray:
    """Distinct extracted months of each sample inside its window."""
    first = pd.Series(window_first_ym, index=ids)
    sub = frame[frame["sample_id"].isin(ids)]
    step = sub["ym"].to_numpy() - first.loc[sub["sample_id"]].to_numpy()
    inside = sub.loc[(step >= 0) & (step < NUM_TIMESTEPS), ["sample_id", "ym"]].drop_duplicates()
    return inside.groupby("sample_id").size().reindex(ids, fill_value=0).to_numpy()


def _subset(aligned: AlignedSamples, keep: np.ndarray) -> AlignedSamples:
    rows = np.nonzero(keep)[0]
    return AlignedSamples(meta=aligned.meta.iloc[rows].reset_index(drop=True), series=aligned.series[rows],
                          first_ym=aligned.first_ym[rows], avail=aligned.avail[rows], vp=aligned.vp[rows],
                          start=aligned.start[rows], season=aligned.season, mode=aligned.mode)


def _meta(first: pd.DataFrame, frame: pd.DataFrame, valid_ym: np.ndarray) -> pd.DataFrame:
    heads = frame.drop_duplicates("sample_id").set_index("sample_id").loc[first.index]
    meta = pd.DataFrame({"sample_id": first.index.astype(str)})
    for column in ("ewoc_code", "lat", "lon", *OPTIONAL_COLUMNS):
        if column in heads.columns:
            meta[column] = heads[column].to_numpy()
    meta["ewoc_code"] = pd.to_numeric(meta["ewoc_code"], errors="coerce").fillna(0).astype(np.int64)
    meta["year"] = valid_ym // 12
    return meta


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12 - year, index % 12 + 1
