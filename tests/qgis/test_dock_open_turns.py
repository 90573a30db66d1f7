"""Issue #21: opening the dock is a series of short event-loop turns, and after them the dock is whole.

The dock is returned right after its construction (nothing read from it), the event loop builds it turn by
turn as when a person opens it, then it is driven: the settings it was opened with are in the widgets, the AOI
choice follows the user, Tab walks down the form, and Run submits a job that the jobs list can cancel.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QGroupBox, QLabel, QWidget

from tests.qgis.test_dock import BURGUNDY, fields_layer, make_dock, set_extent, wait_for  # noqa: F401 (fixtures)
from worldcereal_qgis import settings
from worldcereal_qgis.controllers.dock_state import AOI_MODES, ORBIT_MODES
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.jobstore import JobRecord, JobStore
from worldcereal_qgis.core.request import cropland_request
from worldcereal_qgis.gui.build_turns import BuildInTurns, PaintAhead

GROUPS = ["accountGroup", "aoiGroup", "productGroup", "whenGroup", "advancedGroup"]


def build_by_event_loop(dock, limit: int = 50) -> int:
    """Event-loop passes until the dock is built (each pass runs what is due, as QGIS's loop does)."""
    passes = 0
    while not dock.is_built() and passes < limit:
        QCoreApplication.processEvents()
        passes += 1
    assert dock.is_built(), f"not built after {limit} event-loop passes"
    return passes


def focus_chain(dock) -> list[str]:
    """Object names in Tab order, from the backend choice around to it again."""
    names, widget = [], dock.backendCombo
    while True:
        names.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is dock.backendCombo or len(names) > 500:
            return names


def form_order(dock) -> list[str]:
    layout = dock.formLayout
    return [layout.itemAt(i).widget().objectName() for i in range(layout.count()) if layout.itemAt(i).widget()]


def test_dock_is_whole_and_usable_after_its_build_turns(make_dock, qgis_iface, fields_layer, local_backend,  # noqa: F811
                                                        local_profile, tmp_path):
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    store = JobStore(tmp_path / "jobs.sqlite")
    dock = make_dock(store=store, profiles={"local": local_profile}, turns=False, backend="local",
                     backend_url=local_backend.url, year=2021, orbit_mode="DESCENDING", aoi_mode="layer",
                     layer_id=fields_layer.id(), postprocess_kernel_cropland=7)
    # the construction only showed the frame: the form is built in the turns that follow
    assert not dock.is_built() and "runButton" not in dock.__dict__
    assert dock.widget().objectName() == "openingPlaceholder" and dock.windowTitle() == "WorldCereal"
    assert build_by_event_loop(dock) >= 8  # one step per turn

    # whole: every group once, in the form's order, shown in the dock
    assert dock.widget() is dock.dockContents and dock.runButton.isVisible()
    assert form_order(dock)[-len(GROUPS) - 2:] == [*GROUPS, "problemsLabel", "runButton"]
    assert sorted(g.objectName() for g in dock.findChildren(QGroupBox) if g.objectName() in GROUPS) == sorted(GROUPS)
    assert dock.jobsGroup.isVisible() and dock.mainSplitter.indexOf(dock.jobsGroup) == 1
    # the state it was opened with is in the widgets
    assert dock.yearSpin.value() == 2021 and dock.kernelCroplandSpin.value() == 7
    assert dock.orbitCombo.currentIndex() == ORBIT_MODES.index("DESCENDING")
    assert dock.aoiModeCombo.currentIndex() == AOI_MODES.index("layer")
    assert dock.layerCombo.currentLayer() is fields_layer and dock.layerCombo.isVisible()
    assert dock.aoi_panel.aoi.name == "my fields" and "my fields:" in dock.aoiInfoLabel.text()
    # Tab walks down the form: account, area, product, season, advanced, then Run, then the jobs list
    chain = focus_chain(dock)
    order = ["backendCombo", "aoiModeCombo", "productCombo", "yearSpin", "maskCroplandCheck", "runButton",
             "jobsView"]
    assert [chain.index(name) for name in order] == sorted(chain.index(name) for name in order), chain

    # the AOI choice follows the user: the map extent, then the layer again
    dock.aoiModeCombo.setCurrentIndex(AOI_MODES.index("canvas"))
    assert dock.aoi_panel.aoi.name == "map extent" and "map extent:" in dock.aoiInfoLabel.text()
    assert not dock.layerCombo.isVisible()
    dock.aoiModeCombo.setCurrentIndex(AOI_MODES.index("layer"))
    assert dock.aoi_panel.aoi.name == "my fields"

    # Run submits the job; the jobs list shows it and cancels it
    wait_for(dock.runButton.isEnabled, what="Run enabled")
    QTest.mouseClick(dock.runButton, Qt.MouseButton.LeftButton)
    (record,) = store.list()
    wait_for(lambda: dock.jobs.selected() is not None and dock.jobs.selected().local_id == record.local_id,
             what="the new job selected")
    wait_for(lambda: store.get(record.local_id).remote_id, what="the job submitted")
    wait_for(dock.cancelJobButton.isEnabled, what="Cancel enabled")
    QTest.mouseClick(dock.cancelJobButton, Qt.MouseButton.LeftButton)
    wait_for(lambda: store.get(record.local_id).status == "canceled", timeout=20, what="the job cancelled")


def test_no_task_competes_with_the_build_turns_and_the_look_ups_follow(make_dock, qgis_iface, configure,  # noqa: F811
                                                                     tmp_path):
    """A task's Python during the build took the GIL from the GUI thread at each of its Qt calls (#21): the
    local-server probe (importing requests) and the jobs' areas start once the dock is on screen, and still
    reach the user: the list shows the job's size."""
    configure(settings.SHOW_SIMULATED_BACKEND, False)  # as for a ZIP user: the probe runs
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    store = JobStore(tmp_path / "jobs.sqlite")
    request = cropland_request(Aoi.from_bbox(4.70, 47.00, 4.80, 47.07, name="my field"), year=2021)
    store.add(JobRecord(local_id="", backend="cdse", backend_url="https://openeo.dataspace.copernicus.eu",
                        product=request.product, title=request.title(), request=request.to_dict()))
    started: list[str] = []
    manager = QgsApplication.taskManager()
    def added(task_id: int) -> None:
        started.append(manager.task(task_id).description())

    manager.taskAdded.connect(added)
    try:
        dock = make_dock(store=store, turns=False, backend="cdse")
        while not dock.is_built():
            QCoreApplication.processEvents()
            assert dock.is_built() or started == [], "a task started during the build turns"
        assert dock.dockContents.isVisible() and dock.dockContents.updatesEnabled()
        wait_for(lambda: {"local simulated backend", "areas of the jobs"} <= {
            word for name in started for word in ("local simulated backend", "areas of the jobs") if word in name},
            what="the look-ups started")
    finally:
        manager.taskAdded.disconnect(added)
    wait_for(lambda: "km²" in dock.jobs.model.index(0, 0).data(), what="the job's size in the list")
    wait_for(lambda: dock.backend_choice.simulated_answers is not None, what="the probe's answer")


def test_a_widget_read_before_its_turn_builds_the_dock_at_once(make_dock, qgis_iface):  # noqa: F811
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(turns=False, orbit_mode="DESCENDING")
    dock.productCombo.setCurrentIndex(1)  # read right after the construction, as scripts and tests do
    assert dock.is_built() and dock.widget() is dock.dockContents
    assert dock.state.product == "croptype" and dock.yearSpin.isVisible()
    for _ in range(20):  # the turns that were scheduled build nothing twice
        QCoreApplication.processEvents()
    assert [g.objectName() for g in dock.findChildren(QGroupBox) if g.objectName() in GROUPS] == GROUPS
    assert form_order(dock).count("exampleButton") == 1


def test_closing_before_the_turns_ran_builds_nothing_more(make_dock, qgis_iface):  # noqa: F811
    dock = make_dock(turns=False)
    dock.shutdown()
    for _ in range(20):
        QCoreApplication.processEvents()
    assert not dock.is_built() and "form" not in dock.__dict__
    with pytest.raises(AttributeError):
        dock.runButton  # noqa: B018 (closed: nothing is built on demand any more)


class CountedLabel(QLabel):
    """A label that counts its paints (an off-screen render is a paint too)."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.paints = 0
        self.resize(120, 20)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API name)
        self.paints += 1
        super().paintEvent(event)


def test_painting_ahead_takes_turns_once_per_process_and_is_skipped_when_needed_at_once(qgis_iface):
    owner, contents = QObject(), QWidget()  # contents out of sight, as the dock's before the swap
    labels = [CountedLabel(f"row {i}", contents) for i in range(5)] + [CountedLabel("hidden", contents)]
    labels[-1].hide()  # a row that is not shown is not painted ahead
    kind = "test rows"
    turns = BuildInTurns([PaintAhead(lambda: labels, kind, budget_s=0.0)], owner)  # no budget: one piece per turn
    turns.start()
    assert build_turns_by_event_loop(turns) >= 5
    assert [label.paints for label in labels] == [1, 1, 1, 1, 1, 0]

    again = [CountedLabel(f"row {i}", contents) for i in range(5)]
    turns = BuildInTurns([PaintAhead(lambda: again, kind, budget_s=0.0)], owner)
    turns.start()
    build_turns_by_event_loop(turns)  # the same kind again: Qt's caches are warm, nothing is painted ahead
    assert sum(label.paints for label in again) == 0

    cold = [CountedLabel(f"row {i}", contents) for i in range(5)]
    turns = BuildInTurns([PaintAhead(lambda: cold, "other rows", budget_s=0.0)], owner)
    turns.start()
    turns.finish()  # the widget is needed now: one piece painted, the rest left to the real first paint
    assert turns.finished and sum(label.paints for label in cold) == 1


def build_turns_by_event_loop(turns: BuildInTurns, limit: int = 50) -> int:
    passes = 0
    while not turns.finished and passes < limit:
        QCoreApplication.processEvents()
        passes += 1
    assert turns.finished
    return passes
