"""The plugin's job and tiled-run controllers: alive from QGIS start-up, whether or not the panel is open.

A job still running when QGIS closed must go on (poll, download, load its layers) after a restart even if the
user never opens the WorldCereal panel, and the user must be told so. Start-up must not wait for it: the job
store and the run list are read (and the unfinished jobs adopted: store writes), and the controller modules
imported, in a task; only creating the QObjects and pushing one message happen on the GUI thread. The dock,
when opened, shows these same controllers.
"""

from __future__ import annotations

from typing import Callable

from qgis.core import Qgis, QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from ..adapters import message_bar
from ..adapters.tasks import CoreTask, start_task
from ..core.errors import WorldCerealError

MESSAGE_SECONDS = 8
CONTEXT = "WorldCerealSession"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def still_running_text(jobs: int, runs: int) -> str:
    """One sentence for the message bar, e.g. "2 WorldCereal jobs are still running"."""
    if jobs and runs:
        return tr("{jobs} WorldCereal jobs and {runs} tiled runs are still running").format(jobs=jobs, runs=runs)
    if runs:
        if runs == 1:
            return tr("1 WorldCereal tiled run is still running")
        return tr("{runs} WorldCereal tiled runs are still running").format(runs=runs)
    if jobs == 1:
        return tr("1 WorldCereal job is still running")
    return tr("{jobs} WorldCereal jobs are still running").format(jobs=jobs)


def master_password_sentence() -> str:
    """Said before QGIS's own master-password prompt, which otherwise appears with no word on why."""
    return tr("QGIS will now ask for its master password: WorldCereal keeps your login in QGIS's encrypted "
              "authentication database, never in plain settings.")


def unlock_auth_db(explain: Callable[[], None]) -> bool:
    """Ask for QGIS's master password on the GUI thread now (never later from a worker), saying why first."""
    manager = QgsApplication.authManager()
    if manager.masterPasswordIsSet():
        return True
    explain()
    return manager.setMasterPassword(True)


def _find_unfinished(_task) -> tuple[list, int]:
    """Worker thread: the jobs the last session left running, adopted, and its tiled runs (imports the
    controllers here, off the GUI thread)."""
    from ..adapters import connections
    from . import tiled_runs
    from .jobs import find_to_resume

    return find_to_resume(connections.job_store()), len(tiled_runs.active_folders())


class Notifier:
    """Pushes the controllers' messages to the message bar; a newer message replaces an older, non-critical one.

    Without this, "…finished; downloading the map." came back once "…loaded as styled layers." timed out.
    A message widget costs the GUI thread ~4 ms (create, push, pop the stale one), so messages wait
    ``GATHER_MS`` and only the newest non-critical one of a burst is shown (20 jobs ending together said 40
    sentences in a few turns, each replacing the last); critical ones all stay, one per turn.
    """

    GATHER_MS = 200

    def __init__(self, bar) -> None:
        self.bar = bar
        self._items: list = []
        self._waiting: list[tuple[str, str, int]] = []
        self._timer = QTimer(singleShot=True, interval=self.GATHER_MS)
        self._timer.timeout.connect(self._show_next)

    def push(self, title: str, message: str, level: int) -> None:
        """Show the message soon (within ``GATHER_MS``)."""
        if level != int(Qgis.MessageLevel.Critical):
            self._waiting = [m for m in self._waiting if m[2] == int(Qgis.MessageLevel.Critical)]
        self._waiting.append((title, message, level))
        if not self._timer.isActive():
            self._timer.start()

    def push_now(self, title: str, message: str, level: int) -> None:
        """Show the message before returning (e.g. a sentence that must be read before a modal prompt)."""
        self._pop_stale()
        critical = level == int(Qgis.MessageLevel.Critical)
        item = self.bar.createMessage(title, message)
        self.bar.pushWidget(item, Qgis.MessageLevel(level), 0 if critical else MESSAGE_SECONDS)
        if not critical:
            self._items.append(item)

    def stop(self) -> None:
        self._timer.stop()
        self._waiting.clear()

    def _show_next(self) -> None:
        if self._waiting:
            self.push_now(*self._waiting.pop(0))
        if self._waiting:
            self._timer.start(0)  # the next one on the next turn
        else:
            self._timer.setInterval(self.GATHER_MS)

    def _pop_stale(self) -> None:
        for item in self._items:
            message_bar.pop(self.bar, item)
        self._items.clear()


