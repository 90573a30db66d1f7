"""Product, seasons, orbit and advanced options: widgets <-> DockState, plus the two background look-ups
(crop-calendar suggestions and the automatic Sentinel-1 orbit), each in a task so the GUI never waits.

The season rows (date edits) and the season timeline show the same windows; an edit in either updates the state
and then the other. Suggestions follow the area and year until the user adjusts a season by hand.
"""

from __future__ import annotations

import html
from datetime import date

from qgis.PyQt.QtCore import QCoreApplication, QDate, QObject, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QFileDialog

from .. import settings
from ..adapters import connections, crop_calendar
from ..adapters.tasks import CoreTask, start_task
from ..controllers.dock_state import ORBIT_MODES, PRODUCTS, DockState, period_text
from ..core import udp
from ..core.aoi import Aoi
from ..core.errors import WorldCerealError
from .season_names import season_text, season_tooltip
from .season_timeline import SeasonTimeline, TimelineBar

METHODS = udp.POSTPROCESS_METHODS
_CALENDAR_FILE_LINK = "calendar-file"  # the offline message's link: choose a local copy of the crop calendar


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCerealForm", text)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def left_as_they_are(error) -> str:
    return tr("{error} The season windows were left as they are.").format(error=error)


class FormPanel(QObject):
    changed = pyqtSignal()

    def __init__(self, dock, state: DockState) -> None:
        super().__init__(dock)
        self.ui = dock
        self.state = state
        self.aoi: Aoi | None = None
        self.orbit_choice = None          # OrbitChoice for ``_orbit_key``
        self._orbit_key: tuple | None = None
        self.orbit_task: CoreTask | None = None
        self.season_task: CoreTask | None = None  # the crop-calendar load (download once, then from memory)
        self._force_suggestion = False  # the Suggest button replaces even seasons adjusted by hand
        self._calendar_failed = False  # offline: no retry on every map move, only from the Suggest button
        self._suggested: dict[str, tuple[date, date]] = {}  # the calendar's windows, drawn as outlines
        self._closed = False  # task callbacks may arrive after the dock is gone
        self._orbit_timer = QTimer(self, singleShot=True, interval=400)
        self._orbit_timer.timeout.connect(self._start_orbit_lookup)
        self._suggest_timer = QTimer(self, singleShot=True, interval=400)  # panning the map: one look-up at the end
        self._suggest_timer.timeout.connect(self._auto_suggest)
        self._season_rows = [(dock.season1Check, dock.season1IdEdit, dock.season1StartEdit, dock.season1EndEdit),
                             (dock.season2Check, dock.season2IdEdit, dock.season2StartEdit, dock.season2EndEdit)]
        self.timeline = SeasonTimeline(dock.seasonTimelineHost)
        dock.seasonTimelineLayout.addWidget(self.timeline)
        self._fill_widgets()
        self._connect()
        self._show_product_widgets()
        self.update_period()

    # -- state -> widgets ----------------------------------------------------------------------------------------
    def _fill_widgets(self) -> None:
        ui, st = self.ui, self.state
        ui.productCombo.setCurrentIndex(PRODUCTS.index(st.product))
        ui.customModelEdit.setText(st.custom_model_url)
        ui.yearSpin.setValue(int(st.year))
        ui.orbitCombo.setCurrentIndex(ORBIT_MODES.index(st.orbit_mode))
        ui.methodCroplandCombo.setCurrentIndex(METHODS.index(st.postprocess_method_cropland))
        ui.methodCroptypeCombo.setCurrentIndex(METHODS.index(st.postprocess_method_croptype))
        ui.kernelCroplandSpin.setValue(int(st.postprocess_kernel_cropland))
        ui.kernelCroptypeSpin.setValue(int(st.postprocess_kernel_croptype))
        ui.maskCroplandCheck.setChecked(st.mask_cropland)
        ui.backendUrlEdit.setText(st.backend_url)
        self._fill_seasons()

    def _fill_seasons(self) -> None:
        for (check, id_edit, start_edit, end_edit), season in zip(self._season_rows, self.state.seasons):
            for widget in (check, id_edit, start_edit, end_edit):
                widget.blockSignals(True)
            check.setChecked(season.enabled)
            check.setToolTip(season_tooltip(season.season_id))  # the id people do not need to read
            id_edit.setText(season.season_id)
            start_edit.setDate(_qdate(season.start))
            end_edit.setDate(_qdate(season.end))
            for widget in (check, id_edit, start_edit, end_edit):
                widget.blockSignals(False)
            for widget in (id_edit, start_edit, end_edit):
                widget.setEnabled(season.enabled)
        self._season_rows[0][0].setEnabled(False)  # one season is always needed

    # -- widgets -> state ----------------------------------------------------------------------------------------
    def _connect(self) -> None:
        ui = self.ui
        ui.productCombo.currentIndexChanged.connect(self._product_changed)
        ui.customModelEdit.textChanged.connect(lambda text: self._set("custom_model_url", text))
        ui.yearSpin.valueChanged.connect(self._year_changed)
        ui.orbitCombo.currentIndexChanged.connect(lambda i: self._set("orbit_mode", ORBIT_MODES[i], orbit=True))
        ui.methodCroplandCombo.currentIndexChanged.connect(
            lambda i: self._set("postprocess_method_cropland", METHODS[i]))
        ui.methodCroptypeCombo.currentIndexChanged.connect(
            lambda i: self._set("postprocess_method_croptype", METHODS[i]))
        ui.kernelCroplandSpin.valueChanged.connect(lambda v: self._set("postprocess_kernel_cropland", v))
        ui.kernelCroptypeSpin.valueChanged.connect(lambda v: self._set("postprocess_kernel_croptype", v))
        ui.maskCroplandCheck.toggled.connect(lambda v: self._set("mask_cropland", v))
        ui.backendCombo.currentIndexChanged.connect(self._backend_changed)
        ui.backendUrlEdit.textChanged.connect(lambda text: self._set("backend_url", text.strip()))
        ui.suggestButton.clicked.connect(self.suggest)
        ui.seasonNoteLabel.linkActivated.connect(self._choose_calendar_file)
        self.timeline.windowsChanged.connect(self._timeline_moved)
        for index, (check, id_edit, start_edit, end_edit) in enumerate(self._season_rows):
            check.toggled.connect(lambda _v, i=index: self._season_edited(i))
            id_edit.textChanged.connect(lambda _v, i=index: self._season_edited(i))
            start_edit.dateChanged.connect(lambda _v, i=index: self._season_edited(i))
            end_edit.dateChanged.connect(lambda _v, i=index: self._season_edited(i))

    def _set(self, name: str, value, *, orbit: bool = False) -> None:
        setattr(self.state, name, value)
        if name == "orbit_mode" or orbit:
            self.update_period()
        self.changed.emit()

    def _year_changed(self, value: int) -> None:
        self._suggest_timer.start()  # cropland: the calendar's period for the new year (pending before `changed`)
        self._set("year", value, orbit=True)

    def _product_changed(self, index: int) -> None:
        self.state.product = PRODUCTS[index]
        self._show_product_widgets()
        self._suggest_timer.start()
        self.update_period()
        self.changed.emit()

    def _backend_changed(self, index: int) -> None:
        name = self.ui.backendCombo.itemData(index)
        if name is None:  # the list is being refilled (or emptied): no choice was made
            return
        self.state.backend = name
        self.state.sync_backend_settings()  # the reference-data page and Processing defaults follow the choice
        url = settings.BACKEND_URL_SETTINGS.get(name)
        self.ui.backendUrlEdit.setText(url.read() if url is not None else "")
        self._show_product_widgets()
        self.changed.emit()

    def _season_edited(self, index: int) -> None:
        check, id_edit, start_edit, end_edit = self._season_rows[index]
        self.state.set_season(index, _pydate(start_edit.date()), _pydate(end_edit.date()),
                              season_id=id_edit.text(), enabled=check.isChecked())
        for widget in (id_edit, start_edit, end_edit):
            widget.setEnabled(check.isChecked())
        self._note_adjusted()
        self.update_period()
        self.changed.emit()

    def _timeline_moved(self, bars: list[TimelineBar]) -> None:
        """A drag on the timeline: the rows' date edits follow (without echoing back into the timeline)."""
        for bar in bars:
            row = self.state.seasons[bar.key]
            if (row.start, row.end) != (bar.start, bar.end):
                self.state.set_season(bar.key, bar.start, bar.end)
        self._fill_seasons()
        self._note_adjusted()
        self.update_period()
        self.changed.emit()

    def _note_adjusted(self) -> None:
        if self._suggested and self.state.seasons_edited:
            self.ui.seasonNoteLabel.setText(tr("Adjusted by hand; the dashed outlines are the crop calendar's "
                                               "windows (Suggest restores them)."))

    def _show_product_widgets(self) -> None:
        ui, product = self.ui, self.state.product
        cropland = product == "cropland"
        ui.customModelEdit.setVisible(product == "croptype_custom")
        for row in self._season_rows:
            for widget in row:
                widget.setVisible(not cropland and widget is not row[1])  # the WorldCereal id: in the tooltip
        for widget in (ui.suggestButton, ui.seasonNoteLabel, ui.seasonTimelineHost):
            widget.setVisible(not cropland)
        for widget in (ui.methodCroptypeLabel, ui.methodCroptypeCombo, ui.kernelCroptypeSpin, ui.maskCroplandCheck):
            widget.setEnabled(not cropland)
        # enabled, not shown/hidden: showing a child of the collapsed "Advanced options" group would draw it over
        # the group title
        ui.backendUrlEdit.setEnabled(self.state.backend in ("local", "custom"))

    # -- period and orbit ----------------------------------------------------------------------------------------
    def set_aoi(self, aoi: Aoi | None) -> None:
        self.aoi = aoi
        self.update_period()
        if aoi is not None:
            self._suggest_timer.start()

    def update_period(self) -> None:
        period = self.state.processing_period(self.aoi)
        text = period_text(period)
        if self.state.product == "cropland" and self.state.cropland_calendar_period(self.aoi) is not None:
            text += "\n" + tr("the 12 months ending with this area's last crop-calendar season of {year}").format(
                year=self.state.year)
        self.ui.periodLabel.setText(text)
        self._sync_timeline(period)
        self._schedule_orbit(period)

    def _sync_timeline(self, period: tuple[date, date] | None) -> None:
        bars = [TimelineBar(i, s.season_id, s.start, s.end, self._suggested.get(s.season_id))
                for i, s in enumerate(self.state.seasons) if s.enabled]
        self.timeline.set_bars(bars, period[1] if period is not None and bars else None)

    def orbit_state(self) -> str | None:
        """The orbit to send, or None while the automatic choice is still being looked up."""
        if self.state.orbit_mode != "auto":
            return self.state.orbit_mode
        if self.orbit_choice is not None and self._orbit_key == self._current_orbit_key():
            return self.orbit_choice.orbit_state
        return None

    def _current_orbit_key(self) -> tuple | None:
        period = self.state.processing_period(self.aoi)
        if self.aoi is None or period is None:
            return None
        return (tuple(round(v, 5) for v in self.aoi.bbox), period, settings.CATALOGUE_URL.read())

    def _schedule_orbit(self, _period=None) -> None:
        if self.state.orbit_mode != "auto":
            self.ui.orbitReasonLabel.setText(tr("Fixed orbit: only acquisitions of this direction are used."))
            return
        key = self._current_orbit_key()
        if key is None:
            self.ui.orbitReasonLabel.setText(tr("Chosen automatically once the area and period are set."))
            return
        if key != self._orbit_key:
            self.ui.orbitReasonLabel.setText(tr("Checking Sentinel-1 coverage of the area…"))
            self._orbit_timer.start()

    def _show_orbit(self, choice) -> None:
        """One line; offline the catalogue's three-line explanation goes to the tooltip."""
        if choice.fallback:
            self.ui.orbitReasonLabel.setText(tr("{orbit}: the Sentinel-1 catalogue could not be reached, so the "
                                                "library's default is used.").format(orbit=choice.orbit_state))
        else:
            self.ui.orbitReasonLabel.setText(f"{choice.orbit_state}: {choice.reason}")
        self.ui.orbitReasonLabel.setToolTip(choice.reason)

    def _start_orbit_lookup(self) -> None:
        key = self._current_orbit_key()
        if key is None or key == self._orbit_key or self.orbit_task is not None:
            return
        bbox, period, url = key

        def done(choice, error: WorldCerealError | None) -> None:
            self.orbit_task = None
            if self._closed:
                return
            if error is None and choice is not None:
                self.orbit_choice, self._orbit_key = choice, key
                self._show_orbit(choice)
            elif error is not None:
                self.ui.orbitReasonLabel.setText(str(error))
            self._schedule_orbit()  # the area may have changed meanwhile
            self.changed.emit()

        self.orbit_task = CoreTask("WorldCereal: choosing the Sentinel-1 orbit",
                                   lambda task: connections.select_orbit(bbox, period, url), done)
        start_task(self.orbit_task)

    # -- crop calendar -------------------------------------------------------------------------------------------
    def suggest(self) -> None:
        """The Suggest button: the calendar's windows replace the seasons, even ones adjusted by hand."""
        self._force_suggestion = True
        self._request_suggestion()

    def seasons_pending(self) -> bool:
        """The crop calendar's answer for this area and year is still coming: Run waits for it.

        Why: a job sent before it would take the previous area's seasons (or the calendar year for cropland),
        and the same load reads the land grid of the open-sea check, so Run never reads it on the GUI thread.
        An offline calendar does not hold Run: the note under the seasons says so and offers a local file.
        """
        if self.aoi is None or self._calendar_failed:
            return False
        return self._suggest_timer.isActive() or self.season_task is not None

    def _follows_calendar(self) -> bool:
        return self.state.product == "cropland" or not self.state.seasons_edited or self._force_suggestion

    def _auto_suggest(self) -> None:
        """Area, year or product changed: follow the calendar unless the user has adjusted the seasons (the
        calendar is still read then: the answer is ignored, the land grid of the open-sea check is not)."""
        if not self._calendar_failed:
            self._request_suggestion()

    def _request_suggestion(self) -> None:
        """Load the calendar in a task (a download the first time); the answer uses the area and year of then."""
        if self.aoi is None:
            self._force_suggestion = False
            self.ui.seasonNoteLabel.setText(tr("Choose an area of interest first: the seasons depend on where it is."))
            return
        if self.season_task is not None:
            return
        if not self._suggested and self._follows_calendar():  # the first look-up may download it; later: a blink
            self.ui.seasonNoteLabel.setText(tr("Reading the crop calendar…"))
        self.ui.suggestButton.setEnabled(False)
        self.season_task = crop_calendar.start_loading(self._calendar_loaded)

    def _calendar_loaded(self, calendar, error: WorldCerealError | None) -> None:
        self.season_task = None
        if self._closed:
            return
        self._use_calendar(calendar, error)
        self.changed.emit()  # Run no longer waits for the calendar

    def _use_calendar(self, calendar, error: WorldCerealError | None) -> None:
        force, self._force_suggestion = self._force_suggestion, False
        self.ui.suggestButton.setEnabled(True)
        self._calendar_failed = error is not None
        if error is not None:
            text = html.escape(left_as_they_are(error))
            link = html.escape(tr("Use a local calendar file…"))
            self.ui.seasonNoteLabel.setText(f'{text} <a href="{_CALENDAR_FILE_LINK}">{link}</a>')
            return
        if self.aoi is not None and self.state.product == "cropland":
            self._apply_cropland_period(calendar)
            return
        if self.aoi is None or (self.state.seasons_edited and not force):
            return
        try:  # an in-memory look-up of a few milliseconds, even for a continent
            suggestions = calendar.suggest_all(self.aoi.bbox, int(self.state.year))  # the one year control
        except WorldCerealError as err:
            self.ui.seasonNoteLabel.setText(left_as_they_are(err))
            return
        self._apply_suggestions(suggestions)

    def _choose_calendar_file(self, href: str) -> None:
        """The offline link: a local copy of the calendar becomes the calendar_path setting, then it is read."""
        if href != _CALENDAR_FILE_LINK:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.ui.seasonNoteLabel, tr("WorldCereal crop calendar"), "",
            tr("Crop calendar (*.geoparquet *.parquet)"))
        if path:
            crop_calendar.use_local_file(path)
            self._calendar_failed = False
            self._force_suggestion = True
            self._request_suggestion()

    def _apply_cropland_period(self, calendar) -> None:
        """Cropland: the calendar decides which 12 months (none found: the calendar year, said in the label)."""
        from ..core.seasons import cropland_period_for  # numpy: imported once the calendar is there anyway

        try:
            period = cropland_period_for(calendar.suggest_all(self.aoi.bbox, int(self.state.year)))
        except WorldCerealError:
            period = None
        self.state.set_cropland_calendar(self.aoi, self.state.year, period)
        self.update_period()

    def _apply_suggestions(self, suggestions: list) -> None:
        if not suggestions:
            self._suggested = {}
            self.ui.seasonNoteLabel.setText(
                tr("The crop calendar has no season for this area; enter the months by hand."))
            self.update_period()
            return
        self._suggested = {s.season_id: (s.start, s.end) for s in suggestions}
        self.state.apply_suggestions(suggestions)
        self._fill_seasons()
        used = [s for s in suggestions if s.season_id in self.state.active_seasons()]
        names = "; ".join(season_text(s.season_id, s.start, s.end) for s in used)
        warnings = " ".join(s.warning for s in used if s.warning)
        self.ui.seasonNoteLabel.setText(f"{tr('From the crop calendar:')} {names}. {warnings}".strip())
        self.ui.seasonNoteLabel.setToolTip("\n".join(season_tooltip(s.season_id) for s in used))
        self.update_period()

    def shutdown(self) -> None:
        self._closed = True
        self._orbit_timer.stop()
        self._suggest_timer.stop()
        if self.orbit_task is not None:
            self.orbit_task.cancel()  # the calendar load is left to finish: Processing may be waiting for it too
