"""Tiled runs: one request over many tiles, as a set of batch jobs with a persistent job database per run.

Design (the openeo client's MultiBackendJobManager, made resumable and observable): the run folder holds
``run.json`` (the request, backend, plan and limits, written once), ``jobs.sqlite`` (a JobStore: one row per
attempt, with ``run_id`` and ``tile_name``), ``job_tracking.csv`` (the job manager's columns, for people and
spreadsheets), ``<tile>/`` (results, ``job_<id>.json``, ``tile.log``) and ``mosaic/``. Everything a restart
needs is on disk, so opening the folder again continues the run: finished tiles are never resubmitted,
running jobs are polled, failed tiles are retried with backoff until ``max_attempts``.

The state machine is split in two so both front ends share it: ``due_actions()`` (instant, main thread)
decides what to do now, at most ``parallel`` jobs on the backend; ``execute()`` (network, worker thread or
Processing thread) does one step. The dock drives it with short tasks and a timer; ``run_tiled()`` drives it
in one blocking loop for Processing.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from . import credits as credit_rates
from .aoi import Aoi
from .backends import BackendProfile, profile_by_name
from .errors import AuthError, BackendError, CancelledError, DownloadError, InputError, JobFailedError
from .job_runner import JobRunner, PollPolicy, is_transient, utc_now, write_json_atomic
from .jobstore import DownloadState, JobRecord, JobStatus, JobStore
from .mosaic import MosaicResult, MosaicTile, build_mosaic
from .request import MapRequest
from .tiling import Tile

MANIFEST = "run.json"
STORE = "jobs.sqlite"
TRACKING_CSV = "job_tracking.csv"
DEFAULT_PARALLEL = 2            # CDSE's default limit of parallel batch jobs per user
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_RETRY_BACKOFF_S = 60.0  # first retry after 1 min, then 2, 4 ... (a failing backend gets air)
MAX_DOWNLOAD_FAILURES = 3
MIN_LOOP_S = 0.2                # the blocking loop never spins faster (e.g. tiles waiting for a free slot)
_MANIFEST_VERSION = 1

Log = Callable[[str], None]


class TileStatus:
    """What the tile layer colours by."""

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


@dataclass(frozen=True)
class TilePlan:
    """A planned tile as stored in the manifest (JSON-friendly form of ``tiling.Tile``)."""

    name: str
    mgrs_tile: str
    epsg: int
    area_km2: float
    wkt_4326: str
    wkt_utm: str

    @classmethod
    def from_tile(cls, tile: Tile) -> TilePlan:
        import shapely

        return cls(tile.name, tile.mgrs_tile, tile.epsg, tile.area_km2,
                   shapely.to_wkt(tile.geometry_4326, rounding_precision=-1),
                   shapely.to_wkt(tile.geometry_utm, rounding_precision=-1))

    def geometry_4326(self):
        import shapely

        return shapely.from_wkt(self.wkt_4326)

    def geometry_utm(self):
        import shapely

        return shapely.from_wkt(self.wkt_utm)

    def estimate(self, rates: credit_rates.CreditRates) -> tuple[float, float]:
        return credit_rates.estimate_map_credits(self.area_km2, rates)


@dataclass
class RunManifest:
    run_id: str
    request: dict
    backend: str
    backend_url: str
    tiles: list[TilePlan]
    parallel: int = DEFAULT_PARALLEL
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    retry_backoff_s: float = DEFAULT_RETRY_BACKOFF_S
    created_at: str = ""
    cancelled: bool = False

    def to_dict(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k != "tiles"}
        data["tiles"] = [t.__dict__ for t in self.tiles]
        data["format"] = _MANIFEST_VERSION
        return data

    @classmethod
    def from_dict(cls, data: dict) -> RunManifest:
        values = {k: v for k, v in data.items() if k not in ("tiles", "format")}
        return cls(tiles=[TilePlan(**t) for t in data["tiles"]], **values)


@dataclass
class TileState:
    """One tile as the user sees it: latest attempt's job, credits of all attempts, last message."""

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


