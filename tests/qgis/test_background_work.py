"""One way to run background work (adapters/tasks.start_task) and core warnings in the QGIS log panel."""

from __future__ import annotations

import gc
from datetime import date

from qgis.core import Qgis, QgsApplication, QgsTask

from tests.qgis.test_dock import wait_for
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.adapters.tasks import LOG_TAG, CoreTask, running_tasks, start_task
from worldcereal_qgis.core.errors import CancelledError
from worldcereal_qgis.core.jobstore import JobRecord, JobStore

UNREACHABLE_CATALOGUE = "http://127.0.0.1:9/resto/api/collections/Sentinel1/search.json"


def test_a_started_task_reports_although_the_caller_kept_no_reference():
    got = []
    start_task(CoreTask("WorldCereal: test", lambda task: sum(range(10)),
                        lambda result, error: got.append((result, error))))
    gc.collect()  # PyQGIS would drop an unreferenced Python task here
    wait_for(lambda: got, what="the task's report")
    assert got == [(45, None)]
    wait_for(lambda: running_tasks() == 0, what="task forgotten")  # forgotten once it ended


def test_a_dropped_task_skips_its_work_and_ends():
    """CoreTask.drop (an owner going away) never cancels a queued task, which QGIS 3.22 deletes while a pool
    thread may still start it: the task runs, skips its work, ends, and reports to nobody."""
    worked, got = [], []
    queued = CoreTask("WorldCereal: dropped while queued", lambda task: worked.append(1),
                      lambda result, error: got.append(error))
    queued.drop()  # before a pool thread took it
    start_task(queued)
    wait_for(lambda: running_tasks() == 0, what="the dropped task ended")
    assert worked == [] and got == []
    started = []
    running = start_task(CoreTask("WorldCereal: dropped while running",
                                  lambda task: started.append(1) or _until_cancelled(task), got.append))
    wait_for(lambda: started, what="the task started")
    running.drop()  # a running task is cancelled: its work sees it and stops
    wait_for(lambda: running_tasks() == 0, what="the running task ended")
    assert got == []


def test_cancelling_a_queued_task_reports_cancelled_without_doing_its_work():
    """Cancel on a task still waiting for a pool thread (every thread busy): its work never runs, its owner hears
    "was cancelled" once, and the tasks queued after it still run."""
    import threading

    from qgis.PyQt.QtCore import QThreadPool

    release = threading.Event()
    blockers = [start_task(CoreTask(f"WorldCereal: busy {n}", lambda task: release.wait(10)))
                for n in range(QThreadPool.globalInstance().maxThreadCount())]
    wait_for(lambda: all(b.status() == QgsTask.TaskStatus.Running for b in blockers), what="every pool thread busy")
    worked, got = [], []
    queued = start_task(CoreTask("WorldCereal: cancelled while queued", lambda task: worked.append(1),
                                 lambda result, error: got.append(error)))
    assert queued.status() == QgsTask.TaskStatus.Queued
    queued.cancel()
    start_task(CoreTask("WorldCereal: queued after it", lambda task: "ran", lambda result, e: got.append(result)))
    release.set()
    wait_for(lambda: running_tasks() == 0, what="every task ended")
    assert worked == [] and len(got) == 2 and "ran" in got
    (error,) = [g for g in got if g != "ran"]
    assert isinstance(error, CancelledError) and "cancelled while queued was cancelled" in str(error)


def _until_cancelled(task) -> None:
    import time

    deadline = time.monotonic() + 10
    while not task.isCanceled():
        assert time.monotonic() < deadline, "the cancel never reached the work"
        time.sleep(0.01)


