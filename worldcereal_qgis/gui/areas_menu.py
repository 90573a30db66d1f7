"""The WorldCereal menu's "from map to hectares" entries: design, label, assess (with its report), statistics."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QAction


def tr(text: str) -> str:
    return QCoreApplication.translate("AreasMenu", text)


def add_area_actions(iface, menu: str) -> list[QAction]:
    entries = (
        ("worldcereal_design_sample", tr("Design a sample for accuracy and area…"),
         lambda action: _run(iface, "worldcereal:design_sample")),
        ("worldcereal_label_sample", tr("Label the sample…"), lambda action: _labelling(iface, action)),
        ("worldcereal_assess_map", tr("Assess accuracy and estimate areas…"),
         lambda action: _assess(iface, action)),
        ("worldcereal_area_statistics", tr("Crop area statistics per unit…"),
         lambda action: _statistics(iface, action)),
    )
    actions = []
    for name, text, slot in entries:
        action = QAction(text, iface.mainWindow())
        action.setObjectName(name)
        action.triggered.connect(lambda _=False, a=action, s=slot: s(a))
        iface.addPluginToMenu(menu, action)
        actions.append(action)
    return actions


def remove_area_actions(iface, menu: str, actions: list[QAction]) -> None:
    for action in actions:
        panel = getattr(action, "panel", None)
        if panel is not None:
            panel.shutdown()
            iface.removeDockWidget(panel)
            panel.deleteLater()
        dialog = getattr(action, "dialog", None)
        if dialog is not None:
            dialog.close()
        iface.removePluginMenu(menu, action)
        action.deleteLater()


def _run(iface, algorithm: str) -> dict:
    import processing

    return processing.execAlgorithmDialog(algorithm, {}) or {}


def _assess(iface, action: QAction) -> None:
    from .area_report_dialog import AreaReportDialog

    results = _run(iface, "worldcereal:assess_map")
    if results.get("REPORT"):
        action.dialog = AreaReportDialog(results["REPORT"], iface.mainWindow())
        action.dialog.show()


def _statistics(iface, action: QAction) -> None:
    from .area_report_dialog import AreaReportDialog

    results = _run(iface, "worldcereal:crop_area_statistics")
    if results.get("CHART"):
        action.dialog = AreaReportDialog(results["CHART"], iface.mainWindow(), title=tr("Crop area per unit"))
        action.dialog.show()


def _labelling(iface, action: QAction) -> None:
    from .labelling_panel import LabellingPanel

    if getattr(action, "panel", None) is None:
        action.panel = LabellingPanel(iface, iface.mainWindow())
        iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, action.panel)
    action.panel.show()
    action.panel.raise_()
