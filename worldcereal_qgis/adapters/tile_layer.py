"""The tile layer of a tiled run: a GeoPackage next to the outputs, coloured by status, updated live.

Why a file and not a memory layer: the plan survives QGIS restarts with the run, users can open it in any GIS,
and the same file shows the preview from ``worldcereal:plan_tiles`` and the live run.
Writes go through the layer's data provider on the thread that owns the layer (the main thread for the dock).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsProject,
    QgsRendererCategory,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.credits import CreditRates, estimate_map_credits
from ..core.errors import WorldCerealError
from ..core.tile_runs import TilePlan, TileState, TileStatus
from .compat import field

FILE_NAME = "tiles.gpkg"
RUN_PROPERTY = "worldcereal/run_dir"
STATUS_COLOURS = {
    TileStatus.PLANNED: "#bdbdbd",
    TileStatus.SUBMITTING: "#c6dbef",
    TileStatus.QUEUED: "#9ecae1",
    TileStatus.RUNNING: "#3182bd",
    TileStatus.DOWNLOADING: "#74c476",
    TileStatus.FINISHED: "#238b45",
    TileStatus.RETRYING: "#fd8d3c",
    TileStatus.FAILED: "#de2d26",
    TileStatus.CANCELED: "#636363",
}
_LIVE_FIELDS = ("status", "job_id", "credits", "attempts", "message")


def tile_fields() -> QgsFields:
    fields = QgsFields()
    s, i, d = "string", "int", "double"
    for name, kind in (("name", s), ("mgrs_tile", s), ("epsg", i), ("area_km2", d), ("est_credits", d),
                       ("status", s), ("job_id", s), ("credits", d), ("attempts", i), ("message", s)):
        fields.append(field(name, kind))
    return fields


def tile_feature(fields: QgsFields, plan: TilePlan, state: TileState | None = None, *,
                 rates: CreditRates) -> QgsFeature:
    """One feature per tile: plan attributes, high credit estimate (at the user's ``rates``), the live status."""
    feature = QgsFeature(fields)
    feature.setGeometry(QgsGeometry.fromWkt(plan.wkt_4326))
    state = state or TileState(plan.name, TileStatus.PLANNED)
    feature.setAttributes([plan.name, plan.mgrs_tile, plan.epsg, round(plan.area_km2, 3),
                           round(estimate_map_credits(plan.area_km2, rates)[1], 2), state.status, state.job_id or "",
                           round(state.credits, 3), state.attempts, state.message])
    return feature


def write_tile_layer(path: str | Path, plans: Sequence[TilePlan],
                     states: Mapping[str, TileState] | None = None, *, rates: CreditRates) -> Path:
    """Create (or replace) the GeoPackage with one polygon per tile (EPSG:4326)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fields = tile_fields()
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "tiles"
    writer = QgsVectorFileWriter.create(str(path), fields, QgsWkbTypes.Type.MultiPolygon,
                                        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateTransformContext(),
                                        options)
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise WorldCerealError(f"The tile layer {path} cannot be written: {writer.errorMessage()}.")
    for plan in plans:
        feature = tile_feature(fields, plan, (states or {}).get(plan.name), rates=rates)
        geom = feature.geometry()
        geom.convertToMultiType()
        feature.setGeometry(geom)
        writer.addFeature(feature)
    del writer  # closes the file
    return path


def status_renderer() -> QgsCategorizedSymbolRenderer:
    """Half-transparent fill per status, so the map below stays visible while the run fills in."""
    categories = []
    for status in TileStatus.ALL:
        symbol = QgsFillSymbol.createSimple({"color": STATUS_COLOURS[status], "outline_color": "#252525",
                                             "outline_width": "0.3"})
        symbol.setOpacity(0.45)
        categories.append(QgsRendererCategory(status, symbol, status.capitalize()))
    return QgsCategorizedSymbolRenderer("status", categories)


def open_tile_layer(path: str | Path, name: str = "WorldCereal tiles") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername=tiles", name, "ogr")
    if not layer.isValid():
        raise WorldCerealError(f"The tile layer {path} cannot be opened.")
    layer.setRenderer(status_renderer())
    layer.setCustomProperty(RUN_PROPERTY, str(Path(path).parent))
    return layer


def load_tile_layer(path: str | Path, project: QgsProject | None = None,
                    name: str = "WorldCereal tiles") -> QgsVectorLayer:
    layer = open_tile_layer(path, name)
    (project or QgsProject.instance()).addMapLayer(layer)
    return layer


def update_tile_layer(layer: QgsVectorLayer, states: Mapping[str, TileState]) -> int:
    """Write changed status/job/credits into the file through the provider; returns how many tiles changed."""
    fields = layer.fields()
    index = {name: fields.indexOf(name) for name in _LIVE_FIELDS}
    changes = {}
    for feature in layer.getFeatures():
        state = states.get(feature["name"])
        if state is None:
            continue
        values = {"status": state.status, "job_id": state.job_id or "", "credits": round(state.credits, 3),
                  "attempts": state.attempts, "message": state.message}
        changed = {index[k]: v for k, v in values.items() if feature[k] != v}
        if changed:
            changes[feature.id()] = changed
    if changes:
        layer.dataProvider().changeAttributeValues(changes)
        layer.triggerRepaint()
    return len(changes)
