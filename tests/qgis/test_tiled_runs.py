"""Tiled runs end to end against the local backend: zone crossing, 2 parallel jobs, a retried failure, a restart
in the middle, and a styled mosaic whose pixels are the tile files' pixels (no gaps, no seams)."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pyproj
import pytest
import shapely
from osgeo import gdal
from qgis.core import QgsApplication, QgsPointXY, QgsProject, QgsVectorLayer
from shapely.geometry import box

from worldcereal_qgis.adapters import connections
from worldcereal_qgis.controllers.tiled_run import RunController
from worldcereal_qgis.core import credits
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.request import cropland_request
from worldcereal_qgis.core.tile_runs import TileRun, TileStatus
from worldcereal_qgis.core.tiling import plan_tiles

pytestmark = pytest.mark.slow
RATES = credits.DEFAULT_RATES  # the test profile keeps the default rates

AOI_NAME = "zonecross"
AOI_BOX = (6.6, 46.55, 7.1, 46.65)  # ~38 x 11 km across the S2 grid's 31/32 boundary (31TGM | 32TLS), east of 6°E
TILE_KM = 10.0
FAIL_MESSAGE = "Executor lost during inference"
_TITLE = re.compile(r"– (\S+) – ")


def _pump(until, timeout: float = 90.0, each=None) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < deadline, "timed out waiting for the tiled run"
        QgsApplication.processEvents()
        if each is not None:
            each()
        time.sleep(0.02)


def _wait_for_tasks() -> None:
    """A QGIS restart ends the process: nothing of the old session is still running when the new one starts."""
    _pump(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=30)


def _submissions(profile, prefix: str) -> Counter:
    jobs = connections.client(profile).connection.list_jobs()
    names = [m.group(1) for j in jobs if (m := _TITLE.search(j.get("title") or "")) and m.group(1).startswith(prefix)]
    return Counter(names)


@pytest.fixture
def zone_tiles():
    tiles = plan_tiles(box(*AOI_BOX), AOI_NAME, TILE_KM)
    assert len(tiles) >= 4 and {t.epsg for t in tiles} == {32631, 32632}
    return tiles


def _controller(run: TileRun, messages: list) -> RunController:
    controller = RunController(run, project=QgsProject.instance(), tick_ms=100)
    controller.notify.connect(lambda title, text, level: messages.append(text))
    return controller


def test_zone_crossing_run_retries_resumes_and_mosaics(backend_faults, local_profile, zone_tiles, tmp_path):
    request = cropland_request(Aoi(box(*AOI_BOX), AOI_NAME), year=2021)
    run = TileRun.create(tmp_path / "run", request, local_profile, zone_tiles, client_for=connections.client,
                         parallel=2, retry_backoff_s=0.5)
    low, high = run.estimate_credits(RATES)
    assert low == pytest.approx(sum(credits.estimate_map_credits(t.area_km2, RATES)[0] for t in zone_tiles))
    assert high == pytest.approx(sum(credits.estimate_map_credits(t.area_km2, RATES)[1] for t in zone_tiles))
    backend_faults.set_faults(job_error={"count": 1, "message": FAIL_MESSAGE})

    messages: list[str] = []
    peak = {"on_backend": 0}

    def watch() -> None:
        states = run.tile_states().values()
        peak["on_backend"] = max(peak["on_backend"], sum(s.status in TileStatus.ON_BACKEND for s in states))

    first = _controller(run, messages)
    first.load_tile_layer()  # opened in a task: on the map once ready, while the run already goes on
    first.start()
    _pump(lambda: first.tile_layer is not None
          and sum(s.status == TileStatus.FINISHED for s in run.tile_states().values()) >= 3, each=watch)
    first.shutdown()  # QGIS closes mid-run
    _wait_for_tasks()
    QgsProject.instance().removeMapLayer(first.tile_layer.id())
    assert first.tile_layer is None  # the controller lets go of a removed layer
    done_before = {n for n, s in run.tile_states().items() if s.status == TileStatus.FINISHED}
    assert 3 <= len(done_before) < len(zone_tiles)

    reopened = TileRun.open(tmp_path / "run", client_for=connections.client, profile=local_profile)
    second = _controller(reopened, messages)
    finished = []
    second.runFinished.connect(lambda ok, failed: finished.append((ok, failed)))
    second.load_tile_layer()
    second.start()
    run = reopened
    _pump(lambda: bool(finished), each=watch)
    _wait_for_tasks()
    layer = second.tile_layer
    assert layer is not None and QgsProject.instance().mapLayer(layer.id()) is layer

    assert finished == [(len(zone_tiles), 0)]
    assert peak["on_backend"] <= 2
    states = reopened.tile_states()
    retried = [n for n, s in states.items() if s.attempts == 2]
    assert len(retried) == 1 and all(s.attempts == 1 for n, s in states.items() if n not in retried)
    assert FAIL_MESSAGE in (tmp_path / "run" / retried[0] / "tile.log").read_text()
    # the backend saw every tile once, the failed one twice: finished tiles were not resubmitted after the restart
    submitted = _submissions(local_profile, AOI_NAME)
    assert submitted == Counter({t.name: (2 if t.name in retried else 1) for t in zone_tiles})
    assert reopened.actual_credits() == pytest.approx(sum(s.credits for s in states.values()))
    assert reopened.actual_credits() > 0

    _check_tile_layer(layer, zone_tiles)
    assert second.mosaic_path is not None
    _check_mosaic_loads_styled(second.mosaic_path, states[retried[0]].outputs[0])
    _check_mosaic_pixels(second.mosaic_path, reopened)
    second.shutdown()
    QgsProject.instance().removeMapLayer(layer.id())


def _check_tile_layer(layer: QgsVectorLayer, tiles) -> None:
    assert layer.renderer().type() == "categorizedSymbol" and layer.renderer().classAttribute() == "status"
    reread = QgsVectorLayer(layer.source(), "check", "ogr")
    rows = {f["name"]: f for f in reread.getFeatures()}
    assert set(rows) == {t.name for t in tiles}
    for tile in tiles:
        row = rows[tile.name]
        assert row["status"] == "finished" and row["job_id"].startswith("j-") and row["credits"] > 0
        assert row["mgrs_tile"] == tile.mgrs_tile and row["epsg"] == tile.epsg
        assert row["est_credits"] == pytest.approx(credits.estimate_map_credits(tile.area_km2, RATES)[1], abs=0.01)


def _check_mosaic_loads_styled(path: Path, one_tile: str) -> None:
    """The mosaic loads exactly like one tile's GeoTIFF: same band layers, same renderers."""
    from worldcereal_qgis.adapters.layers import build_result_layers, load_result_layers

    tile_bands = [b.name for b in build_result_layers(one_tile, job={}).bands]
    layers = load_result_layers(path, job={"job_id": "tiled-test", "title": "tiled"}, project=QgsProject.instance())
    try:
        by_band = {lyr.customProperty("worldcereal/band"): lyr for lyr in layers}
        assert list(by_band) == tile_bands and "cropland_classification" in by_band
        crop = by_band["cropland_classification"]
        assert crop.isValid() and crop.renderer().type() == "paletted"
        assert {c.value for c in crop.renderer().classes()} >= {0, 1}
        assert by_band["probability_cropland"].renderer().type() == "singlebandpseudocolor"
    finally:
        QgsProject.instance().removeMapLayers([lyr.id() for lyr in layers])