class Session(QObject):
    """Owns ``jobs`` (JobController) and ``runs`` (TiledRuns) for the plugin's lifetime."""

    resumed = pyqtSignal(int, int)  # map jobs, tiled runs that continue from the last session

    def __init__(self, iface, open_panel: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.open_panel = open_panel
        self.notifier = Notifier(iface.messageBar())
        self.jobs = None
        self.runs = None
        self._task: CoreTask | None = None
        self._running_item = None  # "2 WorldCereal jobs are still running — Open panel"
        self._start_timer = QTimer(self, singleShot=True, interval=0)  # once QGIS's event loop runs
        self._start_timer.timeout.connect(self._look_up)

    def start(self) -> None:
        """Look for unfinished work once start-up is done, in a task; the controllers resume when it answers."""
        self._start_timer.start()

    def _look_up(self) -> None:
        if self.jobs is not None:  # the panel opened first and resumed everything
            return
        self._task = CoreTask(tr("WorldCereal: looking for unfinished jobs"), _find_unfinished, self._found)
        start_task(self._task)

    def ensure(self, found: list | None = None) -> None:
        """The controllers exist (the panel may open before the start-up look-up answered).

        ``found``: the jobs the look-up task found and adopted; without it the controller reads the store.
        """
        if self.jobs is not None:
            return
        from ..adapters import connections
        from .jobs import JobController
        from .tiled_runs import TiledRuns

        canvas = self.iface.mapCanvas()
        self.jobs = JobController(connections.runner(), profile_for=connections.profile, parent=self,
                                  canvas_drawing=lambda: canvas is not None and not sip.isdeleted(canvas)
                                  and canvas.isDrawing())
        self.runs = TiledRuns(connections.client, parent=self)
        self.jobs.notify.connect(self.notifier.push)
        self.runs.notify.connect(self.notifier.push)
        self.jobs.resume(found)
        self.runs.resume()

    def _found(self, unfinished: tuple[list, int] | None, error: WorldCerealError | None) -> None:
        self._task = None
        if self.jobs is not None:  # the panel opened meanwhile: everything already resumed
            return
        if error is not None:
            self.notifier.push("WorldCereal", str(error), int(Qgis.MessageLevel.Warning))
            return
        records, runs = unfinished
        if not records and not runs:
            return
        self._unlock_for({r.backend for r in records})
        self.ensure(records)
        self._say_still_running(len(records), runs)
        self.resumed.emit(len(records), runs)

    def _unlock_for(self, backends: set[str]) -> None:
        """The first status check needs the stored login: unlock now, on the GUI thread, after one sentence.

        Before, QGIS's "current master password" prompt came from the first poll of every later session, unasked.
        """
        from ..adapters import auth_store, connections

        if any(not connections.profile(name).simulated and auth_store.is_logged_in(name) for name in backends):
            unlock_auth_db(lambda: self.notifier.push_now("WorldCereal", master_password_sentence(),
                                                          int(Qgis.MessageLevel.Info)))

    def _say_still_running(self, jobs: int, runs: int) -> None:
        item, _button = message_bar.with_button(self.iface.messageBar(), still_running_text(jobs, runs),
                                                tr("Open panel"), self.open_panel)
        self.iface.messageBar().pushWidget(item, Qgis.MessageLevel.Info, 0)  # stays until read or the panel opens
        self._running_item = item

    def panel_opened(self) -> None:
        """The panel shows the jobs now: the start-up note has done its work."""
        message_bar.pop(self.iface.messageBar(), self._running_item)
        self._running_item = None

    def shutdown(self) -> None:
        """Stop watching; remote jobs go on and the next session resumes them."""
        self._start_timer.stop()
        self.notifier.stop()
        if self._task is not None:
            self._task.detach()
            self._task.cancel()
            self._task = None
        if self.jobs is not None:
            self.jobs.shutdown()
            self.runs.shutdown()
