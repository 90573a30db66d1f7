"""Drives extraction runs for the reference-data page: the batch engine decides, short tasks do the network.

Same rules as the tiled-run controller: a main-thread QTimer only reads the run's job records and picks the
due steps (no network); each submit, poll, download, merge or cancel is one short CoreTask, and nothing sleeps
in a worker thread. ``resume_unfinished`` continues, after a restart, every extraction run the job store says
is unfinished, exactly as tiled runs and map jobs resume.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from ..adapters.tasks import CoreTask
from ..core.batch.engine import Action
from ..core.errors import AuthError, CancelledError, WorldCerealError
from ..core.extraction_run import ExtractionRunner, RunState, unfinished_runs
from ..core.jobstore import JobRecord

_MERGE_KEY = "merge"
_CANCEL_KEY = "cancel"
_PREPARE_KEY = "prepare"


def tr(text: str) -> str:
    return QCoreApplication.translate("ExtractionController", text)


class ExtractionController(QObject):
    """One extraction run: prepare (write-ahead), step until every job is done, merge."""

    progressed = pyqtSignal(object)      # RunState after each step
    merged = pyqtSignal(int, str)        # samples written, merged folder
    stopped = pyqtSignal(str)            # one sentence: the run stopped (error or cancel)
    problem = pyqtSignal(str)            # one sentence: a step failed, the run goes on (retried later)
    busyChanged = pyqtSignal(bool)

    def __init__(self, extractor: ExtractionRunner, tick_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.extractor = extractor
        self.run_id: str | None = None
        self._tasks: dict[str, CoreTask] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

    # -- lifecycle ----------------------------------------------------------------------------------------------
    def start(self, plan) -> None:
        """Write the plan's jobs ahead (a task: it is one row per job), then run them."""
        self._start(_PREPARE_KEY, tr("WorldCereal: preparing extraction jobs"),
                    lambda _t: self.extractor.prepare(plan), self._prepared)

    def resume(self, run_id: str) -> None:
        """Continue a run whose jobs are in the store (after a restart): poll, download, submit what is left."""
        self.run_id = run_id
        self._timer.start()
        self._tick()

    def busy(self) -> bool:
        return bool(self._tasks)

    def cancel(self) -> None:
        """Stop every remote job of the run (one request per running job, in a task)."""
        self._timer.stop()
        if self.run_id is None:
            return
        run_id = self.run_id
        self._start(_CANCEL_KEY, tr("WorldCereal: cancelling the extraction"),
                    lambda _t: self.extractor.cancel(run_id), self._cancelled)

    def shutdown(self) -> None:
        """Stop watching; remote jobs keep running and the next session resumes the run."""
        self._timer.stop()
        for task in list(self._tasks.values()):
            task.detach()
        self._tasks.clear()

    # -- the loop -----------------------------------------------------------------------------------------------
    def _prepared(self, run_id: str | None, error: WorldCerealError | None) -> None:
        if error is not None or run_id is None:
            self.stopped.emit(str(error))
            return
        self.resume(run_id)

    def _tick(self) -> None:
        if self.run_id is None or _MERGE_KEY in self._tasks or _CANCEL_KEY in self._tasks:
            return
        run = self.extractor.batch(self.run_id)
        try:
            actions = run.due_actions(busy=set(self._tasks))
        except WorldCerealError as err:
            self._timer.stop()
            self.stopped.emit(str(err))
            return
        for action in actions:
            self._start(action.item, tr("WorldCereal: extraction {0} {1}").format(action.kind, action.item),
                        lambda _t, a=action: run.execute(a), lambda state, err, a=action: self._stepped(a, err))
        if not self._tasks and run.is_done():
            self._timer.stop()
            self.progressed.emit(run.state())
            self._start(_MERGE_KEY, tr("WorldCereal: merging extractions"), lambda _t: self._merge(),
                        self._merged)

    def _stepped(self, action: Action, error: WorldCerealError | None) -> None:
        if isinstance(error, AuthError):
            self._timer.stop()  # every next step would fail the same way; the user logs in and resumes
            self.stopped.emit(str(error))
            return
        if error is not None and not isinstance(error, CancelledError):
            self.problem.emit(str(error))
        if self.run_id is not None:
            self.progressed.emit(self.extractor.state(self.run_id))

    def _merge(self) -> tuple[int, Path]:
        from ..core.extraction_post import merged_dir

        merged = self.extractor.merge(self.run_id or "")
        return sum(count for _p, count in merged.values()), merged_dir(self.extractor.root)

    def _merged(self, result, error: WorldCerealError | None) -> None:
        if error is not None:
            self.stopped.emit(str(error))
            return
        written, folder = result
        self.merged.emit(written, str(folder))

    def _cancelled(self, problems, error: WorldCerealError | None) -> None:
        if error is not None:
            self.stopped.emit(str(error))
        elif problems:
            self.stopped.emit(problems[0])
        else:
            self.stopped.emit(tr("Cancelled; the remote jobs were stopped."))

    # -- tasks --------------------------------------------------------------------------------------------------
    def _start(self, key: str, description: str, work, after) -> None:
        def done(result, error) -> None:
            self._tasks.pop(key, None)
            after(result, error)
            self.busyChanged.emit(bool(self._tasks))

        task = CoreTask(description, work, done)
        self._tasks[key] = task
        self.busyChanged.emit(True)
        QgsApplication.taskManager().addTask(task)


def run_state_text(state: RunState) -> str:
    """The page's status line for a run in progress."""
    text = tr("{0} of {1} jobs done, {2} running, {3} failed; {4:.1f} credits so far.").format(
        state.done, state.total, state.active, state.failed, state.credits)
    return f"{text} {state.waiting}".strip()


def resume_unfinished(store, extractor_for: Callable[[Path, JobRecord], ExtractionRunner],
                      parent: QObject | None = None) -> list[ExtractionController]:
    """After a restart: one controller per unfinished extraction run in ``store``, already stepping."""
    controllers = []
    for run_id, root in unfinished_runs(store).items():
        record = next(r for r in store.list(run_id=run_id))
        controller = ExtractionController(extractor_for(root, record), parent=parent)
        controller.resume(run_id)
        controllers.append(controller)
    return controllers
