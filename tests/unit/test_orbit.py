"""Sentinel-1 orbit selection against a local HTTP server that serves recorded-style CDSE catalogue answers.

Fixtures: tests/data/catalogue/<scenario>_<ORBIT>[_p2][_E|_W].json (see make_fixtures.py there for what each
holds; _E/_W: one side of 180°, see test_orbit_antimeridian.py).
The AOI is the bbox (4.0, 50.5, 4.5, 51.0) and the period 2021-01-01 .. 2021-12-31 in every scenario.
"""

from __future__ import annotations

import json
import socket
import threading
from datetime import date, datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from shapely.geometry import box

from worldcereal_qgis.core.errors import BackendError
from worldcereal_qgis.core.orbit import (
    OrbitChoice,
    choose_orbit,
    query_orbit_products,
    select_orbit,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "catalogue"
AOI = (4.0, 50.5, 4.5, 51.0)
START, END = date(2021, 1, 1), date(2021, 12, 31)
SEARCH_PATH = "/resto/api/collections/Sentinel1/search.json"


class _Catalogue(BaseHTTPRequestHandler):
    """GET /<scenario>/resto/api/collections/Sentinel1/search.json?orbitDirection=..&page=.. → fixture file."""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        self.server.requests.append({"path": parts.path, "raw": parts.query,
                                     "params": {k: v[0] for k, v in query.items()}})
        scenario = parts.path.split("/")[1]
        if scenario == "error500":
            return self._send(500, b'{"ErrorMessage": "Internal error", "ErrorCode": 500}')
        page = query.get("page", ["1"])[0]
        name = f"{scenario}_{query.get('orbitDirection', ['?'])[0]}" + ("" if page == "1" else f"_p{page}")
        fixture = DATA / f"{name}{_side(query)}.json"
        if not fixture.is_file():
            return self._send(404, b'{"ErrorMessage": "Not found"}')
        base = f"http://127.0.0.1:{self.server.server_port}/{scenario}{SEARCH_PATH}"
        return self._send(200, fixture.read_text().replace("__BASE__", base).encode())

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass


def _side(query: dict) -> str:
    """'_E' / '_W' for a box ending / starting at 180° (the fixtures of an AOI across 180°), else ''."""
    box_ = [float(v) for v in query.get("box", ["0,0,0,0"])[0].split(",")]
    return "_E" if box_[2] == 180.0 else "_W" if box_[0] == -180.0 else ""


@pytest.fixture(scope="module")
def catalogue():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Catalogue)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture()
def session():
    with requests.Session() as s:
        yield s


def _url(server, scenario: str) -> str:
    return f"http://127.0.0.1:{server.server_port}/{scenario}{SEARCH_PATH}"


def _select(server, session, scenario: str) -> OrbitChoice:
    server.requests.clear()
    return select_orbit(AOI, START, END, session=session, url=_url(server, scenario), cache={})


# --------------------------------------------------------------------------- query parameters


def test_query_sends_gfmap_parameters(catalogue, session):
    catalogue.requests.clear()
    products = query_orbit_products(AOI, START, END, "DESCENDING", session=session, url=_url(catalogue, "area"))
    assert len(catalogue.requests) == 1
    sent = catalogue.requests[0]
    assert sent["params"] == {
        "box": "4.0,50.5,4.5,51.0",
        "sortParam": "startDate",
        "maxRecords": "1000",
        "dataset": "ESA-DATASET",
        "startDate": "2021-01-01T00:00:00Z",
        "completionDate": "2021-12-31T00:00:00Z",
        "orbitDirection": "DESCENDING",
        "polarisation": "VV&VH",
    }
    assert "polarisation=VV%26VH" in sent["raw"]  # the '&' is encoded exactly like gfmap's hand-built URL
    # area_DESCENDING holds one track every 12 days from 2021-01-05: 30 acquisitions
    assert len(products) == 30
    assert products[0]["start"] == datetime(2021, 1, 5, 5, 50, 30, tzinfo=timezone.utc)
    assert products[0]["geometry"].contains(box(*AOI))


def test_query_follows_next_links(catalogue, session):
    catalogue.requests.clear()
    products = query_orbit_products(AOI, START, END, "DESCENDING", session=session, url=_url(catalogue, "paged"))
    assert [r["params"].get("page") for r in catalogue.requests] == [None, "2"]
    assert catalogue.requests[1]["params"]["orbitDirection"] == "DESCENDING"
    tracks = {round(p["geometry"].bounds[0], 1) for p in products}
    assert tracks == {1.0, 4.2}  # west pieces from page 1, east pieces from page 2


def test_query_ignores_non_grd_products(catalogue, session):
    products = query_orbit_products(AOI, START, END, "ASCENDING", session=session,
                                    url=_url(catalogue, "one_covers"))
    raw = json.loads((DATA / "one_covers_ASCENDING.json").read_text())["features"]
    assert len(raw) == len(products) + 1
    assert not any(p["geometry"].contains(box(*AOI)) for p in products)  # the covering SLC was dropped


def test_query_http_error_is_typed(catalogue, session):
    with pytest.raises(BackendError) as info:
        query_orbit_products(AOI, START, END, "ASCENDING", session=session, url=_url(catalogue, "error500"))
    assert info.value.http_status == 500
    assert str(info.value) == "The Copernicus catalogue answered with HTTP 500."


# --------------------------------------------------------------------------- the rule, end to end


