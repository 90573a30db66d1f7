"""Issue #22: no option a person cannot use, and an honest first run."""

from __future__ import annotations

from tests.qgis import test_dock
from tests.qgis.test_dock import wait_for
from worldcereal_qgis import settings

make_dock = test_dock.make_dock  # the real dock on the pytest-qgis canvas (fixture)
UNUSED_URL = "http://127.0.0.1:9/openeo/1.2"


def backend_names(dock) -> list[str]:
    return [dock.backendCombo.itemData(i) for i in range(dock.backendCombo.count())]


def test_simulated_backend_offered_only_when_it_answers(make_dock, configure, local_backend):
    configure(settings.LOCAL_BACKEND_URL, UNUSED_URL)
    dock = make_dock(backend="cdse")
    dock.backend_choice.developer = False  # make_dock turns the developer setting on; a ZIP user has it off
    dock.backend_choice._probe()
    wait_for(lambda: dock.backend_choice.simulated_answers is not None, what="the probe")
    assert "local" not in backend_names(dock)
    assert dock.backendCombo.itemText(0) == "Copernicus Data Space Ecosystem (CDSE)"

    # a developer's server answers at the URL: then it is offered
    configure(settings.LOCAL_BACKEND_URL, local_backend.url)
    dock.backend_choice._probe()
    wait_for(lambda: dock.backend_choice.task is None and "local" in backend_names(dock), what="local offered")


def test_chosen_simulated_backend_without_server_says_make_backend(make_dock, configure):
    configure(settings.LOCAL_BACKEND_URL, UNUSED_URL)
    dock = make_dock(backend="local")
    dock.backend_choice.developer = False  # as for a ZIP user
    dock.backend_choice._probe()
    wait_for(lambda: dock.backend_choice.simulated_answers is False, what="the probe")
    dock.refresh()
    text = dock.problemsLabel.text()
    assert "nothing answers at http://127.0.0.1:9/openeo/1.2" in text and "`make backend`" in text
    assert not dock.runButton.isEnabled()
