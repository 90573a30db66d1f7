"""#18 item 5 through the QGIS side: a layer split at ±180° (as country layers are) -> adapters/aoi -> the one
orbit path adapters/connections.select_orbit (dock and Processing), against recorded-style catalogue answers."""

from __future__ import annotations

from datetime import date

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from tests.unit.test_orbit import _url, catalogue  # noqa: F401 (fixture)
from worldcereal_qgis.adapters import connections
from worldcereal_qgis.adapters.aoi import aoi_from_geometry

SPLIT_AT_180 = ("MULTIPOLYGON(((178 -17.3, 180 -17.3, 180 -16.1, 178 -16.1, 178 -17.3)),"
                "((-180 -17.3, -179.7 -17.3, -179.7 -16.1, -180 -16.1, -180 -17.3)))")


def test_orbit_for_a_layer_split_at_180_is_chosen_from_both_sides(catalogue):  # noqa: F811
    aoi = aoi_from_geometry(QgsGeometry.fromWkt(SPLIT_AT_180), QgsCoordinateReferenceSystem("EPSG:4326"), "fiji")
    catalogue.requests.clear()
    choice = connections.select_orbit(aoi.bbox, (date(2021, 1, 1), date(2021, 12, 31)),
                                      _url(catalogue, "dateline"))
    assert (choice.orbit_state, choice.fallback) == ("DESCENDING", False)
    assert choice.reason == "DESCENDING is the only orbit whose acquisitions fully cover the area."
    assert {r["params"]["box"] for r in catalogue.requests} == {"178.0,-17.3,180.0,-16.1",
                                                                  "-180.0,-17.3,-179.7,-16.1"}
