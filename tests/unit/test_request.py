"""MapRequest: every request we build matches the published v3.0.1 UDP schemas; every bad one is refused
with a precise sentence naming the field, before anything is sent."""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pyproj
import pytest
from shapely.geometry import LineString, Point, Polygon, box

from worldcereal_qgis.core import udp
from worldcereal_qgis.core.aoi import Aoi, utm_epsg_for
from worldcereal_qgis.core.dates import add_months, month_end, month_start, months_between, period_ending_with
from worldcereal_qgis.core.errors import InputError
from worldcereal_qgis.core.request import MapRequest, cropland_request, croptype_request

TODAY = date(2026, 8, 21)  # last complete month: July 2026
UDP_FILES = {udp.CROPLAND: "worldcereal_crop_extent_v3.0.1.json", udp.CROPTYPE: "worldcereal_crop_type_v3.0.1.json"}
FLANDERS = Aoi.from_bbox(3.0, 50.8, 3.2, 50.95, name="Flanders")


# --------------------------------------------------------------------------- the published contract
@pytest.fixture(scope="module")
def udp_json(udp_dir: Path) -> dict[str, dict]:
    return {product: json.loads((udp_dir / name).read_text(encoding="utf-8")) for product, name in UDP_FILES.items()}


@pytest.fixture(scope="module")
def validators(udp_json) -> dict[str, jsonschema.protocols.Validator]:
    """One JSON schema per product built from the UDP's parameter schemas (unknown keys rejected)."""
    result = {}
    for product, doc in udp_json.items():
        params = doc["parameters"]
        schema = {
            "type": "object",
            "properties": {p["name"]: p["schema"] for p in params},
            "required": [p["name"] for p in params if not p.get("optional", False)],
            "additionalProperties": False,
        }
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        result[product] = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return result


def _params(doc: dict) -> dict[str, dict]:
    return {p["name"]: p for p in doc["parameters"]}


@pytest.mark.parametrize("product", udp.PRODUCTS)
def test_process_ids_and_namespaces_match_the_json(udp_json, product):
    doc = udp_json[product]
    assert udp.PROCESS_IDS[product] == doc["id"]
    url = udp.NAMESPACES[product]
    assert url.startswith("https://raw.githubusercontent.com/WorldCereal/worldcereal-classification/refs/tags/")
    assert f"/{doc['id']}_v3.0.1/" in url
    assert url.endswith(f"/scripts/udp/{doc['id']}.json")
    assert udp.OUTPUT_ASSET_NAMES[product] == f"{doc['id']}.tif"
    assert f'"filename_prefix": "{doc["id"]}"' in json.dumps(doc["process_graph"])


@pytest.mark.parametrize("product", udp.PRODUCTS)
def test_parameter_names_required_and_defaults_match_the_json(udp_json, product):
    params = _params(udp_json[product])
    required = tuple(n for n, p in params.items() if not p.get("optional", False))
    optional = tuple(n for n, p in params.items() if p.get("optional", False))
    assert udp.REQUIRED_PARAMETERS[product] == required
    assert set(udp.OPTIONAL_PARAMETERS[product]) == set(optional)
    assert udp.PARAMETER_DEFAULTS[product] == {n: params[n]["default"] for n in optional}
    assert params["seasonal_model_zip"]["default"] == udp.DEFAULT_SEASONAL_MODEL_ZIP


@pytest.mark.parametrize("product", udp.PRODUCTS)
def test_enums_and_limits_match_the_json(udp_json, product):
    params = _params(udp_json[product])
    assert tuple(params["orbit_state"]["schema"]["enum"]) == udp.ORBIT_STATES
    methods = [p for n, p in params.items() if n.startswith("postprocess_method")]
    kernels = [p for n, p in params.items() if n.startswith("postprocess_kernel_size")]
    assert methods and kernels
    for p in methods:
        assert tuple(p["schema"]["enum"]) == udp.POSTPROCESS_METHODS
    for p in kernels:
        assert p["schema"]["maximum"] == udp.MAX_KERNEL
        assert p["schema"]["allOf"] == [{"not": {"multipleOf": 2}}]
    assert params["season_ids"]["schema"]["maxItems"] == udp.MAX_SEASONS
    assert params["season_windows"]["schema"]["maxProperties"] == udp.MAX_SEASONS


