"""The tile layer of a tiled run: a GeoPackage next to the outputs, coloured by status, updated live.

Why a file and not a memory layer: the plan survives QGIS restarts with the run, users can open it in any GIS,
and the same file shows the preview from ``worldcereal:plan_tiles`` and the live run.

No step holds the GUI thread longer than a frame (issue #21): opening a country's GeoPackage, reading its live
columns and adding the layer took 17-35 ms in one turn, so the columns are read in a task
(``read_live_columns``) and the layer is opened and added in two turns (``show_tile_layer``). A GeoPackage
commit waits for the disk (15-85 ms measured here): ``update_tile_layer`` compares against what the file holds
(kept in memory per layer), and a task writes the changed rows through its own GDAL connection, coalescing
whatever changed meanwhile into the next write; the layer repaints when a write is done. The writer keeps the
file in WAL mode (QGIS resets it), so QGIS's renderers keep reading while a write runs. A write stops at its
first failed row or when cancelled (QGIS closing); a removed layer's queued rows go in one last write, so every
write task ends and the file keeps the run's last statuses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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
from qgis.PyQt.QtCore import QCoreApplication, QTimer

from ..core.credits import CreditRates, estimate_map_credits
from ..core.errors import CancelledError, WorldCerealError
from ..core.tile_runs import TilePlan, TileState, TileStatus
from .compat import field
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
_BUSY_TIMEOUT_MS = "2000"
_RETRIES = 3  # failed writes in a row before the rows wait for the next change


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
    options = QgsVectorLayer.LayerOptions(False, False)  # its own renderer: no default style lookup in the file
    options.skipCrsValidation = True  # EPSG:4326, written by the plugin
    layer = QgsVectorLayer(f"{path}|layername=tiles", name, "ogr", options)
    if not layer.isValid():
        raise WorldCerealError(tr("The tile layer {path} cannot be opened.").format(path=path))
    layer.setRenderer(status_renderer())
    layer.setCustomProperty(RUN_PROPERTY, str(Path(path).parent))
    return layer


@dataclass
class LiveColumns:
    """The live columns of every tile as the file holds them, and each tile's feature id."""

    rows: dict[str, dict[str, object]]
    fids: dict[str, int]


def read_live_columns(path: str | Path) -> LiveColumns:
    """Worker thread: the live columns through GDAL, without geometries (its own read-only connection).

    GDAL and not a QGIS layer: a QGIS OGR layer opened in a worker thread left QGIS's task pool stalled now and
    then (a queued task never started: tests/qgis/test_tiled_runs.py), so QGIS layers stay on the main thread."""
    rows: dict[str, dict[str, object]] = {}
    fids: dict[str, int] = {}
    dataset, table = _open_tiles(str(path), update=False)
    try:
        table.SetIgnoredFields(["OGR_GEOMETRY"])
        for feature in table:
            name = feature.GetField("name")
            rows[name] = {key: feature.GetField(key) for key in _LIVE_FIELDS}
            fids[name] = feature.GetFID()
    finally:
        table = dataset = None  # noqa: F841 (closes the file)
    return LiveColumns(rows, fids)


def show_tile_layer(path: str | Path, name: str, columns: LiveColumns, project: QgsProject | None,
                    on_added: Callable[[QgsVectorLayer], None]) -> None:
    """Main thread, after ``read_live_columns``: open and style the layer now, add it on the next event-loop turn.

    Each half stays under one 60 Hz frame (opening ~6-10 ms, adding with its legend ~8 ms; both at once, plus
    reading the columns, took 17-35 ms, issue #21). Raises WorldCerealError if the file cannot be opened."""
    layer = open_tile_layer(path, name)

    def add() -> None:
        (project or QgsProject.instance()).addMapLayer(layer)
        _track(layer, _LiveRows(layer, columns))
        on_added(layer)

    QTimer.singleShot(0, add)


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

    def __init__(self, layer: QgsVectorLayer, columns: LiveColumns) -> None:
        self.layer, self.path = layer, layer.source().split("|")[0]
        self.rows, self.fids = columns.rows, columns.fids
        self.pending: dict[int, dict[str, object]] = {}
        self.writing: dict[int, dict[str, object]] = {}
        self.task: CoreTask | None = None
        self.stopped = False
        self.failures = 0

    def write(self, changes: dict[int, dict[str, object]]) -> None:
        self.pending = _merged(self.pending, changes)
        if self.task is None:
            self._start()

    def _start(self) -> None:
        self.writing, self.pending = self.pending, {}
        path, batch = self.path, self.writing
        # start_task keeps the task referenced until it ends: this object goes with its layer, and a task whose
        # last Python reference went with it never wrote its rows or never ended.
        self.task = start_task(CoreTask("WorldCereal: updating the tile layer",
                                        lambda task: _write_rows(path, batch, task), self._written))

    def stop(self) -> None:
        """The layer goes away: the write in flight ends as usual and what is still queued goes in one last write
        (the file stays the run's record for the next session); no retries after that."""
        self.stopped = True
        if self.task is None and self.pending:
            self._start()

    def _written(self, _result, error: WorldCerealError | None) -> None:
        failed, self.writing, self.task = self.writing, {}, None
        newer = bool(self.pending)
        self.failures = 0 if error is None else self.failures + 1
        if error is not None:  # the rows go again with the next change, or retried a few times a second apart
            self.pending = _merged(failed, self.pending)
            if not isinstance(error, CancelledError):
                from qgis.core import Qgis, QgsMessageLog

                QgsMessageLog.logMessage(str(error), "WorldCereal", Qgis.MessageLevel.Warning)
        if self.stopped:  # the layer is gone: only rows queued before that still go, once
            if newer:
                self._start()
            return
        try:
            self.layer.triggerRepaint()
        except RuntimeError:  # the layer was removed meanwhile
            return
        if newer:
            self._start()
        elif self.pending and self.failures < _RETRIES:
            QTimer.singleShot(1000, self._retry)

    def _retry(self) -> None:
        if not self.stopped and self.task is None and self.pending:
            self._start()


