"""The tiny-area and open-sea warnings (core.area_checks) with QGIS's pieces: credit rates and the land grid."""

from __future__ import annotations

from typing import Any


def area_warnings(aoi: Any) -> tuple[list[str], bool]:
    """(warnings, whether the sea test ran): it needs the crop calendar on disk and never downloads it."""
    from .. import settings
    from ..core import credits
    from ..core.area_checks import area_warnings as core_warnings
    from .reference_source import land_grid

    land = land_grid()
    low, _high = credits.estimate_map_credits(max(aoi.area_km2, 1e-9), settings.credit_rates())
    return core_warnings(aoi, land, low), land is not None
