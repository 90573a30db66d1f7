"""Drives jobs for the dock: the job store is the truth, QgsTasks do the waiting, signals tell the widgets.

A main-thread QTimer only decides *when* to poll (no network on the GUI thread); each poll, submit, cancel,
download is a short CoreTask. Nothing sleeps inside a worker thread, so long jobs never occupy QGIS's
small thread pool. After a restart, ``resume()`` picks up every job the store says is unfinished.
"""

from __future__ import annotations

import time
from typing import Callable

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from ..adapters.tasks import CRITICAL, INFO, SUCCESS, CoreTask, start_task
from ..core import udp
from ..core.backends import BackendProfile
from ..core.errors import CancelledError, WorldCerealError
from ..core.job_runner import JobRunner, PollPolicy
from ..core.jobstore import ACTIVE_STATUSES, DownloadState, JobRecord, JobStatus
from ..core.request import MapRequest


class JobController(QObject):
    jobChanged = pyqtSignal(str)            # local id; the record changed in the store
    jobLoaded = pyqtSignal(str)             # local id; styled layers were added to the project
    notify = pyqtSignal(str, str, int)      # title, one-sentence message, Qgis.MessageLevel value

    def __init__(self, runner: JobRunner, profile_for: Callable[[str], BackendProfile],
                 project: QgsProject | None = None, tick_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.store = runner.store
        self.profile_for = profile_for
        self.project = project or QgsProject.instance()
        self._tasks: dict[str, CoreTask] = {}       # one in-flight task per job
        self._next_poll: dict[str, float] = {}
        self._interval: dict[str, float] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

    # -- lifecycle ----------------------------------------------------------------------------------------------
    def start(self) -> None:
        self._timer.start()

    def shutdown(self) -> None:
        """Stop watching (remote jobs keep running; their state is in the store for the next session)."""
        self._timer.stop()
        for task in list(self._tasks.values()):
            try:
                task.detach()
                task.cancel()
            except RuntimeError:  # QGIS already deleted a task that ended; nothing left to stop
                pass
        self._tasks.clear()

    def resume(self) -> list[str]:
        """Jobs that were running or waiting for download when QGIS closed continue now."""
        resumed = []
        for record in self._map_jobs(self.store.jobs_to_resume()):
            resumed.append(record.local_id)
            if record.needs_download:
                self._download(record.local_id)
            else:
                self._next_poll[record.local_id] = 0.0
        self.start()
        return resumed

    def busy(self, local_id: str) -> bool:
        return local_id in self._tasks

    # -- user actions -------------------------------------------------------------------------------------------
    def submit(self, request: MapRequest, profile: BackendProfile) -> str:
        """Validate (instant, no network) and store the job, then create + start it in a task."""
        record = self.runner.new_map_job(request, profile)
        self.jobChanged.emit(record.local_id)
        self._run(record.local_id, "Submitting", lambda task: self.runner.submit(record.local_id),
                  self._after_submit)
        self.start()
        return record.local_id

    def cancel(self, local_id: str) -> None:
        """Cancel the remote job (stops credit use) and any local step in flight."""
        task = self._tasks.pop(local_id, None)
        if task is not None:
            task.cancel()
        self._run(local_id, "Cancelling", lambda t: self.runner.cancel_remote(local_id), self._after_simple)

    def retry(self, local_id: str) -> str:
        """A failed or cancelled job runs again as a new job with the same request."""
        record = self.store.get(local_id)
        return self.submit(MapRequest.from_dict(record.request), self.profile_for(record.backend))

    def reload(self, local_id: str) -> None:
        record = self.store.get(local_id)
        if record.download_state == DownloadState.DONE and record.outputs:
            self._run(local_id, "Loading", lambda task: (record, self._build(record)), self._after_download)
        elif record.status == JobStatus.FINISHED:
            self._download(local_id)

    def remove(self, local_id: str) -> None:
        from ..adapters.layers import remove_job_layers

        record = self.store.get(local_id)
        if record.remote_id:
            remove_job_layers(self.project, record.remote_id)
        task = self._tasks.pop(local_id, None)
        if task is not None:
            task.cancel()
        self.store.remove(local_id)
        self.jobChanged.emit(local_id)

    def fetch_log(self, local_id: str, on_done: Callable[[list[dict], WorldCerealError | None], None]) -> None:
        record = self.store.get(local_id)
        client = self.runner.client_for
        key = f"log:{local_id}"

        def done(result, error) -> None:
            self._tasks.pop(key, None)  # a finished task is deleted by QGIS: never touch it again
            on_done(result or [], error)

        task = CoreTask(f"WorldCereal: reading the log of {record.remote_id}",
                        lambda t: client(record.backend).logs(record.remote_id), done)
        self._start_task(key, task)

    # -- internals ----------------------------------------------------------------------------------------------
    @staticmethod
    def _map_jobs(records: list[JobRecord]) -> list[JobRecord]:
        """Only map jobs are this controller's: extraction runs in the same store have their own runner."""
        return [r for r in records if r.product in udp.PRODUCTS]

    def _tick(self) -> None:
        now = time.monotonic()
        for record in self._map_jobs(self.store.list(statuses=ACTIVE_STATUSES)):
            if not record.remote_id or record.local_id in self._tasks:
                continue
            if self._next_poll.setdefault(record.local_id, now) <= now:
                self._run(record.local_id, "Checking", lambda t, i=record.local_id: self.runner.poll(i),
                          self._after_poll)

    def _schedule_poll(self, record: JobRecord) -> None:
        policy = PollPolicy.for_profile(self.profile_for(record.backend))
        interval = policy.next_interval(self._interval.get(record.local_id))
        self._interval[record.local_id] = interval
        self._next_poll[record.local_id] = time.monotonic() + interval

    def _run(self, local_id: str, verb: str, work, after) -> None:
        title = self._title(local_id)
        task = CoreTask(f"WorldCereal: {verb.lower()} {title}", work,
                        lambda result, error: self._finished(local_id, result, error, after))
        self._start_task(local_id, task)

    def _start_task(self, key: str, task: CoreTask) -> None:
        self._tasks[key] = task
        start_task(task)

    def _finished(self, local_id: str, result, error, after) -> None:
        self._tasks.pop(local_id, None)
        if error is not None and not isinstance(error, CancelledError):
            self._record_error(local_id, error)
        after(local_id, result, error)
        self.jobChanged.emit(local_id)

    def _record_error(self, local_id: str, error: WorldCerealError) -> None:
        try:
            self.store.update(local_id, error_message=str(error), error_code=getattr(error, "code", None))
        except (KeyError, WorldCerealError):
            return
        self.notify.emit("WorldCereal", str(error), CRITICAL)

    def _after_submit(self, local_id: str, record, error) -> None:
        if error is None:
            self._interval.pop(local_id, None)
            self._schedule_poll(record)
        elif not isinstance(error, CancelledError):
            self.store.update(local_id, status=JobStatus.ERROR)

    def _after_poll(self, local_id: str, record: JobRecord | None, error) -> None:
        if record is None:
            record = self.store.get(local_id)
            self._schedule_poll(record)
            return
        if record.status == JobStatus.FINISHED:
            self.notify.emit("WorldCereal", f"{record.title} finished; downloading the map.", INFO)
            self._download(local_id)
        elif record.status == JobStatus.ERROR:
            self.notify.emit("WorldCereal", record.error_message or f"Job {record.remote_id} failed.", CRITICAL)
        elif record.status in ACTIVE_STATUSES:
            self._schedule_poll(record)

    def _after_simple(self, local_id: str, record, error) -> None:
        return None

    def _download(self, local_id: str) -> None:
        def work(task):
            record = self.runner.download(local_id, progress=task.setProgress, is_cancelled=task.isCanceled)
            return record, self._build(record)

        self._run(local_id, "Downloading", work, self._after_download)

    def _build(self, record: JobRecord):
        """Worker thread: open and style the layers (the slow part), handed over to the main thread."""
        from ..adapters.layers import build_result_layers

        tif = next((p for p in record.outputs if p.lower().endswith((".tif", ".tiff"))), None)
        if tif is None:
            return None
        job = {"job_id": record.remote_id, "backend": record.backend_url, "product": record.product,
               "title": record.title}
        return build_result_layers(tif, job=job, target_thread=QCoreApplication.instance().thread())

    def _after_download(self, local_id: str, result, error) -> None:
        if error is None and result is not None and result[1] is not None:
            self._add_layers(*result)

    def _add_layers(self, record: JobRecord, built) -> None:
        """Main thread: only put the ready layers into the project (a few ms)."""
        from ..adapters.layers import add_result_layers, remove_job_layers

        remove_job_layers(self.project, record.remote_id)
        add_result_layers(built, self.project)
        self.notify.emit("WorldCereal", f"{record.title} is loaded as styled layers.", SUCCESS)
        self.jobLoaded.emit(record.local_id)

    def _title(self, local_id: str) -> str:
        try:
            return self.store.get(local_id).title
        except (KeyError, WorldCerealError):
            return local_id
