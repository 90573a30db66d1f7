"""The blocking loop over a ``BatchRun`` (Processing, qgis_process): due steps, then sleep until the next one."""

from __future__ import annotations

import time
from typing import Callable

from ..errors import CancelledError
from .engine import Action, BatchRun, ItemState, ItemStatus

MIN_LOOP_S = 0.2                # never spin faster (e.g. items waiting for a free slot)

Log = Callable[[str], None]


def drive(run: BatchRun, *, progress: Callable[[float], None] = lambda p: None,
          is_cancelled: Callable[[], bool] = lambda: False, log: Log = lambda m: None,
          sleep: Callable[[float], None] = time.sleep,
          on_step: Callable[[Action, ItemState], None] | None = None, what: str = "run",
          min_loop_s: float | None = None) -> dict[str, ItemState]:
    """Drive the run to its end in this thread; cancelling stops every remote job of the run."""
    floor = MIN_LOOP_S if min_loop_s is None else min_loop_s
    while True:
        if is_cancelled():
            run.cancel()
            raise CancelledError(f"The {what} was cancelled; its jobs were stopped on {run.profile.title}.")
        states = run.item_states()
        if run.is_done(states):
            return states
        for action in run.due_actions():
            state = run.execute(action)
            report(log, action, state, what)
            if on_step is not None:
                on_step(action, state)
            if is_cancelled():
                break
        progress(run.progress())
        sleep_until(max(run.next_due(), time.time() + floor), is_cancelled, sleep)


def report(log: Log, action: Action, state: ItemState, what: str = "run") -> None:
    """One line per step a user cares about (started, retrying/failed, downloaded, waiting for a slot)."""
    label = "Tile" if what == "tiled run" else "Job"
    if action.kind == "submit" and state.status == ItemStatus.SUBMITTING:
        if state.slot_waits == 1 and state.message:  # said once per job, not at every try
            log(f"{label} {state.name}: {state.message}")
    elif action.kind == "submit" and state.job_id:
        log(f"{label} {state.name}: job {state.job_id} started (attempt {state.attempts}).")
    elif state.status == ItemStatus.RETRYING and action.kind != "download":
        log(f"{label} {state.name} failed ({state.message or 'no reason given'}); submitting it again later.")
    elif state.status == ItemStatus.FAILED and action.kind != "download":
        log(f"{label} {state.name} failed for good: {state.message or 'no reason given'}")
    elif action.kind == "download" and state.status == ItemStatus.FINISHED:
        log(f"{label} {state.name}: results downloaded.")


def sleep_until(when: float, is_cancelled: Callable[[], bool], sleep: Callable[[float], None]) -> None:
    while time.time() < when and not is_cancelled():
        sleep(min(0.2, max(0.0, when - time.time())))
