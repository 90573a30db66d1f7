"""The AOI part of the dock: mode, drawing, layer choice, and the AOI outline kept on the canvas."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..adapters import aoi
from ..adapters.compat import layer_filters
from ..adapters.i18n import translator
from ..controllers.dock_state import AOI_MODES, DockState
from ..core.aoi import Aoi
from ..core.errors import WorldCerealError
from .map_tools import AoiDrawTool, new_rubber_band

tr = translator("WorldCerealArea")


class AoiPanel(QObject):
    """Turns the user's choice into ``self.aoi`` (or ``self.error``) and emits ``changed`` each time."""

    changed = pyqtSignal()

    def __init__(self, dock, state: DockState, canvas) -> None:
        super().__init__(dock)
        self.ui = dock
        self.state = state
        self.canvas = canvas
        self.aoi: Aoi | None = None
        self.error: str | None = None
        self._drawn: tuple[QgsGeometry, QgsCoordinateReferenceSystem] | None = None
        self._previous_tool = None
        self.tool: AoiDrawTool | None = None
        self.outline = new_rubber_band(canvas)
        self._extent_timer = QTimer(self, singleShot=True, interval=250)
        self._extent_timer.timeout.connect(self.update_aoi)
        self._watched_layer: QgsVectorLayer | None = None
        self._setup_widgets()

    # -- wiring --------------------------------------------------------------------------------------------------
    def _setup_widgets(self) -> None:
        ui = self.ui
        ui.layerCombo.setFilters(layer_filters("PolygonLayer"))
        ui.layerCombo.setAllowEmptyLayer(True)
        layer = QgsProject.instance().mapLayer(self.state.layer_id) if self.state.layer_id else None
        ui.layerCombo.setLayer(layer)
        ui.selectedOnlyCheck.setChecked(self.state.selected_only)
        ui.aoiModeCombo.setCurrentIndex(AOI_MODES.index(self.state.aoi_mode))
        ui.aoiModeCombo.currentIndexChanged.connect(self._mode_changed)
        ui.drawButton.clicked.connect(self.start_drawing)
        ui.layerCombo.layerChanged.connect(self._layer_changed)
        ui.selectedOnlyCheck.toggled.connect(self._selected_only_changed)
        self.canvas.extentsChanged.connect(self._canvas_moved)
        self.canvas.destinationCrsChanged.connect(self.update_aoi)
        self._show_mode_widgets()
        self._watch_layer(layer)

    def _mode_changed(self, index: int) -> None:
        self.state.aoi_mode = AOI_MODES[index]
        self._show_mode_widgets()
        if self.state.aoi_mode in ("rectangle", "polygon") and self._drawn is None:
            self.start_drawing()
        self.update_aoi()

    def _show_mode_widgets(self) -> None:
        mode = self.state.aoi_mode
        self.ui.drawButton.setVisible(mode in ("rectangle", "polygon"))
        self.ui.layerCombo.setVisible(mode == "layer")
        self.ui.selectedOnlyCheck.setVisible(mode == "layer")

    def _canvas_moved(self) -> None:
        if self.state.aoi_mode == "canvas":
            self._extent_timer.start()

    def _layer_changed(self, layer) -> None:
        self.state.layer_id = layer.id() if layer is not None else ""
        self._watch_layer(layer)
        self.update_aoi()

    def _selected_only_changed(self, checked: bool) -> None:
        self.state.selected_only = checked
        self.update_aoi()

    def _watch_layer(self, layer) -> None:
        """A new selection or edited geometries change the AOI immediately."""
        if self._watched_layer is not None:
            try:
                self._watched_layer.selectionChanged.disconnect(self._layer_edited)
            except (TypeError, RuntimeError):
                pass
        self._watched_layer = layer if isinstance(layer, QgsVectorLayer) else None
        if self._watched_layer is not None:
            self._watched_layer.selectionChanged.connect(self._layer_edited)

    def _layer_edited(self, *_args) -> None:
        if self.state.aoi_mode == "layer":
            self.update_aoi()

    # -- drawing -------------------------------------------------------------------------------------------------
    def start_drawing(self) -> None:
        mode = "polygon" if self.state.aoi_mode == "polygon" else "rectangle"
        if self.tool is None:
            self.tool = AoiDrawTool(self.canvas, mode)
            self.tool.drawn.connect(self._drawing_done)
            self.tool.cancelled.connect(self._restore_tool)
        self.tool.mode = mode
        current = self.canvas.mapTool()
        if current is not self.tool:
            self._previous_tool = current
        self.canvas.setMapTool(self.tool)

    def _drawing_done(self, geometry: QgsGeometry) -> None:
        self._drawn = (QgsGeometry(geometry), self.canvas.mapSettings().destinationCrs())
        self._restore_tool()
        self.update_aoi()

    def _restore_tool(self) -> None:
        if self._previous_tool is not None:
            self.canvas.setMapTool(self._previous_tool)
        elif self.tool is not None:
            self.canvas.unsetMapTool(self.tool)
        self._previous_tool = None

    # -- the AOI -------------------------------------------------------------------------------------------------
    def update_aoi(self) -> None:
        try:
            self.aoi, self.error = self._current_aoi(), None
        except WorldCerealError as err:
            self.aoi, self.error = None, str(err)
        self._show_outline()
        self.changed.emit()

    def _current_aoi(self) -> Aoi | None:
        mode = self.state.aoi_mode
        if mode == "canvas":
            settings = self.canvas.mapSettings()
            return aoi.aoi_from_extent(self.canvas.extent(), settings.destinationCrs(), tr("map extent"))
        if mode in ("rectangle", "polygon"):
            if self._drawn is None:
                return None
            name = tr("drawn rectangle") if mode == "rectangle" else tr("drawn polygon")
            return aoi.aoi_from_geometry(self._drawn[0], self._drawn[1], name)
        layer = self.ui.layerCombo.currentLayer()
        if layer is None:
            return None
        return aoi.aoi_from_features(layer, layer.name(), selected_only=self.state.selected_only)

    def _show_outline(self) -> None:
        """The AOI drawn on the canvas (not for the canvas extent: it would only frame the whole view)."""
        if self.aoi is None or self.state.aoi_mode == "canvas":
            self.outline.reset()
            return
        self.outline.setToGeometry(QgsGeometry.fromWkt(self.aoi.to_wkt()), QgsCoordinateReferenceSystem("EPSG:4326"))

    def set_drawn_geometry(self, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> None:
        """Use a geometry as if it had been drawn (e.g. restored or from another tool)."""
        self._drawn = (QgsGeometry(geometry), crs)
        self.update_aoi()

    def shutdown(self) -> None:
        self._extent_timer.stop()
        try:
            self.canvas.extentsChanged.disconnect(self._canvas_moved)
            self.canvas.destinationCrsChanged.disconnect(self.update_aoi)
        except (TypeError, RuntimeError):
            pass
        self._watch_layer(None)
        if self.tool is not None:
            self._restore_tool()
            self.tool.remove()
            self.tool = None
        self.outline.reset()
        self.canvas.scene().removeItem(self.outline)
