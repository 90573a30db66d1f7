"""Mission flow 2 end to end: validate reference data, run point extractions on the local openEO backend,
post-process and merge into the real long format."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from osgeo import ogr, osr

from tests.fixtures.extractions import real_long_schema
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.core import extraction as ex
from worldcereal_qgis.core import extraction_post as ep
from worldcereal_qgis.core import extraction_run as er
from worldcereal_qgis.core import reference_data as rd
from worldcereal_qgis.core.credits import DEFAULT_RATES

pytestmark = pytest.mark.slow
REF_ID = "2022_FRA_LPIS_POLY_110"


@pytest.fixture(scope="module")
def samples_file(wc_dir: Path) -> Path:
    return wc_dir / "reference_data" / f"{REF_ID}_samples.geoparquet"


@pytest.fixture(scope="module")
def real_schema(wc_dir: Path):
    return real_long_schema(wc_dir / "extractions" / f"{REF_ID}_monthly.geoparquet")


@pytest.fixture
def offline_catalogue():
    """The orbit catalogue unreachable (no internet here): the automatic orbit falls back to ASCENDING, said."""
    from worldcereal_qgis import settings

    old = settings.CATALOGUE_URL.read()
    settings.CATALOGUE_URL.write("http://127.0.0.1:9/resto/api/collections/Sentinel1/search.json")
    yield
    settings.CATALOGUE_URL.write(old)


def with_orbit(schema):
    import pyarrow as pa

    return schema.append(pa.field(ep.ORBIT_COLUMN, pa.string()))


def _write_gpkg(path: Path, frame, *, polygon_rows: dict | None = None) -> Path:
    """The sample set as a GeoPackage layer (what users open in QGIS), optionally with some polygons."""
    import shapely

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = ds.CreateLayer("samples", srs, ogr.wkbUnknown)
    for name in rd.LABEL_COLUMNS:
        kind = ogr.OFTInteger64 if name in ("ewoc_code", "irrigation_status", "quality_score_lc",
                                            "quality_score_ct", "extract") else ogr.OFTString
        layer.CreateField(ogr.FieldDefn(name, kind))
    for i, rec in enumerate(frame.to_dict("records")):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name in rd.LABEL_COLUMNS:
            feature.SetField(name, rec[name].item() if hasattr(rec[name], "item") else rec[name])
        wkt = (polygon_rows or {}).get(i) or shapely.from_wkb(rec["geometry"]).wkt
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return path


def _remote_jobs(profile) -> list[dict]:
    conn = connections.client(profile).connection
    return [conn.job(j["id"]).describe() for j in conn.list_jobs()]


def test_core_extraction_run_produces_the_real_long_format(local_backend, local_profile, store, tmp_path,
                                                            samples_file, real_schema):
    result = rd.validate(rd.read_reference_file(samples_file))
    samples = rd.select_samples(result.samples, "extract")
    plan = ex.plan_jobs(samples, rates=DEFAULT_RATES)
    assert plan.n_samples == 42 and len(plan.jobs) >= 2
    runner = connections.runner(output_root=tmp_path, store=store, profiles={"local": local_profile})
    extractor = er.ExtractionRunner(runner, local_profile, tmp_path / "out")
    logs: list[str] = []
    state = extractor.run(plan, log=logs.append)
    assert (state.done, state.failed, state.total) == (len(plan.jobs), 0, len(plan.jobs))
    assert state.credits > 0
    merged = extractor.merge(er.run_id_for(REF_ID, tmp_path / "out"))
    path, written = merged[REF_ID]
    assert written == 42
    assert pq.read_schema(path).equals(with_orbit(real_schema), check_metadata=False)  # + the orbit used
    table = pq.read_table(tmp_path / "out" / ep.MERGED_NAME)
    frame = table.to_pandas()
    assert set(frame["sample_id"]) == set(samples["sample_id"])
    assert frame.groupby("sample_id").size().max() == 20  # 2021-08 .. 2023-03, one row per month
    assert set(frame["start_date"]) == {"2021-08-01"} and set(frame["end_date"]) == {"2023-03-31"}
    assert set(frame["year"]) == {2022} and set(frame[ep.ORBIT_COLUMN]) == {"DESCENDING"}  # the runner's given orbit
    # what the backend received: client-built graphs, the library's options, our titles
    remote = {d["title"]: d for d in _remote_jobs(local_profile) if d["title"].startswith(ex.TITLE_PREFIX)}
    assert {f"{ex.TITLE_PREFIX} {t}" for t in plan.tiles} <= set(remote)
    graph = remote[plan.jobs[0].title]["process"]["process_graph"]
    save = next(n for n in graph.values() if n["process_id"] == "save_result")
    assert save["arguments"]["format"] == "Parquet"
    agg = next(n for n in graph.values() if n["process_id"] == "aggregate_spatial")
    assert len(agg["arguments"]["geometries"]["features"]) == plan.jobs[0].n_samples
    assert any("started (attempt 1)" in line for line in logs)
    # a second run over the same folder resubmits nothing
    assert extractor.run(plan).done == len(plan.jobs)
    assert len(store.list(run_id=er.run_id_for(REF_ID, tmp_path / "out"))) == len(plan.jobs)


def test_orbit_is_chosen_per_job_and_stored_per_sample(local_backend, local_profile, store, tmp_path,
                                                       samples_file, real_schema):
    """The library's rule per extraction job (a chooser like connections.select_orbit): here the job of the
    first tile gets DESCENDING, the others ASCENDING; each sample keeps its job's orbit."""
    from worldcereal_qgis.core.orbit import OrbitChoice

    samples = rd.select_samples(rd.validate(rd.read_reference_file(samples_file)).samples, "extract")
    plan = ex.plan_jobs(samples, rates=DEFAULT_RATES)
    first_tile = plan.jobs[0]
    first_ids = set(first_tile.sample_ids)
    asked: list = []

    def chooser(bbox, period):
        asked.append((bbox, period))
        first = samples.set_index("sample_id").loc[sorted(first_ids)]
        mine = abs(bbox[0] - first["lon"].min()) < 1e-9 and abs(bbox[1] - first["lat"].min()) < 1e-9
        orbit = "DESCENDING" if mine else "ASCENDING"
        return OrbitChoice(orbit, f"{orbit} by the test catalogue.", False)

    runner = connections.runner(output_root=tmp_path, store=store, profiles={"local": local_profile})
    extractor = er.ExtractionRunner(runner, local_profile, tmp_path / "out", orbit_state=ex.AUTOMATIC_ORBIT,
                                    orbit_chooser=chooser)
    logs: list[str] = []
    before = {d["id"] for d in _remote_jobs(local_profile)}  # the session's backend holds other tests' jobs too
    assert extractor.run(plan, log=logs.append).done == len(plan.jobs)
    assert len(asked) == len(plan.jobs) and all(p == (j.start, j.end) for (_b, p), j in zip(asked, plan.jobs))
    assert sum("Sentinel-1 orbit" in line for line in logs) == len(plan.jobs)
    path, _written = extractor.merge(er.run_id_for(REF_ID, tmp_path / "out"))[REF_ID]
    assert pq.read_schema(path).equals(with_orbit(real_schema), check_metadata=False)
    frame = pq.read_table(path).to_pandas()
    per_sample = frame.groupby("sample_id")[ep.ORBIT_COLUMN].agg(set)
    assert all(per_sample[s] == {"DESCENDING"} for s in first_ids)
    assert all(v == {"ASCENDING"} for s, v in per_sample.items() if s not in first_ids)
    remote = {d["title"]: d for d in _remote_jobs(local_profile)
              if d["title"].startswith(ex.TITLE_PREFIX) and d["id"] not in before}
    graph = remote[first_tile.title]["process"]["process_graph"]
    s1 = next(n for n in graph.values() if n["process_id"] == "load_collection"
              and n["arguments"]["id"] == "SENTINEL1_GRD")
    assert "DESCENDING" in str(s1["arguments"]["properties"]["sat:orbit_state"])


