"""Cropland and crop-type jobs end to end over real HTTP against the local openEO backend."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsProcessingFeedback, QgsProject

from worldcereal_qgis.adapters import connections
from worldcereal_qgis.core import udp
from worldcereal_qgis.core.errors import CancelledError
from worldcereal_qgis.core.request import cropland_request, croptype_request

pytestmark = pytest.mark.slow


def _band_names(path: str) -> list[str]:
    ds = gdal.Open(path)
    return [ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount)]


def _remote_process_node(profile, job_id: str) -> dict:
    meta = connections.client(profile).connection.job(job_id).describe()
    nodes = meta["process"]["process_graph"].values()
    return next(n for n in nodes if n["process_id"].startswith("worldcereal_"))


def test_cropland_job_from_the_core_api(runner, local_profile, france_aoi, store):
    request = cropland_request(france_aoi, year=2021)
    record = runner.run(request, local_profile)

    assert record.status == "finished" and record.download_state == "done"
    (tif,) = record.outputs
    assert Path(tif).name == "worldcereal_crop_extent.tif"
    assert _band_names(tif) == ["cropland_classification", "probability_cropland", "probability_other"]
    ds = gdal.Open(tif)
    assert ds.GetRasterBand(1).DataType == gdal.GDT_Byte
    assert ds.GetRasterBand(1).GetNoDataValue() == 255
    assert ds.GetSpatialRef().GetAuthorityCode(None) == "32631"
    assert ds.GetGeoTransform()[1] == 10.0
    values = set(ds.GetRasterBand(1).ReadAsArray().ravel().tolist())
    assert values <= {0, 1, 255} and {0, 1} <= values
    # the backend received exactly the v3.0.1 call the plugin built
    node = _remote_process_node(local_profile, record.remote_id)
    assert node["process_id"] == "worldcereal_crop_extent"
    assert node["namespace"] == udp.NAMESPACES["cropland"]
    assert node["arguments"] == request.udp_arguments()
    assert node["arguments"]["temporal_extent"] == ["2021-01-01", "2021-12-31"]
    stored = store.get(record.local_id)
    assert stored.credits and stored.credits > 0
    assert (Path(stored.output_dir) / f"job_{record.remote_id}.json").is_file()


def test_croptype_job_from_processing_loads_styled_layers(wc_provider, local_backend, wc_dir, tmp_path):
    import processing

    result = processing.run("worldcereal:croptype", {
        "AOI_LAYER": str(wc_dir / "aoi" / "test_site_france.gpkg"),
        "AOI_NAME": "france",
        "SEASON1_ID": "tc-s1", "SEASON1_START": "2021-03-01", "SEASON1_END": "2021-08-31",
        "SEASON2_ID": "tc-s2", "SEASON2_START": "2021-06-01", "SEASON2_END": "2021-10-31",
        "ORBIT": 2, "BACKEND": 3, "BACKEND_URL": local_backend.url,
        "OUTPUT_FOLDER": str(tmp_path / "croptype"),
    })
    names = _band_names(result["OUTPUT"])
    assert names[:5] == ["cropland_classification", "probability_cropland", "probability_other",
                         "croptype_classification:tc-s1", "croptype_classification:tc-s2"]
    assert len(names) == 3 + 2 + 2 + 2 * 23
    assert result["CREDITS"] > 0
    project = QgsProject.instance()
    job_layers = [lyr for lyr in project.mapLayers().values()
                  if lyr.customProperty("worldcereal/job_id") == result["JOB_ID"]]
    assert job_layers, "Processing must add the result as layers"
    crop = next(lyr for lyr in job_layers if lyr.customProperty("worldcereal/band") == "croptype_classification:tc-s1")
    assert crop.renderer().type() == "paletted"
    labels = {c.value: c.label for c in crop.renderer().classes()}
    assert labels[0].lower().startswith("wheat") and labels[254].lower() == "not cropland"
    node = _remote_process_node(connections.profile("local", local_backend.url), result["JOB_ID"])
    assert node["arguments"]["season_windows"] == {"tc-s1": ["2021-03-01", "2021-08-31"],
                                                   "tc-s2": ["2021-06-01", "2021-10-31"]}
    assert node["arguments"]["temporal_extent"] == ["2020-11-01", "2021-10-31"]
    assert node["arguments"]["orbit_state"] == "DESCENDING"
    for layer in job_layers:
        project.removeMapLayer(layer.id())


class _CancelWhenStarted(QgsProcessingFeedback):
    """Makes the remote job long, then cancels the run as a user would press Cancel."""

    def __init__(self, backend) -> None:
        super().__init__()
        self.backend = backend
        self.job_id = None

    def pushInfo(self, info: str) -> None:  # noqa: N802
        super().pushInfo(info)
        if info.startswith("Job ") and " started" in info and self.job_id is None:
            self.job_id = info.split()[1]
            self.backend.set_job_duration(self.job_id, 120)
            threading.Timer(0.5, self.cancel).start()


def test_cancel_in_processing_cancels_the_remote_job(wc_provider, local_backend, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    feedback = _CancelWhenStarted(local_backend)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run("worldcereal:cropland", {
            "EXTENT": "5.11,5.14,47.13,47.15 [EPSG:4326]", "YEAR": 2021, "ORBIT": 1, "BACKEND": 3,
            "BACKEND_URL": local_backend.url, "OUTPUT_FOLDER": str(tmp_path / "c"),
        }, feedback=feedback)
    assert feedback.job_id
    status = connections.client(connections.profile("local", local_backend.url)).status(feedback.job_id)
    assert status.status == "canceled"


def test_bad_request_fails_before_anything_is_sent(runner, local_profile, france_aoi, local_backend):
    jobs_before = len(connections.client(local_profile).connection.list_jobs())
    request = croptype_request(france_aoi, {"tc-s1": (date(2021, 3, 1), date(2021, 8, 31))})
    request.postprocess_kernel_croptype = 4
    from worldcereal_qgis.core.errors import InputError

    with pytest.raises(InputError, match="odd"):
        runner.run(request, local_profile)
    assert len(connections.client(local_profile).connection.list_jobs()) == jobs_before


def test_core_cancel_while_waiting(runner, local_profile, france_aoi, local_backend):
    request = cropland_request(france_aoi, year=2020)
    record = runner.new_map_job(request, local_profile)
    record = runner.submit(record.local_id)
    local_backend.set_job_duration(record.remote_id, 120)
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(CancelledError):
        runner.wait(record.local_id, is_cancelled=cancelled)
    runner.cancel_remote(record.local_id)
    assert connections.client(local_profile).status(record.remote_id).status == "canceled"
    assert runner.store.get(record.local_id).status == "canceled"
