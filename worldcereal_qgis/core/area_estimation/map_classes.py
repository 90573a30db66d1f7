"""Which class each value of a WorldCereal classification band stands for, and optional merges.

Why here: strata and reference labels are class NAMES (users label "maize", not 4), while the raster holds
values whose meaning depends on the band: cropland_classification 1 = cropland, 0 = other; a crop-type band's
value v is the v-th class of its season (the order of the per-class probability bands), 254 = masked as not
cropland, 255 = no data (core/results.py; docs/AREAS.md).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import InputError
from ..results import (
    CLASSIFICATION_KINDS,
    CROPLAND_CLASSIFICATION,
    NODATA_VALUE,
    NOT_CROPLAND_VALUE,
    ResultDescription,
)

NOT_CROPLAND = "not_cropland"


def classification_band(desc: ResultDescription, season: str | None = None):
    """The classification band to assess: the cropland band, or the crop-type band of ``season``."""
    bands = [b for b in desc.bands if b.kind in CLASSIFICATION_KINDS]
    if season:
        bands = [b for b in bands if b.season == season]
    elif any(b.kind == CROPLAND_CLASSIFICATION for b in bands):
        bands = [b for b in bands if b.kind == CROPLAND_CLASSIFICATION]
    if not bands:
        wanted = f"a crop-type band of season '{season}'" if season else "a classification band"
        raise InputError(f"The map has no {wanted}.", field="SEASON")
    return bands[0]


def value_classes(desc: ResultDescription, band) -> dict[int, str]:
    """Value -> class name of a classification band (no-data excluded)."""
    if band.kind == CROPLAND_CLASSIFICATION:
        return {0: "other", 1: "cropland"}
    names = desc.class_names(band.season)
    classes = dict(enumerate(names))
    classes[NOT_CROPLAND_VALUE] = NOT_CROPLAND
    classes.pop(NODATA_VALUE, None)
    return classes


def merged(classes: Mapping[int, str], merges: Mapping[str, str] | None) -> dict[int, str]:
    """Apply ``{class: merged class}``; a merge naming an unknown class is said, not ignored."""
    if not merges:
        return dict(classes)
    unknown = sorted(set(merges) - set(classes.values()))
    if unknown:
        raise InputError(f"The merge names the class '{unknown[0]}', which the map does not have.", field="MERGES")
    return {v: merges.get(name, name) for v, name in classes.items()}


def parse_merges(text: str) -> dict[str, str]:
    """``"barley=cereals, wheat=cereals"`` -> mapping; an entry without '=' is an input error."""
    merges = {}
    for item in filter(None, (part.strip() for part in (text or "").split(","))):
        if "=" not in item:
            raise InputError(f"The merge '{item}' is not of the form class=merged_class.", field="MERGES")
        source, target = (s.strip() for s in item.split("=", 1))
        merges[source] = target
    return merges


def other_classifications(desc: ResultDescription, stratified) -> list[tuple[str, object, dict[int, str]]]:
    """(field name, band, value -> class) of every classification band except the stratified one.

    Why: a sample stratified on one band (e.g. cropland) can assess another band of the same file (the crop
    types of a season) with Stehman's estimators, if each point also carries that band's class.
    """
    out = []
    for band in desc.bands:
        if band.kind in CLASSIFICATION_KINDS and band.name != stratified.name:
            name = "map_cropland" if band.kind == CROPLAND_CLASSIFICATION else f"map_{band.season or 'croptype'}"
            out.append((name.replace("-", "_"), band, value_classes(desc, band)))
    return out
