"""Sample design: size (Olofsson et al. 2014 eq. 13), allocation to strata, and a seeded stratified random draw.

Why: area estimates are only as good as the sample behind them. Eq. 13 sizes the sample for a target standard
error of overall accuracy from the anticipated user's accuracy of each stratum; rare classes need more points
than proportional allocation gives them, hence the compromise allocation the paper recommends (a floor per
stratum, the rest proportional). The draw picks, per stratum, ranks uniformly among its pixels and finds them
in a second streamed pass, so a 10^9-pixel mosaic is sampled without holding it in memory; the same seed gives
the same points (docs/AREAS.md).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from .pixel_counts import RasterPart, histogram, pixel_centres, scan, transformer

ALLOCATIONS = ("compromise", "proportional", "equal")


def sample_size(weights: Sequence[float], users: Sequence[float], target_se: float) -> int:
    """Eq. 13 (without finite population correction): n = (sum W_i S_i / S(O))^2, S_i = sqrt(U_i (1 - U_i))."""
    if target_se <= 0:
        raise InputError("The target standard error of overall accuracy must be above 0.", field="TARGET_SE")
    w = np.asarray(weights, dtype=float)
    u = np.asarray(users, dtype=float)
    if w.shape != u.shape or np.any((u < 0) | (u > 1)):
        raise InputError("Give one anticipated user's accuracy between 0 and 1 per stratum.", field="USERS")
    w = w / w.sum()
    return math.ceil(float(np.sum(w * np.sqrt(u * (1 - u))) / target_se) ** 2)


def allocate(sizes: Sequence[int], total: int, method: str = "compromise", minimum: int = 50) -> list[int]:
    """Points per stratum; never more than its pixels, and the compromise floor only where the pixels allow."""
    sizes = [int(s) for s in sizes]
    if method not in ALLOCATIONS:
        raise InputError(f"Unknown allocation '{method}'; use one of {', '.join(ALLOCATIONS)}.", field="ALLOCATION")
    if not sizes or sum(sizes) == 0:
        raise InputError("The map has no pixel of any stratum inside the area.", field="MAP")
    if method == "equal":
        alloc = [total // len(sizes)] * len(sizes)
        for i in range(total - sum(alloc)):
            alloc[i] += 1
    elif method == "proportional":
        alloc = _proportional(sizes, total)
    else:
        alloc = _compromise(sizes, total, minimum)
    return [min(a, s) for a, s in zip(alloc, sizes)]


def _proportional(sizes: Sequence[int], total: int) -> list[int]:
    """Largest-remainder rounding, so the points add up to ``total``."""
    share = np.asarray(sizes, dtype=float) / sum(sizes) * total
    alloc = np.floor(share).astype(int)
    for i in np.argsort(-(share - alloc))[: total - alloc.sum()]:
        alloc[i] += 1
    return alloc.tolist()


def _compromise(sizes: Sequence[int], total: int, minimum: int) -> list[int]:
    """Strata whose proportional share is under ``minimum`` get the minimum; the rest is shared proportionally."""
    floor = {i for i, a in enumerate(_proportional(sizes, total)) if a < minimum}
    while True:
        rest = total - minimum * len(floor)
        others = [i for i in range(len(sizes)) if i not in floor]
        if rest <= 0 or not others:
            return [minimum if i in floor else 0 for i in range(len(sizes))]
        shares = _proportional([sizes[i] for i in others], rest)
        newly = {i for i, a in zip(others, shares) if a < minimum}
        if not newly:
            alloc = dict(zip(others, shares))
            return [minimum if i in floor else alloc[i] for i in range(len(sizes))]
        floor |= newly


@dataclass(frozen=True)
class SamplePoint:
    stratum: str
    map_value: int
    x: float          # pixel centre in the part's CRS
    y: float
    epsg: int
    lon: float
    lat: float
    inclusion: float  # n_h / N_h
    weight: float     # N_h / n_h pixels represented by the point


def draw(parts: Sequence[RasterPart], strata: Mapping[int, str], stratum_sizes: Mapping[str, int],
         allocation: Mapping[str, int], seed: int, *, region=None,
         progress: Callable[[float], None] | None = None,
         is_cancelled: Callable[[], bool] | None = None) -> list[SamplePoint]:
    """Stratified random sample without replacement: ranks drawn per stratum, located in one streamed pass."""
    rng = np.random.default_rng(seed)
    wanted = {}
    for name in sorted(allocation):
        n, big_n = int(allocation[name]), int(stratum_sizes.get(name, 0))
        if n > big_n:
            raise InputError(f"The stratum '{name}' has {big_n} pixels, fewer than the {n} points asked for.",
                             field="ALLOCATION")
        wanted[name] = np.sort(rng.choice(big_n, size=n, replace=False)) if n else np.empty(0, dtype=np.int64)
    seen = dict.fromkeys(wanted, 0)
    points: list[SamplePoint] = []
    values_of = {name: np.array([v for v, s in strata.items() if s == name], dtype=np.intp) for name in wanted}
    hint: list[int] = []
    for part in parts:
        for window in scan(part, region=region, progress=progress, is_cancelled=is_cancelled):
            flat = window.values.ravel()
            keep = None if window.keep is None else window.keep.ravel()
            hist = histogram(flat if keep is None else flat[keep], hint)
            hint = [int(v) for v in np.flatnonzero(hist)]
            for name, ranks in wanted.items():
                start, count = seen[name], int(hist[values_of[name]].sum())
                seen[name] = start + count
                lo, hi = np.searchsorted(ranks, [start, start + count])
                if hi > lo:  # only now find the stratum's pixels in this window
                    mask = np.isin(flat, values_of[name]) if len(values_of[name]) > 1 else flat == values_of[name][0]
                    if keep is not None:
                        mask &= keep
                    rows, cols = np.divmod(np.flatnonzero(mask)[ranks[lo:hi] - start], window.values.shape[1])
                    points += _points(part, window, rows, cols, name, stratum_sizes[name], len(ranks))
    return points


def _points(part: RasterPart, window, rows: np.ndarray, cols: np.ndarray, name: str, big_n: int,
            n: int) -> list[SamplePoint]:
    x, y = pixel_centres(part, window.xoff, window.yoff, cols, rows)
    lon, lat = transformer(part.epsg, 4326).transform(x, y)
    values = window.values[rows, cols]
    return [SamplePoint(name, int(v), float(xi), float(yi), part.epsg, float(lo), float(la), n / big_n, big_n / n)
            for v, xi, yi, lo, la in zip(values, np.atleast_1d(x), np.atleast_1d(y), np.atleast_1d(lon),
                                         np.atleast_1d(lat))]
