"""Cropland / crop-type / point-extraction jobs over real HTTP, checked against the real CDSE output."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import requests
from osgeo import gdal, osr

from tests.backend.conftest import auth_headers, connect, create_job, cropland_args, croptype_args, wait_for


def _raster(path: Path) -> dict:
    ds = gdal.Open(str(path))
    bands = [ds.GetRasterBand(i + 1) for i in range(ds.RasterCount)]
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    return {
        "names": [b.GetDescription() for b in bands],
        "dtypes": {gdal.GetDataTypeName(b.DataType) for b in bands},
        "nodata": {b.GetNoDataValue() for b in bands},
        "epsg": int(srs.GetAuthorityCode(None)),
        "utm": srs.GetUTMZone() != 0,
        "res": (ds.GetGeoTransform()[1], ds.GetGeoTransform()[5]),
    }


@pytest.fixture(scope="module")
def con(local_backend):
    return connect(local_backend)


@pytest.fixture(scope="module")
def reference(reference_tif: Path) -> dict:
    return _raster(reference_tif)


def _run(con, process_id: str, args: dict, out_dir: Path):
    job = create_job(con, process_id, args)
    job.start()
    assert wait_for(job) == "finished", job.logs()
    return job, job.get_results().download_files(out_dir)


def test_croptype_job_matches_reference_layout(con, reference, tmp_path):
    _, files = _run(con, "worldcereal_crop_type", croptype_args(), tmp_path)
    tif = next(p for p in files if p.suffix == ".tif")
    out = _raster(tif)
    assert out["names"] == reference["names"]
    assert out["dtypes"] == {"Byte"} == reference["dtypes"]
    assert out["nodata"] == {255.0}
    assert out["utm"] and out["epsg"] == reference["epsg"] == 32631
    assert out["res"] == (10.0, -10.0) == reference["res"]


def test_cropland_job_has_the_three_cropland_bands(con, reference, tmp_path):
    _, files = _run(con, "worldcereal_crop_extent", cropland_args(), tmp_path)
    out = _raster(next(p for p in files if p.suffix == ".tif"))
    assert out["names"] == reference["names"][:3]
    assert out["dtypes"] == {"Byte"} and out["nodata"] == {255.0} and out["res"] == (10.0, -10.0)


def test_results_document_is_shaped_like_cdse(con, local_backend):
    job = create_job(con, "worldcereal_crop_extent", cropland_args())
    job.start()
    wait_for(job)
    doc = job.get_results().get_metadata()
    assert doc["openeo:status"] == "finished" and doc["type"] == "Collection"
    [asset] = doc["assets"].values()
    assert asset["href"].startswith(local_backend.url) and asset["roles"] == ["data"]
    assert [b["name"] for b in asset["eo:bands"]] == [b["name"] for b in asset["raster:bands"]]
    assert asset["proj:epsg"] == 32631 and len(asset["proj:shape"]) == 2 and len(asset["proj:bbox"]) == 4
    assert "simulated" in asset["description"].lower()
    assert doc["costs"] > 0 and "cpu" in doc["usage"]
    assert {link["rel"] for link in doc["links"]} >= {"self", "canonical"}
    assert all(link["href"].startswith(local_backend.root) for link in doc["links"])


def test_job_metadata_progress_logs_and_simulated_description(con, local_backend):
    job = create_job(con, "worldcereal_crop_extent", cropland_args())
    assert job.describe()["status"] == "created"
    local_backend.set_job_duration(job.job_id, 2.0)
    job.start()
    seen = []
    while (info := job.describe())["status"] != "finished":
        seen.append((info["status"], info.get("progress")))
        time.sleep(0.15)
    running = [p for s, p in seen if s == "running"]
    assert "queued" in {s for s, _ in seen} and len(running) >= 2 and running == sorted(running)
    assert info["progress"] == 100 and info["costs"] > 0 and info["usage"]["duration"]["value"] == 2
    assert "SIMULATED" in info["description"]
    assert [e["message"] for e in job.logs()][-1].startswith("Job finished")


def test_asset_download_supports_http_range(con, local_backend):
    job, _ = _run(con, "worldcereal_crop_extent", cropland_args(), Path(local_backend.data_dir) / "dl")
    asset = job.get_results().get_assets()[0]
    headers = auth_headers(con)
    full = requests.get(asset.href, headers=headers, timeout=10)
    part = requests.get(asset.href, headers={**headers, "Range": "bytes=100-199"}, timeout=10)
    assert full.status_code == 200 and full.headers["Accept-Ranges"] == "bytes"
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes 100-199/{len(full.content)}"
    assert part.headers["Content-Length"] == "100" and part.content == full.content[100:200]


def test_cancel_and_delete(con, local_backend):
    job = create_job(con, "worldcereal_crop_extent", cropland_args())
    local_backend.set_job_duration(job.job_id, 30)
    job.start()
    job.stop()
    assert job.status() == "canceled"
    job.delete()
    resp = requests.get(f"{local_backend.url}/jobs/{job.job_id}", headers=auth_headers(con), timeout=10)
    err = resp.json()
    assert resp.status_code == 404 and err["code"] == "JobNotFound" and err["id"] and job.job_id in err["message"]


def test_point_extraction_job_returns_geoparquet(con, tmp_path):
    points = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"sample_id": f"s{i}"},
         "geometry": {"type": "Point", "coordinates": [9.1 + i / 100, 42.2]}} for i in range(3)]}
    cube = con.load_collection("SENTINEL2_L2A", temporal_extent=["2021-03-01", "2022-07-31"], bands=["B02"])
    vec = cube.aggregate_spatial(geometries=points, reducer="mean")
    job = vec.create_job(out_format="Parquet", title="Worldcereal_Point_Extraction_32TNN")
    job.start()
    assert wait_for(job) == "finished", job.logs()
    files = job.get_results().download_files(tmp_path)
    parquet = [p for p in files if p.suffix in (".parquet", ".geoparquet")]
    assert parquet and parquet[0].read_bytes()[:4] == b"PAR1"
    assert json.loads((tmp_path / "job-results.json").read_text())["openeo:status"] == "finished"
