"""The dock's form state, kept apart from the widgets (DataPlotly style): a plain dataclass.

Widgets only copy values in and out; this model remembers the last used values (QgsSettings), snaps
month pickers to whole months and turns the form into a core ``MapRequest`` with the core builders, so
the same rules apply as in Processing and can be tested without a single widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from qgis.core import QgsSettings

from .. import settings
from ..adapters.i18n import translator
from ..core import backends, udp
from ..core.aoi import Aoi
from ..core.backends import BackendProfile
from ..core.dates import add_months, last_complete_month_end, month_end, month_start, months_between
from ..core.errors import InputError
from ..core.request import MapRequest, cropland_request, croptype_request
from ..core.request_checks import duplicate_season_problems

AOI_MODES = ("canvas", "rectangle", "polygon", "layer")
PRODUCTS = ("cropland", "croptype", "croptype_custom")
ORBIT_MODES = udp.ORBIT_MODES
MAX_SEASONS = udp.MAX_SEASONS
tr = translator("WorldCerealForm")


@dataclass
class SeasonWindow:
    """One season row of the form; dates are always whole months (start = 1st, end = last day)."""

    season_id: str
    start: date
    end: date
    enabled: bool = True

    def snapped(self) -> SeasonWindow:
        return SeasonWindow(self.season_id.strip(), month_start(self.start), month_end(self.end), self.enabled)


def default_cropland_year(today: date | None = None) -> int:
    """The latest calendar year that is complete (a cropland year must end before the last complete month)."""
    last = last_complete_month_end(today)
    return last.year if last.month == 12 else last.year - 1


def default_seasons(today: date | None = None) -> list[SeasonWindow]:
    """Without a crop calendar: a summer season (Apr–Sep) and a winter season (Oct–Mar) of the last full year."""
    year = default_cropland_year(today)
    return [
        SeasonWindow("tc-s1", date(year, 4, 1), date(year, 9, 30)),
        SeasonWindow("tc-s2", date(year - 1, 10, 1), date(year, 3, 31), enabled=False),
    ]


@dataclass
class DockState:
    """Every input of the dock form; ``load()`` / ``save()`` keep the last used values."""

    aoi_mode: str = "canvas"
    layer_id: str = ""
    selected_only: bool = False
    product: str = "cropland"
    custom_model_url: str = ""
    year: int = field(default_factory=default_cropland_year)
    seasons: list[SeasonWindow] = field(default_factory=default_seasons)
    seasons_edited: bool = False
    orbit_mode: str = "auto"
    postprocess_method_cropland: str = udp.DEFAULT_POSTPROCESS_METHOD
    postprocess_kernel_cropland: int = udp.DEFAULT_KERNEL_CROPLAND
    postprocess_method_croptype: str = udp.DEFAULT_POSTPROCESS_METHOD
    postprocess_kernel_croptype: int = udp.DEFAULT_KERNEL_CROPTYPE
    mask_cropland: bool = True
    backend: str = field(default_factory=lambda: settings.ACTIVE_BACKEND.read())
    backend_url: str = ""

    def __post_init__(self) -> None:
        # Not a field (never saved): the calendar's cropland period, valid only for the area and year it came from.
        self.cropland_calendar: tuple[tuple, int, tuple[date, date]] | None = None

    def set_cropland_calendar(self, aoi: Aoi, year: int, period: tuple[date, date] | None) -> None:
        """The cropland period by the notebooks' rule for this area and year (12 months ending with the last season)."""
        self.cropland_calendar = (tuple(aoi.bbox), int(year), period) if period is not None else None

    def cropland_calendar_period(self, aoi: Aoi | None) -> tuple[date, date] | None:
        known = self.cropland_calendar
        if known is None or aoi is None or known[0] != tuple(aoi.bbox) or known[1] != int(self.year):
            return None
        return known[2]

    # ----------------------------------------------------------------- persistence
    @classmethod
    def load(cls, qsettings: QgsSettings | None = None) -> DockState:
        """Last used values; anything unreadable falls back to its default (a bad INI never breaks the dock).

        Read through ``settings.Setting`` like every other plugin setting (one coercion rule); the backend is
        the plugin-wide ``settings.ACTIVE_BACKEND`` (the field's default), not a copy under ``dock/``.
        """
        state = cls(backend=settings.ACTIVE_BACKEND.read(qsettings))
        for f in fields(cls):
            if f.name in _SHARED_FIELDS:
                continue
            default = getattr(state, f.name)
            value = _setting(f.name, default).read(qsettings)
            if value is default or value == "":
                continue
            try:
                setattr(state, f.name, _seasons_from_json(value) if f.name == "seasons" else value)
            except (TypeError, ValueError, KeyError):
                continue
        return state.normalised()

    def save(self, qsettings: QgsSettings | None = None) -> None:
        qsettings = qsettings or QgsSettings()  # one for all: a dropped one with changes rewrites the file
        for f in fields(self):
            if f.name in _SHARED_FIELDS:
                continue
            value = getattr(self, f.name)
            _setting(f.name, value).write(_seasons_to_json(value) if f.name == "seasons" else value, qsettings)
        settings.ACTIVE_BACKEND.write(self.backend, qsettings)

    def normalised(self) -> DockState:
        """Clamp enumerations to known values so an old settings file cannot select a missing option."""
        if self.aoi_mode not in AOI_MODES:
            self.aoi_mode = "canvas"
        if self.product not in PRODUCTS:
            self.product = "cropland"
        if self.orbit_mode not in ORBIT_MODES:
            self.orbit_mode = "auto"
        if self.backend not in {p.name for p in backends.PROFILES}:
            self.backend = backends.DEFAULT_PROFILE.name
        rows = [s.snapped() for s in self.seasons][:MAX_SEASONS]
        self.seasons = rows + default_seasons()[len(rows):]
        return self

    # ----------------------------------------------------------------- backend
    def profile(self) -> BackendProfile:
        """The chosen backend; local and custom ones use the URL typed in the form (InputError if invalid)."""
        from ..adapters.connections import profile  # the one profile -> URL rule (imported late: start-up cost)

        typed = self.backend_url if self.backend in settings.BACKEND_URL_SETTINGS else ""
        return profile(self.backend, typed or None)

    def sync_backend_settings(self) -> None:
        """Make the plugin-wide settings agree with the form, so the job runner, the reference-data page and
        Processing's defaults reach the same backend; a URL still being typed (invalid) is not written."""
        qsettings = QgsSettings()  # one for both: a dropped QgsSettings with changes rewrites the whole file
        settings.ACTIVE_BACKEND.write(self.backend, qsettings)
        if self.backend in settings.BACKEND_URL_SETTINGS and self.backend_url:
            try:
                settings.BACKEND_URL_SETTINGS[self.backend].write(self.profile().url, qsettings)
            except InputError:
                pass  # problems() shows the invalid URL; the last valid one stays in the settings

    # ----------------------------------------------------------------- form logic
    @property
    def udp_product(self) -> str:
        return udp.CROPLAND if self.product == "cropland" else udp.CROPTYPE

    def set_season(self, index: int, start: date, end: date, season_id: str | None = None,
                   enabled: bool | None = None) -> None:
        """A user edit of one season row (snapped to whole months); suggestions no longer overwrite it."""
        row = self.seasons[index]
        self.seasons[index] = SeasonWindow(
            row.season_id if season_id is None else season_id, start, end,
            row.enabled if enabled is None else enabled).snapped()
        self.seasons_edited = True

    def apply_suggestions(self, suggestions: list[Any]) -> None:
        """Crop-calendar windows (``SeasonSuggestion``): tc-s1 and tc-s2, else tc-annual, into the two rows."""
        usable = [s for s in suggestions if s.season_id != "tc-annual"] or list(suggestions)
        rows = [SeasonWindow(s.season_id, s.start, s.end) for s in usable[:MAX_SEASONS]]
        spare = [SeasonWindow(r.season_id, r.start, r.end, enabled=False) for r in default_seasons()]
        self.seasons = rows + spare[len(rows):]
        self.seasons_edited = False

    def active_seasons(self) -> dict[str, tuple[date, date]]:
        return {s.season_id: (s.start, s.end) for s in self.seasons if s.enabled}

    def orbit_state(self, auto_choice: str | None) -> str:
        """The orbit to send: the fixed one, or the automatic choice (library fallback while unknown)."""
        if self.orbit_mode != "auto":
            return self.orbit_mode
        return auto_choice or "ASCENDING"

    def processing_period(self, aoi: Aoi | None = None) -> tuple[date, date] | None:
        """The period the request will use (shown under the seasons); None when the seasons are unusable.

        Cropland: the 12 months ending with the area's last crop-calendar season of the year once the calendar
        has answered for this area (as Processing and the WorldCereal notebooks do), else the calendar year.
        """
        if self.product == "cropland":
            return self.cropland_calendar_period(aoi) or (date(int(self.year), 1, 1), date(int(self.year), 12, 31))
        ends = [end for _, end in self.active_seasons().values()]
        if not ends:
            return None
        last = max(ends)
        return add_months(month_start(last), -11), month_end(last)

    def options(self, orbit_state: str) -> dict[str, Any]:
        opts: dict[str, Any] = {
            "orbit_state": orbit_state,
            "postprocess_method_cropland": self.postprocess_method_cropland,
            "postprocess_kernel_cropland": int(self.postprocess_kernel_cropland),
        }
        if self.udp_product == udp.CROPTYPE:
            opts.update(
                postprocess_method_croptype=self.postprocess_method_croptype,
                postprocess_kernel_croptype=int(self.postprocess_kernel_croptype),
                mask_cropland=bool(self.mask_cropland),
            )
        if self.product == "croptype_custom":
            opts["croptype_head_zip"] = self.custom_model_url.strip() or None
        return opts

    def build_request(self, aoi: Aoi, orbit_state: str) -> MapRequest:
        """The core request for this form (may still have problems; see ``problems``)."""
        if self.product == "cropland":
            period = self.cropland_calendar_period(aoi)
            if period is not None:
                return cropland_request(aoi, temporal_extent=period, **self.options(orbit_state))
            return cropland_request(aoi, year=int(self.year), **self.options(orbit_state))
        return croptype_request(aoi, self.active_seasons(), **self.options(orbit_state))

    def problems(self, aoi: Aoi | None, orbit_state: str, max_area_km2: float) -> list[InputError]:
        """Every reason the form cannot run yet, as the one-sentence messages the user sees."""
        found: list[InputError] = []
        missing_aoi = aoi is None
        if missing_aoi:  # still check the rest of the form against a stand-in area
            found.append(InputError(tr("Choose an area of interest: the map extent, a drawing or a polygon layer."),
                                    field="aoi"))
            aoi = Aoi.from_bbox(0.0, 45.0, 0.01, 45.01, name="aoi")
        try:
            self.profile()
        except InputError as err:
            found.append(err)
        if self.product != "cropland":
            found += duplicate_season_problems([s.season_id for s in self.seasons if s.enabled])
        if self.product == "croptype_custom" and not self.custom_model_url.strip():
            found.append(InputError(tr("Enter the URL of your custom crop-type model (.zip)."),
                                    field="croptype_head_zip"))
        try:
            request = self.build_request(aoi, orbit_state)
        except InputError as err:
            return found + [err]
        return found + [p for p in request.problems(max_area_km2=max_area_km2)
                        if not (missing_aoi and p.field == "aoi")]


_SHARED_FIELDS = ("backend",)  # kept in plugin-wide settings (settings.ACTIVE_BACKEND), not under dock/


def _setting(name: str, default: Any) -> settings.Setting:
    """The ``dock/<field>`` setting of one form field, typed by the field's current value."""
    return settings.Setting(f"dock/{name}", default, list if isinstance(default, list) else type(default))


def period_text(period: tuple[date, date] | None) -> str:
    if period is None:
        return tr("Processing period: enable at least one season.")
    start, end = period
    return tr("Processing period: {start} … {end} ({months} months)").format(
        start=start.isoformat(), end=end.isoformat(), months=months_between(start, end))


def _seasons_to_json(rows: list[SeasonWindow]) -> list[dict]:
    return [{"id": s.season_id, "start": s.start.isoformat(), "end": s.end.isoformat(), "enabled": s.enabled}
            for s in rows]


def _seasons_from_json(rows: list[dict]) -> list[SeasonWindow]:
    return [SeasonWindow(r["id"], date.fromisoformat(r["start"]), date.fromisoformat(r["end"]),
                         bool(r.get("enabled", True))) for r in rows]
