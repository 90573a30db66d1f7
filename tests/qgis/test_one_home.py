"""Rules that used to exist twice and disagreed (issue #15), driven through both front ends.

- credits: the dock and Processing estimate the same tiled run at the user's rates (not the default rates);
- backend: the reference-data page submits to the backend chosen in the dock (not always CDSE);
- orbit: the dock's automatic lookup goes through QGIS's proxy to the ``orbit/catalogue_url`` setting.
"""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsVectorLayer,
)

from tests.qgis.conftest import restore_settings
from tests.qgis.test_dock import BURGUNDY, make_dock, set_extent, wait_for  # noqa: F401 (fixture)
from tests.unit.test_orbit import DATA as CATALOGUE_DATA
from tests.unit.test_orbit import SEARCH_PATH, _Catalogue
from worldcereal_qgis import settings
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.core import reference_data as rd

CATALOGUE_HOST = "catalogue.worldcereal.invalid"  # resolvable only through the proxy below


# -- credits ----------------------------------------------------------------------------------------------------


def test_dock_and_processing_estimate_a_tiled_run_at_the_users_rates(make_dock, qgis_iface, wc_provider,  # noqa: F811
                                                                      configure, tmp_path):
    import processing

    # the user's rates (Settings) and limits; Processing's parameter defaults follow the same settings
    for setting, value in ((settings.MAP_CREDITS_PER_KM2_LOW, 0.30), (settings.MAP_CREDITS_PER_KM2_HIGH, 0.50),
                           (settings.JOB_OVERHEAD_CREDITS, 3.0), (settings.MAX_JOB_AREA_KM2, 20.0),
                           (settings.TILE_SIZE_KM, 4.0), (settings.RUN_CONFIRM_CREDITS, 0.0)):
        configure(setting, value)
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(backend="local", year=2021, orbit_mode="ASCENDING")
    wait_for(dock.runButton.isEnabled, what="Run enabled")
    asked = []
    dock.confirm_run = lambda plan: asked.append(plan) and False  # the user declines: nothing starts
    dock.runButton.click()
    (plan,) = wait_for(lambda: asked, what="the dock's confirmation")
    assert plan.high == pytest.approx(sum(0.50 * t.area_km2 + 3.0 for t in plan.tiles))
    assert plan.low == pytest.approx(sum(0.30 * t.area_km2 + 3.0 for t in plan.tiles))

    xmin, ymin, xmax, ymax = dock.aoi_panel.aoi.bbox
    extent = f"{xmin!r},{xmax!r},{ymin!r},{ymax!r} [EPSG:4326]"
    params = {"EXTENT": extent, "YEAR": 2021, "ORBIT": 1, "BACKEND": 3, "OUTPUT_FOLDER": str(tmp_path / "run")}
    with pytest.raises(QgsProcessingException) as refused:  # a budget just below the dock's estimate
        processing.run("worldcereal:cropland", {**params, "MAX_CREDITS": plan.high - 1})
    assert (f"as {len(plan.tiles)} tiles it may use up to {plan.high:,.0f} credits, more than the "
            f"{plan.high - 1:,.0f} credits allowed") in str(refused.value)
    assert not (tmp_path / "run" / "run.json").exists()  # nothing was started

    preview = processing.run("worldcereal:plan_tiles", {"EXTENT": extent, "OUTPUT": "memory:"})
    assert preview["TILE_COUNT"] == len(plan.tiles)  # TILE_SIZE_KM defaulted to the dock's 4 km
    assert preview["EST_CREDITS"] == pytest.approx(plan.high, abs=0.05)


# -- backend ----------------------------------------------------------------------------------------------------


