"""Batch jobs: SQLite-backed state machine created -> queued -> running -> finished/error/canceled.

Status is derived from wall-clock time since start, so a restarted backend simply continues: a job that
was running finishes (and writes its result) on the next tick after its duration has passed.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import threading
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Optional

from openeo_driver.backend import BatchJobMetadata, BatchJobs
from openeo_driver.errors import JobNotFoundException, OpenEOApiException
from openeo_driver.users import User

from tests.local_backend import settings, simulate
from tests.local_backend.faults import Faults
from tests.local_backend.planning import EXTRACTION, plan_job
from tests.local_backend.store import Store

_log = logging.getLogger(__name__)
ACTIVE = ("queued", "running")
QUEUED_FRACTION = 0.15
LEVELS = ("debug", "info", "warning", "error")
TICK_S = 0.2
JOB_NOTE = "The maps of this job are SIMULATED by the local test backend, not real WorldCereal results."


def _utc(ts: Optional[float]) -> Optional[dt.datetime]:
    return dt.datetime.fromtimestamp(ts, tz=dt.timezone.utc) if ts else None


def _log_entry(level: str, message: str, n: int) -> dict:
    return {"id": f"{n:04d}", "level": level, "message": message, "time": _utc(time.time()).isoformat()}


class LocalBatchJobs(BatchJobs):
    def __init__(self, store: Store, udps: dict[str, dict], faults: Faults, data_dir: Path) -> None:
        super().__init__()
        self.store, self.udps, self.faults = store, udps, faults
        self.results_dir = data_dir / "jobs"
        self._finalize_lock = threading.Lock()
        self._stop = threading.Event()

    # background progress
    def start_ticker(self) -> None:
        threading.Thread(target=self._tick_forever, name="job-ticker", daemon=True).start()

    def _tick_forever(self) -> None:
        while not self._stop.wait(TICK_S):
            for row in self.store.list_jobs(statuses=ACTIVE):
                try:
                    self._advance(row["id"])
                except Exception:  # keep ticking for the other jobs
                    _log.exception("Advancing job %s failed", row["id"])

    # openEO API
    def create_job(self, *, user: User, process: dict, api_version: str, metadata: dict,
                   job_options: Optional[dict] = None) -> BatchJobMetadata:
        plan = plan_job(process["process_graph"], self.udps)
        now, job_id = time.time(), f"j-{uuid.uuid4().hex[:24]}"
        description = " ".join(x for x in (metadata.get("description"), JOB_NOTE) if x)
        fail = self.faults.take_job_error()
        self.store.insert_job({
            "id": job_id, "user_id": user.user_id, "kind": "extraction" if plan.kind == EXTRACTION else "map",
            "process_id": plan.process_id, "arguments": plan.arguments, "process": process,
            "title": metadata.get("title"), "description": description, "job_options": job_options,
            "status": "created", "created": now, "updated": now, "fail_message": fail,
            "logs": [_log_entry("info", f"Job created for {plan.process_id}. {JOB_NOTE}", 0)],
        })
        return self.get_job_info(job_id, user.user_id)

    def get_job_info(self, job_id: str, user_id: str) -> BatchJobMetadata:
        return _metadata(self._advance(self._row(job_id, user_id)["id"]))

    def get_user_jobs(self, user_id: str, limit: Optional[int] = None,
                      request_parameters: Optional[dict] = None) -> list[BatchJobMetadata]:
        rows = self.store.list_jobs(user_id=user_id)
        return [_metadata(r) for r in rows[:limit] if r]

    def start_job(self, job_id: str, user: User) -> None:
        row = self._row(job_id, user.user_id)
        self._check_concurrency(user.user_id, job_id)
        duration = row["duration"] if row["duration"] is not None else settings.get().job_duration
        self._append_log(row, "info", f"Job queued; simulated run of {duration:g} s.")
        self.store.update_job(job_id, status="queued", started=time.time(), finished=None,
                              duration=duration, updated=time.time(), assets=None)

    def get_result_assets(self, job_id: str, user_id: str) -> dict[str, dict]:
        row = self._row(job_id, user_id)
        out_dir = str(self.results_dir / job_id)
        return {name: {**_driver_asset(asset), "output_dir": out_dir} for name, asset in (row["assets"] or {}).items()}

    def get_log_entries(self, job_id: str, *, user_id: str, offset: Optional[str] = None,
                        limit: Optional[int] = None, level: str = "debug") -> Iterable[dict]:
        row = self._advance(self._row(job_id, user_id)["id"])
        min_level = LEVELS.index(level) if level in LEVELS else 0
        logs = [e for e in row["logs"] if LEVELS.index(e["level"]) >= min_level and (not offset or e["id"] > offset)]
        return logs[:limit] if limit else logs

    def cancel_job(self, job_id: str, user_id: str) -> None:
        with self._finalize_lock:
            row = self._row(job_id, user_id)
            if row["status"] in ACTIVE:
                self._append_log(row, "warning", "Job canceled by the user.")
                self.store.update_job(job_id, status="canceled", updated=time.time())

    def delete_job(self, job_id: str, user_id: str) -> None:
        self.cancel_job(job_id, user_id)
        self.store.delete_job(job_id)
        shutil.rmtree(self.results_dir / job_id, ignore_errors=True)

    def _check_concurrency(self, user_id: str, job_id: str) -> None:
        """CDSE's answer when a user already has ``limit`` jobs queued or running (unofficial error code)."""
        limit = self.faults.concurrent_limit()
        if limit is None:
            return
        running = [r for r in self.store.list_jobs(user_id=user_id, statuses=ACTIVE) if r["id"] != job_id]
        running = [r for r in (self._advance(r["id"]) for r in running) if r and r["status"] in ACTIVE]
        if len(running) >= limit:
            raise OpenEOApiException(
                code="ConcurrentJobLimit", status_code=400,
                message=f"Job was not started because concurrent job limit ({limit}) is reached.")

    # admin
    def set_duration(self, job_id: str, seconds: float) -> dict:
        if self.store.get_job(job_id) is None:
            raise JobNotFoundException(job_id)
        self.store.update_job(job_id, duration=float(seconds))
        return self.store.get_job(job_id)

    # internals
    def _row(self, job_id: str, user_id: str) -> dict:
        row = self.store.get_job(job_id)
        if row is None or row["user_id"] != user_id:
            raise JobNotFoundException(job_id)
        return row

    def _append_log(self, row: dict, level: str, message: str) -> list:
        logs = [*row["logs"], _log_entry(level, message, len(row["logs"]))]
        self.store.update_job(row["id"], logs=logs)
        row["logs"] = logs
        return logs

    def _advance(self, job_id: str) -> dict:
        """Move a job along its timeline; finishing writes the simulated result (once, under a lock)."""
        with self._finalize_lock:
            row = self.store.get_job(job_id)
            if row is None or row["status"] not in ACTIVE:
                return row
            elapsed = time.time() - row["started"]
            if elapsed >= row["duration"]:
                self._finish(row)
            elif row["status"] == "queued" and elapsed >= QUEUED_FRACTION * row["duration"]:
                self._append_log(row, "info", "Job running.")
                self.store.update_job(job_id, status="running", updated=time.time())
            return self.store.get_job(job_id)

    def _finish(self, row: dict) -> None:
        now = time.time()
        if row["fail_message"]:
            self._append_log(row, "error", row["fail_message"])
            self._append_log(row, "error", "Job failed; see the error above (this failure was injected).")
            self.store.update_job(row["id"], status="error", finished=now, updated=now)
            return
        try:
            assets = self._simulate(row)
        except Exception as exc:
            _log.exception("Simulating job %s failed", row["id"])
            self._append_log(row, "error", f"Simulation failed: {exc}")
            self.store.update_job(row["id"], status="error", finished=now, updated=now)
            return
        credits = float(simulate.estimate_credits(row["process_id"], row["arguments"], row["duration"]))
        usage = {"cpu": {"value": round(row["duration"] * 4), "unit": "cpu-seconds"},
                 "duration": {"value": round(row["duration"]), "unit": "seconds"},
                 "memory": {"value": round(row["duration"] * 8192), "unit": "mb-seconds"}}
        self._append_log(row, "info", f"Job finished: {len(assets)} asset(s), {credits:g} credits.")
        self.store.update_job(row["id"], status="finished", finished=now, updated=now, assets=assets,
                              costs=credits, usage=usage)

    def _simulate(self, row: dict) -> dict:
        out_dir = self.results_dir / row["id"]
        args = row["arguments"]
        if row["kind"] == "extraction":
            return simulate.simulate_point_extraction(
                args["geometries"], args["temporal_extent"], out_dir, job_id=row["id"], title=row["title"]
            )
        return simulate.simulate_map(row["process_id"], args, out_dir, job_id=row["id"])


