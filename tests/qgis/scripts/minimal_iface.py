"""A small real-widget iface for scripts run outside pytest (fresh interpreters)."""

from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QMainWindow, QToolBar, QVBoxLayout, QWidget


def wait_for_panel(plugin, timeout_s: float = 60.0):
    """The panel opens in event-loop turns (its modules imported in a task the first time): the built dock."""
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while (plugin.dock is None or not plugin.dock.is_built()) and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return plugin.dock


class MinimalIface:
    def __init__(self) -> None:
        self.window = QMainWindow()
        self.window.resize(1400, 900)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.bar = QgsMessageBar()
        self.canvas = QgsMapCanvas()
        layout.addWidget(self.bar)
        layout.addWidget(self.canvas)
        self.window.setCentralWidget(central)
        self.toolbar = QToolBar("Plugins")
        self.window.addToolBar(self.toolbar)
        self.menus: dict[str, list] = {}

    def mainWindow(self):  # noqa: N802
        return self.window

    def mapCanvas(self):  # noqa: N802
        return self.canvas

    def messageBar(self):  # noqa: N802
        return self.bar

    def addToolBarIcon(self, action):  # noqa: N802
        self.toolbar.addAction(action)

    def removeToolBarIcon(self, action):  # noqa: N802
        self.toolbar.removeAction(action)

    def addPluginToMenu(self, name, action):  # noqa: N802
        self.menus.setdefault(name, []).append(action)

    def removePluginMenu(self, name, action):  # noqa: N802
        self.menus[name].remove(action)

    def addDockWidget(self, area, dock):  # noqa: N802
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.window.removeDockWidget(dock)
