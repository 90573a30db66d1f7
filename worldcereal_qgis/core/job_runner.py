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
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .backends import BackendProfile
from .download import download_file, safe_asset_path, verify_gdal_readable
from .errors import AuthError, BackendError, CancelledError, ConcurrentLimitError, DownloadError, JobFailedError
from .job_owner import (
    FINGERPRINT_KEY,
    OWNER_KEY,
    find_resumable,
    newer_result_in,
    request_fingerprint,
    settle_orphans,
)
from .jobstore import DownloadState, JobRecord, JobStatus, JobStore
from .openeo_api import OpenEOClient, RemoteAsset
from .request import MapRequest

OUTAGE_TOLERANCE_S = 15 * 60  # polling rides out a backend outage this long (CDSE's client gives up after ~2 min)
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


def slot_wait_message(profile: BackendProfile, limit: int | None) -> str:
    """The one sentence for a start refused by the concurrency cap (a wait, not a failure)."""
    where = "CDSE" if profile.name.startswith("cdse") else profile.title.split(" (")[0]
    cap = f" ({limit} jobs at a time)" if limit else ""
    return f"Waiting for a free slot on {where}{cap}; the job is created and starts as soon as one is free."


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
        client_for_profile: Callable[[BackendProfile], OpenEOClient] | None = None,
        owner: str | None = None,
    ) -> None:
        self.store = store
        self.client_for = client_for
        self.output_root = Path(output_root)
        self.profiles = profiles
        self.client_for_profile = client_for_profile
        self.owner = owner

    def client_for_record(self, record: JobRecord) -> OpenEOClient:
        """The client of the backend URL that created the job (a custom URL is never polled at the default)."""
        profile = self.profiles(record.backend)
        if self.client_for_profile is not None and record.backend_url and profile.url != record.backend_url:
            return self.client_for_profile(profile.with_url(record.backend_url))
        return self.client_for(record.backend)

    # -- creating -------------------------------------------------------------------------------------------------
    def new_map_job(self, request: MapRequest, profile: BackendProfile, *, output_dir: Path | None = None,
                    run_id: str | None = None, tile_name: str | None = None) -> JobRecord:
        """Validate and store a draft: nothing is sent, no credit is spent if the request is wrong."""
        request.validate()
        data = request.to_dict()
        extra = {FINGERPRINT_KEY: request_fingerprint(data, profile.url)}
        if self.owner and not run_id:
            extra[OWNER_KEY] = self.owner
        local_id, title = uuid.uuid4().hex, request.title()
        folder = output_dir or self.output_root / job_folder_name(title, local_id)
        return self.store.add(JobRecord(  # one transaction: Run's click waits for one fsync, not two
            local_id=local_id, backend=profile.name, backend_url=profile.url, product=request.product,
            title=title, request=data, run_id=run_id, tile_name=tile_name, extra=extra, output_dir=str(folder),
        ))

    def submit(self, local_id: str) -> JobRecord:
        """Create and start the remote job (idempotent: an already created job is only started)."""
        record = self.store.get(local_id)
        client = self.client_for_record(record)
        if not record.remote_id:
            request = MapRequest.from_dict(record.request)
            remote_id = _retry_busy(lambda: client.create_map_job(
                request.process_id, request.namespace_url, request.udp_arguments(),
                title=request.title(), description=request.description(),
            ))
            record = self.store.update(local_id, remote_id=remote_id, status=JobStatus.CREATED)
        return self.start_created(record, client)

    def start_created(self, record: JobRecord, client: OpenEOClient) -> JobRecord:
        """Start a created job (a refused start raises ConcurrentLimitError and leaves it created)."""
        if record.status in (JobStatus.DRAFT, JobStatus.CREATED):
            client.start(record.remote_id)
            record = self.store.update(record.local_id, status=JobStatus.QUEUED, started_at=utc_now())
        return record

    # -- polling --------------------------------------------------------------------------------------------------
    def poll(self, local_id: str) -> JobRecord:
        """One status request; on 'error' the job's error log is fetched and stored as one sentence."""
        record = self.store.get(local_id)
        client = self.client_for_record(record)
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
             sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
             log: Log = _noop) -> JobRecord:
        """Poll until the job ends, riding out backend outages up to ``OUTAGE_TOLERANCE_S`` with backoff.

        Giving up leaves the record as it was (queued/running): running the same request again resumes it.
        """
        record = self.store.get(local_id)
        policy = PollPolicy.for_profile(self.profiles(record.backend))
        interval = None
        outage_since: float | None = None
        while True:
            try:
                record = self.poll(local_id)
                outage_since = None
            except BackendError as err:
                if not is_transient(err):
                    raise
                outage_since = clock() if outage_since is None else outage_since
                if clock() - outage_since > OUTAGE_TOLERANCE_S:
                    raise BackendError(
                        f"{record.title}: the backend did not answer for {_duration(OUTAGE_TOLERANCE_S)}; the job "
                        "is kept and running the same request into the same folder again continues it",
                        code=err.code, job_id=record.remote_id) from err
                if interval is None or interval < policy.maximum:
                    log(f"The backend does not answer ({err}); checking again with growing pauses.")
                interval = policy.next_interval(interval)
                _sleep_cancellable(interval, is_cancelled, sleep, clock)
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
            _sleep_cancellable(interval, is_cancelled, sleep, clock)

    def start_when_free(self, local_id: str, *, is_cancelled: IsCancelled = _never, log: Log = _noop,
                        sleep: Callable[[float], None] = time.sleep) -> JobRecord:
        """Submit; a start refused by the concurrency cap (CDSE: 2 jobs) is retried with backoff, not failed."""
        profile = self.profiles(self.store.get(local_id).backend)
        waits = 0
        while True:
            try:
                return self.submit(local_id)
            except ConcurrentLimitError as err:
                if waits == 0:
                    log(slot_wait_message(profile, err.limit))
                delay = min(profile.max_poll_interval_s * 2, profile.min_poll_interval_s * 2 ** waits)
                waits += 1
                _sleep_cancellable(delay, is_cancelled, sleep)

    # -- results --------------------------------------------------------------------------------------------------
    def download(self, local_id: str, *, progress: Progress = _noop, is_cancelled: IsCancelled = _never) -> JobRecord:
        """Download every data asset (resumable, verified, atomic); only complete files enter ``outputs``."""
        record = self.store.get(local_id)
        newer = newer_result_in(self.store, record)
        if newer is not None:
            message = (f"The result of job {record.remote_id} was not downloaded: the newer job {newer.remote_id} "
                       f"already wrote its result to {record.output_dir}.")
            self.store.update(local_id, download_state=DownloadState.FAILED, error_message=message)
            raise DownloadError(message)
        client = self.client_for_record(record)
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
            "results": without_credentials(results),
        })

    # -- cancel ---------------------------------------------------------------------------------------------------
    def cancel_remote(self, local_id: str) -> JobRecord:
        """Stop the remote job too: closing QGIS alone never stops backend jobs (and their credits)."""
        record = self.store.get(local_id)
        if record.remote_id and record.status not in (JobStatus.FINISHED, JobStatus.ERROR, JobStatus.CANCELED):
            self.client_for_record(record).cancel(record.remote_id)
        return self.store.update(local_id, status=JobStatus.CANCELED, finished_at=record.finished_at or utc_now())

    # -- the whole path (Processing) ------------------------------------------------------------------------------
    def run(self, request: MapRequest, profile: BackendProfile, *, progress: Progress = _noop,
            is_cancelled: IsCancelled = _never, log: Log = _noop, output_dir: Path | None = None) -> JobRecord:
        """Submit (or resume the stored job of the same request and folder), wait, download.

        Cancelling cancels the remote job so no more credits are spent.
        """
        record = self.resume_or_create(request, profile, output_dir=output_dir, log=log)
        if record.download_state == DownloadState.DONE:
            progress(100.0)
            return record
        if not record.remote_id or record.status in (JobStatus.DRAFT, JobStatus.CREATED):
            log(f"Submitting '{record.title}' to {profile.title}.")
            record = self.start_when_free(record.local_id, is_cancelled=is_cancelled, log=log)
            log(f"Job {record.remote_id} started; waiting for the backend.")
        progress(5.0)
        try:
            self.wait(record.local_id, progress=lambda p: progress(5.0 + 0.8 * p), is_cancelled=is_cancelled,
                      log=log)
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

    def resume_or_create(self, request: MapRequest, profile: BackendProfile, *, output_dir: Path | None,
                         log: Log = _noop) -> JobRecord:
        """The stored job of this request and folder (never pay twice), else a new write-ahead draft.

        Records that dead processes left transient are settled first, whichever front end runs next.
        """
        settle_orphans(self.store)
        fingerprint = request_fingerprint(request.to_dict(), profile.url)
        folder = Path(output_dir) if output_dir is not None else None
        found = find_resumable(self.store, fingerprint, folder) if folder is not None else None
        if found is None:
            return self.new_map_job(request, profile, output_dir=output_dir)
        if self.owner:
            found = self.store.update(found.local_id, extra={**found.extra, OWNER_KEY: self.owner})
        if found.download_state == DownloadState.DONE:
            log(f"This request was already run into {folder} (job {found.remote_id}); its result is reused.")
        elif found.remote_id:
            log(f"Resuming job {found.remote_id} of the same request in {folder} instead of paying for a new one.")
        return found


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


def _duration(seconds: float) -> str:
    return f"{seconds / 60:.0f} minutes" if seconds >= 120 else f"{seconds:.0f} seconds"


def without_credentials(value):
    """Every URL without its query string: signed asset links carry temporary tokens (CDSE), never stored."""
    if isinstance(value, dict):
        return {k: without_credentials(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_credentials(v) for v in value]
    if isinstance(value, str) and value.startswith(("http://", "https://")) and "?" in value:
        return value.split("?", 1)[0]
    return value


def _is_data_asset(asset: RemoteAsset) -> bool:
    roles = asset.metadata.get("roles") or ["data"]
    return "data" in roles


def _sleep_cancellable(seconds: float, is_cancelled: IsCancelled, sleep: Callable[[float], None],
                       clock: Callable[[], float] = time.monotonic) -> None:
    end = clock() + seconds
    while clock() < end:
        if is_cancelled():
            raise CancelledError("Waiting for the job was cancelled.")
        sleep(min(0.2, max(0.0, end - clock())))
    if is_cancelled():
        raise CancelledError("Waiting for the job was cancelled.")
