"""Stehman (2014) estimators: stratified random sampling whose strata are NOT the map classes.

Why: a sample stratified on one map (e.g. cropland / other) is often used to assess another map of the same
area (e.g. crop types of one season), or strata are merged classes. Every accuracy and area parameter is then a
ratio of two population totals estimated with stratum weights N_h / n_h, and its variance follows from the
linearised ratio estimator (Stehman 2014, IJRS 35, eqs. 2-28; docs/AREAS.md). With strata equal to the map
classes the estimates equal Olofsson et al. (2014) ones (tests check it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..errors import InputError
from .estimators import Assessment


def stehman(strata: Sequence, map_labels: Sequence, reference_labels: Sequence, stratum_sizes: Mapping,
            classes: Sequence[str], *, finite_population: bool = True) -> Assessment:
    """Estimates from per-point stratum, map and reference labels and the population size N_h of each stratum."""
    strata = np.asarray([str(s) for s in strata])
    m = np.asarray(map_labels, dtype=object)
    r = np.asarray(reference_labels, dtype=object)
    sizes = {str(k): float(v) for k, v in stratum_sizes.items()}
    _check(strata, m, r, sizes, classes)
    est = _Estimator(strata, sizes, finite_population)
    k = len(classes)
    counts = np.zeros((k, k))
    p = np.zeros((k, k))
    for i, ci in enumerate(classes):
        for j, cj in enumerate(classes):
            y = (m == ci) & (r == cj)
            counts[i, j] = y.sum()
            p[i, j] = est.mean(y)
    correct = m == r
    overall, overall_se = est.mean(correct), est.se(correct)
    users, users_se, producers, producers_se, area_p, area_se, mapped = (np.zeros(k) for _ in range(7))
    for i, c in enumerate(classes):
        hit = (m == c) & (r == c)
        users[i], users_se[i] = est.ratio(hit, m == c)
        producers[i], producers_se[i] = est.ratio(hit, r == c)
        area_p[i], area_se[i] = est.mean(r == c), est.se(r == c)
        mapped[i] = est.mean(m == c)
    notes = tuple(f"No sample point is mapped as '{c}': its user's accuracy is unknown." for i, c in
                  enumerate(classes) if not (m == c).any())
    return Assessment(tuple(classes), counts, p, overall, overall_se, users, users_se, producers, producers_se,
                      area_p, area_se, mapped, float(sum(sizes.values())), notes)


class _Estimator:
    """Stratified estimators of a population mean and of a ratio of means (Stehman 2014 eqs. 3, 25-28)."""

    def __init__(self, strata: np.ndarray, sizes: dict[str, float], finite_population: bool) -> None:
        self.groups = [(strata == h, sizes[h]) for h in sizes if (strata == h).any()]
        self.total = sum(sizes.values())
        self.fpc = finite_population

    def mean(self, y: np.ndarray) -> float:
        y = np.asarray(y, dtype=float)
        return float(sum(n_h * y[mask].mean() for mask, n_h in self.groups) / self.total)

    def se(self, y: np.ndarray) -> float:
        return float(np.sqrt(self._variance_sum(np.asarray(y, dtype=float))) / self.total)

    def ratio(self, y: np.ndarray, x: np.ndarray) -> tuple[float, float]:
        y = np.asarray(y, dtype=float)
        x = np.asarray(x, dtype=float)
        x_total = sum(n_h * x[mask].mean() for mask, n_h in self.groups)
        if x_total <= 0:
            return float("nan"), float("nan")
        ratio = sum(n_h * y[mask].mean() for mask, n_h in self.groups) / x_total
        variance = self._variance_sum(y - ratio * x) / x_total**2
        return float(ratio), float(np.sqrt(variance))

    def _variance_sum(self, values: np.ndarray) -> float:
        """sum_h N_h^2 (1 - n_h/N_h) s_h^2 / n_h with s_h^2 the sample variance of ``values`` in stratum h."""
        total = 0.0
        for mask, n_h_pop in self.groups:
            v = values[mask]
            n_h = len(v)
            if n_h < 2:
                continue
            fpc = (1 - n_h / n_h_pop) if self.fpc else 1.0
            total += n_h_pop**2 * fpc * v.var(ddof=1) / n_h
        return total


def _check(strata: np.ndarray, m: np.ndarray, r: np.ndarray, sizes: dict[str, float],
           classes: Sequence[str]) -> None:
    if not len(strata) == len(m) == len(r) or len(strata) == 0:
        raise InputError("The sample has no labelled point, so nothing can be estimated.", field="SAMPLES")
    unknown = sorted(set(strata) - set(sizes))
    if unknown:
        raise InputError(f"The sample has the stratum '{unknown[0]}', which has no size in the strata table.",
                         field="STRATA")
    known = set(classes)
    bad = [v for v in list(m) + list(r) if v not in known]
    if bad:
        raise InputError(f"The sample has the label '{bad[0]}', which is not one of the map's classes.",
                         field="REFERENCE_FIELD")
