"""Deterministic colours for WorldCereal maps: cropland, crop-type classes and probabilities.

WorldCereal ships no official palette (docs/worldcereal-facts.md, "Styling"); the notebooks draw random colours
per run. A fixed, name-keyed palette makes repeated runs look identical, and hash-based colours for unknown
(custom model) classes keep that promise for any class list.
"""

from __future__ import annotations

import hashlib
import math

RGB = tuple[int, int, int]

CROPLAND_RGB: RGB = (224, 24, 28)
NOT_CROPLAND_RGB: RGB = (186, 186, 186)
MIN_DISTANCE = 60.0  # RGB distance below which two legend swatches are hard to tell apart

# Fixed colours of the default model's 23 classes (pairwise RGB distance >= 60, also to the two above).
CLASS_COLORS: dict[str, RGB] = {
    "wheat": (205, 150, 40),  # golden
    "barley": (245, 222, 140),  # pale straw
    "rye": (150, 100, 50),  # brown
    "oats": (160, 160, 110),  # khaki
    "maize": (255, 195, 0),  # yellow-orange
    "sorghum": (200, 70, 70),  # rust
    "rice": (0, 150, 150),  # teal
    "millet": (255, 120, 60),  # salmon
    "vegetables": (60, 170, 60),  # green
    "beet": (150, 30, 90),  # beetroot
    "dry_pulses_legumes": (125, 95, 185),  # violet
    "sunflower": (255, 250, 50),  # bright yellow
    "soy_soybeans": (140, 215, 70),  # yellow-green
    "rapeseed_rape": (200, 240, 0),  # lime
    "other_oilseed": (190, 130, 230),  # lavender
    "groundnuts": (230, 155, 140),  # tan
    "fibre_crops": (70, 130, 220),  # cotton blue
    "potatoes": (100, 60, 20),  # dark brown
    "cassava": (80, 40, 110),  # dark purple
    "tobacco": (95, 125, 30),  # dark olive
    "grass_fodder_crops": (130, 235, 170),  # light green
    "sugar_cane": (0, 95, 60),  # dark green
    "no_crop": (235, 228, 212),  # light grey-beige
}

_LABELS = {
    "soy_soybeans": "Soy / soybeans",
    "rapeseed_rape": "Rapeseed / rape",
    "dry_pulses_legumes": "Dry pulses / legumes",
    "grass_fodder_crops": "Grass / fodder crops",
}

# matplotlib's RdYlGn (ColorBrewer, 11 anchors, evenly spaced 0..1); copied so core needs no matplotlib.
_RDYLGN: tuple[RGB, ...] = (
    (165, 0, 38), (215, 48, 39), (244, 109, 67), (253, 174, 97), (254, 224, 139), (255, 255, 191),
    (217, 239, 139), (166, 217, 106), (102, 189, 99), (26, 152, 80), (0, 104, 55),
)  # fmt: skip

_RESERVED: tuple[RGB, ...] = (CROPLAND_RGB, NOT_CROPLAND_RGB)
_CANDIDATES = 64


def distance(a: RGB, b: RGB) -> float:
    """Euclidean RGB distance: crude but enough to keep legend swatches apart."""
    return math.dist(a, b)


def pretty_class_label(name: str) -> str:
    """Legend label for a model class name ("soy_soybeans" -> "Soy / soybeans")."""
    if name in _LABELS:
        return _LABELS[name]
    text = " ".join(name.replace("_", " ").split())
    return text[:1].upper() + text[1:]


def class_color(name: str) -> RGB:
    """Colour of a class: fixed for the default classes, stable hash-based for any other name."""
    if name in CLASS_COLORS:
        return CLASS_COLORS[name]
    return _pick(name, list(CLASS_COLORS.values()) + list(_RESERVED))


def class_colors(names: list[str]) -> list[RGB]:
    """Colours for a class list, mutually distinct even if hashes or names clash."""
    taken: list[RGB] = []
    for name in names:
        color = class_color(name)
        if any(distance(color, other) < MIN_DISTANCE for other in taken):
            color = _pick(name, taken + list(_RESERVED))
        taken.append(color)
    return taken


def rdylgn_stops(n: int = 11) -> list[tuple[float, RGB]]:
    """``n`` evenly spaced (value 0..100, colour) stops of matplotlib's RdYlGn, red = 0, green = 100."""
    if n < 2:
        raise ValueError("A colour ramp needs at least two stops.")
    return [(100.0 * i / (n - 1), _rdylgn_at(i / (n - 1))) for i in range(n)]


def _rdylgn_at(x: float) -> RGB:
    """Linear interpolation between the 11 anchors, as matplotlib's LinearSegmentedColormap does."""
    pos = min(max(x, 0.0), 1.0) * (len(_RDYLGN) - 1)
    low = min(int(pos), len(_RDYLGN) - 2)
    frac = pos - low
    a, b = _RDYLGN[low], _RDYLGN[low + 1]
    return tuple(round(ca + (cb - ca) * frac) for ca, cb in zip(a, b))  # type: ignore[return-value]


def _hash_color(name: str, attempt: int) -> RGB:
    """A saturated, mid-bright colour derived from the name only (same on every machine and run)."""
    digest = hashlib.sha256(f"{name}#{attempt}".encode()).digest()
    hue = digest[0] / 256.0 + digest[1] / 65536.0
    saturation = 0.45 + 0.5 * digest[2] / 255.0
    value = 0.55 + 0.45 * digest[3] / 255.0
    return _hsv_to_rgb(hue, saturation, value)


def _hsv_to_rgb(h: float, s: float, v: float) -> RGB:
    """Standard HSV -> 8-bit RGB (colorsys would do, this keeps integer rounding explicit)."""
    i = int(h * 6.0) % 6
    f = h * 6.0 - int(h * 6.0)
    p, q, t = v * (1 - s), v * (1 - s * f), v * (1 - s * (1 - f))
    r, g, b = [(v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q)][i]
    return (round(r * 255), round(g * 255), round(b * 255))


def _pick(name: str, avoid: list[RGB]) -> RGB:
    """First hash candidate at least MIN_DISTANCE from ``avoid``, else the farthest one (deterministic)."""
    best, best_gap = _hash_color(name, 0), -1.0
    for attempt in range(_CANDIDATES):
        color = _hash_color(name, attempt)
        gap = min((distance(color, other) for other in avoid), default=math.inf)
        if gap >= MIN_DISTANCE:
            return color
        if gap > best_gap:
            best, best_gap = color, gap
    return best
