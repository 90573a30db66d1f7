"""Per-sample weights and sample filters of the official trainer (worldcereal.train.finetuning_utils).

* LC-only datasets (``ref_id`` ending ``_100``/``_101``) get their crop-type quality from the land-cover score
  (``patch_lc_dataset_ct_quality``).
* weight = quality score x outlier confidence x (not an outlier ``candidate``), scores on 0-100 rescaled to 0-1
  (``attach_sample_weights``, outlier mode ``drop_candidate``).
* samples whose quality scores are all exactly 0 are dropped (``drop_zero_quality_samples``).
* validation/test samples below the 20th weight percentile of their dataset AND below 0.5 are not evaluated,
  unless that would leave a class under 10 samples (``filter_low_weight_eval_samples``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

QUALITY_CT = "quality_score_ct"
QUALITY_LC = "quality_score_lc"
OUTLIER_SCORE = "CTY24_confidence_nonoutlier"
OUTLIER_FLAG = "CTY24_anomaly_flag"
WEIGHT_COLUMNS = (QUALITY_CT, QUALITY_LC, OUTLIER_SCORE, OUTLIER_FLAG)


@dataclass(frozen=True)
class SampleWeights:
    weight: np.ndarray  # (N,) float32 in 0..1
    usable: np.ndarray  # (N,) bool: not every quality score is 0 (or kept on request)
    ref_id: np.ndarray  # (N,) str: the dataset, for the per-dataset percentile
    zero_quality: np.ndarray  # (N,) bool: every quality score is exactly 0


def sample_weights(meta: pd.DataFrame, keep_zero_quality: bool = False) -> SampleWeights:
    """Weights and the zero-quality filter for one row per sample; ``keep_zero_quality`` (the user's explicit
    option) keeps those samples at weight 1, as if they had no score, instead of dropping them."""
    meta = _patch_lc_quality(meta)
    quality = _normalised(_column(meta, QUALITY_CT))
    outlier = _normalised(_column(meta, OUTLIER_SCORE))
    flag = meta[OUTLIER_FLAG].astype(str).to_numpy() if OUTLIER_FLAG in meta.columns else np.array([""] * len(meta))
    weight = np.clip(quality * outlier * (flag != "candidate"), 0.0, 1.0).astype(np.float32)
    scores = [pd.to_numeric(meta[c], errors="coerce").fillna(1.0).to_numpy() for c in (QUALITY_LC, QUALITY_CT)
              if c in meta.columns]
    all_zero = np.logical_and.reduce([s == 0.0 for s in scores]) if scores else np.zeros(len(meta), dtype=bool)
    refs = meta["ref_id"].astype(str).to_numpy() if "ref_id" in meta.columns else np.array(["samples"] * len(meta))
    if keep_zero_quality:
        weight = np.where(all_zero, np.float32(1.0), weight).astype(np.float32)
        return SampleWeights(weight=weight, usable=np.ones(len(meta), dtype=bool), ref_id=refs, zero_quality=all_zero)
    return SampleWeights(weight=weight, usable=~all_zero, ref_id=refs, zero_quality=all_zero)


def eval_keep(weight: np.ndarray, ref_id: np.ndarray, labels: np.ndarray, floor: float = 0.5,
              percentile: float = 20.0, min_class_samples: int = 10) -> np.ndarray:
    """Which validation/test samples are evaluated (the official hybrid low-weight filter)."""
    if len(weight) == 0:
        return np.ones(0, dtype=bool)
    threshold = pd.Series(weight).groupby(ref_id).transform(lambda s: np.percentile(s, percentile)).to_numpy()
    remove = (weight < threshold) & (weight < floor)
    for name in np.unique(labels):
        if ((labels == name) & ~remove).sum() < min_class_samples:
            remove &= labels != name  # class safety net
    return ~remove


def _patch_lc_quality(meta: pd.DataFrame) -> pd.DataFrame:
    if not {"ref_id", QUALITY_LC, QUALITY_CT} <= set(meta.columns):
        return meta
    lc_only = meta["ref_id"].astype(str).str.contains(r"_10[01]$", regex=True)
    if not lc_only.any():
        return meta
    meta = meta.copy()
    meta.loc[lc_only, QUALITY_CT] = meta.loc[lc_only, QUALITY_LC]
    return meta


def _column(meta: pd.DataFrame, name: str) -> np.ndarray:
    if name not in meta.columns:
        return np.ones(len(meta), dtype=np.float64)
    return pd.to_numeric(meta[name], errors="coerce").fillna(1.0).to_numpy(dtype=np.float64)


def _normalised(values: np.ndarray) -> np.ndarray:
    """0-100 scores to 0-1 (threshold 1.5 as upstream), clipped."""
    if len(values) and values.max() > 1.5:
        values = values / 100.0
    return np.clip(values, 0.0, 1.0)
