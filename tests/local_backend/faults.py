"""Deterministic fault injection: a WSGI middleware plus the switches the admin endpoint sets.

Switches (JSON, all optional; counts are consumed one per matching request/download/job):
  http_503      {"count": N, "path": regex}        next N matching requests answer 503 ServiceUnavailable
  delay         {"ms": D, "path": regex, "count": N|null}   matching requests wait D ms (N times or always)
  drop_download {"after_bytes": K, "count": N}      first N asset downloads are cut after K bytes
  corrupt_asset {"count": N}                        first N asset downloads have bytes flipped (same size)
  job_error     {"count": N, "message": str}        next N created jobs end in ``error`` with error logs
  expire_token  {"after_requests": N}               after N more authenticated requests, every access
                                                    token issued so far is rejected with 401 TokenInvalid
  concurrent_limit {"limit": L}                     per user at most L queued/running jobs: a further start
                                                    answers 400 ConcurrentJobLimit as CDSE does (stays set)
  signed_urls   {"ttl_s": T}                        asset links carry a temporary token in their query string,
                                                    as CDSE's signed links do (stays set)
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Iterable
from typing import Any, Callable, Optional

ADMIN_PREFIX = "/_admin"
ASSET_RE = re.compile(r"/jobs/[^/]+/results/assets/")
CORRUPT_EVERY = 512
KNOWN = ("http_503", "delay", "drop_download", "corrupt_asset", "job_error", "expire_token", "concurrent_limit",
         "signed_urls")


class FaultError(ValueError):
    """Bad fault specification (answered with HTTP 400 by the admin endpoint)."""


class Faults:
    """Thread-safe fault switches; ``take_*`` consume one count and say whether the fault applies."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: dict[str, dict] = {}
        self.on_expire: Callable[[], int] = lambda: 0

    def set(self, spec: dict) -> dict:
        unknown = set(spec) - set(KNOWN)
        if unknown:
            raise FaultError(f"Unknown fault switch(es): {sorted(unknown)}; known: {list(KNOWN)}.")
        with self._lock:
            for name, value in spec.items():
                if value in (None, False, 0):
                    self._state.pop(name, None)
                else:
                    self._state[name] = _normalise(name, value)
        if "expire_token" in spec:
            self.count_authenticated_request(initial=True)
        return self.snapshot()

    def reset(self) -> None:
        with self._lock:
            self._state.clear()

    def snapshot(self) -> dict:
        with self._lock:
            return json.loads(json.dumps(self._state))

    def _take(self, name: str, path: Optional[str] = None) -> Optional[dict]:
        with self._lock:
            fault = self._state.get(name)
            if fault is None or (path is not None and not re.search(fault.get("path", ""), path)):
                return None
            if fault.get("count") is not None:
                fault["count"] -= 1
                if fault["count"] <= 0:
                    del self._state[name]
            return dict(fault)

    def take_503(self, path: str) -> bool:
        return self._take("http_503", path) is not None

    def take_delay(self, path: str) -> float:
        fault = self._take("delay", path)
        return fault["ms"] / 1000.0 if fault else 0.0

    def take_drop(self) -> Optional[int]:
        fault = self._take("drop_download")
        return int(fault["after_bytes"]) if fault else None

    def take_corrupt(self) -> bool:
        return self._take("corrupt_asset") is not None

    def take_job_error(self) -> Optional[str]:
        fault = self._take("job_error")
        return fault["message"] if fault else None

    def concurrent_limit(self) -> Optional[int]:
        """CDSE's per-user cap on running batch jobs, when switched on (never consumed)."""
        with self._lock:
            fault = self._state.get("concurrent_limit")
            return int(fault["limit"]) if fault else None

    def signed_urls(self) -> Optional[int]:
        """Lifetime (s) of the temporary token put into asset links, when switched on (never consumed)."""
        with self._lock:
            fault = self._state.get("signed_urls")
            return int(fault["ttl_s"]) if fault else None

    def count_authenticated_request(self, initial: bool = False) -> None:
        """Count down ``expire_token``; at zero revoke all issued access tokens (once)."""
        with self._lock:
            fault = self._state.get("expire_token")
            if fault is None:
                return
            if not initial:
                fault["after_requests"] -= 1
            if fault["after_requests"] > 0:
                return
            del self._state["expire_token"]
        self.on_expire()


