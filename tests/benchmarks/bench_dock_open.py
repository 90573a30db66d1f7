"""Opening the WorldCereal panel: the longest GUI-thread turn from "open" until the dock is built (#19, #21).

Issue #21's target: no GUI-thread stall longer than one 60 Hz frame (16.7 ms). The dock is opened inside the
real Qt event loop while the 2 ms heartbeat of ``bench_gui_stall`` beats; each gap between two beats is one
stretch the GUI thread could not answer. Per opening: the worst gap's own GUI-thread CPU time
(``time.thread_time``, the load-independent figure on this shared machine) and wall time, and the wall time
from "open" until the dock is built and swapped in. The first opening in the process (cold .ui parsing, first
CRS objects) is reported apart from the median of the warm ones; p99 is over every beat of the warm ones.
Also printed: the GUI thread's total CPU time of an opening, summed over its turns without the heartbeat (issue
#19's < 50 ms, asserted), for comparison with the former one-piece construction (21–31 ms in one turn). As in
the other stall benchmarks, the assertion on the worst turn is the former 50 ms guard; #21's frame target is
reported as ratios (the machine is shared, and GUI-thread CPU time still grows with its load).

``test_first_opening_in_a_fresh_qgis`` is the opening a person makes: the plugin's toolbar action, once per
QGIS session, in fresh interpreters (``tests/qgis/scripts/dock_open_probe.py``): the dock's modules are not
imported yet, the dock joins a shown main window. Bytecode is compiled once beforehand, as bench_startup does.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from qgis.PyQt.QtCore import QCoreApplication, QTimer

from tests.benchmarks.bench_gui_stall import FORMER_TARGET_MS, FRAME_MS, Heartbeat, run_until
from tests.qgis.conftest import configure  # noqa: F401 (fixture make_dock uses)
from tests.qgis.test_dock import BURGUNDY, make_dock, set_extent  # noqa: F401 (fixture)
from tests.qgis.test_startup_cost import SCRIPTS
from worldcereal_qgis.core.jobstore import JobStore

RUNS = 7
SETTLE_S = 0.15  # after "built": the swapped-in contents are laid out and painted in the next turns


def open_once(make) -> dict:
    """One opening inside the event loop, heartbeat running; returns its figures."""
    opened: dict = {}

    def open_dock() -> None:
        opened["started"] = time.perf_counter()
        opened["dock"] = make()
        opened["dock"].built.connect(lambda: opened.setdefault("built", time.perf_counter()))

    run_until(lambda: True, 1, "idle")  # whatever the previous opening left is done
    beat = Heartbeat().start()
    QTimer.singleShot(0, open_dock)
    run_until(lambda: "built" in opened, 10, "the dock built")
    settle = time.perf_counter() + SETTLE_S
    run_until(lambda: time.perf_counter() > settle, 5, "settled")
    beat.stop()
    dock = opened["dock"]
    assert dock.runButton.isVisible() and dock.widget() is dock.dockContents
    dock.shutdown()
    dock.hide()
    return {"beat": beat, "built_ms": (opened["built"] - opened["started"]) * 1000}


def total_cpu_ms(make) -> float:
    """The GUI thread's CPU time of a whole opening, summed over its turns, no heartbeat (as #19 measured it)."""
    QCoreApplication.processEvents()
    started = time.thread_time()
    dock = make()
    while not dock.is_built():
        QCoreApplication.processEvents()
    QCoreApplication.processEvents()  # shown and painted
    total = (time.thread_time() - started) * 1000
    dock.shutdown()
    dock.hide()
    return total


def figures(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ms (worst {max(values):.1f} ms, ratio {max(values) / FRAME_MS:.2f})"


def test_dock_opening_turns(make_dock, qgis_iface, tmp_path):  # noqa: F811
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    store = JobStore(tmp_path / "jobs.sqlite")  # the plugin's store exists already when a person opens the panel

    def make():
        return make_dock(store=store, orbit_mode="DESCENDING", turns=False)

    first, *warm = [open_once(make) for _ in range(RUNS)]
    totals = [total_cpu_ms(make) for _ in range(RUNS)]
    cpu_gaps = sorted(g * 1000 for r in warm for g in r["beat"].cpu_gaps)
    wall_gaps = sorted(g * 1000 for r in warm for g in r["beat"].gaps)
    print(f"\ndock opening, {len(warm)} warm openings, median of the worst turns: GUI-thread CPU "
          f"{figures([r['beat'].worst_ms(True) for r in warm])}, p99 {cpu_gaps[int(len(cpu_gaps) * 0.99)]:.1f} ms; "
          f"wall {figures([r['beat'].worst_ms() for r in warm])}, p99 {wall_gaps[int(len(wall_gaps) * 0.99)]:.1f} ms; "
          f"open -> built {statistics.median(r['built_ms'] for r in warm):.0f} ms wall; GUI-thread CPU of the "
          f"whole opening {statistics.median(totals[1:]):.1f} ms (target < 50 ms, #19)")
    print(f"dock opening, first in this process (cold): {first['beat'].report('worst turn')}; "
          f"open -> built {first['built_ms']:.0f} ms wall")
    assert max(r["beat"].worst_ms(True) for r in [first, *warm]) < FORMER_TARGET_MS  # regression guard
    assert statistics.median(totals[1:]) < 50  # issue #19: the whole opening, summed over its turns


FRESH_RUNS = 3


def fresh_opening(pycache: str) -> dict:
    """One run of dock_open_probe.py in a fresh interpreter; its JSON result."""
    env = dict(os.environ, PYTHONPATH=f"{SCRIPTS.parents[2]}{os.pathsep}{SCRIPTS}", PYTHONPYCACHEPREFIX=pycache,
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    proc = subprocess.run([sys.executable, str(SCRIPTS / "dock_open_probe.py")], env=env, capture_output=True,
                          text=True, timeout=180)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line is not None, proc.stdout[-2000:] + proc.stderr[-2000:]
    return json.loads(line[len("RESULT "):])


def test_first_opening_in_a_fresh_qgis():
    saved = os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        with tempfile.TemporaryDirectory(prefix="wc-bench-pyc-") as cache:
            fresh_opening(cache)  # compiles the bytecode once
            runs = [fresh_opening(cache) for _ in range(FRESH_RUNS)]
    finally:
        if saved is not None:
            os.environ["PYTHONDONTWRITEBYTECODE"] = saved
    assert all(r["cold"] and r["run_button"] for r in runs)
    print(f"\ndock, first opening in a fresh QGIS (toolbar action -> built, added, painted), {FRESH_RUNS} fresh "
          f"interpreters, median of the worst turns: GUI-thread CPU {figures([r['worst_cpu_ms'] for r in runs])}, "
          f"p99 {statistics.median(r['p99_cpu_ms'] for r in runs):.1f} ms; wall "
          f"{figures([r['worst_wall_ms'] for r in runs])}, p99 {statistics.median(r['p99_wall_ms'] for r in runs):.1f}"
          f" ms; click -> built {statistics.median(r['built_ms'] for r in runs):.0f} ms wall")
    assert max(r["worst_cpu_ms"] for r in runs) < FORMER_TARGET_MS  # regression guard; #21's frame: the ratios
