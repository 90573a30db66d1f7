"""Published worked examples, reproduced to their printed precision.

Olofsson et al. (2014), RSE 148, section 5 (table 8 and p. 54): the sample counts and the map class sizes (pixels
of 30 m) are the ones given in the example of R package mapaccuracy's ``olofsson()`` help (hagc/mapaccuracy,
man/olofsson.Rd); the printed results (areas 21,158 +- 6,158 ha ... and accuracies 0.88 +- 0.07 ...) are the
ones quoted by the paper and asserted in unbihexium's tests/unit/test_metrics.py.
Stehman (2014), IJRS 35, numerical example (40 points, strata A-D of 40,000 / 30,000 / 20,000 / 10,000 pixels):
data from mapaccuracy's ``stehman2014()`` help (man/stehman2014.Rd), printed values pp. 4932-4936 as also checked
by EnMAP-Box's enmapboxprocessing test ``Test_aa_stratified.test_stehmanData``.
"""

from __future__ import annotations

import numpy as np
import pytest

from worldcereal_qgis.core.area_estimation.estimators import Z95, error_matrix, olofsson
from worldcereal_qgis.core.area_estimation.stehman import stehman
from worldcereal_qgis.core.errors import InputError

OLOFSSON_CLASSES = ("deforestation", "forest gain", "stable forest", "stable non-forest")
OLOFSSON_COUNTS = np.array([[66, 0, 5, 4], [0, 55, 8, 12], [1, 0, 153, 11], [2, 1, 9, 313]])
OLOFSSON_PIXELS = np.array([200_000, 150_000, 3_200_000, 6_450_000])
HA_PER_PIXEL = 0.09

STEHMAN_STRATA = ["A"] * 10 + ["B"] * 10 + ["C"] * 10 + ["D"] * 10
STEHMAN_MAP = list("AAAAAAABBB" "ABBBBBBBBB" "BBCCCCCCBB" "DDDDDDDDDD")
STEHMAN_REF = list("AAAAACBABC" "ABBBBBAABB" "CCCCCDDBBA" "DDDDDDDCCB")
STEHMAN_SIZES = {"A": 40_000, "B": 30_000, "C": 20_000, "D": 10_000}


@pytest.fixture(scope="module")
def paper():
    return olofsson(OLOFSSON_COUNTS, OLOFSSON_PIXELS * HA_PER_PIXEL, OLOFSSON_CLASSES)


def test_olofsson_areas_and_their_confidence_intervals(paper):
    assert np.round(paper.estimated_area).tolist() == [21_158, 11_686, 285_770, 581_386]
    assert np.round(paper.estimated_area_ci).tolist() == [6_158, 3_756, 15_510, 16_282]
    assert np.round(paper.mapped_area).tolist() == [18_000, 13_500, 288_000, 580_500]


def test_olofsson_accuracies_and_their_confidence_intervals(paper):
    assert np.round(paper.users, 2).tolist() == [0.88, 0.73, 0.93, 0.96]
    assert np.round(Z95 * paper.users_se, 2).tolist() == [0.07, 0.10, 0.04, 0.02]
    assert np.round(paper.producers, 2).tolist() == [0.75, 0.85, 0.93, 0.96]
    assert round(Z95 * paper.producers_se[0], 2) == 0.21  # the producer's CI the sources above quote
    assert round(paper.overall, 2) == 0.95 and round(paper.overall_ci, 2) == 0.02


def test_olofsson_area_proportions_of_the_matrix(paper):
    # eq. 4: p_ij = W_i n_ij / n_i., e.g. 0.020 x 66 / 75 for correctly mapped deforestation
    assert round(paper.proportions[0, 0], 4) == 0.0176
    assert round(paper.proportions[3, 3], 4) == round(0.645 * 313 / 325, 4)
    assert paper.proportions.sum() == pytest.approx(1.0)


def test_stehman_strata_differ_from_map_classes():
    e = stehman(STEHMAN_STRATA, STEHMAN_MAP, STEHMAN_REF, STEHMAN_SIZES, "ABCD")
    assert round(e.area_proportion[0], 2) == 0.35 and round(e.area_proportion[2], 2) == 0.20   # p. 4932
    assert round(e.overall, 2) == 0.63                                                           # p. 4932
    assert round(e.users[1], 3) == 0.574 and round(e.producers[1], 3) == 0.794                 # p. 4934
    assert round(e.proportions[1, 2], 2) == 0.08                                                 # p. 4935
    assert round(e.area_proportion_se[0], 3) == 0.082 and round(e.area_proportion_se[2], 3) == 0.064
    assert round(e.overall_se, 3) == 0.085                                                       # p. 4936
    assert round(e.users_se[1], 3) == 0.125 and round(e.producers_se[1], 3) == 0.117


