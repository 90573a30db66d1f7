"""Plugin entry: toolbar/menu action, dock, Processing provider, and a clean unload()."""

from __future__ import annotations

import sys

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import settings
from .adapters import i18n, paths
from .core.sys_path import add_to_sys_path

MENU = "&WorldCereal"
LOG_TAG = "WorldCereal"


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCerealPlugin", text)


class WorldCerealPlugin:
    """Owns every object it adds to QGIS, so unload() can remove each one."""

    def __init__(self, iface) -> None:
        self.iface = iface
        # QGIS's language picks the plugin's .qm (French, Spanish); before any widget or algorithm exists
        self.translator = i18n.install_translator()
        self.provider = None
        self.action: QAction | None = None
        self.dock = None
        self.reference_action: QAction | None = None
        self.reference_dock = None
        self.training_action: QAction | None = None
        self.picker_action: QAction | None = None
        self.example_action: QAction | None = None
        self.session = None  # the job and tiled-run controllers, alive without the panel
        self.installer = None  # the Install offer in the message bar, and the install task
        self._check_task = None  # the package check at start-up
        self._packages_ok = False  # that check (or an install) found every package: opening the panel skips it
        self._dock_task = None  # the first opening: the dock's pure-Python imports, in a task
        self._dock_added = False  # the dock joins the main window once built (at the size of its contents)

    # -- Processing ---------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 (QGIS API name)
        """Called by QGIS (also by qgis_process) so algorithms exist without the GUI."""
        if self.provider is not None:
            return
        from .adapters import log

        log.install()  # core warnings (logging) reach the QGIS log panel, in the GUI and under qgis_process
        add_to_sys_path(settings.deps_dir())
        from .processing.provider import WorldCerealProvider

        provider = WorldCerealProvider()
        # QGIS deletes a provider it refuses (e.g. another copy of the plugin already registered "worldcereal")
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
        else:
            QgsMessageLog.logMessage("A Processing provider 'worldcereal' is already registered; not adding another.",
                                     LOG_TAG, Qgis.MessageLevel.Warning)

    # -- GUI ----------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802 (QGIS API name)
        self.initProcessing()
        self.action = QAction(QIcon(str(paths.icon_path())), "WorldCereal", self.iface.mainWindow())
        self.action.setObjectName("worldcereal_open_dock")
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Open the WorldCereal panel: cropland and crop-type maps with openEO"))
        self.action.toggled.connect(self._toggle_dock)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToMenu(MENU, self.action)
        self.reference_action = QAction(tr("Reference data and extractions…"), self.iface.mainWindow())
        self.reference_action.setObjectName("worldcereal_reference_dock")
        self.reference_action.setToolTip(tr("Validate your reference data and extract satellite time series for "
                                            "it"))
        self.reference_action.triggered.connect(self._show_reference_dock)
        self.iface.addPluginToMenu(MENU, self.reference_action)
        from .gui import training_dialog

        self.training_action = training_dialog.add_menu_action(self.iface, MENU)
        self.picker_action = training_dialog.add_picker_action(self.iface, MENU)
        # From map to hectares (issue #20): design, label, assess, statistics per unit
        from .gui.areas_menu import add_area_actions

        self.area_actions = add_area_actions(self.iface, MENU)
        self.example_action = QAction(tr("Open an example result"), self.iface.mainWindow())
        self.example_action.setObjectName("worldcereal_open_example")
        self.example_action.setToolTip(tr("Load a real WorldCereal crop-type map shipped with the plugin "
                                          "(offline, no account needed)"))
        self.example_action.triggered.connect(self.open_example)
        self.iface.addPluginToMenu(MENU, self.example_action)
        self._check_dependencies()  # in a task: then Install is offered, or earlier jobs resume

    def _start_session(self) -> None:
        """Jobs and tiled runs of the last session continue now, panel open or not (looked up in a task)."""
        if self.session is not None:
            return
        from .controllers.session import Session

        self.session = Session(self.iface, self.open_panel, parent=self.iface.mainWindow())
        self.session.start()

    def open_example(self) -> None:
        """The shipped example result as styled layers; works without the optional packages and offline."""
        from .adapters.example import example_title, open_example
        from .core.errors import WorldCerealError

        try:
            open_example()
        except WorldCerealError as err:
            self.iface.messageBar().pushMessage("WorldCereal", str(err), Qgis.MessageLevel.Critical, 0)
            return
        self.iface.messageBar().pushMessage("WorldCereal", example_title(), Qgis.MessageLevel.Info, 8)

    def open_panel(self) -> None:
        if self.action is not None:
            self.action.setChecked(True)

    def _toggle_dock(self, visible: bool) -> None:
        if visible and self.dock is None:
            missing = [] if self._packages_ok else _missing_dependencies(None)
            if missing:  # the dock needs them: say so (with Install) instead of failing with a traceback
                self._sync_action(False)
                self._offer_install(missing)
                return
            self._packages_ok = True
            self._open_dock()
        if self.dock is not None and self._dock_added:
            self.dock.setVisible(visible)

    def _open_dock(self) -> None:
        """Opening the panel stalls the GUI thread for no more than a frame (#21): the first time in a session,
        the dock's modules are imported in a task; the dock then builds itself in short event-loop turns and
        joins the main window when its contents are ready (``_add_dock``)."""
        if "worldcereal_qgis.gui.dock" in sys.modules or self._dock_task is not None:
            if self._dock_task is None:
                self._create_dock()
            return
        from .adapters.tasks import start_task

        task = QgsTask.fromFunction(tr("WorldCereal: opening the panel"), _import_dock_dependencies,
                                    on_finished=lambda *_: self._dock_imported(task))
        self._dock_task = start_task(task)

    def _dock_imported(self, task) -> None:
        if self._dock_task is not task:  # unloaded meanwhile
            return
        self._dock_task = None
        if self.dock is None and self.action is not None and self.action.isChecked():
            self._create_dock()

    def _show_reference_dock(self) -> None:
        missing = _missing_dependencies(None)
        if missing:
            self._offer_install(missing)
            return
        if self.reference_dock is None:
            from .gui.reference_dock import ReferenceDataDock

            self.reference_dock = ReferenceDataDock(self.iface, parent=self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.reference_dock)
        self.reference_dock.show()
        self.reference_dock.raise_()

    def _create_dock(self) -> None:
        from .gui.dock import WorldCerealDock

        self._start_session()
        self.dock = WorldCerealDock(self.iface, parent=self.iface.mainWindow(), session=self.session)
        self.session.panel_opened()
        self.dock.contentsReady.connect(self._add_dock)
        if self.dock.is_built():  # built at once (a widget was asked for): no turn will report it
            self._add_dock()

    def _add_dock(self) -> None:
        """The dock joins the main window one turn before its contents are swapped in: adding it (the main
        window's layout and paint) and showing the contents (their layout and paint) are two turns."""
        if self.dock is None or self._dock_added:
            return
        self._dock_added = True
        self.dock.visibilityChanged.connect(self._sync_action)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.setVisible(self.action is not None and self.action.isChecked())

    def _sync_action(self, visible: bool) -> None:
        if self.action is not None and self.action.isChecked() != visible:
            self.action.blockSignals(True)
            self.action.setChecked(visible)
            self.action.blockSignals(False)

    # -- Dependencies -------------------------------------------------------
    def _check_dependencies(self) -> None:
        """In a task: reading package metadata costs ~50 ms, which QGIS start-up must not wait for (#21)."""
        from .adapters.tasks import start_task

        task = QgsTask.fromFunction("WorldCereal: checking Python packages", _missing_dependencies,
                                    on_finished=self._dependencies_checked)
        self._check_task = start_task(task)  # referenced until it ends, even if the plugin is unloaded first

    def _dependencies_checked(self, error, missing=None) -> None:
        """Main thread: offer Install, or resume the last session's jobs (a failed check: the panel checks again)."""
        if self._check_task is None:  # unloaded meanwhile
            return
        self._check_task = None
        if error is None and missing:
            self._offer_install(missing)
        elif error is None:
            self._packages_ok = True
            self._start_session()

    def _offer_install(self, missing) -> None:
        if self.installer is None:
            from .controllers.install import InstallOffer

            self.installer = InstallOffer(self.iface, settings.deps_dir(), self._dependencies_ready)
        self.installer.offer(missing)

    def install_dependencies(self, missing) -> None:
        self._offer_install(missing)
        self.installer.install(missing)

    def _dependencies_ready(self) -> None:
        """Installed: resume earlier jobs and open the panel the user asked for."""
        self._start_session()
        self.open_panel()

    @property
    def _install_task(self):
        """The running install, if any (scripts and tests wait on it)."""
        return self.installer.task if self.installer is not None else None

    # -- Unload -------------------------------------------------------------
    def unload(self) -> None:
        self._check_task = None  # a check still running finds nothing to tell
        if self.installer is not None:
            self.installer.shutdown()
            self.installer = None
        self._dock_task = None  # a first opening still importing opens nothing
        if self.dock is not None:
            self.dock.shutdown()
            if self._dock_added:
                self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
            self._dock_added = False
        if self.session is not None:
            self.session.shutdown()
            self.session.deleteLater()
            self.session = None
        if self.reference_dock is not None:
            self.reference_dock.shutdown()
            self.iface.removeDockWidget(self.reference_dock)
            self.reference_dock.deleteLater()
            self.reference_dock = None
        if self.training_action is not None:
            from .gui import training_dialog

            training_dialog.remove_menu_action(self.iface, MENU, self.training_action)
            training_dialog.remove_menu_action(self.iface, MENU, self.picker_action)
            self.training_action = self.picker_action = None
        if self.example_action is not None:
            self.iface.removePluginMenu(MENU, self.example_action)
            self.example_action.deleteLater()
            self.example_action = None
        if getattr(self, "area_actions", None):
            from .gui.areas_menu import remove_area_actions

            remove_area_actions(self.iface, MENU, self.area_actions)
            self.area_actions = []
        if self.reference_action is not None:
            self.reference_action.triggered.disconnect(self._show_reference_dock)
            self.iface.removePluginMenu(MENU, self.reference_action)
            self.reference_action.deleteLater()
            self.reference_action = None
        if self.action is not None:
            self.action.toggled.disconnect(self._toggle_dock)
            self.iface.removePluginMenu(MENU, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        i18n.remove_translator(self.translator)
        self.translator = None
        from .adapters import log

        log.uninstall()


def _import_dock_dependencies(_task) -> None:
    """Worker thread: the dock's modules and what they import (numpy, pyproj, shapely: ~300 ms on the first
    opening of a QGIS session). Importing them makes no Qt object (their top levels define classes, functions
    and constants), so the GUI thread only builds the dock afterwards."""
    from .gui import dock  # noqa: F401


def _missing_dependencies(_task) -> list:
    """The package check: in a worker thread at start-up (``importlib.metadata`` and core/dependencies are
    imported there, not in ``initGui``), on the GUI thread when a panel opens before it passed."""
    from .core import dependencies

    return dependencies.missing_dependencies()
