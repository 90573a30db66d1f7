"""#18 item 5: "Automatic" orbit for an area across the antimeridian (Fiji), against recorded-style catalogue answers.

The AOI is (178, -17.3, -179.7, -16.1), west > east as core/aoi.py gives it; the catalogue server of
test_orbit.py answers each side of 180° from tests/data/catalogue/dateline*_<ORBIT>_E|W.json and a wrapped box
(what the plugin sent before) with 404.
"""

from __future__ import annotations

from datetime import date

from tests.unit.test_orbit import _url, catalogue, session  # noqa: F401 (fixtures)
from worldcereal_qgis.core.aoi import Aoi
from worldcereal_qgis.core.orbit import OrbitChoice, query_orbit_products, select_orbit

FIJI = Aoi.from_bbox(178.0, -17.3, -179.7, -16.1, name="fiji")
START, END = date(2021, 1, 1), date(2021, 12, 31)


def _select(server, session_, scenario: str) -> OrbitChoice:  # noqa: F811
    server.requests.clear()
    return select_orbit(FIJI.bbox, START, END, session=session_, url=_url(server, scenario), cache={})


def test_each_side_of_180_is_queried_with_its_own_box(catalogue, session):  # noqa: F811
    assert FIJI.bbox == (178.0, -17.3, -179.7, -16.1)
    _select(catalogue, session, "dateline")
    sent = sorted((r["params"]["orbitDirection"], r["params"]["box"]) for r in catalogue.requests)
    assert sent == [("ASCENDING", "-180.0,-17.3,-179.7,-16.1"), ("ASCENDING", "178.0,-17.3,180.0,-16.1"),
                    ("DESCENDING", "-180.0,-17.3,-179.7,-16.1"), ("DESCENDING", "178.0,-17.3,180.0,-16.1")]


def test_only_the_orbit_covering_both_sides_is_chosen(catalogue, session):  # noqa: F811
    # ASCENDING covers the east box only (6-day repeat, more footprint); DESCENDING's footprints are rings
    # across 180° (177 -> -178.5) that cover both boxes once split at 180°
    choice = _select(catalogue, session, "dateline")
    assert choice == OrbitChoice("DESCENDING", "DESCENDING is the only orbit whose acquisitions fully cover the area.",
                                 False)


def test_a_product_found_on_both_sides_counts_once(catalogue, session):  # noqa: F811
    products = query_orbit_products(FIJI.bbox, START, END, "ASCENDING", session=session,
                                    url=_url(catalogue, "dateline_area"))
    assert len(products) == 31  # one track every 12 days from Jan 3, in both answers
    assert all(p["geometry"].geom_type == "MultiPolygon" for p in products)


def test_larger_footprint_over_both_sides_wins(catalogue, session):  # noqa: F811
    # boxes: east 2.0° x 1.2° and west 0.3° x 1.2° (2.76 deg²). ASCENDING: 31 acquisitions cut at 180°, each
    # covering both boxes -> 31.0x (62.0x if counted once per side). DESCENDING: 30 such acquisitions plus 30
    # of an east-only track covering 2.4 of the 2.76 deg² -> 30 + 30 * 2.4 / 2.76 = 56.1x
    choice = _select(catalogue, session, "dateline_area")
    assert choice == OrbitChoice(
        "DESCENDING",
        "Both orbits cover the area; DESCENDING has the larger total footprint over it (56.1x vs 31.0x the area).",
        False,
    )
