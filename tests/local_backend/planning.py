"""Decide what a submitted process graph asks for: a WorldCereal map (UDP call) or a point extraction."""

from __future__ import annotations

from dataclasses import dataclass

from openeo_driver.errors import OpenEOApiException, ProcessParameterInvalidException, ProcessUnsupportedException

from tests.local_backend.udp import PROCESS_IDS
from tests.local_backend.validation import resolve_arguments

EXTRACTION = "point_extraction"


@dataclass(frozen=True)
class Plan:
    kind: str  # "map" or "extraction"
    process_id: str
    arguments: dict


def plan_job(process_graph: dict, udps: dict[str, dict]) -> Plan:
    """Validate the graph's WorldCereal call (or point extraction) and return its resolved arguments."""
    nodes = [n for n in process_graph.values() if isinstance(n, dict)]
    for node in nodes:
        if node.get("process_id") in PROCESS_IDS:
            return _map_plan(node, udps)
    if _is_point_extraction(nodes):
        return _extraction_plan(nodes)
    raise OpenEOApiException(
        status_code=400,
        code="ProcessUnsupported",
        message="This local backend only runs worldcereal_crop_extent, worldcereal_crop_type "
        "and point extractions (aggregate_spatial saved as Parquet).",
    )


def _map_plan(node: dict, udps: dict[str, dict]) -> Plan:
    process_id, namespace = node["process_id"], node.get("namespace")
    doc = udps.get(namespace or "")
    if doc is None:
        raise ProcessUnsupportedException(process=process_id, namespace=namespace or "backend")
    arguments = {k: v for k, v in node.get("arguments", {}).items() if not _is_parameter_ref(v)}
    return Plan("map", process_id, resolve_arguments(process_id, doc.get("parameters", []), arguments))


def _is_parameter_ref(value: object) -> bool:
    # No job-level parameters exist, so a reference means "not given": the UDP default applies.
    return isinstance(value, dict) and set(value) == {"from_parameter"}


def _is_point_extraction(nodes: list[dict]) -> bool:
    saves_parquet = any(
        n.get("process_id") == "save_result" and str(n.get("arguments", {}).get("format", "")).lower() == "parquet"
        for n in nodes
    )
    return saves_parquet and any(n.get("process_id") == "aggregate_spatial" for n in nodes)


def _extraction_plan(nodes: list[dict]) -> Plan:
    agg = next(n for n in nodes if n.get("process_id") == "aggregate_spatial")
    geometries = agg.get("arguments", {}).get("geometries")
    if not (isinstance(geometries, dict) and geometries.get("type") == "FeatureCollection"
            and geometries.get("features")):
        raise ProcessParameterInvalidException(
            parameter="geometries", process="aggregate_spatial",
            reason="expected an inline GeoJSON FeatureCollection with at least one point.",
        )
    extents = [
        n["arguments"]["temporal_extent"]
        for n in nodes
        if n.get("process_id") in ("load_collection", "load_stac") and n.get("arguments", {}).get("temporal_extent")
    ]
    if not extents:
        raise ProcessParameterInvalidException(
            parameter="temporal_extent", process="load_collection", reason="no temporal extent in the graph."
        )
    return Plan(EXTRACTION, EXTRACTION, {"geometries": geometries, "temporal_extent": list(extents[0])})
