"""Simulated outputs of the local openEO backend: WorldCereal maps, point extractions and credits.

The files have exactly the layout of real CDSE results (reference_output/, extractions/) so the plugin's
loading, styling and parsing code is tested against the real format; the values are simulated (and say so).
Runs in .venv-backend. CLI for tests running in another venv:

    python -m tests.local_backend.simulate map PROCESS_ID ARGS_JSON OUT_DIR [--job-id ID]
    python -m tests.local_backend.simulate extract GEOMETRIES_JSON START END OUT_DIR [--job-id ID] [--title T]
    python -m tests.local_backend.simulate credits PROCESS_ID ARGS_JSON DURATION_S
    python -m tests.local_backend.simulate classes HEAD_ZIP
    python -m tests.local_backend.simulate parquet-schema PATH
    python -m tests.local_backend.simulate parquet-rows PATH [--limit N]

ARGS_JSON / GEOMETRIES_JSON are inline JSON or a path to a JSON file; results are printed as JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path
from typing import Any, BinaryIO, Optional, Union

import numpy as np

from . import sim_points
from .sim_geotiff import stac_asset, write_product
from .sim_grid import SimulationError, grid_for_extent
from .sim_products import CROP_EXTENT, CROP_TYPE, iter_bands, make_plan

__all__ = [
    "DEFAULT_CROPTYPE_CLASSES",
    "SIMULATED_NOTE",
    "SimulationError",
    "estimate_credits",
    "head_zip_classes",
    "simulate_map",
    "simulate_point_extraction",
]

SIMULATED_NOTE = "Simulated by the worldcereal_qgis local openEO backend: not a real WorldCereal map."
DEFAULT_CROPTYPE_CLASSES: list[str] = [
    "wheat", "barley", "rye", "oats", "maize", "sorghum", "rice", "millet", "vegetables", "beet",
    "dry_pulses_legumes", "sunflower", "soy_soybeans", "rapeseed_rape", "other_oilseed", "groundnuts",
    "fibre_crops", "potatoes", "cassava", "tobacco", "grass_fodder_crops", "sugar_cane", "no_crop",
]
MAP_CREDITS_PER_KM2 = 0.13  # Gisat app figures: 0.10-0.16 credits/km2 (reference §6)
MIN_JOB_CREDITS = 2.0  # CDSE batch-job start-up/storage cost
EXTRACTION_CREDITS_PER_POINT = 30.0 / 250  # "about 30 credits per extraction job" of a few hundred points
CREDITS_PER_MINUTE = 0.5  # CPU/memory time on top of the area-based part
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def simulate_map(process_id: str, arguments: dict, out_dir: Path, *, job_id: str) -> dict[str, dict]:
    """Write the product GeoTIFF into out_dir; return {asset_name: STAC asset dict} with href = file name."""
    classes = _request_classes(arguments) if process_id == CROP_TYPE else []
    plan = make_plan(process_id, arguments, classes)
    grid = grid_for_extent(arguments.get("spatial_extent") or {})
    rng = np.random.default_rng(request_seed(process_id, arguments))
    path = Path(out_dir) / f"{process_id}.tif"
    path.parent.mkdir(parents=True, exist_ok=True)
    names = plan.band_names()
    tags = {"WORLDCEREAL_SIMULATED": SIMULATED_NOTE, "WORLDCEREAL_JOB_ID": job_id}
    raster_bands = write_product(path, grid, names, iter_bands(plan, grid.height, grid.width, rng), tags)
    return {path.name: stac_asset(path, grid, raster_bands, SIMULATED_NOTE)}


def simulate_point_extraction(
    geometries: dict,
    temporal_extent: list[str],
    out_dir: Path,
    *,
    job_id: str,
    title: Optional[str] = None,
) -> dict[str, dict]:
    """Write the extraction GeoParquet (real long format, one row per sample x month); return its asset."""
    seed = request_seed("point_extraction", {"geometries": geometries, "temporal_extent": temporal_extent})
    return sim_points.write_extraction(
        geometries, temporal_extent, Path(out_dir), job_id=job_id, title=title, seed=seed, note=SIMULATED_NOTE
    )


def estimate_credits(process_id: str, arguments: dict, duration_s: float) -> float:
    """Credits like CDSE: area-based for maps, per point for extractions, plus a little per minute run."""
    if process_id in (CROP_EXTENT, CROP_TYPE):
        base = MAP_CREDITS_PER_KM2 * grid_for_extent(arguments.get("spatial_extent") or {}).area_km2
    else:
        base = EXTRACTION_CREDITS_PER_POINT * sim_points.count_points(arguments.get("geometries") or {})
    return round(max(MIN_JOB_CREDITS, base) + CREDITS_PER_MINUTE * max(duration_s, 0.0) / 60.0, 3)


def request_seed(process_id: str, arguments: Any) -> int:
    """A 64-bit seed from the canonical JSON of the request: same request, same map."""
    canonical = json.dumps([process_id, arguments], sort_keys=True, default=str, separators=(",", ":"))
    return int.from_bytes(hashlib.sha256(canonical.encode("utf-8")).digest()[:8], "little")


def head_zip_classes(zip_path_or_bytes: Union[str, Path, bytes, BinaryIO]) -> list[str]:
    """class_names of the crop-type head in a head zip's ``config.json`` manifest (reference §1.4, §5)."""
    source = io.BytesIO(zip_path_or_bytes) if isinstance(zip_path_or_bytes, bytes) else zip_path_or_bytes
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = json.loads(archive.read(_manifest_name(archive)).decode("utf-8"))
    except (zipfile.BadZipFile, OSError, ValueError, KeyError) as exc:
        raise SimulationError("The croptype_head_zip is not a model zip with a readable config.json.") from exc
    classes = _manifest_classes(manifest)
    if not classes or not all(isinstance(name, str) and name for name in classes):
        raise SimulationError("The croptype_head_zip manifest lists no crop-type class_names.")
    return list(classes)


