"""Keep the form inside a narrow dock: combos no longer demand their longest item's width.

A QComboBox asks for the width of its longest item by default, so one long backend name (388 px) widened the
whole form past a 360 px dock. Here each combo asks for a few characters only; the open list is wide enough
for every item and each item's full text is also its tooltip, so nothing a person needs is cut.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QComboBox, QLabel, QScrollArea, QStyle, QWidget

MIN_COMBO_CHARS = 8
POPUP_PADDING = 40  # the list's scroll bar and margins


def fit_combo(combo: QComboBox) -> None:
    """Narrow minimum, whole items in the open list and in tooltips."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(MIN_COMBO_CHARS)
    for index in range(combo.count()):
        combo.setItemData(index, combo.itemText(index), Qt.ItemDataRole.ToolTipRole)
    # the open list is created on first use: sized after the dock is shown, one combo per event-loop turn (making
    # a popup costs 1–3 ms cold; the form's seven in one turn held the GUI thread past a frame, #21)
    _to_fit.append(combo)
    if len(_to_fit) == 1:
        QTimer.singleShot(0, _fit_next_popup)


_to_fit: list[QComboBox] = []


def _fit_next_popup() -> None:
    if _to_fit:
        _fit_popup(_to_fit.pop(0))
    if _to_fit:
        QTimer.singleShot(0, _fit_next_popup)


def _fit_popup(combo: QComboBox) -> None:
    try:
        widest = max((combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())),
                     default=0)
        combo.view().setMinimumWidth(widest + POPUP_PADDING)
    except RuntimeError:  # the dock was closed meanwhile
        pass


def fit_form(form: QWidget) -> None:
    """Every combo of the form fits; long labels wrap instead of widening the form."""
    for combo in form.findChildren(QComboBox):
        if type(combo) is QComboBox:  # layer combos size themselves (and list the user's layers)
            fit_combo(combo)
    for label in form.findChildren(QLabel):
        if label.objectName().endswith(("InfoLabel", "ReasonLabel", "NoteLabel", "periodLabel", "StateLabel")):
            label.setWordWrap(True)


def keep_form_whole(scroll: QScrollArea, form: QWidget) -> None:
    """The scroll area (hence the dock) is at least as wide as the form's narrowest layout.

    QGIS gives a right-hand dock about 270 px; with the horizontal scroll bar off, a narrower dock than the form
    cut every row on the right (seen in the desktop walk). Vertical scrolling stays.
    """
    bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    scroll.setMinimumWidth(form.minimumSizeHint().width() + bar + 2 * scroll.frameWidth())
