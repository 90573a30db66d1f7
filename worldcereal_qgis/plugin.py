"""Plugin entry: toolbar/menu action, dock, Processing provider, and a clean unload()."""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QPushButton

from . import settings
from .adapters import paths
from .core.sys_path import add_to_sys_path

MENU = "&WorldCereal"
LOG_TAG = "WorldCereal"


class WorldCerealPlugin:
    """Owns every object it adds to QGIS, so unload() can remove each one."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.action: QAction | None = None
        self.dock = None
        self.reference_action: QAction | None = None
        self.reference_dock = None
        self.training_action: QAction | None = None
        self.picker_action: QAction | None = None
        self.controller = None
        self._install_task = None
        self._check_task = None
        self._message_item = None

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
        self.action.setToolTip("Open the WorldCereal panel: cropland and crop-type maps with openEO")
        self.action.toggled.connect(self._toggle_dock)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToMenu(MENU, self.action)
        self.reference_action = QAction("Reference data and extractions…", self.iface.mainWindow())
        self.reference_action.setObjectName("worldcereal_reference_dock")
        self.reference_action.setToolTip("Validate your reference data and extract satellite time series for it")
        self.reference_action.triggered.connect(self._show_reference_dock)
        self.iface.addPluginToMenu(MENU, self.reference_action)
        from .gui import training_dialog

        self.training_action = training_dialog.add_menu_action(self.iface, MENU)
        self.picker_action = training_dialog.add_picker_action(self.iface, MENU)
        # From map to hectares (issue #20): design, label, assess, statistics per unit
        from .gui.areas_menu import add_area_actions

        self.area_actions = add_area_actions(self.iface, MENU)
        self._check_dependencies()

    def _toggle_dock(self, visible: bool) -> None:
        if visible and self.dock is None:
            from .core import dependencies

            missing = dependencies.missing_dependencies()
            if missing:  # the dock needs them: say so (with Install) instead of failing with a traceback
                self._sync_action(False)
                self._offer_install(missing)
                return
            self._create_dock()
        if self.dock is not None:
            self.dock.setVisible(visible)

    def _show_reference_dock(self) -> None:
        from .core import dependencies

        missing = dependencies.missing_dependencies()
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

        self.dock = WorldCerealDock(self.iface, parent=self.iface.mainWindow())
        self.dock.visibilityChanged.connect(self._sync_action)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)

    def _sync_action(self, visible: bool) -> None:
        if self.action is not None and self.action.isChecked() != visible:
            self.action.blockSignals(True)
            self.action.setChecked(visible)
            self.action.blockSignals(False)

    # -- Dependencies -------------------------------------------------------
    def _check_dependencies(self) -> None:
        """In a task: reading package metadata costs ~50 ms, which QGIS start-up must not wait for (#21).

        ``QgsTask.fromFunction`` rather than ``CoreTask``: importing nothing more keeps start-up cheap."""
        task = QgsTask.fromFunction("WorldCereal: checking Python packages", _missing_dependencies,
                                    on_finished=self._dependencies_checked)
        self._check_task = task
        QgsApplication.taskManager().addTask(task)

    def _dependencies_checked(self, error, missing=None) -> None:
        """Main thread; an unexpected error only means no Install offer now (opening the panel checks again)."""
        if self._check_task is None:  # unloaded meanwhile
            return
        self._check_task = None
        if error is None and missing:
            self._offer_install(missing)

    def _offer_install(self, missing) -> None:
        bar = self.iface.messageBar()
        self._pop_message()
        from .core import dependencies

        item = bar.createMessage("WorldCereal", dependencies.missing_message(missing))
        button = QPushButton("Install")
        button.clicked.connect(lambda: self.install_dependencies(missing))
        item.layout().addWidget(button)
        self._message_item = item
        bar.pushWidget(item, Qgis.MessageLevel.Warning)

    def install_dependencies(self, missing) -> None:
        from .adapters.tasks import start_task
        from .controllers.install import InstallDependenciesTask

        if self._install_task is not None:
            return
        task = InstallDependenciesTask(settings.deps_dir(), missing)
        task.taskCompleted.connect(lambda: self._install_finished(task, True))
        task.taskTerminated.connect(lambda: self._install_finished(task, False))
        self._install_task = task
        start_task(task)

    def _install_finished(self, task, ok: bool) -> None:
        self._install_task = None
        bar = self.iface.messageBar()
        self._pop_message()
        if ok:
            msg = "Python packages installed; WorldCereal is ready."
            bar.pushMessage("WorldCereal", msg, Qgis.MessageLevel.Success, 5)
        else:
            msg = task.error or "Installing the Python packages failed; see the WorldCereal log."
            bar.pushMessage("WorldCereal", msg, Qgis.MessageLevel.Critical, 0)
            QgsMessageLog.logMessage(msg, LOG_TAG, Qgis.MessageLevel.Critical)

    def _pop_message(self) -> None:
        """Remove our dependency message (the user may have closed it already)."""
        if self._message_item is not None:
            try:
                self.iface.messageBar().popWidget(self._message_item)
            except RuntimeError:
                pass
            self._message_item = None

    # -- Unload -------------------------------------------------------------
    def unload(self) -> None:
        self._pop_message()
        self._check_task = None  # a check still running finds nothing to tell
        if self._install_task is not None:
            self._install_task.cancel()
            self._install_task = None
        if self.dock is not None:
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
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
        from .adapters import log

        log.uninstall()


def _missing_dependencies(_task) -> list:
    """Worker thread: the package check (imports ``core.dependencies`` and ``importlib.metadata`` there)."""
    from .core import dependencies

    return dependencies.missing_dependencies()