def _manifest_name(archive: zipfile.ZipFile) -> str:
    """``config.json`` at the root, else the shallowest one inside a folder."""
    candidates = [name for name in archive.namelist() if name.rsplit("/", 1)[-1] == "config.json"]
    if not candidates:
        raise KeyError("config.json")
    return min(candidates, key=lambda name: (name.count("/"), name))


def _manifest_classes(manifest: dict) -> list:
    heads = manifest.get("heads") or []
    for head in heads:
        if isinstance(head, dict) and head.get("task") == "croptype" and head.get("class_names"):
            return head["class_names"]
    return manifest.get("class_names") or []


def _request_classes(arguments: dict) -> list[str]:
    """Classes of a custom head given as a local path or loopback URL; the default list otherwise."""
    ref = arguments.get("croptype_head_zip")
    if not ref:
        return list(DEFAULT_CROPTYPE_CLASSES)
    ref = str(ref)
    parsed = urllib.parse.urlparse(ref)
    if parsed.scheme in ("http", "https"):
        if parsed.hostname not in LOOPBACK_HOSTS:
            return list(DEFAULT_CROPTYPE_CLASSES)  # a remote head cannot be read offline
        return head_zip_classes(_download(ref))
    path = Path(parsed.path if parsed.scheme == "file" else ref)
    if not path.is_file():
        raise SimulationError(f"The croptype_head_zip file {path} does not exist.")
    return head_zip_classes(path)


def _download(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except OSError as exc:
        raise SimulationError(f"The croptype_head_zip could not be downloaded from {url}.") from exc


def _json_arg(value: str) -> Any:
    """Inline JSON, or the content of a JSON file."""
    path = Path(value)
    text = path.read_text(encoding="utf-8") if not value.lstrip().startswith(("{", "[")) else value
    return json.loads(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tests.local_backend.simulate", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("map")
    cmd.add_argument("process_id")
    cmd.add_argument("arguments")
    cmd.add_argument("out_dir")
    cmd.add_argument("--job-id", default="j-local-simulation")
    cmd = sub.add_parser("extract")
    for name in ("geometries", "start", "end", "out_dir"):
        cmd.add_argument(name)
    cmd.add_argument("--job-id", default="j-local-simulation")
    cmd.add_argument("--title", default=None)
    cmd = sub.add_parser("credits")
    for name in ("process_id", "arguments", "duration_s"):
        cmd.add_argument(name)
    sub.add_parser("classes").add_argument("head_zip")
    sub.add_parser("parquet-schema").add_argument("path")
    cmd = sub.add_parser("parquet-rows")
    cmd.add_argument("path")
    cmd.add_argument("--limit", type=int, default=None)
    return parser


def _run(args: argparse.Namespace) -> Any:
    if args.command == "map":
        return simulate_map(args.process_id, _json_arg(args.arguments), Path(args.out_dir), job_id=args.job_id)
    if args.command == "extract":
        period = [args.start, args.end]
        out = Path(args.out_dir)
        return simulate_point_extraction(
            _json_arg(args.geometries), period, out, job_id=args.job_id, title=args.title
        )
    if args.command == "credits":
        return estimate_credits(args.process_id, _json_arg(args.arguments), float(args.duration_s))
    if args.command == "classes":
        return head_zip_classes(Path(args.head_zip))
    if args.command == "parquet-rows":
        return sim_points.parquet_rows(Path(args.path), args.limit)
    return sim_points.parquet_schema(Path(args.path))


def main(argv: Optional[list[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        result = _run(args)
    except SimulationError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
