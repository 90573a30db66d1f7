"""Estimators are unbiased and their 95 % intervals cover the truth ~95 % of the time, over 500 samples drawn
by the plugin's own design from a synthetic map with known truth (built from the real WorldCereal output)."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal

from worldcereal_qgis.core.area_estimation.design import draw
from worldcereal_qgis.core.area_estimation.estimators import Z95, error_matrix, olofsson
from worldcereal_qgis.core.area_estimation.pixel_counts import count_classes, map_parts
from worldcereal_qgis.core.area_estimation.stehman import stehman

DRAWS = 500
CLASSES = ("other", "cropland")


@pytest.fixture(scope="module")
def population(reference_tif, tmp_path_factory):
    """The real cropland band tiled 2 x 2, and a truth that differs from it (15 % omission, 6 % commission)."""
    src = gdal.Open(str(reference_tif))
    mapped = np.tile(src.GetRasterBand(1).ReadAsArray(), (2, 2))
    rng = np.random.default_rng(2014)
    flip = np.where(mapped == 1, rng.random(mapped.shape) < 0.06, rng.random(mapped.shape) < 0.15)
    truth = np.where(flip, 1 - mapped, mapped)
    second = np.where(rng.random(mapped.shape) < 0.1, 1 - truth, truth)   # another map of the same area
    path = tmp_path_factory.mktemp("population") / "tiled.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), mapped.shape[1], mapped.shape[0], 1, gdal.GDT_Byte)
    x0, dx, _, y0, _, dy = src.GetGeoTransform()
    ds.SetGeoTransform((x0, dx, 0, y0, 0, dy))
    ds.SetProjection(src.GetProjection())
    ds.GetRasterBand(1).WriteArray(mapped)
    ds.GetRasterBand(1).SetNoDataValue(255)
    ds = None
    return path, (x0, y0), truth, second


def test_unbiased_with_nominal_coverage(population):
    path, (x0, y0), truth, second = population
    parts = map_parts(path)
    counts = count_classes(parts)
    sizes = {"other": counts.per_value[0], "cropland": counts.per_value[1]}
    true_p = float(truth.mean())
    olof, stehm = [], []
    for seed in range(DRAWS):
        points = draw(parts, {0: "other", 1: "cropland"}, sizes, {"cropland": 40, "other": 60}, seed)
        rows = np.array([int((y0 - p.y) // 10) for p in points])
        cols = np.array([int((p.x - x0) // 10) for p in points])
        ref = [CLASSES[v] for v in truth[rows, cols]]
        mapped = [CLASSES[p.map_value] for p in points]
        a = olofsson(error_matrix(mapped, ref, CLASSES), [sizes[c] for c in CLASSES], CLASSES)
        olof.append((a.area_proportion[1], a.area_proportion_se[1]))
        other_map = [CLASSES[v] for v in second[rows, cols]]
        s = stehman([p.stratum for p in points], other_map, ref, sizes, CLASSES)
        stehm.append((s.area_proportion[1], s.area_proportion_se[1], s.users[1]))
    true_users = float((truth[second == 1] == 1).mean())
    for estimates, truth_value in ((olof, true_p), (stehm, true_p)):
        est = np.array([e[0] for e in estimates])
        se = np.array([e[1] for e in estimates])
        assert abs(est.mean() - truth_value) < se.mean()                        # within 1 SE of the truth
        assert abs(est.mean() - truth_value) < 3 * est.std(ddof=1) / np.sqrt(DRAWS)
        coverage = np.mean(np.abs(est - truth_value) <= Z95 * se)
        print(f"mean {est.mean():.4f} truth {truth_value:.4f} SE {se.mean():.4f} coverage {coverage:.3f}")
        assert 0.93 <= coverage <= 0.97, coverage
    users = np.array([e[2] for e in stehm])
    assert abs(users.mean() - true_users) < 0.02  # a ratio estimator: nearly unbiased at n = 100
