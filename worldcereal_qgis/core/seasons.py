"""Season windows from WorldCereal's crop calendar, with the library's rule
(docs/worldcereal-facts.md, "Seasons and the crop calendar").

Reproduces ``get_season_dates_for_extent`` (worldcereal-classification, src/worldcereal/seasons.py) offline:
lookup points (0.5° grid centres) inside the AOI bbox, median SOS/EOS dekad rounded half-to-even, the
extent-centroid cell (or the nearest cell within 5°) when no point lies inside, a warning when the spread
inside the AOI exceeds 7 dekads, and dates snapped to whole months.

``year`` has the library's meaning: the *target* year of the 3-year dekad axis (dekads 1-36 = year-1,
37-72 = year, 73-108 = year+1). The published calendar stores every season end in dekads 36-72, so a
window ends in ``year`` (or on 31 December of year-1 when the end dekad is the last of year-1 or the first of
January) and may start in year-1.

Two deliberate additions to the library: a season the calendar marks as impossible (nodata, or end before
start) and a ``tc-s2`` window identical to ``tc-s1`` (how the table encodes single-season cells) are
reported as ``None`` — "no such season here" — instead of an exception or a duplicate window.
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from .dates import month_end, months_between, period_ending_with
from .errors import DependencyError, DownloadError, InputError
from .worker_arrays import plain_numbers

CALENDAR_COMMIT = "6c574425857177d9476bcf0876895e368ce445bb"
"""worldcereal-classification commit (2026-08-21, package 2.7.0); the file is not part of the v3.0.1 tags."""
CALENDAR_FILENAME = "seasonality_lookup.geoparquet"
CALENDAR_URL = (
    "https://raw.githubusercontent.com/WorldCereal/worldcereal-classification/"
    f"{CALENDAR_COMMIT}/src/worldcereal/data/cropcalendars/{CALENDAR_FILENAME}"
)
CALENDAR_SHA256 = "6e015621f111e22f88e78305e82cd8f4903e18b1818acedb9a7754e2aea4268d"

SEASON_IDS = ("tc-s1", "tc-s2", "tc-annual")
_COLUMN_PREFIX = {"tc-s1": "s1", "tc-s2": "s2", "tc-annual": "annual"}
MAX_DEKAD_SPREAD = 7
MAX_FALLBACK_DEGREES = 5.0
_LAT_RANGE = (-89.999, 89.999)
_LON_RANGE = (-179.999, 179.999)
_GRID_SHAPE = (360, 720)  # 0.5° cells; centre of row 0 is -89.75, of column 0 is -179.75
_DEKADS = 108


@dataclass(frozen=True)
class SeasonSuggestion:
    """One suggested season window; ``warning`` is the English sentence (tables, logs, scripts) or None, and
    ``notes`` the same as codes with their values, for front ends that say them in the user's language."""

    season_id: str
    start: date
    end: date
    processing_period: tuple[date, date]
    warning: str | None = None
    notes: tuple[tuple[str, dict], ...] = ()


def note_text(code: str, values: dict) -> str:
    """A season note in English: ``nearest_cell`` (lat, lon, distance), ``calendars_differ`` (spread, season),
    ``window_too_long`` (season, months)."""
    texts = {
        "nearest_cell": "The crop calendar has no data for this area; the nearest cell ({lat:.2f}, {lon:.2f}), "
                        "{distance:.1f}° away, was used.",
        "calendars_differ": "Crop calendars inside the area differ by up to {spread} dekads, so the median {season} "
                            "window may not fit all of it; consider a smaller area.",
        "window_too_long": "The calendar's {season} window is {months} months long, more than the 12 months a job "
                           "can process.",
    }
    return texts[code].format(**values)


# --------------------------------------------------------------------------- dekads -> dates


