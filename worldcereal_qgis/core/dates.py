"""Month arithmetic for WorldCereal periods.

The v3 models work on whole monthly composites, so every period and season window is month-aligned
(1st .. last day) and a processing period spans at most 12 months (docs/worldcereal-facts.md,
"Processing period").
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from .errors import InputError

EARLIEST_DATE = date(2017, 1, 1)
"""Sentinel-1/2 inputs of the WorldCereal pipeline are complete from 2017 on."""

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def month_start(d: date) -> date:
    """First day of ``d``'s month."""
    return date(d.year, d.month, 1)


def month_end(d: date) -> date:
    """Last day of ``d``'s month."""
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def add_months(d: date, n: int) -> date:
    """``d`` shifted by ``n`` months; the day is clamped to the target month's length (Jan 31 + 1 → Feb 28/29)."""
    index = d.year * 12 + (d.month - 1) + n
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last_day))


def last_complete_month_end(today: date | None = None) -> date:
    """Last day of the last month that is over; the current month is never complete (its data is still coming)."""
    today = today or date.today()
    return month_start(today) - timedelta(days=1)


def months_between(start: date, end: date) -> int:
    """Inclusive number of calendar months touched by ``start .. end`` (12 for Oct 1 .. Sep 30)."""
    return (end.year - start.year) * 12 + (end.month - start.month) + 1


def period_ending_with(end_month_last_day: date, months: int = 12) -> tuple[date, date]:
    """The ``months``-month period that ends with the month of ``end_month_last_day`` (notebook / Gisat rule)."""
    if months < 1:
        raise ValueError("months must be >= 1")
    end = month_end(end_month_last_day)
    return month_start(add_months(end, -(months - 1))), end


def is_month_start(d: date) -> bool:
    return d.day == 1


def is_month_end(d: date) -> bool:
    return d == month_end(d)


def parse_date(value: str | date, *, field: str = "date") -> date:
    """A ``date`` from a ``date``/``datetime`` or an ISO ``YYYY-MM-DD`` string; a precise InputError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"Expected a date as YYYY-MM-DD, got {type(value).__name__} {value!r}.", field=field)
    text = value.strip()
    match = _ISO_DATE.match(text)
    if not match:
        raise InputError(f"'{value}' is not a date in the form YYYY-MM-DD.", field=field)
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise InputError(f"'{value}' is not a valid date: month {month} does not exist.", field=field)
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise InputError(
            f"'{value}' is not a valid date: {calendar.month_name[month]} {year} has {last_day} days.", field=field
        )
    return date(year, month, day)