@dataclass(frozen=True)
class Action:
    kind: str            # "submit" | "poll" | "download"
    tile: str
    local_id: str


@dataclass(frozen=True)
class RunSummary:
    run_dir: Path
    finished: tuple[str, ...]
    failed: tuple[str, ...]
    credits: float
    mosaic: MosaicResult | None


def _epoch(iso: str | None) -> float:
    return datetime.fromisoformat(iso).timestamp() if iso else time.time()


class TileRun:
    """A run folder: manifest + job database + the due/execute state machine (thread-safe per tile)."""

    def __init__(self, run_dir: Path, manifest: RunManifest, runner: JobRunner, profile: BackendProfile) -> None:
        self.run_dir = Path(run_dir)
        self.manifest = manifest
        self.runner = runner
        self.store = runner.store
        self.profile = profile
        self._next_poll: dict[str, float] = {}
        self._interval: dict[str, float] = {}
        self._next_download: dict[str, float] = {}
        self._log_lock = threading.Lock()
        self._mosaic_lock = threading.Lock()
        self._csv_lock = threading.Lock()

    # -- creating and opening -----------------------------------------------------------------------------------
    @classmethod
    def create(cls, run_dir: str | Path, request: MapRequest, profile: BackendProfile, tiles: Sequence[Tile], *,
               client_for: Callable[[BackendProfile], object], parallel: int = DEFAULT_PARALLEL,
               max_attempts: int = DEFAULT_MAX_ATTEMPTS,
               retry_backoff_s: float = DEFAULT_RETRY_BACKOFF_S) -> TileRun:
        """A new run folder; an existing run in the folder is opened instead when it is the same request."""
        run_dir = Path(run_dir)
        if (run_dir / MANIFEST).is_file():
            run = cls.open(run_dir, client_for=client_for, profile=profile)
            if run.manifest.request != json.loads(json.dumps(request.to_dict())):
                raise InputError(f"The folder {run_dir} holds another tiled run; choose an empty folder.",
                                 field="output_dir")
            return run
        if not tiles:
            raise InputError("The area of interest gave no tiles to run.", field="aoi")
        if parallel < 1 or max_attempts < 1:
            raise InputError("A tiled run needs at least one parallel job and one attempt per tile.", field="parallel")
        request.validate(max_area_km2=float("inf"))  # the run is large by design; each tile job is checked
        manifest = RunManifest(uuid.uuid4().hex, request.to_dict(), profile.name, profile.url,
                               [TilePlan.from_tile(t) for t in tiles], parallel, max_attempts, retry_backoff_s,
                               created_at=utc_now())
        write_json_atomic(run_dir / MANIFEST, manifest.to_dict())
        run = cls._with_store(run_dir, manifest, client_for, profile)
        run.write_tracking_csv()
        return run

    @classmethod
    def open(cls, run_dir: str | Path, *, client_for: Callable[[BackendProfile], object],
             profile: BackendProfile | None = None) -> TileRun:
        """Reopen a run folder (after a restart); ``profile`` overrides the stored backend (same name and URL)."""
        run_dir = Path(run_dir)
        try:
            manifest = RunManifest.from_dict(json.loads((run_dir / MANIFEST).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise InputError(f"The folder {run_dir} holds no readable tiled run ({err}).", field="run_dir") from err
        if profile is None:
            profile = profile_by_name(manifest.backend).with_url(manifest.backend_url)
        return cls._with_store(run_dir, manifest, client_for, profile)

    @classmethod
    def _with_store(cls, run_dir: Path, manifest: RunManifest, client_for, profile: BackendProfile) -> TileRun:
        store = JobStore(run_dir / STORE)
        runner = JobRunner(store, client_for=lambda name: client_for(profile), output_root=run_dir,
                           profiles=lambda name: profile)
        return cls(run_dir, manifest, runner, profile)

    # -- facts --------------------------------------------------------------------------------------------------
    @property
    def run_id(self) -> str:
        return self.manifest.run_id

    @property
    def tiles(self) -> list[TilePlan]:
        return self.manifest.tiles

    @property
    def name(self) -> str:
        return str(self.manifest.request.get("aoi", {}).get("name") or "run")

    @property
    def product(self) -> str:
        return str(self.manifest.request.get("product", ""))

    def tile_request(self, tile: TilePlan) -> MapRequest:
        """The run's request over one tile (the job bbox is the tile's lon/lat envelope)."""
        request = MapRequest.from_dict(self.manifest.request)
        request.aoi = Aoi(tile.geometry_4326(), tile.name)
        return request

    def estimate_credits(self, rates: credit_rates.CreditRates) -> tuple[float, float]:
        """(low, high) credits at the user's rates: the sum over tiles (each job has its start-up cost)."""
        return credit_rates.estimate_tiles_credits((tile.area_km2 for tile in self.tiles), rates)

    def actual_credits(self) -> float:
        """Credits the backend reported for every attempt so far (failed attempts cost too)."""
        return sum(r.credits or 0.0 for r in self.store.list(run_id=self.run_id))

    # -- state --------------------------------------------------------------------------------------------------
    def _records(self) -> dict[str, list[JobRecord]]:
        by_tile: dict[str, list[JobRecord]] = {}
        for record in self.store.list(run_id=self.run_id):  # newest first
            by_tile.setdefault(record.tile_name or "", []).append(record)
        return by_tile

    def tile_states(self) -> dict[str, TileState]:
        by_tile = self._records()
        return {t.name: self._state(t.name, by_tile.get(t.name, [])) for t in self.tiles}

    def _state(self, name: str, records: list[JobRecord]) -> TileState:
        if not records:
            return TileState(name, TileStatus.CANCELED if self.manifest.cancelled else TileStatus.PLANNED)
        latest = records[0]
        state = TileState(name, _status(latest), len(records), latest.local_id, latest.remote_id,
                          sum(r.credits or 0.0 for r in records), latest.progress or 0.0,
                          latest.error_message or "", list(latest.outputs))
        if state.status == TileStatus.RETRYING:
            if self.manifest.cancelled:
                state.status = TileStatus.CANCELED
            elif len(records) >= self.manifest.max_attempts:
                state.status = TileStatus.FAILED
            else:
                backoff = self.manifest.retry_backoff_s * 2 ** (len(records) - 1)
                state.retry_at = _epoch(latest.finished_at or latest.updated_at) + backoff
        if state.status == TileStatus.DOWNLOADING and latest.extra.get("download_failures", 0) >= MAX_DOWNLOAD_FAILURES:
            state.status = TileStatus.FAILED
        return state

    def is_done(self, states: dict[str, TileState] | None = None) -> bool:
        states = states or self.tile_states()
        return all(s.status in TileStatus.TERMINAL for s in states.values())

    def progress(self, states: dict[str, TileState] | None = None) -> float:
        """0..100: terminal tiles count whole, running ones by their job progress."""
        states = states or self.tile_states()
        done = sum(1.0 if s.status in TileStatus.TERMINAL else 0.9 * s.progress / 100.0 for s in states.values())
        return 100.0 * done / max(len(states), 1)

    # -- deciding (instant, main thread) ------------------------------------------------------------------------
    def due_actions(self, now: float | None = None, busy: frozenset[str] | set[str] = frozenset()) -> list[Action]:
        """Steps due now, for tiles not ``busy``; new jobs only while fewer than ``parallel`` are on the backend."""
        if self.manifest.cancelled:
            return []
        now = time.time() if now is None else now
        states = self.tile_states()
        on_backend = sum(1 for s in states.values() if s.status in TileStatus.ON_BACKEND)
        actions = []
        for tile in self.tiles:
            state = states[tile.name]
            if tile.name in busy:
                continue
            action = self._action_for(tile, state, now)
            if action is None and _wants_new_job(state, now) and on_backend < self.manifest.parallel:
                action = Action("submit", tile.name, self._new_job(tile).local_id)
                on_backend += 1
            if action is not None:
                actions.append(action)
        return actions

    def _action_for(self, tile: TilePlan, state: TileState, now: float) -> Action | None:
        if state.local_id is None:
            return None
        if state.status == TileStatus.SUBMITTING:
            return Action("submit", tile.name, state.local_id)
        if state.status in (TileStatus.QUEUED, TileStatus.RUNNING) and self._next_poll.get(state.local_id, 0) <= now:
            return Action("poll", tile.name, state.local_id)
        if state.status == TileStatus.DOWNLOADING and self._next_download.get(state.local_id, 0) <= now:
            return Action("download", tile.name, state.local_id)
        return None

    def _new_job(self, tile: TilePlan) -> JobRecord:
        record = self.runner.new_map_job(self.tile_request(tile), self.profile, output_dir=self.run_dir / tile.name,
                                         run_id=self.run_id, tile_name=tile.name)
        self.tile_log(tile.name, "New job for this tile (attempt stored, not yet submitted).")
        return record

    def next_due(self) -> float:
        """Epoch seconds of the next scheduled poll, download or retry (``now`` if nothing is scheduled)."""
        times = [*self._next_poll.values(), *self._next_download.values()]
        times += [s.retry_at for s in self.tile_states().values() if s.retry_at is not None]
        return min(times) if times else time.time()

    # -- doing (network: worker thread or Processing thread) ----------------------------------------------------
    def execute(self, action: Action) -> TileState:
        """One step for one tile; backend trouble becomes tile state (retries), only logins stop the run."""
        step = {"submit": self._submit, "poll": self._poll, "download": self._download}[action.kind]
        step(action)
        state = self.tile_states()[action.tile]
        self.write_tracking_csv()
        return state

    def _submit(self, action: Action) -> None:
        try:
            record = self.runner.submit(action.local_id)
        except AuthError:
            raise
        except BackendError as err:
            self.store.update(action.local_id, status=JobStatus.ERROR, error_message=str(err),
                              error_code=err.code, finished_at=utc_now())
            self.tile_log(action.tile, f"Submitting failed: {err}")
            return
        self._schedule_poll(record.local_id)
        self.tile_log(action.tile, f"Job {record.remote_id} submitted and started.")

    def _poll(self, action: Action) -> None:
        try:
            record = self.runner.poll(action.local_id)
        except AuthError:
            raise
        except BackendError as err:
            if not is_transient(err):
                self.store.update(action.local_id, status=JobStatus.ERROR, error_message=str(err),
                                  error_code=err.code, finished_at=utc_now())
                self.tile_log(action.tile, f"The job can no longer be checked: {err}")
                return
            self._schedule_poll(action.local_id)
            self.tile_log(action.tile, f"Status check failed, trying again later: {err}")
            return
        if record.status in (JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.CREATED):
            self._schedule_poll(record.local_id)
            return
        self._next_poll.pop(record.local_id, None)
        if record.status == JobStatus.ERROR:
            self.tile_log(action.tile, f"Job {record.remote_id} failed: {record.error_message}")
        else:
            self.tile_log(action.tile, f"Job {record.remote_id} is {record.status}.")

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
            self.tile_log(action.tile, f"Download failed ({failures} of {MAX_DOWNLOAD_FAILURES}): {err}")
            return
        self._next_download.pop(action.local_id, None)
        self.tile_log(action.tile, f"Results downloaded: {', '.join(Path(p).name for p in record.outputs)}.")

    def _schedule_poll(self, local_id: str) -> None:
        interval = PollPolicy.for_profile(self.profile).next_interval(self._interval.get(local_id))
        self._interval[local_id] = interval
        self._next_poll[local_id] = time.time() + interval

    # -- cancel -------------------------------------------------------------------------------------------------
    def cancel(self) -> list[str]:
        """Stop every remote job of the run (their credits stop); returns one sentence per job that refused."""
        self.manifest.cancelled = True
        write_json_atomic(self.run_dir / MANIFEST, self.manifest.to_dict())
        problems = []
        for state in self.tile_states().values():
            record = self.store.get(state.local_id) if state.local_id else None
            if record is None or record.status in (JobStatus.FINISHED, JobStatus.ERROR, JobStatus.CANCELED):
                continue
            try:
                if record.remote_id:
                    self.runner.cancel_remote(record.local_id)
                else:
                    self.store.update(record.local_id, status=JobStatus.CANCELED, finished_at=utc_now())
                self.tile_log(state.name, "Cancelled with the run.")
            except BackendError as err:
                problems.append(str(err))
        self.write_tracking_csv()
        return problems

    # -- outputs ------------------------------------------------------------------------------------------------
    def tile_log(self, tile: str, message: str) -> None:
        """Append to ``<tile>/tile.log``: the per-tile history a user reads when one tile misbehaves."""
        path = self.run_dir / tile / "tile.log"
        with self._log_lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as handle:
                handle.write(f"{utc_now()} {message}\n")

    def write_tracking_csv(self) -> None:
        """The job manager's job database as CSV (id, status, start_time, costs ...), replaced atomically."""
        states = self.tile_states()
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["tile_name", "mgrs_tile", "epsg", "area_km2", "id", "status", "attempts", "start_time",
                         "costs", "message"])
        records = {r.local_id: r for r in self.store.list(run_id=self.run_id)}
        for tile in self.tiles:
            s = states[tile.name]
            started = records[s.local_id].started_at if s.local_id in records else ""
            writer.writerow([tile.name, tile.mgrs_tile, tile.epsg, f"{tile.area_km2:.3f}", s.job_id or "", s.status,
                             s.attempts, started or "", f"{s.credits:.3f}", s.message])
        path = self.run_dir / TRACKING_CSV
        with self._csv_lock:
            tmp = path.with_suffix(".csv.tmp")
            tmp.write_text(buffer.getvalue(), encoding="utf-8")
            tmp.replace(path)

    def extent_4326(self) -> tuple[float, float, float, float]:
        """The run's lon/lat extent; west > east when its tiles lie on both sides of 180° (core/aoi.py)."""
        import shapely

        from .aoi import lon_interval

        union = shapely.union_all([t.geometry_4326() for t in self.tiles])
        west, east = lon_interval(union)
        return west, union.bounds[1], east, union.bounds[3]

    def mosaic_tiles(self, states: dict[str, TileState] | None = None) -> list[MosaicTile]:
        states = states or self.tile_states()
        out = []
        for tile in self.tiles:
            tif = next((p for p in states[tile.name].outputs if p.lower().endswith((".tif", ".tiff"))), None)
            if states[tile.name].status == TileStatus.FINISHED and tif:
                out.append(MosaicTile(tile.name, Path(tif), tile.geometry_4326(), tile.epsg, tile.geometry_utm()))
        return out

    def build_mosaic(self, display_epsg: int = 4326) -> MosaicResult | None:
        """(Re)build the VRT mosaic from the tiles downloaded so far (one build at a time)."""
        with self._mosaic_lock:
            return build_mosaic(self.run_dir / "mosaic", self.mosaic_tiles(), name=_mosaic_name(self.product),
                                extent_4326=self.extent_4326(), display_epsg=display_epsg)

    def summary(self, mosaic: MosaicResult | None = None) -> RunSummary:
        states = self.tile_states()
        return RunSummary(self.run_dir, tuple(n for n, s in states.items() if s.status == TileStatus.FINISHED),
                          tuple(n for n, s in states.items() if s.status == TileStatus.FAILED),
                          self.actual_credits(), mosaic)


def _status(record: JobRecord) -> str:
    if record.status in (JobStatus.DRAFT, JobStatus.CREATED) or (record.status == JobStatus.QUEUED
                                                                  and not record.remote_id):
        return TileStatus.SUBMITTING
    if record.status == JobStatus.FINISHED:
        return TileStatus.FINISHED if record.download_state == DownloadState.DONE else TileStatus.DOWNLOADING
    return {JobStatus.QUEUED: TileStatus.QUEUED, JobStatus.RUNNING: TileStatus.RUNNING,
            JobStatus.ERROR: TileStatus.RETRYING, JobStatus.CANCELED: TileStatus.CANCELED}.get(record.status,
                                                                                              TileStatus.QUEUED)


def _wants_new_job(state: TileState, now: float) -> bool:
    if state.status == TileStatus.PLANNED:
        return True
    return state.status == TileStatus.RETRYING and state.retry_at is not None and state.retry_at <= now


def _mosaic_name(product: str) -> str:
    from . import udp

    asset = udp.OUTPUT_ASSET_NAMES.get(product, "worldcereal_map.tif")
    return Path(asset).stem


# --- the blocking path (Processing) ------------------------------------------------------------------------------


def run_tiled(run: TileRun, *, progress: Callable[[float], None] = lambda p: None,
              is_cancelled: Callable[[], bool] = lambda: False, log: Log = lambda m: None,
              sleep: Callable[[float], None] = time.sleep, on_change: Callable[[TileRun], None] | None = None,
              display_epsg: int = 4326, rates: credit_rates.CreditRates) -> RunSummary:
    """Drive the run to its end in this thread (Processing); cancelling stops every remote job of the run.

    ``rates`` are the user's credit rates (settings), so the logged estimate is the one the dock shows.
    """
    low, high = run.estimate_credits(rates)
    log(f"{len(run.tiles)} tiles, at most {run.manifest.parallel} jobs at a time; estimated {low:.0f}–{high:.0f} "
        "credits.")
    mosaic = None
    while True:
        if is_cancelled():
            run.cancel()
            raise CancelledError(f"The tiled run was cancelled; its jobs were stopped on {run.profile.title}.")
        states = run.tile_states()
        if run.is_done(states):
            break
        for action in run.due_actions():
            state = run.execute(action)
            _report(log, action, state)
            if action.kind == "download" and state.status == TileStatus.FINISHED:
                mosaic = run.build_mosaic(display_epsg) or mosaic
            if on_change is not None:
                on_change(run)
            if is_cancelled():
                break
        progress(run.progress())
        _sleep_until(max(run.next_due(), time.time() + MIN_LOOP_S), is_cancelled, sleep)
    summary = run.summary(mosaic or run.build_mosaic(display_epsg))
    log(f"{len(summary.finished)} of {len(run.tiles)} tiles finished; {summary.credits:.1f} credits used.")
    if not summary.finished:
        raise JobFailedError(f"No tile of the run finished ({len(summary.failed)} failed); see the tile logs in "
                             f"{run.run_dir}")
    return summary


def _report(log: Log, action: Action, state: TileState) -> None:
    if action.kind == "submit" and state.job_id:
        log(f"Tile {state.name}: job {state.job_id} started (attempt {state.attempts}).")
    elif state.status in (TileStatus.RETRYING, TileStatus.FAILED) and action.kind != "download":
        log(f"Tile {state.name}: {state.message or 'the job failed'} ({state.status}).")
    elif action.kind == "download" and state.status == TileStatus.FINISHED:
        log(f"Tile {state.name}: results downloaded.")


def _sleep_until(when: float, is_cancelled: Callable[[], bool], sleep: Callable[[float], None]) -> None:
    while time.time() < when and not is_cancelled():
        sleep(min(0.2, max(0.0, when - time.time())))
