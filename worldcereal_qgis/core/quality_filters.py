"""The library's sample filters, counted before anything runs (issue #17 item 4): one rule for validation, the
class picker, the QGIS-side training check and the training subprocess (``training/weights.py`` applies it).

WorldCereal's trainer (``train_seasonal_torch_head`` with ``drop_zero_quality_samples`` and outlier mode
``drop_candidate``) removes:

* samples whose quality scores (``quality_score_lc`` and ``quality_score_ct``, where present) are all exactly 0;
* samples flagged ``candidate`` in ``CTY24_anomaly_flag`` (their training weight becomes 0).

Pure numpy: callers pass one value per sample (a pandas column, a pyarrow column's ``to_numpy``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Optional

import numpy as np

SCORE_COLUMNS = ("quality_score_lc", "quality_score_ct")
OUTLIER_FLAG = "CTY24_anomaly_flag"


@dataclass(frozen=True)
class FilterCount:
    """How many samples one filter removes, and the sentence that says so."""

    name: str
    removed: int
    sentence: str


def count_filters(columns: Mapping[str, np.ndarray], keep_zero_quality: bool = False) -> list:
    """One FilterCount per filter that removes at least one sample (``columns``: one value per sample)."""
    out = []
    zero = zero_quality(columns)
    if zero.any():
        present = ", ".join(c for c in SCORE_COLUMNS if c in columns)
        action = ("kept at your request (the metrics will warn)" if keep_zero_quality
                  else "the training filters drop them")
        out.append(FilterCount("zero_quality", int(zero.sum()),
                               f"{int(zero.sum())} samples have quality scores 0 ({present}): {action}."))
    flags = columns.get(OUTLIER_FLAG)
    if flags is not None:
        candidates = int((np.asarray(flags).astype(str) == "candidate").sum())
        if candidates:
            out.append(FilterCount("outlier_candidate", candidates,
                                   f"{candidates} samples are flagged as outlier candidates ({OUTLIER_FLAG}): "
                                   "training gives them weight 0."))
    return out


def zero_quality(columns: Mapping[str, np.ndarray]) -> np.ndarray:
    """True where every present quality score is exactly 0 (missing scores count as unscored, not 0)."""
    scores = [_numbers(columns[c]) for c in SCORE_COLUMNS if c in columns]
    if not scores:
        return np.zeros(0, dtype=bool) if not columns else np.zeros(len(next(iter(columns.values()))), dtype=bool)
    return np.logical_and.reduce([s == 0.0 for s in scores])


def kept_after(columns: Mapping[str, np.ndarray], keep_zero_quality: bool = False) -> np.ndarray:
    """Which samples training can use at all (outlier candidates stay: they only get weight 0)."""
    zero = zero_quality(columns)
    return np.ones_like(zero) if keep_zero_quality else ~zero


def _numbers(values: Optional[np.ndarray]) -> np.ndarray:
    """Scores as floats; unreadable or missing values as NaN (never equal to 0)."""
    try:
        return np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        pass
    out = np.full(len(values), np.nan)
    for i, value in enumerate(values):
        try:
            out[i] = float(value)
        except (TypeError, ValueError):
            continue
    return out
