"""The season windows drawn on a 12-month timeline, adjustable with the mouse.

The models work on whole months inside a 12-month processing period, so the timeline shows exactly the 12 months
ending with the period's last month, one lane per season; dragging a bar's end changes its first or last month,
dragging its middle moves it, always snapped to whole months. The view stays put during a drag (so the bar stays
under the mouse) and follows the new period when the button is released. Windows are plain ``date`` pairs; the
form keeps the date edits and this widget in sync both ways.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from ..core.dates import EARLIEST_DATE, month_end
from .season_names import season_name

MONTHS = 12
MAX_SEASON_MONTHS = 12  # a season can never be longer than the period holding it
HANDLE_PX = 7  # how close to a bar's end the mouse must be to drag that end
LANE_PX = 22
MARGIN_PX = 4
COLORS = {"tc-s1": "#8bc34a", "tc-s2": "#ffb74d", "tc-annual": "#64b5f6"}
OTHER_COLOR = "#ce93d8"
TOOLTIP = ("The processing period's 12 months with one bar per season: drag a bar's ends to change its first or "
           "last month, or its middle to move it. Dashed outlines are the crop calendar's suggestions.")


@dataclass(frozen=True)
class TimelineBar:
    """One season on the timeline; ``key`` is the form row it belongs to, ``suggested`` the calendar's window."""

    key: int
    season_id: str
    start: date
    end: date
    suggested: tuple[date, date] | None = None


@dataclass(frozen=True)
class _Drag:
    key: int
    mode: str  # "start", "end" or "move"
    press_x: float
    start: int  # month numbers (year * 12 + month - 1) when the button went down
    end: int


def month_number(value: date) -> int:
    """Months since year 0, so month arithmetic is integer arithmetic."""
    return value.year * 12 + value.month - 1


