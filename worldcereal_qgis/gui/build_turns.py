"""Build a large widget in event-loop turns, so that no single turn holds the GUI thread past one frame (#21).

Building the whole WorldCereal dock at once cost 26–31 ms of GUI-thread time, about two 60 Hz frames. Each
step here is one turn of its own (a zero-interval timer, so paint events and other timers run in between);
``finish`` runs the remaining steps at once for code that needs the finished widget right away. A step that
returns True has more to do and runs again in the next turn (``PaintAhead``).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Optional

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QImage
from qgis.PyQt.QtWidgets import QWidget


class BuildInTurns(QObject):
    """Runs ``steps`` one per event-loop turn, in order; ``done`` once the last one ran."""

    done = pyqtSignal()

    def __init__(self, steps: list[Callable[[], Optional[bool]]], parent: QObject) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self.running = False  # a step is executing: a missing attribute now is a bug in the step order
        self.hurried = False  # finish() runs the rest at once: work that only spreads the cost can be skipped
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._next)

    @property
    def finished(self) -> bool:
        return not self._steps

    def start(self) -> None:
        if self._steps:
            self._timer.start()

    def finish(self) -> None:
        """Everything now, in this turn (a widget was asked for before its turn came)."""
        self._timer.stop()
        self.hurried = True
        while self._steps:
            self._run_one()

    def cancel(self) -> None:
        """The owner closes before it was built: no further step runs."""
        self._timer.stop()
        self._steps.clear()

    def _next(self) -> None:
        self._run_one()
        if self._steps:
            self._timer.start()

    def _run_one(self) -> None:
        step = self._steps.pop(0)
        self.running = True
        try:
            again = step() and not self.hurried
        finally:
            self.running = False
        if again:
            self._steps.insert(0, step)
        if not self._steps:
            self.done.emit()


def load_piece(owner: QObject, ui_file: Path, widget: QWidget) -> QWidget:
    """Load one .ui piece into ``widget`` and give ``owner`` an attribute per named object, as ``uic.loadUi``
    on the owner would (the dock's code and tests read ``dock.runButton`` whichever piece it came from)."""
    uic.loadUi(str(ui_file), widget)
    for name, obj in vars(widget).items():
        setattr(owner, name, obj)
    setattr(owner, widget.objectName(), widget)
    return widget


_WARM: set[str] = set()  # the kinds PaintAhead painted in this process


class PaintAhead:
    """A build step that paints widgets still out of sight into an off-screen image, a few per turn (#21).

    A widget's first paint is the expensive one: Qt rasterises the font's glyphs and the style draws and caches
    its frames and buttons. The dock's contents, painted for the first time when swapped in, held the GUI thread
    7–8 ms on a fresh interpreter, on top of the swap (11–13 ms together); painted ahead piece by piece, the
    swap's paint finds those caches warm (swap and paint about 5 ms). The images are thrown away: only the caches
    matter, so once a widget of the same ``kind`` was painted ahead in this process, later openings skip it.
    """

    def __init__(self, widgets: Callable[[], list[QWidget]], kind: str, budget_s: float = 0.003) -> None:
        self._widgets = widgets  # asked for on the first turn: the pieces exist and are laid out by then
        self._kind = kind
        self._left: Optional[list[QWidget]] = None
        self._budget_s = budget_s

    def __call__(self) -> bool:
        """Paint pieces until this turn's budget is spent; True while some are left."""
        if self._left is None:
            warm = self._kind in _WARM
            self._left = [] if warm else [w for w in self._widgets() if not w.isHidden() and not w.size().isEmpty()]
        started = time.thread_time()
        while self._left:  # at least one piece per turn, more while the budget lasts
            widget = self._left.pop(0)
            widget.render(QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied))
            if time.thread_time() - started >= self._budget_s:
                break
        if not self._left:
            _WARM.add(self._kind)
        return bool(self._left)
