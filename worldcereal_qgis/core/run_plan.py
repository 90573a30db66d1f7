"""The plan of a tiled run (tiles + credit estimate): the one place the dock and Processing both plan one.

The dock shows ``summary()`` and asks above its confirmation threshold; Processing refuses above ``MAX_CREDITS``
(``over_budget``). Both compare the same ``high`` estimate, computed with the rates the caller passes in (the
user's settings), so the two front ends can never disagree about the cost of the same plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .backends import BackendProfile
from .credits import CreditRates, estimate_tiles_credits
from .errors import InputError, WorldCerealError
from .request import MapRequest
from .tiling import Tile, plan_tiles


@dataclass(frozen=True)
class RunPlan:
    """What the user confirms (dock) or what is checked against MAX_CREDITS (Processing) before a tiled run."""

    request: MapRequest
    profile: BackendProfile
    tiles: list[Tile]
    tile_km: float
    low: float
    high: float

    def summary(self) -> str:
        return (f"{self.request.aoi.name}: {self.request.aoi.area_km2:,.0f} km² as {len(self.tiles)} tiles of up to "
                f"{self.tile_km:g} km, about {self.low:,.0f}–{self.high:,.0f} credits")

    def over_budget(self, max_area_km2: float, budget: float) -> InputError | None:
        """Processing's refusal (one sentence) when the high estimate is above ``budget``; None when it fits."""
        if self.high <= budget:
            return None
        return InputError(
            f"The area of interest covers {self.request.aoi.area_km2:,.0f} km², more than the {max_area_km2:,.0f} "
            f"km² of one job; as {len(self.tiles)} tiles it may use up to {self.high:,.0f} credits, more than the "
            f"{budget:,.0f} credits allowed (raise MAX_CREDITS to run it).", field="aoi")


def plan_run(request: MapRequest, profile: BackendProfile, tile_km: float, rates: CreditRates, *,
             is_cancelled: Callable[[], bool] | None = None,
             progress: Callable[[float], None] | None = None) -> RunPlan:
    """Tiles and the summed estimate (pure; a country takes a fraction of a second, so call it off the GUI thread).

    Planning is streamed (``progress``) and cancellable (``is_cancelled``); callers bound the area first
    (core/plan_bounds.py), so it never runs for minutes.
    """
    tiles = plan_tiles(request.aoi.geometry, request.aoi.name, tile_km, is_cancelled=is_cancelled,
                       progress=progress)
    if not tiles:
        raise WorldCerealError("The area of interest gave no tiles to run.")
    low, high = estimate_tiles_credits((t.area_km2 for t in tiles), rates)
    return RunPlan(request, profile, tiles, tile_km, low, high)
