"""Downloads against a real local HTTP server with faults: drops, 503 bursts, ignored Range, lying headers, stalls."""

from __future__ import annotations

import hashlib
import random
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from worldcereal_qgis.core.download import download_file, part_path, safe_asset_path, verify_gdal_readable
from worldcereal_qgis.core.errors import CancelledError, DownloadError

KIB = 1024
NO_WAIT = (0.0,)


@dataclass
class Faults:
    """Switches of the test server; counters apply to the first N requests."""

    drop_after: int | None = None  # close the connection after this many body bytes...
    drop_times: int = 0  # ...for this many requests
    status_burst: int = 0  # the first N requests answer `burst_status`
    burst_status: int = 503
    ignore_range: bool = False
    length_delta: int = 0  # added to the announced Content-Length
    stall_after: int | None = None  # stop sending for `stall_seconds` after this many bytes...
    stall_times: int = 0  # ...for this many requests
    stall_seconds: float = 2.0
    status: int | None = None  # always answer this status
    accept_ranges: bool = True  # announce "Accept-Ranges: bytes"
    pace: float = 0.0  # seconds of pause after each 64 KiB of body (a slow link)


@dataclass
class Server:
    url: str
    files: dict[str, bytes]
    faults: Faults = field(default_factory=Faults)
    log: list[dict] = field(default_factory=list)

    def ranges(self) -> list[str | None]:
        return [entry["range"] for entry in self.log]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep pytest output clean
        return None

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        state: Server = self.server.state  # type: ignore[attr-defined]
        f = state.faults
        index = len(state.log)
        state.log.append({"range": self.headers.get("Range"), "auth": self.headers.get("Authorization")})
        body = state.files.get(self.path)
        if f.status or body is None or index < f.status_burst:
            code = f.status or (404 if body is None else f.burst_status)
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        start, last = self._range()
        if start is not None and not f.ignore_range:
            if start >= len(body):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(body)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            last = min(len(body) - 1, len(body) - 1 if last is None else last)
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{last}/{len(body)}")
            payload = body[start:last + 1]
        else:
            self.send_response(200)
            payload = body
        self.send_header("Content-Length", str(len(payload) + f.length_delta))
        if f.accept_ranges:
            self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self._send(payload, index)

    def _range(self) -> tuple[int | None, int | None]:
        """First and last byte asked for ("bytes=a-" or "bytes=a-b"); (None, None) without a Range header."""
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        if not match:
            return None, None
        return int(match.group(1)), (int(match.group(2)) if match.group(2) else None)

    def _send(self, payload: bytes, index: int) -> None:
        f = self.server.state.faults  # type: ignore[attr-defined]
        try:
            if f.drop_after is not None and index < f.drop_times:
                self.wfile.write(payload[: f.drop_after])
                self.wfile.flush()
                self.close_connection = True
                return
            if f.stall_after is not None and index < f.stall_times:
                self.wfile.write(payload[: f.stall_after])
                self.wfile.flush()
                time.sleep(f.stall_seconds)
                self.close_connection = True
                return
            if f.pace:
                for at in range(0, len(payload), 64 * KIB):
                    self.wfile.write(payload[at:at + 64 * KIB])
                    time.sleep(f.pace)
            else:
                self.wfile.write(payload)
            if f.length_delta:
                self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # client went away on purpose in fault tests
        return None


@pytest.fixture
def server():
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    httpd.state = Server(url=f"http://127.0.0.1:{httpd.server_address[1]}", files={})
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd.state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def payload() -> bytes:
    return random.Random(5).randbytes(3 * 1024 * KIB)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def serve(server: Server, name: str, data: bytes) -> str:
    server.files[f"/{name}"] = data
    return f"{server.url}/{name}"