def test_failed_job_is_retried(local_backend, backend_faults, local_profile, store, tmp_path, samples_file):
    samples = rd.select_samples(rd.validate(rd.read_reference_file(samples_file)).samples, "extract").head(3)
    plan = ex.plan_jobs(samples, rates=DEFAULT_RATES)
    backend_faults.set_faults(job_error={"count": 1, "message": "Executor lost"})
    runner = connections.runner(output_root=tmp_path, store=store, profiles={"local": local_profile})
    logs: list[str] = []
    state = er.ExtractionRunner(runner, local_profile, tmp_path, retry_backoff_s=0.5).run(plan, log=logs.append)
    assert state.done == len(plan.jobs) and state.failed == 0
    assert any("failed" in line and "Executor lost" in line and "submitting it again" in line for line in logs)


def test_validate_algorithm_reports_rows_and_writes_clean_points(wc_provider, samples_file, tmp_path):
    import processing

    frame = rd.read_reference_file(samples_file).frame.head(6).copy()
    frame.loc[1, "ewoc_code"] = 12345
    frame.loc[2, "valid_time"] = "2022-02-30"
    horseshoe = ("POLYGON ((9.20 41.40, 9.23 41.40, 9.23 41.43, 9.20 41.43, 9.20 41.42, 9.22 41.42, 9.22 41.41, "
                 "9.20 41.41, 9.20 41.40))")
    path = _write_gpkg(tmp_path / "mine.gpkg", frame, polygon_rows={3: horseshoe})
    result = processing.run("worldcereal:validate_reference_data", {
        "INPUT": str(path), "REPORT": "memory:", "OUTPUT": "memory:"})
    assert (result["VALID"], result["ERRORS"], result["DROPPED"]) == (3, 2, 1)
    report = [f.attributes() for f in result["REPORT"].getFeatures()]
    assert report == [
        [2, frame.loc[1, "sample_id"], "ewoc_code", "error", "ewoc_code 12345 is not a 10-digit EWOC code."],
        [3, frame.loc[2, "sample_id"], "valid_time", "error", "valid_time '2022-02-30' is not a date (YYYY-MM-DD)."],
        [4, frame.loc[3, "sample_id"], "geometry", "dropped",
         "The polygon's centroid falls outside it, so the sample is dropped."],
    ]
    points = result["OUTPUT"]
    assert points.featureCount() == 3 and points.crs().authid() == "EPSG:4326"
    first = next(points.getFeatures())
    assert first["sample_id"] == frame.loc[0, "sample_id"] and first["ewoc_code"] == frame.loc[0, "ewoc_code"]


