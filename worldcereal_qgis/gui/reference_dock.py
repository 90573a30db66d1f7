"""A dock page for mission flow 2: private reference data (validate, plan, extract, inspect time series)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDockWidget

from .reference_panel import ReferencePanel


class ReferenceDataDock(QDockWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__("WorldCereal reference data", parent)
        self.setObjectName("WorldCerealReferenceDock")
        self.iface = iface
        self.panel = ReferencePanel(self)
        self.setWidget(self.panel)
        self.panel.resume_unfinished()  # extraction runs of the last session continue, like map jobs and tiled runs

    def shutdown(self) -> None:
        """Stop the panel's extraction watching (remote jobs keep running; the job store keeps them)."""
        self.panel.shutdown()
