"""Reference data inputs in QGIS (#17 items 1, 6, 8): GeoParquet files in the algorithms and on the reference
page (QGIS 3.22 cannot open them as layers), broken files, untrustworthy coordinates refused before any job, and
the messages for empty or CRS-less layers. Every input is built from the real files in ../shared."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
import shapely
from osgeo import ogr, osr
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

from tests.qgis.test_dock import real_calendar  # noqa: F401  (a fixture: the plugin's calendar = the shared copy)
from tests.qgis.test_reference_flow import _remote_jobs, _wait
from worldcereal_qgis.adapters import reference_source
from worldcereal_qgis.core import reference_data as rd

REF_ID = "2022_FRA_LPIS_POLY_110"


@pytest.fixture(scope="module")
def samples_file(wc_dir: Path) -> Path:
    return wc_dir / "reference_data" / f"{REF_ID}_samples.geoparquet"


def _swapped_copy(samples_file: Path, path: Path) -> Path:
    """The real GeoParquet with x and y exchanged (lat/lon swapped), metadata kept."""
    import pyarrow as pa

    table = pq.read_table(samples_file)
    points = shapely.from_wkb(table.column("geometry").to_numpy(zero_copy_only=False))
    swapped = shapely.points(shapely.get_y(points), shapely.get_x(points))
    index = table.schema.get_field_index("geometry")
    table = table.set_column(index, "geometry", pa.array(list(shapely.to_wkb(swapped)), pa.binary()))
    pq.write_table(table, path)
    return path


def _empty_gpkg(path: Path, epsg: int | None = 4326) -> Path:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = None
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer("samples", srs, ogr.wkbPoint)
    for name in rd.LABEL_COLUMNS:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    ds = None
    return path


def test_validate_algorithm_reads_geoparquet(wc_provider, samples_file):
    import processing

    result = processing.run("worldcereal:validate_reference_data", {
        "INPUT": str(samples_file), "REPORT": "memory:", "OUTPUT": "memory:"})
    assert (result["VALID"], result["ERRORS"], result["DROPPED"]) == (500, 0, 0)
    first = next(result["OUTPUT"].getFeatures())
    assert first["sample_id"] == f"{REF_ID}_830180"
    assert (first.geometry().asPoint().x(), first.geometry().asPoint().y()) == pytest.approx((9.210141, 41.395316))


def test_legend_warnings_reach_the_processing_log(wc_provider, samples_file, wc_dir, tmp_path):
    import processing
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.lines: list = []

        def pushInfo(self, info: str) -> None:  # noqa: N802
            self.lines.append(("info", info))

        def pushWarning(self, warning: str) -> None:  # noqa: N802
            self.lines.append(("warning", warning))

    table = pq.read_table(samples_file)
    codes = table.column("ewoc_code").to_pylist()
    codes[:3] = [1999999999] * 3
    import pyarrow as pa

    table = table.set_column(table.schema.get_field_index("ewoc_code"), "ewoc_code", pa.array(codes, pa.int64()))
    pq.write_table(table, tmp_path / "unknown.geoparquet")
    log = Log()
    result = processing.run("worldcereal:validate_reference_data", {
        "INPUT": str(tmp_path / "unknown.geoparquet"),
        "CLASS_MAPPINGS": str(wc_dir / "classes" / "class_mappings.json"), "REPORT": "memory:",
        "OUTPUT": "memory:"}, feedback=log)
    warning = ("3 samples have EWOC codes unknown to the class mappings: 1999999999 (3) (code (samples)); no model "
               "class is trained on them.")
    assert result["VALID"] == 500 and ("warning", warning) in log.lines
    assert ("info", f"500 of 500 samples are valid. {warning}") in log.lines


def test_extraction_plans_from_a_geoparquet_file(wc_provider, samples_file, tmp_path):
    import processing

    planned = processing.run("worldcereal:extract_reference_data", {
        "INPUT": str(samples_file), "SELECTION": 0, "PLAN_ONLY": True, "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert planned["JOBS"] >= 1 and planned["CREDITS"] == planned["JOBS"] * 30.0 and planned["EXTRACTED"] == 0
    with pytest.raises(QgsProcessingException) as err:
        processing.run("worldcereal:extract_reference_data", {
            "INPUT": str(samples_file), "SELECTION": 0, "EXTRACT_VALUE": 9, "PLAN_ONLY": True,
            "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert str(err.value) == ("None of the 500 valid samples is selected by 'extract flag (the RDM's representative "
                              "subset)'; choose another selection or a lower extract flag.")


@pytest.mark.parametrize("suffix, content, expected", [
    (".gpkg", b"", "broken.gpkg is empty (0 bytes): the file was not written completely or is a placeholder."),
    (".geoparquet", b"sample_id,ewoc_code\n1,2\n",
     "broken.geoparquet is not a Parquet file (it lacks the PAR1 signature)."),
])
def test_broken_files_are_one_sentence_in_processing(wc_provider, tmp_path, suffix, content, expected):
    import processing

    path = tmp_path / f"broken{suffix}"
    path.write_bytes(content)
    with pytest.raises(QgsProcessingException) as err:
        processing.run("worldcereal:validate_reference_data", {"INPUT": str(path), "REPORT": "memory:",
                                                                "OUTPUT": "memory:"})
    assert str(err.value).endswith(expected) and "not found" not in str(err.value)


def test_swapped_coordinates_are_refused_before_any_job(wc_provider, local_backend, samples_file, tmp_path):
    import processing

    from worldcereal_qgis.adapters import connections

    path = _swapped_copy(samples_file, tmp_path / "swapped.geoparquet")
    profile = connections.profile("local", local_backend.url)
    before = {j["id"] for j in _remote_jobs(profile)}  # the backend is shared by the session: earlier tests' jobs
    with pytest.raises(QgsProcessingException) as err:
        processing.run("worldcereal:extract_reference_data", {
            "INPUT": str(path), "SELECTION": 1, "BACKEND": 3, "BACKEND_URL": local_backend.url,
            "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert str(err.value) == ("The points fall in their own h3_l3_cell only with longitude and latitude swapped: "
                              "swap the x and y coordinates; fix this before extracting.")
    assert {j["id"] for j in _remote_jobs(profile)} == before


def test_empty_layer_is_refused_by_extraction_with_what_is_wrong(wc_provider, tmp_path):
    import processing

    path = _empty_gpkg(tmp_path / "empty.gpkg")
    with pytest.raises(QgsProcessingException) as err:
        processing.run("worldcereal:extract_reference_data", {
            "INPUT": str(path), "PLAN_ONLY": True, "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert str(err.value) == "Layer 'empty' holds no samples: it has no rows; fix this before extracting."


def test_empty_wgs84_geopackage_layer_says_it_is_empty(tmp_path):
    layer = QgsVectorLayer(str(_empty_gpkg(tmp_path / "empty.gpkg")), "empty samples", "ogr")
    assert layer.isValid() and layer.featureCount() == 0
    raw = reference_source.raw_from_layer(layer)
    assert raw.crs == "EPSG:4326"
    result = rd.validate(raw)
    assert result.summary() == "Layer 'empty samples' holds no samples: it has no rows." and result.notes == []


def test_layer_without_crs_is_not_said_to_be_reprojected(samples_file, tmp_path):
    frame = rd.read_reference_file(samples_file).frame.head(3)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "nocrs.gpkg"))
    layer = ds.CreateLayer("samples", None, ogr.wkbPoint)
    for name in rd.LABEL_COLUMNS:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for rec in frame.to_dict("records"):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name in rd.LABEL_COLUMNS:
            feature.SetField(name, str(rec[name]))
        feature.SetGeometry(ogr.CreateGeometryFromWkb(rec["geometry"]))
        layer.CreateFeature(feature)
    ds = None
    qlayer = QgsVectorLayer(str(tmp_path / "nocrs.gpkg"), "nocrs", "ogr")
    result = rd.validate(reference_source.raw_from_layer(qlayer))
    assert result.ok and len(result.samples) == 3
    assert result.notes == ["The layer has no CRS; its coordinates are taken as longitude/latitude (EPSG:4326)."]


@pytest.mark.qgis_gui
def test_reference_page_takes_a_geoparquet_file_and_an_empty_layer(qgis_app, samples_file, tmp_path):
    from worldcereal_qgis.gui import reference_panel as rp

    panel = rp.ReferencePanel()
    panel.fileWidget.setFilePath(str(samples_file))
    panel.validateButton.click()
    _wait(lambda: panel.validation is not None and not panel.busy)
    assert panel.summaryLabel.text() == "500 of 500 samples are valid."
    assert panel.plan is not None and panel.planLabel.text().startswith("42 samples in ")

    empty = QgsVectorLayer(str(_empty_gpkg(tmp_path / "empty.gpkg")), "empty samples", "ogr")
    QgsProject.instance().addMapLayer(empty)
    panel.layerCombo.setLayer(empty)
    assert panel.fileWidget.filePath() == ""  # choosing a layer clears the file
    panel.validation = None
    panel.validateButton.click()
    _wait(lambda: panel.validation is not None and not panel.busy)
    assert panel.summaryLabel.text() == "Layer 'empty samples' holds no samples: it has no rows."
    assert panel.plan is None and panel.planLabel.text() == panel.summaryLabel.text()

    broken = tmp_path / "broken.geoparquet"
    broken.write_bytes(b"")
    panel.fileWidget.setFilePath(str(broken))
    assert panel.layerCombo.currentLayer() is None  # choosing a file clears the layer
    panel.validateButton.click()
    _wait(lambda: not panel.busy and panel.validateButton.isEnabled())
    assert panel.summaryLabel.text() == ("broken.geoparquet is empty (0 bytes): the file was not written completely "
                                         "or is a placeholder.")
    QgsProject.instance().removeAllMapLayers()


def test_points_in_the_open_sea_are_refused_with_the_calendar_at_hand(wc_provider, real_calendar, samples_file,  # noqa: F811
                                                                      tmp_path):
    import processing
    import pyarrow as pa

    table = pq.read_table(samples_file)
    points = shapely.from_wkb(table.column("geometry").to_numpy(zero_copy_only=False))
    mirrored = shapely.points(shapely.get_x(points), -shapely.get_y(points))  # latitude typed without its sign
    table = table.set_column(table.schema.get_field_index("geometry"), "geometry",
                             pa.array(list(shapely.to_wkb(mirrored)), pa.binary()))
    table = table.set_column(table.schema.get_field_index("h3_l3_cell"), "h3_l3_cell", pa.array([""] * 500))
    pq.write_table(table, tmp_path / "south.geoparquet")
    result = processing.run("worldcereal:validate_reference_data", {
        "INPUT": str(tmp_path / "south.geoparquet"), "REPORT": "memory:", "OUTPUT": "memory:"})
    assert (result["VALID"], result["ERRORS"]) == (0, 1)
    (first,) = [f.attributes() for f in result["REPORT"].getFeatures() if f["severity"] == "error"]
    assert first[4].startswith("500 of 500 points lie in the open sea (no WorldCereal crop-calendar cell")
