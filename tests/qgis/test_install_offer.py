"""Issue #19.9, fast: the Install offer's behaviour with a stand-in for pip (the real pip: test_dependency_install)."""

from __future__ import annotations

import time

from qgis.core import Qgis, QgsApplication, QgsTask

from tests.qgis.test_dock import wait_for
from worldcereal_qgis.controllers import install
from worldcereal_qgis.core.dependencies import MissingDependency, Requirement


class _Pip(QgsTask):
    """Reports progress like the real task, takes a moment, succeeds."""

    started = 0

    def __init__(self, target, missing) -> None:
        super().__init__("WorldCereal: installing Python packages", QgsTask.Flag.CanCancel)
        _Pip.started += 1
        self.error = None

    def run(self) -> bool:
        for percent in (20, 50, 90):
            self.setProgress(percent)
            time.sleep(0.15)
        return True


def test_install_shows_progress_refuses_a_second_pip_and_opens_the_panel(qgis_iface, tmp_path, monkeypatch):
    monkeypatch.setattr(install, "InstallDependenciesTask", _Pip)
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    opened = []
    offer = install.InstallOffer(qgis_iface, tmp_path, lambda: opened.append(True))
    missing = [MissingDependency(Requirement("openeo", "0.30", ">=0.30"), None)]
    offer.offer(missing)
    assert "openeo (missing)" in offer.item.text()
    button = offer.button
    button.click()
    assert not button.isEnabled() and button.text() == "Installing…"
    button.click()
    offer.install(missing)  # also a second call from the code: still one pip
    seen = set()
    wait_for(lambda: seen.update(i.text() for i in bar.items()) or (not QgsApplication.taskManager().countActiveTasks()
             and offer.task is None), what="install finished")
    assert _Pip.started == 1
    assert "Installing the Python packages for WorldCereal… 50 %" in seen
    assert opened == [True]
    assert "WorldCereal:Python packages installed; WorldCereal is ready." in bar.get_messages(Qgis.MessageLevel.Success)
