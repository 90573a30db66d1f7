"""Extraction jobs: split, temporal extents (hand-derived), the client-built graph vs the official one,
and post-processing into the real long format."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
import requests
import shapely
from shapely.geometry import Point

from tests.fixtures.extractions import real_long_schema
from worldcereal_qgis.core import extraction as ex
from worldcereal_qgis.core import extraction_post as ep
from worldcereal_qgis.core import reference_data as rd
from worldcereal_qgis.core.credits import DEFAULT_RATES
from worldcereal_qgis.core.errors import InputError

TODAY = date(2026, 11, 25)
BRUSSELS, CORSICA = (4.35, 50.85), (9.21, 41.395)  # tiles 31UES and 32TNL


# -- temporal extent ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "last", "expected"), [
    # 2022-06-01 - 275 d = 2021-08-30 -> Aug 1; + 275 d = 2023-03-03 -> Mar 31
    (date(2022, 6, 1), date(2022, 6, 1), (date(2021, 8, 1), date(2023, 3, 31))),
    # 2021-03-10 - 275 d = 2020-06-08 -> Jun 1; 2021-09-20 + 275 d = 2022-06-22 -> Jun 30
    (date(2021, 3, 10), date(2021, 9, 20), (date(2020, 6, 1), date(2022, 6, 30))),
    # 2017-03-15 - 275 d = 2016-06-13: clamped to 2017-01-01; + 275 d = 2017-12-15 -> Dec 31
    (date(2017, 3, 15), date(2017, 3, 15), (date(2017, 1, 1), date(2017, 12, 31))),
    # 2026-05-10 + 275 d = 2027-02-09: clamped to the last complete month before 2026-11-25
    (date(2026, 5, 10), date(2026, 5, 10), (date(2025, 8, 1), date(2026, 10, 31))),
])
def test_temporal_extent(first, last, expected):
    assert ex.temporal_extent(first, last, today=TODAY) == expected


# -- job split ----------------------------------------------------------------------------------------------------


def _samples(points: list[tuple[float, float, str]], ref_id: str = "2021_BEL_TEST_POINT_110") -> pd.DataFrame:
    rows = []
    for i, (lon, lat, valid) in enumerate(points):
        rows.append({"sample_id": f"s{i:05d}", "ewoc_code": 1101060000, "valid_time": valid, "irrigation_status": 0,
                     "quality_score_lc": 100, "quality_score_ct": 100, "extract": 1,
                     "h3_l3_cell": "831fa0fffffffff", "ref_id": ref_id, "geometry": shapely.to_wkb(Point(lon, lat)),
                     "lon": lon, "lat": lat, "row": i + 1})
    return pd.DataFrame(rows)


def test_split_by_year_then_tile_then_500():
    points = [(BRUSSELS[0] + i * 1e-5, BRUSSELS[1], "2021-06-15") for i in range(1200)]
    points += [(CORSICA[0], CORSICA[1] + i * 1e-4, "2021-04-01") for i in range(3)]
    points += [(BRUSSELS[0], BRUSSELS[1] + i * 1e-4, "2022-02-01") for i in range(2)]
    plan = ex.plan_jobs(_samples(points), today=TODAY, rates=DEFAULT_RATES)
    got = [(j.year, j.tile, j.chunk, j.n_samples, j.start, j.end) for j in plan.jobs]
    assert got == [
        (2021, "31UES", 0, 500, date(2020, 9, 1), date(2022, 3, 31)),
        (2021, "31UES", 1, 500, date(2020, 9, 1), date(2022, 3, 31)),
        (2021, "31UES", 2, 200, date(2020, 9, 1), date(2022, 3, 31)),
        (2021, "32TNL", 0, 3, date(2020, 6, 1), date(2022, 1, 31)),  # 2021-04-01 + 275 d = 2022-01-01
        (2022, "31UES", 0, 2, date(2021, 5, 1), date(2022, 11, 30)),
    ]
    assert plan.jobs[0].sample_ids[:2] == ("s00000", "s00001") and plan.jobs[2].sample_ids[-1] == "s01199"
    assert plan.jobs[0].title == "WorldCereal point extraction 31UES"
    assert plan.credits == 5 * 30.0
    assert plan.points_per_tile() == {"31UES": 1202, "32TNL": 3}
    assert plan.warnings == ["1205 samples is more than 1000: the extraction will use many credits (about 150, "
                             "single jobs vary up to 10 times that)."]


def test_many_tiles_warn_about_duration():
    points = [(-10.0 + i * 1.0, 45.0, "2021-06-15") for i in range(21)]
    points += [(-10.0 + i * 1.0, 47.0, "2021-06-15") for i in range(21)]
    points += [(-10.0 + i * 1.0, 49.0, "2021-06-15") for i in range(21)]
    plan = ex.plan_jobs(_samples(points), today=TODAY, rates=DEFAULT_RATES)
    assert len(plan.tiles) > 50
    assert plan.warnings == [f"The samples cover {len(plan.tiles)} Sentinel-2 tiles (more than 50): the extraction "
                             "will take long."]


def test_empty_selection_is_refused():
    with pytest.raises(InputError, match=r"No samples are selected for extraction\."):
        ex.plan_jobs(_samples([]).iloc[0:0], today=TODAY, rates=DEFAULT_RATES)


def test_feature_collection_carries_labels_and_job_fields():
    plan = ex.plan_jobs(_samples([(CORSICA[0], CORSICA[1], "2021-04-01")]), today=TODAY, rates=DEFAULT_RATES)
    job = plan.jobs[0]
    fc = ex.feature_collection(ex.job_samples(plan, job), job)
    (feature,) = fc["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [9.21, 41.395]}
    props = feature["properties"]
    assert props["sample_id"] == "s00000" and props["ewoc_code"] == 1101060000
    assert (props["tile"], props["start_date"], props["end_date"]) == ("32TNL", "2020-06-01", "2022-01-31")
    json.dumps(fc)  # plain JSON types only


# -- graph ----------------------------------------------------------------------------------------------------------


class _OfflineSession(requests.Session):
    """Answers the few metadata requests the client makes while building a graph."""

    def send(self, request, **kwargs):
        from openeo.rest._testing import build_capabilities

        body = {"processes": []} if request.url.endswith("/processes") else build_capabilities(api_version="1.2.0")
        response = requests.Response()
        response.status_code, response.url = 200, request.url
        response.headers["Content-Type"] = "application/json"
        response._content = json.dumps(body).encode()
        return response


@pytest.fixture(scope="module")
def point_graph() -> dict:
    from openeo.rest.connection import Connection

    conn = Connection("https://offline.test/openeo/1.2", session=_OfflineSession(), auto_validate=False)
    job = ex.ExtractionJob("2022_X", 2022, "32TNL", 0, date(2021, 8, 1), date(2023, 3, 31), ("a",))
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"sample_id": "a"}, "geometry": {"type": "Point", "coordinates": [9, 41]}}]}
    return ex.build_point_cube(conn, job, fc, orbit_state="ASCENDING").flat_graph()


def _callback_shape(value):
    """A callback graph without its generated node names: list of (process_id, arguments) in order."""
    if isinstance(value, dict) and "process_graph" in value:
        return [(n["process_id"], _callback_shape(n["arguments"])) for n in value["process_graph"].values()]
    if isinstance(value, dict):
        return {k: _callback_shape(v) for k, v in value.items()}
    return value


def test_graph_matches_official_inputs_graph_node_by_node(point_graph, wc_dir: Path):
    official = json.loads((wc_dir / "graphs" / "preprocess_graph.json").read_text())
    assert set(point_graph) == set(official) | {"aggregatespatial1"}
    point_mode = {"loadcollection1", "loadcollection2", "loadcollection3", "loadstac2", "mergecubes4"}
    for node_id, node in official.items():
        if node_id not in point_mode:
            assert point_graph[node_id] == node, node_id
    # where point mode differs, it differs only as the library's POINT fetch type does
    for node_id in ("loadcollection1", "loadcollection2", "loadstac2"):
        mine, theirs = dict(point_graph[node_id]["arguments"]), dict(official[node_id]["arguments"])
        assert mine.pop("temporal_extent") == ["2021-08-01", "2023-03-31"]
        theirs.pop("temporal_extent")
        if "properties" in mine:
            tile = mine["properties"].pop("tileId")
            assert _callback_shape(tile) == [("eq", {"x": {"from_parameter": "value"}, "y": "32TNL"})]
            assert _callback_shape(mine.pop("properties")) == _callback_shape(theirs.pop("properties"))
        assert mine == theirs, node_id
    s1 = point_graph["loadcollection3"]["arguments"]
    assert _callback_shape(s1["properties"]["sat:orbit_state"]) == [
        ("eq", {"x": {"from_parameter": "value"}, "y": "ASCENDING"})]
    assert _callback_shape(s1["properties"]["polarisation"]) == _callback_shape(
        official["loadcollection3"]["arguments"]["properties"]["polarisation"])
    assert point_graph["mergecubes4"]["arguments"] == official["mergecubes4"]["arguments"]


def test_graph_ends_in_mean_over_the_job_points(point_graph):
    agg = point_graph["aggregatespatial1"]
    assert agg["arguments"]["data"] == {"from_node": "mergecubes4"}
    assert agg["arguments"]["geometries"]["features"][0]["properties"] == {"sample_id": "a"}
    assert _callback_shape(agg["arguments"]["reducer"]) == [("mean", {"data": {"from_parameter": "data"}})]
    assert agg["result"] is True


def test_job_options_are_the_library_defaults():
    assert ex.JOB_OPTIONS == {"driver-memory": "2G", "driver-memoryOverhead": "2G", "driver-cores": "1",
                              "executor-memory": "1800m", "python-memory": "3000m", "executor-cores": "1",
                              "max-executors": 22, "soft-errors": 0.1}


# -- post-processing ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_extraction(wc_dir: Path):
    return wc_dir / "extractions" / "2022_FRA_LPIS_POLY_110_monthly.geoparquet"


def _raw_backend_frame(real_extraction: Path, samples: int = 3) -> tuple[pd.DataFrame, dict]:
    """What CDSE's aggregate_spatial Parquet looks like: ``date`` with tz, float bands with NaN, no labels."""
    real = pq.read_table(real_extraction).to_pandas()
    ids = real["sample_id"].drop_duplicates().iloc[:samples].tolist()
    part = real[real["sample_id"].isin(ids)].copy()
    index = {sid: i for i, sid in enumerate(ids)}
    raw = pd.DataFrame({"feature_index": part["sample_id"].map(index).astype(np.int64),
                        "date": part["timestamp"].dt.tz_localize("UTC")})
    for column in ep.UINT16_COLUMNS:
        raw[column] = part[column].where(part[column] != 65535).astype("float64").to_numpy()
    labels = part.drop_duplicates("sample_id").set_index("sample_id").loc[ids]
    features = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
         "properties": {"sample_id": sid, **{c: getattr(row, c) if c != "ref_id" else str(row.ref_id) for c in (
             "ewoc_code", "valid_time", "irrigation_status", "quality_score_lc", "quality_score_ct", "extract",
             "h3_l3_cell", "ref_id", "tile", "start_date", "end_date", "lat", "lon")}}}
        for sid, row in zip(ids, labels.itertuples())]}
    for f in features["features"]:
        f["properties"] = {k: (v.item() if hasattr(v, "item") else v) for k, v in f["properties"].items()}
    return raw.reset_index(drop=True), features


