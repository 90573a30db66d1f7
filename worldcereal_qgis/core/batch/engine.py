"""The batch state machine shared by tiled map runs and extraction runs.

A run is a list of named items (a tile, an extraction job key); each item gets one job record per attempt in a
``JobStore`` (``run_id`` + ``tile_name`` = the item). Everything a restart needs is in the store, so a new
``BatchRun`` on the same store continues: finished items are never resubmitted, running jobs are polled,
finished jobs whose download failed are downloaded again from the stored job, failed items are retried with
backoff until ``max_attempts``.

Split in two so both front ends share it: ``due_actions()`` (instant, main thread) decides what to do now, at
most ``parallel`` jobs on the backend; ``execute()`` (network, worker or Processing thread) does one step.

CDSE caps running batch jobs per user (2) and refuses a further start with ``ConcurrentJobLimit``: the job
stays created and its start is tried again with backoff, shown as a wait, never as a failure.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime

from ..backends import BackendProfile
from ..errors import AuthError, BackendError, ConcurrentLimitError, DownloadError
from ..job_runner import JobRunner, PollPolicy, is_transient, slot_wait_message, utc_now
from ..jobstore import DownloadState, JobRecord, JobStatus

DEFAULT_PARALLEL = 2            # CDSE's limit of parallel batch jobs per user
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_RETRY_BACKOFF_S = 60.0  # first retry after 1 min, then 2, 4 ... (a failing backend gets air)
MAX_DOWNLOAD_FAILURES = 3
SLOT_WAIT_KEY = "slot_wait"     # record.extra: the sentence shown while a created job waits for a free slot
PLANNED_KEY = "planned"         # record.extra: written ahead for a run's item, not yet an attempt


class ItemStatus:
    """What the user sees per item (the tile layer colours by it)."""

    PLANNED = "planned"
    SUBMITTING = "submitting"
    QUEUED = "queued"
    RUNNING = "running"
    DOWNLOADING = "downloading"
    FINISHED = "finished"
    RETRYING = "retrying"
    FAILED = "failed"
    CANCELED = "canceled"

    ALL = (PLANNED, SUBMITTING, QUEUED, RUNNING, DOWNLOADING, FINISHED, RETRYING, FAILED, CANCELED)
    ON_BACKEND = (SUBMITTING, QUEUED, RUNNING)
    TERMINAL = (FINISHED, FAILED, CANCELED)


@dataclass
class ItemState:
    """One item: latest attempt's job, credits of all attempts, last message."""

    name: str
    status: str
    attempts: int = 0
    local_id: str | None = None
    job_id: str | None = None
    credits: float = 0.0
    progress: float = 0.0
    message: str = ""
    outputs: list[str] = field(default_factory=list)
    retry_at: float | None = None
    slot_waits: int = 0          # starts refused so far by the concurrency cap (this process)


@dataclass(frozen=True)
class Action:
    kind: str            # "submit" | "poll" | "download"
    item: str
    local_id: str

    @property
    def tile(self) -> str:
        """Tiled runs call their items tiles."""
        return self.item


@dataclass(frozen=True)
class Limits:
    parallel: int = DEFAULT_PARALLEL
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    retry_backoff_s: float = DEFAULT_RETRY_BACKOFF_S


