"""Tiled runs: one request over many tiles, as a set of batch jobs with a persistent job database per run.

Design (the openeo client's MultiBackendJobManager, made resumable and observable): the run folder holds
``run.json`` (the request, backend, plan and limits, written once), ``jobs.sqlite`` (a JobStore: one row per
attempt, with ``run_id`` and ``tile_name``), ``job_tracking.csv`` (the job manager's columns, for people and
spreadsheets), ``<tile>/`` (results, ``job_<id>.json``, ``tile.log``) and ``mosaic/``. Everything a restart
needs is on disk, so opening the folder again continues the run: finished tiles are never resubmitted,
running jobs are polled, failed tiles are retried with backoff until ``max_attempts``.

The state machine is the shared batch engine (``core/batch``): ``due_actions()`` (instant, main thread)
decides what to do now, at most ``parallel`` jobs on the backend; ``execute()`` (network, worker thread or
Processing thread) does one step. The dock drives it with short tasks and a timer; ``run_tiled()`` drives it
in one blocking loop for Processing. This module adds what is particular to maps over tiles: the manifest,
tile logs, the tracking CSV and the mosaic.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import credits as credit_rates
from .aoi import Aoi
from .backends import BackendProfile, profile_by_name
from .batch import drive as batch_drive
from .batch.engine import (
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_PARALLEL,
    DEFAULT_RETRY_BACKOFF_S,
    Action,
    BatchRun,
    ItemState,
    ItemStatus,
    Limits,
)
from .errors import InputError, JobFailedError
from .job_runner import JobRunner, utc_now, write_json_atomic
from .jobstore import JobRecord, JobStore
from .mosaic import MosaicResult, MosaicTile, build_mosaic
from .request import MapRequest
from .tiling import Tile

MANIFEST = "run.json"
STORE = "jobs.sqlite"
TRACKING_CSV = "job_tracking.csv"
MIN_LOOP_S = batch_drive.MIN_LOOP_S
_MANIFEST_VERSION = 1

TileStatus = ItemStatus   # a tile is the item of a tiled run
TileState = ItemState
__all__ = [
    "DEFAULT_MAX_ATTEMPTS",
    "DEFAULT_PARALLEL",
    "DEFAULT_RETRY_BACKOFF_S",
    "Action",
    "RunManifest",
    "RunSummary",
    "TilePlan",
    "TileRun",
    "TileState",
    "TileStatus",
    "run_tiled",
]

Log = Callable[[str], None]


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


@dataclass(frozen=True)
class RunSummary:
    run_dir: Path
    finished: tuple[str, ...]
    failed: tuple[str, ...]
    credits: float
    mosaic: MosaicResult | None


class TileRun(BatchRun):
    """A run folder: manifest + job database; the batch engine with tiles as items."""

    def __init__(self, run_dir: Path, manifest: RunManifest, runner: JobRunner, profile: BackendProfile) -> None:
        super().__init__(runner, profile, manifest.run_id, [t.name for t in manifest.tiles],
                         Limits(manifest.parallel, manifest.max_attempts, manifest.retry_backoff_s))
        self.run_dir = Path(run_dir)
        self.manifest = manifest
        self.cancelled = manifest.cancelled
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

    # -- the engine's hooks -------------------------------------------------------------------------------------
    def tile_states(self) -> dict[str, TileState]:
        return self.item_states()

    def new_job(self, item: str) -> JobRecord:
        tile = next(t for t in self.tiles if t.name == item)
        return self.runner.new_map_job(self.tile_request(tile), self.profile, output_dir=self.run_dir / tile.name,
                                       run_id=self.run_id, tile_name=tile.name)

    def item_log(self, item: str, message: str) -> None:
        self.tile_log(item, message)

    def mark_cancelled(self) -> None:
        super().mark_cancelled()
        self.manifest.cancelled = True
        write_json_atomic(self.run_dir / MANIFEST, self.manifest.to_dict())

    def execute(self, action: Action) -> TileState:
        state = super().execute(action)
        self.write_tracking_csv()
        return state

    def cancel(self) -> list[str]:
        problems = super().cancel()
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


def _mosaic_name(product: str) -> str:
    from . import udp

    asset = udp.OUTPUT_ASSET_NAMES.get(product, "worldcereal_map.tif")
    return Path(asset).stem


# --- the blocking path (Processing) ------------------------------------------------------------------------------


def run_tiled(run: TileRun, *, progress: Callable[[float], None] = lambda p: None,
              is_cancelled: Callable[[], bool] = lambda: False, log: Log = lambda m: None,
              sleep: Callable[[float], None] | None = None, on_change: Callable[[TileRun], None] | None = None,
              display_epsg: int = 4326, rates: credit_rates.CreditRates) -> RunSummary:
    """Drive the run to its end in this thread (Processing); cancelling stops every remote job of the run.

    ``rates`` are the user's credit rates (settings), so the logged estimate is the one the dock shows.
    """
    low, high = run.estimate_credits(rates)
    log(f"{len(run.tiles)} tiles, at most {run.manifest.parallel} jobs at a time; estimated {low:.0f}–{high:.0f} "
        "credits.")
    mosaics: list[MosaicResult] = []

    def on_step(action: Action, state: TileState) -> None:
        if action.kind == "download" and state.status == TileStatus.FINISHED:
            built = run.build_mosaic(display_epsg)
            if built is not None:
                mosaics.append(built)
        if on_change is not None:
            on_change(run)

    kwargs = {"sleep": sleep} if sleep is not None else {}
    batch_drive.drive(run, progress=progress, is_cancelled=is_cancelled, log=log, on_step=on_step,
                      what="tiled run", min_loop_s=MIN_LOOP_S, **kwargs)
    summary = run.summary((mosaics[-1] if mosaics else None) or run.build_mosaic(display_epsg))
    log(f"{len(summary.finished)} of {len(run.tiles)} tiles finished; {summary.credits:.1f} credits used.")
    if not summary.finished:
        raise JobFailedError(f"No tile of the run finished ({len(summary.failed)} failed); see the tile logs in "
                             f"{run.run_dir}")
    return summary
