"""Job lifecycle steps shared by the dock (one QgsTask per step) and Processing (all steps in one thread).

Every step reads and writes the job store, so a crash or restart loses nothing: a job that was running
resumes polling, a finished job that was not downloaded resumes downloading.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .backends import BackendProfile
from .download import download_file, safe_asset_path, verify_gdal_readable
from .errors import AuthError, BackendError, CancelledError, DownloadError, JobFailedError
from .jobstore import DownloadState, JobRecord, JobStatus, JobStore
from .openeo_api import OpenEOClient, RemoteAsset
from .request import MapRequest

TRANSIENT_FAILURES = 5       # consecutive failed status requests tolerated while waiting
SUBMIT_RETRIES = 3           # creation is retried only on "try again later" answers (429, 503)

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]
Log = Callable[[str], None]


def _noop(*_args) -> None:
    return None


def _never() -> bool:
    return False


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class PollPolicy:
    """Back off from ``first`` to ``maximum`` seconds (CDSE: never more than one request per 10 s per job)."""

    first: float = 10.0
    maximum: float = 60.0
    factor: float = 1.5

    @classmethod
    def for_profile(cls, profile: BackendProfile) -> PollPolicy:
        return cls(first=profile.min_poll_interval_s, maximum=profile.max_poll_interval_s)

    def next_interval(self, previous: float | None) -> float:
        if previous is None:
            return self.first
        return min(self.maximum, max(self.first, previous * self.factor))


def job_folder_name(title: str, local_id: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", title).strip("_")[:60] or "job"
    return f"{slug}_{local_id[:8]}"


def write_json_atomic(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, default=str)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class JobRunner:
    """Drives map jobs through the official client; the store is the single source of truth."""

    def __init__(
        self,
        store: JobStore,
        client_for: Callable[[str], OpenEOClient],
        output_root: Path,
        profiles: Callable[[str], BackendProfile],
    ) -> None:
        self.store = store
        self.client_for = client_for
        self.output_root = Path(output_root)
        self.profiles = profiles

    # -- creating -------------------------------------------------------------------------------------------------
    def new_map_job(self, request: MapRequest, profile: BackendProfile, *, output_dir: Path | None = None,
                    run_id: str | None = None, tile_name: str | None = None) -> JobRecord:
        """Validate and store a draft: nothing is sent, no credit is spent if the request is wrong."""
        request.validate()
        record = self.store.add(JobRecord(
            local_id="", backend=profile.name, backend_url=profile.url, product=request.product,
            title=request.title(), request=request.to_dict(), run_id=run_id, tile_name=tile_name,
        ))
        folder = output_dir or self.output_root / job_folder_name(record.title, record.local_id)
        return self.store.update(record.local_id, output_dir=str(folder))

    def submit(self, local_id: str) -> JobRecord:
        """Create and start the remote job (idempotent: an already created job is only started)."""
        record = self.store.get(local_id)
        client = self.client_for(record.backend)
        if not record.remote_id:
            request = MapRequest.from_dict(record.request)
            remote_id = _retry_busy(lambda: client.create_map_job(
                request.process_id, request.namespace_url, request.udp_arguments(),
                title=request.title(), description=request.description(),
            ))
            record = self.store.update(local_id, remote_id=remote_id, status=JobStatus.CREATED)
        if record.status in (JobStatus.DRAFT, JobStatus.CREATED):
            client.start(record.remote_id)
            record = self.store.update(local_id, status=JobStatus.QUEUED, started_at=utc_now())
        return record

    # -- polling --------------------------------------------------------------------------------------------------
    def poll(self, local_id: str) -> JobRecord:
        """One status request; on 'error' the job's error log is fetched and stored as one sentence."""
        record = self.store.get(local_id)
        client = self.client_for(record.backend)
        remote = client.status(record.remote_id)
        fields = {"status": remote.status, "progress": remote.progress}
        if remote.credits is not None:
            fields["credits"] = remote.credits
        if remote.terminal and not record.finished_at:
            fields["finished_at"] = utc_now()
        if remote.status == JobStatus.ERROR:
            failure = client.failure(record.remote_id)
            fields.update(error_code=failure.code, error_message=str(failure))
        if remote.status == JobStatus.FINISHED:
            fields["progress"] = 100.0
        return self.store.update(local_id, **fields)

    def wait(self, local_id: str, *, progress: Progress = _noop, is_cancelled: IsCancelled = _never,
             sleep: Callable[[float], None] = time.sleep) -> JobRecord:
        """Poll until the job ends; cancelling here stops watching (the remote job is cancelled by the caller)."""
        record = self.store.get(local_id)
        policy = PollPolicy.for_profile(self.profiles(record.backend))
        interval = None
        failures = 0
        while True:
            try:
                record = self.poll(local_id)
                failures = 0
            except BackendError as err:
                failures += 1
                if not is_transient(err) or failures > TRANSIENT_FAILURES:
                    raise
                interval = policy.next_interval(interval)
                _sleep_cancellable(interval, is_cancelled, sleep)
                continue
            progress(record.progress or 0.0)
            if record.status == JobStatus.FINISHED:
                return record
            if record.status == JobStatus.ERROR:
                raise JobFailedError(record.error_message or "The job failed on the backend",
                                     code=record.error_code, job_id=record.remote_id)
            if record.status == JobStatus.CANCELED:
                raise CancelledError(f"The job {record.remote_id} was cancelled.")
            interval = policy.next_interval(interval)
            _sleep_cancellable(interval, is_cancelled, sleep)

    # -- results --------------------------------------------------------------------------------------------------
    def download(self, local_id: str, *, progress: Progress = _noop, is_cancelled: IsCancelled = _never) -> JobRecord:
        """Download every data asset (resumable, verified, atomic); only complete files enter ``outputs``."""
        record = self.store.get(local_id)
        client = self.client_for(record.backend)
        out_dir = Path(record.output_dir or self.output_root / job_folder_name(record.title, local_id))
        self.store.update(local_id, download_state=DownloadState.DOWNLOADING)
        try:
            assets = [a for a in client.assets(record.remote_id) if _is_data_asset(a)]
            if not assets:
                raise DownloadError(f"The finished job {record.remote_id} has no result files to download.")
            outputs = []
            for index, asset in enumerate(assets):
                outputs.append(str(self._download_asset(client, asset, out_dir, index, len(assets),
                                                        progress, is_cancelled)))
            self._write_provenance(record, client, out_dir)
        except CancelledError:
            self.store.update(local_id, download_state=DownloadState.NONE)
            raise
        except (DownloadError, BackendError) as err:
            self.store.update(local_id, download_state=DownloadState.FAILED, error_message=str(err))
            raise
        return self.store.update(local_id, download_state=DownloadState.DONE, outputs=outputs,
                                 output_dir=str(out_dir), error_message=None, error_code=None)

    def _download_asset(self, client: OpenEOClient, asset: RemoteAsset, out_dir: Path, index: int, count: int,
                        progress: Progress, is_cancelled: IsCancelled) -> Path:
        dest = safe_asset_path(out_dir, asset.name)
        verify = verify_gdal_readable if dest.suffix.lower() in (".tif", ".tiff") else None
        return download_file(
            asset.href, dest, session=client.http_session, headers=client.download_headers(asset.href),
            expected_size=asset.size, is_cancelled=is_cancelled, verify=verify,
            progress=lambda p: progress((index + p / 100.0) / count * 100.0),
        )

    def _write_provenance(self, record: JobRecord, client: OpenEOClient, out_dir: Path) -> None:
        """job_<id>.json beside the maps: request, backend, credits (the notebooks keep the same record)."""
        try:
            results = client.results_metadata(record.remote_id)
        except BackendError:
            results = {}
        write_json_atomic(out_dir / f"job_{record.remote_id}.json", {
            "job_id": record.remote_id, "backend": record.backend_url, "title": record.title,
            "product": record.product, "request": record.request, "credits": record.credits,
            "results": results,
        })

    # -- cancel ---------------------------------------------------------------------------------------------------
    def cancel_remote(self, local_id: str) -> JobRecord:
        """Stop the remote job too: closing QGIS alone never stops backend jobs (and their credits)."""
        record = self.store.get(local_id)
        if record.remote_id and record.status not in (JobStatus.FINISHED, JobStatus.ERROR, JobStatus.CANCELED):
            self.client_for(record.backend).cancel(record.remote_id)
        return self.store.update(local_id, status=JobStatus.CANCELED, finished_at=record.finished_at or utc_now())

    # -- the whole path (Processing) ------------------------------------------------------------------------------
    def run(self, request: MapRequest, profile: BackendProfile, *, progress: Progress = _noop,
            is_cancelled: IsCancelled = _never, log: Log = _noop, output_dir: Path | None = None) -> JobRecord:
        """Submit, wait, download. Cancelling cancels the remote job so no more credits are spent."""
        record = self.new_map_job(request, profile, output_dir=output_dir)
        log(f"Submitting '{record.title}' to {profile.title}.")
        record = self.submit(record.local_id)
        log(f"Job {record.remote_id} started; waiting for the backend.")
        progress(5.0)
        try:
            self.wait(record.local_id, progress=lambda p: progress(5.0 + 0.8 * p), is_cancelled=is_cancelled)
        except CancelledError:
            if is_cancelled():
                self.cancel_remote(record.local_id)
                log(f"Job {record.remote_id} cancelled on the backend.")
            raise
        log(f"Job {record.remote_id} finished; downloading the results.")
        record = self.download(record.local_id, progress=lambda p: progress(85.0 + 0.15 * p),
                               is_cancelled=is_cancelled)
        progress(100.0)
        return record


def is_transient(err: BackendError) -> bool:
    """Worth another try later: connection trouble, overload, server errors (not refusals or logins)."""
    if isinstance(err, (AuthError, JobFailedError)):
        return False
    return err.http_status is None or err.http_status == 429 or err.http_status >= 500


def _retry_busy(call: Callable[[], str], delays: tuple[float, ...] = (1.0, 3.0, 9.0)) -> str:
    for delay in delays:
        try:
            return call()
        except BackendError as err:
            if err.http_status not in (429, 503):
                raise
            time.sleep(delay)
    return call()


def _is_data_asset(asset: RemoteAsset) -> bool:
    roles = asset.metadata.get("roles") or ["data"]
    return "data" in roles


def _sleep_cancellable(seconds: float, is_cancelled: IsCancelled, sleep: Callable[[float], None]) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if is_cancelled():
            raise CancelledError("Waiting for the job was cancelled.")
        sleep(min(0.2, max(0.0, end - time.monotonic())))
    if is_cancelled():
        raise CancelledError("Waiting for the job was cancelled.")
