"""Validate WorldCereal UDP arguments like a real backend: JSON schemas of the UDP, then the UDF's rules.

Every failure is an openEO ``ProcessParameter*`` error whose message names the parameter.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import jsonschema
from openeo_driver.errors import (
    ProcessParameterInvalidException,
    ProcessParameterRequiredException,
    ProcessParameterUnsupportedException,
)

CROPLAND_ID = "worldcereal_crop_extent"
MAX_SEASONS = 2
MAX_KERNEL = 25
KERNEL_PARAMS = (
    "postprocess_kernel_size",
    "postprocess_kernel_size_cropland",
    "postprocess_kernel_size_croptype",
)


def resolve_arguments(process_id: str, parameters: list[dict], arguments: dict) -> dict:
    """Check ``arguments`` against the UDP ``parameters``; return them with defaults applied."""
    by_name = {p["name"]: p for p in parameters}
    for name in arguments:
        if name not in by_name:
            raise ProcessParameterUnsupportedException(process=process_id, parameter=name)
    resolved = {}
    for name, spec in by_name.items():
        if name in arguments:
            _check_schema(process_id, name, spec.get("schema", {}), arguments[name])
            resolved[name] = arguments[name]
        elif spec.get("optional"):
            resolved[name] = spec.get("default")
        else:
            raise ProcessParameterRequiredException(process=process_id, parameter=name)
    check_rules(process_id, resolved)
    return resolved


def _check_schema(process_id: str, name: str, schema: dict, value: Any) -> None:
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    error = jsonschema.exceptions.best_match(validator.iter_errors(value))
    if error is not None:
        where = "".join(f"[{p!r}]" for p in error.absolute_path)
        _invalid(process_id, name, f"{where} {error.message}".strip())


def _invalid(process_id: str, name: str, reason: str) -> None:
    raise ProcessParameterInvalidException(parameter=name, process=process_id, reason=reason)


def check_rules(process_id: str, args: dict) -> None:
    """Rules the schemas cannot express (from the UDF and the reference doc §1.7, §2.2, §2.3)."""
    _check_bbox(process_id, args["spatial_extent"])
    start, end = _check_period(process_id, args["temporal_extent"])
    _check_seasons(process_id, args["season_ids"], args["season_windows"], start, end)
    for name in KERNEL_PARAMS:
        if args.get(name) is not None:
            _check_kernel(process_id, name, args[name])


def _check_bbox(process_id: str, bbox: dict) -> None:
    if not (bbox["west"] < bbox["east"] and bbox["south"] < bbox["north"]):
        _invalid(process_id, "spatial_extent", "west must be < east and south must be < north.")
    if str(bbox.get("crs", 4326)).upper().replace("EPSG:", "") == "4326" and not (
        -180 <= bbox["west"] <= 180 and -180 <= bbox["east"] <= 180 and -90 <= bbox["south"] <= 90
        and -90 <= bbox["north"] <= 90
    ):
        _invalid(process_id, "spatial_extent", "longitudes/latitudes are out of range for EPSG:4326.")


def _parse_date(process_id: str, name: str, value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        _invalid(process_id, name, f"{value!r} is not a date (YYYY-MM-DD).")
        raise  # unreachable, keeps type checkers happy


def _check_period(process_id: str, extent: list) -> tuple[dt.date, dt.date]:
    name = "temporal_extent"
    start, end = (_parse_date(process_id, name, v) for v in extent)
    last_day = calendar.monthrange(end.year, end.month)[1]
    if start.day != 1 or end.day != last_day:
        _invalid(process_id, name, "the period must start on the 1st and end on the last day of a month.")
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months < 1:
        _invalid(process_id, name, "the end date must be after the start date.")
    if months > 12:
        _invalid(process_id, name, f"the period spans {months} months; at most 12 are allowed.")
    if process_id == CROPLAND_ID and months != 12:
        _invalid(process_id, name, f"a cropland map needs exactly 12 months, got {months}.")
    return start, end


def _check_seasons(process_id: str, ids: list, windows: dict, start: dt.date, end: dt.date) -> None:
    if len(ids) > MAX_SEASONS or len(set(ids)) != len(ids):
        _invalid(process_id, "season_ids", f"give 1 to {MAX_SEASONS} distinct season ids.")
    if set(ids) != set(windows):
        _invalid(process_id, "season_ids", f"{sorted(ids)} must equal the season_windows keys {sorted(windows)}.")
    for sid, window in windows.items():
        if len(window) != 2:
            _invalid(process_id, "season_windows", f"season {sid!r} needs [start, end].")
        w_start, w_end = (_parse_date(process_id, "season_windows", v) for v in window)
        if w_start > w_end:
            _invalid(process_id, "season_windows", f"season {sid!r} ends before it starts.")
        if w_start.replace(day=1) < start or w_end > end:
            _invalid(process_id, "season_windows", f"season {sid!r} extends beyond the temporal_extent.")


def _check_kernel(process_id: str, name: str, value: int) -> None:
    if value < 1 or value % 2 == 0 or value > MAX_KERNEL:
        _invalid(process_id, name, f"kernel size must be an odd integer from 1 to {MAX_KERNEL}, got {value}.")
