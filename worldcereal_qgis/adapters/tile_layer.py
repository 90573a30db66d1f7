"""The tile layer of a tiled run: a GeoPackage next to the outputs, coloured by status, updated live.

Why a file and not a memory layer: the plan survives QGIS restarts with the run, users can open it in any GIS,
and the same file shows the preview from ``worldcereal:plan_tiles`` and the live run.

Live updates never write on the GUI thread: a GeoPackage commit waits for the disk (15-85 ms measured here,
issue #21). ``update_tile_layer`` compares against what the file holds (kept in memory per layer, read once
without geometries), and a task writes the changed rows through its own GDAL connection, coalescing whatever
changed meanwhile into the next write; the layer repaints when a write is done. The file is in WAL mode, so
QGIS's renderers keep reading while a write runs.
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
from qgis.PyQt.QtCore import QCoreApplication

from ..core.credits import CreditRates, estimate_map_credits
from ..core.errors import WorldCerealError
from ..core.tile_runs import TilePlan, TileState, TileStatus
from .compat import field, no_geometry_request
from .tasks import CoreTask, start_task

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


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCerealTileLayer", text)


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
        raise WorldCerealError(tr("The tile layer {path} cannot be written: {error}.").format(
            path=path, error=writer.errorMessage().rstrip(".")))
    for plan in plans:
        feature = tile_feature(fields, plan, (states or {}).get(plan.name), rates=rates)
        geom = feature.geometry()
        geom.convertToMultiType()
        feature.setGeometry(geom)
        writer.addFeature(feature)
    del writer  # closes the file
    _use_wal(path)
    return path


def _use_wal(path: Path) -> None:
    """WAL journal (kept in the file): readers (the map) and the live-update writer never block each other."""
    from osgeo import gdal

    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    if dataset is not None:
        dataset.ExecuteSQL("PRAGMA journal_mode=WAL")
        dataset = None


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
        raise WorldCerealError(tr("The tile layer {path} cannot be opened.").format(path=path))
    layer.setRenderer(status_renderer())
    layer.setCustomProperty(RUN_PROPERTY, str(Path(path).parent))
    return layer


def load_tile_layer(path: str | Path, project: QgsProject | None = None,
                    name: str = "WorldCereal tiles") -> QgsVectorLayer:
    layer = open_tile_layer(path, name)
    (project or QgsProject.instance()).addMapLayer(layer)
    return layer


def update_tile_layer(layer: QgsVectorLayer, states: Mapping[str, TileState]) -> int:
    """Queue the changed status/job/credits of ``states`` for the file; returns how many tiles changed.

    GUI thread: compares with the in-memory copy of the file's live columns (no disk access); the write runs in
    a task (see the module docstring)."""
    live = _live(layer)
    changes: dict[int, dict[str, object]] = {}
    for name, state in states.items():
        row = live.rows.get(name)
        if row is None:
            continue
        values = {"status": state.status, "job_id": state.job_id or "", "credits": round(state.credits, 3),
                  "attempts": state.attempts, "message": state.message}
        changed = {key: value for key, value in values.items() if row[key] != value}
        if changed:
            row.update(changed)
            changes[live.fids[name]] = changed
    if changes:
        live.write(changes)
    return len(changes)


def pending_writes(layer: QgsVectorLayer) -> bool:
    """True while live updates of ``layer`` are still on their way to the file."""
    live = _LIVE.get(layer.id())
    return live is not None and (live.task is not None or bool(live.pending))


class _LiveRows:
    """Per loaded tile layer: the live columns as the file holds them (after queued writes), and the writer."""

    def __init__(self, layer: QgsVectorLayer) -> None:
        self.layer, self.path = layer, layer.source().split("|")[0]
        self.rows: dict[str, dict[str, object]] = {}
        self.fids: dict[str, int] = {}
        request = no_geometry_request()  # the live columns through the open provider: ~2 ms for a country
        request.setSubsetOfAttributes(["name", *_LIVE_FIELDS], layer.fields())
        for feature in layer.getFeatures(request):
            self.rows[feature["name"]] = {key: _plain(feature[key]) for key in _LIVE_FIELDS}
            self.fids[feature["name"]] = feature.id()
        self.pending: dict[int, dict[str, object]] = {}
        self.task: CoreTask | None = None

    def write(self, changes: dict[int, dict[str, object]]) -> None:
        for fid, values in changes.items():
            self.pending.setdefault(fid, {}).update(values)
        if self.task is None:
            self._start()

    def _start(self) -> None:
        batch, self.pending = self.pending, {}
        path = self.path
        # start_task keeps the task referenced until it ends: this object goes with its layer, and a task whose
        # last Python reference went with it never wrote its rows or never ended.
        self.task = start_task(CoreTask("WorldCereal: updating the tile layer",
                                        lambda _task: _write_rows(path, batch), self._written))

    def _written(self, _result, error: WorldCerealError | None) -> None:
        self.task = None
        if error is not None:  # shown in the log; the next change writes its row again
            from qgis.core import Qgis, QgsMessageLog

            QgsMessageLog.logMessage(str(error), "WorldCereal", Qgis.MessageLevel.Warning)
        try:
            self.layer.triggerRepaint()
        except RuntimeError:  # the layer was removed meanwhile
            return
        if self.pending:
            self._start()


_LIVE: dict[str, _LiveRows] = {}


def _plain(value: object) -> object:
    """A NULL attribute (QVariant on QGIS 3.22) as None, so it compares like the values written."""
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


def _live(layer: QgsVectorLayer) -> _LiveRows:
    live = _LIVE.get(layer.id())
    if live is None:
        live = _LIVE[layer.id()] = _LiveRows(layer)
        layer_id = layer.id()
        layer.willBeDeleted.connect(lambda: _LIVE.pop(layer_id, None))
    return live


def _open_tiles(path: str):
    """The GeoPackage (for update) and its ``tiles`` table through GDAL, in either GDAL exception mode."""
    from osgeo import gdal

    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        table = dataset.GetLayerByName("tiles") if dataset is not None else None
    except RuntimeError:
        table = None
    if table is None:
        raise WorldCerealError(tr("The tile layer {path} cannot be opened.").format(path=path))
    return dataset, table


def _write_rows(path: str, changes: dict[int, dict[str, object]]) -> int:
    """Worker thread: one transaction on the GeoPackage through GDAL (both GDAL exception modes handled)."""
    failed = WorldCerealError(tr("The tile layer {path} could not be updated.").format(path=path))
    dataset, table = _open_tiles(path)
    try:
        if table.StartTransaction() != 0:
            raise failed
        for fid, values in changes.items():
            feature = table.GetFeature(fid)
            if feature is None:
                continue
            for key, value in values.items():
                feature.SetField(key, value)
            table.SetFeature(feature)
        if table.CommitTransaction() != 0:
            raise failed
    except RuntimeError:
        raise failed from None
    finally:
        table = dataset = None  # noqa: F841 (closes the file)
    return len(changes)
