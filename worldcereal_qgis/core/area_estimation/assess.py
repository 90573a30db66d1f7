"""Labelled sample -> assessment: choose the estimator, drop unusable labels and say so.

Why a separate step: the Processing algorithm, the dialog and the tests all need the same rules: points labelled
"unsure" or "skip" or left empty are left out (and counted in a note, because leaving out hard points can make a
map look better than it is); strata equal to the map labels -> Olofsson et al. (2014), otherwise Stehman (2014).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from .estimators import Assessment, error_matrix, olofsson
from .stehman import stehman

UNUSABLE_LABELS = frozenset({"", "unsure", "skip", "none", "null"})
OLOFSSON = "Olofsson et al. (2014), strata = map classes"
STEHMAN = "Stehman (2014), strata differ from the map classes"


@dataclass(frozen=True)
class LabelledPoint:
    stratum: str
    map_class: str
    reference: str | None


def assess_points(points: Sequence[LabelledPoint], stratum_sizes: Mapping[str, float]
                  ) -> tuple[Assessment, str, list[str]]:
    """The assessment, the estimator's name and the notes a reader must see."""
    usable = [p for p in points if not _unusable(p.reference)]
    notes = []
    dropped = len(points) - len(usable)
    if dropped:
        notes.append(f"{dropped} of {len(points)} sample points have no usable reference label (empty, unsure or "
                     "skip) and were left out; if they are the hard cases, accuracy is overestimated.")
    if not usable:
        raise InputError("No sample point has a reference label yet; label the sample first.", field="SAMPLES")
    sizes = {str(k): float(v) for k, v in stratum_sizes.items()}
    missing = sorted({p.stratum for p in usable} - set(sizes))
    if missing:
        raise InputError(f"The stratum '{missing[0]}' of the sample has no pixel count in the strata table.",
                         field="STRATA")
    classes = _classes(usable, sizes)
    if all(p.stratum == p.map_class for p in usable):
        counts = error_matrix([p.map_class for p in usable], [p.reference for p in usable], classes)
        a = olofsson(counts, [sizes.get(c, 0.0) for c in classes], classes)
        method = OLOFSSON
    else:
        a = stehman([p.stratum for p in usable], [p.map_class for p in usable], [p.reference for p in usable],
                    sizes, classes)
        method = STEHMAN
    return a, method, notes + list(a.notes)


def _classes(points: Sequence[LabelledPoint], sizes: Mapping[str, float]) -> list[str]:
    """Strata with pixels first (their order, so no stratum's weight is lost), then other labels, sorted."""
    labels = {p.map_class for p in points} | {str(p.reference) for p in points}
    first = [c for c in sizes if sizes[c] > 0 or c in labels]
    return first + sorted(labels - set(first))


def _unusable(label) -> bool:
    return label is None or str(label).strip().lower() in UNUSABLE_LABELS


def unit_estimate(mapped_ha: Mapping[str, float], assessment: Mapping) -> dict[str, tuple[float, float]]:
    """Error-adjusted area per reference class of one unit from its mapped areas: sum_i A_i q_ik, with a 95 %
    interval from the sampling variance of q_ik. This "synthetic" estimate assumes the map's error rates are the
    same inside the unit as over the whole assessed map (docs/AREAS.md); callers say so next to the numbers.
    """
    classes = list(assessment["classes"])
    q = np.array([[np.nan if v is None else v for v in row] for row in assessment["conditional"]], dtype=float)
    n = np.array(assessment["counts"], dtype=float).sum(axis=1)
    out = {}
    for k, name in enumerate(classes):
        est, var = 0.0, 0.0
        for i, row_class in enumerate(classes):
            area = float(mapped_ha.get(row_class, 0.0))
            if area == 0.0:
                continue
            if not np.isfinite(q[i, k]):          # map class never sampled: taken as correct, no variance
                est += area if i == k else 0.0
                continue
            est += area * q[i, k]
            if n[i] > 1:
                var += area**2 * q[i, k] * (1 - q[i, k]) / (n[i] - 1)
        out[name] = (est, 1.96 * float(np.sqrt(var)))
    return out
