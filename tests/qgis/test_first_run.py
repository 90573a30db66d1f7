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
    assert dock.backendCombo.itemText(0) == "CDSE (Copernicus Data Space Ecosystem)"

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


def test_example_result_loads_offline_as_a_jobs_styled_layers(make_dock, wc_dir, qgis_iface):
    """#22.2: the shipped file is the real WorldCereal output, loaded as a job would load it, marked as an
    example, in under a second."""
    import time

    from qgis.core import QgsPalettedRasterRenderer, QgsProject

    from worldcereal_qgis.adapters import example
    from worldcereal_qgis.adapters.layers import find_job_layers, load_result_layers, remove_job_layers

    shipped = example.example_path()
    assert shipped.read_bytes() == (wc_dir / "reference_output" / shipped.name).read_bytes()
    stac = shipped.parent / "job-results.json"
    assert stac.read_bytes() == (wc_dir / "reference_output" / "job-results.json").read_bytes()
    assert "MIT License" in (shipped.parent / "LICENSE-worldcereal-classification.txt").read_text()

    project = QgsProject.instance()
    dock = make_dock()
    started = time.perf_counter()
    dock.exampleButton.click()
    elapsed = time.perf_counter() - started
    try:
        layers = find_job_layers(project, example.EXAMPLE_JOB_ID)
        group = project.layerTreeRoot().findGroup(example.example_title())
        assert group is not None and "not your area" in group.name()
        assert group.customProperty("worldcereal/example") == "true"
        # exactly the layers (names, renderers) a finished job of this file gets
        reference = load_result_layers(wc_dir / "reference_output" / shipped.name,
                                       job={"job_id": "ref", "title": "ref"}, project=project)
        def kinds(found):
            return sorted((ly.name(), type(ly.renderer()).__name__) for ly in found)

        assert kinds(layers) == kinds(reference) and len(layers) >= 5
        croptype = next(ly for ly in layers if isinstance(ly.renderer(), QgsPalettedRasterRenderer)
                        and "rop type" in ly.name())
        assert len(croptype.renderer().classes()) > 2  # named classes in the legend
        assert elapsed < 1.0
    finally:
        remove_job_layers(project, example.EXAMPLE_JOB_ID)
        remove_job_layers(project, "ref")


def test_first_run_panel_shows_once(make_dock, configure):
    configure(settings.FIRST_RUN_DISMISSED, False)
    dock = make_dock()
    panel = dock.first_run
    assert panel is not None and panel.isVisible()
    text = panel.findChild(type(dock.statusLabel), "firstRunLabel").text()
    assert "1. Map cropland" in text and "2. Check your field" in text and "3. Train your own" in text
    assert "free account" in text and "dataspace.copernicus.eu" in text and "example result" in text
    panel.findChild(type(dock.runButton), "dismissFirstRunButton").click()
    assert panel.isHidden()
    again = make_dock()
    assert again.first_run is None and again.exampleButton.isVisible()
