"""Product, seasons, orbit and advanced options: widgets <-> DockState, plus the two background look-ups
(crop-calendar suggestions and the automatic Sentinel-1 orbit), each in a task so the GUI never waits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QDate, QObject, QTimer, pyqtSignal

from .. import settings
from ..core import backends, udp
from ..core.aoi import Aoi
from ..core.errors import WorldCerealError
from ..dock_state import ORBIT_MODES, PRODUCTS, DockState, period_text
from ..tasks import CoreTask

METHODS = udp.POSTPROCESS_METHODS


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def calendar_path(state: DockState) -> Path:
    """The configured calendar file, else the cached copy (downloaded once in the suggestion task)."""
    from ..core.seasons import ensure_calendar

    if state.calendar_path:
        return Path(state.calendar_path)
    return ensure_calendar(settings.profile_data_dir() / "cache")


def suggest_seasons(state: DockState, bbox: tuple[float, float, float, float], year: int) -> list:
    from ..core.seasons import CropCalendar

    return CropCalendar.load(calendar_path(state)).suggest_all(bbox, year)


def choose_orbit(url: str, bbox: tuple[float, float, float, float], period: tuple[date, date]):
    import requests

    from ..core.orbit import select_orbit

    with requests.Session() as session:
        return select_orbit(bbox, period[0], period[1], session=session, url=url)


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
        self.season_task: CoreTask | None = None
        self._closed = False  # task callbacks may arrive after the dock is gone
        self._orbit_timer = QTimer(self, singleShot=True, interval=400)
        self._orbit_timer.timeout.connect(self._start_orbit_lookup)
        self._season_rows = [(dock.season1Check, dock.season1IdEdit, dock.season1StartEdit, dock.season1EndEdit),
                             (dock.season2Check, dock.season2IdEdit, dock.season2StartEdit, dock.season2EndEdit)]
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
        ui.calendarYearSpin.setValue(int(st.year))
        ui.orbitCombo.setCurrentIndex(ORBIT_MODES.index(st.orbit_mode))
        ui.methodCroplandCombo.setCurrentIndex(METHODS.index(st.postprocess_method_cropland))
        ui.methodCroptypeCombo.setCurrentIndex(METHODS.index(st.postprocess_method_croptype))
        ui.kernelCroplandSpin.setValue(int(st.postprocess_kernel_cropland))
        ui.kernelCroptypeSpin.setValue(int(st.postprocess_kernel_croptype))
        ui.maskCroplandCheck.setChecked(st.mask_cropland)
        ui.backendCombo.clear()
        for prof in backends.PROFILES:
            ui.backendCombo.addItem(prof.title, prof.name)
        ui.backendCombo.setCurrentIndex(max(0, ui.backendCombo.findData(st.backend)))
        ui.backendUrlEdit.setText(st.backend_url)
        self._fill_seasons()

    def _fill_seasons(self) -> None:
        for (check, id_edit, start_edit, end_edit), season in zip(self._season_rows, self.state.seasons):
            for widget in (check, id_edit, start_edit, end_edit):
                widget.blockSignals(True)
            check.setChecked(season.enabled)
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
        ui.yearSpin.valueChanged.connect(lambda value: self._set("year", value, orbit=True))
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

    def _product_changed(self, index: int) -> None:
        self.state.product = PRODUCTS[index]
        self._show_product_widgets()
        self.update_period()
        if self.state.product != "cropland" and not self.state.seasons_edited and self.aoi is not None:
            self.suggest()
        self.changed.emit()

    def _backend_changed(self, index: int) -> None:
        name = self.ui.backendCombo.itemData(index)
        self.state.backend = name
        url = {"local": settings.LOCAL_BACKEND_URL, "custom": settings.CUSTOM_BACKEND_URL}.get(name)
        self.ui.backendUrlEdit.setText(url.read() if url is not None else "")
        self._show_product_widgets()
        self.changed.emit()

    def _season_edited(self, index: int) -> None:
        check, id_edit, start_edit, end_edit = self._season_rows[index]
        self.state.set_season(index, _pydate(start_edit.date()), _pydate(end_edit.date()),
                              season_id=id_edit.text(), enabled=check.isChecked())
        for widget in (id_edit, start_edit, end_edit):
            widget.setEnabled(check.isChecked())
        self.update_period()
        self.changed.emit()

    def _show_product_widgets(self) -> None:
        ui, product = self.ui, self.state.product
        cropland = product == "cropland"
        ui.customModelEdit.setVisible(product == "croptype_custom")
        ui.yearLabel.setVisible(cropland)
        ui.yearSpin.setVisible(cropland)
        for row in self._season_rows:
            for widget in row:
                widget.setVisible(not cropland)
        for widget in (ui.suggestButton, ui.calendarYearSpin, ui.seasonNoteLabel):
            widget.setVisible(not cropland)
        for widget in (ui.methodCroptypeLabel, ui.methodCroptypeCombo, ui.kernelCroptypeSpin, ui.maskCroplandCheck):
            widget.setEnabled(not cropland)
        # enabled, not shown/hidden: showing a child of the collapsed "Advanced options" group would draw it over
        # the group title
        ui.backendUrlEdit.setEnabled(self.state.backend in ("local", "custom"))

    # -- period and orbit ----------------------------------------------------------------------------------------
    def set_aoi(self, aoi: Aoi | None) -> None:
        first = self.aoi is None
        self.aoi = aoi
        self.update_period()
        if aoi is not None and first and self.state.product != "cropland" and not self.state.seasons_edited:
            self.suggest()

    def update_period(self) -> None:
        period = self.state.processing_period()
        self.ui.periodLabel.setText(period_text(period))
        self._schedule_orbit(period)

    def orbit_state(self) -> str | None:
        """The orbit to send, or None while the automatic choice is still being looked up."""
        if self.state.orbit_mode != "auto":
            return self.state.orbit_mode
        if self.orbit_choice is not None and self._orbit_key == self._current_orbit_key():
            return self.orbit_choice.orbit_state
        return None

    def _current_orbit_key(self) -> tuple | None:
        period = self.state.processing_period()
        if self.aoi is None or period is None:
            return None
        return (tuple(round(v, 5) for v in self.aoi.bbox), period, self.state.orbit_catalogue_url)

    def _schedule_orbit(self, _period=None) -> None:
        if self.state.orbit_mode != "auto":
            self.ui.orbitReasonLabel.setText("Fixed orbit: only acquisitions of this direction are used.")
            return
        key = self._current_orbit_key()
        if key is None:
            self.ui.orbitReasonLabel.setText("Chosen automatically once the area and period are set.")
            return
        if key != self._orbit_key:
            self.ui.orbitReasonLabel.setText("Checking Sentinel-1 coverage of the area…")
            self._orbit_timer.start()

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
                self.ui.orbitReasonLabel.setText(f"{choice.orbit_state}: {choice.reason}")
            elif error is not None:
                self.ui.orbitReasonLabel.setText(str(error))
            self._schedule_orbit()  # the area may have changed meanwhile
            self.changed.emit()

        self.orbit_task = CoreTask("WorldCereal: choosing the Sentinel-1 orbit",
                                   lambda task: choose_orbit(url, bbox, period), done)
        QgsApplication.taskManager().addTask(self.orbit_task)

    # -- crop calendar -------------------------------------------------------------------------------------------
    def suggest(self) -> None:
        if self.aoi is None or self.season_task is not None:
            return
        bbox, year = self.aoi.bbox, self.ui.calendarYearSpin.value()
        self.ui.seasonNoteLabel.setText("Reading the crop calendar…")
        self.ui.suggestButton.setEnabled(False)
        self.season_task = CoreTask("WorldCereal: suggesting seasons",
                                    lambda task: suggest_seasons(self.state, bbox, year), self._suggested)
        QgsApplication.taskManager().addTask(self.season_task)

    def _suggested(self, suggestions, error: WorldCerealError | None) -> None:
        self.season_task = None
        if self._closed:
            return
        self.ui.suggestButton.setEnabled(True)
        if error is not None:
            self.ui.seasonNoteLabel.setText(f"{error} The season windows were left as they are.")
            return
        if not suggestions:
            self.ui.seasonNoteLabel.setText("The crop calendar has no season for this area; enter the months by hand.")
            return
        self.state.apply_suggestions(suggestions)
        self._fill_seasons()
        warnings = " ".join(s.warning for s in suggestions if s.warning)
        names = ", ".join(f"{s.season_id} {s.start:%b %Y}–{s.end:%b %Y}" for s in suggestions
                          if s.season_id in self.state.active_seasons())
        self.ui.seasonNoteLabel.setText(f"From the crop calendar: {names}. {warnings}".strip())
        self.update_period()
        self.changed.emit()

    def shutdown(self) -> None:
        self._closed = True
        self._orbit_timer.stop()
        for task in (self.orbit_task, self.season_task):
            if task is not None:
                task.cancel()