def test_extract_algorithm_runs_jobs_and_skips_extracted_samples(wc_provider, local_backend, samples_file,
                                                                 tmp_path, real_schema, offline_catalogue):
    import processing

    frame = rd.read_reference_file(samples_file).frame
    path = _write_gpkg(tmp_path / "samples.gpkg", frame[frame["extract"] >= 1].head(5))
    params = {"INPUT": str(path), "SELECTION": 0, "BACKEND": 3, "BACKEND_URL": local_backend.url,
              "OUTPUT_FOLDER": str(tmp_path / "extract"), "SAMPLES": "memory:"}
    planned = processing.run("worldcereal:extract_reference_data", {**params, "PLAN_ONLY": True})
    assert planned["EXTRACTED"] == 0 and planned["CREDITS"] == planned["JOBS"] * 30.0
    result = processing.run("worldcereal:extract_reference_data", params)  # ORBIT default: automatic, per job
    assert result["EXTRACTED"] == 5 and result["CREDITS"] > 0
    files = list(Path(result["OUTPUT"]).glob(f"ref_id={REF_ID}/*.parquet"))
    assert len(files) == 1 and pq.read_schema(files[0]).equals(with_orbit(real_schema), check_metadata=False)
    assert set(pq.read_table(files[0]).column(ep.ORBIT_COLUMN).to_pylist()) == {"ASCENDING"}  # the fallback
    layer = result["SAMPLES"]
    assert layer.featureCount() == 5 and {f["tile"][:3] for f in layer.getFeatures()} == {"32T"}
    again = processing.run("worldcereal:extract_reference_data", params)
    assert again["EXTRACTED"] == 0 and again["JOBS"] == 0