def test_both_cover_larger_footprint_wins(catalogue, session):
    choice = _select(catalogue, session, "area")
    # every footprint contains the AOI, so "Nx" is the number of acquisitions: ASCENDING track 88 from Jan 3
    # (31 by Dec 29) + track 161 from Jan 8 (30 by Dec 22) = 61; DESCENDING track 37 from Jan 5 = 30
    assert choice == OrbitChoice(
        "ASCENDING",
        "Both orbits cover the area; ASCENDING has the larger total footprint over it (61.0x vs 30.0x the area).",
        False,
    )
    assert sorted(r["params"]["orbitDirection"] for r in catalogue.requests) == ["ASCENDING", "DESCENDING"]


def test_both_cover_gap_rule_beats_footprint(catalogue, session):
    choice = _select(catalogue, session, "gap")
    # ASCENDING has 36 covering acquisitions (4 tracks x 9, more footprint than DESCENDING's 30) but stops on
    # 2021-04-18 17:29 (track 139: Jan 12 + 12*8); to the period end 2021-12-31 00:00 that is 256 days 6.5 h
    # -> 256 whole days (gfmap floors with Timedelta.days); DESCENDING repeats every 12 days
    assert choice.orbit_state == "DESCENDING"
    assert choice.fallback is False
    assert choice.reason == ("Both orbits cover the area, but only DESCENDING has no gap longer than 60 days "
                             "between acquisitions (12 days vs 256 days).")


def test_only_one_orbit_covers(catalogue, session):
    choice = _select(catalogue, session, "one_covers")
    assert choice == OrbitChoice("DESCENDING", "DESCENDING is the only orbit whose acquisitions fully cover the area.",
                                 False)


def test_union_of_tracks_over_two_pages_counts_as_coverage(catalogue, session):
    choice = _select(catalogue, session, "paged")
    assert choice.orbit_state == "DESCENDING"
    assert not choice.fallback
    assert [r["params"].get("page") for r in catalogue.requests if r["params"]["orbitDirection"] == "DESCENDING"] \
        == [None, "2"]


@pytest.mark.parametrize("scenario", ["partial", "uncovered"])
def test_uncovered_falls_back_to_ascending(catalogue, session, scenario):
    choice = _select(catalogue, session, scenario)
    assert choice == OrbitChoice(
        "ASCENDING",
        "No Sentinel-1 VV+VH acquisitions of either orbit fully cover the area in this period, "
        "so ASCENDING is used as in the WorldCereal library.",
        True,
    )


def test_catalogue_down_falls_back_and_says_so(session):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    choice = select_orbit(AOI, START, END, session=session, url=f"http://127.0.0.1:{port}{SEARCH_PATH}", cache={})
    assert choice.orbit_state == "ASCENDING"
    assert choice.fallback is True
    assert choice.reason == ("The Copernicus catalogue could not be reached, so the Sentinel-1 orbit could not be "
                             "checked and ASCENDING (the WorldCereal library's default) is used.")


def test_http_error_falls_back_and_is_not_cached(catalogue, session):
    cache: dict = {}
    choice = select_orbit(AOI, START, END, session=session, url=_url(catalogue, "error500"), cache=cache)
    assert choice.fallback and choice.orbit_state == "ASCENDING"
    assert "HTTP 500" in choice.reason
    assert cache == {}


def test_answers_are_cached_per_bbox_and_period(catalogue, session):
    cache: dict = {}
    url = _url(catalogue, "one_covers")
    catalogue.requests.clear()
    first = select_orbit(AOI, START, END, session=session, url=url, cache=cache)
    second = select_orbit(AOI, START, END, session=session, url=url, cache=cache)
    assert first is second
    assert len(catalogue.requests) == 2  # one query per orbit, none for the cached answer
    select_orbit(AOI, START, date(2021, 6, 30), session=session, url=url, cache=cache)
    assert len(catalogue.requests) == 4  # another period is another question


# --------------------------------------------------------------------------- pure rule details


def _product(geometry, day: date) -> dict:
    return {"geometry": geometry, "start": datetime(day.year, day.month, day.day, 6, tzinfo=timezone.utc)}


def test_gap_counts_period_start_and_end():
    full = box(3, 50, 5, 52)
    asc = [_product(full, date(2021, 3, 5))]  # 63 days after Jan 1 -> too long
    desc = [_product(full, date(2021, 2, 27)), _product(full, date(2021, 4, 20))]  # 57, 52, 0 days
    choice = choose_orbit(AOI, {"ASCENDING": asc, "DESCENDING": desc}, period=(date(2021, 1, 1), date(2021, 4, 20)))
    assert choice.orbit_state == "DESCENDING"
    assert "(57 days vs 63 days)" in choice.reason


def test_equal_footprint_goes_to_descending_like_gfmap():
    full = box(3, 50, 5, 52)
    same = [_product(full, date(2021, 1, 10))]
    choice = choose_orbit(AOI, {"ASCENDING": same, "DESCENDING": same}, period=(date(2021, 1, 1), date(2021, 1, 31)))
    assert choice.orbit_state == "DESCENDING"
    assert "(1.0x vs 1.0x the area)" in choice.reason


def test_point_aoi_is_buffered_like_gfmap():
    point = (4.2001, 50.7001, 4.2001, 50.7001)
    small = box(4.19995, 50.69995, 4.20025, 50.70025)  # covers the point's 0.0001° buffer
    period = (date(2021, 1, 1), date(2021, 1, 31))
    one = choose_orbit(point, {"DESCENDING": [_product(small, date(2021, 1, 10))]}, period=period)
    assert one.orbit_state == "DESCENDING" and not one.fallback
    both = choose_orbit(point, {o: [_product(small, date(2021, 1, 10))] for o in ("ASCENDING", "DESCENDING")},
                        period=period)
    assert both.reason.endswith("(1.0x vs 1.0x the area).")  # a zero-area AOI would not get this far
