"""Invalid WorldCereal arguments fail job creation with an openEO error that names the parameter."""

from __future__ import annotations

import pytest
from openeo.rest import OpenEoApiError

from tests.backend.conftest import connect, create_job, cropland_args, croptype_args

EXTENT, CROPTYPE = "worldcereal_crop_extent", "worldcereal_crop_type"
CASES = [
    # (id, process, arguments, parameter named, openEO error code)
    ("missing-orbit", EXTENT, {k: v for k, v in cropland_args().items() if k != "orbit_state"},
     "orbit_state", "ProcessParameterRequired"),
    ("bad-orbit-enum", EXTENT, cropland_args(orbit_state="SIDEWAYS"), "orbit_state", "ProcessParameterInvalid"),
    ("bbox-missing-north", EXTENT, cropland_args(spatial_extent={"west": 5, "south": 50, "east": 6}),
     "spatial_extent", "ProcessParameterInvalid"),
    ("bbox-inverted", EXTENT, cropland_args(spatial_extent={"west": 6, "south": 50, "east": 5, "north": 51}),
     "spatial_extent", "ProcessParameterInvalid"),
    ("period-not-month-aligned", EXTENT,
     cropland_args(temporal_extent=["2020-11-05", "2021-10-31"]), "temporal_extent", "ProcessParameterInvalid"),
    ("cropland-not-12-months", EXTENT,
     cropland_args(temporal_extent=["2021-01-01", "2021-10-31"],
                   season_windows={"tc-annual": ["2021-01-01", "2021-10-31"]}),
     "temporal_extent", "ProcessParameterInvalid"),
    ("period-over-12-months", CROPTYPE,
     croptype_args(temporal_extent=["2020-10-01", "2021-10-31"]), "temporal_extent", "ProcessParameterInvalid"),
    ("three-seasons", CROPTYPE,
     croptype_args(season_ids=["a", "b", "c"], season_windows={s: ["2021-01-01", "2021-03-31"] for s in "abc"}),
     "season_ids", "ProcessParameterInvalid"),
    ("season-ids-not-window-keys", CROPTYPE, croptype_args(season_ids=["tc-s1", "other"]),
     "season_ids", "ProcessParameterInvalid"),
    ("window-outside-period", CROPTYPE,
     croptype_args(season_windows={"tc-s1": ["2020-09-01", "2021-06-30"], "tc-s2": ["2021-04-01", "2021-10-31"]}),
     "season_windows", "ProcessParameterInvalid"),
    ("window-not-a-date", CROPTYPE,
     croptype_args(season_windows={"tc-s1": ["soon", "2021-06-30"], "tc-s2": ["2021-04-01", "2021-10-31"]}),
     "season_windows", "ProcessParameterInvalid"),
    ("even-kernel", EXTENT, cropland_args(postprocess_kernel_size=4), "postprocess_kernel_size",
     "ProcessParameterInvalid"),
    ("kernel-too-big", CROPTYPE, croptype_args(postprocess_kernel_size_croptype=27),
     "postprocess_kernel_size_croptype", "ProcessParameterInvalid"),
    ("bad-postprocess-method", CROPTYPE, croptype_args(postprocess_method_cropland="median"),
     "postprocess_method_cropland", "ProcessParameterInvalid"),
    ("mask-not-bool", CROPTYPE, croptype_args(mask_cropland="yes"), "mask_cropland", "ProcessParameterInvalid"),
    ("unknown-parameter", EXTENT, cropland_args(croptype_head_zip="https://x/head.zip"), "croptype_head_zip",
     "ProcessParameterUnsupported"),
]


@pytest.fixture(scope="module")
def con(local_backend):
    return connect(local_backend)


@pytest.mark.parametrize(("process_id", "args", "parameter", "code"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_invalid_argument_fails_job_creation(con, process_id, args, parameter, code):
    before = {j["id"] for j in con.list_jobs()}
    with pytest.raises(OpenEoApiError) as info:
        create_job(con, process_id, args)
    err = info.value
    assert err.http_status_code == 400 and err.code == code
    assert f"'{parameter}'" in err.message and err.id
    assert {j["id"] for j in con.list_jobs()} == before


def test_unknown_namespace_is_refused_without_network(con):
    cube = con.datacube_from_process(EXTENT, namespace="https://example.invalid/udp.json", **cropland_args())
    with pytest.raises(OpenEoApiError) as info:
        cube.create_job(auto_add_save_result=False)
    assert info.value.http_status_code == 400 and info.value.code == "ProcessNamespaceInvalid"


def test_valid_arguments_with_defaults_are_accepted(con):
    job = create_job(con, CROPTYPE, croptype_args(postprocess_kernel_size_croptype=25, mask_cropland=False))
    assert job.status() == "created"
    job.delete()
