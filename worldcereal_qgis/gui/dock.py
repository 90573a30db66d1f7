"""The WorldCereal dock widget (layout in resources/ui/dock.ui, loaded at run time)."""

from __future__ import annotations

from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QDockWidget

from .. import paths
from ..core import dependencies


class WorldCerealDock(QDockWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        uic.loadUi(str(paths.ui_path("dock.ui")), self)
        self.setObjectName("WorldCerealDock")
        self.iface = iface
        self._show_dependency_state()

    def _show_dependency_state(self) -> None:
        missing = dependencies.missing_dependencies()
        if missing:
            self.statusLabel.setText(dependencies.missing_message(missing))
        else:
            self.statusLabel.setText("Map cropland and crop types with ESA WorldCereal on openEO.")

    def shutdown(self) -> None:
        """Stop timers and disconnect before unload (nothing may outlive the plugin)."""