class _Log:
    """Messages QGIS's log panel receives under the WorldCereal tab."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, Qgis.MessageLevel]] = []
        QgsApplication.messageLog().messageReceived.connect(self._received)

    def _received(self, message: str, tag: str, level) -> None:
        if tag == LOG_TAG:
            self.messages.append((message, level))

    def close(self) -> None:
        QgsApplication.messageLog().messageReceived.disconnect(self._received)


def test_core_warnings_reach_the_qgis_log_panel_once_the_provider_is_loaded(wc_provider, tmp_path):
    wc_provider.refreshAlgorithms()  # loadAlgorithms installs the routing (idempotent), as under qgis_process
    wc_provider.refreshAlgorithms()
    log = _Log()
    try:
        choice = connections.select_orbit((4.0, 50.5, 4.5, 51.0), (date(2021, 1, 1), date(2021, 12, 31)),
                                          UNREACHABLE_CATALOGUE)
        assert choice.fallback
        fell_back = [(m, lvl) for m, lvl in log.messages if "Orbit selection fell back" in m]
        assert len(fell_back) == 1 and fell_back[0][1] == Qgis.MessageLevel.Warning  # once, not per install

        store = JobStore(tmp_path / "jobs.sqlite")
        store.on_change(lambda local_id: 1 / 0)
        store.add(JobRecord("", "local", "http://127.0.0.1:9", "cropland", "a job", {}))
        broken = [(m, lvl) for m, lvl in log.messages if "Job store listener failed" in m]
        assert len(broken) == 1 and broken[0][1] == Qgis.MessageLevel.Critical
    finally:
        log.close()


def test_a_task_qgis_lost_from_its_queue_is_started_again_and_works_once(qgis_app):
    """QGIS 3.40 can lose a queued task (qgis/QGIS#53806): it stays "queued" while the pool has free threads.
    Simulated here with a task QGIS holds back (it waits for a task on hold): within about two seconds its work
    runs once in a new task, its owner hears the result once, and the log says what happened."""
    from qgis.core import QgsTaskManager

    from worldcereal_qgis.adapters import tasks

    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda text, tag, level: logged.append((text, tag, level)))
    held = QgsTask.fromFunction("WorldCereal test: on hold", lambda task: None)
    held.hold()
    QgsApplication.taskManager().addTask(held)
    worked, got = [], []
    lost = CoreTask("WorldCereal: submit beaune_31TFN_1", lambda task: worked.append(1) or "job-1",
                    lambda result, error: got.append((result, error)))
    QgsApplication.taskManager().addTask(QgsTaskManager.TaskDefinition(lost, [held]))
    tasks._running.add(lost)  # what start_task keeps; QGIS will never start this one
    lost.taskTerminated.connect(lambda: tasks._ended(lost))
    tasks._watch.follow()
    try:
        wait_for(lambda: got, timeout=5, what="the work started again")
        wait_for(lambda: running_tasks() == 0, what="both tasks ended")
        assert worked == [1] and got == [("job-1", None)]
        assert any("lost the queued task 'WorldCereal: submit beaune_31TFN_1'" in text and "started again" in text
                   and tag == LOG_TAG and level == Qgis.MessageLevel.Warning for text, tag, level in logged)
    finally:
        held.cancel()


def test_thousands_of_short_tasks_each_report_once(qgis_app):
    """Five tasks in flight at all times, 3000 in all, each kept by its owner until it reports (as a tiled run keeps
    its steps): every owner hears back exactly once. On QGIS 3.40 two of them used to stay queued for ever."""
    import random
    import time

    rng = random.Random(1)
    got: dict[int, int] = {}
    owned: dict[int, CoreTask] = {}  # the owner's reference, dropped when the task reports
    started = 0

    def report(n: int) -> None:
        got[n] = got.get(n, 0) + 1
        owned.pop(n, None)

    deadline = time.monotonic() + 60
    while started < 3000 or len(got) < started:
        assert time.monotonic() < deadline, f"{started - len(got)} of {started} tasks never reported"
        while started < 3000 and len(owned) < 5:
            started += 1
            wait = rng.choice([0.0, 0.0, 0.001, 0.005])  # steps that answer at once or after a short request
            owned[started] = start_task(CoreTask(f"WorldCereal: step {started}", lambda task, s=wait: time.sleep(s),
                                                 lambda result, error, n=started: report(n)))
        QgsApplication.processEvents()
        time.sleep(0.001)
    assert len(got) == 3000 and set(got.values()) == {1}
    wait_for(lambda: running_tasks() == 0, what="every task forgotten")


def test_the_watch_forgets_a_task_qgis_deleted_without_saying_so(qgis_app):
    """At QGIS's exit a task can be deleted before it reports: the once-a-second check must not raise in its timer
    (PyQt would show a Python error dialog) and stops watching it."""
    from qgis.PyQt import sip

    from worldcereal_qgis.adapters import tasks

    gone = CoreTask("WorldCereal: deleted by QGIS", lambda task: None)
    tasks._running.add(gone)
    sip.delete(gone)
    tasks._watch.check()
    assert gone not in tasks._running
