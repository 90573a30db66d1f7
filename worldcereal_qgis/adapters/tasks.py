"""Background work in QGIS, one way: ``CoreTask`` runs a core call in a worker thread and ``start_task`` hands any
QgsTask to QGIS's task manager, keeping it referenced until it ends; message levels by name.

Why the reference: PyQGIS drops a Python QgsTask subclass whose last Python reference goes away, and the task then
never reports. ``start_task`` is the one place that knows this, so callers may forget the task they started.

Why the watch: QGIS 3.40's task manager can lose a queued task for good (qgis/QGIS#53806, docs/QGIS_VERSIONS.md):
a stale pointer to a finished task's runnable removes a newer task's runnable from the thread pool's queue, and that
task stays "queued" forever (a tiled run's tile never submitted, QGIS unable to quit). ``start_task`` checks its
tasks once a second on the main thread: a task still queued while the pool has had a free thread for a second was
lost, and a ``CoreTask`` is started again in a new task (exactly once: whichever of the two claims the work first).
"""

from __future__ import annotations

import threading
import time
import traceback
from typing import Any, Callable, TypeVar

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QThread, QTimer

from ..core.errors import CancelledError, WorldCerealError
from .compat import task_pool
from .i18n import translator
from .worker_threads import prepare_worker_thread

LOG_TAG = "WorldCereal"
# Message levels by name for signals that carry a level as an int (title, sentence, level): QGIS's values.
INFO = int(Qgis.MessageLevel.Info)
WARNING = int(Qgis.MessageLevel.Warning)
CRITICAL = int(Qgis.MessageLevel.Critical)
SUCCESS = int(Qgis.MessageLevel.Success)

tr = translator("WorldCerealTasks")
T = TypeVar("T", bound=QgsTask)
_running: set[QgsTask] = set()
LOST_AFTER_S = 1.0  # queued this long while the pool had a free thread: QGIS lost the task (a free thread takes
                    # a queued task within microseconds)


def start_task(task: T) -> T:
    """Add ``task`` to QGIS's task manager and keep it referenced until it completes or is terminated."""
    _running.add(task)
    task.taskCompleted.connect(lambda: _ended(task))
    task.taskTerminated.connect(lambda: _ended(task))
    QgsApplication.taskManager().addTask(task)
    _watch.follow()
    return task


def _ended(task: QgsTask) -> None:
    _running.discard(task)
    _watch.forget(task)


class _LostTaskWatch:
    """Finds tasks QGIS lost from its thread pool's queue and starts them again (see the module docstring)."""

    def __init__(self) -> None:
        self._timer: QTimer | None = None
        self._idle_queued: dict[QgsTask, float] = {}  # task -> when it was first seen queued beside a free thread

    def follow(self) -> None:
        app = QgsApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():  # a timer lives on the main thread only
            return
        if self._timer is None:
            self._timer = QTimer()
            self._timer.setInterval(int(LOST_AFTER_S * 1000))
            self._timer.timeout.connect(self.check)
        if not self._timer.isActive():
            self._timer.start()

    def forget(self, task: QgsTask) -> None:
        self._idle_queued.pop(task, None)
        if not _running and self._timer is not None:
            self._timer.stop()

    def check(self, now: float | None = None) -> None:
        """Main thread, once a second while tasks run: a few status reads."""
        now = time.monotonic() if now is None else now
        pool = task_pool()
        free = pool.activeThreadCount() < pool.maxThreadCount()
        for task in list(_running):
            try:
                queued = task.status() == QgsTask.TaskStatus.Queued
            except RuntimeError:  # QGIS deleted it without saying it ended (at exit): nothing left to watch
                _ended(task)
                continue
            if not free or not queued:
                self._idle_queued.pop(task, None)
            elif now - self._idle_queued.setdefault(task, now) >= LOST_AFTER_S:
                self._idle_queued.pop(task, None)
                _recover(task)


_watch = _LostTaskWatch()


def _recover(task: QgsTask) -> None:
    """A lost task: its runnable is gone (no pool thread can start it), so it is ended here; a CoreTask's work is
    started again in a new task, any other task ends as cancelled and the log says why."""
    relaunch = getattr(task, "relaunch", None)
    replacement = relaunch() if relaunch is not None else None
    if relaunch is not None and replacement is None:
        return  # it started after all
    text = (tr("QGIS lost the queued task '{task}' from its thread pool (QGIS issue 53806); it was started again.")
            if replacement is not None else
            tr("QGIS lost the queued task '{task}' from its thread pool (QGIS issue 53806); it was ended as "
               "cancelled, please run it again."))
    QgsMessageLog.logMessage(text.format(task=task.description()), LOG_TAG, Qgis.MessageLevel.Warning)
    QgsTask.cancel(task)  # QGIS's own cancel: a queued task is terminated at once
    if replacement is not None:
        start_task(replacement)


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
        self._claim = threading.Lock()  # run() and relaunch(): exactly one of them gets the work
        self._started = False
        self._replacement: CoreTask | None = None

    def run(self) -> bool:
        with self._claim:
            if self._replacement is not None:  # lost and started again elsewhere: that task does the work
                return False
            self._started = True
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

    def relaunch(self) -> CoreTask | None:
        """A new task for this one's work and callback, unless this one has started (then None). Main thread; the
        lost task's owner keeps this object: cancel, detach and drop reach the new task through it."""
        with self._claim:
            if self._started or self._replacement is not None:
                return None
            self._replacement = CoreTask(self.description(), self._work, self._on_done)
        self._replacement._dropped = self._dropped
        self._on_done = None
        return self._replacement

    def detach(self) -> None:
        """Forget the callback (its owner is going away); the task still ends cleanly."""
        self._on_done = None
        if self._replacement is not None:
            self._replacement.detach()

    def cancel(self) -> None:
        """Cancel without QGIS 3.22's hazard for a queued task: a queued task is only marked (it will run, skip
        its work and end as cancelled); a running one is cancelled as usual (its work may check ``isCanceled``).

        QGIS 3.22 terminates a queued task at once on ``cancel()`` and deletes it, while its runnable may still be
        taken by a pool thread, which then starts a deleted task; a pool thread stuck that way leaves every later
        task queued for good (seen as tasks that never start in tests/qgis/test_tiled_runs.py). QGIS calls this
        override too (``cancelAll``, the task manager's cancel button)."""
        self._dropped = True
        if self._replacement is not None:
            self._replacement.cancel()
            return
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
