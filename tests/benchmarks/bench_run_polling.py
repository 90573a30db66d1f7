"""Benchmark: HTTP requests per minute while a 20-tile run is polled against the local backend (issue #8).

The run uses 2 parallel jobs and the local profile's poll policy (1 s, backing off to 5 s); each simulated job
runs JOB_S seconds. Every request of the client's session is counted (status checks, submissions, result
listings, downloads). The bound: at most ``parallel`` jobs are polled, each at most once per minimum interval,
plus the few requests of each submission and download; with CDSE's 10 s minimum the same run stays below a
tenth of the local figure.

Run: .venv/bin/python -m pytest tests/benchmarks/bench_run_polling.py -s -q -o python_files="bench_*.py"
 or: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_run_polling.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from shapely.geometry import box  # noqa: E402

from tests.fixtures.backend import LocalBackend, _free_port  # noqa: E402
from worldcereal_qgis.core.credits import DEFAULT_RATES  # noqa: E402

TILES = 20
JOB_S = 6.0
PARALLEL = 2
AOI = box(5.96, 46.60, 6.08, 46.64)  # ~9 x 4.5 km; 1.4 km tiles -> 20+ small tiles (downloads stay tiny)
TILE_KM = 1.4


def run() -> dict:
    from worldcereal_qgis.adapters import connections
    from worldcereal_qgis.core.aoi import Aoi
    from worldcereal_qgis.core.request import cropland_request
    from worldcereal_qgis.core.tile_runs import TileRun, run_tiled
    from worldcereal_qgis.core.tiling import plan_tiles

    with tempfile.TemporaryDirectory() as tmp:
        backend = LocalBackend(port=_free_port(), data_dir=Path(tmp) / "backend",
                               extra_args=["--job-duration", str(JOB_S)])
        backend.data_dir.mkdir()
        backend.start()
        try:
            profile = connections.profile("local", backend.url)
            counts: Counter = Counter()
            session = connections.client(profile).connection.session
            session.hooks["response"].append(lambda r, *a, **k: counts.update([_kind(r.request)]))
            tiles = plan_tiles(AOI, "bench", TILE_KM)[:TILES]
            request = cropland_request(Aoi(AOI, "bench"), year=2021)
            tile_run = TileRun.create(Path(tmp) / "run", request, profile, tiles, client_for=connections.client,
                                      parallel=PARALLEL)
            t0 = time.perf_counter()
            summary = run_tiled(tile_run, rates=DEFAULT_RATES)
            minutes = (time.perf_counter() - t0) / 60.0
        finally:
            backend.stop()
    total = sum(counts.values())
    bound = 60.0 / profile.min_poll_interval_s * PARALLEL + 60.0 / JOB_S * PARALLEL * 8
    return {"tiles": len(tiles), "finished": len(summary.finished), "minutes": minutes, "requests": total,
            "per_minute": total / minutes, "status_per_minute": counts["status"] / minutes, "bound": bound,
            "counts": dict(counts)}


def _kind(request) -> str:
    method, path = request.method, request.path_url.split("?")[0]
    if method == "GET" and path.rstrip("/").split("/")[-2] == "jobs":
        return "status"
    if "/results" in path:
        return "results"
    return f"{method} {path.rsplit('/', 1)[-1] if '/jobs/' not in path else 'jobs/*'}"


def _print(res: dict) -> None:
    print(f"\n{res['tiles']} tiles, {PARALLEL} parallel, {JOB_S:g} s jobs: {res['minutes']:.2f} min, "
          f"{res['requests']} requests = {res['per_minute']:.0f}/min (status checks {res['status_per_minute']:.0f}"
          f"/min; bound {res['bound']:.0f}/min); {res['counts']}")


def test_requests_per_minute_are_bounded():
    res = run()
    _print(res)
    assert res["finished"] == res["tiles"] == TILES
    assert res["per_minute"] <= res["bound"]


if __name__ == "__main__":
    _print(run())