class BatchRun:
    """Items -> jobs in one store; subclasses say how an item becomes a job (``new_job``)."""

    def __init__(self, runner: JobRunner, profile: BackendProfile, run_id: str, items: list[str],
                 limits: Limits = Limits()) -> None:
        self.runner = runner
        self.store = runner.store
        self.profile = profile
        self.run_id = run_id
        self.items = list(items)
        self.limits = limits
        self.cancelled = False
        self._next_poll: dict[str, float] = {}
        self._interval: dict[str, float] = {}
        self._next_download: dict[str, float] = {}
        self._next_start: dict[str, float] = {}
        self._slot_waits: dict[str, int] = {}
        self._lock = threading.Lock()

    # -- hooks --------------------------------------------------------------------------------------------------
    def new_job(self, item: str) -> JobRecord:
        """Store a draft job for ``item`` (write-ahead: nothing is sent yet)."""
        raise NotImplementedError

    def submit_job(self, local_id: str) -> JobRecord:
        return self.runner.submit(local_id)

    def item_log(self, item: str, message: str) -> None:
        """Per-item history (tiled runs keep a tile.log); default: nowhere."""

    def mark_cancelled(self) -> None:
        """Persist the cancel flag (tiled runs write it into their manifest)."""
        self.cancelled = True

    # -- state --------------------------------------------------------------------------------------------------
    def records(self) -> dict[str, list[JobRecord]]:
        by_item: dict[str, list[JobRecord]] = {}
        for record in self.store.list(run_id=self.run_id):  # newest first
            by_item.setdefault(record.tile_name or "", []).append(record)
        return by_item

    def item_states(self) -> dict[str, ItemState]:
        by_item = self.records()
        return {name: self._state(name, by_item.get(name, [])) for name in self.items}

    def _state(self, name: str, records: list[JobRecord]) -> ItemState:
        records = [r for r in records if not is_planned(r)]
        if not records:
            return ItemState(name, ItemStatus.CANCELED if self.cancelled else ItemStatus.PLANNED)
        latest = records[0]
        state = ItemState(name, record_status(latest), len(records), latest.local_id, latest.remote_id,
                          sum(r.credits or 0.0 for r in records), latest.progress or 0.0,
                          latest.extra.get(SLOT_WAIT_KEY) or latest.error_message or "", list(latest.outputs))
        if state.status == ItemStatus.RETRYING:
            if self.cancelled:
                state.status = ItemStatus.CANCELED
            elif len(records) >= self.limits.max_attempts:
                state.status = ItemStatus.FAILED
            else:
                backoff = self.limits.retry_backoff_s * 2 ** (len(records) - 1)
                state.retry_at = _epoch(latest.finished_at or latest.updated_at) + backoff
        if state.status == ItemStatus.DOWNLOADING and latest.extra.get("download_failures", 0) >= MAX_DOWNLOAD_FAILURES:
            state.status = ItemStatus.FAILED
        return state

    def is_done(self, states: dict[str, ItemState] | None = None) -> bool:
        states = states or self.item_states()
        return all(s.status in ItemStatus.TERMINAL for s in states.values())

    def progress(self, states: dict[str, ItemState] | None = None) -> float:
        """0..100: terminal items count whole, running ones by their job progress."""
        states = states or self.item_states()
        done = sum(1.0 if s.status in ItemStatus.TERMINAL else 0.9 * s.progress / 100.0 for s in states.values())
        return 100.0 * done / max(len(states), 1)

    def actual_credits(self) -> float:
        """Credits the backend reported for every attempt so far (failed attempts cost too)."""
        return sum(r.credits or 0.0 for r in self.store.list(run_id=self.run_id))

    # -- deciding (instant, main thread) ------------------------------------------------------------------------
    def due_actions(self, now: float | None = None, busy: frozenset[str] | set[str] = frozenset()) -> list[Action]:
        """Steps due now, for items not ``busy``; new jobs only while fewer than ``parallel`` are on the backend."""
        if self.cancelled:
            return []
        now = time.time() if now is None else now
        states = self.item_states()
        on_backend = sum(1 for s in states.values() if s.status in ItemStatus.ON_BACKEND)
        actions = []
        for name in self.items:
            if name in busy:
                continue
            state = states[name]
            action = self._action_for(name, state, now)
            if action is None and _wants_new_job(state, now) and on_backend < self.limits.parallel:
                record = self.new_job(name)
                self.item_log(name, "New job (attempt stored, not yet submitted).")
                action = Action("submit", name, record.local_id)
                on_backend += 1
            if action is not None:
                actions.append(action)
        return actions

    def _action_for(self, name: str, state: ItemState, now: float) -> Action | None:
        if state.local_id is None:
            return None
        if state.status == ItemStatus.SUBMITTING and self._next_start.get(state.local_id, 0) <= now:
            return Action("submit", name, state.local_id)
        if state.status in (ItemStatus.QUEUED, ItemStatus.RUNNING) and self._next_poll.get(state.local_id, 0) <= now:
            return Action("poll", name, state.local_id)
        if state.status == ItemStatus.DOWNLOADING and self._next_download.get(state.local_id, 0) <= now:
            return Action("download", name, state.local_id)
        return None

    def next_due(self) -> float:
        """Epoch seconds of the next scheduled step (``now`` if nothing is scheduled)."""
        times = [*self._next_poll.values(), *self._next_download.values(), *self._next_start.values()]
        times += [s.retry_at for s in self.item_states().values() if s.retry_at is not None]
        return min(times) if times else time.time()

    # -- doing (network: worker thread or Processing thread) ----------------------------------------------------
    def execute(self, action: Action) -> ItemState:
        """One step for one item; backend trouble becomes item state (retries), only logins stop the run."""
        step = {"submit": self._submit, "poll": self._poll, "download": self._download}[action.kind]
        step(action)
        state = self.item_states()[action.item]
        state.slot_waits = self._slot_waits.get(action.local_id, 0)
        return state

    def _submit(self, action: Action) -> None:
        try:
            record = self.submit_job(action.local_id)
        except ConcurrentLimitError as err:
            self._wait_for_slot(action, err)
            return
        except AuthError:
            raise
        except BackendError as err:
            self.store.update(action.local_id, status=JobStatus.ERROR, error_message=str(err),
                              error_code=err.code, finished_at=utc_now())
            self.item_log(action.item, f"Submitting failed: {err}")
            return
        if SLOT_WAIT_KEY in record.extra:
            extra = {k: v for k, v in record.extra.items() if k != SLOT_WAIT_KEY}
            record = self.store.update(record.local_id, extra=extra)
        self._next_start.pop(record.local_id, None)
        self._schedule_poll(record.local_id)
        self.item_log(action.item, f"Job {record.remote_id} submitted and started.")

    def _wait_for_slot(self, action: Action, err: ConcurrentLimitError) -> None:
        with self._lock:
            waits = self._slot_waits.get(action.local_id, 0)
            self._slot_waits[action.local_id] = waits + 1
        delay = min(self.profile.max_poll_interval_s * 2, self.profile.min_poll_interval_s * 2 ** waits)
        self._next_start[action.local_id] = time.time() + delay
        record = self.store.get(action.local_id)
        message = slot_wait_message(self.profile, err.limit)
        if record.extra.get(SLOT_WAIT_KEY) != message:
            self.store.update(action.local_id, extra={**record.extra, SLOT_WAIT_KEY: message})
            self.item_log(action.item, message)

    def _poll(self, action: Action) -> None:
        try:
            record = self.runner.poll(action.local_id)
        except AuthError:
            raise
        except BackendError as err:
            if not is_transient(err):
                self.store.update(action.local_id, status=JobStatus.ERROR, error_message=str(err),
                                  error_code=err.code, finished_at=utc_now())
                self.item_log(action.item, f"The job can no longer be checked: {err}")
                return
            self._schedule_poll(action.local_id)
            self.item_log(action.item, f"Status check failed, trying again later: {err}")
            return
        if record.status in (JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.CREATED):
            self._schedule_poll(record.local_id)
            return
        self._next_poll.pop(record.local_id, None)
        if record.status == JobStatus.ERROR:
            self.item_log(action.item, f"Job {record.remote_id} failed: {record.error_message}")
        else:
            self.item_log(action.item, f"Job {record.remote_id} is {record.status}.")

    def _download(self, action: Action) -> None:
        try:
            record = self.runner.download(action.local_id)
        except AuthError:
            raise
        except (DownloadError, BackendError) as err:
            record = self.store.get(action.local_id)
            failures = int(record.extra.get("download_failures", 0)) + 1
            self.store.update(action.local_id, extra={**record.extra, "download_failures": failures})
            self._next_download[action.local_id] = time.time() + 10.0 * failures
            self.item_log(action.item, f"Download failed ({failures} of {MAX_DOWNLOAD_FAILURES}): {err}")
            return
        self._next_download.pop(action.local_id, None)
        self.item_log(action.item, "Results downloaded: {}.".format(", ".join(_names(record.outputs))))

    def _schedule_poll(self, local_id: str) -> None:
        interval = PollPolicy.for_profile(self.profile).next_interval(self._interval.get(local_id))
        self._interval[local_id] = interval
        self._next_poll[local_id] = time.time() + interval

    # -- cancel -------------------------------------------------------------------------------------------------
    def cancel(self) -> list[str]:
        """Stop every remote job of the run (their credits stop); returns one sentence per job that refused."""
        self.mark_cancelled()
        problems = []
        for record in self.store.list(run_id=self.run_id):
            if record.status in (JobStatus.FINISHED, JobStatus.ERROR, JobStatus.CANCELED):
                continue
            try:
                if record.remote_id:
                    self.runner.cancel_remote(record.local_id)
                else:
                    self.store.update(record.local_id, status=JobStatus.CANCELED, finished_at=utc_now())
                self.item_log(record.tile_name or "", "Cancelled with the run.")
            except BackendError as err:
                problems.append(str(err))
        return problems


