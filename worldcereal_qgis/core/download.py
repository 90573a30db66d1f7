"""Streaming, resumable, verified and atomic downloads of job result assets.

Why so careful: result GeoTIFFs are large and CDSE links drop; a half-written file must never be loaded as a
map. Bytes go to ``<dest>.part``; after a dropped connection, timeout or 5xx the download resumes with an HTTP
Range request; only a file of the announced size that passes ``verify`` is fsynced and renamed to ``dest``.
Memory stays flat (one chunk at a time). Uses ``requests``, the openeo client's HTTP stack (proxies, auth).

Large files from a server that accepts byte ranges come over several connections at once (``ranged_download``):
one stream over the internet is capped by latency and per-connection limits. The first plain GET tells whether
the server accepts ranges (``Accept-Ranges: bytes``) and its size; other servers get the single stream.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Callable

from .disk_writeback import Writeback
from .errors import CancelledError, DownloadError
from .ranged_download import (
    ParallelDownload,
    Plan,
    RangesRefused,
    content_range,
    discard,
    load_state,
    network_errors,
)

if TYPE_CHECKING:  # pragma: no cover
    import requests

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]
Verify = Callable[[Path], None]

PART_SUFFIX = ".part"
_UNSATISFIED_RANGE = re.compile(r"bytes\s+\*/(\d+)", re.IGNORECASE)
_DRIVE = re.compile(r"^[A-Za-z]:")
_MAX_RETRY_AFTER = 60.0


def _never() -> bool:
    return False


def part_path(dest: str | Path) -> Path:
    """Where the incomplete bytes of ``dest`` live (the name never ends in .tif, so nothing loads it)."""
    dest = Path(dest)
    return dest.with_name(dest.name + PART_SUFFIX)


MAX_NAME_BYTES = 200  # below every common file system's 255-byte name limit, with room for ".part" suffixes


def safe_asset_path(output_dir: str | Path, asset_name: str) -> Path:
    """Join a server-provided asset name below ``output_dir``; refuse any name that could land outside it."""
    name = (asset_name or "").replace("\\", "/")
    parts = [p for p in PurePosixPath(name).parts if p not in ("", ".", "/")]
    bad = (
        not parts
        or name.startswith("/")
        or _DRIVE.match(name)
        or any(p == ".." or ":" in p or any(ord(c) < 32 for c in p) for p in parts)
    )
    if bad:
        raise DownloadError(f"The result file name '{asset_name}' is not a safe file name inside the output folder.")
    root = Path(output_dir)
    path = root.joinpath(*[_short_name(p) for p in parts])
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:  # a symlink inside the output folder pointing elsewhere
        raise DownloadError(
            f"The result file name '{asset_name}' would be written outside the output folder."
        ) from None
    return path


def _short_name(part: str, limit: int = MAX_NAME_BYTES) -> str:
    """File systems refuse names over 255 bytes ("File name too long"): keep the start, a hash and the suffix."""
    if len(part.encode("utf-8")) <= limit:
        return part
    import hashlib

    suffix = PurePosixPath(part).suffix if len(PurePosixPath(part).suffix) <= 16 else ""
    digest = hashlib.sha1(part.encode("utf-8")).hexdigest()[:12]
    keep = limit - len(suffix.encode("utf-8")) - len(digest) - 1
    stem = part.encode("utf-8")[:keep].decode("utf-8", errors="ignore")
    return f"{stem}_{digest}{suffix}"


def verify_gdal_readable(path: Path) -> None:
    """Refuse a file GDAL cannot open as a raster or whose last pixel cannot be read (truncated tiles)."""
    try:
        from osgeo import gdal
    except ImportError:  # no GDAL outside QGIS: the size check already ran
        return
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:  # another plugin may have called gdal.UseExceptions(): handle both error modes
        dataset = gdal.Open(str(path))
        ok = dataset is not None and dataset.RasterCount > 0
        if ok:
            band = dataset.GetRasterBand(dataset.RasterCount)
            ok = band.ReadRaster(band.XSize - 1, band.YSize - 1, 1, 1) is not None
        message = gdal.GetLastErrorMsg()
        dataset = None
    except RuntimeError as err:
        ok, message = False, str(err)
    finally:
        gdal.PopErrorHandler()
    if not ok:
        reason = f" ({message.rstrip('.')})" if message else ""
        raise DownloadError(f"The downloaded file {_display_name(path)} is not a readable raster{reason}.")


def _display_name(path: Path) -> str:
    return path.name[: -len(PART_SUFFIX)] if path.name.endswith(PART_SUFFIX) else path.name


class _Retry(Exception):
    """A transient failure: try again (resuming) after a delay."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class _Downloader:
    """One call of ``download_file``: state that survives between attempts (bytes on disk, known total)."""

    def __init__(self, url: str, dest: Path, session: requests.Session, headers: dict, expected_size: int | None,
                 progress: Progress | None, is_cancelled: IsCancelled, timeout: float, chunk_size: int,
                 plan: Plan) -> None:
        self.url, self.dest, self.part, self.plan = url, dest, part_path(dest), plan
        self.session, self.headers, self.expected_size = session, headers, expected_size
        self.progress, self.is_cancelled = progress, is_cancelled
        self.timeout, self.chunk_size = timeout, chunk_size
        self.server_total: int | None = None  # size the server announced (first answer that said it)
        self._last_percent = -1

    @property
    def total(self) -> int | None:
        return self.server_total if self.server_total is not None else self.expected_size

    def learn_total(self, size: int) -> None:
        """Remember the server's size; two different sizes mean the file changed or a header lies."""
        if self.server_total is not None and size != self.server_total:
            self.part.unlink(missing_ok=True)
            raise self.fail(f"the server reported two different sizes ({self.server_total:,} and {size:,} bytes)")
        self.server_total = size

    # -- helpers --------------------------------------------------------------------------------------------------
    def offset(self) -> int:
        return self.part.stat().st_size if self.part.exists() else 0

    def check_cancel(self) -> None:
        if self.is_cancelled():
            raise CancelledError(f"The download of {self.dest.name} was cancelled; it will resume where it stopped.")

    def report(self, done: int) -> None:
        if not self.progress or not self.total:
            return
        percent = min(100.0, done * 100.0 / self.total)
        if int(percent * 10) != self._last_percent:  # at most 1,000 calls: cheap for the GUI
            self._last_percent = int(percent * 10)
            self.progress(percent)

    def fail(self, reason: str) -> DownloadError:
        return DownloadError(f"Could not download {self.dest.name}: {reason}.")

    # -- one attempt ----------------------------------------------------------------------------------------------
    def attempt(self) -> bool:
        """Stream once from the current offset; True when the .part holds the whole file."""

        saved = load_state(self.part)
        if saved is not None:  # an interrupted parallel download: resume each of its ranges
            self.learn_total(saved[0])
            return self._parallel(None, 0, saved[1])
        offset = self.offset()
        if self.total is not None and offset > self.total:
            self.part.unlink(missing_ok=True)
            offset = 0
        if self.total is not None and offset == self.total and offset > 0:
            return True
        headers = dict(self.headers)
        if offset:
            headers["Range"] = f"bytes={offset}-"
        with network_errors(_Retry, self.fail), \
                self.session.get(self.url, headers=headers, stream=True, timeout=self.timeout) as resp:
            return self._consume(resp, offset)

    def _consume(self, resp: requests.Response, offset: int) -> bool:
        status = resp.status_code
        if status == 416 and offset:
            return self._range_not_satisfiable(resp, offset)
        if status >= 500 or status in (408, 429):
            raise _Retry(f"the server answered HTTP {status}", _retry_after(resp))
        if status not in (200, 206):
            raise self.fail(f"the server answered HTTP {status}")
        start = self._start_of(resp, offset)
        probe = self._accepts_ranges(resp)
        written = self._stream(resp, start, probe)
        if written < (self.total or 0):  # the probe chose several connections: they fetch the rest
            return self._parallel(resp, written, self.plan.segments(self.total, written))
        return True

    def _accepts_ranges(self, resp: requests.Response) -> bool:
        """Worth going parallel: a known, large size from a server that serves ranges (says so, or just did: a
        resumed download's 206)."""
        serves = resp.status_code == 206 or resp.headers.get("Accept-Ranges", "").lower() == "bytes"
        return (resp.status_code in (200, 206) and serves and "Content-Encoding" not in resp.headers
                and self.server_total is not None and self.plan.wants(self.server_total))

    def _parallel(self, first: requests.Response | None, first_at: int, segments: list) -> bool:
        """Several range requests at once; a server that then ignores ranges gets one stream from the start."""
        job = ParallelDownload(self.url, self.part, self.dest.name, self.session, self.headers, self.timeout,
                               self.chunk_size, self.plan, self.total, segments)
        try:
            job.run(first, first_at, self.report, self.check_cancel)
        except RangesRefused:
            discard(self.part)
            self.plan.connections = 1
            return self.attempt()
        return True

    def _start_of(self, resp: requests.Response, offset: int) -> int:
        """Byte position of the body's first byte; learns the total size from the headers."""
        if resp.status_code == 200:  # full body: a fresh start, or the server ignored our Range
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and "Content-Encoding" not in resp.headers:
                self.learn_total(int(length))
            return 0
        found = content_range(resp)
        if not found or found[0] > offset:
            raise _Retry("the server sent an unusable partial answer")
        if found[1] is not None:
            self.learn_total(found[1])
        return found[0]

    def _range_not_satisfiable(self, resp: requests.Response, offset: int) -> bool:
        match = _UNSATISFIED_RANGE.match(resp.headers.get("Content-Range", ""))
        if match:
            self.learn_total(int(match.group(1)))
            if self.server_total == offset:
                return True
        self.part.unlink(missing_ok=True)
        raise _Retry("the partial file no longer matched the server's file")

    def _stream(self, resp: requests.Response, start: int, probe: bool) -> int:
        """Write the body from ``start``; returns the bytes on disk (short only when ``probe`` chose parallel)."""
        import requests

        mode = "r+b" if start and self.part.exists() else "wb"
        written, began = start, time.monotonic()
        try:
            with open(self.part, mode) as fh:
                fh.seek(start)
                fh.truncate()
                self.report(written)
                writeback = Writeback(fh.fileno(), start)
                for chunk in resp.iter_content(chunk_size=self.chunk_size):
                    fh.write(chunk)
                    written += len(chunk)
                    fh.flush()  # the kernel can only write what left Python's buffer (a chunk mostly skips it)
                    writeback.wrote_up_to(written)
                    self.report(written)
                    self.check_cancel()
                    verdict = self.plan.worth_it(written - start, time.monotonic() - began, self.total - written) \
                        if probe else None
                    if verdict is not None:
                        if verdict:
                            return written
                        probe = False
        except requests.exceptions.RequestException:
            raise  # network trouble (requests' errors are OSErrors too): the caller retries
        except OSError as err:  # disk full, permission denied: retrying will not help
            raise self.fail(f"the file could not be written ({err.strerror or err})") from None
        if self.total is None:
            self.server_total = written  # no size announced: a clean end of stream is the end of the file
        if written < self.total:
            raise _Retry("the connection ended early")
        return written

    # -- the end --------------------------------------------------------------------------------------------------
    def finish(self, verify: Verify | None) -> Path:
        size = self.offset()
        wanted = {s for s in (self.total, self.expected_size) if s is not None}
        if wanted != {size}:
            discard(self.part)
            expected = " or ".join(f"{s:,}" for s in sorted(wanted))
            raise self.fail(f"it has {size:,} bytes instead of {expected}")
        if verify is not None:
            try:
                verify(self.part)
            except DownloadError:
                discard(self.part)  # complete but corrupt: resuming cannot repair it
                raise
        _fsync(self.part)
        os.replace(self.part, self.dest)
        discard(self.part)  # the ranges' state file, now that the file is whole under its final name
        _fsync_dir(self.dest.parent)
        if self.progress:
            self.progress(100.0)
        return self.dest