class _TileFile:
    def __init__(self, path: str) -> None:
        ds = gdal.Open(path)
        self.epsg = int(ds.GetSpatialRef().GetAuthorityCode(None))
        self.gt = ds.GetGeoTransform()
        self.data = ds.GetRasterBand(1).ReadAsArray()
        self.to_crs = pyproj.Transformer.from_crs(4326, self.epsg, always_xy=True)

    def value(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        col = np.floor((x - self.gt[0]) / self.gt[1]).astype(int)
        row = np.floor((y - self.gt[3]) / self.gt[5]).astype(int)
        ok = (row >= 0) & (row < self.data.shape[0]) & (col >= 0) & (col < self.data.shape[1])
        out = np.full(len(col), -1)
        out[ok] = self.data[row[ok], col[ok]]
        return out  # -1: outside this file


def _sample_points(run: TileRun, res: float) -> list[tuple[str, np.ndarray]]:
    """Per tile: points 1.5 display pixels inside its edges (both sides of every edge) plus an interior grid."""
    out = []
    for tile in run.tiles:
        geom = tile.geometry_4326()
        inner = geom.buffer(-1.5 * res)
        ring = shapely.segmentize(inner.boundary, 5 * res)
        pts = shapely.get_coordinates(ring)
        minx, miny, maxx, maxy = inner.bounds
        gx, gy = np.meshgrid(np.arange(minx, maxx, 40 * res), np.arange(miny, maxy, 40 * res))
        grid = np.column_stack([gx.ravel(), gy.ravel()])
        grid = grid[shapely.contains_xy(inner, grid[:, 0], grid[:, 1])]
        out.append((tile.name, np.vstack([pts, grid])))
    return out


def _check_mosaic_pixels(path: Path, run: TileRun) -> None:
    ds = gdal.Open(str(path))
    gt = ds.GetGeoTransform()
    mosaic = ds.GetRasterBand(1).ReadAsArray()
    files = {n: _TileFile(s.outputs[0]) for n, s in run.tile_states().items()}
    # a tile's rectangle in its file's CRS, edges snapped to that file's 10 m grid (so up to one pixel wider)
    rects = {n: shapely.box(*_bounds_in(run, n, f.epsg)).buffer(abs(f.gt[1]), join_style="mitre")
             for n, f in files.items()}
    strict = total = 0
    for name, pts in _sample_points(run, gt[1]):
        col = np.floor((pts[:, 0] - gt[0]) / gt[1]).astype(int)
        row = np.floor((pts[:, 1] - gt[3]) / gt[5]).astype(int)
        cx, cy = gt[0] + (col + 0.5) * gt[1], gt[3] + (row + 0.5) * gt[5]  # the display pixel centres
        got = mosaic[row, col]
        assert (got != 255).all(), f"gap in the mosaic inside tile {name}"
        own = files[name]
        ux, uy = own.to_crs.transform(cx, cy)
        expected = own.value(ux, uy)
        # where two tiles of one zone overlap (slanted S2-cell edge), the pixel is one of the two files' pixels
        others = [n for n, f in files.items() if n != name and f.epsg == own.epsg]
        shared = np.zeros(len(cx), dtype=bool)
        for other in others:
            inside = shapely.contains_xy(rects[other], ux, uy)
            alt = np.full(len(cx), -1)
            alt[inside] = files[other].value(ux[inside], uy[inside])
            shared |= inside
            expected = np.where(inside & (got == alt), alt, expected)
        assert (got == expected).all(), f"mosaic pixels differ from tile file {name}"
        strict += int((~shared).sum())
        total += len(cx)
    assert strict > 1000 and strict / total > 0.5  # most samples have a single possible source


def _bounds_in(run: TileRun, name: str, epsg: int):
    tile = next(t for t in run.tiles if t.name == name)
    if tile.epsg == epsg:
        return tile.geometry_utm().bounds
    to = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
    geom = shapely.segmentize(tile.geometry_4326(), 0.002)
    return shapely.transform(geom, lambda xy: np.column_stack(to.transform(xy[:, 0], xy[:, 1]))).bounds


def test_plan_tiles_algorithm_gives_named_tiles_with_estimates(wc_provider):
    import processing

    result = processing.run("worldcereal:plan_tiles", {
        "EXTENT": f"{AOI_BOX[0]},{AOI_BOX[2]},{AOI_BOX[1]},{AOI_BOX[3]} [EPSG:4326]", "AOI_NAME": AOI_NAME,
        "TILE_SIZE_KM": TILE_KM, "OUTPUT": "memory:",
    })
    expected = {t.name: t for t in plan_tiles(box(*AOI_BOX), AOI_NAME, TILE_KM)}
    layer = result["OUTPUT"]
    rows = {f["name"]: f for f in layer.getFeatures()}
    assert set(rows) == set(expected) and result["TILE_COUNT"] == len(expected)
    for name, tile in expected.items():
        assert rows[name]["mgrs_tile"] == tile.mgrs_tile and rows[name]["epsg"] == tile.epsg
        assert rows[name]["area_km2"] == pytest.approx(tile.area_km2, abs=1e-3)
        high = credits.estimate_map_credits(tile.area_km2, RATES)[1]
        assert rows[name]["est_credits"] == pytest.approx(high, abs=0.01)
        assert rows[name].geometry().area() == pytest.approx(tile.geometry_4326.area, rel=1e-6)
    assert result["EST_CREDITS"] == pytest.approx(sum(r["est_credits"] for r in rows.values()), abs=0.05)


def test_processing_runs_a_large_aoi_as_tiles_and_returns_the_mosaic(wc_provider, backend_faults, tmp_path):
    import processing

    url = backend_faults.url
    params = {
        "EXTENT": "5.96,6.04,46.60,46.63 [EPSG:4326]", "AOI_NAME": "procrun", "YEAR": 2021, "ORBIT": 1,
        "BACKEND": 3, "BACKEND_URL": url, "MAX_AREA_KM2": 5.0, "TILE_SIZE_KM": 3.0, "LOAD_LAYERS": False,
        "OUTPUT_FOLDER": str(tmp_path / "proc"),
    }
    result = processing.run("worldcereal:cropland", params)
    assert result["OUTPUT"].endswith(".vrt") and Path(result["OUTPUT"]).is_file()
    run = TileRun.open(tmp_path / "proc", client_for=connections.client)
    assert len(run.tiles) >= 4 and run.is_done()
    assert result["CREDITS"] == pytest.approx(run.actual_credits()) and result["CREDITS"] > 0
    names = _band_names(result["OUTPUT"])
    assert names == ["cropland_classification", "probability_cropland", "probability_other"]
    profile = connections.profile("local", url)
    before = _submissions(profile, "procrun")
    assert set(before.values()) == {1}
    # the same folder again resumes: nothing is resubmitted, the same mosaic comes back
    again = processing.run("worldcereal:cropland", params)
    assert again["OUTPUT"] == result["OUTPUT"] and _submissions(profile, "procrun") == before


def _band_names(path: str) -> list[str]:
    ds = gdal.Open(path)  # kept alive while its bands are read (GDAL's Python bindings crash otherwise)
    return [ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount)]


