"""Parallel HTTP Range download of one large asset into its ``.part`` file (used by ``core.download``).

Why: results come from object storage over the internet, where one TCP stream is capped by latency and by
per-connection limits, so several byte ranges in parallel arrive several times faster. The first plain GET
streams alone for a moment (``Plan.probe_s``); only when the rest would take longer than ``Plan.parallel_after_s``
at its rate do ``N`` connections pull segments from a shared queue, the first one carrying on with the open GET
from where it is (no extra round trip). Each worker writes with ``os.pwrite`` at its segment's offset, one chunk
at a time (memory stays flat: about one chunk per connection).

Resumable per range: a state file ``<dest>.part.ranges`` lists every segment and how many of its bytes are on
disk. It is written before the first byte and then every ``CHECKPOINT_S`` seconds, each time only after an
``fdatasync`` of the ``.part``, so what it claims has reached the disk even after a power cut. While it exists,
the ``.part`` is NOT a contiguous prefix and must never be taken as complete by its size.
"""

from __future__ import annotations

import json
import os
import queue
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .disk_writeback import Writeback
from .errors import DownloadError

if TYPE_CHECKING:  # pragma: no cover
    import requests

STATE_SUFFIX = ".ranges"
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)", re.IGNORECASE)
CHECKPOINT_S = 2.0
MAX_SEGMENT = 256 << 20
_RETRY_STATUS = (408, 429)


class RangesRefused(Exception):
    """The server answered a range request with the whole file: parallel ranges cannot work with it."""


class RangeRetry(Exception):
    """A transient failure of one range request (dropped, timeout, 5xx): resume that range later."""


@dataclass
class Segment:
    start: int
    end: int  # exclusive
    done: int = 0  # bytes of this segment on disk (from ``start``)
    failures: int = 0  # consecutive attempts that brought nothing

    @property
    def position(self) -> int:
        return self.start + self.done

    @property
    def left(self) -> int:
        return self.end - self.position


