"""Processing on the real Sentinel-2 grid: extents across 180°, and areas refused from their size before planning.

Expected tile ids are tiles of ESA's grid (tests/data/s2_grid_centres.npz) covering Vanua Levu and Taveuni
(Fiji), as in tests/unit/test_tiling.py; the season window is the hand derivation of
tests/unit/test_seasons.py (test_bbox_across_the_dateline).
"""

from __future__ import annotations

import math
import time
from datetime import date
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from shapely.geometry import box

from worldcereal_qgis import settings
from worldcereal_qgis.core import plan_bounds

FIJI = "178.0,-179.7,-17.3,-16.1 [EPSG:4326]"  # xmin > xmax: across 180°
FIJI_TILES = {"01KAA", "01KAB", "01KBA", "01KBB", "01LAC", "01LBC", "60KXF", "60KXG", "60KYF", "60KYG", "60LXH",
              "60LYH"}
AFRICA = "-17.5,51.3,-34.8,37.3 [EPSG:4326]"


def _layer(value) -> QgsVectorLayer:
    return value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(value, "out", "ogr")


def test_suggest_seasons_for_an_extent_across_180(wc_provider, configure, wc_dir: Path):
    import processing

    configure(settings.CALENDAR_PATH, str(wc_dir / "cropcalendar"))
    result = processing.run("worldcereal:suggest_seasons", {
        "EXTENT": "179.5,-179.5,-17.0,-16.5 [EPSG:4326]", "YEAR": 2021, "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = {f["season_id"]: (f["start"].toPyDate(), f["end"].toPyDate())
            for f in _layer(result["OUTPUT"]).getFeatures()}
    assert rows["tc-annual"] == (date(2020, 9, 1), date(2021, 9, 30))  # cells at 179.75 and -179.75 only


def test_plan_tiles_for_an_extent_across_180_has_tiles_on_both_sides(wc_provider):
    import processing

    result = processing.run("worldcereal:plan_tiles", {"EXTENT": FIJI, "AOI_NAME": "fiji", "TILE_SIZE_KM": 20.0,
                                                       "OUTPUT": "TEMPORARY_OUTPUT"})
    features = list(_layer(result["OUTPUT"]).getFeatures())
    assert {f["mgrs_tile"] for f in features} == FIJI_TILES
    assert {f["epsg"] for f in features} == {32760, 32701}
    boxes = [f.geometry().boundingBox() for f in features]
    assert all(b.width() < 1.0 for b in boxes)  # every tile on one side: a valid job bbox
    assert {b.xMinimum() >= 0 for b in boxes} == {True, False}
    assert result["TILE_COUNT"] == len(features) > 50


@pytest.mark.parametrize("alg", ["worldcereal:plan_tiles", "worldcereal:cropland"])
def test_a_continent_is_answered_in_one_sentence_within_seconds(wc_provider, configure, tmp_path, alg):
    import processing

    configure(settings.CALENDAR_PATH, str(tmp_path / "no-calendar-here"))  # reaching the calendar would fail
    configure(settings.CALENDAR_URL, "http://127.0.0.1:9/unreachable")
    params = {"EXTENT": AFRICA, "AOI_NAME": "africa", "TILE_SIZE_KM": 20.0}
    params.update({"OUTPUT": "TEMPORARY_OUTPUT"} if alg.endswith("plan_tiles") else
                  {"YEAR": 2021, "ORBIT": 2, "OUTPUT_FOLDER": str(tmp_path / "out"), "LOAD_LAYERS": False})
    started = time.perf_counter()
    with pytest.raises(QgsProcessingException) as info:
        processing.run(alg, params)
    assert time.perf_counter() - started < 5.0
    area = plan_bounds.area_km2(box(-17.5, -34.8, 51.3, 37.3))
    jobs = math.ceil(area / 400.0)
    assert str(info.value) == (
        f"The area of interest covers {area:,.0f} km²: as tiles of 20 km that is at least {jobs:,} jobs and "
        f"{area * 0.16 + 2.0 * jobs:,.0f} credits, more than the 1,000 jobs one tiled run may hold; choose a "
        "smaller area or larger tiles.")
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_cropland_across_180_runs_valid_jobs_on_each_side_into_one_mosaic(wc_provider, local_backend, tmp_path):
    import processing
    from osgeo import gdal, osr

    from worldcereal_qgis.adapters import connections

    result = processing.run("worldcereal:cropland", {
        "EXTENT": "179.97,-179.97,-16.6,-16.57 [EPSG:4326]", "AOI_NAME": "taveuni", "YEAR": 2021, "ORBIT": 1,
        "BACKEND": 3, "BACKEND_URL": local_backend.url, "TILE_SIZE_KM": 3.0, "LOAD_LAYERS": False,
        "OUTPUT_FOLDER": str(tmp_path / "run")})
    connection = connections.client(connections.profile("local", local_backend.url)).connection
    jobs = [j for j in connection.list_jobs() if "taveuni_" in (j.get("title") or "")]
    extents = []
    for job in jobs:
        graph = connection.job(job["id"]).describe()["process"]["process_graph"]
        node = next(n for n in graph.values() if n["process_id"].startswith("worldcereal_"))
        extents.append(node["arguments"]["spatial_extent"])
    assert len(extents) >= 4
    assert all(-180.0 <= e["west"] < e["east"] <= 180.0 and e["east"] - e["west"] < 0.1 for e in extents)
    assert {e["west"] >= 0 for e in extents} == {True, False}  # jobs on both sides of 180°
    ds = gdal.Open(result["OUTPUT"])
    assert osr.SpatialReference(wkt=ds.GetProjection()).GetAuthorityCode(None) in ("32760", "32701")
    assert ds.RasterXSize * ds.GetGeoTransform()[1] < 10_000  # one ~6.4 km mosaic, not a band around the globe
