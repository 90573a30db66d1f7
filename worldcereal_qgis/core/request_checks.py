"""The checks behind ``MapRequest.problems()``: one function per rule, each returning one-sentence InputErrors.

Kept apart from request.py (the request's shape, builders and openEO arguments) so each file stays readable;
the limits come from udp.py (the published UDP contract) and dates.py.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from . import udp
from .aoi import Aoi
from .backends import LOOPBACK_HOSTS
from .dates import (
    EARLIEST_DATE,
    is_month_end,
    is_month_start,
    last_complete_month_end,
    month_end,
    month_start,
    months_between,
)
from .errors import InputError

_SEASON_ID = re.compile(udp.SEASON_ID_PATTERN)
ZIP_URL_LABELS = {
    "croptype_head_zip": "crop-type head URL",
    "landcover_head_zip": "land-cover head URL",
    "seasonal_model_zip": "seasonal model URL",
}
_KERNEL_LABELS = {
    "postprocess_kernel_cropland": "cropland post-processing kernel size",
    "postprocess_kernel_croptype": "crop-type post-processing kernel size",
}
_METHOD_LABELS = {
    "postprocess_method_cropland": "cropland post-processing method",
    "postprocess_method_croptype": "crop-type post-processing method",
}


def aoi_problems(aoi: Any, max_area_km2: float) -> list[InputError]:
    if not isinstance(aoi, Aoi):
        return [InputError("No area of interest is set.", field="aoi")]
    try:
        aoi.validate(max_area_km2)
    except InputError as err:
        return [err]
    return []


def _is_window(value: Any) -> bool:
    return isinstance(value, (tuple, list)) and len(value) == 2 and all(isinstance(d, date) for d in value)


def period_problems(period: Any, product: str, today: date | None) -> list[InputError]:
    def err(message: str) -> InputError:
        return InputError(message, field="temporal_extent")

    if not _is_window(period):
        return [err("The processing period must be a pair of dates (start, end).")]
    start, end = period
    if start > end:
        return [err(f"The processing period starts on {start} after it ends on {end}.")]
    latest = last_complete_month_end(today)
    found = []
    if start < EARLIEST_DATE:
        found.append(
            err(f"The processing period starts on {start}, before {EARLIEST_DATE}, the first date WorldCereal can map.")
        )
    if end > latest:
        found.append(err(f"The processing period ends on {end}, after {latest}, the end of the last complete month."))
    if not is_month_start(start):
        found.append(
            err(f"The processing period must start on the 1st of a month, not on {start} (use {month_start(start)}).")
        )
    if not is_month_end(end):
        found.append(
            err(f"The processing period must end on the last day of a month, not on {end} (use {month_end(end)}).")
        )
    found += _length_problems(months_between(start, end), product)
    return found


def _length_problems(months: int, product: str) -> list[InputError]:
    if months > udp.MAX_PERIOD_MONTHS:
        message = f"The processing period spans {months} months; at most {udp.MAX_PERIOD_MONTHS} are allowed."
    elif product == udp.CROPLAND and months != udp.CROPLAND_PERIOD_MONTHS:
        message = (
            f"A cropland map needs a processing period of exactly {udp.CROPLAND_PERIOD_MONTHS} months, not {months}."
        )
    else:
        return []
    return [InputError(message, field="temporal_extent")]


def seasons_problems(seasons: Any, period: Any) -> list[InputError]:
    if not isinstance(seasons, dict) or not seasons:
        return [InputError("Give at least one season window.", field="seasons")]
    if len(seasons) > udp.MAX_SEASONS:
        ids = ", ".join(str(s) for s in seasons)
        return [
            InputError(
                f"A job can have at most {udp.MAX_SEASONS} seasons, not {len(seasons)} ({ids}).", field="seasons"
            )
        ]
    found: list[InputError] = []
    for sid, window in seasons.items():
        found += _season_id_problems(sid)
        found += _window_problems(str(sid), window, period)
    return found


def duplicate_season_problems(season_ids: list[str]) -> list[InputError]:
    """Two seasons with one id would silently become one (a dict keeps the last): say so instead."""
    seen: set[str] = set()
    twice = [sid for sid in season_ids if sid in seen or seen.add(sid)]
    return [InputError(f"Two seasons have the id '{sid}'; give each season its own id (e.g. tc-s1 and tc-s2).",
                       field="seasons") for sid in dict.fromkeys(twice)]


def _season_id_problems(sid: Any) -> list[InputError]:
    if not isinstance(sid, str) or not sid:
        return [InputError("A season id is empty; name it, e.g. tc-s1.", field="seasons")]
    if not _SEASON_ID.match(sid):
        return [InputError(f"Season id '{sid}' may only contain letters, digits, '_' and '-'.", field="seasons")]
    return []


def _window_problems(sid: str, window: Any, period: Any) -> list[InputError]:
    def err(message: str) -> InputError:
        return InputError(message, field="seasons")

    if not _is_window(window):
        return [err(f"Season '{sid}' needs a window of two dates (start, end).")]
    start, end = window
    if start > end:
        return [err(f"Season '{sid}' starts on {start} after it ends on {end}.")]
    found = []
    if not is_month_start(start):
        found.append(
            err(f"Season '{sid}' must start on the 1st of a month, not on {start} (use {month_start(start)}).")
        )
    if not is_month_end(end):
        found.append(err(f"Season '{sid}' must end on the last day of a month, not on {end} (use {month_end(end)})."))
    if _is_window(period) and (start < period[0] or end > period[1]):
        found.append(
            err(f"Season '{sid}' ({start}…{end}) lies outside the processing period ({period[0]}…{period[1]}).")
        )
    return found


def method_problems(name: str, value: Any) -> list[InputError]:
    if value in udp.POSTPROCESS_METHODS:
        return []
    choices = " or ".join(udp.POSTPROCESS_METHODS)
    return [InputError(f"Unknown {_METHOD_LABELS[name]} '{value}': choose {choices}.", field=name)]


def kernel_problems(name: str, value: Any) -> list[InputError]:
    label = _KERNEL_LABELS[name]
    if isinstance(value, bool) or not isinstance(value, int):
        message = f"The {label} must be a whole number, not {value!r}."
    elif value < 1:
        message = f"The {label} must be at least 1, not {value}."
    elif value > udp.MAX_KERNEL:
        message = f"The {label} must be at most {udp.MAX_KERNEL}, not {value}."
    elif value % 2 == 0:
        message = f"The {label} must be odd (a window centred on the pixel), not {value}."
    else:
        return []
    return [InputError(message, field=name)]


def url_scheme_problems(name: str, label: str, value: str) -> list[InputError]:
    parts = urlsplit(value)
    if (parts.scheme == "https" and parts.netloc) or (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS):
        return []
    message = f"The {label} must be an https:// address (plain http only for localhost), not '{value}'."
    return [InputError(message, field=name)]


def zip_url_problems(name: str, value: Any) -> list[InputError]:
    label = ZIP_URL_LABELS[name]
    if value is None or value == "":
        return []
    if not isinstance(value, str):
        return [InputError(f"The {label} must be text, not {type(value).__name__}.", field=name)]
    found = url_scheme_problems(name, label, value.strip())
    if not urlsplit(value.strip()).path.lower().endswith(".zip"):
        found.append(InputError(f"The {label} must point to a .zip file, not '{value}'.", field=name))
    return found
