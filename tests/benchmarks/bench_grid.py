"""Benchmark: the shipped Sentinel-2 grid (size, cold load) and the answer for a continent (#18, #16 item 3).

* The grid file's size on disk and the time to decode it in a fresh process (ids, UTM corners and centres of
  all 56,686 tiles), target < 0.5 s.
* A continent: Africa's bounding box (~57 million km²) in a fresh process, from the geometry to the one-sentence
  refusal (equal-area area, bounds check), target < 5 s.

Run: .venv/bin/python -m pytest tests/benchmarks/bench_grid.py -s -q -o python_files="bench_*.py"
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOAD_TARGET_S, CONTINENT_TARGET_S = 0.5, 5.0
ROUNDS = 3

_LOAD = """
import json, time
t0 = time.perf_counter()
from worldcereal_qgis.core import s2grid
g = s2grid.grid()
print(json.dumps({"s": time.perf_counter() - t0, "tiles": len(g.ids)}))
"""

_CONTINENT = """
import json, time
t0 = time.perf_counter()
from shapely.geometry import box
from worldcereal_qgis.core import plan_bounds
from worldcereal_qgis.core.credits import DEFAULT_RATES
from worldcereal_qgis.core.errors import InputError
try:
    plan_bounds.check_plan_bounds(plan_bounds.area_km2(box(-17.5, -34.8, 51.3, 37.3)), 20.0, max_credits=1000.0,
                                  rates=DEFAULT_RATES)
    message = None
except InputError as err:
    message = str(err)
print(json.dumps({"s": time.perf_counter() - t0, "message": message}))
"""


def _fresh(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> dict:
    from worldcereal_qgis.core import s2grid

    loads = [_fresh(_LOAD) for _ in range(ROUNDS)]
    continents = [_fresh(_CONTINENT) for _ in range(ROUNDS)]
    return {"bytes": s2grid.GRID_FILE.stat().st_size, "tiles": loads[0]["tiles"],
            "load_s": max(r["s"] for r in loads), "continent_s": max(r["s"] for r in continents),
            "message": continents[0]["message"]}


def _report(r: dict) -> None:
    print(f"S2 grid: {r['tiles']:,} tiles in {r['bytes']:,} bytes; cold load {r['load_s']:.3f} s "
          f"(worst of {ROUNDS}, fresh process incl. imports; target < {LOAD_TARGET_S} s)")
    print(f"continent answer: {r['continent_s']:.3f} s (worst of {ROUNDS}, fresh process; target < "
          f"{CONTINENT_TARGET_S} s): {r['message']}")


def test_grid_is_small_and_fast_and_a_continent_is_answered_in_seconds() -> None:
    r = run()
    _report(r)
    assert r["tiles"] == 56_686 and r["bytes"] < 100_000
    assert r["load_s"] < LOAD_TARGET_S and r["continent_s"] < CONTINENT_TARGET_S
    assert r["message"] and "more than the 1,000 jobs" in r["message"]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    _report(run())
