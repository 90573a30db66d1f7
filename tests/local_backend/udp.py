"""The two WorldCereal v3.0.1 UDPs, resolved from local JSON files instead of their namespace URLs.

openeo-driver downloads every ``namespace`` URL with ``requests.get`` on job creation; offline that fails,
so ``install_namespace_resolver`` swaps that lookup for one that reads the pinned local copies.
Re-check ``openeo_driver.processgraph._get_process_definition_from_url`` when upgrading openeo-driver.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

RAW_URL = (
    "https://raw.githubusercontent.com/WorldCereal/worldcereal-classification/refs/tags/"
    "{pid}_v{version}/scripts/udp/{pid}.json"
)
PROCESS_IDS = ("worldcereal_crop_extent", "worldcereal_crop_type")
_FILE_RE = re.compile(r"^(?P<pid>worldcereal_crop_\w+?)_v(?P<version>\d+\.\d+\.\d+)\.json$")


def load_udps(udp_dir: Path) -> dict[str, dict]:
    """Map namespace URL -> UDP document, for every ``<id>_v<version>.json`` in ``udp_dir``."""
    udps = {}
    for path in sorted(Path(udp_dir).glob("*.json")):
        match = _FILE_RE.match(path.name)
        if not match:
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        udps[RAW_URL.format(**match.groupdict())] = doc
    if not udps:
        raise FileNotFoundError(f"No WorldCereal UDP JSON files found in {udp_dir}.")
    return udps


def install_namespace_resolver(udps: dict[str, dict]) -> None:
    """Make openeo-driver resolve namespace URLs from ``udps`` (and refuse any other URL)."""
    from openeo_driver import processgraph
    from openeo_driver.errors import OpenEOApiException

    def resolve(process_id: str, url: str) -> processgraph.ProcessDefinition:
        doc = udps.get(url)
        if doc is None or doc.get("id") != process_id:
            raise OpenEOApiException(
                status_code=400,
                code="ProcessNamespaceInvalid",
                message=f"Process '{process_id}' with namespace '{url}' is not available on this backend.",
            )
        return processgraph.ProcessDefinition(
            id=process_id,
            process_graph=doc["process_graph"],
            parameters=doc.get("parameters", []),
            returns=doc.get("returns"),
            default_job_options=doc.get("default_job_options"),
        )

    processgraph._get_process_definition_from_url = resolve
