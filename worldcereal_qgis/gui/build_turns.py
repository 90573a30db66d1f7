"""Build a large widget in event-loop turns, so that no single turn holds the GUI thread past one frame (#21).

Building the whole WorldCereal dock at once cost 26–31 ms of GUI-thread time, about two 60 Hz frames. Each
step here is one turn of its own (a zero-interval timer, so paint events and other timers run in between);
``finish`` runs the remaining steps at once for code that needs the finished widget right away.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QWidget


class BuildInTurns(QObject):
    """Runs ``steps`` one per event-loop turn, in order; ``done`` once the last one ran."""

    done = pyqtSignal()

    def __init__(self, steps: list[Callable[[], None]], parent: QObject) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self.running = False  # a step is executing: a missing attribute now is a bug in the step order
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
            step()
        finally:
            self.running = False
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
