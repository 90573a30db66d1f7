"""The backend combo of the Account box: no option a user cannot use.

The local simulated backend is a test server that only exists in the plugin's source checkout (``make
backend``); someone who installed the ZIP has none. So it is offered only when a server answers at its URL
(looked up in a task when the dock opens) or when the developer setting turns it on. If it is the chosen backend
and nothing answers, one sentence says what it is and how to start it.
"""

from __future__ import annotations

import requests  # with the dock's modules (the plugin imports them in a task), not in the probe's task (#21)
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from .. import settings
from ..adapters.i18n import backend_name
from ..adapters.tasks import CoreTask, start_task
from ..core import backends
from ..core.errors import WorldCerealError
from .fit import fit_combo

CONTEXT = "WorldCerealBackendChoice"
PROBE_TIMEOUT_S = 2.0


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def simulated_absent_text(url: str) -> str:
    return tr("The local simulated backend is a test server for developers and nothing answers at {url}; start "
              "it from the plugin's source checkout with `make backend`.").format(url=url)


def server_answers(url: str) -> bool:
    """Worker thread: does an openEO server answer at ``url``?"""
    try:
        return requests.get(url, timeout=PROBE_TIMEOUT_S).status_code < 500
    except requests.RequestException:
        return False


class BackendChoice(QObject):
    changed = pyqtSignal()

    def __init__(self, combo, state, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.combo = combo
        self.state = state
        self.developer = bool(settings.SHOW_SIMULATED_BACKEND.read())
        self.simulated_answers: bool | None = None  # None: not asked (yet)
        self.task: CoreTask | None = None
        self._probe_timer = QTimer(self, singleShot=True, interval=0)  # once the panel is on screen
        self._probe_timer.timeout.connect(self._probe)
        self.fill()

    def start_probe(self) -> None:
        """Called by the dock once built: is there a local server to offer (not asked in developer mode)?"""
        if not self.developer:
            self._probe_timer.start()

    def offered(self) -> list[backends.BackendProfile]:
        show_local = self.developer or self.simulated_answers or self.state.backend == "local"
        return [p for p in backends.PROFILES if p.name != "local" or show_local]

    def fill(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for prof in self.offered():
            self.combo.addItem(backend_name(prof), prof.name)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self.state.backend)))
        self.combo.blockSignals(False)
        fit_combo(self.combo)

    def problem(self) -> str | None:
        """The sentence for a chosen simulated backend that does not answer (None otherwise)."""
        if self.state.backend != "local" or self.developer or self.simulated_answers is not False:
            return None
        return simulated_absent_text(settings.LOCAL_BACKEND_URL.read())

    def _probe(self) -> None:
        url = settings.LOCAL_BACKEND_URL.read()

        def done(answers, error: WorldCerealError | None) -> None:
            self.task = None
            self.simulated_answers = bool(answers) and error is None
            self.fill()
            self.changed.emit()

        self.task = CoreTask(tr("WorldCereal: looking for the local simulated backend"),
                             lambda task: server_answers(url), done)
        start_task(self.task)

    def shutdown(self) -> None:
        self._probe_timer.stop()
        if self.task is not None:
            self.task.detach()
            self.task.cancel()
            self.task = None
