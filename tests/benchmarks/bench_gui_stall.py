"""Longest GUI-thread stall over a whole job lifecycle driven by the dock's JobController (issues #5a, #21).

A 2 ms precise QTimer heartbeat runs on the main thread while a cropland and a crop-type job are submitted,
polled, downloaded and loaded as styled layers against the local backend. Target (#21): no gap over one 60 Hz
frame (16.7 ms). A gap is the time between two beats, so it includes up to one 2 ms interval of idle time: the
figures are slightly pessimistic. ``Heartbeat`` and ``run_until`` serve every stall benchmark.

Two figures per path, because 8 people share this machine's 2 cores: the wall-clock gap (what a user would
feel here, including time the OS gave our thread's core to someone else) and the main thread's own CPU time
within each gap (the work our code put on the GUI thread, whatever the load; waiting for the GIL or the disk
does not count in it, so read both).
"""

from __future__ import annotations

import time
from datetime import date

from osgeo import ogr
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QEventLoop, Qt, QTimer

from worldcereal_qgis.adapters import connections, crop_calendar
from worldcereal_qgis.controllers.jobs import JobController
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.jobstore import JobStore
from worldcereal_qgis.core.request import cropland_request, croptype_request

FRAME_MS = 1000 / 60
# The regression guard every stall benchmark asserts: issue #5a's 50 ms, on the GUI thread's own CPU time per gap
# (robust to the load of a shared machine). #21's frame target is reported as ratios, wall and CPU.
FORMER_TARGET_MS = 50.0


def as_after_desktop_start_up() -> None:
    """What QGIS desktop has done at start-up before any plugin path runs, so that a bare QgsApplication does not
    bill it to the first path measured: QGIS 3.22 learns the login name (the expression variable
    ``@user_account_name``) by running ``whoami`` in a QProcess the first time an expression context's global scope
    is built, and forking a process of this size takes 25-30 ms on the GUI thread (perf: clone -> dup_mmap). The
    desktop runs it once while starting (strace of ``qgis``); a bare QgsApplication ran it in the middle of the
    class picker's turns, on the map's first drawing of its sample layer. Called where QGIS does it, at start-up
    (tests/benchmarks/conftest.py, dock_open_probe.py), never just before a measurement: after a fork every page
    the parent writes to faults once more (copy-on-write), which the next turns would pay."""
    QgsApplication.userLoginName()


class Heartbeat:
    """Main-thread timer beating every ``interval_ms``; the gaps between beats are the GUI thread's stalls."""

    def __init__(self, interval_ms: int = 2) -> None:
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.gaps: list[float] = []
        self.cpu_gaps: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append(now - self.last)
        self.cpu_gaps.append(cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu

    def start(self) -> Heartbeat:
        self.last, self.last_cpu = time.perf_counter(), time.thread_time()
        self.timer.start()
        return self

    def stop(self) -> None:
        self.timer.stop()
        self._beat()  # a stall right before stopping counts too

    def worst_ms(self, cpu: bool = False) -> float:
        return max(self.cpu_gaps if cpu else self.gaps) * 1000

    def p99_ms(self, cpu: bool = False) -> float:
        gaps = sorted(self.cpu_gaps if cpu else self.gaps)
        return gaps[int(len(gaps) * 0.99)] * 1000

    def check(self) -> None:
        """The regression guard (see FORMER_TARGET_MS)."""
        assert self.worst_ms(cpu=True) < FORMER_TARGET_MS, f"the GUI thread worked {self.worst_ms(True):.0f} ms at once"

    def report(self, path: str) -> str:
        return (f"{path}: {len(self.gaps)} beats; wall p99 {self.p99_ms():.1f} ms, worst {self.worst_ms():.1f} ms "
                f"(ratio {self.worst_ms() / FRAME_MS:.2f}); GUI-thread CPU p99 {self.p99_ms(True):.1f} ms, worst "
                f"{self.worst_ms(True):.1f} ms (ratio {self.worst_ms(True) / FRAME_MS:.2f}); "
                f"target < {FRAME_MS:.1f} ms")


def run_until(done, timeout: float, what: str, check_ms: int = 5) -> None:
    """Run the real Qt event loop (no sleeping in between) until ``done()`` is true."""
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    checker = QTimer()
    checker.setInterval(check_ms)

    def check() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()

    checker.timeout.connect(check)
    checker.start()
    if not done():
        loop.exec()
    checker.stop()
    assert done(), f"{what} did not happen within {timeout:.0f} s"


def _aoi(wc_dir) -> Aoi:
    ds = ogr.Open(str(wc_dir / "aoi" / "test_site_france.gpkg"))
    feature = ds.GetLayer(0).GetNextFeature()  # keep ds and feature alive while the geometry is used
    return Aoi.from_wkt(feature.GetGeometryRef().ExportToWkt(), name="test_site_france")


def test_gui_thread_stall_over_job_lifecycle(local_backend, wc_dir, tmp_path):
    profile = connections.profile("local", local_backend.url)
    store = JobStore(tmp_path / "jobs.sqlite")
    runner = connections.runner(output_root=tmp_path / "out", store=store, profiles={"local": profile})
    connections.client(profile)  # log in first (as the dock's login step does, in a task)
    controller = JobController(runner, profile_for=lambda name: profile, project=QgsProject.instance(), tick_ms=200)
    aoi = _aoi(wc_dir)
    requests = [cropland_request(aoi, year=2021),
                croptype_request(aoi, {"tc-s1": (date(2021, 3, 1), date(2021, 8, 31)),
                                       "tc-s2": (date(2021, 6, 1), date(2021, 10, 31))})]
    beat = Heartbeat().start()
    calendar = []  # the dock reads the crop calendar (in a task) when the area is chosen, before Run can be clicked
    crop_calendar.start_loading(lambda result, error: calendar.append(error))
    run_until(lambda: calendar, 60, "the crop calendar loaded")
    assert calendar == [None]
    loaded = []
    controller.jobLoaded.connect(loaded.append)
    ids = [controller.submit(r, profile) for r in requests]
    # done is read from the controller's signal: reading the job store every 5 ms on the GUI thread would
    # measure the benchmark's own sqlite calls (each waits for the GIL while the jobs' tasks run Python)
    run_until(lambda: set(ids) <= set(loaded) and not controller._tasks, 90, "both jobs loaded")
    assert all(store.get(i).download_state == "done" for i in ids)
    settle = time.monotonic() + 0.25  # let the layer adding finish on the main thread
    run_until(lambda: time.monotonic() > settle, 5, "settling")
    beat.stop()
    controller.shutdown()
    print("\n" + beat.report("submit, poll, download, load 2 jobs (JobController)"))
    for record in store.list():
        controller.remove(record.local_id)
    beat.check()
