"""Drives a tiled run for the dock: the run folder is the truth, short tasks do the network, a timer decides when.

The stepping is the batch engine's dock side (``batch_steps.BatchSteps``); this controller adds the tile
layer, the growing mosaic and the end-of-run message. A mosaic rebuild or a cancel is one more short task. A
new controller on the same folder (after a QGIS restart) continues the run.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..adapters.tasks import CRITICAL, WARNING
from ..core.errors import AuthError, CancelledError, WorldCerealError
from ..core.tile_runs import Action, TileRun, TileStatus
from .batch_steps import BatchSteps

_MOSAIC_KEY = "mosaic"
_CANCEL_KEY = "cancel"
_LAYER_KEY = "tile layer"


class RunController(BatchSteps):
    tileChanged = pyqtSignal(str, str)       # tile name, its status
    mosaicUpdated = pyqtSignal(str)          # path of the display VRT (rebuilt with the tiles so far)
    runFinished = pyqtSignal(int, int)       # finished tiles, failed tiles
    notify = pyqtSignal(str, str, int)       # title, one-sentence message, Qgis.MessageLevel value

    def __init__(self, run: TileRun, project: QgsProject | None = None, tick_ms: int = 500,
                 display_epsg: int = 4326, parent: QObject | None = None) -> None:
        super().__init__(tick_ms, parent)
        self.run = run
        self.project = project or QgsProject.instance()
        self.display_epsg = display_epsg
        self.tile_layer: QgsVectorLayer | None = None
        self.mosaic_path: Path | None = None
        self._mosaic_dirty = False
        self._finished_reported = False
        self._stopped = False
        self._reloads = LayerReloads(self)

    # -- lifecycle ----------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Start (or, on a reopened folder, continue) the run; a finished run only rebuilds its mosaic."""
        self._stopped = False
        self._mosaic_dirty = bool(self.run.mosaic_tiles())
        self.start_steps()

    def shutdown(self) -> None:
        """Stop watching; remote jobs keep running and the next controller on this folder picks them up."""
        self._stopped = True
        super().shutdown()

    def cancel(self) -> None:
        """Stop every remote job of the run (in a task: it is one request per running job)."""
        self.stop_steps()
        self.run_task(_CANCEL_KEY, "WorldCereal: cancelling the tiled run", lambda t: self.run.cancel(),
                      lambda problems, error: self._after_cancel(problems or [], error))

    # -- the engine's hooks -------------------------------------------------------------------------------------
    def batch(self) -> TileRun | None:
        return None if self._stopped else self.run

    def stopped_by(self, error: WorldCerealError) -> None:
        self.notify.emit("WorldCereal", str(error), CRITICAL)

    def after_tick(self, run) -> None:
        if self._mosaic_dirty and _MOSAIC_KEY not in self._tasks:
            self._rebuild_mosaic()
        self._check_finished()

    def after_step(self, action: Action, state, error) -> None:
        if error is not None and not isinstance(error, CancelledError):
            self.notify.emit("WorldCereal", str(error), CRITICAL)
            if isinstance(error, AuthError):
                self.stop_steps()  # every next step would fail the same way; the user logs in and resumes
            return
        if state is None:
            return
        self.update_tile_layer()
        self.tileChanged.emit(state.name, state.status)
        if action.kind == "download" and state.status == TileStatus.FINISHED:
            self._mosaic_dirty = True
        if state.status == TileStatus.RETRYING and action.kind == "poll":
            self.notify.emit("WorldCereal", f"Tile {state.name} failed and will be retried: {state.message}", WARNING)

    # -- mosaic and tile layer ----------------------------------------------------------------------------------
    def _rebuild_mosaic(self) -> None:
        self._mosaic_dirty = False
        self.run_task(_MOSAIC_KEY, "WorldCereal: updating the mosaic",
                      lambda t: self.run.build_mosaic(self.display_epsg), self._after_mosaic)

    def _after_mosaic(self, result, error) -> None:
        if error is not None:
            self.notify.emit("WorldCereal", str(error), CRITICAL)
            return
        if result is None:
            return
        from ..core.mosaic_bands import display_of

        self.mosaic_path = result.display
        self._reloads.reload([layer for layer in self.project.mapLayers().values()  # the VRTs were replaced
                              if isinstance(layer, QgsRasterLayer)
                              and display_of(Path(layer.source())) == result.display])
        self.mosaicUpdated.emit(str(result.display))
        self._check_finished()

    def load_tile_layer(self) -> None:
        """Show ``tiles.gpkg`` (written once) in the project, styled by status; live updates follow from then on.

        Writing the file and reading its live columns run in a task; the main thread opens the layer and adds it
        in two event-loop turns (all in one turn took 17-35 ms for 300 tiles, issue #21)."""
        from .. import settings
        from ..adapters import tile_layer

        run, rates = self.run, settings.credit_rates()
        path = run.run_dir / tile_layer.FILE_NAME

        def prepare(_task):
            if not path.is_file():
                tile_layer.write_tile_layer(path, run.tiles, run.tile_states(), rates=rates)
            return tile_layer.read_live_columns(path)

        self.run_task(_LAYER_KEY, "WorldCereal: opening the tile layer", prepare,
                      lambda columns, error: self._tile_layer_read(path, columns, error))

    def _tile_layer_read(self, path: Path, columns, error: WorldCerealError | None) -> None:
        from ..adapters import tile_layer

        if error is None and not self._stopped:
            try:
                tile_layer.show_tile_layer(path, f"{self.run.name} tiles", columns, self.project,
                                           self._tile_layer_added)
            except WorldCerealError as err:
                error = err
        if error is not None and not isinstance(error, CancelledError):
            self.notify.emit("WorldCereal", str(error), WARNING)

    def _tile_layer_added(self, layer: QgsVectorLayer) -> None:
        self.tile_layer = layer
        layer.willBeDeleted.connect(lambda: self._tile_layer_gone(layer))  # the user may remove it any time
        self.update_tile_layer()

    def _tile_layer_gone(self, layer: QgsVectorLayer) -> None:
        if self.tile_layer is layer:
            self.tile_layer = None

    def update_tile_layer(self) -> None:
        from ..adapters import tile_layer

        if self.tile_layer is not None:
            tile_layer.update_tile_layer(self.tile_layer, self.run.tile_states())

    # -- ending -------------------------------------------------------------------------------------------------
    def _check_finished(self) -> None:
        if self._finished_reported or self._tasks or self._mosaic_dirty:
            return
        states = self.run.tile_states()
        if not self.run.is_done(states):
            return
        self._finished_reported = True
        self.stop_steps()
        finished = sum(1 for s in states.values() if s.status == TileStatus.FINISHED)
        failed = sum(1 for s in states.values() if s.status == TileStatus.FAILED)
        credits = self.run.actual_credits()
        level = 3 if not failed else 1
        self.notify.emit("WorldCereal", f"{finished} of {len(states)} tiles of {self.run.name} finished; "
                                        f"{credits:.1f} credits used.", level)
        self.runFinished.emit(finished, failed)

    def _after_cancel(self, problems: list[str], error) -> None:
        self.update_tile_layer()
        if error is not None:
            self.notify.emit("WorldCereal", str(error), CRITICAL)
        for problem in problems:
            self.notify.emit("WorldCereal", problem, CRITICAL)
        if not problems and error is None:
            self.notify.emit("WorldCereal", f"The tiled run {self.run.name} was cancelled on the backend.", WARNING)


class LayerReloads(QObject):
    """Layers whose file was replaced reload it one per event-loop turn, then repaint together.

    Each GDAL layer reopens its file (~5 ms for a mosaic VRT); the 53 layers of a crop-type mosaic at once held
    the GUI thread for 220-300 ms after every finished tile (issue #21). The repaint waits for the last one: a
    repaint per layer would restart the map's render jobs 53 times, and render jobs share QGIS's small thread
    pool with the plugin's tasks.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue: list[QgsRasterLayer] = []
        self._done: list[QgsRasterLayer] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def reload(self, layers: list[QgsRasterLayer]) -> None:
        """Reload ``layers`` (all of them: ones still queued from an earlier call are in it again)."""
        self.queue, self._done = list(layers), []
        if self.queue:
            self._timer.start()

    def _next(self) -> None:
        if not self.queue:
            self._timer.stop()
            self._repaint()
            return
        layer = self.queue.pop(0)
        try:
            layer.dataProvider().reloadData()
            self._done.append(layer)
        except RuntimeError:  # the user removed the layer meanwhile
            pass

    def _repaint(self) -> None:
        done, self._done = self._done, []
        for layer in done:
            try:
                layer.triggerRepaint()
            except RuntimeError:
                pass
