"""Benchmark (issue #20): pixel counting per class and per polygon over a 10^9-pixel mosaic, streamed by
blocks (< 60 s, < 500 MB RSS on 2 cores), and drawing a 1,000-point stratified sample from it (< 30 s), with
ratios to GDAL's own histogram and to a plain numpy block loop over the same VRT, measured in the same run.

The mosaic is synthetic but built from the real WorldCereal output: its cropland band tiled into one
4,000 x 4,000 GeoTIFF (DEFLATE, 256 px blocks), referenced 8 x 8 times by a VRT: 32,000 x 32,000 = 1.024 x 10^9
pixels, 102,400 km2 at 10 m, a few MB on disk. Each measurement runs in its own process with an 8 MB GDAL
block cache (every read decompresses again, as distinct tiles would), so the peak RSS (VmHWM) is that
operation's alone.

Run: .venv/bin/python tests/benchmarks/bench_area_counts.py   (or via make bench)
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

TILE, GRID = 4000, 8
TARGET_COUNT_S, TARGET_DRAW_S, TARGET_RSS_MB = 60.0, 30.0, 500.0
REFERENCE = REPO.parent / "shared" / "worldcereal" / "reference_output" / "cropland-croptype_2020-11-01_2021-10-31.tif"


def build_mosaic(folder: Path) -> Path:
    from osgeo import gdal

    src = gdal.Open(str(REFERENCE))
    band = src.GetRasterBand(1).ReadAsArray()
    reps = (TILE // band.shape[0] + 1, TILE // band.shape[1] + 1)
    tile = np.tile(band, reps)[:TILE, :TILE]
    tile_path = folder / "tile.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(tile_path), TILE, TILE, 1, gdal.GDT_Byte,
                                              ["COMPRESS=DEFLATE", "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"])
    x0, y0 = 300_000.0, 5_500_000.0
    ds.SetGeoTransform((x0, 10, 0, y0, 0, -10))
    ds.SetProjection(src.GetProjection())
    ds.GetRasterBand(1).WriteArray(tile)
    ds.GetRasterBand(1).SetNoDataValue(255)
    ds = None
    size = TILE * GRID
    sources = "".join(
        f"<SimpleSource><SourceFilename relativeToVRT='1'>tile.tif</SourceFilename><SourceBand>1</SourceBand>"
        f"<SrcRect xOff='0' yOff='0' xSize='{TILE}' ySize='{TILE}'/>"
        f"<DstRect xOff='{i * TILE}' yOff='{j * TILE}' xSize='{TILE}' ySize='{TILE}'/></SimpleSource>"
        for j in range(GRID) for i in range(GRID))
    vrt = folder / "mosaic.vrt"
    vrt.write_text(
        f"<VRTDataset rasterXSize='{size}' rasterYSize='{size}'><SRS>{src.GetProjection()}</SRS>"
        f"<GeoTransform>{x0}, 10, 0, {y0}, 0, -10</GeoTransform>"
        f"<VRTRasterBand dataType='Byte' band='1'><NoDataValue>255</NoDataValue>"
        f"<Description>cropland_classification</Description>{sources}</VRTRasterBand></VRTDataset>")
    return vrt


def _districts(vrt: Path, n: int = 10):
    """n x n square 'districts' that partition the mosaic, given in lon/lat as a user's layer would come."""
    import pyproj
    import shapely
    from shapely.geometry import box

    to_ll = pyproj.Transformer.from_crs(32631, 4326, always_xy=True)
    x0, y0, size = 300_000.0, 5_500_000.0, TILE * GRID * 10.0
    step = size / n

    def lonlat(xy):
        return np.column_stack(to_ll.transform(xy[:, 0], xy[:, 1]))

    return [shapely.transform(shapely.segmentize(box(x0 + i * step, y0 - (j + 1) * step, x0 + (i + 1) * step,
                                                     y0 - j * step), 500.0), lonlat)
            for j in range(n) for i in range(n)]


