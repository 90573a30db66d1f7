"""Simulated agricultural landscape: Voronoi parcels of a jittered grid, each parcel one land use.

Everything is drawn per parcel (a few thousand values) and only gathered per pixel, so a 2,000 x 2,000 px
crop-type map (53 bands) is generated in about 1.5 s. Values obey the rules of the real products: cropland
class 1 iff probability_cropland >= 50; per-class percentages sum to 100 with argmax = classification.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PARCEL_PX = (22, 34)  # mean parcel height, width in pixels (220 x 340 m fields)
LANDSCAPE_PX = 150  # cropland share varies smoothly over ~1.5 km (villages, woods, open fields)
# Relative frequency of the default classes (by name); unknown (custom) class names get a random weight.
CLASS_WEIGHTS = {
    "wheat": 10, "barley": 6, "maize": 9, "rapeseed_rape": 4, "sunflower": 3, "grass_fodder_crops": 7,
    "beet": 3, "potatoes": 3, "vegetables": 2, "dry_pulses_legumes": 2, "soy_soybeans": 2, "oats": 1.5,
    "rye": 1, "no_crop": 2, "other_oilseed": 0.5, "fibre_crops": 0.3, "sorghum": 0.5, "rice": 0.3,
    "millet": 0.2, "groundnuts": 0.2, "tobacco": 0.1, "cassava": 0.1, "sugar_cane": 0.1,
}


@dataclass
class Landscape:
    """Parcel label per pixel plus per-parcel draws shared by all bands of one product."""

    labels: np.ndarray  # (H, W) int32 parcel index
    edges: np.ndarray  # (H, W) bool, parcel boundary pixels
    is_crop: np.ndarray  # (n_parcels,) bool
    rng: np.random.Generator


def make_landscape(height: int, width: int, rng: np.random.Generator) -> Landscape:
    """Lay out parcels and decide which are cropland, with a smoothly varying cropland share."""
    labels, centres = _voronoi_parcels(height, width, rng)
    edges = np.zeros((height, width), dtype=bool)
    edges[:, 1:] |= labels[:, 1:] != labels[:, :-1]
    edges[1:, :] |= labels[1:, :] != labels[:-1, :]
    share = _smooth_share(centres, height, width, rng)
    is_crop = rng.random(len(centres)) < share
    return Landscape(labels, edges, is_crop, rng)


def _voronoi_parcels(height: int, width: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Nearest-seed labels for a jittered grid of seeds (one per cell, 3 x 3 cell neighbourhood)."""
    sy, sx = PARCEL_PX
    ny, nx = height // sy + 3, width // sx + 3
    seed_y = ((np.arange(ny)[:, None] - 1 + rng.uniform(0.1, 0.9, (ny, nx))) * sy).astype(np.float32)
    seed_x = ((np.arange(nx)[None, :] - 1 + rng.uniform(0.1, 0.9, (ny, nx))) * sx).astype(np.float32)
    py = np.arange(height, dtype=np.float32)[:, None] + 0.5
    px = np.arange(width, dtype=np.float32)[None, :] + 0.5
    row = (np.arange(height) // sy + 1)[:, None]
    col = (np.arange(width) // sx + 1)[None, :]
    best = np.full((height, width), np.inf, dtype=np.float32)
    labels = np.zeros((height, width), dtype=np.int32)
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            cand = (row + dr) * nx + (col + dc)
            dist = (seed_y.ravel()[cand] - py) ** 2 + ((seed_x.ravel()[cand] - px) * 0.8) ** 2
            closer = dist < best
            best = np.where(closer, dist, best)
            labels = np.where(closer, cand, labels)
    centres = np.stack([seed_y.ravel(), seed_x.ravel()], axis=1)
    return labels, centres


def _smooth_share(centres: np.ndarray, height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    """Cropland share at each parcel centre: bilinear value noise on a coarse grid, 0.05 .. 0.95."""
    gy, gx = height // LANDSCAPE_PX + 3, width // LANDSCAPE_PX + 3
    coarse = rng.uniform(0.05, 0.95, (gy, gx))
    y = np.clip(centres[:, 0] / LANDSCAPE_PX + 1, 0, gy - 1.001)
    x = np.clip(centres[:, 1] / LANDSCAPE_PX + 1, 0, gx - 1.001)
    y0, x0 = y.astype(int), x.astype(int)
    fy, fx = y - y0, x - x0
    top = coarse[y0, x0] * (1 - fx) + coarse[y0, x0 + 1] * fx
    bottom = coarse[y0 + 1, x0] * (1 - fx) + coarse[y0 + 1, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


def cropland_bands(land: Landscape, kernel_size: int) -> tuple[np.ndarray, np.ndarray]:
    """(classification, probability_cropland) as uint8; parcel edges weaken less after majority vote."""
    rng = land.rng
    n = len(land.is_crop)
    parcel_prob = np.where(land.is_crop, rng.integers(62, 98, n), rng.integers(2, 38, n)).astype(np.int16)
    prob = parcel_prob[land.labels]
    prob += rng.integers(-5, 6, prob.shape, dtype=np.int16)
    prob -= np.int16(22 if kernel_size <= 1 else 6) * land.edges
    prob = np.clip(prob, 0, 100).astype(np.uint8)
    return (prob >= 50).astype(np.uint8), prob


def parcel_classes(land: Landscape, classes: list[str], previous: np.ndarray | None) -> np.ndarray:
    """Crop class index per parcel; non-crop parcels get ``no_crop`` when the model has that class."""
    rng = land.rng
    weights = np.array([CLASS_WEIGHTS.get(name, 0.0) or rng.uniform(0.5, 3.0) for name in classes])
    drawn = rng.choice(len(classes), size=len(land.is_crop), p=weights / weights.sum())
    if previous is not None:  # most parcels keep their crop in the second season
        drawn = np.where(rng.random(len(drawn)) < 0.6, previous, drawn)
    if "no_crop" in classes:
        drawn = np.where(land.is_crop, drawn, classes.index("no_crop"))
    return drawn


@dataclass
class SeasonDraw:
    """One season's crop-type result: parcel-level integer percentages plus a per-pixel shift.

    Pixels move ``shift`` percent from the winning class to the parcel's runner-up class; the shift stays
    below half the parcel's margin, so every pixel sums to exactly 100 and its argmax is the winner.
    """

    parcel_winners: np.ndarray  # (n_parcels,) winning class per parcel
    winners: np.ndarray  # (H, W) uint8 winning class per pixel
    runners: np.ndarray  # (H, W) uint8 runner-up class per pixel
    percent: np.ndarray  # (n_parcels, n_classes) uint8, rows sum to 100
    shift: np.ndarray  # (H, W) uint8


def season_draw(land: Landscape, parcel_winners: np.ndarray, n_classes: int) -> SeasonDraw:
    """Percentages per parcel, runner-up class and a per-pixel shift (largest on parcel edges)."""
    percent = parcel_percentages(land.rng, parcel_winners, n_classes)
    ranked = np.where(np.arange(n_classes)[None, :] == parcel_winners[:, None], -1, percent.astype(np.int16))
    runners = ranked.argmax(axis=1) if n_classes > 1 else parcel_winners
    margin = percent[np.arange(len(parcel_winners)), parcel_winners].astype(np.int16) - ranked.max(axis=1)
    max_shift = np.clip((margin - 1) // 2, 0, 12).astype(np.uint8) if n_classes > 1 else np.zeros_like(margin)
    reach = max_shift[land.labels]
    shift = np.floor(land.rng.random(land.labels.shape, dtype=np.float32) * (reach + 1)).astype(np.uint8)
    shift = np.where(land.edges, reach, np.minimum(shift, reach)).astype(np.uint8)
    pixels = parcel_winners.astype(np.uint8)[land.labels]
    return SeasonDraw(parcel_winners, pixels, runners.astype(np.uint8)[land.labels], percent, shift)


def parcel_percentages(rng: np.random.Generator, winners: np.ndarray, n_classes: int) -> np.ndarray:
    """Per-parcel class percentages (n_parcels, n_classes) as uint8 summing to 100, argmax = ``winners``.

    Other classes stay below 0.8 x the winner and are floored; the winner takes the remainder, so its
    margin over the runner-up is at least 6 points.
    """
    n = len(winners)
    rows = np.arange(n)
    if n_classes == 1:
        return np.full((n, 1), 100, dtype=np.uint8)
    win = rng.uniform(0.3, 0.9, n)
    others = rng.gamma(0.4, size=(n, n_classes)) + 1e-6
    others[rows, winners] = 0.0
    others *= ((1 - win) / others.sum(axis=1))[:, None]
    probs = np.minimum(others, 0.8 * win[:, None])
    probs[rows, winners] = win
    percent = np.floor(100 * probs / probs.sum(axis=1, keepdims=True)).astype(np.int16)
    percent[rows, winners] = 0
    percent[rows, winners] = 100 - percent.sum(axis=1)
    return percent.astype(np.uint8)


def class_band(draw: SeasonDraw, land: Landscape, k: int) -> np.ndarray:
    """Pixel percentage of class ``k``: the parcel's value, minus the shift on the winner, plus on the runner-up."""
    band = draw.percent[:, k][land.labels]
    band -= np.where(draw.winners == k, draw.shift, 0).astype(np.uint8)
    band += np.where(draw.runners == k, draw.shift, 0).astype(np.uint8)
    return band


def winner_band(draw: SeasonDraw, land: Landscape) -> np.ndarray:
    """Probability of the winning class (croptype_probability:<sid>), equal to that class's band."""
    rows = np.arange(draw.percent.shape[0])
    return draw.percent[rows, draw.parcel_winners][land.labels] - draw.shift
