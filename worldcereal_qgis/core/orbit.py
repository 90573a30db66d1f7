"""Sentinel-1 orbit direction for an AOI and period, with openeo-gfmap's rule (docs/worldcereal-facts.md,
"Sentinel-1 orbit").

The v3 UDPs require ``orbit_state``; the library picks it with ``select_s1_orbitstate_vvvh``
(Open-EO/openeo-gfmap@maintenance/0.4.x, src/openeo_gfmap/utils/catalogue.py), which queries the CDSE
OpenSearch catalogue for VV+VH acquisitions of both orbits and prefers, in order: the only orbit whose
footprints fully cover the bbox; the only orbit whose largest gap between acquisitions (period start and end
included) is <= 60 days; the orbit with the larger summed footprint intersection. When neither covers the AOI
WorldCereal falls back to ASCENDING. Unlike the library, a catalogue that cannot be reached also falls back
(the job stays possible) and the reason says so.

Query parameters are gfmap's, plus OpenSearch pagination (``properties.links`` rel ``next``); products whose
``productType`` is not a GRD are ignored client-side, as the openEO collection is SENTINEL1_GRD.

Across the antimeridian (a bbox with west > east, see core/aoi.py) gfmap's single box query would ask for the
rest of the world. Each side of 180° is queried with its own box instead and the products of an orbit merged
(a footprint split at 180° comes back from both sides: counted once, by its id); the rule then runs on the two
boxes together, so "covers" means both sides are covered (docs/worldcereal-facts.md).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from .errors import BackendError

CATALOGUE_URL = "https://catalogue.dataspace.copernicus.eu/resto/api/collections/Sentinel1/search.json"
ORBIT_STATES = ("ASCENDING", "DESCENDING")
FALLBACK_ORBIT = "ASCENDING"
MAX_TEMPORAL_GAP_DAYS = 60
MAX_RECORDS = 1000
MAX_PAGES = 20
_POINT_BUFFER = 0.0001  # degrees; gfmap buffers a point AOI by this much

_log = logging.getLogger(__name__)
_CACHE: dict[tuple, OrbitChoice] = {}


@dataclass(frozen=True)
class OrbitChoice:
    """The orbit to send as ``orbit_state`` and one English sentence saying why (logs, job records); ``code`` and
    ``values`` say the same for front ends that word it in the user's language: ``no_cover``, ``only_cover``,
    ``no_long_gap`` (gap, days, other_days), ``larger_footprint`` (cover, other_cover), ``not_checked`` (error)."""

    orbit_state: str
    reason: str
    fallback: bool
    code: str = field(default="", compare=False)
    values: dict = field(default_factory=dict, compare=False)


# --------------------------------------------------------------------------- catalogue


def query_boxes(bbox: tuple[float, float, float, float]) -> list[tuple[float, float, float, float]]:
    """The boxes to query: the bbox itself, or one box on each side of 180° when west > east."""
    west, south, east, north = (float(v) for v in bbox)
    if west <= east:
        return [(west, south, east, north)]
    return [(west, south, 180.0, north), (-180.0, south, east, north)]


def catalogue_params(bbox: tuple[float, float, float, float], start: date, end: date, orbit_state: str) -> dict:
    """gfmap's OpenSearch parameters; ``requests`` encodes ``VV&VH`` as ``VV%26VH`` like gfmap's URL."""
    minx, miny, maxx, maxy = _query_bounds(bbox)
    return {
        "box": f"{minx},{miny},{maxx},{maxy}",
        "sortParam": "startDate",
        "maxRecords": str(MAX_RECORDS),
        "dataset": "ESA-DATASET",
        "startDate": f"{start.isoformat()}T00:00:00Z",
        "completionDate": f"{end.isoformat()}T00:00:00Z",
        "orbitDirection": orbit_state,
        "polarisation": "VV&VH",
    }


def query_orbit_products(
    bbox: tuple[float, float, float, float],
    start: date,
    end: date,
    orbit_state: str,
    *,
    session: Any,
    url: str = CATALOGUE_URL,
    timeout: float = 30,
) -> list[dict]:
    """All GRD VV+VH acquisitions of one orbit as ``{"id", "geometry": shapely geometry, "start": datetime}``.

    A bbox across 180° is queried side by side; a product found on both sides is kept once.
    Raises BackendError when the catalogue cannot be reached or answers with an error.
    """
    if orbit_state not in ORBIT_STATES:
        raise ValueError(f"orbit_state must be one of {ORBIT_STATES}")
    merged: dict = {}
    for side in query_boxes(bbox):
        for product in _query_box(side, start, end, orbit_state, session=session, url=url, timeout=timeout):
            merged.setdefault(product["id"], product)
    return list(merged.values())


def _query_box(bbox: tuple, start: date, end: date, orbit_state: str, *, session: Any, url: str,
               timeout: float) -> list[dict]:
    """Every page of one box query (west <= east)."""
    products: list[dict] = []
    next_url: str | None = url
    params: dict | None = catalogue_params(bbox, start, end, orbit_state)
    for _ in range(MAX_PAGES):
        page = _get_json(session, next_url, params, timeout)
        products.extend(_parse_products(page))
        next_url, params = _next_link(page), None  # the next link already carries every parameter
        if not next_url or not page.get("features"):
            break
    return products


def _get_json(session: Any, url: str, params: dict | None, timeout: float) -> dict:
    try:
        response = session.get(url, params=params, timeout=timeout)
    except Exception as exc:  # requests raises ConnectionError/Timeout/..., all mean "not reachable"
        raise BackendError("The Copernicus catalogue could not be reached.", details=str(exc)) from exc
    if response.status_code != 200:
        raise BackendError(f"The Copernicus catalogue answered with HTTP {response.status_code}.",
                           http_status=response.status_code, details=response.text[:500])
    try:
        body = response.json()
    except ValueError as exc:
        raise BackendError("The Copernicus catalogue returned an unreadable answer.", details=str(exc)) from exc
    if not isinstance(body, dict) or not isinstance(body.get("features"), list):
        raise BackendError("The Copernicus catalogue returned an unexpected answer.", details=str(body)[:500])
    return body


def _next_link(page: dict) -> str | None:
    links = (page.get("properties") or {}).get("links") or []
    return next((link.get("href") for link in links if link.get("rel") == "next" and link.get("href")), None)


def _parse_products(page: dict) -> list[dict]:
    """Id, geometry + start time of each GRD feature; features without either are skipped, like gfmap.

    Footprints across 180° are split there (a ring jumping from 179.9 to -179.9, or longitudes beyond 180),
    so they intersect the query boxes on both sides.
    """
    from shapely.geometry import shape

    from .aoi import split_at_antimeridian

    products = []
    for feature in page["features"]:
        props = feature.get("properties") or {}
        if "GRD" not in str(props.get("productType", "GRD")):
            continue
        if not feature.get("geometry") or "startDate" not in props:
            _log.warning("Catalogue product %s has no geometry or startDate; skipped.", props.get("title"))
            continue
        geometry = split_at_antimeridian(shape(feature["geometry"]))
        start = _parse_time(props["startDate"])
        key = feature.get("id") or props.get("title") or (start, geometry.wkb)
        products.append({"id": key, "geometry": geometry, "start": start})
    return products


def _parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


# --------------------------------------------------------------------------- the rule


def choose_orbit(
    bbox: tuple[float, float, float, float],
    products_by_orbit: dict[str, list[dict]],
    *,
    period: tuple[date, date],
    max_gap_days: int = MAX_TEMPORAL_GAP_DAYS,
) -> OrbitChoice:
    """gfmap's ``select_s1_orbitstate_vvvh`` decision on already fetched products (pure, no network)."""
    from shapely.geometry import MultiPolygon, box

    sides = [box(*_query_bounds(side)) for side in query_boxes(bbox)]
    aoi = sides[0] if len(sides) == 1 else MultiPolygon(sides)
    stats = {o: _orbit_stats(aoi, products_by_orbit.get(o, []), period) for o in ORBIT_STATES}
    covers = {o: s["covers"] for o, s in stats.items()}
    if not any(covers.values()):
        return OrbitChoice(FALLBACK_ORBIT, "No Sentinel-1 VV+VH acquisitions of either orbit fully cover the area "
                           f"in this period, so {FALLBACK_ORBIT} is used as in the WorldCereal library.", True,
                           "no_cover")
    if covers["ASCENDING"] != covers["DESCENDING"]:
        orbit = "ASCENDING" if covers["ASCENDING"] else "DESCENDING"
        return OrbitChoice(orbit, f"{orbit} is the only orbit whose acquisitions fully cover the area.", False,
                           "only_cover")
    too_long = {o: s["gap"] > max_gap_days for o, s in stats.items()}
    if too_long["ASCENDING"] != too_long["DESCENDING"]:
        orbit, other = ("DESCENDING", "ASCENDING") if too_long["ASCENDING"] else ("ASCENDING", "DESCENDING")
        return OrbitChoice(orbit, f"Both orbits cover the area, but only {orbit} has no gap longer than "
                           f"{max_gap_days} days between acquisitions ({stats[orbit]['gap']} days vs "
                           f"{stats[other]['gap']} days).", False, "no_long_gap",
                           {"gap": max_gap_days, "days": stats[orbit]["gap"], "other_days": stats[other]["gap"]})
    orbit = "ASCENDING" if stats["ASCENDING"]["area"] > stats["DESCENDING"]["area"] else "DESCENDING"
    other = "DESCENDING" if orbit == "ASCENDING" else "ASCENDING"
    cover = {o: stats[o]["area"] / aoi.area for o in ORBIT_STATES}
    return OrbitChoice(orbit, f"Both orbits cover the area; {orbit} has the larger total footprint over it "
                       f"({cover[orbit]:.1f}x vs {cover[other]:.1f}x the area).", False, "larger_footprint",
                       {"cover": cover[orbit], "other_cover": cover[other]})


