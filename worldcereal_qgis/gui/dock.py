"""The WorldCereal dock: AOI, product, seasons, orbit, account and jobs (layout in resources/ui/dock*.ui, one
piece per group, loaded one event-loop turn each so that opening never holds the GUI thread past a frame, #21).

Only wiring lives here: the form state is ``DockState``, requests come from the core builders, jobs run
through ``JobController`` tasks, and every wait (login, jobs, calendar, catalogue) is a QgsTask.
"""

from __future__ import annotations

from functools import partial

from qgis.core import Qgis
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QDockWidget,
    QGroupBox,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from .. import settings
from ..adapters import connections, paths
from ..adapters.i18n import translator
from ..controllers.dock_state import DockState
from ..controllers.jobs import JobController
from ..controllers.tiled_runs import RunPlan, TiledRuns
from ..core import credits
from ..core.errors import InputError, WorldCerealError
from .account import AccountPanel
from .aoi_panel import AoiPanel
from .backend_choice import BackendChoice
from .build_turns import BuildInTurns, PaintAhead, load_piece
from .first_run import add_to_dock as add_first_run
from .fit import fit_form, keep_form_whole
from .form_panel import FormPanel
from .jobs_panel import JobsPanel
from .runs_panel import RunsPanel

PROBLEM_STYLE = "color: #b00000;"
tr = translator("WorldCerealDock")
MESSAGE_SECONDS = 8
_FORM_PIECES = ("dock_account.ui", "dock_area.ui", "dock_product.ui", "dock_when.ui")  # in the form's order