def two_samples(path: Path, wc_dir: Path) -> Path:
    """Two real samples of the shared reference data set, as the GeoPackage a user opens."""
    from tests.qgis.test_reference_flow import _write_gpkg

    frame = rd.read_reference_file(wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet").frame
    return _write_gpkg(path, frame[frame["extract"] >= 1].head(2))


@pytest.mark.slow
def test_reference_page_submits_to_the_backend_chosen_in_the_dock(make_dock, qgis_iface, configure,  # noqa: F811
                                                                   local_backend, wc_dir, tmp_path):
    from worldcereal_qgis.gui.reference_panel import ReferencePanel

    configure(settings.ACTIVE_BACKEND, "cdse")
    configure(settings.LOCAL_BACKEND_URL, local_backend.url)
    set_extent(qgis_iface.mapCanvas(), BURGUNDY)
    dock = make_dock(backend="cdse")
    dock.backendCombo.setCurrentIndex(dock.backendCombo.findData("local"))  # the user's choice, nothing run yet
    local = connections.profile("local", local_backend.url)
    before = {j["id"] for j in connections.client(local).connection.list_jobs()}

    layer = QgsVectorLayer(str(two_samples(tmp_path / "two.gpkg", wc_dir)), "two samples", "ogr")
    QgsProject.instance().addMapLayer(layer)
    panel = ReferencePanel()  # as the reference-data dock builds it: no backend injected
    try:
        panel.outputEdit.setText(str(tmp_path / "extractions"))
        panel.layerCombo.setLayer(layer)
        panel.validateButton.click()
        wait_for(lambda: panel.plan is not None and not panel.busy, timeout=60, what="plan")
        panel.runButton.click()
        assert "Local simulated backend" in panel.statusLabel.text()
        wait_for(lambda: panel.results is not None and not panel.busy, timeout=120, what="extraction")
        new = [j for j in connections.client(local).connection.list_jobs() if j["id"] not in before]
        assert len(new) == len(panel.plan.jobs) >= 1  # every job reached the local backend, none went to CDSE
        assert panel.statusLabel.text().startswith("2 samples written to ")
    finally:
        panel.shutdown()
        QgsProject.instance().removeAllMapLayers()


# -- orbit ------------------------------------------------------------------------------------------------------


class _CatalogueProxy(_Catalogue):
    """An HTTP proxy that answers catalogue searches itself (recorded-style fixtures of tests/data/catalogue)."""

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)  # a proxy gets the absolute URL
        query = parse_qs(url.query)
        self.server.seen.append((url.netloc, url.path, query.get("orbitDirection", ["?"])[0]))
        scenario = url.path.split("/")[1]
        fixture = CATALOGUE_DATA / f"{scenario}_{query.get('orbitDirection', ['?'])[0]}.json"
        if url.netloc != CATALOGUE_HOST or not fixture.is_file():
            return self._send(404, b'{"ErrorMessage": "Not found"}')
        base = f"http://{CATALOGUE_HOST}/{scenario}{SEARCH_PATH}"
        return self._send(200, fixture.read_text().replace("__BASE__", base).encode())


@pytest.fixture
def catalogue_proxy():
    """The proxy running, and QGIS's proxy settings pointing at it (restored afterwards)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CatalogueProxy)
    server.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    qs = QgsSettings()
    values = {"proxy/proxyEnabled": "true", "proxy/proxyHost": "127.0.0.1",
              "proxy/proxyPort": str(server.server_port), "proxy/proxyUser": "", "proxy/proxyPassword": ""}
    saved = {key: qs.value(key) for key in values}
    for key, value in values.items():
        qs.setValue(key, value)
    yield server
    restore_settings(qs, saved)
    server.shutdown()
    server.server_close()


def test_dock_orbit_lookup_uses_the_qgis_proxy_and_the_catalogue_setting(make_dock, configure,  # noqa: F811
                                                                          catalogue_proxy):
    configure(settings.CATALOGUE_URL, f"http://{CATALOGUE_HOST}/gap{SEARCH_PATH}")
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "orbit area", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(4.0, 50.5, 4.5, 51.0)))
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    try:
        dock = make_dock(aoi_mode="layer", layer_id=layer.id(), year=2021, orbit_mode="auto")
        wait_for(lambda: dock.form.orbit_state(), what="automatic orbit")
        reason = dock.orbitReasonLabel.text()
        assert "could not be reached" not in reason and not dock.form.orbit_choice.fallback, reason
        searched = {(host, orbit) for host, path, orbit in catalogue_proxy.seen if path.endswith(SEARCH_PATH)}
        assert searched == {(CATALOGUE_HOST, "ASCENDING"), (CATALOGUE_HOST, "DESCENDING")}
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


# -- settings ---------------------------------------------------------------------------------------------------


def test_processing_defaults_are_the_docks_settings(wc_provider, configure):
    from qgis.core import QgsApplication

    for setting, value in ((settings.MAX_JOB_AREA_KM2, 123.0), (settings.TILE_SIZE_KM, 7.0),
                           (settings.CREDIT_BUDGET, 42.0), (settings.ACTIVE_BACKEND, "local")):
        configure(setting, value)
    alg = QgsApplication.processingRegistry().createAlgorithmById("worldcereal:cropland")
    defaults = {name: alg.parameterDefinition(name).defaultValue()
                for name in ("MAX_AREA_KM2", "TILE_SIZE_KM", "MAX_CREDITS", "BACKEND")}
    assert defaults == {"MAX_AREA_KM2": 123.0, "TILE_SIZE_KM": 7.0, "MAX_CREDITS": 42.0, "BACKEND": 3}
    extract = QgsApplication.processingRegistry().createAlgorithmById("worldcereal:extract_reference_data")
    assert extract.parameterDefinition("BACKEND").defaultValue() == 3
    # one orbit list, one order: ORBIT=1 is ASCENDING in both algorithms that take an orbit
    orbit_lists = [a.parameterDefinition("ORBIT").options() for a in (alg, extract)]
    assert orbit_lists == [["auto", "ASCENDING", "DESCENDING"]] * 2  # extraction picks per job with "auto" too (#23)


def test_the_dock_keeps_its_backend_in_the_plugin_setting(tmp_path):
    from qgis.PyQt.QtCore import QSettings

    from worldcereal_qgis.controllers.dock_state import DockState

    ini = QgsSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    DockState(backend="local", year=2021).save(ini)
    assert settings.ACTIVE_BACKEND.read(ini) == "local"  # what Processing and the reference page read
    assert not ini.contains(settings.PREFIX + "dock/backend")  # no second copy to drift
    assert DockState.load(ini).backend == "local" and DockState.load(ini).year == 2021