def test_post_process_real_file_keeps_its_schema(real_extraction):
    result = ep.post_process(real_extraction)
    real = pq.read_table(real_extraction)
    assert result.table.schema.equals(real_long_schema(real_extraction), check_metadata=False)
    assert result.dropped == [] and result.table.num_rows == 8500
    assert result.table.select(["S2-L2A-B04", "timestamp"]).equals(real.select(["S2-L2A-B04", "timestamp"]))


def test_post_process_raw_backend_output(real_extraction):
    raw, features = _raw_backend_frame(real_extraction)
    first = raw["feature_index"] == 1
    for column in (*ep.S2_COLUMNS, *ep.S1_COLUMNS):
        raw.loc[first, column] = np.nan  # sample 2: no S1 or S2 in any month
    raw.loc[0, "S2-L2A-B04"] = 1234.4
    result = ep.post_process_frame(raw, features)
    assert result.table.schema.equals(real_long_schema(real_extraction), check_metadata=False)
    assert result.dropped == [features["features"][1]["properties"]["sample_id"]]
    frame = result.table.to_pandas()
    assert frame["sample_id"].nunique() == 2 and len(frame) == 2 * 17
    assert frame["S2-L2A-B04"].iloc[0] == 1234
    assert frame["timestamp"].iloc[0] == pd.Timestamp("2021-09-01")
    assert set(frame["year"]) == {2022} and set(frame["S2-L2A-B8A"]) == {65535}
    assert frame["ref_id"].dtype == "category"