def _wait(condition, timeout: float = 60.0) -> None:
    import time

    from qgis.core import QgsApplication

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the panel"
        QgsApplication.processEvents()
        time.sleep(0.02)


@pytest.mark.qgis_gui
def test_panel_validates_plans_extracts_and_plots(qgis_app, local_backend, local_profile, store, samples_file,
                                                  tmp_path, offline_catalogue):
    import numpy as np
    from qgis.core import QgsProject, QgsVectorLayer

    from worldcereal_qgis.gui import reference_panel as rp

    frame = rd.read_reference_file(samples_file).frame
    bad = frame.head(4).copy()
    bad.loc[2, "quality_score_ct"] = -5
    bad_layer = QgsVectorLayer(str(_write_gpkg(tmp_path / "bad.gpkg", bad)), "bad", "ogr")
    good_layer = QgsVectorLayer(str(_write_gpkg(tmp_path / "good.gpkg", frame[frame["extract"] >= 1].head(6))),
                                "good", "ogr")
    QgsProject.instance().addMapLayers([bad_layer, good_layer])
    panel = rp.ReferencePanel(profile_for=lambda: local_profile, runner_for=lambda root, p: connections.runner(
        output_root=root, store=store, profiles={"local": p}))
    panel.outputEdit.setText(str(tmp_path / "panel"))

    panel.layerCombo.setLayer(bad_layer)
    panel.validateButton.click()
    _wait(lambda: panel.validation is not None and not panel.busy)
    assert panel.summaryLabel.text() == "3 of 4 samples are valid; 1 errors must be fixed before extracting."
    assert [panel.reportTable.item(0, c).text() for c in range(4)] == [
        "3", "quality_score_ct", "error", "quality_score_ct -5 is outside 0–100."]
    assert not panel.runButton.isEnabled() and panel.plan is None

    panel.layerCombo.setLayer(good_layer)
    panel.validateButton.click()
    _wait(lambda: panel.plan is not None and not panel.busy)
    assert panel.runButton.isEnabled() and panel.planTable.rowCount() == len(panel.plan.tiles)
    assert panel.planLabel.text().startswith("6 samples in ")
    assert panel.plan_layer.featureCount() == len(panel.plan.tiles)

    panel.runButton.click()
    _wait(lambda: panel.results is not None and not panel.busy, timeout=90)
    assert panel.progressBar.value() == 100
    assert panel.statusLabel.text().startswith("6 samples written to ")
    assert panel.result_layer.featureCount() == 6 and panel.sampleCombo.count() == 6
    sample = panel.sampleCombo.currentText()
    rows = panel.results[panel.results["sample_id"] == sample].sort_values("timestamp")
    red, nir = (rows[b].to_numpy().astype(float) for b in ("S2-L2A-B04", "S2-L2A-B08"))
    expected = np.where((red == 65535) | (nir == 65535), np.nan, (nir - red) / (nir + red))
    assert panel.plot.title == f"NDVI — {sample}"
    np.testing.assert_allclose(np.array(panel.plot.values), expected)
    panel.seriesCombo.setCurrentText("S1-SIGMA0-VV")
    vv = rows["S1-SIGMA0-VV"].to_numpy().astype(float)
    np.testing.assert_allclose(panel.plot.values, np.where(vv == 65535, np.nan, 20 * np.log10(vv) - 83))
    assert panel.plot.unit == "dB" and all(-30 < v < 5 for _i, v in panel.plot.finite())
    assert panel.plot.title == f"S1-SIGMA0-VV — {sample} (ASCENDING orbit)"  # the orbit chosen for its job
    from tests.conftest import REPO_ROOT

    panel.resize(480, 1150)
    artifacts = REPO_ROOT / "tests" / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    assert panel.grab().save(str(artifacts / "reference_panel.png"))  # paints the plot without error
    QgsProject.instance().removeAllMapLayers()