def test_default_croptype_classes_match_the_real_output_band_order(wc_dir):
    doc = json.loads((wc_dir / "reference_output" / "job-results.json").read_text(encoding="utf-8"))
    (asset,) = doc["assets"].values()
    names = [b["name"] for b in asset["raster:bands"]]
    classes = tuple(n.split(":")[2] for n in names if n.startswith("croptype_probability:tc-s1:"))
    assert classes == udp.DEFAULT_CROPTYPE_CLASSES
    assert len(classes) == 23
    assert classes[22] == "no_crop"


# --------------------------------------------------------------------------- random valid requests
def _random_aoi(rng: random.Random) -> Aoi:
    lon, lat = rng.uniform(-175.0, 175.0), rng.uniform(-78.0, 78.0)
    epsg = utm_epsg_for(lon, lat)
    x, y = pyproj.Transformer.from_crs(4326, epsg, always_xy=True).transform(lon, lat)
    kind = rng.choice(("rect", "disc", "hull"))
    if kind == "rect":
        w, h = rng.uniform(200, 48_000), rng.uniform(200, 48_000)
        geom = box(x, y, x + w, y + min(h, 2_400e6 / w))
    elif kind == "disc":
        geom = Point(x, y).buffer(rng.uniform(100, 27_000))
    else:
        pts = [(x + rng.uniform(-20_000, 20_000), y + rng.uniform(-20_000, 20_000)) for _ in range(12)]
        geom = Polygon(pts).convex_hull
    name = rng.choice(("aoi", "Field 7", "Corsica – LPIS", "site_ä"))
    return Aoi.from_geometry(geom, crs=f"EPSG:{epsg}", name=name)


