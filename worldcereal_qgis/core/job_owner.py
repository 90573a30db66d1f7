"""Who drives a job, and which stored job a rerun continues: never pay twice, never lose a paid result.

Every map job record carries, written before anything is sent (write-ahead):
- ``extra["fingerprint"]``: a hash of the request's openEO arguments and the backend URL, so the same request
  asked again (Processing, qgis_process, a model, the dock) is recognised;
- ``output_dir``: where its result goes (a rerun must name the same folder to continue the job);
- ``extra["owner"]``: ``<front end>:<host>:<pid>`` of the process that drives it. The dock lists every job
  but only drives its own and those whose process is gone, so a file is never downloaded or loaded twice.

Why pid liveness and not a lock file: a killed ``qgis_process`` cannot release anything; a dead pid is the
only trace it leaves. A reused pid only delays adoption until that process ends.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from pathlib import Path

from .jobstore import DownloadState, JobRecord, JobStatus, JobStore

FINGERPRINT_KEY = "fingerprint"
OWNER_KEY = "owner"
DOCK = "dock"
PROCESSING = "processing"
_NOT_RESUMABLE = (JobStatus.ERROR, JobStatus.CANCELED)


def request_fingerprint(request: dict, backend_url: str) -> str:
    """Same request to the same backend = same fingerprint (key order and the AOI name do not matter)."""
    canonical = {**request, "aoi": (request.get("aoi") or {}).get("wkt")}
    text = json.dumps({"request": canonical, "backend": backend_url.rstrip("/")}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def owner_tag(front_end: str) -> str:
    return f"{front_end}:{socket.gethostname()}:{os.getpid()}"


def owner_alive(tag: str | None) -> bool:
    """True while the owning process may still drive the job (another host is assumed alive)."""
    if not tag:
        return False
    try:
        _kind, host, pid_text = tag.rsplit(":", 2)
        pid = int(pid_text)
    except ValueError:
        return False
    if host != socket.gethostname():
        return True
    return _pid_alive(pid)


def _pid_alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_mine_to_drive(record: JobRecord, front_end: str) -> bool:
    """The dock drives its own jobs and orphans; a running Processing job stays Processing's."""
    tag = record.extra.get(OWNER_KEY)
    if not tag or tag == owner_tag(front_end):
        return True
    return not owner_alive(tag)


def find_resumable(store: JobStore, fingerprint: str, output_dir: Path, *, below: bool = False) -> JobRecord | None:
    """The newest stored job of this request into this folder (``below``: a job folder inside it, the dock's
    layout) that can still give its result."""
    folder = Path(output_dir)
    for record in store.list():
        if record.extra.get(FINGERPRINT_KEY) != fingerprint or not record.output_dir:
            continue
        if (Path(record.output_dir).parent if below else Path(record.output_dir)) != folder:
            continue
        if record.status in _NOT_RESUMABLE and record.download_state != DownloadState.DONE:
            continue
        if record.download_state == DownloadState.DONE and not all(Path(p).is_file() for p in record.outputs):
            continue  # the files were deleted: run it again
        return record
    return None


def settle_orphans(store: JobStore) -> list[str]:
    """No record stays transient after its process died; returns the local ids changed.

    A draft that never got a remote id was never paid for: it ends as canceled. A download that was under way
    goes back to "not downloaded", so the next owner downloads it again from the stored job.
    """
    changed = []
    for record in store.list():
        tag = record.extra.get(OWNER_KEY)
        if not tag or owner_alive(tag):
            continue
        if record.status == JobStatus.DRAFT and not record.remote_id and not record.run_id:
            store.update(record.local_id, status=JobStatus.CANCELED,
                         error_message="Never submitted: the program that created it ended first (nothing was "
                                       "spent).")
            changed.append(record.local_id)
        elif record.download_state == DownloadState.DOWNLOADING:
            store.update(record.local_id, download_state=DownloadState.NONE)
            changed.append(record.local_id)
    return changed


def newer_result_in(store: JobStore, record: JobRecord) -> JobRecord | None:
    """A later job whose result is already in the same folder (an older job must not overwrite it)."""
    for other in store.list():  # newest first: everything before ``record`` is newer
        if other.local_id == record.local_id:
            return None
        if (other.output_dir == record.output_dir and other.run_id == record.run_id
                and other.download_state == DownloadState.DONE):
            return other
    return None