def dekad_to_date(dekad: int, year: int, edge: str) -> date:
    """Date of a 3-year-axis dekad, snapped like the library's ``season_dekad_to_date``.

    ``edge="first"``: 1st of the dekad's month, or of the next month for a month's third dekad (the season
    has barely started). ``edge="last"``: last day of the month, or of the previous month for a first dekad.
    """
    if not 1 <= dekad <= _DEKADS:
        raise ValueError(f"dekad must be 1..{_DEKADS}, got {dekad}")
    index = (year - 1) * 12 + (dekad - 1) // 3  # months since year 0, on the 3-year axis
    in_month = (dekad - 1) % 3
    if edge == "first":
        index += 1 if in_month == 2 else 0
        return date(index // 12, index % 12 + 1, 1)
    if edge == "last":
        index -= 1 if in_month == 0 else 0
        return month_end(date(index // 12, index % 12 + 1, 1))
    raise ValueError("edge must be 'first' or 'last'")


def _valid(sos: np.ndarray, eos: np.ndarray) -> np.ndarray:
    return (sos > 0) & (sos <= _DEKADS) & (eos > 0) & (eos <= _DEKADS)


def _snap(value: float, bounds: tuple[float, float]) -> float:
    """Grid-cell centre of a coordinate (library's ``_snap_coordinate_to_lookup_grid``)."""
    clamped = max(min(float(value), bounds[1]), bounds[0])
    return math.floor(clamped * 2.0) / 2.0 + 0.25


def _centroid(bbox: tuple[float, float, float, float]) -> tuple[float, float]:
    """(lat, lon) of the bbox centre; a dateline-crossing bbox (west > east) wraps like the library."""
    west, south, east, north = bbox
    if west <= east:
        lon = (west + east) / 2.0
    else:
        span = ((east + 360.0) - west) % 360.0
        lon = ((west + span / 2.0 + 180.0) % 360.0) - 180.0
    return (south + north) / 2.0, lon


# --------------------------------------------------------------------------- calendar


class CropCalendar:
    """The crop calendar as compact arrays plus a 0.5° grid index: one lookup is a slice, not a table scan."""

    def __init__(self, lat: np.ndarray, lon: np.ndarray, dekads: dict[str, tuple[np.ndarray, np.ndarray]]) -> None:
        order = np.lexsort((lon, lat))  # the library sorts by (lat, lon); nearest-cell ties follow that order
        self._lat = np.asarray(lat, dtype=np.float64)[order]
        self._lon = np.asarray(lon, dtype=np.float64)[order]
        self._dekads = {sid: (np.asarray(s)[order].astype(np.int16), np.asarray(e)[order].astype(np.int16))
                        for sid, (s, e) in dekads.items()}
        self._grid = np.full(_GRID_SHAPE, -1, dtype=np.int32)
        rows, cols = self._cell_index(self._lat, self._lon)
        inside = (rows >= 0) & (rows < _GRID_SHAPE[0]) & (cols >= 0) & (cols < _GRID_SHAPE[1])
        self._grid[rows[inside], cols[inside]] = np.flatnonzero(inside)

    # ---- construction

    @classmethod
    def load(cls, path: str | Path) -> CropCalendar:
        """Read the geoparquet once per file version (cached); later calls return the same object."""
        resolved = Path(path).resolve()
        try:
            key = (str(resolved), resolved.stat().st_mtime_ns)
        except OSError as exc:
            raise InputError(f"The crop calendar file {resolved} could not be read.", field="calendar") from exc
        cached = _LOADED.get(key)
        if cached is None:
            cached = cls.from_columns(_read_columns(resolved))
            _LOADED.clear()  # only the newest version of the file is worth keeping in memory
            _LOADED[key] = cached
        return cached

    @classmethod
    def from_columns(cls, columns: dict[str, Any]) -> CropCalendar:
        """Build from ``lat``, ``lon`` and ``<s1|s2|annual>_<sos|eos>_dekad`` columns (arrays or lists)."""
        dekads = {sid: (np.asarray(columns[f"{p}_sos_dekad"]), np.asarray(columns[f"{p}_eos_dekad"]))
                  for sid, p in _COLUMN_PREFIX.items()}
        return cls(np.asarray(columns["lat"]), np.asarray(columns["lon"]), dekads)

    def __len__(self) -> int:
        return int(self._lat.size)

    # ---- public answers

    def suggest(self, bbox: tuple[float, float, float, float], year: int, season_id: str) -> SeasonSuggestion | None:
        """The library's window for one season, or None when the calendar has no such season here."""
        if season_id not in SEASON_IDS:
            raise InputError(f"Unknown season '{season_id}'; use one of {', '.join(SEASON_IDS)}.", field="season")
        bbox = _check_bbox(bbox)
        found = self._window(bbox, year, season_id)
        if found is None:
            return None
        start, end, notes = found
        if season_id == "tc-s2":
            first = self._window(bbox, year, "tc-s1")
            if first is not None and first[:2] == (start, end):
                return None
        if months_between(start, end) > 12:
            notes.append(("window_too_long", {"season": season_id, "months": months_between(start, end)}))
        warning = " ".join(note_text(code, values) for code, values in notes) or None
        return SeasonSuggestion(season_id, start, end, period_ending_with(end, 12), warning, tuple(notes))

    def second_season_gap(self, bbox: tuple[float, float, float, float],
                          year: int) -> tuple[str, tuple[date, date] | None] | None:
        """Why ``suggest`` gives no tc-s2 here, as a code the front ends word in the user's language:
        ``("no_valid_season", None)`` or ``("same_as_first", tc-s2's window)``; None when it gives one."""
        bbox = _check_bbox(bbox)
        second = self._window(bbox, year, "tc-s2")
        if second is None:
            return "no_valid_season", None
        first = self._window(bbox, year, "tc-s1")
        if first is not None and first[:2] == second[:2]:
            return "same_as_first", (second[0], second[1])
        return None

    def why_no_second_season(self, bbox: tuple[float, float, float, float], year: int) -> str | None:
        """``second_season_gap`` as one English sentence (logs, scripts), or None when tc-s2 is offered."""
        gap = self.second_season_gap(bbox, year)
        if gap is None:
            return None
        if gap[1] is None:
            return ("tc-s2 is not offered: the crop calendar has no valid second season here (no dates, or an end "
                    "before the start).")
        start, end = gap[1]
        return (f"tc-s2 is not offered: its median window ({start:%b %Y} – {end:%b %Y}) equals "
                "tc-s1's, which is how the crop calendar marks an area with one growing season.")

    def suggest_all(self, bbox: tuple[float, float, float, float], year: int) -> list[SeasonSuggestion]:
        """``tc-s1``, ``tc-s2`` (when the calendar has a distinct second season) and ``tc-annual``."""
        found = (self.suggest(bbox, year, sid) for sid in SEASON_IDS)
        return [s for s in found if s is not None]

    # ---- internals

    def _window(
        self, bbox: tuple[float, float, float, float], year: int, season_id: str
    ) -> tuple[date, date, list[tuple[str, dict]]] | None:
        """(start, end, notes) from the median dekads, or None for an impossible season."""
        sos_all, eos_all = self._dekads[season_id]
        rows = self._rows_in_bbox(bbox)
        sos, eos = sos_all[rows], eos_all[rows]
        keep = _valid(sos, eos)
        warnings: list[tuple[str, dict]] = []
        if keep.any():
            sos, eos = sos[keep], eos[keep]
            sos_dekad, eos_dekad = int(np.rint(np.median(sos))), int(np.rint(np.median(eos)))
            spread = max(int(sos.max() - sos.min()), int(eos.max() - eos.min()))
            if spread > MAX_DEKAD_SPREAD:
                warnings.append(("calendars_differ", {"spread": spread, "season": season_id}))
        else:
            row, note = self._fallback_row(bbox)
            sos_dekad, eos_dekad = int(sos_all[row]), int(eos_all[row])
            if note:
                warnings.append(note)
            if not _valid(np.array([sos_dekad]), np.array([eos_dekad]))[0]:
                return None
        start, end = dekad_to_date(sos_dekad, year, "first"), dekad_to_date(eos_dekad, year, "last")
        return None if end < start else (start, end, warnings)

    @staticmethod
    def _cell_index(lat: Any, lon: Any) -> tuple[Any, Any]:
        rows = np.rint((np.asarray(lat, dtype=np.float64) + 89.75) * 2.0).astype(np.int64)
        cols = np.rint((np.asarray(lon, dtype=np.float64) + 179.75) * 2.0).astype(np.int64)
        return rows, cols

    def _rows_in_bbox(self, bbox: tuple[float, float, float, float]) -> np.ndarray:
        """Table rows whose cell centre lies inside the bbox (edges included), via the grid index."""
        west, south, east, north = bbox
        r0 = max(0, math.ceil((south + 89.75) * 2.0) - 1)
        r1 = min(_GRID_SHAPE[0] - 1, math.floor((north + 89.75) * 2.0) + 1)
        spans = [(west, east)] if west <= east else [(west, 180.0), (-180.0, east)]
        parts = []
        for lo, hi in spans:
            c0 = max(0, math.ceil((lo + 179.75) * 2.0) - 1)
            c1 = min(_GRID_SHAPE[1] - 1, math.floor((hi + 179.75) * 2.0) + 1)
            if r0 <= r1 and c0 <= c1:
                block = self._grid[r0:r1 + 1, c0:c1 + 1].ravel()
                block = block[block >= 0]
                lat, lon = self._lat[block], self._lon[block]
                parts.append(block[(lat >= south) & (lat <= north) & (lon >= lo) & (lon <= hi)])
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.int32)

    def _fallback_row(self, bbox: tuple[float, float, float, float]) -> tuple[int, tuple[str, dict] | None]:
        """The AOI centre's own cell, else the nearest cell within 5° (with a note), else InputError."""
        lat, lon = _centroid(bbox)
        lat_c, lon_c = _snap(lat, _LAT_RANGE), _snap(lon, _LON_RANGE)
        rows, cols = self._cell_index(lat_c, lon_c)
        own = int(self._grid[int(rows), int(cols)])
        if own >= 0:
            return own, None
        dist2 = (self._lat - lat_c) ** 2 + (self._lon - lon_c) ** 2
        best = int(dist2.argmin()) if dist2.size else -1
        dist = math.sqrt(float(dist2[best])) if best >= 0 else math.inf
        if dist > MAX_FALLBACK_DEGREES:
            raise InputError(
                f"The crop calendar has no data within {MAX_FALLBACK_DEGREES:g}° of this area "
                f"(nearest cell {dist:.1f}° away); enter the season dates by hand.", field="season")
        return best, ("nearest_cell", {"lat": float(self._lat[best]), "lon": float(self._lon[best]), "distance": dist})


_LOADED: dict[tuple[str, int], CropCalendar] = {}


def _check_bbox(bbox: Any) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(v) for v in bbox)
    except (TypeError, ValueError) as exc:
        raise InputError("The area must be a bounding box (west, south, east, north) in degrees.",
                         field="aoi") from exc
    if not (-90.0 <= south <= north <= 90.0 and -180.0 <= west <= 180.0 and -180.0 <= east <= 180.0):
        raise InputError("The area's bounding box is not valid longitude/latitude (west, south, east, north).",
                         field="aoi")
    return west, south, east, north


def _read_columns(path: Path) -> dict[str, Any]:
    """Only the 8 columns the rule needs: the file has 30+ (dates, flags, WKB geometry)."""
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise DependencyError("Reading the crop calendar needs the 'pyarrow' package, which is not installed.",
                              details=str(exc)) from exc
    names = ["lat", "lon"] + [f"{p}_{k}_dekad" for p in _COLUMN_PREFIX.values() for k in ("sos", "eos")]
    try:  # one file: ParquetFile (read_table's pyarrow.dataset imports pandas: core/worker_arrays)
        table = pq.ParquetFile(path).read(columns=names)
    except Exception as exc:  # pyarrow raises several types (ArrowInvalid, OSError, KeyError)
        raise InputError(f"The crop calendar file {path.name} is damaged or not the expected table.",
                         field="calendar", details=str(exc)) from exc
    return {name: plain_numbers(table.column(name)) for name in names}


# --------------------------------------------------------------------------- periods


def cropland_period_for(seasons: list[SeasonSuggestion]) -> tuple[date, date]:
    """The notebooks' rule: exactly 12 months ending with the month the area's last season ends.

    Not the library's job manager, which takes the tc-annual window itself (11 or 13 months where the annual
    season is that long, and its own temporal-context check refuses more than 12); see docs/SEASONS.md.
    """
    if not seasons:
        raise InputError("At least one season is needed to derive the cropland period.", field="season")
    return period_ending_with(max(s.end for s in seasons), 12)


# --------------------------------------------------------------------------- download + cache


def ensure_calendar(cache_dir: str | Path, url: str = CALENDAR_URL, session: Any = None) -> Path:
    """Path of the cached calendar, downloading it once (``.part`` then atomic rename) when missing."""
    target = Path(cache_dir) / CALENDAR_FILENAME
    if target.is_file() and target.stat().st_size > 0:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    try:
        digest = _download(url, part, session)
    except Exception as exc:
        part.unlink(missing_ok=True)
        raise DownloadError("The WorldCereal crop calendar could not be downloaded (are you offline?); "
                            "enter the season dates by hand or try again later.", details=str(exc)) from exc
    if url == CALENDAR_URL and digest != CALENDAR_SHA256:
        part.unlink(missing_ok=True)
        raise DownloadError("The downloaded WorldCereal crop calendar is not the expected file; try again later.",
                            details=f"sha256 {digest} != {CALENDAR_SHA256}")
    os.replace(part, target)
    return target


def _download(url: str, part: Path, session: Any) -> str:
    """Stream ``url`` into ``part``; returns the sha256 of what was written."""
    if session is None:
        import requests

        session = requests.Session()
    sha = hashlib.sha256()
    with session.get(url, stream=True, timeout=60) as response:
        response.raise_for_status()
        with open(part, "wb") as out:
            for chunk in response.iter_content(chunk_size=1 << 16):
                sha.update(chunk)
                out.write(chunk)
    return sha.hexdigest()
