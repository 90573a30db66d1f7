"""Palette: fixed class colours, distinct colours for any class list, RdYlGn identical to matplotlib's."""

from __future__ import annotations

from itertools import combinations

import matplotlib
import pytest

from worldcereal_qgis.core import palette, udp
from worldcereal_qgis.core.palette import (
    CROPLAND_RGB,
    MIN_DISTANCE,
    NOT_CROPLAND_RGB,
    class_color,
    class_colors,
    distance,
    pretty_class_label,
    rdylgn_stops,
)

FIXED = [class_color(name) for name in udp.DEFAULT_CROPTYPE_CLASSES] + [CROPLAND_RGB, NOT_CROPLAND_RGB]


def test_every_default_class_has_a_fixed_colour():
    assert set(palette.CLASS_COLORS) == set(udp.DEFAULT_CROPTYPE_CLASSES)


def test_fixed_colours_are_pairwise_far_apart_and_from_cropland_greys():
    gaps = {(a, b): distance(a, b) for a, b in combinations(FIXED, 2)}
    assert min(gaps.values()) >= MIN_DISTANCE, min(gaps, key=gaps.get)


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("wheat", lambda r, g, b: r > g > b and b < 100),  # golden
        ("maize", lambda r, g, b: r > 240 and 150 < g < 230 and b < 60),  # yellow-orange
        ("rice", lambda r, g, b: r < 60 and g > 100 and b > 100),  # teal
        ("no_crop", lambda r, g, b: min(r, g, b) > 200 and r >= g >= b),  # light grey-beige
    ],
)
def test_characteristic_colours(name, check):
    assert check(*class_color(name)), class_color(name)


def test_unknown_class_colour_is_stable_valid_and_far_from_fixed_ones():
    names = ["teff", "quinoa", "alfalfa", "winter_durum_wheat", "x", "olive_trees"]
    for name in names:
        color = class_color(name)
        assert color == class_color(name)
        assert all(0 <= c <= 255 for c in color)
        assert min(distance(color, fixed) for fixed in FIXED) >= MIN_DISTANCE, name
    assert len({class_color(n) for n in names}) == len(names)


def test_class_colors_distinct_even_for_repeated_names():
    names = ["wheat", "wheat", "teff", "teff", "maize", *udp.DEFAULT_CROPTYPE_CLASSES]
    colors = class_colors(names)
    assert len(colors) == len(names)
    assert colors[0] == class_color("wheat") and colors[4] == class_color("maize")
    assert min(distance(a, b) for a, b in combinations(colors, 2)) > 0
    assert class_colors(names) == colors


def test_default_class_list_keeps_its_fixed_colours():
    names = list(udp.DEFAULT_CROPTYPE_CLASSES)
    assert class_colors(names) == [palette.CLASS_COLORS[n] for n in names]


@pytest.mark.parametrize("n", [2, 11, 21, 101])
def test_rdylgn_stops_match_matplotlib(n):
    cmap = matplotlib.colormaps["RdYlGn"].resampled(100_001)  # fine LUT: compare the ramp, not its 256 steps
    stops = rdylgn_stops(n)
    assert [v for v, _ in stops] == pytest.approx([100 * i / (n - 1) for i in range(n)])
    for value, rgb in stops:
        expected = [round(c * 255) for c in cmap(value / 100)[:3]]
        assert max(abs(a - b) for a, b in zip(rgb, expected)) <= 1, (value, rgb, expected)
    assert stops[0][1] == (165, 0, 38) and stops[-1][1] == (0, 104, 55)


def test_rdylgn_needs_two_stops():
    with pytest.raises(ValueError):
        rdylgn_stops(1)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("soy_soybeans", "Soy / soybeans"),
        ("dry_pulses_legumes", "Dry pulses / legumes"),
        ("rapeseed_rape", "Rapeseed / rape"),
        ("no_crop", "No crop"),
        ("sugar_cane", "Sugar cane"),
        ("wheat", "Wheat"),
        ("my__Custom_class", "My Custom class"),
    ],
)
def test_pretty_class_label(name, label):
    assert pretty_class_label(name) == label