def is_planned(record: JobRecord) -> bool:
    """A record written ahead (the item's job definition) that no attempt has claimed yet."""
    return bool(record.extra.get(PLANNED_KEY)) and record.status == JobStatus.DRAFT


def record_status(record: JobRecord) -> str:
    """A job record as an item status (a created job waiting for a slot is still submitting)."""
    if record.status in (JobStatus.DRAFT, JobStatus.CREATED) or (record.status == JobStatus.QUEUED
                                                                  and not record.remote_id):
        return ItemStatus.SUBMITTING
    if record.status == JobStatus.FINISHED:
        return ItemStatus.FINISHED if record.download_state == DownloadState.DONE else ItemStatus.DOWNLOADING
    return {JobStatus.QUEUED: ItemStatus.QUEUED, JobStatus.RUNNING: ItemStatus.RUNNING,
            JobStatus.ERROR: ItemStatus.RETRYING, JobStatus.CANCELED: ItemStatus.CANCELED}.get(record.status,
                                                                                              ItemStatus.QUEUED)


def _wants_new_job(state: ItemState, now: float) -> bool:
    if state.status == ItemStatus.PLANNED:
        return True
    return state.status == ItemStatus.RETRYING and state.retry_at is not None and state.retry_at <= now


def _epoch(iso: str | None) -> float:
    return datetime.fromisoformat(iso).timestamp() if iso else time.time()


def _names(paths: list[str]) -> list[str]:
    from pathlib import Path

    return [Path(p).name for p in paths]
