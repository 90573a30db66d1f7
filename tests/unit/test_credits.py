"""Cost estimates must bracket the documented figures and warn in plain words before credits are spent."""

from __future__ import annotations

import pytest

from worldcereal_qgis.core.credits import (
    DEFAULT_RATES,
    CreditRates,
    budget_warnings,
    estimate_duration_minutes,
    estimate_extraction_credits,
    estimate_map_credits,
)
from worldcereal_qgis.core.errors import InputError

# docs/worldcereal-facts.md, "Credits and duration" (Gisat app): (km², credits, minutes).
DOCUMENTED = [(250, 40, 20), (750, 90, 50), (2500, 250, 100)]


def test_default_rates_are_the_documented_ones():
    assert (DEFAULT_RATES.map_credits_per_km2_low, DEFAULT_RATES.map_credits_per_km2_high) == (0.10, 0.16)
    assert DEFAULT_RATES.job_overhead_credits == 2
    assert DEFAULT_RATES.extraction_credits_per_job == 30
    assert DEFAULT_RATES.free_monthly_credits == 10_000


@pytest.mark.parametrize(("area", "credits", "minutes"), DOCUMENTED)
def test_estimates_bracket_the_documented_figures(area, credits, minutes):
    low, high = estimate_map_credits(area, DEFAULT_RATES)
    assert low - DEFAULT_RATES.job_overhead_credits <= credits <= high
    short, long = estimate_duration_minutes(area)
    assert short < minutes < long


def test_map_credits_are_rate_times_area_plus_overhead_per_job():
    assert estimate_map_credits(1000, DEFAULT_RATES) == pytest.approx((102.0, 162.0))
    assert estimate_map_credits(1000, DEFAULT_RATES, jobs=3) == pytest.approx((106.0, 166.0))
    custom = CreditRates(map_credits_per_km2_low=0.2, map_credits_per_km2_high=0.3, job_overhead_credits=0)
    assert estimate_map_credits(100, custom) == pytest.approx((20.0, 30.0))


def test_estimates_grow_with_area():
    areas = [0, 1, 50, 250, 400, 750, 1200, 2500, 5000, 20_000]
    credits = [estimate_map_credits(a, DEFAULT_RATES) for a in areas]
    durations = [estimate_duration_minutes(a) for a in areas]
    for previous, current in zip(credits, credits[1:]):
        assert previous[0] < current[0] and previous[1] < current[1]
    for previous, current in zip(durations, durations[1:]):
        assert previous[0] < current[0] and previous[1] < current[1]
    assert durations[0][0] > 0  # even a tiny job needs start-up time


def test_bad_area_is_refused():
    for area in (-1.0, float("nan")):
        with pytest.raises(InputError, match="Cannot estimate the cost"):
            estimate_map_credits(area, DEFAULT_RATES)
        with pytest.raises(InputError):
            estimate_duration_minutes(area)


def test_extraction_credits():
    assert estimate_extraction_credits(4, DEFAULT_RATES) == 120
    assert estimate_extraction_credits(0, DEFAULT_RATES) == 0


def test_no_warning_within_budget_and_free_credits():
    assert budget_warnings(402.0, 500.0, DEFAULT_RATES) == []
    assert budget_warnings(402.0, None, DEFAULT_RATES) == []


def test_warning_above_budget_names_both_numbers():
    (warning,) = budget_warnings(402.0, 300.0, DEFAULT_RATES)
    assert "402 credits" in warning
    assert "budget of 300 credits" in warning


def test_warning_above_free_monthly_credits():
    warnings = budget_warnings(12_345.0, None, DEFAULT_RATES)
    assert len(warnings) == 1
    assert "12,345 credits" in warnings[0]
    assert "10,000 free credits" in warnings[0]
    assert len(budget_warnings(12_345.0, 5_000.0, DEFAULT_RATES)) == 2
    assert budget_warnings(12_345.0, None, CreditRates(free_monthly_credits=20_000)) == []


def test_range_text_says_one_number_when_both_ends_round_alike():
    from worldcereal_qgis.core.credits import range_text

    assert range_text(2.2, 2.4) == "2"  # not 'about 2–2 credits'
    assert range_text(12.4, 18.2) == "12–18"
    assert range_text(1234.0, 2345.6) == "1,234–2,346"
