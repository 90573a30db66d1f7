"""Crop-calendar season lookup: first load of the table, then per-AOI answer time (target < 100 ms per AOI).

Run: .venv/bin/python tests/benchmarks/bench_seasons.py   (or pytest -s tests/benchmarks/bench_seasons.py)
An "AOI answer" is ``suggest_all`` (tc-s1, tc-s2, tc-annual), what the dock and Processing ask for.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from worldcereal_qgis.core import seasons  # noqa: E402

CALENDAR = Path(os.environ.get("WORLDCEREAL_SHARED", REPO.parent / "shared")) / "worldcereal" / "cropcalendar" \
    / seasons.CALENDAR_FILENAME
TARGET_MS = 100.0
SIZES_DEG = (0.05, 0.5, 2.0, 10.0, 40.0)  # field, district, region, country, sub-continent


def _aois(n: int) -> list[tuple[float, float, float, float]]:
    rng = random.Random(6)
    out = []
    for i in range(n):
        size = SIZES_DEG[i % len(SIZES_DEG)]
        west, south = rng.uniform(-120, 140), rng.uniform(-40, 60)
        out.append((west, south, min(west + size, 180.0), min(south + size, 85.0)))
    return out


def run(n: int = 500) -> dict[str, float]:
    seasons._LOADED.clear()
    t0 = time.perf_counter()
    calendar = seasons.CropCalendar.load(CALENDAR)
    load_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    seasons.CropCalendar.load(CALENDAR)
    cached_ms = (time.perf_counter() - t0) * 1000
    per_aoi, by_size = [], {s: [] for s in SIZES_DEG}
    for i, bbox in enumerate(_aois(n)):
        t0 = time.perf_counter()
        try:
            calendar.suggest_all(bbox, 2021)
        except seasons.InputError:
            pass  # open ocean: the "no calendar within 5°" answer is an answer too
        ms = (time.perf_counter() - t0) * 1000
        per_aoi.append(ms)
        by_size[SIZES_DEG[i % len(SIZES_DEG)]].append(ms)
    figures = {
        "rows": len(calendar), "first_load_ms": load_ms, "cached_load_ms": cached_ms,
        "aoi_mean_ms": statistics.mean(per_aoi), "aoi_p95_ms": sorted(per_aoi)[int(0.95 * n) - 1],
        "aoi_max_ms": max(per_aoi),
    }
    figures.update({f"aoi_mean_ms_{s:g}deg": statistics.mean(v) for s, v in by_size.items()})
    return figures


def _report(figures: dict[str, float]) -> None:
    print(f"\nseason lookup benchmark ({CALENDAR.name}, {figures['rows']:.0f} rows)")
    for key, value in figures.items():
        if key != "rows":
            print(f"  {key:<24} {value:8.2f}")
    print(f"  target per AOI           {TARGET_MS:8.2f}")


def test_season_lookup_speed() -> None:
    figures = run()
    _report(figures)
    assert figures["aoi_max_ms"] < TARGET_MS


if __name__ == "__main__":
    _report(run())