# -- happy path ---------------------------------------------------------------------------------------------------
def test_whole_file_arrives_with_progress_and_headers(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    seen: list[float] = []
    dest = download_file(url, tmp_path / "out" / "map.tif", headers={"Authorization": "Bearer abc"},
                         progress=seen.append, chunk_size=64 * KIB)
    assert sha(dest.read_bytes()) == sha(payload)
    assert not part_path(dest).exists()
    assert seen[-1] == 100.0 and seen == sorted(seen) and 1 < len(seen) <= 1001
    assert server.log == [{"range": None, "auth": "Bearer abc"}]


# -- resuming -----------------------------------------------------------------------------------------------------
# Drops fall on a chunk boundary: urllib3 1.x hands over the short last chunk of a dropped connection, urllib3 2.x
# (Debian 13+) raises and discards it, so elsewhere the resume offset would be the last whole chunk (both correct).
def test_dropped_connection_resumes_with_range_from_the_right_offset(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(drop_after=704 * KIB, drop_times=2)
    dest = download_file(url, tmp_path / "map.tif", chunk_size=64 * KIB, retry_delays=NO_WAIT)
    assert server.ranges() == [None, f"bytes={704 * KIB}-", f"bytes={1408 * KIB}-"]
    assert sha(dest.read_bytes()) == sha(payload)


def test_many_drops_still_finish_because_each_attempt_brings_bytes(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(drop_after=320 * KIB, drop_times=9)
    dest = download_file(url, tmp_path / "map.tif", max_retries=2, chunk_size=64 * KIB, retry_delays=NO_WAIT)
    assert server.ranges() == [None] + [f"bytes={k * 320 * KIB}-" for k in range(1, 10)]  # 9 drops, then the rest
    assert sha(dest.read_bytes()) == sha(payload)


def test_stalled_server_times_out_and_resumes(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(stall_after=512 * KIB, stall_times=1, stall_seconds=3.0)
    started = time.monotonic()
    dest = download_file(url, tmp_path / "map.tif", timeout=0.5, chunk_size=64 * KIB, retry_delays=NO_WAIT)
    assert time.monotonic() - started < 2.5  # did not wait for the stalled answer to end
    assert server.ranges() == [None, f"bytes={512 * KIB}-"]
    assert sha(dest.read_bytes()) == sha(payload)


def test_server_ignoring_range_restarts_from_zero(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(drop_after=1024 * KIB, drop_times=1, ignore_range=True)
    dest = download_file(url, tmp_path / "map.tif", chunk_size=64 * KIB, retry_delays=NO_WAIT)
    assert server.ranges() == [None, f"bytes={1024 * KIB}-"]  # asked to resume, got the whole file (200)
    assert dest.stat().st_size == len(payload)
    assert sha(dest.read_bytes()) == sha(payload)


def test_503_burst_is_retried(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(status_burst=3)
    dest = download_file(url, tmp_path / "map.tif", retry_delays=NO_WAIT)
    assert len(server.log) == 4
    assert sha(dest.read_bytes()) == sha(payload)


def test_cancel_keeps_the_part_and_the_next_call_resumes_it(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"
    seen: list[float] = []
    with pytest.raises(CancelledError) as info:
        download_file(url, dest, progress=seen.append, is_cancelled=lambda: bool(seen) and seen[-1] >= 30,
                      chunk_size=64 * KIB)
    assert "map.tif" in str(info.value) and "cancelled" in str(info.value)
    kept = part_path(dest).stat().st_size
    assert 0.3 * len(payload) <= kept < len(payload)
    assert not dest.exists()
    download_file(url, dest, chunk_size=64 * KIB)
    assert server.ranges() == [None, f"bytes={kept}-"]
    assert sha(dest.read_bytes()) == sha(payload)


def test_complete_part_from_an_earlier_call_is_finished_without_downloading_again(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"
    part_path(dest).write_bytes(payload)
    download_file(url, dest)
    assert server.ranges() == [f"bytes={len(payload)}-"]  # the server answered 416 with the same total
    assert sha(dest.read_bytes()) == sha(payload)


# -- failures: one sentence, no file at dest ----------------------------------------------------------------------
def test_endless_503_fails_with_the_file_name_and_reason(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(status=503)
    dest = tmp_path / "map.tif"
    with pytest.raises(DownloadError) as info:
        download_file(url, dest, max_retries=2, retry_delays=NO_WAIT)
    assert str(info.value) == "Could not download map.tif: the server answered HTTP 503, 3 times in a row."
    assert len(server.log) == 3
    assert not dest.exists()


def test_404_is_not_retried(server, tmp_path):
    dest = tmp_path / "gone.tif"
    with pytest.raises(DownloadError, match=r"^Could not download gone\.tif: the server answered HTTP 404\.$"):
        download_file(f"{server.url}/gone.tif", dest, retry_delays=NO_WAIT)
    assert len(server.log) == 1 and not dest.exists() and not part_path(dest).exists()


def test_unreachable_server_fails_after_retries(tmp_path):
    dest = tmp_path / "map.tif"
    with pytest.raises(DownloadError, match="connection was interrupted, 2 times in a row"):
        download_file("http://127.0.0.1:9/map.tif", dest, max_retries=1, retry_delays=NO_WAIT, timeout=2)
    assert not dest.exists()


def test_content_length_larger_than_the_file_is_reported(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(length_delta=1000)
    dest = tmp_path / "map.tif"
    with pytest.raises(DownloadError) as info:
        download_file(url, dest, retry_delays=NO_WAIT)
    assert str(info.value) == (
        f"Could not download map.tif: the server reported two different sizes "
        f"({len(payload) + 1000:,} and {len(payload):,} bytes)."
    )
    assert not dest.exists() and not part_path(dest).exists()


def test_short_content_length_is_caught_by_the_expected_size(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(length_delta=-1000)
    dest = tmp_path / "map.tif"
    with pytest.raises(DownloadError, match=r"has 3,144,728 bytes instead of 3,144,728 or 3,145,728"):
        download_file(url, dest, expected_size=len(payload), retry_delays=NO_WAIT)
    assert not dest.exists()


def test_expected_size_disagreeing_with_the_server_fails(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"
    with pytest.raises(DownloadError, match="bytes instead of"):
        download_file(url, dest, expected_size=len(payload) + 1, retry_delays=NO_WAIT)
    assert not dest.exists()


def test_write_failure_is_one_sentence(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"
    part_path(dest).mkdir()  # the .part cannot be opened as a file
    with pytest.raises(DownloadError, match=r"^Could not download map\.tif: the file could not be written \(.+\)\.$"):
        download_file(url, dest, retry_delays=NO_WAIT)
    assert not dest.exists()


# -- verification -------------------------------------------------------------------------------------------------
def test_real_geotiff_passes_gdal_check(server, reference_tif, tmp_path):
    data = reference_tif.read_bytes()
    url = serve(server, reference_tif.name, data)
    dest = download_file(url, tmp_path / reference_tif.name, verify=verify_gdal_readable)
    assert sha(dest.read_bytes()) == sha(data)


@pytest.mark.parametrize("cut", ["garbage", "truncated"])
def test_corrupt_bytes_are_rejected_by_verify(server, reference_tif, tmp_path, cut):
    data = reference_tif.read_bytes()
    bad = random.Random(1).randbytes(len(data)) if cut == "garbage" else data[: len(data) * 2 // 3]
    url = serve(server, "map.tif", bad)
    dest = tmp_path / "map.tif"
    with pytest.raises(DownloadError, match=r"^The downloaded file map\.tif is not a readable raster"):
        download_file(url, dest, verify=verify_gdal_readable)
    assert not dest.exists() and not part_path(dest).exists()


# -- asset names --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", [
    "../x", "/etc/passwd", "a/../../b", "", ".", "sub/..", "..\\x", "C:\\evil.tif", "c:evil.tif",
    "\\\\server\\share\\x.tif", "file.tif:stream", "bad\x00name.tif",
])
def test_unsafe_asset_names_are_refused(tmp_path, name):
    with pytest.raises(DownloadError, match="not a safe file name inside the output folder"):
        safe_asset_path(tmp_path, name)


@pytest.mark.parametrize(("name", "expected"), [
    ("sub/file.tif", ("sub", "file.tif")),
    ("openEO_2021-01-01Z.tif", ("openEO_2021-01-01Z.tif",)),
    ("./a//b.tif", ("a", "b.tif")),
])
def test_safe_asset_names_stay_inside(tmp_path, name, expected):
    path = safe_asset_path(tmp_path, name)
    assert path == tmp_path.joinpath(*expected)
    assert path.resolve().is_relative_to(tmp_path.resolve())


def test_symlink_inside_the_output_folder_cannot_lead_outside(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(DownloadError, match="outside the output folder"):
        safe_asset_path(out, "link/map.tif")


def test_verify_accepts_real_file_and_refuses_text(reference_tif, tmp_path):
    verify_gdal_readable(reference_tif)
    text = tmp_path / "notes.tif"
    text.write_text("not a raster")
    with pytest.raises(DownloadError, match=r"notes\.tif is not a readable raster"):
        verify_gdal_readable(text)


def test_download_dest_is_absent_until_complete(server, payload, tmp_path):
    """While bytes arrive only the .part exists; the final name appears in one rename."""
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"
    states = []
    download_file(url, dest, chunk_size=64 * KIB,
                  progress=lambda p: states.append((dest.exists(), part_path(dest).exists(), p)))
    assert all(not d and part for d, part, p in states[:-1])
    assert states[-1] == (True, False, 100.0)
