"""A sample's monthly time series on the reference-data page (painted with QPainter, no plotting library)."""

from __future__ import annotations

import math

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QWidget


class TimeSeriesPlot(QWidget):
    """Monthly values as a line with markers; gaps (nodata) break the line. Drawn with QPainter."""

    MARGIN = 36

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(160)
        self.times: list = []
        self.values: list[float] = []
        self.title = ""
        self.unit = ""

    def set_series(self, times: list, values, title: str, unit: str = "") -> None:
        self.times, self.values = list(times), [float(v) for v in values]
        self.title, self.unit = title, unit
        self.update()

    def finite(self) -> list[tuple[int, float]]:
        return [(i, v) for i, v in enumerate(self.values) if math.isfinite(v)]

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        plot = QRectF(self.MARGIN + 14, 18, self.width() - self.MARGIN - 24, self.height() - 18 - self.MARGIN)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(0, 0, self.width(), 16), Qt.AlignmentFlag.AlignCenter,
                         f"{self.title} ({self.unit})" if self.unit else self.title)
        points = self.finite()
        if not points or plot.width() <= 0 or plot.height() <= 0:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "no data")
            painter.end()
            return
        low, high = min(v for _, v in points), max(v for _, v in points)
        if high - low < 1e-9:
            low, high = low - 0.5, high + 0.5
        self._draw_axes(painter, plot, low, high)
        self._draw_line(painter, plot, low, high)
        painter.end()

    def _xy(self, plot: QRectF, index: int, value: float, low: float, high: float) -> QPointF:
        span = max(len(self.values) - 1, 1)
        return QPointF(plot.left() + plot.width() * index / span,
                       plot.bottom() - plot.height() * (value - low) / (high - low))

    def _draw_axes(self, painter: QPainter, plot: QRectF, low: float, high: float) -> None:
        painter.setPen(QPen(QColor(150, 150, 150), 1))
        painter.drawRect(plot)
        painter.setPen(self.palette().text().color())
        for value in (low, high):
            y = self._xy(plot, 0, value, low, high).y()
            painter.drawText(QRectF(0, y - 8, plot.left() - 4, 16), Qt.AlignmentFlag.AlignRight, f"{value:.3g}")
        for index in sorted({0, len(self.times) // 2, len(self.times) - 1}):
            x = self._xy(plot, index, low, low, high).x()
            label = self.times[index].strftime("%Y-%m") if hasattr(self.times[index], "strftime") else ""
            painter.drawText(QRectF(x - 30, plot.bottom() + 4, 60, 16), Qt.AlignmentFlag.AlignCenter, label)

    def _draw_line(self, painter: QPainter, plot: QRectF, low: float, high: float) -> None:
        painter.setPen(QPen(QColor(34, 139, 34), 2))
        run: list[QPointF] = []
        for index, value in enumerate(self.values):
            if math.isfinite(value):
                run.append(self._xy(plot, index, value, low, high))
                continue
            if len(run) > 1:
                painter.drawPolyline(QPolygonF(run))
            run = []
        if len(run) > 1:
            painter.drawPolyline(QPolygonF(run))
        painter.setBrush(QColor(34, 139, 34))
        for index, value in self.finite():
            painter.drawEllipse(self._xy(plot, index, value, low, high), 3, 3)
