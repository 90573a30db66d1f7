"""Benchmark: drawing a tiled run's mosaic (issue 21, "One frame and the wire" at country scale).

Each band of the display VRT is its own QGIS layer, and every canvas redraw reads that band through the zone's
warped VRT. Measured on 4 adjacent 1,000 px tiles cut from the 53-band crop-type result (bench_gui_stall_paths'
``_mosaic``): ``build_mosaic``'s time, reading one band at full resolution with GDAL
(display VRT vs the zone VRT it warps), and one layer's full extent drawn by QGIS's provider (``block``) and by
a map render job. The GDAL block cache is flushed before each read, as for a band not drawn yet.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/benchmarks/bench_mosaic_draw.py -s -q
 or: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_mosaic_draw.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from osgeo import gdal

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

BANDS = (1, 4, 30)  # cropland classification, season 1 classification, one class probability
TARGET_READ_S = 1.0   # one band of the 4-tile mosaic at full resolution
RENDER_PX = (1000, 250)  # the canvas over the mosaic; zoomed out (a country-sized mosaic seen whole)


def build(folder: Path):
    """bench_gui_stall_paths' 4-tile mosaic, then ``build_mosaic`` timed again on its tiles -> (result, seconds)."""
    import pyproj
    import shapely
    from shapely.ops import transform

    from tests.benchmarks.bench_gui_stall_paths import _mosaic
    from worldcereal_qgis.core.mosaic import MosaicTile, build_mosaic

    display = _mosaic(folder)
    to_4326 = pyproj.Transformer.from_crs(32631, 4326, always_xy=True).transform
    tiles = []
    for path in sorted(folder.glob("tile_*.tif")):  # each tile is its whole file there
        ds = gdal.Open(str(path))
        left, dx, _, top, _, dy = ds.GetGeoTransform()
        utm = shapely.box(left, top + ds.RasterYSize * dy, left + ds.RasterXSize * dx, top)
        tiles.append(MosaicTile(path.stem, path, transform(to_4326, utm), 32631, utm))
    extent = shapely.union_all([t.geometry_4326 for t in tiles]).bounds
    builds = []
    for _ in range(3):
        start = time.perf_counter()
        result = build_mosaic(display.parent, tiles, name=display.stem, extent_4326=extent)
        builds.append(time.perf_counter() - start)
    assert result.display == display
    return result, statistics.median(builds)


def _flush() -> None:
    size = gdal.GetCacheMax()
    gdal.SetCacheMax(0)
    gdal.SetCacheMax(size)


def _timed(work) -> float:
    _flush()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def read_band(path: Path, band: int) -> float:
    def work():
        ds = gdal.Open(str(path))
        ds.GetRasterBand(band).ReadAsArray()
    return _timed(work)


def provider_block(path: Path, band: int) -> float:
    from qgis.core import QgsRasterLayer

    layer = QgsRasterLayer(str(path), f"band {band}", "gdal")
    provider = layer.dataProvider()
    return _timed(lambda: provider.block(band, layer.extent(), layer.width(), layer.height()))


def render(path: Path, band: int, px: int) -> float:
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsRasterLayer, QgsSingleBandGrayRenderer
    from qgis.PyQt.QtCore import QSize

    layer = QgsRasterLayer(str(path), f"band {band}", "gdal")
    layer.setRenderer(QgsSingleBandGrayRenderer(layer.dataProvider(), band))  # one band, as each mosaic layer
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(px, px))

    def work():
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
    return _timed(work)


def measure(folder: Path) -> dict[str, float]:
    result, build_s = build(folder)
    zone = next(iter(result.zones.values()))
    figures = {"build_mosaic (median of 3)": build_s}
    for band in BANDS:
        figures[f"GDAL read band {band}, display VRT"] = read_band(result.display, band)
        figures[f"GDAL read band {band}, zone VRT"] = read_band(zone, band)
        figures[f"QGIS provider block band {band}, full res"] = provider_block(result.display, band)
        for px in RENDER_PX:
            figures[f"QGIS render band {band}, {px} px"] = render(result.display, band, px)
    return figures


def _report(figures: dict[str, float]) -> None:
    for name, seconds in figures.items():
        print(f"{name:48s} {seconds:7.3f} s")
    worst = max(v for k, v in figures.items() if "display VRT" in k)
    print(f"worst display read {worst:.3f} s = {worst / TARGET_READ_S:.2f}x target ({TARGET_READ_S} s)")


def test_mosaic_draw(qgis_app, tmp_path):
    figures = measure(tmp_path)
    _report(figures)
    assert all(v > 0 for v in figures.values())


if __name__ == "__main__":
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    with tempfile.TemporaryDirectory() as tmp:
        _report(measure(Path(tmp)))
