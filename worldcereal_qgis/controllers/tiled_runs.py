"""Tiled runs started from the dock: plan in a task, create the run folder, watch it, resume it after a restart.

The run folder is the truth (``core.tile_runs``). This module only remembers which folders are unfinished
(``settings.ACTIVE_RUNS``) so a restarted QGIS continues them, owns one ``RunController`` per run, and loads
the growing mosaic once as styled layers (the controller reloads it in place as tiles arrive). Planning and
folder creation touch the disk and can take a while for a country: both run in tasks.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from qgis.core import QgsApplication, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QObject, pyqtSignal

from .. import settings
from ..adapters import tile_layer
from ..adapters.tasks import CRITICAL, CoreTask, start_task
from ..core.backends import BackendProfile
from ..core.credits import CreditRates
from ..core.errors import WorldCerealError
from ..core.request import MapRequest
from ..core.run_plan import RunPlan, plan_run
from ..core.tile_runs import TileRun, TileStatus
from .tiled_run import RunController

OnDone = Callable[[object, "WorldCerealError | None"], None]


@dataclass(frozen=True)
class RunRow:
    """One line of the dock's run list."""

    run_dir: Path
    name: str
    total: int
    finished: int
    failed: int
    active: int
    credits: float

    def status_text(self) -> str:
        if self.finished + self.failed == self.total:
            return "finished" if not self.failed else f"done, {self.failed} failed"
        return f"{self.active} on the backend" if self.active else "waiting"


def bounded_plan(request: MapRequest, profile: BackendProfile, tile_km: float, rates: CreditRates,
                 task=None) -> RunPlan:
    """The dock's plan step, in a task: bounded from the area first, then streamed and cancellable (#16).

    The job-count limit and the credit budget (setting jobs/credit_budget) are checked from the area before
    any tile is cut (core/plan_bounds.py), so a continent is answered with one sentence in seconds.
    """
    from ..core.plan_bounds import area_km2, check_plan_bounds

    check_plan_bounds(area_km2(request.aoi.geometry), tile_km, max_credits=settings.CREDIT_BUDGET.read(),
                      rates=rates, raise_hint=f"raise the setting {settings.PREFIX + settings.CREDIT_BUDGET.key}")
    return plan_run(request, profile, tile_km, rates, is_cancelled=None if task is None else task.isCanceled,
                    progress=None if task is None else task.setProgress)