def _merged(older: dict[int, dict[str, object]], newer: dict[int, dict[str, object]]) -> dict[int, dict[str, object]]:
    """Row changes of ``older`` overwritten field by field by ``newer``."""
    merged = {fid: dict(values) for fid, values in older.items()}
    for fid, values in newer.items():
        merged.setdefault(fid, {}).update(values)
    return merged


_LIVE: dict[str, _LiveRows] = {}


def _live(layer: QgsVectorLayer) -> _LiveRows:
    """The layer's live rows: read in a task before ``show_tile_layer``, else now (a layer loaded otherwise)."""
    live = _LIVE.get(layer.id())
    path = layer.source().split("|")[0]
    return live if live is not None else _track(layer, _LiveRows(layer, read_live_columns(path)))


def _track(layer: QgsVectorLayer, live: _LiveRows) -> _LiveRows:
    _LIVE[layer.id()] = live
    layer_id = layer.id()
    layer.willBeDeleted.connect(lambda: _forget(layer_id))
    return live


def _forget(layer_id: str) -> None:
    live = _LIVE.pop(layer_id, None)
    if live is not None:
        live.stop()


def _open_tiles(path: str, update: bool = True):
    """The GeoPackage (for update by default) and its ``tiles`` table through GDAL, in either GDAL exception mode.

    WAL again on every open: QGIS puts a GeoPackage back into the rollback journal when it closes its own
    connection (seen when it opens the freshly written file), and there a reader's lock makes a commit wait.
    A locked file waits 2 s (SQLite's busy timeout, GDAL's default is 5 s per statement), then the write fails."""
    from osgeo import gdal

    gdal.SetThreadLocalConfigOption("SQLITE_BUSY_TIMEOUT", _BUSY_TIMEOUT_MS)
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | (gdal.OF_UPDATE if update else 0))
        table = dataset.GetLayerByName("tiles") if dataset is not None else None
        result = dataset.ExecuteSQL("PRAGMA journal_mode=WAL") if table is not None and update else None
        if result is not None:
            dataset.ReleaseResultSet(result)
    except RuntimeError:
        table = None
    finally:
        gdal.SetThreadLocalConfigOption("SQLITE_BUSY_TIMEOUT", None)  # the pool's thread runs other tasks next
    if table is None:
        raise WorldCerealError(tr("The tile layer {path} cannot be opened.").format(path=path))
    return dataset, table


def _write_rows(path: str, changes: dict[int, dict[str, object]], task=None) -> int:
    """Worker thread: one transaction on the GeoPackage through GDAL (both GDAL exception modes handled).

    Stops at the first row that cannot be written (a locked file waits SQLite's busy timeout once, not once per
    row) and when ``task`` is cancelled; closing the file without a commit rolls the rows back."""
    failed = WorldCerealError(tr("The tile layer {path} could not be updated.").format(path=path))
    dataset, table = _open_tiles(path)
    try:
        if table.StartTransaction() != 0:
            raise failed
        for fid, values in changes.items():
            if task is not None and task.isCanceled():
                raise CancelledError(tr("The tile layer update was cancelled."))
            feature = table.GetFeature(fid)
            if feature is None:
                continue
            for key, value in values.items():
                feature.SetField(key, value)
            if table.SetFeature(feature) != 0:
                raise failed
        if table.CommitTransaction() != 0:
            raise failed
    except RuntimeError:
        raise failed from None
    finally:
        table = dataset = None  # noqa: F841 (closes the file)
    return len(changes)
