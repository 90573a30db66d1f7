"""Opening the WorldCereal panel: GUI-thread time of building and showing the dock (issue #19; target < 50 ms).

Median of 7 constructions on the pytest-qgis canvas, the first one (cold imports, .ui parsing) reported apart.
The machine is shared (load average often above 4 on 2 cores), so the GUI thread's own CPU time
(``time.thread_time``) is the figure compared with the target; wall time is printed next to it.
"""

from __future__ import annotations

import statistics
import time

from qgis.PyQt.QtCore import QCoreApplication

from tests.qgis.test_dock import BURGUNDY, make_dock, set_extent  # noqa: F401 (fixture)
from worldcereal_qgis.core.jobstore import JobStore

RUNS = 7


def test_dock_opening_time(make_dock, qgis_iface, tmp_path):  # noqa: F811
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    store = JobStore(tmp_path / "jobs.sqlite")  # the plugin's store exists already when a person opens the panel
    cpu, wall = [], []
    for _ in range(RUNS):
        QCoreApplication.processEvents()  # the canvas has drawn: only the dock is timed
        started, started_cpu = time.perf_counter(), time.thread_time()
        dock = make_dock(store=store, orbit_mode="DESCENDING")
        QCoreApplication.processEvents()  # shown and laid out, as a person sees it
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
        dock.shutdown()
        dock.hide()
    warm_cpu, warm_wall = statistics.median(cpu[1:]), statistics.median(wall[1:])
    print(f"\ndock opening: GUI thread {warm_cpu:.1f} ms median (first, cold: {cpu[0]:.1f} ms); "
          f"wall {warm_wall:.1f} ms median on this shared machine (target < 50 ms GUI thread)")
    assert warm_cpu < 50
