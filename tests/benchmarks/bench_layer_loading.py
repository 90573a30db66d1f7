"""Benchmark: finished 2,000 x 2,000 px crop-type result -> styled layers in a project (target < 1.5 s).

The synthetic file has the real CDSE layout (53 uint8 bands: cropland, 2 seasons x (classification,
probability, 23 class probabilities)), DEFLATE, 128 px tiles, band-interleaved like the reference output.
Measured: ``load_result_layers`` with every band as a layer, plus the first render of the visible map
(what the canvas does next), in a fresh project each round.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/benchmarks/bench_layer_loading.py -s -q
 or: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_layer_loading.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from worldcereal_qgis.core import udp  # noqa: E402

SIZE = 2000
SEASONS = ("tc-s1", "tc-s2")
TARGET_S = 1.5
ROUNDS = 5
RENDER_PX = 1000
JOB = {"job_id": "bench", "backend": "local", "product": "croptype", "title": "WorldCereal benchmark"}


def band_names() -> list[str]:
    classes = udp.DEFAULT_CROPTYPE_CLASSES
    names = ["cropland_classification", "probability_cropland", "probability_other"]
    names += [f"croptype_classification:{s}" for s in SEASONS]
    names += [f"croptype_probability:{s}" for s in SEASONS]
    return names + [f"croptype_probability:{s}:{c}" for s in SEASONS for c in classes]


def write_result(path: Path) -> Path:
    """A realistic file: 40 px 'fields' of one class each, 254 where not cropland, 255 along one edge."""
    rng = np.random.default_rng(5)
    fields = rng.integers(0, 23, (SIZE // 40, SIZE // 40)).astype(np.uint8)
    crop = np.kron(fields, np.ones((40, 40), dtype=np.uint8))
    cropland = crop < 20
    prob = np.kron(rng.integers(0, 101, fields.shape).astype(np.uint8), np.ones((40, 40), dtype=np.uint8))
    options = ["TILED=YES", "BLOCKXSIZE=128", "BLOCKYSIZE=128", "COMPRESS=DEFLATE", "INTERLEAVE=BAND"]
    ds = gdal.GetDriverByName("GTiff").Create(str(path), SIZE, SIZE, len(band_names()), gdal.GDT_Byte, options)
    ds.SetGeoTransform((664000.0, 10.0, 0.0, 5612140.0, 0.0, -10.0))
    ds.SetProjection("EPSG:32631")
    for index, name in enumerate(band_names(), start=1):
        data = _band_data(name, crop, cropland, prob)
        data[:, :16] = 255
        band = ds.GetRasterBand(index)
        band.SetDescription(name)
        band.SetNoDataValue(255)
        band.WriteArray(data)
    ds = None
    return path


def _band_data(name: str, crop: np.ndarray, cropland: np.ndarray, prob: np.ndarray) -> np.ndarray:
    if name == "cropland_classification":
        return cropland.astype(np.uint8)
    if name in ("probability_cropland", "probability_other"):
        return prob.copy() if name.endswith("cropland") else (100 - prob)
    data = crop.copy() if name.startswith("croptype_classification") else prob.copy()
    data[~cropland] = 254
    return data


def measure(path: Path) -> dict[str, float]:
    """Median seconds over ROUNDS fresh projects: load (all bands) and load + first render."""
    from qgis.core import QgsProject

    from worldcereal_qgis.adapters.layers import load_result_layers

    loads, totals, counts = [], [], []
    for _ in range(ROUNDS):
        project = QgsProject()
        start = time.perf_counter()
        layers = load_result_layers(path, job=JOB, project=project, include_class_probabilities=True)
        loads.append(time.perf_counter() - start)
        _render_visible(project)
        totals.append(time.perf_counter() - start)
        counts.append(len(layers))
        project.clear()
    return {"layers": counts[0], "load_s": statistics.median(loads), "load_render_s": statistics.median(totals)}


def _render_visible(project) -> None:
    """What the canvas does after loading: draw the checked layers once."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize

    visible = [node.layer() for node in project.layerTreeRoot().findLayers() if node.isVisible()]
    settings = QgsMapSettings()
    settings.setLayers(visible)
    settings.setDestinationCrs(visible[0].crs())
    settings.setExtent(visible[0].extent())
    settings.setOutputSize(QSize(RENDER_PX, RENDER_PX))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()


def report(result: dict[str, float]) -> str:
    return (
        f"layer loading: {result['layers']} styled layers from a {SIZE}x{SIZE} px, {len(band_names())}-band result "
        f"in {result['load_s']:.3f} s; with first render of the visible map {result['load_render_s']:.3f} s "
        f"(median of {ROUNDS}; target < {TARGET_S} s)"
    )


def test_layer_loading_benchmark(qgis_app, tmp_path):
    result = measure(write_result(tmp_path / "worldcereal_crop_type.tif"))
    print("\n" + report(result))
    assert result["layers"] == 53
    assert result["load_render_s"] < TARGET_S, report(result)


def main() -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    with tempfile.TemporaryDirectory() as tmp:
        result = measure(write_result(Path(tmp) / "worldcereal_crop_type.tif"))
    print(report(result))
    app.exitQgis()
    return 0 if result["load_render_s"] < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
