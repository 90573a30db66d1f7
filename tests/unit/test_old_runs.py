"""#18 item 2: a run folder planned with the old, pure-MGRS tile ids resumes and mosaics from its stored plan.

The old plugin planned the 6°E zone edge near Luxembourg in "32UKA" (EPSG:32632), a tile ESA's grid does not
have (the new planner says 31UGR, EPSG:32631). Such a folder must never be re-planned: its tiles, names and
UTM zones come from run.json, whatever the grid now says.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
import shapely
from shapely.geometry import box

from tests.unit.test_tile_runs import PROFILE, ScriptedBackend, _drive, _no_loop_floor, _wire  # noqa: F401
from worldcereal_qgis.core import mgrs
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.errors import InputError
from worldcereal_qgis.core.request import cropland_request
from worldcereal_qgis.core.tile_runs import TileRun, TileStatus
from worldcereal_qgis.core.tiling import plan_tiles

AOI = box(6.02, 50.20, 6.10, 50.24)


def _old_style(tile):
    """The same piece as the old planner stored it: named after 32UKA, in zone 32."""
    utm = mgrs.transform(tile.geometry_4326, 4326, 32632)
    return dataclasses.replace(tile, name=tile.name.replace("31UGR", "32UKA"), mgrs_tile="32UKA", epsg=32632,
                               geometry_utm=utm, bounds_utm=tuple(utm.bounds))


def test_old_tile_ids_resume_and_mosaic_without_re_planning(tmp_path):
    new = plan_tiles(AOI, "lux", 3.0)
    assert {t.mgrs_tile for t in new} == {"31UGR"}
    with pytest.raises(InputError):
        mgrs.parse_tile_id("32UKA")  # the grid no longer knows the stored id ...
    old = [_old_style(t) for t in new]
    request = cropland_request(Aoi(AOI, "lux"), year=2021)
    backend = ScriptedBackend()
    run = _wire(TileRun.create(tmp_path / "run", request, PROFILE, old, client_for=lambda p: backend))
    while sum(s.status == TileStatus.FINISHED for s in run.tile_states().values()) < 1:
        for action in run.due_actions():
            run.execute(action)

    reopened = _wire(TileRun.open(tmp_path / "run", client_for=lambda p: backend, profile=PROFILE))
    assert [t.name for t in reopened.tiles] == [t.name for t in old]  # ... the folder keeps its plan
    summary = _drive(reopened)
    assert sorted(summary.finished) == sorted(t.name for t in old)
    assert backend.created == Counter({t.name: 1 for t in old})  # no tile paid twice
    mosaic = reopened.mosaic_tiles()
    assert {(m.name, m.epsg) for m in mosaic} == {(t.name, 32632) for t in old}
    for m, t in zip(mosaic, old):
        assert shapely.equals_exact(m.geometry_utm, t.geometry_utm, tolerance=1e-6)
