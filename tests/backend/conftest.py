"""Helpers shared by the client-level backend tests (plain openeo client + requests, no QGIS)."""

from __future__ import annotations

import time

import openeo
import pytest

EXTENT_NS = (
    "https://raw.githubusercontent.com/WorldCereal/worldcereal-classification/refs/tags/"
    "worldcereal_crop_extent_v3.0.1/scripts/udp/worldcereal_crop_extent.json"
)
CROPTYPE_NS = (
    "https://raw.githubusercontent.com/WorldCereal/worldcereal-classification/refs/tags/"
    "worldcereal_crop_type_v3.0.1/scripts/udp/worldcereal_crop_type.json"
)
# Same small AOI as the real reference output (Belgium, UTM 31N), ~1 km2.
BBOX = {"west": 5.3189, "south": 50.6287, "east": 5.3334, "north": 50.6378, "crs": 4326}


def cropland_args(**overrides) -> dict:
    args = {
        "spatial_extent": dict(BBOX),
        "temporal_extent": ["2020-11-01", "2021-10-31"],
        "orbit_state": "DESCENDING",
        "season_ids": ["tc-annual"],
        "season_windows": {"tc-annual": ["2020-11-01", "2021-10-31"]},
    }
    args.update(overrides)
    return args


def croptype_args(**overrides) -> dict:
    args = cropland_args(
        season_ids=["tc-s1", "tc-s2"],
        season_windows={"tc-s1": ["2020-11-01", "2021-06-30"], "tc-s2": ["2021-04-01", "2021-10-31"]},
    )
    args.update(overrides)
    return args


def connect(backend, **kw) -> openeo.Connection:
    con = openeo.connect(backend.url, **kw)
    return con.authenticate_basic(backend.user, backend.password)


def create_job(con: openeo.Connection, process_id: str, args: dict, title: str = "WorldCereal test"):
    ns = EXTENT_NS if process_id == "worldcereal_crop_extent" else CROPTYPE_NS
    cube = con.datacube_from_process(process_id, namespace=ns, **args)
    return cube.create_job(title=title, auto_add_save_result=False)


def wait_for(job, statuses=("finished", "error", "canceled"), timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = job.status()
        if status in statuses:
            return status
        time.sleep(0.1)
    pytest.fail(f"Job {job.job_id} still {job.status()!r} after {timeout} s.")


def auth_headers(con: openeo.Connection) -> dict:
    """The connection's current bearer token, for raw ``requests`` calls."""
    return {"Authorization": f"Bearer {con.auth.bearer}"}
