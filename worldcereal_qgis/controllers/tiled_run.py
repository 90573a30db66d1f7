"""Drives a tiled run for the dock: the run folder is the truth, short tasks do the network, a timer decides when.

Same rules as job_controller.py: the main-thread QTimer only reads the run's job database and picks the due
steps (no network); each submit, poll, download, mosaic rebuild or cancel is one short CoreTask, and nothing
sleeps in a worker thread. A new controller on the same folder (after a QGIS restart) continues the run.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..adapters.tasks import CRITICAL, WARNING, CoreTask, start_task
from ..core.errors import AuthError, CancelledError, WorldCerealError
from ..core.tile_runs import Action, TileRun, TileStatus

_MOSAIC_KEY = "mosaic"
_CANCEL_KEY = "cancel"


class RunController(QObject):
    tileChanged = pyqtSignal(str, str)       # tile name, its status
    mosaicUpdated = pyqtSignal(str)          # path of the display VRT (rebuilt with the tiles so far)
    runFinished = pyqtSignal(int, int)       # finished tiles, failed tiles
    notify = pyqtSignal(str, str, int)       # title, one-sentence message, Qgis.MessageLevel value

    def __init__(self, run: TileRun, project: QgsProject | None = None, tick_ms: int = 500,
                 display_epsg: int = 4326, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.project = project or QgsProject.instance()
        self.display_epsg = display_epsg
        self.tile_layer: QgsVectorLayer | None = None
        self.mosaic_path: Path | None = None
        self._tasks: dict[str, CoreTask] = {}
        self._mosaic_dirty = False
        self._finished_reported = False
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

    # -- lifecycle ----------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Start (or, on a reopened folder, continue) the run; a finished run only rebuilds its mosaic."""
        self._stopped = False
        self._mosaic_dirty = bool(self.run.mosaic_tiles())
        self._timer.start()
        self._tick()

    def shutdown(self) -> None:
        """Stop watching; remote jobs keep running and the next controller on this folder picks them up."""
        self._stopped = True
        self._timer.stop()
        for task in list(self._tasks.values()):
            task.detach()
            task.cancel()
        self._tasks.clear()

    def busy(self) -> bool:
        return bool(self._tasks)

    def cancel(self) -> None:
        """Stop every remote job of the run (in a task: it is one request per running job)."""
        self._timer.stop()

        def done(problems, error) -> None:
            self._after_cancel(problems or [], error)

        self._start(_CANCEL_KEY, CoreTask("WorldCereal: cancelling the tiled run", lambda t: self.run.cancel(), done))

    # -- the loop -----------------------------------------------------------------------------------------------
    def _tick(self) -> None:
        if self._stopped:
            return
        try:
            actions = self.run.due_actions(busy=set(self._tasks))
        except WorldCerealError as err:
            self._timer.stop()
            self.notify.emit("WorldCereal", str(err), CRITICAL)
            return
        for action in actions:
            self._start(action.tile, CoreTask(f"WorldCereal: {action.kind} {action.tile}",
                                              lambda t, a=action: self.run.execute(a),
                                              lambda state, error, a=action: self._after_step(a, state, error)))
        if self._mosaic_dirty and _MOSAIC_KEY not in self._tasks:
            self._rebuild_mosaic()
        self._check_finished()

    def _start(self, key: str, task: CoreTask) -> None:
        self._tasks[key] = task
        start_task(task)

    def _after_step(self, action: Action, state, error) -> None:
        self._tasks.pop(action.tile, None)
        if error is not None and not isinstance(error, CancelledError):
            self.notify.emit("WorldCereal", str(error), CRITICAL)
            if isinstance(error, AuthError):
                self._timer.stop()  # every next step would fail the same way; the user logs in and resumes
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
        self._start(_MOSAIC_KEY, CoreTask("WorldCereal: updating the mosaic",
                                          lambda t: self.run.build_mosaic(self.display_epsg), self._after_mosaic))

    def _after_mosaic(self, result, error) -> None:
        self._tasks.pop(_MOSAIC_KEY, None)
        if error is not None:
            self.notify.emit("WorldCereal", str(error), CRITICAL)
            return
        if result is None:
            return
        self.mosaic_path = result.display
        for layer in self.project.mapLayers().values():
            if isinstance(layer, QgsRasterLayer) and Path(layer.source()) == result.display:
                layer.dataProvider().reloadData()  # the VRT was replaced: show the new tiles
                layer.triggerRepaint()
        self.mosaicUpdated.emit(str(result.display))
        self._check_finished()

    def load_tile_layer(self) -> QgsVectorLayer:
        """Write ``tiles.gpkg`` next to the outputs (once) and add it to the project, styled by status."""
        from .. import settings
        from ..adapters import tile_layer

        path = self.run.run_dir / tile_layer.FILE_NAME
        if not path.is_file():
            tile_layer.write_tile_layer(path, self.run.tiles, self.run.tile_states(), rates=settings.credit_rates())
        self.tile_layer = tile_layer.load_tile_layer(path, self.project, f"{self.run.name} tiles")
        self.update_tile_layer()
        return self.tile_layer

    def update_tile_layer(self) -> None:
        from ..adapters import tile_layer

        if self.tile_layer is not None and self.tile_layer.isValid():
            tile_layer.update_tile_layer(self.tile_layer, self.run.tile_states())

    # -- ending -------------------------------------------------------------------------------------------------
    def _check_finished(self) -> None:
        if self._finished_reported or self._tasks or self._mosaic_dirty:
            return
        states = self.run.tile_states()
        if not self.run.is_done(states):
            return
        self._finished_reported = True
        self._timer.stop()
        finished = sum(1 for s in states.values() if s.status == TileStatus.FINISHED)
        failed = sum(1 for s in states.values() if s.status == TileStatus.FAILED)
        credits = self.run.actual_credits()
        level = 3 if not failed else 1
        self.notify.emit("WorldCereal", f"{finished} of {len(states)} tiles of {self.run.name} finished; "
                                        f"{credits:.1f} credits used.", level)
        self.runFinished.emit(finished, failed)

    def _after_cancel(self, problems: list[str], error) -> None:
        self._tasks.pop(_CANCEL_KEY, None)
        self.update_tile_layer()
        if error is not None:
            self.notify.emit("WorldCereal", str(error), CRITICAL)
        for problem in problems:
            self.notify.emit("WorldCereal", problem, CRITICAL)
        if not problems and error is None:
            self.notify.emit("WorldCereal", f"The tiled run {self.run.name} was cancelled on the backend.", WARNING)