def _orbit_stats(aoi: Any, products: list[dict], period: tuple[date, date]) -> dict:
    """Full coverage (union contains the AOI), largest gap in days, summed intersection area."""
    from shapely.ops import unary_union

    geometries = [p["geometry"] for p in products]
    covers = bool(geometries) and unary_union(geometries).contains(aoi)
    area = sum(g.intersection(aoi).area for g in geometries)
    return {"covers": covers, "gap": _max_gap_days(period, [p["start"] for p in products]), "area": area}


def _max_gap_days(period: tuple[date, date], starts: list[datetime]) -> int:
    """Largest gap in whole days, counting from the period start and up to the period end (gfmap)."""
    edges = [datetime(d.year, d.month, d.day, tzinfo=timezone.utc) for d in period]
    moments = sorted([edges[0], *starts, edges[1]])
    return max((b - a).days for a, b in zip(moments, moments[1:]))


def _query_bounds(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The bbox, widened by gfmap's point buffer when it has no width or height."""
    west, south, east, north = (float(v) for v in bbox)
    if west == east:
        west, east = west - _POINT_BUFFER, east + _POINT_BUFFER
    if south == north:
        south, north = south - _POINT_BUFFER, north + _POINT_BUFFER
    return west, south, east, north


# --------------------------------------------------------------------------- entry point


def select_orbit(
    bbox: tuple[float, float, float, float],
    start: date,
    end: date,
    *,
    session: Any,
    url: str = CATALOGUE_URL,
    cache: dict | None = None,
) -> OrbitChoice:
    """Query both orbits and apply the rule; a catalogue failure gives the fallback orbit (not cached)."""
    store = _CACHE if cache is None else cache
    key = (tuple(round(float(v), 6) for v in bbox), start, end, url)
    if key in store:
        return store[key]
    try:
        products = {o: query_orbit_products(bbox, start, end, o, session=session, url=url) for o in ORBIT_STATES}
    except BackendError as exc:
        # text only: a record holding the exception would keep its traceback's frames (QGIS objects) alive
        _log.warning("Orbit selection fell back: %s (%s)", str(exc), exc.details)
        reason = (f"{str(exc).rstrip('.')}, so the Sentinel-1 orbit could not be checked and {FALLBACK_ORBIT} "
                  "(the WorldCereal library's default) is used.")
        return OrbitChoice(FALLBACK_ORBIT, reason, True, "not_checked", {"error": str(exc).rstrip(".")})
    choice = choose_orbit(bbox, products, period=(start, end))
    store[key] = choice
    return choice
