"""Credit and duration estimates before submitting, from the AOI area.

All rates live in ``CreditRates``; every estimate takes them as a required argument so the dock and Processing
cannot drift apart (both read them from the user's settings, ``settings.credit_rates()``). ``DEFAULT_RATES`` are
the published figures (docs/worldcereal-facts.md, "Credits and duration"): 0.10–0.16 credits/km², 2 credits per
batch job, 10 000 free credits per month.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import InputError


@dataclass(frozen=True)
class CreditRates:
    """Documented CDSE / WorldCereal cost figures; override from settings, never hard-code elsewhere."""

    map_credits_per_km2_low: float = 0.10
    map_credits_per_km2_high: float = 0.16
    job_overhead_credits: float = 2.0
    extraction_credits_per_job: float = 30.0
    free_monthly_credits: float = 10_000.0


DEFAULT_RATES = CreditRates()

# (area km², typical minutes) from the Gisat app; the origin anchors a floor for tiny AOIs (job start-up).
_DURATION_POINTS = ((0.0, 10.0), (250.0, 20.0), (750.0, 50.0), (2500.0, 100.0))
_DURATION_SPREAD = (0.75, 1.5)  # queueing on CDSE makes runs slower far more often than faster


def _check_area(area_km2: float) -> None:
    if not area_km2 >= 0:  # also rejects NaN
        raise InputError(f"Cannot estimate the cost of an area of {area_km2} km².", field="aoi")


def estimate_map_credits(area_km2: float, rates: CreditRates, *, jobs: int = 1) -> tuple[float, float]:
    """(low, high) credits for map jobs covering ``area_km2`` in ``jobs`` batch jobs (each has an overhead)."""
    _check_area(area_km2)
    overhead = rates.job_overhead_credits * max(jobs, 1)
    return area_km2 * rates.map_credits_per_km2_low + overhead, area_km2 * rates.map_credits_per_km2_high + overhead


def range_text(low: float, high: float) -> str:
    """'12–18' for a range, '2' when both ends round to the same whole number ('about 2–2 credits' reads as a bug)."""
    low_text, high_text = f"{low:,.0f}", f"{high:,.0f}"
    return low_text if low_text == high_text else f"{low_text}–{high_text}"


def estimate_tiles_credits(areas_km2: Iterable[float], rates: CreditRates) -> tuple[float, float]:
    """(low, high) credits of a tiled run: one job per tile, so every tile pays the job overhead once."""
    areas = list(areas_km2)
    for area in areas:
        _check_area(area)
    return estimate_map_credits(sum(areas), rates, jobs=len(areas)) if areas else (0.0, 0.0)


def estimate_extraction_credits(jobs: int, rates: CreditRates) -> float:
    """Typical credits of ``jobs`` extraction jobs (documented average; single jobs vary up to ~10x)."""
    return max(jobs, 0) * rates.extraction_credits_per_job


def _typical_minutes(area_km2: float) -> float:
    """Piecewise-linear through the documented points; extrapolated with the last slope beyond them."""
    areas = [a for a, _ in _DURATION_POINTS]
    i = min(max(bisect.bisect_right(areas, area_km2), 1), len(areas) - 1)
    (a0, m0), (a1, m1) = _DURATION_POINTS[i - 1], _DURATION_POINTS[i]
    return m0 + (area_km2 - a0) * (m1 - m0) / (a1 - a0)


def estimate_duration_minutes(area_km2: float) -> tuple[float, float]:
    """(short, long) wall-clock minutes of one map job, queueing included."""
    _check_area(area_km2)
    typical = _typical_minutes(area_km2)
    return typical * _DURATION_SPREAD[0], typical * _DURATION_SPREAD[1]


def budget_warnings(estimate_high: float, budget: float | None, rates: CreditRates) -> list[str]:
    """One sentence per reason to think twice before submitting: above the user's budget, above free credits."""
    warnings = []
    if budget is not None and estimate_high > budget:
        warnings.append(
            f"This job may use up to {estimate_high:,.0f} credits, more than your budget of {budget:,.0f} credits."
        )
    if estimate_high > rates.free_monthly_credits:
        warnings.append(
            f"This job may use up to {estimate_high:,.0f} credits, more than the {rates.free_monthly_credits:,.0f} "
            "free credits CDSE gives per month."
        )
    return warnings
