"""Band plan and band values of the two WorldCereal map products (reference §1.5 and §2.4).

Crop extent: cropland_classification, probability_cropland, probability_other.
Crop type (merged UDP product): the cropland bands when the cropland head runs, then per season
croptype_classification:<sid>, then croptype_probability:<sid>, then croptype_probability:<sid>:<class>.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from . import sim_fields
from .sim_grid import SimulationError

CROP_EXTENT = "worldcereal_crop_extent"
CROP_TYPE = "worldcereal_crop_type"
CROPLAND_BANDS = ["cropland_classification", "probability_cropland", "probability_other"]
MASKED = 254


@dataclass(frozen=True)
class Plan:
    """What one request produces: which band groups, seasons, classes and post-processing."""

    process_id: str
    cropland: bool
    mask_cropland: bool
    seasons: list[str]
    classes: list[str]
    cropland_kernel: int

    def band_names(self) -> list[str]:
        names = list(CROPLAND_BANDS) if self.cropland else []
        if self.process_id == CROP_TYPE:
            names += [f"croptype_classification:{sid}" for sid in self.seasons]
            names += [f"croptype_probability:{sid}" for sid in self.seasons]
            names += [f"croptype_probability:{sid}:{name}" for sid in self.seasons for name in self.classes]
        return names


def make_plan(process_id: str, arguments: dict, classes: list[str]) -> Plan:
    """Read the resolved UDP arguments the way the v3.0.1 UDF does (defaults from §1.7 / §2.2)."""
    if process_id == CROP_EXTENT:
        kernel = _kernel(arguments, "postprocess_method", "postprocess_kernel_size")
        return Plan(process_id, True, False, [], [], kernel)
    if process_id != CROP_TYPE:
        raise SimulationError(f"The local backend cannot simulate the process '{process_id}'.")
    mask = bool(arguments.get("mask_cropland", True))
    cropland = mask or bool(arguments.get("enable_cropland_head", True))
    kernel = _kernel(arguments, "postprocess_method_cropland", "postprocess_kernel_size_cropland")
    return Plan(process_id, cropland, mask, _seasons(arguments), list(classes), kernel)


def _kernel(arguments: dict, method_key: str, size_key: str) -> int:
    """Effective smoothing: smooth_probabilities uses a fixed 3 x 3 kernel, majority vote its kernel size."""
    if arguments.get(method_key) == "smooth_probabilities":
        return 3
    return int(arguments.get(size_key) or 3)


def _seasons(arguments: dict) -> list[str]:
    seasons = arguments.get("season_ids") or list((arguments.get("season_windows") or {}).keys())
    if not seasons:
        raise SimulationError("The crop-type map needs at least one season in season_ids.")
    return [str(sid) for sid in seasons]


def iter_bands(plan: Plan, height: int, width: int, rng: np.random.Generator) -> Iterator[np.ndarray]:
    """Yield the uint8 arrays of ``plan.band_names()`` in order, one at a time (bounded memory)."""
    land = sim_fields.make_landscape(height, width, rng)
    crop_class, crop_prob = sim_fields.cropland_bands(land, plan.cropland_kernel)
    if plan.cropland:
        yield crop_class
        yield crop_prob
        yield (100 - crop_prob).astype(np.uint8)
    if plan.process_id != CROP_TYPE:
        return
    masked = crop_class == 0 if plan.mask_cropland else None
    seasons = _season_draws(plan, land)
    for draw in seasons:
        yield _masked(draw.winners.copy(), masked)
    for draw in seasons:
        yield _masked(sim_fields.winner_band(draw, land), masked)
    for draw in seasons:
        for k in range(len(plan.classes)):
            yield _masked(sim_fields.class_band(draw, land, k), masked)


def _season_draws(plan: Plan, land: sim_fields.Landscape) -> list[sim_fields.SeasonDraw]:
    """Per season: winning class per parcel (most parcels keep their crop), percentages, pixel shifts."""
    draws: list[sim_fields.SeasonDraw] = []
    for _sid in plan.seasons:
        previous = draws[-1].parcel_winners if draws else None
        winners = sim_fields.parcel_classes(land, plan.classes, previous)
        draws.append(sim_fields.season_draw(land, winners, len(plan.classes)))
    return draws


def _masked(band: np.ndarray, masked: np.ndarray | None) -> np.ndarray:
    """254 where the cropland mask says "not cropland" (classification and probability bands alike)."""
    if masked is not None:
        band[masked] = MASKED
    return band
