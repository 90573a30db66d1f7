"""Olofsson et al. (2014) estimators for stratified random samples whose strata are the map classes.

Why these formulas: a map's pixel counts are biased by its errors; weighting the sample error matrix by each map
class's share of the map (W_i) gives unbiased estimates of the area proportions and accuracies, and their
standard errors follow from stratified sampling theory (Olofsson et al. 2014, RSE 148, eqs. 2-10; docs/AREAS.md).
The finite population correction is left out, as in the paper: maps have millions of pixels per stratum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import InputError

Z95 = 1.96  # the 95 % normal quantile as Olofsson et al. (2014) round it (their printed CIs use 1.96)


@dataclass(frozen=True)
class Assessment:
    """Accuracy and area of one map; arrays are in ``classes`` order, standard errors (SE), not half-widths."""

    classes: tuple[str, ...]
    counts: np.ndarray            # sample counts n_ij: rows = map class, columns = reference class
    proportions: np.ndarray       # estimated area proportions p_ij, same layout
    overall: float
    overall_se: float
    users: np.ndarray
    users_se: np.ndarray
    producers: np.ndarray
    producers_se: np.ndarray
    area_proportion: np.ndarray   # estimated proportion of the total area per reference class
    area_proportion_se: np.ndarray
    mapped_proportion: np.ndarray  # share of the map per map class (pixel counting)
    total_area: float             # in the unit of the stratum sizes given (pixels, ha, m2)
    notes: tuple[str, ...] = ()   # what the estimate could not support, in plain sentences

    @property
    def overall_ci(self) -> float:
        return Z95 * self.overall_se

    @property
    def estimated_area(self) -> np.ndarray:
        return self.area_proportion * self.total_area

    @property
    def estimated_area_ci(self) -> np.ndarray:
        return Z95 * self.area_proportion_se * self.total_area

    @property
    def mapped_area(self) -> np.ndarray:
        return self.mapped_proportion * self.total_area


def error_matrix(map_labels: Sequence, reference_labels: Sequence, classes: Sequence[str]) -> np.ndarray:
    """Sample counts n_ij (rows map, columns reference) in ``classes`` order; unknown labels are an error."""
    index = {c: i for i, c in enumerate(classes)}
    counts = np.zeros((len(classes), len(classes)), dtype=float)
    for m, r in zip(map_labels, reference_labels):
        if m not in index or r not in index:
            bad = m if m not in index else r
            raise InputError(f"The sample has the label '{bad}', which is not one of the map's classes.",
                             field="REFERENCE_FIELD")
        counts[index[m], index[r]] += 1
    return counts


def olofsson(counts: np.ndarray, stratum_sizes: Sequence[float], classes: Sequence[str]) -> Assessment:
    """Estimates from the count matrix and the size of each map class (pixels or area, same order as rows)."""
    counts = np.asarray(counts, dtype=float)
    sizes = np.asarray(stratum_sizes, dtype=float)
    _check(counts, sizes, classes)
    total = float(sizes.sum())
    w = sizes / total
    n_row = counts.sum(axis=1)
    safe_n = np.where(n_row > 0, n_row, 1.0)
    share = counts / safe_n[:, None]                       # n_ij / n_i.
    empty = n_row == 0
    share[empty, empty] = 1.0                               # an unsampled stratum counts as mapped (see _notes)
    p = w[:, None] * share                                  # eq. 4
    var_denominator = np.where(n_row > 1, n_row - 1, np.inf)
    users = np.diag(share).copy()
    users_var = users * (1 - users) / var_denominator
    overall = float(np.trace(p))
    overall_se = float(np.sqrt(np.sum(w**2 * users_var)))
    area_p = p.sum(axis=0)
    area_var = np.sum((w[:, None] ** 2) * share * (1 - share) / var_denominator[:, None], axis=0)
    producers, producers_var = _producers(sizes, share, users, users_var, var_denominator)
    notes = tuple(_notes(classes, n_row))
    users = np.where(n_row > 0, users, np.nan)
    return Assessment(tuple(classes), counts, p, overall, overall_se, users, np.sqrt(users_var), producers,
                      np.sqrt(producers_var), area_p, np.sqrt(area_var), w, total, notes)


def _producers(sizes: np.ndarray, share: np.ndarray, users: np.ndarray, users_var: np.ndarray,
               var_den: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Producer's accuracy and its variance (Olofsson et al. 2013 eq. 7 / 2014 eq. 7, with N_i. pixel counts)."""
    n_col_hat = (sizes[:, None] * share).sum(axis=0)       # estimated N_.j
    diag = sizes * np.diag(share)
    with np.errstate(divide="ignore", invalid="ignore"):
        producers = np.where(n_col_hat > 0, diag / n_col_hat, np.nan)
        k = len(sizes)
        variance = np.full(k, np.nan)
        for j in range(k):
            if not n_col_hat[j] > 0:
                continue
            others = [i for i in range(k) if i != j]
            off = sum(sizes[i] ** 2 * share[i, j] * (1 - share[i, j]) / var_den[i] for i in others)
            first = sizes[j] ** 2 * (1 - producers[j]) ** 2 * users_var[j]
            variance[j] = (first + producers[j] ** 2 * off) / n_col_hat[j] ** 2
    return producers, variance


def _check(counts: np.ndarray, sizes: np.ndarray, classes: Sequence[str]) -> None:
    k = len(classes)
    if counts.shape != (k, k) or sizes.shape != (k,):
        raise InputError("The error matrix, the stratum sizes and the class list do not have the same classes.",
                         field="STRATA")
    if not np.all(sizes >= 0) or sizes.sum() <= 0:
        raise InputError("The stratum sizes must be positive numbers of pixels or hectares.", field="STRATA")
    if counts.sum() == 0:
        raise InputError("The sample has no labelled point, so nothing can be estimated.", field="SAMPLES")


def _notes(classes: Sequence[str], n_row: np.ndarray) -> list[str]:
    """Plain sentences on what the sample cannot support (no silent wrong result)."""
    notes = []
    for name, n in zip(classes, n_row):
        if n == 0:
            notes.append(f"No sample point is mapped as '{name}': its user's accuracy is unknown and its map area "
                         "is taken as correct in the area estimates.")
        elif n == 1:
            notes.append(f"Only one sample point is mapped as '{name}': its standard errors cannot be estimated "
                         "and are reported as 0.")
    return notes
