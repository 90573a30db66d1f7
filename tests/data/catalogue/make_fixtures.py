"""Rebuild the recorded-style CDSE OpenSearch (resto) answers used by tests/unit/test_orbit.py.

Run: .venv/bin/python tests/data/catalogue/make_fixtures.py
The layout follows resto's search.json: a GeoJSON FeatureCollection whose ``properties`` carry
``totalResults``/``exactCount``/``startIndex``/``itemsPerPage`` and ``links`` (rel ``self``, ``next``), and whose
features carry the product footprint and ``properties.startDate``, ``orbitDirection``, ``polarisation``,
``productType``. ``__BASE__`` in a ``next`` link is replaced by the test server with its own search URL.

All scenarios use the period 2021-01-01 .. 2021-12-31 and the AOI bbox (4.0, 50.5, 4.5, 51.0), except the
``dateline*`` ones: an AOI across the antimeridian (178, -17.3, -179.7, -16.1) (Fiji), queried once per side of
180°; their files end in ``_E`` (the box 178..180) or ``_W`` (the box -180..-179.7).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERY = ("box=4.0,50.5,4.5,51.0&sortParam=startDate&maxRecords=1000&dataset=ESA-DATASET"
         "&startDate=2021-01-01T00:00:00Z&completionDate=2021-12-31T00:00:00Z&polarisation=VV%26VH")


def footprint(west: float, south: float, east: float, north: float, skew: float) -> dict:
    """A slanted quadrilateral like an IW swath (skew > 0 for ascending, < 0 for descending)."""
    ring = [[west - skew, south], [east - skew, south], [east + skew, north], [west + skew, north]]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def feature(when: datetime, orbit: str, rel_orbit: int, geometry: dict, product_type: str = "IW_GRDH_1S") -> dict:
    platform = "S1A" if rel_orbit % 2 else "S1B"
    stamp = when.strftime("%Y%m%dT%H%M%S")
    title = f"{platform}_IW_{product_type[3:7]}_1SDV_{stamp}_{stamp}_0{rel_orbit:05d}_0ABCDE_1234.SAFE"
    return {
        "type": "Feature",
        "id": f"{rel_orbit:04d}{stamp}",
        "geometry": geometry,
        "properties": {
            "collection": "SENTINEL-1",
            "status": "ONLINE",
            "title": title,
            "startDate": when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z",
            "completionDate": (when + timedelta(seconds=25)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z",
            "productType": product_type,
            "processingLevel": "LEVEL1",
            "platform": platform,
            "instrument": "SAR",
            "sensorMode": "IW",
            "orbitDirection": orbit,
            "relativeOrbitNumber": rel_orbit,
            "polarisation": "VV&VH",
            "swath": "IW",
            "timeliness": "Fast-24h",
            "links": [{"rel": "self", "type": "application/json", "title": "GeoJSON link",
                       "href": f"https://catalogue.dataspace.copernicus.eu/resto/collections/SENTINEL-1/{rel_orbit}.json"}],
        },
    }


def track(orbit: str, rel_orbit: int, first: datetime, until: datetime, geometry: dict, every: int = 12) -> list:
    out, when = [], first
    while when <= until:
        out.append(feature(when, orbit, rel_orbit, geometry))
        when += timedelta(days=every)
    return out


def collection(features: list, orbit: str, next_page: int | None = None, query: str = QUERY) -> dict:
    links = [{"rel": "self", "type": "application/json", "title": "self",
              "href": f"https://catalogue.dataspace.copernicus.eu/resto/api/collections/Sentinel1/search.json?{query}"
                      f"&orbitDirection={orbit}"}]
    if next_page:
        links.append({"rel": "next", "type": "application/json", "title": "next",
                      "href": f"__BASE__?{QUERY}&orbitDirection={orbit}&page={next_page}"})
    return {
        "type": "FeatureCollection",
        "properties": {"id": "a7d5b0e2-0000-4000-8000-000000000000", "totalResults": None, "exactCount": 0,
                       "startIndex": 1, "itemsPerPage": len(features), "links": links},
        "features": features,
    }


def write(name: str, body: dict) -> None:
    (HERE / f"{name}.json").write_text(json.dumps(body, indent=1) + "\n")


END = datetime(2021, 12, 31)
FULL_ASC = footprint(2.6, 49.7, 5.6, 51.8, 0.4)
FULL_DESC = footprint(2.9, 49.6, 5.9, 51.7, -0.4)
WEST_ONLY = footprint(1.0, 49.7, 4.2, 51.8, 0.0)      # east edge 4.2 < 4.5: misses the AOI's east part
EAST_ONLY = footprint(4.3, 49.6, 7.0, 51.7, 0.0)      # west edge 4.3 > 4.0
WEST_PIECE = footprint(1.0, 49.7, 4.3, 51.8, 0.0)     # with EAST_PIECE the union covers the AOI
EAST_PIECE = footprint(4.2, 49.6, 7.0, 51.7, 0.0)
SOUTH_ONLY = footprint(2.0, 49.0, 6.5, 50.7, 0.0)

# Across 180°: the east box is 178..180, the west box -180..-179.7 (both -17.3..-16.1)
SIDE_QUERY = {side: QUERY.replace("box=4.0,50.5,4.5,51.0", f"box={box}")
              for side, box in (("E", "178.0,-17.3,180.0,-16.1"), ("W", "-180.0,-17.3,-179.7,-16.1"))}
EAST_OF_180 = footprint(176.0, -18.5, 180.0, -15.0, 0.0)  # covers the east box only
# GeoJSON's recommended form (RFC 7946 3.1.9): cut at 180° into a MultiPolygon; covers both boxes
CUT_AT_180 = {"type": "MultiPolygon", "coordinates": [
    [[[177.0, -18.5], [180.0, -18.5], [180.0, -15.0], [177.0, -15.0], [177.0, -18.5]]],
    [[[-180.0, -18.5], [-178.5, -18.5], [-178.5, -15.0], [-180.0, -15.0], [-180.0, -18.5]]]]}
# A footprint reprojected without cutting: one ring whose edges jump from 177 to -178.5; covers both boxes
RING_ACROSS_180 = {"type": "Polygon", "coordinates": [
    [[177.0, -18.5], [-178.5, -18.5], [-178.5, -15.0], [177.0, -15.0], [177.0, -18.5]]]}


def sides(name: str, orbit: str, east: list, west: list) -> None:
    """One answer per side of 180°; a footprint across 180° is in both, as the catalogue returns it."""
    write(f"{name}_{orbit}_E", collection(east, orbit, query=SIDE_QUERY["E"]))
    write(f"{name}_{orbit}_W", collection(west, orbit, query=SIDE_QUERY["W"]))


def main() -> None:
    t = datetime
    # 1. both orbits cover; gaps 12 days; ASCENDING has two tracks -> larger summed footprint (rule 3)
    write("area_ASCENDING", collection(track("ASCENDING", 88, t(2021, 1, 3, 17, 33, 10), END, FULL_ASC)
                                       + track("ASCENDING", 161, t(2021, 1, 8, 17, 41, 2), END, FULL_ASC),
                                       "ASCENDING"))
    write("area_DESCENDING", collection(track("DESCENDING", 37, t(2021, 1, 5, 5, 50, 30), END, FULL_DESC),
                                        "DESCENDING"))
    # 2. both cover; ASCENDING has more footprint (36 vs 30 acquisitions) but stops in April
    #    -> the gap rule picks DESCENDING (rule 2)
    stop = t(2021, 4, 20)
    write("gap_ASCENDING", collection(track("ASCENDING", 88, t(2021, 1, 3, 17, 33, 10), stop, FULL_ASC)
                                      + track("ASCENDING", 161, t(2021, 1, 8, 17, 41, 2), stop, FULL_ASC)
                                      + track("ASCENDING", 15, t(2021, 1, 10, 17, 25, 44), stop, FULL_ASC)
                                      + track("ASCENDING", 139, t(2021, 1, 12, 17, 29, 51), stop, FULL_ASC),
                                      "ASCENDING"))
    write("gap_DESCENDING", collection(track("DESCENDING", 37, t(2021, 1, 5, 5, 50, 30), END, FULL_DESC),
                                       "DESCENDING"))
    # 3. only DESCENDING covers; ASCENDING has more (partial) footprint and one SLC that covers (ignored)
    asc = (track("ASCENDING", 88, t(2021, 1, 3, 17, 33, 10), END, WEST_ONLY, every=6)
           + [feature(t(2021, 6, 1, 17, 33, 10), "ASCENDING", 88, FULL_ASC, product_type="IW_SLC__1S")])
    write("one_covers_ASCENDING", collection(asc, "ASCENDING"))
    write("one_covers_DESCENDING", collection(track("DESCENDING", 37, t(2021, 1, 5, 5, 50, 30), END, FULL_DESC),
                                              "DESCENDING"))
    # 4. DESCENDING covers only through the union of two tracks, delivered on two pages
    write("paged_ASCENDING", collection(track("ASCENDING", 88, t(2021, 1, 3, 17, 33, 10), END, SOUTH_ONLY),
                                        "ASCENDING"))
    write("paged_DESCENDING", collection(track("DESCENDING", 37, t(2021, 1, 5, 5, 50, 30), END, WEST_PIECE),
                                         "DESCENDING", next_page=2))
    write("paged_DESCENDING_p2", collection(track("DESCENDING", 110, t(2021, 1, 7, 5, 58, 3), END, EAST_PIECE),
                                            "DESCENDING"))
    # 5. partial coverage in both orbits: neither union contains the AOI -> library fallback
    write("partial_ASCENDING", collection(track("ASCENDING", 88, t(2021, 1, 3, 17, 33, 10), END, WEST_ONLY),
                                          "ASCENDING"))
    write("partial_DESCENDING", collection(track("DESCENDING", 37, t(2021, 1, 5, 5, 50, 30), END, EAST_ONLY),
                                           "DESCENDING"))
    # 6. nothing at all
    write("uncovered_ASCENDING", collection([], "ASCENDING"))
    write("uncovered_DESCENDING", collection([], "DESCENDING"))
    # 7. across 180°: ASCENDING covers the east box only; DESCENDING's footprints are uncut rings across 180°
    #    that cover both boxes -> only DESCENDING covers
    asc = track("ASCENDING", 88, t(2021, 1, 3, 6, 40, 12), END, EAST_OF_180, every=6)
    sides("dateline", "ASCENDING", asc, [])
    desc = track("DESCENDING", 37, t(2021, 1, 5, 17, 52, 30), END, RING_ACROSS_180)
    sides("dateline", "DESCENDING", desc, desc)
    # 8. across 180°: both cover; ASCENDING's one track (cut at 180°, 31 acquisitions) is in both answers and
    #    counts once; DESCENDING adds an east-only track to its own cut track -> the larger footprint
    asc = track("ASCENDING", 88, t(2021, 1, 3, 6, 40, 12), END, CUT_AT_180)
    sides("dateline_area", "ASCENDING", asc, asc)
    cut = track("DESCENDING", 37, t(2021, 1, 5, 17, 52, 30), END, CUT_AT_180)
    east = track("DESCENDING", 110, t(2021, 1, 7, 17, 44, 9), END, EAST_OF_180)
    sides("dateline_area", "DESCENDING", cut + east, cut)


if __name__ == "__main__":
    main()