def test_stehman_equals_olofsson_when_strata_are_the_map_classes():
    strata, mapped, ref = [], [], []
    for i, row in enumerate(OLOFSSON_COUNTS):
        for j, n in enumerate(row):
            strata += [OLOFSSON_CLASSES[i]] * n
            mapped += [OLOFSSON_CLASSES[i]] * n
            ref += [OLOFSSON_CLASSES[j]] * n
    sizes = dict(zip(OLOFSSON_CLASSES, OLOFSSON_PIXELS))
    s = stehman(strata, mapped, ref, sizes, OLOFSSON_CLASSES, finite_population=False)
    o = olofsson(OLOFSSON_COUNTS, OLOFSSON_PIXELS, OLOFSSON_CLASSES)
    np.testing.assert_allclose(s.area_proportion, o.area_proportion)
    np.testing.assert_allclose(s.area_proportion_se, o.area_proportion_se)
    np.testing.assert_allclose(s.users_se, o.users_se)
    np.testing.assert_allclose(s.producers, o.producers)
    np.testing.assert_allclose(s.producers_se, o.producers_se, rtol=1e-9)
    assert s.overall_se == pytest.approx(o.overall_se)


def test_error_matrix_refuses_a_label_outside_the_classes():
    assert error_matrix(["a", "b"], ["a", "a"], ["a", "b"]).tolist() == [[1, 0], [1, 0]]
    with pytest.raises(InputError, match="'maize', which is not one of the map's classes"):
        error_matrix(["a"], ["maize"], ["a", "b"])


def test_an_unsampled_stratum_is_said_not_silently_dropped():
    a = olofsson(np.array([[10, 0], [0, 0]]), [50, 50], ["crop", "other"])
    assert a.area_proportion.sum() == pytest.approx(1.0)
    assert any("No sample point is mapped as 'other'" in note for note in a.notes)


def test_assess_points_picks_stehman_when_strata_are_not_the_map_classes():
    from worldcereal_qgis.core.area_estimation.assess import OLOFSSON, STEHMAN, LabelledPoint, assess_points

    strata = [{"A": "crop", "B": "crop", "C": "other", "D": "other"}[s] for s in STEHMAN_STRATA]  # merged strata
    points = [LabelledPoint(s, m, r) for s, m, r in zip(STEHMAN_STRATA, STEHMAN_MAP, STEHMAN_REF)]
    a, method, notes = assess_points(points + [LabelledPoint("A", "A", "skip")], STEHMAN_SIZES)
    assert method == STEHMAN and round(a.overall, 2) == 0.63 and notes[0].startswith("1 of 41 sample points")
    merged = [LabelledPoint(s, m, r) for s, m, r in zip(strata, STEHMAN_MAP, STEHMAN_REF)]
    b, method, _ = assess_points(merged, {"crop": 70_000, "other": 30_000})
    assert method == STEHMAN and b.area_proportion.sum() == pytest.approx(1.0)
    same = [LabelledPoint(m, m, r) for m, r in zip(STEHMAN_MAP, STEHMAN_REF)]
    assert assess_points(same, {"A": 8, "B": 14, "C": 6, "D": 12})[1] == OLOFSSON


def test_unit_estimate_applies_the_map_wide_error_rates():
    from worldcereal_qgis.core.area_estimation.assess import unit_estimate

    assessment = {"classes": ["cropland", "other"], "counts": [[45, 5], [3, 47]],
                  "conditional": [[0.9, 0.1], [0.06, 0.94]]}
    est = unit_estimate({"cropland": 100.0, "other": 300.0}, assessment)
    # 100 ha mapped cropland x 0.9 kept + 300 ha mapped other x 0.06 omitted cropland
    assert est["cropland"][0] == pytest.approx(108.0)
    half_width = 1.96 * np.sqrt(100**2 * 0.9 * 0.1 / 49 + 300**2 * 0.06 * 0.94 / 49)
    assert est["cropland"][1] == pytest.approx(half_width)
    assert est["cropland"][0] + est["other"][0] == pytest.approx(400.0)