def month_date(number: int, *, last_day: bool = False) -> date:
    """Inverse of ``month_number``: the month's first day, or its last day."""
    first = date(number // 12, number % 12 + 1, 1)
    return month_end(first) if last_day else first


def _position(event: QMouseEvent) -> QPointF:
    """The mouse position in widget coordinates (``position()`` in Qt 6, ``localPos()`` in Qt 5)."""
    return event.position() if hasattr(event, "position") else event.localPos()


class SeasonTimeline(QWidget):
    """Paints the bars and turns mouse drags into new whole-month windows (``windowsChanged``)."""

    windowsChanged = pyqtSignal(list)  # noqa: N815 — Qt signal naming; emits list[TimelineBar] after each change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[TimelineBar] = []
        self._last: int | None = None  # month number of the view's last month
        self._pending_last: int | None = None  # a new period end that arrived during a drag
        self._drag: _Drag | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(TOOLTIP)
        self.setAccessibleName("Season timeline")

    # -- data ----------------------------------------------------------------------------------------------------
    def set_bars(self, bars: Sequence[TimelineBar], period_end: date | None) -> None:
        """Show ``bars`` on the 12 months ending with ``period_end``'s month (None: nothing to show)."""
        self._bars = list(bars)
        last = month_number(period_end) if period_end is not None else None
        if self._drag is not None and self._last is not None:
            self._pending_last = last  # moving the view under the mouse would make the bar jump
        else:
            self._last = last
        self.updateGeometry()
        self.update()

    def bars(self) -> list[TimelineBar]:
        return list(self._bars)

    def months(self) -> list[date]:
        """First days of the months shown, left to right (empty when there is no period)."""
        if self._last is None:
            return []
        return [month_date(self._last - MONTHS + 1 + i) for i in range(MONTHS)]

    # -- geometry (public so tests can aim the mouse as a user would) ---------------------------------------------
    def _header_px(self) -> int:
        return 2 * (self.fontMetrics().height() + 2)

    def _column_px(self) -> float:
        return (self.width() - 2 * MARGIN_PX) / MONTHS

    def month_x(self, index: float) -> float:
        """x of the left edge of column ``index`` (0 = the first month shown; 12 = the right edge)."""
        return MARGIN_PX + index * self._column_px()

    def lane_rect(self, row: int) -> QRectF:
        top = self._header_px() + row * LANE_PX
        return QRectF(self.month_x(0), top, self.month_x(MONTHS) - self.month_x(0), LANE_PX)

    def bar_rect(self, key: int) -> QRectF:
        """Where the bar of form row ``key`` is drawn (may extend past the track while it is outside the period)."""
        row, bar = self._find(key)
        return self._window_rect(row, bar.start, bar.end)

    def _window_rect(self, row: int, start: date, end: date) -> QRectF:
        first = self._last - MONTHS + 1
        left, right = self.month_x(month_number(start) - first), self.month_x(month_number(end) - first + 1)
        lane = self.lane_rect(row)
        return QRectF(left, lane.top() + 3, right - left, lane.height() - 6)

    def _find(self, key: int) -> tuple[int, TimelineBar]:
        for row, bar in enumerate(self._bars):
            if bar.key == key:
                return row, bar
        raise KeyError(key)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        lanes = max(len(self._bars), 1)
        return QSize(MONTHS * 14 + 2 * MARGIN_PX, self._header_px() + lanes * LANE_PX + MARGIN_PX)

    # -- mouse -----------------------------------------------------------------------------------------------------
    def _hit(self, pos: QPointF) -> tuple[int, str] | None:
        """(bar key, drag mode) under the mouse, or None."""
        if self._last is None:
            return None
        for row, bar in enumerate(self._bars):
            rect = self._window_rect(row, bar.start, bar.end)
            lane = self.lane_rect(row)
            if not lane.top() <= pos.y() < lane.bottom():
                continue
            handle = min(HANDLE_PX, rect.width() / 3)
            if abs(pos.x() - rect.left()) <= handle:
                return bar.key, "start"
            if abs(pos.x() - rect.right()) <= handle:
                return bar.key, "end"
            if rect.left() < pos.x() < rect.right():
                return bar.key, "move"
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self._hit(_position(event))
        if event.button() != Qt.MouseButton.LeftButton or hit is None:
            super().mousePressEvent(event)
            return
        _row, bar = self._find(hit[0])
        self._drag = _Drag(hit[0], hit[1], _position(event).x(), month_number(bar.start), month_number(bar.end))
        self._pending_last = None
        if hit[1] == "move":
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is None:
            self._hover_cursor(_position(event))
            return
        self._drag_to(_position(event).x())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self._drag_to(_position(event).x())  # the last move may not have been delivered
        self._drag = None
        if self._pending_last is not None:
            self._last, self._pending_last = self._pending_last, None
        self._hover_cursor(_position(event))
        self.update()
        event.accept()

    def _drag_to(self, x: float) -> None:
        """The dragged bar at the whole month nearest to where the mouse has moved it; emits when it changed."""
        delta = round((x - self._drag.press_x) / self._column_px())
        start, end = self._dragged(self._drag, delta)
        row, bar = self._find(self._drag.key)
        new = replace(bar, start=month_date(start), end=month_date(end, last_day=True))
        if new != bar:
            self._bars[row] = new
            self.update()
            self.windowsChanged.emit(self.bars())

    @staticmethod
    def _dragged(drag: _Drag, delta: int) -> tuple[int, int]:
        """New (start, end) month numbers: at least one month, at most a year, not before the data starts."""
        start, end = drag.start, drag.end
        if drag.mode == "start":
            start = min(max(start + delta, end - MAX_SEASON_MONTHS + 1), end)
        elif drag.mode == "end":
            end = max(min(end + delta, start + MAX_SEASON_MONTHS - 1), start)
        else:
            start, end = start + delta, end + delta
        too_early = month_number(EARLIEST_DATE) - start
        if too_early > 0:  # no Sentinel inputs before 2017: a moved bar keeps its length, an end stays put
            end += too_early if drag.mode == "move" else 0
            start += too_early
        return start, end

    def _hover_cursor(self, pos: QPointF) -> None:
        hit = self._hit(pos)
        if hit is None:
            self.unsetCursor()
        elif hit[1] == "move":
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.setCursor(Qt.CursorShape.SizeHorCursor)

    # -- painting --------------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._last is None:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, "Enable a season to see it here.")
            return
        self._paint_columns(painter)
        self._paint_headers(painter)
        track = QRectF(self.month_x(0), self._header_px(), self.month_x(MONTHS) - self.month_x(0),
                       max(len(self._bars), 1) * LANE_PX)
        painter.setClipRect(track)
        for row, bar in enumerate(self._bars):
            self._paint_bar(painter, row, bar)
        painter.end()

    def _paint_columns(self, painter: QPainter) -> None:
        """Alternating month columns under the lanes, with a stronger line where a new year starts."""
        palette = self.palette()
        top, bottom = self._header_px(), self._header_px() + max(len(self._bars), 1) * LANE_PX
        for i, month in enumerate(self.months()):
            column = QRectF(self.month_x(i), top, self._column_px(), bottom - top)
            role = QPalette.ColorRole.Base if i % 2 == 0 else QPalette.ColorRole.AlternateBase
            painter.fillRect(column, palette.color(role))
            if month.month == 1 and i > 0:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1))
                painter.drawLine(QPointF(column.left(), top - self.fontMetrics().height() - 2),
                                 QPointF(column.left(), bottom))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.month_x(0), top, self.month_x(MONTHS) - self.month_x(0), bottom - top))

    def _paint_headers(self, painter: QPainter) -> None:
        """Year names over their months (first row), month names or initials (second row)."""
        months, row_px = self.months(), self.fontMetrics().height() + 2
        small = QFont(self.font())  # month names a point smaller, so three letters fit in a 400 px dock
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 6.0))
        painter.setFont(small)
        widest = max(painter.fontMetrics().horizontalAdvance(calendar.month_abbr[m.month]) for m in months)
        short = widest + 2 > self._column_px()
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for i, month in enumerate(months):
            name = calendar.month_abbr[month.month]
            cell = QRectF(self.month_x(i), row_px, self._column_px(), row_px)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, name[0] if short else name)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for year in sorted({m.year for m in months}):
            columns = [i for i, m in enumerate(months) if m.year == year]
            span = QRectF(self.month_x(columns[0]), 0, self.month_x(columns[-1] + 1) - self.month_x(columns[0]),
                          row_px)
            fitting = [t for t in (str(year), f"’{year % 100:02d}") if painter.fontMetrics().horizontalAdvance(t) + 4
                       <= span.width()]
            painter.drawText(span, Qt.AlignmentFlag.AlignCenter, fitting[0] if fitting else "")
        painter.setFont(self.font())

    def _paint_bar(self, painter: QPainter, row: int, bar: TimelineBar) -> None:
        text_color = QColor("#1f1f1f")
        if bar.suggested is not None:
            ghost = self._window_rect(row, *bar.suggested).adjusted(-1, -2, 1, 2)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(ghost, 4, 4)
        rect = self._window_rect(row, bar.start, bar.end)
        color = QColor(COLORS.get(bar.season_id, OTHER_COLOR))
        active = self._drag is not None and self._drag.key == bar.key
        painter.setPen(QPen(color.darker(160 if active else 130), 2 if active else 1))
        painter.setBrush(color)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QPen(color.darker(170), 1))
        for x in (rect.left() + 3, rect.right() - 3):  # grips: the ends can be dragged
            painter.drawLine(QPointF(x, rect.top() + 4), QPointF(x, rect.bottom() - 4))
        painter.setPen(text_color)
        visible = rect.intersected(self.lane_rect(row)).adjusted(6, 0, -6, 0)
        label = f"{season_name(bar.season_id)}  {bar.start:%b}–{bar.end:%b}"
        elided = self.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(visible.width()))
        painter.drawText(visible, Qt.AlignmentFlag.AlignCenter, elided)
