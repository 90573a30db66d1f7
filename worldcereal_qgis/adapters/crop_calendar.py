"""The crop calendar in QGIS: where it is kept, its one-time download in a task, and the loaded copy.

The calendar (≈ 2 MB) is downloaded once into the profile folder from a pinned WorldCereal commit and checked
against its SHA-256, or read from a file or folder the user sets (``settings.CALENDAR_PATH``; the dock offers
a file choice when the download fails; tests point it at ../shared/worldcereal/cropcalendar). Every path that
derives dates from a year comes through here, the same way: the cropland and crop-type algorithms,
suggest_seasons and the dock. Processing algorithms run in their own thread and may call ``load_calendar()``
directly; the dock uses ``start_loading()`` so the GUI thread never waits on the network. After the first
load, answers come from memory (``CropCalendar.load`` keeps the parsed table per file version), so a lookup
costs well under 100 ms.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from qgis.PyQt.QtCore import QCoreApplication

from .. import settings
from ..core.errors import DownloadError, InputError, WorldCerealError

if TYPE_CHECKING:
    from datetime import date

    from ..core.seasons import CropCalendar, SeasonSuggestion
    from .tasks import CoreTask

CALENDAR_FILENAME = "seasonality_lookup.geoparquet"  # same as core.seasons (not imported here: numpy)
_lock = threading.Lock()  # one download / parse at a time, whichever thread asks first


def tr(text: str) -> str:
    return QCoreApplication.translate("CropCalendar", text)


def cache_dir() -> Path:
    """Default home of the downloaded calendar, inside the QGIS profile (survives plugin updates)."""
    return settings.profile_data_dir() / "cache"


def calendar_path() -> Path:
    """Where the calendar is (or will be downloaded to): the custom setting, else the profile cache."""
    custom = settings.CALENDAR_PATH.read().strip()
    if not custom:
        return cache_dir() / CALENDAR_FILENAME
    path = Path(custom).expanduser()
    if path.is_file() or path.suffix.lower() in (".parquet", ".geoparquet"):
        return path
    return path / CALENDAR_FILENAME


def local_calendar_path() -> Path | None:
    """The calendar file when it is already on disk (no network), else None."""
    path = calendar_path()
    return path if path.is_file() and path.stat().st_size > 0 else None


def ensure_calendar_file(session: Any = None) -> Path:
    """The calendar file, downloaded first when missing (network: call from a worker thread)."""
    from ..core import seasons

    with _lock:
        found = local_calendar_path()
        if found is not None:
            return found
        path = calendar_path()
        if path.name != CALENDAR_FILENAME:
            raise InputError(tr("The crop calendar file {path} set in the WorldCereal settings does not exist.")
                             .format(path=path), field="calendar")
        url = settings.CALENDAR_URL.read().strip() or seasons.CALENDAR_URL
        try:
            return seasons.ensure_calendar(path.parent, url, session or _session())
        except DownloadError as err:
            raise DownloadError(offline_message(), details=err.details) from err


def offline_message() -> str:
    """The one sentence for a calendar that cannot be fetched: says so and names where a local copy goes."""
    return tr("The WorldCereal crop calendar could not be downloaded (are you offline?); point the setting {key} "
              "(Settings → Options → Advanced) or the panel's \"Use a local calendar file…\" to a copy of {name}, "
              "or enter the dates by hand.").format(key=settings.PREFIX + settings.CALENDAR_PATH.key,
                                                     name=CALENDAR_FILENAME)


def load_calendar(session: Any = None) -> CropCalendar:
    """The parsed calendar (downloaded and parsed on first use, from memory afterwards)."""
    from ..core.seasons import CropCalendar

    path = ensure_calendar_file(session)
    with _lock:
        return CropCalendar.load(path)


def loaded_calendar() -> CropCalendar | None:
    """The calendar when it is available without the network, else None (callers keep their old behaviour)."""
    if local_calendar_path() is None:
        return None
    try:
        return load_calendar()
    except WorldCerealError:
        return None


def suggest_seasons(bbox: tuple[float, float, float, float], year: int) -> list[SeasonSuggestion]:
    """``tc-s1``, ``tc-s2`` (when the area has one) and ``tc-annual`` for a lon/lat bbox and target year."""
    return load_calendar().suggest_all(bbox, year)


def cropland_period(bbox: tuple[float, float, float, float], year: int) -> tuple[tuple[date, date] | None, str]:
    """The processing period for a cropland map of ``year`` and a sentence saying which rule gave it.

    The notebooks' rule (core.seasons.cropland_period_for): the 12 months ending with the area's last
    crop-calendar season of ``year``. The calendar is fetched like everywhere else (pinned, checked, once per
    profile); a failed download raises the one offline sentence. Only an area with no calendar cell within 5°
    gets ``None`` (the caller then uses the calendar year) with a sentence saying why.
    """
    from ..core.seasons import cropland_period_for

    suggestions = load_calendar().suggest_all(bbox, year)
    if not suggestions:  # core's rule needs a season; the sentence is ours, whole, in the user's language
        return None, tr("The crop calendar has no growing season for this area in {year}: the cropland map covers "
                        "the calendar year {year} instead.").format(year=year)
    period = cropland_period_for(suggestions)
    return period, tr("Processing period {start} – {end}: the 12 months ending with the area's last crop-calendar "
                      "season of {year} (the WorldCereal notebooks' rule).").format(
        start=period[0].isoformat(), end=period[1].isoformat(), year=year)


def season_warning(suggestion: SeasonSuggestion) -> str | None:
    """A suggestion's notes (core codes and values) as sentences in the user's language, or None."""
    texts = {
        "nearest_cell": lambda v: tr("The crop calendar has no data for this area; the nearest cell ({lat}, {lon}), "
                                     "{distance}° away, was used.").format(
            lat=f"{v['lat']:.2f}", lon=f"{v['lon']:.2f}", distance=f"{v['distance']:.1f}"),
        "calendars_differ": lambda v: tr("Crop calendars inside the area differ by up to {spread} dekads, so the "
                                         "median {season} window may not fit all of it; consider a smaller "
                                         "area.").format(spread=v["spread"], season=v["season"]),
        "window_too_long": lambda v: tr("The calendar's {season} window is {months} months long, more than the 12 "
                                        "months a job can process.").format(season=v["season"], months=v["months"]),
    }
    sentences = [texts[code](values) for code, values in suggestion.notes if code in texts]
    return " ".join(sentences) or suggestion.warning  # a newer core's note: its English rather than nothing


def use_local_file(path: str) -> None:
    """Remember a calendar file the user chose (the dock's file choice when the download fails)."""
    settings.CALENDAR_PATH.write(str(path))


def loading_task(on_done: Callable[[CropCalendar | None, WorldCerealError | None], None] | None = None) -> CoreTask:
    """A task that downloads (once) and parses the calendar; ``on_done`` gets it or a one-sentence error."""
    from .tasks import CoreTask

    return CoreTask(tr("Loading the WorldCereal crop calendar"), lambda task: _load_with_land_grid(), on_done)


def _load_with_land_grid() -> CropCalendar:
    """Worker thread: the calendar, and the land grid the open-sea check before a job reads from the same file.
    The dock loads the calendar as soon as an area is chosen, before Run can be clicked; reading the grid here
    (~0.3 s, cached per file version) keeps it off the GUI thread when Run is clicked."""
    from .reference_source import land_grid

    calendar = load_calendar()
    land_grid()
    return calendar


def start_loading(on_done: Callable[[CropCalendar | None, WorldCerealError | None], None] | None = None) -> CoreTask:
    """``loading_task`` added to QGIS's task manager (kept referenced until it ends; callers may ignore it)."""
    from .tasks import start_task

    return start_task(loading_task(on_done))


def _session() -> Any:
    """A requests session with QGIS's proxy, as for every other download of the plugin."""
    import requests

    from .connections import qgis_proxies

    session = requests.Session()
    session.proxies.update(qgis_proxies())
    return session