def test_tiled_run_above_the_credit_limit_sends_nothing(wc_provider, local_backend, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    profile = connections.profile("local", local_backend.url)
    jobs_before = len(connections.client(profile).connection.list_jobs())
    with pytest.raises(QgsProcessingException) as err:
        processing.run("worldcereal:cropland", {
            "EXTENT": "0,1,0,1 [EPSG:4326]", "AOI_NAME": "toolarge", "YEAR": 2021, "ORBIT": 1, "BACKEND": 3,
            "BACKEND_URL": local_backend.url, "MAX_CREDITS": 1000, "OUTPUT_FOLDER": str(tmp_path / "big"),
        })
    text = str(err.value)
    # refused from the area before any tile is planned (#16): the estimate, the limit and how to raise it
    assert "\n" not in text and text.endswith("more than the 1,000 credits allowed; choose a smaller area or raise "
                                               "MAX_CREDITS.")
    assert re.fullmatch(r"The area of interest covers [\d,]+ km²: as tiles of 20 km that is at least \d+ jobs and "
                        r"[\d,]+ credits, more than .*", text)
    assert len(connections.client(profile).connection.list_jobs()) == jobs_before
    assert not (tmp_path / "big" / "run.json").exists()


def test_a_rebuilt_mosaic_shows_its_new_tile_one_layer_per_turn(reference_tif, tmp_path):
    """After each finished tile the display VRT is replaced; its 6 layers reload it one per event-loop turn
    (a crop-type mosaic has 53: at once they held the GUI thread for ~250 ms, #21) and then show the new tile."""
    from tests.qgis.test_layers import two_tiles
    from worldcereal_qgis.adapters.layers import load_result_layers
    from worldcereal_qgis.controllers.tiled_run import LayerReloads
    from worldcereal_qgis.core.mosaic import build_mosaic

    tiles, extent = two_tiles(reference_tif, tmp_path)
    display = build_mosaic(tmp_path / "m", tiles[:1], name="run", extent_4326=extent).display
    layers = load_result_layers(display, job={"job_id": "reload-test"}, project=QgsProject.instance())
    try:
        east = tiles[1].geometry_4326.centroid
        crop = layers[0]
        assert _value(crop, east) is None  # only the west tile so far
        build_mosaic(tmp_path / "m", tiles, name="run", extent_4326=extent)
        reloads = LayerReloads()
        reloaded = []
        for layer in layers:
            layer.dataProvider().dataChanged.connect(lambda layer=layer: reloaded.append(layer.id()))
        reloads.reload(layers)
        assert reloaded == []  # nothing on the turn that asked
        QgsApplication.processEvents()
        assert 1 <= len(reloaded) < len(layers)  # spread over turns
        _pump(lambda: len(reloaded) == len(layers) and not reloads.queue, timeout=10)
        assert sorted(reloaded) == sorted(layer.id() for layer in layers)
        assert _value(crop, east) in (0, 1)  # the new tile's cropland class
    finally:
        QgsProject.instance().removeMapLayers([layer.id() for layer in layers])


def _value(layer, point) -> int | None:
    value, ok = layer.dataProvider().sample(QgsPointXY(point.x, point.y), 1)
    return int(value) if ok and value == value else None
