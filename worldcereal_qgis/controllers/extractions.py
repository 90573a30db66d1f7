"""Drives extraction runs for the reference-data page: the batch engine decides, short tasks do the network.

The stepping is the batch engine's dock side (``batch_steps.BatchSteps``, as for tiled runs); this controller
adds the write-ahead of the plan, the merge at the end and the signals the page shows. ``resume_unfinished``
continues, after a restart, every extraction run the job store says is unfinished, exactly as tiled runs and
map jobs resume.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal

from ..core.batch.engine import Action
from ..core.errors import AuthError, CancelledError, WorldCerealError
from ..core.extraction_run import ExtractionRunner, RunState, unfinished_runs
from ..core.jobstore import JobRecord
from .batch_steps import BatchSteps

_MERGE_KEY = "merge"
_CANCEL_KEY = "cancel"
_PREPARE_KEY = "prepare"


def tr(text: str) -> str:
    return QCoreApplication.translate("ExtractionController", text)


class ExtractionController(BatchSteps):
    """One extraction run: prepare (write-ahead), step until every job is done, merge."""

    progressed = pyqtSignal(object)      # RunState after each step
    merged = pyqtSignal(int, str)        # samples written, merged folder
    stopped = pyqtSignal(str)            # one sentence: the run stopped (error or cancel)
    problem = pyqtSignal(str)            # one sentence: a step failed, the run goes on (retried later)
    busyChanged = pyqtSignal(bool)

    def __init__(self, extractor: ExtractionRunner, tick_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(tick_ms, parent)
        self.extractor = extractor
        self.run_id: str | None = None

    # -- lifecycle ----------------------------------------------------------------------------------------------
    def start(self, plan) -> None:
        """Write the plan's jobs ahead (a task: it is one row per job), then run them."""
        self.run_task(_PREPARE_KEY, tr("WorldCereal: preparing extraction jobs"),
                      lambda _t: self.extractor.prepare(plan), self._prepared)

    def resume(self, run_id: str) -> None:
        """Continue a run whose jobs are in the store (after a restart): poll, download, submit what is left."""
        self.run_id = run_id
        self.start_steps()

    def cancel(self) -> None:
        """Stop every remote job of the run (one request per running job, in a task)."""
        self.stop_steps()
        if self.run_id is None:
            return
        run_id = self.run_id
        self.run_task(_CANCEL_KEY, tr("WorldCereal: cancelling the extraction"),
                      lambda _t: self.extractor.cancel(run_id), self._cancelled)

    # -- the loop -----------------------------------------------------------------------------------------------
    def _prepared(self, run_id: str | None, error: WorldCerealError | None) -> None:
        if error is not None or run_id is None:
            self.stopped.emit(str(error))
            return
        self.resume(run_id)

    def batch(self):
        if self.run_id is None or _MERGE_KEY in self._tasks or _CANCEL_KEY in self._tasks:
            return None
        run = self.extractor.batch(self.run_id)
        run.log = _to_qgis_log  # the orbit chosen per job and why, in the WorldCereal message log
        return run

    def step_title(self, action: Action) -> str:
        titles = {"submit": tr("WorldCereal: submitting extraction job {item}"),
                  "poll": tr("WorldCereal: checking extraction job {item}"),
                  "download": tr("WorldCereal: downloading extraction job {item}")}
        return titles.get(action.kind, tr("WorldCereal: extraction job {item}")).format(item=action.item)

    def stopped_by(self, error: WorldCerealError) -> None:
        self.stopped.emit(str(error))

    def after_tick(self, run) -> None:
        if not self._tasks and run.is_done():
            self.stop_steps()
            self.progressed.emit(run.state())
            self.run_task(_MERGE_KEY, tr("WorldCereal: merging extractions"), lambda _t: self._merge(),
                          self._merged)

    def after_step(self, action: Action, state, error: WorldCerealError | None) -> None:
        if isinstance(error, AuthError):
            self.stop_steps()  # every next step would fail the same way; the user logs in and resumes
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

    def run_task(self, key: str, description: str, work, after) -> None:
        """A task, with the page told when the run becomes busy or idle."""
        def after_and_tell(result, error) -> None:
            after(result, error)
            self.busyChanged.emit(self.busy())

        super().run_task(key, description, work, after_and_tell)
        self.busyChanged.emit(True)


def _to_qgis_log(line: str) -> None:
    from qgis.core import Qgis, QgsMessageLog

    from ..adapters.tasks import LOG_TAG

    QgsMessageLog.logMessage(line, LOG_TAG, Qgis.MessageLevel.Info)


def run_state_text(state: RunState) -> str:
    """The page's status line for a run in progress.

    ``state.waiting`` is core's English sentence for the log; here it only says whether a job waits for a slot.
    """
    text = (tr("{0} of {1} jobs done, {2} running, {3} failed; {4:.1f} credits so far. A job is waiting for a free "
               "slot on the backend and starts as soon as one is free.") if state.waiting else
            tr("{0} of {1} jobs done, {2} running, {3} failed; {4:.1f} credits so far."))
    return text.format(state.done, state.total, state.active, state.failed, state.credits)


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