def test_post_process_without_labels_or_features_is_refused(real_extraction):
    raw, _features = _raw_backend_frame(real_extraction, samples=1)
    with pytest.raises(InputError, match="The extraction result lacks the columns sample_id"):
        ep.post_process_frame(raw, None)


def test_merge_partitions_by_ref_id_and_skips_extracted_samples(real_extraction, tmp_path):
    full = ep.post_process(real_extraction)
    ids = sorted(full.sample_ids)
    import pyarrow.compute as pc

    first = ep.PostResult(full.table.filter(pc.is_in(full.table["sample_id"], value_set=pa_array(ids[:10]))), [])
    path, written = ep.merge_results([first], tmp_path, "2022_FRA_LPIS_POLY_110")
    assert written == 10
    assert path == tmp_path / ep.MERGED_NAME / "ref_id=2022_FRA_LPIS_POLY_110" / "2022_FRA_LPIS_POLY_110_0.parquet"
    assert pq.read_schema(path).equals(real_long_schema(real_extraction), check_metadata=False)
    path2, written2 = ep.merge_results([full], tmp_path, "2022_FRA_LPIS_POLY_110")
    assert written2 == 490 and path2.name == "2022_FRA_LPIS_POLY_110_1.parquet"
    assert ep.merge_results([full], tmp_path, "2022_FRA_LPIS_POLY_110") == (None, 0)
    merged = pq.read_table(tmp_path / ep.MERGED_NAME)
    assert merged.num_rows == 8500 and len(set(merged["sample_id"].to_pylist())) == 500
    assert ep.already_extracted(tmp_path, "2022_FRA_LPIS_POLY_110") == set(ids)


