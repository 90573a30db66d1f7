"""Checks before paying: everything that can fail locally is checked before a job is created.

A job that runs and then cannot write its result costs its credits for nothing (issue #16: a read-only folder
was found only after 13.8 credits). The front ends call ``map_preflight`` / ``extraction_preflight`` on their
submit paths; a problem raises ``InputError`` (one sentence, nothing sent).
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from .errors import InputError

MIN_AREA_KM2 = 0.01             # one hectare = 100 pixels of 10 m; below it a job is only its start-up cost
FREE_SPACE_MARGIN = 2.0         # room for the .part file next to the final one, and the provenance record
PIXELS_PER_KM2 = 10_000         # WorldCereal maps are 10 m pixels
BANDS_PER_PRODUCT = {"cropland": 3, "croptype": 60}   # byte bands per pixel, upper bounds (docs/JOB_SAFETY.md)
EXTRACTION_JOB_BYTES = 20 * 1024 * 1024               # one point-extraction Parquet, upper bound (500 points)
MAX_HEAD_ZIP_BYTES = 200 * 1024 * 1024                # a crop-type head zip is a few MB


def check_output_folder(folder: str | Path) -> Path:
    """Create the folder if needed, then create and remove a probe file: a folder we cannot write is found now."""
    path = Path(folder)
    if not str(folder).strip():
        raise InputError("Choose an output folder.", field="output_dir")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"The output folder {path} cannot be created ({err.strerror or err}); choose another "
                         "folder, nothing was sent.", field="output_dir") from err
    probe = path / f".worldcereal-probe-{uuid.uuid4().hex[:8]}"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"probe")
            handle.flush()
            os.fsync(handle.fileno())
        probe.unlink()
    except OSError as err:
        raise InputError(f"The output folder {path} is not writable ({err.strerror or err}); choose another "
                         "folder, nothing was sent.", field="output_dir") from err
    return path


def estimate_result_bytes(area_km2: float, product: str) -> int:
    """Upper bound of a map's size on disk (uncompressed bytes; the backend's files are compressed)."""
    bands = BANDS_PER_PRODUCT.get(product, max(BANDS_PER_PRODUCT.values()))
    return int(max(area_km2, 0.0) * PIXELS_PER_KM2 * bands)


def check_free_space(folder: str | Path, needed_bytes: int) -> None:
    """Enough room for the estimated result (with margin), or one sentence with both numbers."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # the folder check already passed; a file system without statistics is not a reason to refuse
    wanted = int(needed_bytes * FREE_SPACE_MARGIN)
    if free < wanted:
        raise InputError(f"Only {_mb(free)} are free in {folder}; the result needs up to {_mb(wanted)}. Free some "
                         "space or choose another folder; nothing was sent.", field="output_dir")


def area_problems(area_km2: float) -> None:
    """A tiny area is refused: it would cost a whole job's start-up credits for a handful of pixels."""
    if area_km2 < MIN_AREA_KM2:
        shown = f"{area_km2 * 1e6:,.0f} m²" if area_km2 < 1 else f"{area_km2:,.2f} km²"
        raise InputError(f"The area of interest is only {shown}, less than one hectare (100 pixels of 10 m); a "
                         "job costs its start-up credits whatever its size, so nothing was sent. Choose a larger "
                         "area.", field="aoi")


def open_sea_problem(bbox: tuple[float, float, float, float], land) -> None:
    """Refuse an area with no crop-calendar cell within about 50 km: open sea, where the map would be empty.

    ``land`` is the widened 0.5° grid of crop-calendar cells (``reference_coords.land_grid``, the same rule the
    reference-data checks use); without a calendar on disk nothing is judged.
    """
    if land is None:
        return
    import math

    import numpy as np

    west, south, east, north = bbox
    rows = np.arange(max(0, math.floor((south + 90.0) * 2)), min(359, math.floor((north + 90.0) * 2)) + 1)
    cols = np.arange(math.floor((west + 180.0) * 2), math.floor((east + 180.0) * 2) + 1) % 720
    if rows.size and cols.size and not land[np.ix_(rows, cols)].any():
        raise InputError("The area of interest lies in the open sea (no WorldCereal crop-calendar cell within "
                         "about 50 km): the map would be empty, so nothing was sent.", field="aoi")


def map_preflight(request, output_dir: str | Path, *, land=None) -> None:
    """Before a map job: a sensible area (not tiny, not open sea), a folder that takes files, room for the result."""
    area_problems(request.aoi.area_km2)
    open_sea_problem(request.aoi.bbox, land)
    folder = check_output_folder(output_dir)
    check_free_space(folder, estimate_result_bytes(request.aoi.area_km2, request.product))


def extraction_preflight(n_jobs: int, output_dir: str | Path) -> None:
    """Before extraction jobs: folder writable and room for every job's Parquet file."""
    folder = check_output_folder(output_dir)
    check_free_space(folder, n_jobs * EXTRACTION_JOB_BYTES)


def check_head_zip_url(url: str, session, *, max_bytes: int = MAX_HEAD_ZIP_BYTES):
    """Download a crop-type head zip from its URL and check it as the inference UDF reads it, before any job
    points at it: a wrong or broken model otherwise fails on the backend after the credits are spent."""
    import tempfile

    from .head_zip import check_head_zip

    with tempfile.TemporaryDirectory(prefix="worldcereal-head-") as tmp:
        path = Path(tmp) / (Path(url.split("?", 1)[0]).name or "head.zip")
        try:
            with session.get(url, stream=True, timeout=60) as response:
                response.raise_for_status()
                size = 0
                with open(path, "wb") as handle:
                    for chunk in response.iter_content(1 << 16):
                        size += len(chunk)
                        if size > max_bytes:
                            raise InputError(f"The model at {url.split('?', 1)[0]} is larger than "
                                             f"{_mb(max_bytes)}; a crop-type head zip is a few MB.", field="model")
                        handle.write(chunk)
        except OSError as err:  # requests' errors are OSErrors
            raise InputError(f"The model at {url.split('?', 1)[0]} cannot be downloaded for checking ({err}); "
                             "nothing was sent.", field="model") from err
        info = check_head_zip(path)
        check_checkpoint_format(path)
        return info


def check_checkpoint_format(path: Path) -> None:
    """Head weights must be a PyTorch checkpoint: the zip format (its tensors are checked by ``head_zip``) or a
    legacy pickle. Garbage bytes would only fail on the backend, after the credits are spent."""
    import zipfile

    from .head_weights import is_zip_checkpoint

    with zipfile.ZipFile(path) as archive:
        for member in [n for n in archive.namelist() if n.endswith(".pt") and "/" not in n]:
            data = archive.read(member)
            if not (is_zip_checkpoint(data) or data[:1] == b"\x80"):  # 0x80: a pickle's protocol opcode
                raise InputError(f"The weights {member} in {path.name} are not a PyTorch checkpoint; the model "
                                 "would fail on the backend, so nothing was sent.", field="model")


def _mb(size: float) -> str:
    return f"{size / 1024 / 1024:,.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:,.0f} kB"
