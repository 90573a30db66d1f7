"""Which 12 months each training sample gets: three rules, each as the code it mirrors computes it.

Months are integers ``ym = year * 12 + month - 1``; a sample's series runs from its first to its last
extracted month (gaps are NODATA, as the library's ``fill_missing_dates`` does), ``avail`` months long.

* ``relaxed`` — the library's notebook default (``process_extractions_df`` without a processing period, then
  ``WorldCerealDataset.get_timestep_positions``): ``vp`` is the month start nearest to ``valid_time`` in days
  (earlier one on a tie), the window centre is ``clip(vp, 6, avail - 6)`` and the window is the 12 months
  ending 6 months after it. A June-1 label in a Sep..Jan series gets Dec..Nov.
* ``strict`` — the library with a processing period (``get_best_valid_time`` + ``_trim_timesteps``):
  ``valid_time`` moves by whole years to month index 5 of the processing period (the backward move wins a
  tie); the sample needs months [p-5, p+6] extracted; the window is [p-6, p+5], or [p-5, p+6] when the series
  starts at p-5. So it can start one month before the processing period.
* ``period`` — the plugin's rule, the one the map job uses: the 12 months ending with the season's last month,
  in the year whose season holds ``valid_time``; every one of the 12 months must have a row.

Temporal jitter (``jitter_starts``) is the library's augmentation for the training split: the centre is
drawn uniformly from ``[max(6, vp - 4), min(avail - 6, vp + 4)]`` (``MIN_EDGE_BUFFER`` 2), so the label
month stays 2..10 steps into the window; samples with exactly 12 months are never moved.
"""

from __future__ import annotations

import numpy as np

MODES = ("relaxed", "strict", "period")
NUM_TIMESTEPS = 12
HALF = NUM_TIMESTEPS // 2
MIN_EDGE_BUFFER = 2  # worldcereal.train.MIN_EDGE_BUFFER
MIN_SEASON_COVERAGE = 0.5  # compute_seasonal_presto_embeddings default


EPOCH_YM = 1970 * 12


def to_ym(days: np.ndarray) -> np.ndarray:
    """datetime64 -> year * 12 + month - 1."""
    return days.astype("datetime64[M]").astype(np.int64) + EPOCH_YM


def month_start(ym: np.ndarray) -> np.ndarray:
    return (np.asarray(ym) - EPOCH_YM).astype("datetime64[M]").astype("datetime64[D]")


def valid_positions(first_ym: np.ndarray, avail: np.ndarray, valid_day: np.ndarray) -> np.ndarray:
    """Index of the month start nearest to ``valid_time`` (``calculate_valid_position``), clipped to the series."""
    valid_ym = to_ym(valid_day)
    this_start, next_start = month_start(valid_ym), month_start(valid_ym + 1)
    to_this = (valid_day - this_start).astype(np.int64)
    to_next = (next_start - valid_day).astype(np.int64)
    nearest = np.where(to_next < to_this, valid_ym + 1, valid_ym)
    return np.clip(nearest - first_ym, 0, np.maximum(avail - 1, 0))


def relaxed_starts(avail: np.ndarray, vp: np.ndarray) -> np.ndarray:
    """First window index of the deterministic (validation/test, or no-jitter) window."""
    center = np.clip(vp, HALF, avail - HALF)
    last = np.minimum(avail, center + HALF)
    return np.maximum(0, last - NUM_TIMESTEPS)


def jitter_starts(avail: np.ndarray, vp: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The library's augmented window start (``_select_timestep_starts`` with ``augment=True``)."""
    buffer = max(1, MIN_EDGE_BUFFER)
    low = np.maximum(HALF, vp + buffer - HALF)
    high = np.minimum(avail - HALF, vp - buffer + HALF)
    movable = (avail != NUM_TIMESTEPS) & (low <= high)
    drawn = rng.integers(np.where(movable, low, 0), np.where(movable, high, 0) + 1)
    center = np.where(movable, drawn, np.clip(vp, HALF, avail - HALF))
    last = np.minimum(avail, center + HALF)
    return np.maximum(0, last - NUM_TIMESTEPS)


def strict_starts(first_ym: np.ndarray, last_ym: np.ndarray, valid_ym: np.ndarray, period_first_ym: int):
    """(ok, first window ym) per sample; ``ok`` False where no whole-year move fits the extraction."""
    middle = (period_first_ym + HALF - 1) % 12
    back = (valid_ym % 12 - middle) % 12
    fwd = (middle - valid_ym % 12) % 12
    ok_b = _fits(valid_ym - back, valid_ym, first_ym, last_ym)
    ok_f = _fits(valid_ym + fwd, valid_ym, first_ym, last_ym)
    proposed = np.where(ok_b & (~ok_f | (back - fwd <= 0)), valid_ym - back, valid_ym + fwd)
    ok = ok_b | ok_f
    start = np.where(proposed - HALF >= first_ym, proposed - HALF, proposed - HALF + 1)
    return ok, start


def _fits(proposed: np.ndarray, valid_ym: np.ndarray, first_ym: np.ndarray, last_ym: np.ndarray) -> np.ndarray:
    """``check_shift`` with valid_time_buffer 0."""
    low, high = proposed - (HALF - 1), proposed + HALF
    return ((proposed >= first_ym) & (proposed <= last_ym) & (low >= first_ym) & (high <= last_ym)
            & (valid_ym >= low) & (valid_ym <= high))


def period_starts(valid_ym: np.ndarray, season_first_month: int, season_months: int, season_end_ym: int):
    """(in season, first window ym): the 12 months ending at the season end of the year holding the label."""
    offset = (valid_ym % 12 - (season_first_month - 1)) % 12
    inside = offset < season_months
    end = valid_ym - offset + season_months - 1
    end = np.where(inside, end, season_end_ym)
    return inside, end - (NUM_TIMESTEPS - 1)


def in_season(valid_ym: np.ndarray, season_first_month: int, season_months: int) -> np.ndarray:
    """``in_season_window`` for monthly composites: the label's month is one of the season's months."""
    return (valid_ym % 12 - (season_first_month - 1)) % 12 < season_months


def season_masks(window_first_ym: np.ndarray, season_first_month: int, season_months: int,
                 min_coverage: float = MIN_SEASON_COVERAGE) -> np.ndarray:
    """(N, 12) bool: window months inside a season cycle of which at least ``min_coverage`` lies in the window
    (``_season_mask_from_window``: a cycle counts with max(1, round(len * coverage)) of its months)."""
    months = window_first_ym[:, None] + np.arange(NUM_TIMESTEPS)[None, :]
    offset = (months % 12 - (season_first_month - 1)) % 12
    inside = offset < season_months
    cycle = months - offset  # the ym where each month's season cycle starts
    need = max(1, round(season_months * min_coverage))
    mask = np.zeros_like(inside)
    for column in range(NUM_TIMESTEPS):
        same = (cycle == cycle[:, [column]]) & inside
        mask[:, column] = inside[:, column] & (same.sum(axis=1) >= need)
    return mask