def _retry_after(resp: requests.Response) -> float | None:
    value = resp.headers.get("Retry-After", "")
    return min(float(value), _MAX_RETRY_AFTER) if value.isdigit() else None


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows cannot open a folder)."""
    if os.name != "posix":
        return
    fd = os.open(str(folder), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sleep(seconds: float, check: Callable[[], None]) -> None:
    """Sleep in short slices so a cancel is honoured within 0.2 s."""
    deadline = time.monotonic() + seconds
    while True:
        check()
        left = deadline - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(0.2, left))


def download_file(
    url: str,
    dest: str | Path,
    *,
    session: requests.Session | None = None,
    headers: dict | None = None,
    expected_size: int | None = None,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
    max_retries: int = 5,
    timeout: float = 60,
    chunk_size: int = 1 << 20,
    verify: Verify | None = None,
    retry_delays: Sequence[float] = (1, 2, 4, 8, 16),
    parallel: Plan | None = None,
) -> Path:
    """Download ``url`` to ``dest`` (resuming ``dest.part``); raises DownloadError or CancelledError.

    ``max_retries`` counts consecutive attempts that brought no new bytes, so a long download over a flaky link
    still finishes while a server that never delivers fails after a few tries (per range when ``parallel``, a
    ``ranged_download.Plan``, sends the file over several connections). The .part stays after a cancel
    or a network failure (the next call resumes it) and is deleted when its bytes are known to be wrong.
    """
    import requests

    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    own_session = session is None
    session = session or requests.Session()
    headers = {"Accept-Encoding": "identity", **(headers or {})}  # byte ranges must address the file's own bytes
    plan = replace(parallel or Plan(), max_retries=max_retries, retry_delays=tuple(retry_delays))
    job = _Downloader(url, dest, session, headers, expected_size, progress,
                      is_cancelled or _never, timeout, chunk_size, plan)
    try:
        return _run(job, max_retries, retry_delays, verify)
    finally:
        if own_session:
            session.close()


def _run(job: _Downloader, max_retries: int, retry_delays: Sequence[float], verify: Verify | None) -> Path:
    failures, high_water = 0, job.offset()
    while True:
        job.check_cancel()
        try:
            if job.attempt():
                return job.finish(verify)
        except _Retry as retry:
            size = job.offset()
            failures = 0 if size > high_water else failures + 1
            high_water = max(high_water, size)
            if failures > max_retries:
                raise job.fail(f"{retry.reason}, {failures} times in a row") from None
            delay = retry_delays[min(failures, len(retry_delays)) - 1] if failures and retry_delays else 0.0
            _sleep(max(delay, retry.retry_after or 0.0), job.check_cancel)
