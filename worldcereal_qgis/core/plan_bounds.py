"""Bounded planning: whether an area may be tiled at all, answered from its area before a single tile is cut.

Why: planning a continent (an Africa-sized polygon is ~75,000 tiles of 20 km) takes minutes and a gigabyte,
only to be refused by the credit check at the end. The job count and the credits of a tiled run have lower
bounds that need nothing but the area: at least ``area / tile²`` tiles (clipping at the area's edge and at
Sentinel-2 cell borders only adds tiles), each with its job overhead. If even those bounds break the limit,
the exact plan would too, so it is refused at once with the estimate and the limit in one sentence; when
they pass, the exact plan is made (streamed, cancellable) and checked again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

from .credits import CreditRates, estimate_map_credits
from .errors import InputError

MAX_TILE_JOBS = 1000
"""Most jobs one tiled run may hold: ~17 days of CDSE's 2 parallel jobs at 20 minutes each."""

_EQUAL_AREA = 6933  # WGS 84 / NSIDC EASE-Grid 2.0 Global: equal-area, so a continent's km² are right


@dataclass(frozen=True)
class PlanEstimate:
    """Lower bounds of a tiled run, from its area alone."""

    area_km2: float
    tile_size_km: float
    min_jobs: int
    min_credits: float  # the high-rate estimate of ``min_jobs`` jobs: what the exact plan's check compares


def area_km2(geom_4326: BaseGeometry) -> float:
    """Area of a lon/lat geometry (parts inside -180..180) in an equal-area projection: fast for a continent."""
    if geom_4326.is_empty:
        return 0.0
    tr = pyproj.Transformer.from_crs(4326, _EQUAL_AREA, always_xy=True)
    coarse = shapely.segmentize(geom_4326, 0.5)  # straight lon/lat edges stay straight in a cylindrical CRS

    def _apply(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(tr.transform(xy[:, 0], xy[:, 1]))

    return shapely.transform(coarse, _apply).area / 1e6


def estimate_plan(area: float, tile_size_km: float, rates: CreditRates) -> PlanEstimate:
    jobs = max(1, math.ceil(area / (tile_size_km * tile_size_km)))
    return PlanEstimate(area, tile_size_km, jobs, estimate_map_credits(area, rates, jobs=jobs)[1])


def check_plan_bounds(area: float, tile_size_km: float, *, max_credits: float, rates: CreditRates,
                      max_jobs: int = MAX_TILE_JOBS, raise_hint: str = "raise the credit limit") -> PlanEstimate:
    """The estimate, or InputError (one sentence: area, estimate, limit) when even its lower bounds are too much.

    ``raise_hint`` names how the caller's user raises the credit limit (a parameter, a setting).
    """
    est = estimate_plan(area, tile_size_km, rates)
    if est.min_jobs > max_jobs:
        raise InputError(
            f"The area of interest covers {area:,.0f} km²: as tiles of {tile_size_km:g} km that is at least "
            f"{est.min_jobs:,} jobs and {est.min_credits:,.0f} credits, more than the {max_jobs:,} jobs one tiled run "
            "may hold; "
            "choose a smaller area or larger tiles.", field="aoi")
    if est.min_credits > max_credits:
        raise InputError(
            f"The area of interest covers {area:,.0f} km²: as tiles of {tile_size_km:g} km that is at least "
            f"{est.min_jobs:,} jobs and {est.min_credits:,.0f} credits, more than the {max_credits:,.0f} credits "
            f"allowed; choose a smaller area or {raise_hint}.", field="aoi")
    return est
