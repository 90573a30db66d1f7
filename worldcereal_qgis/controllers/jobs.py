"""Drives jobs for the dock: the job store is the truth, QgsTasks do the waiting, signals tell the widgets.

A main-thread QTimer only decides *when* to poll (no network on the GUI thread); each poll, submit, cancel,
download is a short CoreTask. Nothing sleeps inside a worker thread, so long jobs never occupy QGIS's
small thread pool. After a restart, ``resume()`` picks up every job the store says is unfinished.

One frame (issue #21): the GUI thread never does more than a few ms at once. Tasks that end together (20 jobs
resumed at start-up finish about together) are handled one per event-loop turn, at most ``STARTS_PER_TURN``
tasks start per turn, titles come from memory rather than one job-store read each, and loaded results enter the
project one per canvas drawing (result_pacer.py).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from ..adapters.tasks import CRITICAL, INFO, SUCCESS, CoreTask, start_task
from ..core import job_owner as owners
from ..core import udp
from ..core.backends import BackendProfile
from ..core.errors import CancelledError, ConcurrentLimitError, WorldCerealError
from ..core.job_runner import JobRunner, PollPolicy, slot_wait_message
from ..core.jobstore import ACTIVE_STATUSES, DownloadState, JobRecord, JobStatus, JobStore
from ..core.request import MapRequest
from .batch_steps import drop_tasks
from .result_pacer import ResultPacer

STARTS_PER_TURN = 5  # tasks started in one event-loop turn (creating and queueing one costs ~0.3 ms)


def tr(text: str) -> str:
    return QCoreApplication.translate("JobController", text)


def find_to_resume(store: JobStore) -> list[JobRecord]:
    """The dock's unfinished jobs after a restart, adopted (store writes: call it from a task when you can).

    Records left transient by a process that died are settled first; jobs another live process drives
    (a Processing run) are left out; so is a failed download, which waits for the user's Reload instead of
    failing again at every start.
    """
    owners.settle_orphans(store)
    return [_adopt(store, record) for record in JobController.mine(store.jobs_to_resume())
            if record.download_state != DownloadState.FAILED]


def _adopt(store: JobStore, record: JobRecord) -> JobRecord:
    """Take over an orphan (its process died): from now on this dock drives it."""
    mine = owners.owner_tag(owners.DOCK)
    if record.extra.get(owners.OWNER_KEY) == mine:
        return record
    return store.update(record.local_id, extra={**record.extra, owners.OWNER_KEY: mine})


class JobController(QObject):
    jobChanged = pyqtSignal(str)            # local id; the record changed in the store
    jobLoaded = pyqtSignal(str)             # local id; styled layers were added to the project
    notify = pyqtSignal(str, str, int)      # title, one-sentence message, Qgis.MessageLevel value

    def __init__(self, runner: JobRunner, profile_for: Callable[[str], BackendProfile],
                 project: QgsProject | None = None, tick_ms: int = 500, parent: QObject | None = None,
                 canvas_drawing: Callable[[], bool] | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.store = runner.store
        self.profile_for = profile_for
        self.project = project or QgsProject.instance()
        self._tasks: dict[str, CoreTask] = {}       # one in-flight task per job
        self._next_poll: dict[str, float] = {}
        self._interval: dict[str, float] = {}
        self._next_start: dict[str, float] = {}     # created jobs waiting for a free slot (ConcurrentJobLimit)
        self._slot_waits: dict[str, int] = {}
        self._titles: dict[str, str] = {}           # local id -> title, so starting a task reads no store
        self._ended: OrderedDict[str, tuple] = OrderedDict()  # tasks ended, handled one per turn
        self._due: OrderedDict[str, tuple] = OrderedDict()    # tasks to start, STARTS_PER_TURN per turn
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._turn = QTimer(self)  # interval 0: fires once per event-loop turn while there is work left
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._next_turn)
        self._loaded = ResultPacer(self._add_layers, canvas_drawing, self)  # one result per canvas drawing

    # -- lifecycle ----------------------------------------------------------------------------------------------
    def start(self) -> None:
        self._timer.start()

    def shutdown(self) -> None:
        """Stop watching (remote jobs keep running; their state is in the store for the next session)."""
        self._timer.stop()
        self._turn.stop()
        self._ended.clear()
        self._due.clear()
        self._loaded.flush()
        drop_tasks(self._tasks)

    def resume(self, found: list[JobRecord] | None = None) -> list[str]:
        """Jobs that were running or waiting for download when QGIS closed continue now.

        ``found``: what ``find_to_resume`` returned in a task (start-up: no store write on the GUI thread);
        without it the store is read and written here (a dock of its own, tests).
        """
        resumed = []
        for record in find_to_resume(self.store) if found is None else found:
            self._titles[record.local_id] = record.title
            resumed.append(record.local_id)
            if record.needs_download:
                self._download(record.local_id)
            elif record.status == JobStatus.CREATED:
                self._next_start[record.local_id] = 0.0  # created, never started (e.g. waiting for a slot)
            else:
                self._next_poll[record.local_id] = 0.0
        self.start()
        return resumed

    def busy(self, local_id: str) -> bool:
        return (local_id in self._tasks or local_id in self._ended or local_id in self._due
                or self._loaded.pending(local_id))

    # -- user actions -------------------------------------------------------------------------------------------
    def submit(self, request: MapRequest, profile: BackendProfile) -> str:
        """Check (instant, no network: folder, disk, area), store the job, then create + start it in a task."""
        from ..adapters import preflight

        preflight.check_map(request, self.runner.output_root)
        stored = self._same_request(request, profile)
        if stored is not None:
            return stored
        record = self.runner.new_map_job(request, profile)
        self._titles[record.local_id] = record.title
        self.jobChanged.emit(record.local_id)
        self._run(record.local_id, "Submitting", lambda task: self.runner.submit(record.local_id),
                  self._after_submit)
        self.start()
        return record.local_id

    def _same_request(self, request: MapRequest, profile: BackendProfile) -> str | None:
        """Run clicked again for a request already paid for: follow (or reload) that job, never pay twice."""
        fingerprint = owners.request_fingerprint(request.to_dict(), profile.url)
        found = owners.find_resumable(self.store, fingerprint, self.runner.output_root, below=True)
        if found is None or not found.remote_id or not owners.is_mine_to_drive(found, owners.DOCK):
            return None
        _adopt(self.store, found)
        if found.download_state == DownloadState.DONE:
            self.notify.emit("WorldCereal", tr("{0} was already made (job {1}); its result is loaded again instead "
                                               "of paying for it twice.").format(found.title, found.remote_id), INFO)
            self.reload(found.local_id)
        else:
            self.notify.emit("WorldCereal", tr("{0} is already running as job {1}; following it instead of paying "
                                               "for it twice.").format(found.title, found.remote_id), INFO)
            if found.needs_download and not self.busy(found.local_id):
                self._download(found.local_id)
        self.start()
        return found.local_id

    def cancel(self, local_id: str) -> None:
        """Cancel the remote job (stops credit use) and any local step in flight."""
        self._forget(local_id)
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
        self._forget(local_id)
        self.store.remove(local_id)
        self.jobChanged.emit(local_id)

    def fetch_log(self, local_id: str, on_done: Callable[[list[dict], WorldCerealError | None], None]) -> None:
        record = self.store.get(local_id)
        client = self.runner.client_for_record  # the URL that created the job, not the dock's
        key = f"log:{local_id}"

        def done(result, error) -> None:
            self._tasks.pop(key, None)  # a finished task is deleted by QGIS: never touch it again
            on_done(result or [], error)

        task = CoreTask(f"WorldCereal: reading the log of {record.remote_id}",
                        lambda t: client(record).logs(record.remote_id), done)
        self._start_task(key, task)

    # -- internals ----------------------------------------------------------------------------------------------
    @staticmethod
    def mine(records: list[JobRecord]) -> list[JobRecord]:
        """Map jobs this dock drives: extraction runs have their own controller, and a job a live Processing
        run drives stays its own (never downloaded or loaded twice)."""
        return [r for r in records
                if r.product in udp.PRODUCTS and not r.run_id and owners.is_mine_to_drive(r, owners.DOCK)]

    def _forget(self, local_id: str) -> None:
        """Stop this job's local step: its task is cancelled, a result not yet handled is dropped."""
        self._ended.pop(local_id, None)
        self._due.pop(local_id, None)
        self._loaded.drop(local_id)
        task = self._tasks.pop(local_id, None)
        if task is not None:
            task.cancel()

    def _tick(self) -> None:
        now = time.monotonic()
        for local_id, due in list(self._next_start.items()):
            if due <= now and not self.busy(local_id):
                del self._next_start[local_id]
                self._run(local_id, "Starting", lambda t, i=local_id: self.runner.submit(i), self._after_submit)
        for record in self.mine(self.store.list(statuses=ACTIVE_STATUSES)):
            if not record.remote_id or self.busy(record.local_id) or record.local_id in self._next_start:
                continue
            if record.status == JobStatus.CREATED:
                continue
            self._titles[record.local_id] = record.title
            if self._next_poll.setdefault(record.local_id, now) <= now:
                self._run(record.local_id, "Checking", lambda t, i=record.local_id: self.runner.poll(i),
                          self._after_poll)

    def _next_turn(self) -> None:
        """One ended task handled, or a few tasks started, per event-loop turn: never many at once."""
        if self._ended:
            local_id, (result, error, after) = self._ended.popitem(last=False)
            self._handle(local_id, result, error, after)
        else:
            for _ in range(min(STARTS_PER_TURN, len(self._due))):
                local_id, (verb, work, after) = self._due.popitem(last=False)
                self._start_now(local_id, verb, work, after)
        if not self._ended and not self._due:
            self._turn.stop()

    def _schedule_poll(self, record: JobRecord) -> None:
        policy = PollPolicy.for_profile(self.profile_for(record.backend))
        interval = policy.next_interval(self._interval.get(record.local_id))
        self._interval[record.local_id] = interval
        self._next_poll[record.local_id] = time.monotonic() + interval

    def _run(self, local_id: str, verb: str, work, after) -> None:
        """Start a task for this job on a coming turn (the next one unless many are due together)."""
        self._due[local_id] = (verb, work, after)
        self._turn.start()

    def _start_now(self, local_id: str, verb: str, work, after) -> None:
        task = CoreTask(f"WorldCereal: {verb.lower()} {self._title(local_id)}", work,
                        lambda result, error: self._finished(local_id, result, error, after))
        self._start_task(local_id, task)

    def _start_task(self, key: str, task: CoreTask) -> None:
        self._tasks[key] = task
        start_task(task)

    def _finished(self, local_id: str, result, error, after) -> None:
        """A task ended (many may end in one turn): its result is handled on a turn of its own."""
        self._tasks.pop(local_id, None)
        self._ended[local_id] = (result, error, after)
        self._turn.start()

    def _handle(self, local_id: str, result, error, after) -> None:
        if isinstance(error, ConcurrentLimitError):
            self._wait_for_slot(local_id, error)
            self.jobChanged.emit(local_id)
            return
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

    def _wait_for_slot(self, local_id: str, error: ConcurrentLimitError) -> None:
        """The job is created but CDSE runs the user's maximum already: start it again later, with backoff."""
        record = self.store.get(local_id)
        profile = self.profile_for(record.backend)
        waits = self._slot_waits.get(local_id, 0)
        self._slot_waits[local_id] = waits + 1
        delay = min(profile.max_poll_interval_s * 2, profile.min_poll_interval_s * 2 ** waits)
        self._next_start[local_id] = time.monotonic() + delay
        message = slot_wait_message(profile, error.limit)
        if record.error_message != message:
            self.store.update(local_id, error_message=message)
            self.notify.emit("WorldCereal", message, INFO)

    def _after_submit(self, local_id: str, record, error) -> None:
        if error is None:
            self._interval.pop(local_id, None)
            self._slot_waits.pop(local_id, None)
            if record.error_message:
                record = self.store.update(local_id, error_message=None)
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
            self._loaded.put(local_id, *result)

    def _add_layers(self, record: JobRecord, built) -> None:
        """Main thread: only put the ready layers into the project (a few ms)."""
        from ..adapters.layers import add_result_layers, remove_job_layers

        remove_job_layers(self.project, record.remote_id)
        add_result_layers(built, self.project)
        self.notify.emit("WorldCereal", f"{record.title} is loaded as styled layers.", SUCCESS)
        self.jobLoaded.emit(record.local_id)

    def _title(self, local_id: str) -> str:
        if local_id in self._titles:
            return self._titles[local_id]
        try:
            return self._titles.setdefault(local_id, self.store.get(local_id).title)
        except (KeyError, WorldCerealError):
            return local_id
