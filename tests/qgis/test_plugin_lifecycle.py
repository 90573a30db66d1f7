"""Loading and unloading the plugin (twice) leaves nothing behind in QGIS."""

from __future__ import annotations

import time

import pytest
from pytest_qgis.qgis_interface import QgisInterface
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtWidgets import QAction, QDockWidget

import worldcereal_qgis
from tests.qgis.test_dock import wait_for


class RecordingIface(QgisInterface):
    """pytest-qgis's stub iface, but it remembers what a plugin adds (toolbar, menus, docks)."""

    def __init__(self, base: QgisInterface) -> None:
        super().__init__(base.canvas, base.messageBar(), base.mainWindow())
        # QgisInterface.__init__ also feeds the canvas from the project's signals; ``base`` already does, and a
        # second feeder that outlives the test put every later layer on the canvas once more per RecordingIface
        # made in the session (bench_resume_stall: 2-4 copies of each layer, every canvas refresh 2-4 times dearer)
        project = QgsProject.instance()
        project.layersAdded.disconnect(self.addLayers)
        project.removeAll.disconnect(self.removeAllLayers)
        project.readProject.disconnect(self._set_canvas_layers_from_layer_tree)
        self.toolbar_actions: list[QAction] = []
        self.menu_actions: list[tuple[str, QAction]] = []
        self.docks: list[QDockWidget] = []

    def addToolBarIcon(self, action):  # noqa: N802
        self.toolbar_actions.append(action)

    def removeToolBarIcon(self, action):  # noqa: N802
        self.toolbar_actions.remove(action)

    def addPluginToMenu(self, name, action):  # noqa: N802
        self.menu_actions.append((name, action))

    def removePluginMenu(self, name, action):  # noqa: N802
        self.menu_actions.remove((name, action))

    def addDockWidget(self, area, dock):  # noqa: N802
        self.docks.append(dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.docks.remove(dock)


@pytest.fixture
def iface(qgis_iface):
    """Start without a 'worldcereal' provider (other tests register one for Processing runs)."""
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("worldcereal")
    if existing is not None:
        registry.removeProvider(existing)
    return RecordingIface(qgis_iface)


def _provider_ids() -> list[str]:
    return [p.id() for p in QgsApplication.processingRegistry().providers()]


def _load(iface):
    plugin = worldcereal_qgis.classFactory(iface)
    plugin.initGui()
    return plugin


def test_init_gui_adds_action_menu_and_provider(iface):
    plugin = _load(iface)
    try:
        assert len(iface.toolbar_actions) == 1
        assert iface.menu_actions[0][0] == "&WorldCereal"
        assert "worldcereal" in _provider_ids()
        provider = QgsApplication.processingRegistry().providerById("worldcereal")
        assert provider.name() == "WorldCereal"
    finally:
        plugin.unload()


def test_action_opens_dock(iface):
    plugin = _load(iface)
    try:
        iface.toolbar_actions[0].trigger()
        # the first opening imports the dock's modules in a task, then builds it in short turns (#21): it joins
        # the main window whole
        wait_for(lambda: iface.docks and iface.docks[0].is_built(), what="the dock built in the main window")
        assert len(iface.docks) == 1 and iface.docks[0].is_built()
        assert iface.docks[0].windowTitle() == "WorldCereal"
        assert iface.docks[0].isVisible() or not iface.mainWindow().isVisible()
    finally:
        plugin.unload()


def test_reference_data_dock_opens_from_the_menu(iface):
    plugin = _load(iface)
    try:
        labels = [action.text() for _, action in iface.menu_actions]
        assert labels == ["WorldCereal", "Reference data and extractions…", "Train a custom crop-type model…",
                          "Choose classes and train a crop-type model…",
                          # from map to hectares (issue #20)
                          "Design a sample for accuracy and area…", "Label the sample…",
                          "Assess accuracy and estimate areas…", "Crop area statistics per unit…",
                          "Open an example result"]
        iface.menu_actions[1][1].trigger()
        assert [d.windowTitle() for d in iface.docks] == ["WorldCereal reference data"]
    finally:
        plugin.unload()
    assert iface.docks == [] and iface.menu_actions == []


def test_load_unload_twice_leaves_nothing(iface):
    tasks_before = QgsApplication.taskManager().count()
    for _ in range(2):
        plugin = _load(iface)
        iface.toolbar_actions[0].trigger()  # open the dock too
        iface.menu_actions[1][1].trigger()  # and the reference-data dock
        plugin.unload()
        assert iface.toolbar_actions == []
        assert iface.menu_actions == []
        assert iface.docks == []
        assert "worldcereal" not in _provider_ids()
        assert plugin.action is None and plugin.dock is None and plugin.provider is None
        assert plugin.reference_dock is None and plugin.reference_action is None
    deadline = time.monotonic() + 10  # the start-up package check runs in a short task: it ends on its own
    while QgsApplication.taskManager().count() > tasks_before and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert QgsApplication.taskManager().count() <= tasks_before


def test_missing_packages_are_offered_after_start_up_without_blocking_it(iface, monkeypatch):
    from worldcereal_qgis.controllers.install import missing_text
    from worldcereal_qgis.core import dependencies

    fake = [dependencies.MissingDependency(dependencies.RUNTIME_REQUIREMENTS[0], None)]
    monkeypatch.setattr(dependencies, "missing_dependencies", lambda: fake)
    plugin = _load(iface)
    try:
        assert plugin.installer is None  # initGui returned before the check answered
        deadline = time.monotonic() + 10
        while plugin.installer is None and time.monotonic() < deadline:
            QgsApplication.processEvents()
            time.sleep(0.01)
        assert plugin.installer is not None and plugin.installer.item.text() == missing_text(fake)
        assert plugin.session is None  # nothing resumes while the packages are missing
    finally:
        plugin.unload()


def test_second_copy_does_not_break_the_first(iface):
    first = _load(iface)
    second = worldcereal_qgis.classFactory(iface)
    second.initProcessing()
    try:
        assert second.provider is None  # refused, not crashed
        assert QgsApplication.processingRegistry().providerById("worldcereal") is first.provider
    finally:
        second.unload()
        first.unload()
    assert "worldcereal" not in _provider_ids()
