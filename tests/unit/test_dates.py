"""Month arithmetic: the periods users see must be whole months, ending where the notebooks end them."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from worldcereal_qgis.core.dates import (
    EARLIEST_DATE,
    add_months,
    last_complete_month_end,
    month_end,
    month_start,
    months_between,
    parse_date,
    period_ending_with,
)
from worldcereal_qgis.core.errors import InputError


@pytest.mark.parametrize(
    ("d", "start", "end"),
    [
        (date(2021, 2, 14), date(2021, 2, 1), date(2021, 2, 28)),
        (date(2020, 2, 29), date(2020, 2, 1), date(2020, 2, 29)),
        (date(2021, 12, 31), date(2021, 12, 1), date(2021, 12, 31)),
        (date(2021, 4, 1), date(2021, 4, 1), date(2021, 4, 30)),
    ],
)
def test_month_start_and_end(d, start, end):
    assert month_start(d) == start
    assert month_end(d) == end


def test_month_end_is_the_day_before_the_next_month_start_for_every_month():
    for year in (2019, 2020, 2100):
        for month in range(1, 13):
            nxt = add_months(date(year, month, 1), 1)
            assert month_end(date(year, month, 15)) == nxt - timedelta(days=1)


@pytest.mark.parametrize(
    ("d", "n", "expected"),
    [
        (date(2021, 1, 31), 1, date(2021, 2, 28)),
        (date(2020, 1, 31), 1, date(2020, 2, 29)),
        (date(2021, 11, 15), 3, date(2022, 2, 15)),
        (date(2021, 3, 1), -3, date(2020, 12, 1)),
        (date(2021, 9, 30), -11, date(2020, 10, 30)),
        (date(2021, 5, 5), 0, date(2021, 5, 5)),
    ],
)
def test_add_months(d, n, expected):
    assert add_months(d, n) == expected


def test_add_months_round_trips_on_first_days():
    rng = random.Random(5)
    for _ in range(500):
        d = date(rng.randint(2000, 2040), rng.randint(1, 12), 1)
        n = rng.randint(-60, 60)
        assert add_months(add_months(d, n), -n) == d
        assert months_between(min(d, add_months(d, n)), max(d, add_months(d, n))) == abs(n) + 1


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 8, 21), date(2026, 7, 31)),
        (date(2026, 8, 1), date(2026, 7, 31)),
        (date(2026, 8, 31), date(2026, 7, 31)),  # the current month is never complete, even on its last day
        (date(2026, 1, 10), date(2025, 12, 31)),
        (date(2024, 3, 2), date(2024, 2, 29)),
    ],
)
def test_last_complete_month_end(today, expected):
    assert last_complete_month_end(today) == expected


def test_last_complete_month_end_defaults_to_today():
    assert last_complete_month_end() == month_start(date.today()) - timedelta(days=1)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2020, 10, 1), date(2021, 9, 30), 12),
        (date(2021, 1, 1), date(2021, 12, 31), 12),
        (date(2021, 3, 1), date(2021, 3, 31), 1),
        (date(2020, 11, 1), date(2021, 10, 31), 12),
        (date(2020, 1, 1), date(2021, 1, 31), 13),
    ],
)
def test_months_between_is_inclusive(start, end, months):
    assert months_between(start, end) == months


def test_period_ending_with_matches_the_notebook_example():
    # docs/worldcereal-facts.md, "Processing period": Western Europe 2021 -> 2020-10-01 .. 2021-09-30.
    assert period_ending_with(date(2021, 9, 30)) == (date(2020, 10, 1), date(2021, 9, 30))
    # A mid-month day is snapped to its month's end.
    assert period_ending_with(date(2021, 9, 12)) == (date(2020, 10, 1), date(2021, 9, 30))
    assert period_ending_with(date(2021, 2, 1), 3) == (date(2020, 12, 1), date(2021, 2, 28))


def test_period_ending_with_always_spans_the_requested_months():
    rng = random.Random(11)
    for _ in range(300):
        end = date(rng.randint(2017, 2030), rng.randint(1, 12), rng.randint(1, 28))
        months = rng.randint(1, 12)
        start, stop = period_ending_with(end, months)
        assert start.day == 1
        assert stop == month_end(end)
        assert months_between(start, stop) == months


def test_parse_date_accepts_dates_datetimes_and_iso_strings():
    assert parse_date("2021-03-01") == date(2021, 3, 1)
    assert parse_date(" 2021-03-01 ") == date(2021, 3, 1)
    assert parse_date(date(2021, 3, 1)) == date(2021, 3, 1)
    parsed = parse_date(datetime(2021, 3, 1, 12, 30))
    assert parsed == date(2021, 3, 1)
    assert type(parsed) is date


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2021-13-01", "month 13 does not exist"),
        ("2021-02-30", "February 2021 has 28 days"),
        ("2020-02-30", "February 2020 has 29 days"),
        ("2021-04-31", "April 2021 has 30 days"),
        ("01/03/2021", "YYYY-MM-DD"),
        ("2021-3-1", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
    ],
)
def test_parse_date_rejects_bad_strings_precisely(text, fragment):
    with pytest.raises(InputError) as info:
        parse_date(text, field="temporal_extent")
    assert fragment in str(info.value)
    assert info.value.field == "temporal_extent"
    assert str(info.value).endswith(".")


def test_parse_date_rejects_non_dates():
    with pytest.raises(InputError, match="Expected a date"):
        parse_date(20210301)  # type: ignore[arg-type]


def test_earliest_date():
    assert date(2017, 1, 1) == EARLIEST_DATE