@dataclass
class Plan:
    """When and how to go parallel. The first plain GET streams alone for ``probe_s``; the other connections
    join only when the rest would take longer than ``parallel_after_s`` at that stream's rate, so a fast local
    link keeps its single stream (threads there only add overhead) while a capped distant one gets ``connections``.
    """

    connections: int = 6
    segment_bytes: int = 16 << 20
    probe_s: float = 0.25
    parallel_after_s: float = 2.0
    max_retries: int = 5
    retry_delays: tuple[float, ...] = (1, 2, 4, 8, 16)

    def wants(self, total: int | None) -> bool:
        """Parallel pays off only for files of at least two segments."""
        return self.connections > 1 and total is not None and total >= 2 * self.segment_bytes

    def worth_it(self, got: int, seconds: float, left: int) -> bool | None:
        """After the probe: True to go parallel, False to stay single; None while still probing."""
        if seconds < self.probe_s:
            return None
        return left * seconds > self.parallel_after_s * max(got, 1)

    def segments(self, total: int, done_up_to: int = 0) -> list[Segment]:
        """About 4 segments per connection (stragglers even out), never smaller than ``segment_bytes``; bytes
        below ``done_up_to`` (what the single stream already wrote) count as done."""
        size = min(MAX_SEGMENT, max(self.segment_bytes, total // (self.connections * 4)))
        return [Segment(start, min(total, start + size), max(0, min(done_up_to, start + size, total) - start))
                for start in range(0, total, size)]


@contextmanager
def network_errors(retry: Callable[[str], Exception], fail: Callable[[str], Exception]) -> Iterator[None]:
    """requests' exceptions as ours: drops and timeouts are worth a retry, anything else is one sentence."""
    import requests

    try:
        yield
    except requests.exceptions.Timeout:
        raise retry("the server stopped answering (timeout)") from None
    except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError):
        raise retry("the connection was interrupted") from None
    except requests.exceptions.RequestException as err:
        raise fail(f"the request failed ({type(err).__name__})") from None


def content_range(resp: requests.Response) -> tuple[int, int | None] | None:
    """First byte and total size (None when '*') of a 206 answer's Content-Range; None when it has none."""
    match = _CONTENT_RANGE.match(resp.headers.get("Content-Range", ""))
    if not match:
        return None
    return int(match.group(1)), (None if match.group(3) == "*" else int(match.group(3)))


def state_path(part: Path) -> Path:
    return part.with_name(part.name + STATE_SUFFIX)


def load_state(part: Path) -> tuple[int, list[Segment]] | None:
    """The saved total and segments of an interrupted parallel download; None when there is none (or it is bad)."""
    path = state_path(part)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        segments = [Segment(int(s), int(e), int(d)) for s, e, d in data["segments"]]
        total = int(data["total"])
    except (OSError, ValueError, KeyError, TypeError):
        segments, total = [], 0
    if not part.exists() or not segments or any(not 0 <= s.done <= s.end - s.start for s in segments):
        discard(part)  # the bytes can no longer be told apart: start over
        return None
    return total, segments


def save_state(part: Path, total: int, segments: list[Segment]) -> None:
    """Atomically replace the state file (fsynced: it is the only record of which bytes are good)."""
    path = state_path(part)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump({"total": total, "segments": [[s.start, s.end, s.done] for s in segments]}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def discard(part: Path) -> None:
    """Forget an unusable parallel download: state first, so a crash in between leaves no trusted .part."""
    state_path(part).unlink(missing_ok=True)
    part.unlink(missing_ok=True)


class ParallelDownload:
    """One parallel download of ``url`` into ``part``; ``run`` returns when every segment is on disk."""

    def __init__(self, url: str, part: Path, name: str, session: requests.Session, headers: dict, timeout: float,
                 chunk_size: int, plan: Plan, total: int, segments: list[Segment]) -> None:
        self.url, self.part, self.name, self.session, self.headers = url, part, name, session, headers
        self.timeout, self.chunk_size, self.plan, self.total = timeout, chunk_size, plan, total
        self.segments = segments
        self.todo: queue.SimpleQueue[Segment] = queue.SimpleQueue()
        self.stop = threading.Event()
        self.errors: list[BaseException] = []
        self._lock = threading.Lock()
        self._pending = 0
        self.fd = -1

    # -- the caller's thread -------------------------------------------------------------------------------------
    def run(self, first: requests.Response | None, first_at: int, report: Callable[[int], None],
            check_cancel: Callable[[], None]) -> None:
        """Download all segments; ``first`` is an open plain GET whose body has been read up to ``first_at``.

        Progress and cancel run on the caller's thread only (a QgsTask's progress is set from its own thread).
        Raises CancelledError, DownloadError or RangesRefused; the state file then says what is kept.
        """
        self.fd = os.open(str(self.part), os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            self._checkpoint()  # before any new byte: from now on the .part is never trusted by its size
            workers = self._start(first, first_at)
            try:
                self._watch(report, check_cancel)
            finally:
                self.stop.set()
                for worker in workers:
                    worker.join()
                self._checkpoint()
        finally:
            os.close(self.fd)
        if self.errors:
            raise self.errors[0]

    def _start(self, first: requests.Response | None, first_at: int) -> list[threading.Thread]:
        waiting = [s for s in self.segments if s.left > 0]
        self._pending = len(waiting)
        lead = next((s for s in waiting if first is not None and s.position == first_at), None)
        if lead is not None:
            waiting.remove(lead)
        elif first is not None:
            first.close()
        for segment in waiting:
            self.todo.put(segment)
        count = max(1, min(self.plan.connections, self._pending))
        workers = [threading.Thread(target=self._work, args=(lead, first) if i == 0 and lead else (None, None),
                                    name=f"wc-range-{i}", daemon=True) for i in range(count)]
        for worker in workers:
            worker.start()
        return workers

    def _watch(self, report: Callable[[int], None], check_cancel: Callable[[], None]) -> None:
        last_checkpoint = time.monotonic()
        while not self.stop.wait(0.1):
            report(sum(s.done for s in self.segments))
            check_cancel()
            if time.monotonic() - last_checkpoint >= CHECKPOINT_S:
                self._checkpoint()
                last_checkpoint = time.monotonic()
        report(sum(s.done for s in self.segments))

    def _checkpoint(self) -> None:
        """Record progress only after the bytes it claims are on disk (read the counts before the sync)."""
        if not self.part.exists():  # discarded after a size conflict: nothing left to record
            return
        snapshot = [Segment(s.start, s.end, s.done) for s in self.segments]
        os.fdatasync(self.fd) if hasattr(os, "fdatasync") else os.fsync(self.fd)
        save_state(self.part, self.total, snapshot)

    # -- worker threads -----------------------------------------------------------------------------------------
    def _work(self, lead: Segment | None, first: requests.Response | None) -> None:
        try:
            if lead is not None:
                self._segment(lead, first)
            while not self.stop.is_set():
                try:
                    segment = self.todo.get_nowait()
                except queue.Empty:
                    return
                self._segment(segment, None)
        except BaseException as err:  # noqa: BLE001 (handed to the caller's thread, which raises it)
            with self._lock:
                self.errors.append(err)
            self.stop.set()

    def _segment(self, segment: Segment, response: requests.Response | None) -> None:
        """Fetch one segment to its end, retrying transient failures from where it stopped."""
        while segment.left > 0 and not self.stop.is_set():
            before = segment.done
            try:
                self._attempt(segment, response)
            except RangeRetry as retry:
                segment.failures = 0 if segment.done > before else segment.failures + 1
                if segment.failures > self.plan.max_retries:
                    raise self.fail(f"{retry}, {segment.failures} times in a row") from None
                delays = self.plan.retry_delays
                self.stop.wait(delays[min(segment.failures, len(delays)) - 1] if segment.failures and delays else 0)
            response = None  # a retry asks for the rest of the segment with its own range request
        with self._lock:
            if segment.left == 0:
                self._pending -= 1
                if self._pending == 0:
                    self.stop.set()

    def _attempt(self, segment: Segment, first: requests.Response | None) -> None:
        """One request for the rest of ``segment`` (or the rest of the open plain GET ``first``)."""
        headers = {**self.headers, "Range": f"bytes={segment.position}-{segment.end - 1}"}
        with network_errors(RangeRetry, self.fail), \
                first or self.session.get(self.url, headers=headers, stream=True, timeout=self.timeout) as resp:
            if first is None:
                self._check(resp, segment)
            self._copy(resp, segment)  # leaving the with-block closes a plain GET's unread rest

    def _check(self, resp: requests.Response, segment: Segment) -> None:
        status = resp.status_code
        if status == 200:
            raise RangesRefused()
        if status >= 500 or status in _RETRY_STATUS:
            raise RangeRetry(f"the server answered HTTP {status}")
        if status != 206:
            raise self.fail(f"the server answered HTTP {status}")
        start, total = content_range(resp) or (-1, None)
        if total is not None and total != self.total:
            discard(self.part)
            raise self.fail(f"the server reported two different sizes ({self.total:,} and {total:,} bytes)")
        if start != segment.position:
            raise RangeRetry("the server sent an unusable partial answer")

    def _copy(self, resp: requests.Response, segment: Segment) -> None:
        """Write the body at the segment's position until the segment is full (or the body/stop ends)."""
        import requests

        writeback = Writeback(self.fd, segment.position)
        try:
            for chunk in resp.iter_content(chunk_size=self.chunk_size):
                chunk = chunk[: segment.left]
                os.pwrite(self.fd, chunk, segment.position)
                segment.done += len(chunk)
                writeback.wrote_up_to(segment.position)
                if segment.left == 0 or self.stop.is_set():
                    return
        except requests.exceptions.RequestException:
            raise
        except OSError as err:
            raise self.fail(f"the file could not be written ({err.strerror or err})") from None
        if segment.left > 0 and not self.stop.is_set():
            raise RangeRetry("the connection ended early")

    def fail(self, reason: str) -> DownloadError:
        return DownloadError(f"Could not download {self.name}: {reason}.")
