"""The dock's side of the batch engine, shared by tiled runs and extraction runs.

A main-thread QTimer only asks the run which steps are due (instant: the job database, no network); each
submit, poll or download is one short CoreTask, one per item at a time, and nothing sleeps in a worker thread
(QGIS's thread pool is small). Subclasses say what a step's result means for their widgets and what happens
when the run is done (a mosaic, a merge).
"""

from __future__ import annotations

from typing import Any, Callable

from qgis.PyQt.QtCore import QObject, QTimer

from ..adapters.tasks import CoreTask, start_task
from ..core.batch.engine import Action, BatchRun, ItemState
from ..core.errors import WorldCerealError


class BatchSteps(QObject):
    """Timer + one task per busy item over a ``BatchRun``."""

    def __init__(self, tick_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: dict[str, CoreTask] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

    # -- hooks --------------------------------------------------------------------------------------------------
    def batch(self) -> BatchRun | None:
        """The run to step now (None: nothing to do yet)."""
        raise NotImplementedError

    def step_title(self, action: Action) -> str:
        return f"WorldCereal: {action.kind} {action.item}"

    def after_step(self, action: Action, state: ItemState | None, error: WorldCerealError | None) -> None:
        """Main thread, after one step's task."""

    def after_tick(self, run: BatchRun) -> None:
        """Main thread, after the due steps were started (mosaic rebuilds, the end of the run)."""

    def stopped_by(self, error: WorldCerealError) -> None:
        """The run cannot go on (e.g. the job database cannot be read)."""

    # -- the loop -----------------------------------------------------------------------------------------------
    def start_steps(self) -> None:
        self._timer.start()
        self._tick()

    def stop_steps(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        run = self.batch()
        if run is None:
            return
        try:
            actions = run.due_actions(busy=set(self._tasks))
        except WorldCerealError as err:
            self._timer.stop()
            self.stopped_by(err)
            return
        for action in actions:
            self.run_task(action.item, self.step_title(action), lambda _t, a=action: run.execute(a),
                          lambda state, error, a=action: self.after_step(a, state, error))
        self.after_tick(run)

    # -- tasks --------------------------------------------------------------------------------------------------
    def run_task(self, key: str, description: str, work: Callable[[Any], Any],
                 after: Callable[[Any, WorldCerealError | None], None]) -> None:
        """One CoreTask under ``key``; forgotten before ``after`` runs, so ``busy()`` is already up to date."""
        def done(result, error) -> None:
            self._tasks.pop(key, None)
            after(result, error)

        task = CoreTask(description, work, done)
        self._tasks[key] = task
        start_task(task)

    def busy(self) -> bool:
        return bool(self._tasks)

    def shutdown(self) -> None:
        """Stop watching; remote jobs keep running and the next controller on this run continues them."""
        self._timer.stop()
        drop_tasks(self._tasks)


def drop_tasks(tasks: dict[str, CoreTask]) -> None:
    """Tasks whose owner goes away: no callback any more, dropped (CoreTask.drop), forgotten (remote jobs keep
    running)."""
    for task in list(tasks.values()):
        try:
            task.drop()
        except RuntimeError:  # QGIS already deleted a task that ended; nothing left to stop
            pass
    tasks.clear()