def pa_array(values):
    import pyarrow as pa

    return pa.array(values, pa.string())


def test_selected_real_samples_plan_on_their_tiles(wc_dir):
    raw = rd.read_reference_file(wc_dir / "reference_data" / "2022_FRA_LPIS_POLY_110_samples.geoparquet")
    samples = rd.select_samples(rd.validate(raw, today=TODAY).samples, "extract")
    plan = ex.plan_jobs(samples, today=TODAY, rates=DEFAULT_RATES)
    assert plan.n_samples == 42
    assert {(j.start, j.end) for j in plan.jobs} == {(date(2021, 8, 1), date(2023, 3, 31))}
    assert all(j.tile.startswith("32T") and j.year == 2022 for j in plan.jobs)


def test_decode_to_physical_units():
    assert ep.decode("S2-L2A-B04", [666, 65535])[0] == pytest.approx(0.0666)
    assert np.isnan(ep.decode("S2-L2A-B04", [666, 65535])[1])
    assert ep.decode("S1-SIGMA0-VV", [3625])[0] == pytest.approx(-11.8138, abs=1e-4)  # 20·log10(DN) − 83
    assert ep.decode("AGERA5-TMEAN", [29628])[0] == pytest.approx(296.28)
    assert ep.decode("AGERA5-PRECIP", [3589])[0] == pytest.approx(35.89)
    assert ep.decode("elevation", [64])[0] == 64.0
    assert [ep.unit_of(n) for n in ("NDVI", "S2-L2A-B8A", "S1-SIGMA0-VH", "AGERA5-TMEAN", "slope")] == [
        "", "reflectance", "dB", "K", "°"]


def test_sample_series_of_a_real_sample(real_extraction):
    frame = pq.read_table(real_extraction).to_pandas()
    series = ep.sample_series(frame, "2022_FRA_LPIS_POLY_110_830180")
    times, ndvi = series["NDVI"]
    assert len(times) == 17 and times[0] == pd.Timestamp("2021-09-01")
    assert ndvi[0] == pytest.approx((2142 - 666) / (2142 + 666))
    with pytest.raises(InputError, match="Sample 'nope' is not in the extraction results"):
        ep.sample_series(frame, "nope")