def new_run_folder(name: str, root: Path | None = None, now: datetime | None = None) -> Path:
    """``<output dir>/runs/<aoi name>_<timestamp>``: readable, unique per start."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "run"
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return (root or settings.default_output_dir()) / "runs" / f"{safe}_{stamp}"


def active_folders() -> list[Path]:
    try:
        return [Path(p) for p in json.loads(settings.ACTIVE_RUNS.read()) if isinstance(p, str)]
    except ValueError:
        return []


def _remember(folder: Path, keep: bool) -> None:
    folders = [p for p in active_folders() if p != folder] + ([folder] if keep else [])
    settings.ACTIVE_RUNS.write(json.dumps([str(p) for p in folders]))


def _create_run(plan: RunPlan, folder: Path, client_for, rates: CreditRates) -> TileRun:
    """Worker thread: check the folder and the disk (before any job), then the run folder, its job database and
    its tile layer file (estimates at the user's rates)."""
    from ..adapters import preflight

    preflight.check_map(plan.request, folder)
    run = TileRun.create(folder, plan.request, plan.profile, plan.tiles, client_for=client_for)
    tile_layer.write_tile_layer(folder / tile_layer.FILE_NAME, run.tiles, run.tile_states(), rates=rates)
    return run


class TiledRuns(QObject):
    """Every tiled run the dock knows of; the dock's run list reads ``rows()``."""

    changed = pyqtSignal()
    notify = pyqtSignal(str, str, int)  # title, one sentence, Qgis.MessageLevel value

    def __init__(self, client_for: Callable[[BackendProfile], object], project: QgsProject | None = None,
                 parent: QObject | None = None, tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self.client_for = client_for
        self.project = project or QgsProject.instance()
        self.tick_ms = tick_ms
        self.controllers: dict[Path, RunController] = {}
        self._tasks: set[CoreTask] = set()
        self._mosaic_loaded: set[Path] = set()

    # -- starting -----------------------------------------------------------------------------------------------
    def plan(self, request: MapRequest, profile: BackendProfile, on_done: OnDone) -> None:
        tile_km, rates = settings.TILE_SIZE_KM.read(), settings.credit_rates()
        self._start_task(CoreTask("WorldCereal: planning tiles",
                                  lambda t: bounded_plan(request, profile, tile_km, rates, t), on_done))

    def start(self, plan: RunPlan, folder: Path | None = None) -> Path:
        """Create the run folder in a task, then watch it; returns the folder (remembered at once)."""
        folder = folder or new_run_folder(plan.request.aoi.name)
        _remember(folder, True)  # a crash during creation still leaves the folder to resume or inspect
        rates = settings.credit_rates()
        self._start_task(CoreTask(f"WorldCereal: starting the tiled run {plan.request.aoi.name}",
                                  lambda t: _create_run(plan, folder, self.client_for, rates),
                                  lambda run, error: self._created(folder, run, error)))
        return folder

    def resume(self) -> None:
        """Continue every unfinished run of an earlier session (folders opened in tasks)."""
        for folder in active_folders():
            if folder in self.controllers:
                continue
            self._start_task(CoreTask(f"WorldCereal: reopening the tiled run {folder.name}",
                                      lambda t, f=folder: TileRun.open(f, client_for=self.client_for),
                                      lambda run, error, f=folder: self._created(f, run, error)))

    def _created(self, folder: Path, run: TileRun | None, error: WorldCerealError | None) -> None:
        if error is not None or run is None:
            if error is not None:
                self.notify.emit("WorldCereal", str(error), CRITICAL)
            _remember(folder, False)
            return
        self._adopt(run)

    def _adopt(self, run: TileRun) -> None:
        controller = RunController(run, self.project, tick_ms=self.tick_ms, parent=self)
        self.controllers[run.run_dir] = controller
        controller.notify.connect(self.notify)
        controller.tileChanged.connect(lambda _name, _status: self.changed.emit())
        controller.mosaicUpdated.connect(lambda path, c=controller: self._show_mosaic(c, Path(path)))
        controller.runFinished.connect(lambda ok, failed, c=controller: self._finished(c))
        controller.load_tile_layer()  # in a task; appears when opened
        controller.start()
        self.changed.emit()

    # -- following ----------------------------------------------------------------------------------------------
    def _show_mosaic(self, controller: RunController, path: Path) -> None:
        """First mosaic of a run: styled layers (built in a task); later rebuilds reload in place."""
        run_dir = controller.run.run_dir
        if run_dir in self._mosaic_loaded or _has_layer(self.project, path):
            return
        self._mosaic_loaded.add(run_dir)
        from ..adapters import layers

        job = {"job_id": controller.run.run_id, "title": f"{controller.run.name} (tiled run)",
               "product": controller.run.product, "backend": controller.run.profile.url}
        main = QgsApplication.instance().thread()
        self._start_task(CoreTask(f"WorldCereal: loading the mosaic of {controller.run.name}",
                                  lambda t: layers.build_result_layers(path, job=job, target_thread=main),
                                  lambda built, error: self._add_mosaic(run_dir, built, error)))

    def _add_mosaic(self, run_dir: Path, built, error: WorldCerealError | None) -> None:
        from ..adapters import layers

        if error is not None:
            self._mosaic_loaded.discard(run_dir)
            self.notify.emit("WorldCereal", str(error), CRITICAL)
            return
        layers.add_result_layers(built, self.project)

    def _finished(self, controller: RunController) -> None:
        _remember(controller.run.run_dir, False)
        self.changed.emit()

    def cancel(self, run_dir: Path) -> None:
        controller = self.controllers.get(run_dir)
        if controller is not None:
            controller.cancel()
            _remember(run_dir, False)
            self.changed.emit()

    def rows(self) -> list[RunRow]:
        """Counts per run from each run's job database (one small query per run)."""
        rows = []
        for run_dir, controller in self.controllers.items():
            states = controller.run.tile_states().values()
            rows.append(RunRow(run_dir, controller.run.name, len(controller.run.tiles),
                               sum(s.status == TileStatus.FINISHED for s in states),
                               sum(s.status in (TileStatus.FAILED, TileStatus.CANCELED) for s in states),
                               sum(s.status in TileStatus.ON_BACKEND for s in states),
                               controller.run.actual_credits()))
        return rows

    # -- tasks and shutdown -------------------------------------------------------------------------------------
    def _start_task(self, task: CoreTask) -> None:
        self._tasks.add(task)  # for busy(); start_task keeps the task alive
        task.taskCompleted.connect(lambda t=task: self._tasks.discard(t))
        task.taskTerminated.connect(lambda t=task: self._tasks.discard(t))
        start_task(task)

    def busy(self) -> bool:
        return bool(self._tasks) or any(c.busy() for c in self.controllers.values())

    def shutdown(self) -> None:
        """Stop watching; remote jobs go on and the next session resumes the unfinished runs."""
        for task in list(self._tasks):
            task.detach()
        for controller in self.controllers.values():
            controller.shutdown()


def _has_layer(project: QgsProject, path: Path) -> bool:
    from ..core.mosaic_bands import display_of

    return any(isinstance(layer, QgsRasterLayer) and display_of(Path(layer.source())) == path
               for layer in project.mapLayers().values())