class WorldCerealDock(QDockWidget):
    """Shown at once as its title over an empty placeholder; the form and the jobs list are built in the turns
    that follow (none longer than a frame) and swapped in whole, then ``built`` is emitted. A widget or panel
    asked for before then (tests, scripts) builds the rest at once: see ``ensure_built``."""

    built = pyqtSignal()
    contentsReady = pyqtSignal()  # the turn before the swap: the dock can join the main window, sized for them

    def __init__(self, iface, parent=None, *, controller: JobController | None = None,
                 state: DockState | None = None, runs: TiledRuns | None = None, session=None) -> None:
        """``session``: the plugin's controllers, already resumed and already reporting to the message bar."""
        super().__init__(parent)
        uic.loadUi(str(paths.ui_path("dock.ui")), self)  # the title and a placeholder
        self.setObjectName("WorldCerealDock")
        self.iface = iface
        self.session = session
        if session is not None:
            session.ensure()
            controller, runs = session.jobs, session.runs
        self.state = state or DockState.load()
        self.controller = controller or JobController(connections.runner(), profile_for=connections.profile,
                                                      parent=self)
        self.runs = runs or TiledRuns(connections.client, parent=self)
        self.planning = False
        self._shut_down = False
        self.problems: list[InputError] = []
        self._build = BuildInTurns([
            self._build_frame, self._build_form_piece, *(partial(self._piece, ui_file) for ui_file in _FORM_PIECES),
            self._build_advanced, self._build_panels, self._build_form, self._build_jobs_piece, self._build_jobs,
            self._build_runs, self._build_first_run, self._find_aoi, self._build_wiring, self._measure_form,
            self._fit_width, self._aoi_changed, self._show_account, self._polish, self._size_placeholder,
            self._lay_out_contents, PaintAhead(self._pieces, "dock"), self._swap_in, self._paint_in,
            self._start_lookups], self)
        self._build.done.connect(self.built)
        self._build.start()

    # -- building, one turn per step -----------------------------------------------------------------------------
    def ensure_built(self) -> None:
        """Build what is left now (the widgets are needed before their turns came)."""
        self._build.finish()

    def is_built(self) -> bool:
        return self._build.finished and not self._shut_down

    def __getattr__(self, name: str):
        """A widget or panel read before its build turn: build the rest at once, then read it."""
        build = self.__dict__.get("_build")
        if (name.startswith("_") or build is None or build.running or build.finished
                or self.__dict__.get("_shut_down")):
            return super().__getattr__(name)
        build.finish()
        return getattr(self, name)

    def _piece(self, ui_file: str, kind: type[QWidget] = QGroupBox) -> None:
        """A group of the form above the problems line and Run; a turn of its own (3-4 ms on a fresh interpreter)."""
        widget = load_piece(self, paths.ui_path(ui_file), kind(self.formWidget))
        self.formLayout.insertWidget(self.formLayout.indexOf(self.problemsLabel), widget)

    def _build_frame(self) -> None:
        contents = QWidget(self)
        contents.hide()  # built out of sight, shown whole by _swap_in
        load_piece(self, paths.ui_path("dock_contents.ui"), contents)

    def _build_form_piece(self) -> None:
        load_piece(self, paths.ui_path("dock_form.ui"), QWidget(self.dockContents))  # joins its scroll area later

    def _build_advanced(self) -> None:
        self._piece("dock_advanced.ui", QgsCollapsibleGroupBox)
        # QScrollArea keeps the first size hint it computes and the main window gives the dock that width: taken
        # here, from the whole form as its .ui pieces describe it (as when it was one dock.ui), not from the frame
        self.formScroll.setWidget(self.formWidget)
        self.formScroll.sizeHint()

    def _build_panels(self) -> None:
        self.account = AccountPanel(self, self._profile_or_default)
        self.backend_choice = BackendChoice(self.backendCombo, self.state, self)
        self.aoi_panel = AoiPanel(self, self.state, self.iface.mapCanvas())

    def _build_form(self) -> None:
        self.form = FormPanel(self, self.state)

    def _build_jobs_piece(self) -> None:
        self.mainSplitter.addWidget(load_piece(self, paths.ui_path("dock_jobs.ui"), QGroupBox(self.mainSplitter)))

    def _build_jobs(self) -> None:
        self.jobs = JobsPanel(self, self.controller)

    def _build_runs(self) -> None:
        self.runs_panel = RunsPanel(self, self.runs)

    def _build_first_run(self) -> None:
        self.first_run = add_first_run(self, self.open_example)

    def _build_wiring(self) -> None:
        self._wire()
        self._show_dependency_state()

    def _measure_form(self) -> None:
        """The form's first minimum size (3-5 ms cold: every label measured), kept for the next turn's fit."""
        self.formWidget.minimumSizeHint()

    def _fit_width(self) -> None:
        keep_form_whole(self.formScroll, self.formWidget)  # and the dock is never made narrower than the form

    def _find_aoi(self) -> None:
        """The opening AOI, before the dock listens to it: finding it and checking it (``_aoi_changed``, first
        reprojections, cold on a fresh interpreter) are a turn each."""
        self.aoi_panel.update_aoi()

    def _show_account(self) -> None:
        self.account.refresh()
        if self.session is None:  # a dock of its own (tests): it resumes and reports itself
            self.controller.notify.connect(self._notify)
            self.runs.notify.connect(self._notify)
            self.controller.resume()  # jobs still running when QGIS closed continue now
            self.runs.resume()  # and so do unfinished tiled runs

    def _polish(self) -> None:
        self.dockContents.ensurePolished()  # the style's work of the first show, in this turn rather than the swap's

    def _size_placeholder(self) -> None:
        """The placeholder asks for the contents' size, so the dock can be added (and its first paint, cheap) in
        this turn and the contents shown and painted in the next one."""
        hint = self.dockContents.sizeHint()
        layout = QVBoxLayout(self.widget())
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addSpacerItem(QSpacerItem(hint.width(), hint.height(), QSizePolicy.Policy.Preferred,
                                         QSizePolicy.Policy.Preferred))
        self.contentsReady.emit()

    def _lay_out_contents(self) -> None:
        """The contents take the placeholder's size (the dock has joined the main window) while still hidden, so
        the swap only shows them: laying out the form and the jobs list was 4–5 ms of the swap's turn."""
        self.dockContents.resize(self.widget().size())
        self.dockContents.layout().activate()

    def _pieces(self) -> list[QWidget]:
        """The contents piece by piece, as ``PaintAhead`` paints them: the form's rows, then the jobs list."""
        form = [self.formLayout.itemAt(i).widget() for i in range(self.formLayout.count())]
        return [w for w in form if w is not None] + [self.mainSplitter.widget(i)
                                                     for i in range(1, self.mainSplitter.count())]

    def _swap_in(self) -> None:
        """The contents replace the placeholder (``setWidget`` shows them: about a hundred widgets' show and the
        jobs list's sizing, 5 ms cold); they are painted in the next turn, until then the dock keeps its blank
        frame on screen: together, show and first paint held the GUI thread 10-11 ms."""
        placeholder = self.widget()
        self.dockContents.setUpdatesEnabled(False)
        self.setWidget(self.dockContents)
        placeholder.deleteLater()

    def _paint_in(self) -> None:
        self.dockContents.setUpdatesEnabled(True)  # repaints the contents in this turn

    def _start_lookups(self) -> None:
        """The panels' look-ups in tasks start once the dock is painted: a task's Python run during the build took
        the GIL from the GUI thread at every Qt call of a turn, which then waited up to 5 ms each time (#21)."""
        self.backend_choice.start_probe()
        self.jobs.model.start_measuring()

    # -- wiring --------------------------------------------------------------------------------------------------
    def _wire(self) -> None:
        self.aoi_panel.changed.connect(self._aoi_changed)
        self.form.changed.connect(self.refresh)
        self.account.stateChanged.connect(self.refresh)
        self.backend_choice.changed.connect(self.account.refresh)
        self.backendCombo.currentIndexChanged.connect(lambda _i: self.account.refresh())
        self.runButton.clicked.connect(self.run)
        self.problemsLabel.setStyleSheet(PROBLEM_STYLE)
        self.formScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.mainSplitter.setStretchFactor(0, 2)  # the form gets most of the height, the jobs list the rest
        self.mainSplitter.setStretchFactor(1, 1)
        self.jobsView.setMinimumHeight(80)  # next to the Processing Toolbox the form needs the height more
        self.formLayout.setStretch(self.formLayout.count() - 1, 1)  # spare height goes below Run, not into groups
        fit_form(self.formWidget)  # a 360 px dock shows the whole form, Advanced options open or not
        for changed in (self.productCombo.currentIndexChanged, self.advancedGroup.collapsedStateChanged):
            changed.connect(lambda *_: keep_form_whole(self.formScroll, self.formWidget))
        # Tab follows the form downwards: Run (made with the frame, before the groups) after Advanced's last input
        QWidget.setTabOrder(self.maskCroplandCheck, self.runButton)

    def _show_dependency_state(self) -> None:
        """The plugin opens the dock only once the packages are there (it checked, and offered Install)."""
        self.statusLabel.setText(tr("Map cropland and crop types with ESA WorldCereal on openEO."))

    def _profile_or_default(self):
        try:
            return self.state.profile()
        except InputError:
            return connections.profile(self.state.backend)

    def _aoi_changed(self) -> None:
        self.form.set_aoi(self.aoi_panel.aoi)
        self.refresh()

    # -- live form feedback --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Area, credits and every problem of the form; Run only when there is none."""
        self._show_aoi_info(settings.MAX_JOB_AREA_KM2.read())
        orbit = self.form.orbit_state()
        self.problems = self.state.problems(self.aoi_panel.aoi, self.state.orbit_state(orbit),
                                            settings.MAX_RUN_AREA_KM2.read())  # larger than one job: tiles
        if self.aoi_panel.error:
            self.problems = [p for p in self.problems if p.field != "aoi"]
            self.problems.insert(0, InputError(self.aoi_panel.error, field="aoi"))
        notes = [str(p) for p in self.problems]
        absent = self.backend_choice.problem()
        if absent:
            notes.insert(0, absent)
        if not self.account.is_logged_in():
            notes.append(tr("Log in to {backend} to run jobs.").format(backend=self._profile_or_default().title))
        if orbit is None and not self.problems:
            notes.append(tr("Waiting for the automatic Sentinel-1 orbit choice…"))
        if self.form.seasons_pending() and not self.problems:  # a job never takes the previous area's seasons
            notes.append(tr("Reading the crop calendar for this area…"))
        if self.planning:
            notes.append(tr("Planning the tiles…"))
        self.problemsLabel.setText("\n".join(f"• {n}" for n in notes))
        self.problemsLabel.setVisible(bool(notes))
        self.runButton.setEnabled(not notes)

    def _show_aoi_info(self, max_area: float) -> None:
        aoi = self.aoi_panel.aoi
        if aoi is None:
            self.aoiInfoLabel.setText(self.aoi_panel.error or tr("No area of interest yet."))
            return
        area = aoi.area_km2
        tile_km = settings.TILE_SIZE_KM.read()
        tiles = max(2, round(area / tile_km ** 2)) if area > max_area else 1  # each tile job pays its overhead
        low, high = credits.estimate_map_credits(area, settings.credit_rates(), jobs=tiles)
        short, long = credits.estimate_duration_minutes(area)
        text = tr("{area}: {km2} km² · about {credits} credits · {short}–{long} min").format(
            area=aoi.name, km2=f"{area:,.1f}", credits=credits.range_text(low, high), short=f"{short:.0f}",
            long=f"{long:.0f}")
        if tiles > 1:
            text += "\n" + tr("Larger than the {max} km² of one job: it runs as about {tiles} tiles of {km} km, "
                             "mosaicked.").format(max=f"{max_area:,.0f}", tiles=tiles, km=f"{tile_km:g}")
        for warning in [*credits.budget_warnings(high, settings.CREDIT_BUDGET.read(), settings.credit_rates()),
                        *self._model_warnings()]:
            text += f"\n{warning}"
        self.aoiInfoLabel.setText(text)
        self.aoiInfoLabel.setStyleSheet("")

    def _model_warnings(self) -> list[str]:
        """A registered custom model applied to other months than it was trained for: warned, Run stays enabled."""
        value = self.state.custom_model_url.strip()
        if self.state.product != "croptype_custom" or not value:
            return []
        from ..controllers.custom_models import model_registry
        from ..core.model_registry import season_warnings

        try:
            return season_warnings(model_registry().find(value), self.state.active_seasons())
        except WorldCerealError:  # a damaged registry is reported where models are registered
            return []

    # -- run -----------------------------------------------------------------------------------------------------
    def run(self) -> str | None:
        """Submit the job (validation is instant; creating and starting it happens in a task)."""
        self.refresh()
        if not self.runButton.isEnabled():
            return None
        try:
            request = self.state.build_request(self.aoi_panel.aoi, self.state.orbit_state(self.form.orbit_state()))
            profile = self.state.profile()
            self.state.sync_backend_settings()
            if request.aoi.area_km2 > settings.MAX_JOB_AREA_KM2.read() or request.aoi.crosses_antimeridian:
                self._plan_tiled_run(request, profile)
                return None
            local_id = self.controller.submit(request, profile)  # listed on the next turn (jobChanged)
            self.jobs.model.know_area(local_id, request.aoi.area_km2)  # no task to measure it while it submits
        except WorldCerealError as err:
            self._notify("WorldCereal", str(err), int(Qgis.MessageLevel.Critical))
            return None
        self.jobs.select_when_listed(local_id)  # in the list's refresh, before the job's task starts (#21)
        QTimer.singleShot(1000, self.state.save)  # for next time; rewrites the settings file (200 KB: 5 ms)
        return local_id

    def _plan_tiled_run(self, request, profile) -> None:
        """Large area: plan the tiles in a task, confirm the cost when it is high, then start the run."""
        self.planning = True
        self.refresh()
        self.runs.plan(request, profile, self._planned)

    def _planned(self, plan: RunPlan | None, error: WorldCerealError | None) -> None:
        self.planning = False
        self.refresh()
        if error is not None or plan is None:
            if error is not None:
                self._notify("WorldCereal", str(error), int(Qgis.MessageLevel.Critical))
            return
        if plan.high > settings.RUN_CONFIRM_CREDITS.read() and not self.confirm_run(plan):
            self._notify("WorldCereal", tr("Tiled run not started ({summary}).").format(summary=plan.summary()),
                         int(Qgis.MessageLevel.Info))
            return
        self.state.save()
        folder = self.runs.start(plan)
        self._notify("WorldCereal", tr("Tiled run started: {summary}; results in {folder}.").format(
                     summary=plan.summary(), folder=folder), int(Qgis.MessageLevel.Info))

    def confirm_run(self, plan: RunPlan) -> bool:
        """Ask before a costly run (tests replace this method)."""
        answer = QMessageBox.question(
            self, tr("WorldCereal: start a tiled run?"),
            tr("{summary}.\n\nStart {jobs} jobs on {backend}?").format(summary=plan.summary(), jobs=len(plan.tiles),
                                                                     backend=plan.profile.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _notify(self, title: str, message: str, level: int) -> None:
        if self.session is not None:  # one message at a time: a newer one replaces an older, stale one
            self.session.notifier.push(title, message, level)
            return
        duration = 0 if level == int(Qgis.MessageLevel.Critical) else MESSAGE_SECONDS
        self.iface.messageBar().pushMessage(title, message, Qgis.MessageLevel(level), duration)

    def open_example(self) -> None:
        """The shipped real example result, loaded as a job's styled layers (offline, well under a second)."""
        from ..adapters.example import example_title, open_example

        try:
            open_example()
        except WorldCerealError as err:
            self._notify("WorldCereal", str(err), int(Qgis.MessageLevel.Critical))
            return
        self._notify("WorldCereal", example_title(), int(Qgis.MessageLevel.Info))

    # -- lifecycle -----------------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop timers and tasks and take our items off the canvas (nothing may outlive the plugin); once only."""
        if self._shut_down:
            return
        self._shut_down = True
        self._build.cancel()  # closed before it was built: the parts that exist are stopped, no more are made
        self.state.save()
        for name in ("form", "account", "jobs", "aoi_panel", "backend_choice"):
            part = self.__dict__.get(name)
            if part is not None:
                part.shutdown()
        if self.session is None:  # the plugin's controllers outlive the dock; the session stops them
            self.controller.shutdown()
            self.runs.shutdown()
        for source in (self.controller, self.runs):
            try:
                source.notify.disconnect(self._notify)
            except (TypeError, RuntimeError):
                pass
