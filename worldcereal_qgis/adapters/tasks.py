"""Background work in QGIS, one way: ``CoreTask`` runs a core call in a worker thread and ``start_task`` hands any
QgsTask to QGIS's task manager, keeping it referenced until it ends; message levels by name.

Why the reference: PyQGIS drops a Python QgsTask subclass whose last Python reference goes away, and the task then
never reports. ``start_task`` is the one place that knows this, so callers may forget the task they started.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable, TypeVar

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask

from ..core.errors import CancelledError, WorldCerealError
from .worker_threads import prepare_worker_thread

LOG_TAG = "WorldCereal"
# Message levels by name for signals that carry a level as an int (title, sentence, level): QGIS's values.
INFO = int(Qgis.MessageLevel.Info)
WARNING = int(Qgis.MessageLevel.Warning)
CRITICAL = int(Qgis.MessageLevel.Critical)
SUCCESS = int(Qgis.MessageLevel.Success)

T = TypeVar("T", bound=QgsTask)
_running: set[QgsTask] = set()


def start_task(task: T) -> T:
    """Add ``task`` to QGIS's task manager and keep it referenced until it completes or is terminated."""
    _running.add(task)
    task.taskCompleted.connect(lambda: _running.discard(task))
    task.taskTerminated.connect(lambda: _running.discard(task))
    QgsApplication.taskManager().addTask(task)
    return task


def running_tasks() -> int:
    """How many tasks started here have not ended yet (for shutdown checks and tests)."""
    return len(_running)


class CoreTask(QgsTask):
    """Runs ``work(task)`` in a worker thread; ``on_done(result, error)`` runs on the main thread.

    ``error`` is always a WorldCerealError whose text is one sentence; unexpected exceptions are logged with
    their traceback in the WorldCereal log and reported to the user as one sentence.
    """

    def __init__(self, description: str, work: Callable[[QgsTask], Any],
                 on_done: Callable[[Any, WorldCerealError | None], None] | None = None) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self._work = work
        self._on_done = on_done
        self.result: Any = None
        self.error: WorldCerealError | None = None
        self._dropped = False

    def run(self) -> bool:
        if self._dropped:  # cancelled while queued: no work, reported as cancelled
            return False
        prepare_worker_thread()
        try:
            self.result = self._work(self)
            return True
        except CancelledError as err:
            self.error = err
        except WorldCerealError as err:
            self.error = err
        except Exception as err:  # noqa: BLE001 — the user gets one sentence, the log the traceback
            QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG, Qgis.MessageLevel.Critical)
            self.error = WorldCerealError(f"{self.description()} failed unexpectedly: {err}")
        return False

    def detach(self) -> None:
        """Forget the callback (its owner is going away); the task still ends cleanly."""
        self._on_done = None

    def cancel(self) -> None:
        """Cancel without QGIS 3.22's hazard for a queued task: a queued task is only marked (it will run, skip
        its work and end as cancelled); a running one is cancelled as usual (its work may check ``isCanceled``).

        QGIS 3.22 terminates a queued task at once on ``cancel()`` and deletes it, while its runnable may still be
        taken by a pool thread, which then starts a deleted task; a pool thread stuck that way leaves every later
        task queued for good (seen as tasks that never start in tests/qgis/test_tiled_runs.py). QGIS calls this
        override too (``cancelAll``, the task manager's cancel button)."""
        self._dropped = True
        if self.status() != QgsTask.TaskStatus.Queued:
            super().cancel()

    def drop(self) -> None:
        """Its owner goes away: forget the callback and end the task as soon as possible (see ``cancel``)."""
        self.detach()
        self.cancel()

    def finished(self, ok: bool) -> None:  # main thread
        if not ok and self.error is None:
            self.error = CancelledError(f"{self.description()} was cancelled.")
        if self._on_done is not None:
            self._on_done(self.result, self.error)