def measure(what: str, vrt: str) -> dict:
    """One operation, in this process: seconds, peak RSS (MB) and a result summary."""
    from osgeo import gdal

    from worldcereal_qgis.core.area_estimation.design import draw
    from worldcereal_qgis.core.area_estimation.pixel_counts import WINDOW, count_classes, map_parts

    parts = map_parts(vrt, "cropland_classification")
    t0 = time.perf_counter()
    if what == "classes":
        out = count_classes(parts).per_value
    elif what == "polygons":
        counts = count_classes(parts, polygons=_districts(Path(vrt)))
        out = {"units": len(counts.per_polygon), "pixels": sum(sum(c.values()) for c in counts.per_polygon.values())}
    elif what == "draw":
        sizes = {"other": 0, "cropland": 0}
        ds = gdal.Open(vrt)
        hist = ds.GetRasterBand(1).GetHistogram(-0.5, 255.5, 256, False, False)
        sizes = {"other": hist[0], "cropland": hist[1]}
        t0 = time.perf_counter()
        points = draw(parts, {0: "other", 1: "cropland"}, sizes, {"other": 500, "cropland": 500}, seed=1)
        out = {"points": len(points)}
    elif what == "gdal_histogram":
        ds = gdal.Open(vrt)
        hist = ds.GetRasterBand(1).GetHistogram(-0.5, 255.5, 256, False, False)
        out = {v: c for v, c in enumerate(hist) if c and v != 255}
    elif what == "numpy_blocks":
        ds = gdal.Open(vrt)
        band = ds.GetRasterBand(1)
        total = np.zeros(256, dtype=np.int64)
        for y in range(0, ds.RasterYSize, WINDOW):
            for x in range(0, ds.RasterXSize, WINDOW):
                a = band.ReadAsArray(x, y, min(WINDOW, ds.RasterXSize - x), min(WINDOW, ds.RasterYSize - y))
                total += np.bincount(a.ravel(), minlength=256)
        out = {v: int(c) for v, c in enumerate(total) if c and v != 255}
    seconds = time.perf_counter() - t0
    rss_mb = _peak_rss_mb()
    return {"seconds": seconds, "rss_mb": rss_mb, "result": {str(k): v for k, v in out.items()}}


def _peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM). Not ru_maxrss: Linux carries that over exec from the parent, and under
    pytest the parent is a 300 MB QGIS process."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _in_process(what: str, vrt: Path) -> dict:
    # An 8 MB GDAL block cache cannot hold the 16 MB tile, so every read decompresses again, as 64 distinct
    # tiles would; with the default cache the repeated tile would be decompressed once and reads be free.
    env = {**os.environ, "GDAL_CACHEMAX": "8"}
    line = subprocess.run([sys.executable, __file__, "--measure", what, str(vrt)], check=True, env=env,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return json.loads(line)


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        vrt = build_mosaic(Path(tmp))
        names = ("gdal_histogram", "numpy_blocks", "classes", "polygons", "draw")
        return {name: _in_process(name, vrt) for name in names}


def _report(r: dict) -> None:
    gdal_s, numpy_s = r["gdal_histogram"]["seconds"], r["numpy_blocks"]["seconds"]
    for name, target in (("classes", TARGET_COUNT_S), ("polygons", TARGET_COUNT_S), ("draw", TARGET_DRAW_S)):
        m = r[name]
        print(f"{name}: {m['seconds']:.1f} s (target {target:.0f} s, ratio {m['seconds'] / target:.2f}); "
              f"peak RSS {m['rss_mb']:.0f} MB (ratio {m['rss_mb'] / TARGET_RSS_MB:.2f}); "
              f"{m['seconds'] / gdal_s:.2f} x GDAL histogram ({gdal_s:.1f} s), "
              f"{m['seconds'] / numpy_s:.2f} x numpy block loop ({numpy_s:.1f} s); {m['result']}")


def test_area_counting_and_sampling_of_a_10e9_pixel_mosaic() -> None:
    r = run()
    _report(r)
    assert r["classes"]["result"] == r["gdal_histogram"]["result"] == r["numpy_blocks"]["result"]
    assert r["polygons"]["result"]["pixels"] == sum(r["classes"]["result"].values())
    assert r["draw"]["result"]["points"] == 1000
    for name, target in (("classes", TARGET_COUNT_S), ("polygons", TARGET_COUNT_S), ("draw", TARGET_DRAW_S)):
        assert r[name]["seconds"] < target and r[name]["rss_mb"] < TARGET_RSS_MB


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        print(json.dumps(measure(sys.argv[2], sys.argv[3])))
    else:
        _report(run())