def _driver_asset(asset: dict) -> dict:
    """openeo-driver asset metadata (it rebuilds the STAC asset from these keys; the rest is re-added later)."""
    keys = ("title", "type", "roles", "raster:bands", "proj:epsg", "proj:bbox", "proj:shape", "file:size")
    out = {k: asset[k] for k in keys if k in asset}
    if asset.get("eo:bands"):
        out["bands"] = asset["eo:bands"]
    return out


def _metadata(row: dict) -> BatchJobMetadata:
    status, progress = row["status"], None
    if status == "running":
        progress = min(99.0, round(100.0 * (time.time() - row["started"]) / max(row["duration"], 1e-6), 1))
    elif status in ("error", "canceled"):
        progress = round(100.0 * min(1.0, ((row["finished"] or row["updated"]) - row["started"]) /
                                     max(row["duration"], 1e-6)), 1)
    extent = _extent(row)
    return BatchJobMetadata(
        id=row["id"], status=status, created=_utc(row["created"]), updated=_utc(row["updated"]),
        process=row["process"], job_options=row["job_options"], title=row["title"],
        description=row["description"], progress=progress, costs=row["costs"], started=_utc(row["started"]),
        finished=_utc(row["finished"]), usage=row["usage"], **extent,
    )


def _extent(row: dict) -> dict:
    args = row["arguments"]
    out: dict = {}
    period = args.get("temporal_extent")
    if period:
        out["start_datetime"] = dt.datetime.fromisoformat(str(period[0])[:10]).replace(tzinfo=dt.timezone.utc)
        out["end_datetime"] = dt.datetime.fromisoformat(str(period[1])[:10]).replace(tzinfo=dt.timezone.utc)
    bbox = args.get("spatial_extent")
    if bbox and str(bbox.get("crs", 4326)).upper().replace("EPSG:", "") == "4326":
        out["bbox"] = [bbox["west"], bbox["south"], bbox["east"], bbox["north"]]
    return out
