"""Write a simulated product as CDSE writes WorldCereal GeoTIFFs, and describe it as a STAC asset.

Layout copied from the real CDSE output (reference_output/*.tif): uint8, nodata 255, DEFLATE, band
interleave, 128 x 128 tiles, band descriptions = band names, AREA_OR_POINT/institution/PROCESSING_SOFTWARE
tags. The STAC asset mirrors the real job-results.json asset (eo:bands, raster:bands statistics, proj:*).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import rasterio
from rasterio.transform import from_origin

from .sim_grid import RESOLUTION, Grid

NODATA = 255
GEOTIFF_TYPE = "image/tiff; application=geotiff"
INSTITUTION = "worldcereal_qgis local openEO backend (simulated WorldCereal products)"


def write_product(
    path: Path, grid: Grid, names: list[str], bands: Iterable[np.ndarray], tags: dict[str, str]
) -> list[dict]:
    """Write ``bands`` (in ``names`` order) to ``path`` atomically; return their raster:bands statistics."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        stats = _write(tmp, grid, names, bands, tags)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)
    return stats


def _write(
    path: Path, grid: Grid, names: list[str], bands: Iterable[np.ndarray], tags: dict[str, str]
) -> list[dict]:
    stats = []
    with rasterio.open(path, "w", **_profile(grid, len(names))) as dst:
        dst.update_tags(AREA_OR_POINT="Area", institution=INSTITUTION, PROCESSING_SOFTWARE=_software(), **tags)
        for index, (name, band) in enumerate(zip(names, bands), start=1):
            dst.write(band, index)
            dst.set_band_description(index, name)
            stats.append({"name": name, "statistics": band_statistics(band)})
    if len(stats) != len(names):
        raise RuntimeError(f"Simulation produced {len(stats)} bands for {len(names)} band names.")
    return stats


def _profile(grid: Grid, count: int) -> dict:
    return {
        "driver": "GTiff",
        "dtype": "uint8",
        "nodata": NODATA,
        "width": grid.width,
        "height": grid.height,
        "count": count,
        "crs": f"EPSG:{grid.epsg}",
        "transform": from_origin(grid.west, grid.north, RESOLUTION, RESOLUTION),
        "tiled": True,
        "blockxsize": 128,
        "blockysize": 128,
        "compress": "deflate",
        "zlevel": 1,  # speed over size: a 2,000 x 2,000 px crop-type product is ~200 MB raw
        "interleave": "band",
        "num_threads": "all_cpus",
    }


def _software() -> str:
    """The openeo-driver version, standing in for CDSE's geopyspark-driver version tag."""
    try:
        from importlib.metadata import version

        return version("openeo-driver")
    except Exception:
        return "unknown"


def band_statistics(band: np.ndarray) -> dict[str, float]:
    """GDAL-style statistics over non-nodata pixels (population stddev), from a histogram: fast on uint8."""
    counts = np.bincount(band.ravel(), minlength=256)[:NODATA].astype(np.float64)
    valid = counts.sum()
    if valid == 0:
        return {"maximum": None, "mean": None, "minimum": None, "stddev": None, "valid_percent": 0.0}
    values = np.arange(NODATA, dtype=np.float64)
    mean = float((counts * values).sum() / valid)
    present = np.nonzero(counts)[0]
    return {
        "maximum": float(present[-1]),
        "mean": mean,
        "minimum": float(present[0]),
        "stddev": float(np.sqrt((counts * (values - mean) ** 2).sum() / valid)),
        "valid_percent": float(100.0 * valid / band.size),
    }


def stac_asset(path: Path, grid: Grid, raster_bands: list[dict], description: str) -> dict:
    """The STAC asset CDSE lists for a GeoTIFF result (href = file name; the server makes it a URL)."""
    return {
        "eo:bands": [{"name": band["name"]} for band in raster_bands],
        "href": path.name,
        "proj:bbox": grid.bbox,
        "proj:code": f"EPSG:{grid.epsg}",
        "proj:epsg": grid.epsg,
        "proj:shape": [grid.height, grid.width],
        "raster:bands": raster_bands,
        "roles": ["data"],
        "title": path.name,
        "type": GEOTIFF_TYPE,
        "description": description,
        "file:size": path.stat().st_size,
    }
