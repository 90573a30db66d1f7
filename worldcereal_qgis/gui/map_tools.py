"""Map tool to draw the AOI (rectangle or polygon) with a live rubber band, and the AOI's outline on the canvas."""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle, QgsWkbTypes
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QKeyEvent

OUTLINE = QColor(224, 24, 28)
FILL = QColor(224, 24, 28, 40)


def new_rubber_band(canvas: QgsMapCanvas, width: int = 2) -> QgsRubberBand:
    band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
    band.setStrokeColor(OUTLINE)
    band.setFillColor(FILL)
    band.setWidth(width)
    return band


class AoiDrawTool(QgsMapTool):
    """Rectangle: press, drag, release. Polygon: click vertices, right-click or double-click to finish.

    ``drawn`` carries the geometry in the canvas CRS; Esc cancels. The dock restores the previous tool.
    """

    drawn = pyqtSignal(QgsGeometry)
    cancelled = pyqtSignal()

    def __init__(self, canvas: QgsMapCanvas, mode: str = "rectangle") -> None:
        super().__init__(canvas)
        self.mode = mode
        self._band = new_rubber_band(canvas, 1)
        self._start: QgsPointXY | None = None
        self._points: list[QgsPointXY] = []
        self.setCursor(Qt.CursorShape.CrossCursor)

    # -- rectangle -------------------------------------------------------------------------------------------
    def canvasPressEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self.mode == "rectangle" and event.button() == Qt.MouseButton.LeftButton:
            self._start = event.mapPoint()

    def canvasMoveEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802
        point = event.mapPoint()
        if self.mode == "rectangle" and self._start is not None:
            self._band.setToGeometry(QgsGeometry.fromRect(QgsRectangle(self._start, point)), None)
        elif self.mode == "polygon" and self._points:
            self._show_polygon(self._points + [point])

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802
        if self.mode == "rectangle":
            self._finish_rectangle(event)
        elif event.button() == Qt.MouseButton.LeftButton:
            self._points.append(event.mapPoint())
            self._show_polygon(self._points)
        elif event.button() == Qt.MouseButton.RightButton:
            self._finish_polygon()

    def canvasDoubleClickEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802
        if self.mode == "polygon":
            self._finish_polygon()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
            self.cancelled.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.mode == "polygon":
            self._finish_polygon()

    # -- helpers ---------------------------------------------------------------------------------------------
    def _finish_rectangle(self, event: QgsMapMouseEvent) -> None:
        if self._start is None:
            return
        rect = QgsRectangle(self._start, event.mapPoint())
        self.reset()
        if rect.width() > 0 and rect.height() > 0:
            self.drawn.emit(QgsGeometry.fromRect(rect))

    def _finish_polygon(self) -> None:
        points = self._dedupe(self._points)
        self.reset()
        if len(points) >= 3:
            self.drawn.emit(QgsGeometry.fromPolygonXY([points + [points[0]]]))

    @staticmethod
    def _dedupe(points: list[QgsPointXY]) -> list[QgsPointXY]:
        """A double-click also adds its point twice; keep each vertex once."""
        out: list[QgsPointXY] = []
        for p in points:
            if not out or out[-1] != p:
                out.append(p)
        return out

    def _show_polygon(self, points: list[QgsPointXY]) -> None:
        if len(points) >= 2:
            self._band.setToGeometry(QgsGeometry.fromPolygonXY([points + [points[0]]]), None)

    def reset(self) -> None:
        self._start = None
        self._points = []
        self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def deactivate(self) -> None:
        self.reset()
        super().deactivate()

    def remove(self) -> None:
        """Take the rubber band off the canvas for good (dock shutdown)."""
        self.reset()
        self.canvas().scene().removeItem(self._band)
