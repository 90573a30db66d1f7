"""Describe a WorldCereal result GeoTIFF from its band names: kinds, seasons and class order.

The band descriptions are the only reliable metadata (STAC ``eo:bands`` was incomplete on real CDSE output,
docs/worldcereal-facts.md, "Map outputs"), and the class order behind ``croptype_classification`` values is the
order of the per-class probability bands (same section), so everything the styling needs is derived here, without QGIS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .palette import pretty_class_label

NOT_CROPLAND_VALUE = 254
NODATA_VALUE = 255

CROPLAND_CLASSIFICATION = "cropland_classification"
CROPLAND_PROBABILITY = "cropland_probability"
OTHER_PROBABILITY = "other_probability"
CROPTYPE_CLASSIFICATION = "croptype_classification"
CROPTYPE_PROBABILITY = "croptype_probability"
CROPTYPE_CLASS_PROBABILITY = "croptype_class_probability"
UNKNOWN = "unknown"

CLASSIFICATION_KINDS = (CROPLAND_CLASSIFICATION, CROPTYPE_CLASSIFICATION)
PROBABILITY_KINDS = (CROPLAND_PROBABILITY, OTHER_PROBABILITY, CROPTYPE_PROBABILITY, CROPTYPE_CLASS_PROBABILITY)
_MAIN_KINDS = (CROPLAND_CLASSIFICATION, CROPLAND_PROBABILITY, CROPTYPE_CLASSIFICATION, CROPTYPE_PROBABILITY)
_EXTRA_KINDS = (OTHER_PROBABILITY, CROPTYPE_CLASS_PROBABILITY)
_CROPLAND_CLASSES = ("cropland", "other")

# Non-merged library file: croptype_<start>_<end>_<sid>[_<winstart>_<winend>].tif
# (docs/worldcereal-facts.md, "Map outputs").
_DATE = r"\d{4}-\d{2}-\d{2}"
_NON_MERGED_FILE = re.compile(rf"^croptype_{_DATE}_{_DATE}_(?P<sid>.+?)(?:_{_DATE}_{_DATE})?(?:_.*)?\.tiff?$")


@dataclass(frozen=True)
class BandInfo:
    """One band of a result file, classified by its GeoTIFF band description."""

    index: int  # 1-based GDAL band number
    name: str
    kind: str
    season: str | None = None
    class_name: str | None = None


@dataclass
class ResultDescription:
    """What a result file holds; ``classes[season][v]`` is the class behind classification value ``v``."""

    bands: list[BandInfo]
    seasons: list[str] = field(default_factory=list)
    classes: dict[str, list[str]] = field(default_factory=dict)
    nodata: int = NODATA_VALUE

    def band(self, name: str) -> BandInfo:
        """The band called ``name``; a missing band is a user-facing error (wrong or truncated file)."""
        for info in self.bands:
            if info.name == name:
                return info
        raise InputError(f"The result file has no band named '{name}'.", field="band")

    def class_names(self, season: str | None) -> list[str]:
        """Class order of a season; non-merged files without a known season are keyed by ''."""
        return self.classes.get(season or "", [])

    def layer_bands(self, include_class_probabilities: bool = False) -> list[BandInfo]:
        """Bands worth a map layer, in file order; the redundant ones only on request."""
        kinds = _MAIN_KINDS + (_EXTRA_KINDS if include_class_probabilities else ())
        return [b for b in self.bands if b.kind in kinds]

    @property
    def product(self) -> str:
        """The product name: croptype as soon as any crop-type band is present, else cropland."""
        croptype = (CROPTYPE_CLASSIFICATION, CROPTYPE_PROBABILITY, CROPTYPE_CLASS_PROBABILITY)
        return "croptype" if any(b.kind in croptype for b in self.bands) else "cropland"


def describe_band_names(
    names: list[str], nodata: int | None = NODATA_VALUE, *, season: str | None = None
) -> ResultDescription:
    """Classify band names of a merged (``croptype_probability:<sid>:<class>``) or non-merged file.

    ``season`` names the season of a non-merged crop-type file, whose band names do not carry it.
    """
    non_merged_croptype = _is_non_merged_croptype(names)
    bands = [_classify(i, name, non_merged_croptype, season) for i, name in enumerate(names, start=1)]
    seasons: list[str] = []
    classes: dict[str, list[str]] = {}
    for b in bands:
        if b.season is not None and b.season not in seasons:
            seasons.append(b.season)
        if b.kind == CROPTYPE_CLASS_PROBABILITY and b.class_name is not None:
            classes.setdefault(b.season or "", []).append(b.class_name)
    value = NODATA_VALUE if nodata is None else int(nodata)
    return ResultDescription(bands=bands, seasons=seasons, classes=classes, nodata=value)


def describe_raster(path: str | Path) -> ResultDescription:
    """Describe a result GeoTIFF from its band descriptions; nodata from the file, else 255."""
    from osgeo import gdal  # lazy: keeps core importable without GDAL bindings

    path = Path(path)
    dataset = _open_quietly(gdal, path)
    if dataset is None:
        raise InputError(f"The result file '{path.name}' cannot be opened as a raster.", field="path")
    names = [dataset.GetRasterBand(i).GetDescription() for i in range(1, dataset.RasterCount + 1)]
    nodata = dataset.GetRasterBand(1).GetNoDataValue() if dataset.RasterCount else None
    dataset = None
    match = _NON_MERGED_FILE.match(path.name)
    return describe_band_names(names, None if nodata is None else int(nodata), season=match and match["sid"])


SEASON_WORDS = {"tc-s1": "season 1", "tc-s2": "season 2", "tc-annual": "whole year"}  # WorldCereal's season ids


def band_title(band: BandInfo) -> str:
    """Readable layer name, e.g. "Crop type, season 1" or "Wheat probability, season 1 (%)".

    The season id (tc-s1) is WorldCereal's name for the band, not what people say; it stays in the band name.
    """
    suffix = f", {SEASON_WORDS.get(band.season, band.season)}" if band.season else ""
    if band.kind == CROPLAND_CLASSIFICATION:
        return "Cropland"
    if band.kind == CROPLAND_PROBABILITY:
        return "Cropland probability (%)"
    if band.kind == OTHER_PROBABILITY:
        return "Other probability (%)"
    if band.kind == CROPTYPE_CLASSIFICATION:
        return f"Crop type{suffix}"
    if band.kind == CROPTYPE_PROBABILITY:
        return f"Crop type probability{suffix} (%)"
    if band.kind == CROPTYPE_CLASS_PROBABILITY:
        return f"{pretty_class_label(band.class_name or '')} probability{suffix} (%)"
    return band.name or f"Band {band.index}"


def _classify(index: int, name: str, non_merged_croptype: bool, season: str | None) -> BandInfo:
    """Kind, season and class of one band name; anything unexpected is "unknown", never an error."""
    if name in (CROPLAND_CLASSIFICATION, "probability_cropland", "probability_other"):
        kind = {"probability_cropland": CROPLAND_PROBABILITY, "probability_other": OTHER_PROBABILITY}
        return BandInfo(index, name, kind.get(name, CROPLAND_CLASSIFICATION))
    parts = name.split(":")
    if parts[0] in (CROPTYPE_CLASSIFICATION, CROPTYPE_PROBABILITY) and len(parts) in (2, 3) and all(parts):
        return _merged_croptype(index, name, parts)
    return _non_merged(index, name, non_merged_croptype, season)


def _merged_croptype(index: int, name: str, parts: list[str]) -> BandInfo:
    if parts[0] == CROPTYPE_CLASSIFICATION:
        return BandInfo(index, name, CROPTYPE_CLASSIFICATION if len(parts) == 2 else UNKNOWN, parts[1])
    if len(parts) == 2:
        return BandInfo(index, name, CROPTYPE_PROBABILITY, parts[1])
    return BandInfo(index, name, CROPTYPE_CLASS_PROBABILITY, parts[1], parts[2])


def _non_merged(index: int, name: str, croptype: bool, season: str | None) -> BandInfo:
    """Library files written per season: ``classification``, ``probability``, ``probability_<class>``."""
    if name == "classification":
        return BandInfo(index, name, CROPTYPE_CLASSIFICATION if croptype else CROPLAND_CLASSIFICATION, season)
    if name == "probability" and croptype:
        return BandInfo(index, name, CROPTYPE_PROBABILITY, season)
    if croptype and name.startswith("probability_") and len(name) > len("probability_"):
        return BandInfo(index, name, CROPTYPE_CLASS_PROBABILITY, season, name[len("probability_") :])
    return BandInfo(index, name, UNKNOWN)


def _is_non_merged_croptype(names: list[str]) -> bool:
    """A bare ``classification`` band with class bands other than cropland/other is a crop-type file."""
    if "classification" not in names:
        return False
    classes = [n[len("probability_") :] for n in names if n.startswith("probability_")]
    return any(c not in _CROPLAND_CLASSES for c in classes)


def _open_quietly(gdal, path: Path):
    """Open with GDAL without stderr noise; None on failure whatever GDAL's exception mode."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return gdal.Open(str(path))
    except RuntimeError:
        return None
    finally:
        gdal.PopErrorHandler()
