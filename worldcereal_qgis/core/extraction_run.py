"""Point-extraction runs on the batch engine: the same job database, parallel limit, retries with backoff,
resume and cancel as tiled map runs (``core/batch``).

A run is one data set (ref_id) in one output folder: ``run_id_for`` names it, so running the same plan into the
same folder again resumes it. ``prepare`` writes every job of the plan ahead as a *planned* record (write-ahead:
the samples and the job's extent are stored before anything is sent); the engine turns planned records into
submitted jobs, at most ``parallel`` at a time. The dock resumes unfinished runs at start-up from the store
alone (``unfinished_runs``).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .backends import BackendProfile
from .batch import drive as batch_drive
from .batch.engine import DEFAULT_RETRY_BACKOFF_S, PLANNED_KEY, BatchRun, ItemStatus, Limits, is_planned
from .errors import CancelledError
from .extraction import (
    AUTOMATIC_ORBIT,
    JOB_OPTIONS,
    OUT_FORMAT,
    ExtractionPlan,
    cube_builder,
    feature_collection,
    job_from_dict,
    job_samples,
    job_to_dict,
)
from .job_runner import JobRunner
from .jobstore import JobRecord, JobStatus

PRODUCT = "point_extraction"
PARALLEL_JOBS = 2       # CDSE's default limit of parallel batch jobs per user
MAX_ATTEMPTS = 3        # a failed job is submitted this many times in all

Log = Callable[[str], None]


def run_id_for(ref_id: str, root: Any) -> str:
    """One run per data set and output folder: re-running the same folder resumes it (the app's job_tracking)."""
    return f"extract:{ref_id}:{hashlib.sha1(str(root).encode()).hexdigest()[:10]}"


@dataclass
class RunState:
    """Counts for progress bars and the final message."""

    total: int
    done: int = 0
    failed: int = 0
    active: int = 0
    credits: float = 0.0
    outputs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    waiting: str = ""   # the slot-wait sentence while CDSE's concurrency cap holds a job back

    @property
    def finished(self) -> bool:
        return self.done + self.failed >= self.total

    @property
    def percent(self) -> float:
        return 100.0 * (self.done + self.failed) / self.total if self.total else 100.0


class ExtractionRun(BatchRun):
    """The engine with extraction job keys as items; every attempt is one record of the run."""

    def __init__(self, runner: JobRunner, profile: BackendProfile, run_id: str, limits: Limits,
                 orbit_chooser=None) -> None:
        keys = sorted({r.tile_name or "" for r in runner.store.list(run_id=run_id)})
        super().__init__(runner, profile, run_id, keys, limits)
        self.orbit_chooser = orbit_chooser
        self.log: Log = lambda _m: None   # the front end's log while it drives the run (orbit choices)

    def new_job(self, item: str) -> JobRecord:
        """The planned record, or (a retry) a new attempt with the same job and folder."""
        latest = self.records()[item][0]
        if is_planned(latest):
            return self.store.update(latest.local_id, extra={**latest.extra, PLANNED_KEY: False})
        return self.store.add(dataclasses.replace(
            latest, local_id="", remote_id=None, status=JobStatus.DRAFT, progress=None, download_state="none",
            outputs=[], credits=None, error_code=None, error_message=None, created_at=None, started_at=None,
            finished_at=None, extra={"attempt_of": latest.local_id}))

    def submit_job(self, local_id: str) -> JobRecord:
        """Create the job from the client-built graph, then start it (idempotent like JobRunner.submit)."""
        record = self._with_orbit(self.store.get(local_id))
        client = self.runner.client_for_record(record)
        if not record.remote_id:
            job = job_from_dict(record.request["job"])
            builder = cube_builder(job, record.request["features"], orbit_state=record.request["orbit_state"])
            remote_id = client.create_job_from_cube(builder, title=job.title, description=job.description(),
                                                    out_format=OUT_FORMAT, job_options=dict(JOB_OPTIONS))
            record = self.store.update(local_id, remote_id=remote_id, status=JobStatus.CREATED)
        return self.runner.start_created(record, client)

    def _with_orbit(self, record: JobRecord) -> JobRecord:
        """An automatic orbit is chosen once per job, from its points and period, and kept in its request."""
        if record.request.get("orbit_state") != AUTOMATIC_ORBIT:
            return record
        from .orbit import FALLBACK_ORBIT

        job = job_from_dict(record.request["job"])
        coords = [f["geometry"]["coordinates"] for f in record.request["features"]["features"]]
        bbox = (min(c[0] for c in coords), min(c[1] for c in coords), max(c[0] for c in coords),
                max(c[1] for c in coords))
        if self.orbit_chooser is None:
            orbit, reason = FALLBACK_ORBIT, f"No orbit catalogue is configured, so {FALLBACK_ORBIT} is used."
        else:
            choice = self.orbit_chooser(bbox, (job.start, job.end))
            orbit, reason = choice.orbit_state, choice.reason
        self.log(f"{record.title} ({job.key}): Sentinel-1 orbit {orbit}. {reason}")
        return self.store.update(record.local_id, request={**record.request, "orbit_state": orbit},
                                 extra={**record.extra, "orbit_reason": reason})

    def state(self) -> RunState:
        states = self.item_states()
        by_item = self.records()
        out = RunState(total=len(states), credits=self.actual_credits())
        for name, s in states.items():
            if s.status == ItemStatus.FINISHED:
                out.done += 1
                out.outputs.extend(s.outputs)
            elif s.status in (ItemStatus.FAILED, ItemStatus.CANCELED):
                out.failed += 1
                out.errors.append(s.message or f"{by_item[name][0].title} ended as {s.status}")
            elif s.status in ItemStatus.ON_BACKEND:
                out.active += 1
                out.waiting = out.waiting or (s.message if s.status == ItemStatus.SUBMITTING else "")
        return out


class ExtractionRunner:
    """Extraction runs of one output folder; ``step()`` never waits (the dock), ``run()`` loops (Processing)."""

    def __init__(self, runner: JobRunner, profile: BackendProfile, root, *, parallel: int = PARALLEL_JOBS,
                 max_attempts: int = MAX_ATTEMPTS, orbit_state: str = "DESCENDING",
                 retry_backoff_s: float = DEFAULT_RETRY_BACKOFF_S, orbit_chooser=None) -> None:
        """``orbit_state`` AUTOMATIC_ORBIT: ``orbit_chooser(bbox, (start, end))`` -> OrbitChoice per job (the
        library picks the orbit per extraction job; the map jobs use the same chooser)."""
        self.orbit_chooser = orbit_chooser
        self.runner = runner
        self.profile = profile
        self.root = Path(root)
        self.limits = Limits(parallel, max_attempts, retry_backoff_s)
        self.orbit_state = orbit_state
        self._runs: dict[str, ExtractionRun] = {}

    @property
    def store(self):
        return self.runner.store

    def prepare(self, plan: ExtractionPlan) -> str:
        """Store one planned record per job not stored yet for this run (write-ahead); returns the run id."""
        run_id = run_id_for(plan.jobs[0].ref_id, self.root)
        known = {r.tile_name for r in self.store.list(run_id=run_id)}
        for job in plan.jobs:
            if job.key in known:
                continue
            features = feature_collection(job_samples(plan, job), job)
            self.store.add(JobRecord(
                local_id="", backend=self.profile.name, backend_url=self.profile.url, product=PRODUCT,
                title=job.title, request={"job": job_to_dict(job), "features": features,
                                          "orbit_state": self.orbit_state},
                run_id=run_id, tile_name=job.key, output_dir=str(self.root / "jobs" / job.key),
                extra={PLANNED_KEY: True},
            ))
        self._runs.pop(run_id, None)
        return run_id

    def batch(self, run_id: str) -> ExtractionRun:
        """The engine over this run (kept, so its schedule survives between steps)."""
        run = self._runs.get(run_id)
        if run is None:
            run = self._runs[run_id] = ExtractionRun(self.runner, self.profile, run_id, self.limits,
                                                     self.orbit_chooser)
        return run

    def step(self, run_id: str, log: Log = lambda _m: None) -> RunState:
        """Every step due now, done in this thread (never waits for the backend)."""
        run = self.batch(run_id)
        run.log = log
        for action in run.due_actions():
            batch_drive.report(log, action, run.execute(action))
        return run.state()

    def state(self, run_id: str) -> RunState:
        return self.batch(run_id).state()

    def cancel(self, run_id: str) -> list[str]:
        """Stop every remote job of the run (no more credits spent)."""
        return self.batch(run_id).cancel()

    def run(self, plan: ExtractionPlan, *, progress=lambda _p: None, is_cancelled=lambda: False,
            log: Log = lambda _m: None, sleep=None) -> RunState:
        """Submit, wait, download every job (Processing thread); merging is a separate step."""
        run = self.batch(self.prepare(plan))
        run.log = log
        kwargs = {"sleep": sleep} if sleep is not None else {}
        try:
            batch_drive.drive(run, progress=lambda p: progress(0.9 * p), is_cancelled=is_cancelled, log=log,
                              what="extraction", **kwargs)
        except CancelledError as err:
            raise CancelledError("The extraction was cancelled; its remote jobs were stopped.") from err
        return run.state()

    def merge(self, run_id: str, log: Log = lambda _m: None) -> dict:
        """Post-process every downloaded job file and merge them: {ref_id: (partition file, samples written)}."""
        from .extraction_post import merge_results, post_process

        by_ref: dict[str, list] = {}
        for record in self.store.list(run_id=run_id):
            if record.download_state != "done":
                continue
            results = by_ref.setdefault(record.request["job"]["ref_id"], [])
            for path in record.outputs:
                if path.endswith((".parquet", ".geoparquet")):
                    result = post_process(path, record.request["features"],
                                          orbit_state=record.request.get("orbit_state"))
                    if result.dropped:
                        log(f"{len(result.dropped)} samples of {record.title} have no Sentinel-1 or Sentinel-2 "
                            "data and were dropped.")
                    results.append(result)
        return {ref_id: merge_results(results, self.root, ref_id) for ref_id, results in sorted(by_ref.items())}


def unfinished_runs(store) -> dict[str, Path]:
    """Extraction runs in ``store`` with work left, by run id -> output folder (for resuming at start-up)."""
    from types import SimpleNamespace

    roots: dict[str, Path] = {}
    for record in store.list():
        if record.product == PRODUCT and record.run_id and record.run_id not in roots:
            roots[record.run_id] = Path(record.output_dir).parent.parent
    reader = SimpleNamespace(store=store)  # the engine's state needs the store only
    return {run_id: root for run_id, root in roots.items()
            if not ExtractionRun(reader, None, run_id, Limits(max_attempts=MAX_ATTEMPTS)).is_done()}


__all__ = ["PRODUCT", "ExtractionRun", "ExtractionRunner", "RunState", "job_from_dict", "job_to_dict", "run_id_for",
           "unfinished_runs"]