def _random_id(rng: random.Random) -> str:
    pool = ["tc-s1", "tc-s2", "tc-annual", "2021", "custom"]
    alphabet = "abcXYZ019_-"
    return rng.choice([*pool, "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))])


def _random_window(rng: random.Random, start: date, months: int) -> tuple[date, date]:
    first = rng.randint(0, months - 1)
    last = rng.randint(first, months - 1)
    return add_months(start, first), month_end(add_months(start, last))


def _random_url(rng: random.Random, name: str) -> str | None:
    return rng.choice(
        [
            None,
            f"https://s3.waw3-1.cloudferro.com/models/{name}_{rng.randint(1, 999)}.zip",
            f"http://127.0.0.1:{rng.randint(1024, 65535)}/files/{name}.zip",
            f"http://localhost/{name}.ZIP",
        ]
    )


def _random_valid_request(rng: random.Random) -> MapRequest:
    product = rng.choice(udp.PRODUCTS)
    months = 12 if product == udp.CROPLAND else rng.randint(1, 12)
    end = month_end(add_months(date(2017, 12, 1), rng.randint(0, months_between(date(2017, 12, 1), TODAY) - 2)))
    start, end = period_ending_with(end, months)  # ends Dec 2017 at the earliest, so starts in 2017 or later
    seasons: dict[str, tuple[date, date]] = {}
    while len(seasons) < rng.randint(1, 2):
        seasons[_random_id(rng)] = _random_window(rng, start, months)
    options = {
        "orbit_state": rng.choice(udp.ORBIT_STATES),
        "postprocess_method_cropland": rng.choice(udp.POSTPROCESS_METHODS),
        "postprocess_kernel_cropland": rng.randrange(1, udp.MAX_KERNEL + 1, 2),
        "postprocess_method_croptype": rng.choice(udp.POSTPROCESS_METHODS),
        "postprocess_kernel_croptype": rng.randrange(1, udp.MAX_KERNEL + 1, 2),
        "enable_cropland_head": rng.random() < 0.5,
        "mask_cropland": rng.random() < 0.5,
        "landcover_head_zip": _random_url(rng, "landcover_head"),
        "seasonal_model_zip": _random_url(rng, "seasonal_model"),
        "namespace": rng.choice([None, "https://example.org/udp/my_fork.json", "http://127.0.0.1:8080/udp.json"]),
    }
    if product == udp.CROPTYPE:
        options["croptype_head_zip"] = _random_url(rng, "croptype_head")
    return MapRequest(product, _random_aoi(rng), (start, end), seasons, **options)


VALID = [_random_valid_request(random.Random(seed)) for seed in range(400)]


def test_generated_requests_cover_both_products_and_many_places():
    assert {r.product for r in VALID} == set(udp.PRODUCTS)
    assert {len(r.seasons) for r in VALID} == {1, 2}
    assert {r.aoi.utm_epsg // 100 for r in VALID} == {326, 327}
    assert len({r.aoi.utm_epsg for r in VALID}) > 60


def test_many_random_valid_requests_validate_against_the_udp_schemas(validators):
    for request in VALID:
        request.validate(today=TODAY)
        args = request.udp_arguments()
        errors = [e.message for e in validators[request.product].iter_errors(json.loads(json.dumps(args)))]
        assert errors == [], (request.title(), errors)
        # Semantic rules the schema cannot express.
        assert args["season_ids"] == list(args["season_windows"])
        start, end = args["temporal_extent"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", start) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", end)
        for s, e in args["season_windows"].values():
            assert start <= s <= e <= end
        assert args["spatial_extent"]["crs"] == "EPSG:4326"
        assert -180 <= args["spatial_extent"]["west"] < args["spatial_extent"]["east"] <= 180


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (lambda a: a.update(postprocess_kernel_size_croptype=4), "not"),  # odd-only rule
        (lambda a: a.update(postprocess_kernel_size_croptype=27), "maximum"),
        (lambda a: a["season_windows"].update({"tc-s1": ["2021-03-01", "2021-02-30"]}), "format"),
        (lambda a: a.update(orbit_state="BOTH"), "enum"),
        (lambda a: a.update(season_ids=["a", "b", "c"]), "maxItems"),
        (lambda a: a.update(postprocess_kernel_size=3), "additionalProperties"),
        (lambda a: a.pop("orbit_state"), "required"),
    ],
)
def test_the_schema_check_itself_catches_bad_arguments(validators, tamper, expected):
    args = _base().udp_arguments()
    assert list(validators[udp.CROPTYPE].iter_errors(args)) == []
    tamper(args)
    assert expected in {e.validator for e in validators[udp.CROPTYPE].iter_errors(args)}


def test_arguments_carry_exactly_the_users_values():
    for request in VALID[:100]:
        args = request.udp_arguments()
        assert args["orbit_state"] == request.orbit_state
        assert args["season_windows"] == {k: [s.isoformat(), e.isoformat()] for k, (s, e) in request.seasons.items()}
        if request.product == udp.CROPLAND:
            assert args["postprocess_kernel_size"] == request.postprocess_kernel_cropland
            assert args["postprocess_method"] == request.postprocess_method_cropland
            assert "croptype_head_zip" not in args and "mask_cropland" not in args
        else:
            assert args["postprocess_kernel_size_croptype"] == request.postprocess_kernel_croptype
            assert args["mask_cropland"] is request.mask_cropland
            assert args.get("croptype_head_zip") == request.croptype_head_zip
        assert args.get("landcover_head_zip") == request.landcover_head_zip
        assert args.get("seasonal_model_zip") == request.seasonal_model_zip
        assert request.namespace_url == (request.namespace or udp.NAMESPACES[request.product])


# --------------------------------------------------------------------------- random invalid requests
def _shift(window: tuple[date, date], months: int) -> tuple[date, date]:
    return add_months(window[0], months), month_end(add_months(window[1], months))


def _mutations(r: MapRequest, rng: random.Random) -> list[tuple[str, MapRequest]]:
    """(expected field of the first problem, broken copy of the valid request ``r``)."""
    start, end = r.temporal_extent
    first_sid = next(iter(r.seasons))
    kernel_field = rng.choice(["postprocess_kernel_cropland", "postprocess_kernel_croptype"])
    kernel_field = kernel_field if r.product == udp.CROPTYPE else "postprocess_kernel_cropland"
    method_field = kernel_field.replace("kernel", "method")
    x, y = pyproj.Transformer.from_crs(4326, 32631, always_xy=True).transform(3.0, 50.0)
    side = rng.uniform(50_100, 90_000)
    return [
        ("product", replace(r, product=rng.choice(["landcover", "Cropland", "", "crop_type"]))),
        ("orbit_state", replace(r, orbit_state=rng.choice(["ascending", "BOTH", "", None]))),
        ("aoi", replace(r, aoi=Aoi.from_bbox(x, y, x + side, y + side, crs="EPSG:32631"))),
        ("aoi", replace(r, aoi=Aoi(Polygon([(3, 50), (3.1, 50.1), (3.1, 50), (3, 50.1), (3, 50)])))),
        ("aoi", replace(r, aoi=Aoi(rng.choice([Point(3, 50), LineString([(3, 50), (4, 51)]), Polygon()])))),
        ("aoi", replace(r, aoi=Aoi.from_bbox(179.95, 10, 180.05, 10.1))),
        ("temporal_extent", replace(r, temporal_extent=(start + timedelta(days=rng.randint(1, 27)), end))),
        ("temporal_extent", replace(r, temporal_extent=(start, end - timedelta(days=rng.randint(1, 27))))),
        ("temporal_extent", replace(r, temporal_extent=(add_months(month_start(end), -rng.randint(12, 36)), end))),
        ("temporal_extent", replace(r, temporal_extent=(end, start))),
        ("temporal_extent", replace(r, temporal_extent=_shift((start, end), -months_between(date(2016, 1, 1), start)),
                                    seasons={k: _shift(w, -months_between(date(2016, 1, 1), start))
                                             for k, w in r.seasons.items()})),
        ("temporal_extent", replace(r, temporal_extent=_shift((start, end), months_between(start, TODAY) + 1),
                                    seasons={k: _shift(w, months_between(start, TODAY) + 1)
                                             for k, w in r.seasons.items()})),
        ("seasons", replace(r, seasons={**r.seasons, "x1": (start, end), "x2": (start, end), "x3": (start, end)})),
        ("seasons", replace(r, seasons={})),
        ("seasons", replace(r, seasons={rng.choice(["tc s1", "", "s/1", "été", "a.b"]): (start, end)})),
        ("seasons", replace(r, seasons={first_sid: (start, end + timedelta(days=rng.randint(1, 400)))})),
        ("seasons", replace(r, seasons={first_sid: (start - timedelta(days=rng.randint(1, 400)), end)})),
        ("seasons", replace(r, seasons={first_sid: (start + timedelta(days=rng.randint(1, 27)), end)})),
        (kernel_field, replace(r, **{kernel_field: rng.choice([0, -3, 2, 4, 24, 27, 99, 3.0, "5", True, None])})),
        (method_field, replace(r, **{method_field: rng.choice(["median", "MAJORITY_VOTE", "", None])})),
        ("seasonal_model_zip", replace(r, seasonal_model_zip=rng.choice(
            ["http://example.com/m.zip", "https://example.com/m.onnx", "ftp://h/m.zip", "s3://b/m.zip", "model.zip"]
        ))),
        ("landcover_head_zip", replace(r, landcover_head_zip="http://10.0.0.1/head.zip")),
        ("croptype_head_zip", replace(r, croptype_head_zip="https://example.com/head.zip")
         if r.product == udp.CROPLAND else replace(r, croptype_head_zip="https://example.com/head.pt")),
        ("namespace", replace(r, namespace=rng.choice(["http://example.com/udp.json", "   "]))),
    ]  # fmt: skip


def test_many_random_invalid_requests_are_refused_with_the_right_field():
    checked = 0
    for seed, valid in enumerate(VALID[:150]):
        rng = random.Random(1000 + seed)
        for field, broken in _mutations(valid, rng):
            problems = broken.problems(today=TODAY)
            assert problems, (field, broken)
            assert problems[0].field == field, (field, [str(p) for p in problems])
            with pytest.raises(InputError) as info:
                broken.validate(today=TODAY)
            assert str(info.value) == str(problems[0])
            for p in problems:
                text = str(p)
                assert "\n" not in text and text.endswith(".") and text[0].isupper(), text
            checked += 1
    assert checked == 150 * 24


def test_cropland_with_fewer_than_12_months_is_refused():
    rng = random.Random(3)
    for r in (v for v in VALID if v.product == udp.CROPLAND):
        start, end = r.temporal_extent
        shorter = (add_months(start, rng.randint(1, 11)), end)
        broken = replace(r, temporal_extent=shorter, seasons={"tc-annual": shorter})
        assert [p.field for p in broken.problems(today=TODAY)] == ["temporal_extent"]


# --------------------------------------------------------------------------- each rule's message
def _base(product: str = udp.CROPTYPE, **changes) -> MapRequest:
    request = MapRequest(
        product,
        FLANDERS,
        (date(2020, 10, 1), date(2021, 9, 30)),
        {"tc-s1": (date(2021, 3, 1), date(2021, 8, 31)), "tc-s2": (date(2020, 10, 1), date(2021, 3, 31))},
    )
    return replace(request, **changes)


def _problem(request: MapRequest, field: str) -> str:
    with pytest.raises(InputError) as info:
        request.validate(today=TODAY)
    assert info.value.field == field
    return str(info.value)


def test_base_request_is_valid_for_both_products():
    _base(udp.CROPTYPE).validate(today=TODAY)
    _base(udp.CROPLAND).validate(today=TODAY)


@pytest.mark.parametrize(
    ("changes", "field", "fragments"),
    [
        ({"product": "landcover"}, "product", ["Unknown product 'landcover'", "cropland or croptype"]),
        ({"orbit_state": "BOTH"}, "orbit_state", ["orbit state 'BOTH'", "ASCENDING or DESCENDING"]),
        ({"temporal_extent": (date(2016, 10, 1), date(2017, 9, 30))}, "temporal_extent",
         ["starts on 2016-10-01", "before 2017-01-01"]),
        ({"temporal_extent": (date(2025, 9, 1), date(2026, 8, 31))}, "temporal_extent",
         ["ends on 2026-08-31", "after 2026-07-31", "last complete month"]),
        ({"temporal_extent": (date(2020, 10, 5), date(2021, 9, 30))}, "temporal_extent",
         ["start on the 1st of a month", "not on 2020-10-05", "use 2020-10-01"]),
        ({"temporal_extent": (date(2020, 10, 1), date(2021, 9, 29))}, "temporal_extent",
         ["end on the last day of a month", "not on 2021-09-29", "use 2021-09-30"]),
        ({"temporal_extent": (date(2020, 1, 1), date(2021, 9, 30))}, "temporal_extent",
         ["spans 21 months", "at most 12"]),
        ({"temporal_extent": (date(2021, 9, 30), date(2020, 10, 1))}, "temporal_extent",
         ["starts on 2021-09-30 after it ends on 2020-10-01"]),
        ({"seasons": {}}, "seasons", ["at least one season"]),
        ({"seasons": {"a": (date(2021, 1, 1), date(2021, 1, 31)), "b": (date(2021, 1, 1), date(2021, 1, 31)),
                      "c": (date(2021, 1, 1), date(2021, 1, 31))}}, "seasons", ["at most 2 seasons, not 3", "a, b, c"]),
        ({"seasons": {"tc s1": (date(2021, 3, 1), date(2021, 8, 31))}}, "seasons",
         ["Season id 'tc s1'", "letters, digits, '_' and '-'"]),
        ({"seasons": {"": (date(2021, 3, 1), date(2021, 8, 31))}}, "seasons", ["season id is empty"]),
        ({"seasons": {"tc-s1": (date(2021, 3, 15), date(2021, 8, 31))}}, "seasons",
         ["Season 'tc-s1' must start on the 1st of a month", "use 2021-03-01"]),
        ({"seasons": {"tc-s1": (date(2021, 3, 1), date(2021, 8, 30))}}, "seasons",
         ["Season 'tc-s1' must end on the last day of a month", "use 2021-08-31"]),
        ({"seasons": {"tc-s1": (date(2021, 3, 1), date(2021, 12, 31))}}, "seasons",
         ["Season 'tc-s1' (2021-03-01…2021-12-31) lies outside the processing period (2020-10-01…2021-09-30)"]),
        ({"seasons": {"tc-s1": (date(2021, 8, 1), date(2021, 3, 31))}}, "seasons",
         ["Season 'tc-s1' starts on 2021-08-01 after it ends on 2021-03-31"]),
        ({"postprocess_kernel_croptype": 4}, "postprocess_kernel_croptype", ["crop-type", "must be odd", "not 4"]),
        ({"postprocess_kernel_cropland": 27}, "postprocess_kernel_cropland", ["cropland", "at most 25, not 27"]),
        ({"postprocess_kernel_cropland": 0}, "postprocess_kernel_cropland", ["at least 1, not 0"]),
        ({"postprocess_kernel_cropland": "3"}, "postprocess_kernel_cropland", ["whole number", "'3'"]),
        ({"postprocess_method_croptype": "median"}, "postprocess_method_croptype",
         ["Unknown crop-type post-processing method 'median'", "majority_vote or smooth_probabilities"]),
        ({"croptype_head_zip": "http://example.com/head.zip"}, "croptype_head_zip",
         ["crop-type head URL must be an https:// address", "only for localhost", "http://example.com/head.zip"]),
        ({"landcover_head_zip": "https://example.com/head.onnx"}, "landcover_head_zip",
         ["land-cover head URL must point to a .zip file", "head.onnx"]),
        ({"seasonal_model_zip": "s3://bucket/model.zip"}, "seasonal_model_zip", ["seasonal model URL", "https://"]),
        ({"aoi": Aoi.from_bbox(179.9, -17.0, 180.1, -16.9)}, "aoi", ["antimeridian"]),
        ({"aoi": Aoi(Polygon())}, "aoi", ["empty"]),
        ({"namespace": "http://example.com/udp.json"}, "namespace", ["UDP namespace URL", "https://"]),
    ],
)  # fmt: skip
def test_each_rule_has_a_precise_message(changes, field, fragments):
    message = _problem(_base(**changes), field)
    for fragment in fragments:
        assert fragment in message


def test_cropland_period_must_be_exactly_12_months():
    message = _problem(
        _base(udp.CROPLAND, temporal_extent=(date(2021, 1, 1), date(2021, 9, 30)),
              seasons={"tc-annual": (date(2021, 1, 1), date(2021, 9, 30))}),
        "temporal_extent",
    )  # fmt: skip
    assert "exactly 12 months, not 9" in message


def test_croptype_head_on_a_cropland_request_is_refused():
    message = _problem(_base(udp.CROPLAND, croptype_head_zip="https://example.com/h.zip"), "croptype_head_zip")
    assert "only used by crop-type maps" in message


def test_loopback_http_urls_are_allowed_for_the_local_backend():
    for url in ("http://127.0.0.1:5000/h.zip", "http://localhost/h.zip", "http://[::1]:8000/h.zip"):
        _base(croptype_head_zip=url, landcover_head_zip=url, seasonal_model_zip=url).validate(today=TODAY)


def test_too_large_aoi_message_gives_its_area_the_limit_and_the_way_out():
    aoi = Aoi.from_bbox(2.0, 50.0, 3.0, 51.0)  # 1° x 1° at 50.5°N: 111.2 km x 70.7 km ≈ 7,870 km²
    message = _problem(_base(aoi=aoi), "aoi")
    area = int(re.search(r"covers ([\d,]+) km²", message).group(1).replace(",", ""))
    assert 7_800 < area < 7_950
    assert "more than the 2,500 km² allowed per job" in message
    assert "tiled" in message


def test_area_limit_is_configurable():
    _base().validate(today=TODAY, max_area_km2=400)
    assert "100 km²" in _problem_with_limit(_base(), 100)


def _problem_with_limit(request: MapRequest, limit: float) -> str:
    with pytest.raises(InputError) as info:
        request.validate(today=TODAY, max_area_km2=limit)
    return str(info.value)


def test_problems_lists_every_bad_field_for_a_form():
    bad = _base(orbit_state="x", postprocess_kernel_croptype=8, croptype_head_zip="ftp://x/y.zip",
                seasons={"a b": (date(2021, 3, 1), date(2021, 8, 31))})  # fmt: skip
    fields = [p.field for p in bad.problems(today=TODAY)]
    assert fields == ["seasons", "orbit_state", "postprocess_kernel_croptype", "croptype_head_zip"]


def test_cropland_ignores_croptype_only_options():
    request = _base(udp.CROPLAND, postprocess_kernel_croptype=8, postprocess_method_croptype="x", mask_cropland=None)
    request.validate(today=TODAY)
    assert "postprocess_kernel_size_croptype" not in request.udp_arguments()


def test_smooth_probabilities_still_sends_a_valid_kernel(validators):
    request = _base(postprocess_method_croptype="smooth_probabilities")
    args = request.udp_arguments()
    assert args["postprocess_method_croptype"] == "smooth_probabilities"
    assert args["postprocess_kernel_size_croptype"] == 5
    assert list(validators[udp.CROPTYPE].iter_errors(args)) == []


# --------------------------------------------------------------------------- builders
def test_croptype_period_is_the_12_months_ending_with_the_latest_season():
    request = croptype_request(
        FLANDERS, {"tc-s1": ("2021-03-01", "2021-08-31"), "tc-s2": (date(2020, 11, 1), date(2021, 10, 31))}
    )
    assert request.temporal_extent == (date(2020, 11, 1), date(2021, 10, 31))
    assert list(request.seasons) == ["tc-s1", "tc-s2"]
    assert request.seasons["tc-s1"] == (date(2021, 3, 1), date(2021, 8, 31))
    request.validate(today=TODAY)


def test_croptype_request_accepts_an_explicit_period_and_options():
    request = croptype_request(
        FLANDERS,
        {"2021": ("2021-04-01", "2021-09-30")},
        temporal_extent=("2021-01-01", "2021-12-31"),
        orbit_state="ASCENDING",
        croptype_head_zip="https://example.com/head.zip",
    )
    assert request.temporal_extent == (date(2021, 1, 1), date(2021, 12, 31))
    assert request.udp_arguments()["orbit_state"] == "ASCENDING"
    assert request.udp_arguments()["croptype_head_zip"] == "https://example.com/head.zip"


def test_croptype_request_needs_a_season():
    with pytest.raises(InputError, match="at least one season") as info:
        croptype_request(FLANDERS, {})
    assert info.value.field == "seasons"


def test_croptype_request_reports_bad_date_strings():
    with pytest.raises(InputError, match="'2021-02-30' is not a valid date") as info:
        croptype_request(FLANDERS, {"tc-s1": ("2021-02-01", "2021-02-30")})
    assert info.value.field == "seasons"


def test_cropland_request_with_a_year_uses_the_calendar_year():
    request = cropland_request(FLANDERS, year=2021)
    assert request.temporal_extent == (date(2021, 1, 1), date(2021, 12, 31))
    assert request.seasons == {"tc-annual": (date(2021, 1, 1), date(2021, 12, 31))}
    request.validate(today=TODAY)


def test_cropland_request_with_a_period_and_custom_season_id():
    request = cropland_request(FLANDERS, temporal_extent=("2020-10-01", "2021-09-30"), season_id="2021")
    assert request.udp_arguments()["season_windows"] == {"2021": ["2020-10-01", "2021-09-30"]}
    assert request.udp_arguments()["season_ids"] == ["2021"]
    request.validate(today=TODAY)


def test_cropland_request_defaults_to_the_last_12_complete_months():
    request = cropland_request(FLANDERS)
    start, end = request.temporal_extent
    assert end == date.today().replace(day=1) - timedelta(days=1)
    assert months_between(start, end) == 12
    request.validate()


def test_cropland_request_refuses_year_and_period_together():
    with pytest.raises(InputError, match="either a year or a processing period"):
        cropland_request(FLANDERS, year=2021, temporal_extent=("2021-01-01", "2021-12-31"))


def test_cropland_arguments_match_the_library_example(validators):
    request = cropland_request(
        FLANDERS, temporal_extent=(date(2020, 10, 1), date(2021, 9, 30)), postprocess_kernel_cropland=5
    )
    args = request.udp_arguments()
    assert args == {
        "spatial_extent": {"west": 3.0, "south": 50.8, "east": 3.2, "north": 50.95, "crs": "EPSG:4326"},
        "temporal_extent": ["2020-10-01", "2021-09-30"],
        "orbit_state": "DESCENDING",
        "season_ids": ["tc-annual"],
        "season_windows": {"tc-annual": ["2020-10-01", "2021-09-30"]},
        "postprocess_method": "majority_vote",
        "postprocess_kernel_size": 5,
    }
    assert list(validators[udp.CROPLAND].iter_errors(args)) == []
    assert request.process_id == "worldcereal_crop_extent"


# --------------------------------------------------------------------------- title, description, JSON
def test_unknown_product_has_no_process_id():
    with pytest.raises(InputError, match="Unknown product 'landcover'"):
        _ = _base("landcover").process_id


def test_title_names_worldcereal_product_aoi_and_period():
    assert _base().title() == "WorldCereal Crop type – Flanders – 2020-10-01…2021-09-30"
    assert _base(udp.CROPLAND).title().startswith("WorldCereal Cropland – Flanders – ")


def test_description_lists_every_parameter():
    request = _base(croptype_head_zip="https://example.com/head.zip", orbit_state="ASCENDING")
    text = request.description()
    for fragment in [
        "worldcereal_crop_type", udp.NAMESPACES[udp.CROPTYPE], "Flanders", "2020-10-01 … 2021-09-30 (12 months)",
        "tc-s1 2021-03-01 … 2021-08-31", "tc-s2 2020-10-01 … 2021-03-31", "ASCENDING",
        "Post-processing cropland: majority_vote, kernel 3", "Post-processing croptype: majority_vote, kernel 5",
        "Cropland head: on; mask non-cropland: on", "Crop-type head: https://example.com/head.zip",
        "Land-cover head: default", "Seasonal model: default", "km²",
    ]:  # fmt: skip
        assert fragment in text, fragment


def test_json_round_trip_keeps_every_value_and_season_order():
    for request in VALID[:120]:
        text = json.dumps(request.to_dict())
        again = MapRequest.from_dict(json.loads(text))
        assert again == request
        assert list(again.seasons) == list(request.seasons)
        assert again.udp_arguments() == request.udp_arguments()


def test_from_dict_accepts_seasons_as_a_mapping_and_reports_missing_keys():
    data = _base().to_dict()
    data["seasons"] = {"tc-s2": ["2020-10-01", "2021-03-31"], "tc-s1": ["2021-03-01", "2021-08-31"]}
    assert list(MapRequest.from_dict(data).seasons) == ["tc-s2", "tc-s1"]
    del data["temporal_extent"]
    with pytest.raises(InputError, match="stored request is incomplete"):
        MapRequest.from_dict(data)
