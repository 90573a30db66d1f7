"""Benchmark (c) of issue #5: download a 1 GiB asset with ``download_file`` vs ``curl -o`` on the same URL.

A plain Python HTTP server (separate process, Range support, ``os.sendfile``) serves a sparse 1 GiB file on
127.0.0.1. Each tool downloads it ``ROUNDS`` times, alternating, after an ``os.sync()`` so earlier writes do not
bill the next run; the best time counts. ``download_file`` runs in this process so its peak RSS growth can be
measured (``/proc/self/clear_refs`` resets the high-water mark).

``download_file`` fsyncs (a finished map must survive a power cut) and curl does not, so it is compared with both
plain ``curl -o`` and ``curl -o`` followed by an fsync of the file, on disk (the default temp folder) and on tmpfs
(/dev/shm, where fsync is free: the HTTP + copy path itself). It starts each 8 MiB's disk writes as they arrive
(``core/disk_writeback``), so its final fsync has little left and it can match plain curl on disk too.

Run: ``.venv/bin/python tests/benchmarks/bench_download.py`` (or through pytest: ``test_download_throughput``).
Env: ``BENCH_DOWNLOAD_MB`` (default 1024).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from worldcereal_qgis.core.download import download_file  # noqa: E402
from worldcereal_qgis.core.ranged_download import Plan  # noqa: E402

SIZE_MB = int(os.environ.get("BENCH_DOWNLOAD_MB", "1024"))
ROUNDS = 3  # best of 3: on this shared machine one slow round is common
LOCAL_TARGET = 1.0  # no slower than one stream on the local link (#21: reported as a ratio)
LOCAL_GUARD = 0.9  # issue #5's target, asserted: on this shared machine two runs of the same code differ by ~10 %
LINK_TARGET = 2.0  # at least twice one stream over the capped, distant link
RSS_TARGET_MB = 50.0
CONNECTIONS = 6  # download_file's default
LINK_MB_S = float(os.environ.get("BENCH_LINK_MB_S", "20"))
LINK_DELAY_MS = float(os.environ.get("BENCH_LINK_DELAY_MS", "50"))


# -- the server (runs as `bench_download.py --serve FILE [RATE_MB_S DELAY_MS]`) -----------------------------------
class _FileHandler(BaseHTTPRequestHandler):
    """Range-capable file server; with a rate it paces each connection and waits ``delay`` before each answer."""

    protocol_version = "HTTP/1.1"
    path_on_disk = ""
    rate = 0.0  # bytes per second per connection; 0 = as fast as sendfile goes
    delay = 0.0  # seconds before each response (the round trip of a distant object store)

    def log_message(self, *args) -> None:
        return None

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        size = os.path.getsize(self.path_on_disk)
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        start = int(match.group(1)) if match else 0
        end = min(size, int(match.group(2)) + 1) if match and match.group(2) else size
        time.sleep(self.delay)
        if start >= size and match:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(206 if match else 200)
        if match:
            self.send_header("Content-Range", f"bytes {start}-{end - 1}/{size}")
        self.send_header("Content-Length", str(end - start))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Type", "image/tiff")
        self.end_headers()
        self.wfile.flush()
        try:
            self._send(start, end)
        except (BrokenPipeError, ConnectionResetError):  # the client closed a plain GET it had enough of
            self.close_connection = True

    def _send(self, offset: int, end: int) -> None:
        block = 1 << 24 if not self.rate else 1 << 18
        began, first = time.perf_counter(), offset
        with open(self.path_on_disk, "rb") as fh:
            while offset < end:
                sent = os.sendfile(self.connection.fileno(), fh.fileno(), offset, min(block, end - offset))
                if sent == 0:
                    break
                offset += sent
                if self.rate:  # pace: never ahead of rate x elapsed time on this connection
                    ahead = (offset - first) / self.rate - (time.perf_counter() - began)
                    if ahead > 0:
                        time.sleep(ahead)


def serve(path: str, rate_mb_s: float = 0.0, delay_ms: float = 0.0) -> None:
    _FileHandler.path_on_disk = path
    _FileHandler.rate, _FileHandler.delay = rate_mb_s * 1e6, delay_ms / 1000
    ThreadingHTTPServer.daemon_threads = True
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _FileHandler)
    print(httpd.server_address[1], flush=True)
    httpd.serve_forever()


# -- measuring ----------------------------------------------------------------------------------------------------
def _status_kb(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def _reset_peak_rss() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def time_ours(url: str, dest: Path, connections: int) -> tuple[float, float]:
    """Seconds, and peak RSS growth in MB, of one ``download_file`` call."""
    _clean(dest)
    rss_before = _status_kb("VmRSS")
    exact = _reset_peak_rss()
    started = time.perf_counter()
    download_file(url, dest, expected_size=SIZE_MB << 20, parallel=Plan(connections=connections))
    seconds = time.perf_counter() - started
    peak = _status_kb("VmHWM") if exact else _status_kb("VmRSS")
    dest.unlink()
    return seconds, (peak - rss_before) / 1024


def time_curl(url: str, dest: Path, *, fsync: bool) -> float:
    _clean(dest)
    started = time.perf_counter()
    subprocess.run(["curl", "-sS", "-f", "-o", str(dest), url], check=True)
    if fsync:
        _fsync(dest)
    seconds = time.perf_counter() - started
    assert dest.stat().st_size == SIZE_MB << 20
    dest.unlink()
    return seconds


def _clean(dest: Path) -> None:
    dest.unlink(missing_ok=True)
    os.sync()


def measure(url: str, folder: str | None, *, link: bool = False) -> dict[str, float]:
    """Best-of-ROUNDS times of curl (+ fsync), download_file (parallel, and one stream), writing into ``folder``.

    Over the slow link only plain curl and the parallel download run (each curl there takes ~54 s).
    """
    work = Path(tempfile.mkdtemp(prefix="wc-bench-dl-", dir=folder))
    times: dict[str, list[float]] = {"curl_s": [], "ours_s": [], "rss_growth_mb": []}
    if not link:
        times.update(curl_fsync_s=[], ours_single_s=[])
    try:
        for _ in range(ROUNDS):
            times["curl_s"].append(time_curl(url, work / "curl.bin", fsync=False))
            seconds, growth = time_ours(url, work / "ours.tif", CONNECTIONS)
            times["ours_s"].append(seconds)
            times["rss_growth_mb"].append(growth)
            if not link:
                times["curl_fsync_s"].append(time_curl(url, work / "curl.bin", fsync=True))
                times["ours_single_s"].append(time_ours(url, work / "ours.tif", 1)[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures = {key: min(values) for key, values in times.items()}
    figures["rss_growth_mb"] = max(times["rss_growth_mb"])
    figures["ratio"] = figures["curl_s"] / figures["ours_s"]
    if not link:
        figures["ratio_vs_curl_fsync"] = figures["curl_fsync_s"] / figures["ours_s"]
        figures["ratio_vs_single"] = figures["ours_single_s"] / figures["ours_s"]
    return figures


def _server(source: Path, *args: str) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(source), *args], stdout=subprocess.PIPE,
                              text=True)
    return server, f"http://127.0.0.1:{server.stdout.readline().strip()}/asset.tif"


def run() -> dict[str, dict[str, float]]:
    src_dir = Path(tempfile.mkdtemp(prefix="wc-bench-src-"))
    source = src_dir / "source.bin"
    with open(source, "wb") as fh:
        fh.truncate(SIZE_MB << 20)  # sparse: no disk used, reads are fast zeros
    local, local_url = _server(source)
    slow, slow_url = _server(source, str(LINK_MB_S), str(LINK_DELAY_MS))
    try:
        results = {"disk": measure(local_url, None)}
        if Path("/dev/shm").is_dir():
            results["tmpfs"] = measure(local_url, "/dev/shm")
        results["link"] = measure(slow_url, None, link=True)
        return results
    finally:
        for server in (local, slow):
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(src_dir, ignore_errors=True)


def report(results: dict[str, dict[str, float]]) -> None:
    print(f"\nDownload of a {SIZE_MB} MiB asset from 127.0.0.1 (best of {ROUNDS}); download_file uses "
          f"{CONNECTIONS} connections, fsyncs; 'link' = {LINK_MB_S:.0f} MB/s per connection + {LINK_DELAY_MS:.0f} ms "
          f"before each answer, written to disk:")
    labels = (("download_file", "ours_s"), ("download_file, 1 stream", "ours_single_s"), ("curl -o", "curl_s"),
              ("curl -o + fsync", "curl_fsync_s"))
    for where, f in results.items():
        print(f"  [{where}]")
        for label, key in labels:
            if key in f:
                print(f"    {label:24s} {f[key]:6.2f} s  {SIZE_MB / f[key]:6.0f} MiB/s")
        target = LINK_TARGET if where == "link" else LOCAL_TARGET
        extra = (f"   vs curl + fsync {f['ratio_vs_curl_fsync']:5.2f}   vs our one stream {f['ratio_vs_single']:5.2f}"
                 if "ratio_vs_single" in f else "")
        print(f"    ratio vs curl            {f['ratio']:6.2f}{extra}   (target >= {target})")
        print(f"    peak RSS growth          {f['rss_growth_mb']:6.1f} MB (target < {RSS_TARGET_MB:.0f} MB)")


def test_download_throughput() -> None:
    results = run()
    report(results)
    for figures in results.values():
        assert figures["rss_growth_mb"] < RSS_TARGET_MB
    assert results["disk"]["ratio"] >= LOCAL_GUARD
    if "tmpfs" in results:
        assert results["tmpfs"]["ratio"] >= LOCAL_GUARD
    assert results["link"]["ratio"] >= LINK_TARGET


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--serve":
        serve(sys.argv[2], *(float(a) for a in sys.argv[3:5]))
    else:
        report(run())
