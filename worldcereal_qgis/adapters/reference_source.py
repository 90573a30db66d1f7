"""Reference data or extractions from whatever the user chose (a layer, a feature source, a file path) as a
core ``RawTable``.

Why an adapter: the dock page and the Processing algorithms must read the same way, and QGIS 3.22's GDAL has
no Parquet driver, so a ``.parquet``/``.geoparquet`` file (WorldCereal's own format) cannot become a QGIS layer
there. Such files are read with pyarrow by core.reference_io; everything else goes through QGIS (any layer,
any provider), then the same validation runs on both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.PyQt.QtCore import QCoreApplication

from ..core import reference_io
from ..core.errors import InputError

FILE_FILTER = "Reference data (*.parquet *.geoparquet *.gpkg *.shp *.geojson *.json *.fgb);;All files (*)"


def tr(text: str) -> str:
    return QCoreApplication.translate("ReferenceSource", text)


def _plain(value):
    """QVariant NULL -> None, QDate/QDateTime -> ISO text; everything else as is."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toString") and type(value).__name__ in ("QDate", "QDateTime"):
        return value.toString("yyyy-MM-dd")
    return value


def layer_title(name: str) -> str:
    """How messages name a layer ("Layer 'samples' holds no samples ...")."""
    return tr("Layer '{name}'").format(name=name)


def raw_from_source(source, name: str = "layer") -> reference_io.RawTable:
    """Rows of any QGIS feature source as a core RawTable (plain dicts + WKB + CRS id); ``name`` as messages say it."""
    names = [f.name() for f in source.fields()]
    records, wkbs = [], []
    for feature in source.getFeatures():
        records.append({n: _plain(v) for n, v in zip(names, feature.attributes())})
        geom = feature.geometry()
        wkbs.append(bytes(geom.asWkb()) if geom is not None and not geom.isEmpty() else None)
    return reference_io.from_records(records, wkbs, _crs_id(source.sourceCrs()), name, columns=names)


def _crs_id(crs) -> str | None:
    """An authority id or WKT; None for an invalid CRS (QGIS's "Undefined" is no CRS at all)."""
    if not crs.isValid():
        return None
    return crs.authid() or crs.toWkt()


def file_path(value: Any) -> Path | None:
    """The file a parameter value or layer source names, when it is a plain path (not a layer id or URI)."""
    text = str(value or "").split("|", 1)[0].strip()
    if not text or "://" in text or not Path(text).suffix:
        return None
    return Path(text)


def core_reads(value: Any) -> Path | None:
    """The file to read with core when QGIS cannot open it as a layer (Parquet on QGIS 3.22, missing, broken).

    Core then says exactly what is wrong, where QGIS would only say "not found".
    """
    if not isinstance(value, str):
        return None
    path = file_path(value)
    if path is None:
        return None
    if not path.is_file() or path.stat().st_size == 0:
        return path
    from qgis.core import QgsVectorLayer

    return None if QgsVectorLayer(str(path), path.stem, "ogr").isValid() else path


def raw_from_file(path: str | Path) -> reference_io.RawTable:
    """A file read by core (pyarrow for Parquet, OGR otherwise): every failure is one sentence naming it."""
    return reference_io.read_reference_file(path)


def raw_from_layer(layer) -> reference_io.RawTable:
    """A map layer's rows; a Parquet layer QGIS could not open is read from its file instead."""
    if layer is None:
        raise InputError(tr("Choose a reference data layer or file first."), field="reference_data")
    if layer.isValid():
        return raw_from_source(layer, layer_title(layer.name()))
    path = file_path(layer.source())
    if path is not None:
        return raw_from_file(path)
    raise InputError(tr("The layer {name} cannot be read: its source {source} is not available.").format(
        name=layer.name(), source=layer.source()), field="reference_data")


def input_problem(value: Any) -> str | None:
    """For Processing's parameter check: a sentence when the INPUT is missing or a file that cannot be read."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return tr("Choose a reference data layer or a file (GeoParquet, Parquet, GeoPackage, ...).")
    path = core_reads(value)
    if path is None:
        return None
    try:
        reference_io.check_file(path)
    except InputError as err:
        return str(err)
    return None


def land_grid() -> Any:
    """Where the open sea is not, from the crop calendar when it is on disk (never downloaded for this)."""
    from ..core import reference_coords
    from .crop_calendar import local_calendar_path

    path = local_calendar_path()
    if path is None:
        return None
    try:
        return reference_coords.calendar_land_grid(str(path), path.stat().st_mtime_ns)
    except Exception:  # an unreadable calendar only costs this one check; seasons report it where they use it
        return None


def plan_summary(plan) -> str:
    """An extraction plan (core.extraction.ExtractionPlan) as one sentence in the user's language."""
    return tr("{n} samples in {jobs} jobs over {tiles} Sentinel-2 tiles; about {credits} credits.").format(
        n=plan.n_samples, jobs=len(plan.jobs), tiles=len(plan.tiles), credits=f"{plan.credits:.0f}")