def _normalise(name: str, value: Any) -> dict:
    value = {} if value is True else dict(value)
    defaults = {
        "http_503": {"count": 1, "path": "^/openeo/"},
        "delay": {"ms": 500, "path": "^/openeo/", "count": None},
        "drop_download": {"after_bytes": 1024, "count": 1},
        "corrupt_asset": {"count": 1},
        "job_error": {"count": 1, "message": "Simulated failure: executor lost (injected fault)."},
        "expire_token": {"after_requests": 0},
        "concurrent_limit": {"limit": 2},
        "signed_urls": {"ttl_s": 3600},
    }[name]
    out = {**defaults, **value}
    for key in ("count", "ms", "after_bytes", "after_requests", "limit", "ttl_s"):
        if out.get(key) is not None and (not isinstance(out[key], int) or out[key] < 0):
            raise FaultError(f"Fault {name}.{key} must be a non-negative integer.")
    if "path" in out:
        re.compile(out["path"])
    return out


class FaultMiddleware:
    """Applies request-level faults around the Flask WSGI app (admin paths are never affected)."""

    def __init__(self, app: Callable, faults: Faults) -> None:
        self.app = app
        self.faults = faults

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith(ADMIN_PREFIX):
            return self.app(environ, start_response)
        delay = self.faults.take_delay(path)
        if delay:
            time.sleep(delay)
        if self.faults.take_503(path):
            return _service_unavailable(start_response)
        if environ.get("REQUEST_METHOD") == "GET" and ASSET_RE.search(path):
            return self._asset(environ, start_response)
        return self.app(environ, start_response)

    def _asset(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        drop_after = self.faults.take_drop()
        corrupt = self.faults.take_corrupt()
        status_holder: dict = {}

        def capture(status: str, headers: list, exc_info: Any = None) -> Callable:
            status_holder["status"] = status
            status_holder["offset"] = _range_start(headers)
            return start_response(status, headers, exc_info)

        body = self.app(environ, capture)
        if not status_holder.get("status", "").startswith(("200", "206")):
            return body
        return _faulty_body(body, status_holder["offset"], drop_after, corrupt)


def _faulty_body(body: Iterable[bytes], offset: int, drop_after: Optional[int], corrupt: bool) -> Iterable[bytes]:
    sent = 0
    try:
        for chunk in body:
            if corrupt:
                chunk = _flip(chunk, offset + sent)
            if drop_after is not None and sent + len(chunk) >= drop_after:
                yield chunk[: drop_after - sent]
                raise ConnectionAbortedError("Injected fault: connection dropped during asset download.")
            sent += len(chunk)
            yield chunk
    finally:
        close = getattr(body, "close", None)
        if close:
            close()


def _flip(chunk: bytes, start: int) -> bytes:
    """XOR 0xFF every byte whose absolute file offset is a multiple of CORRUPT_EVERY (offset 0 included)."""
    data = bytearray(chunk)
    first = (-start) % CORRUPT_EVERY
    for i in range(first, len(data), CORRUPT_EVERY):
        data[i] ^= 0xFF
    return bytes(data)


def _range_start(headers: list) -> int:
    for key, value in headers:
        if key.lower() == "content-range":
            match = re.match(r"bytes (\d+)-", value)
            if match:
                return int(match.group(1))
    return 0


def _service_unavailable(start_response: Callable) -> list[bytes]:
    body = json.dumps(
        {
            "id": uuid.uuid4().hex,
            "code": "ServiceUnavailable",
            "message": "The service is temporarily unavailable (injected fault); try again.",
        }
    ).encode()
    start_response(
        "503 SERVICE UNAVAILABLE",
        [("Content-Type", "application/json"), ("Content-Length", str(len(body))), ("Retry-After", "0")],
    )
    return [body]
