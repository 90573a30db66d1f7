"""Run a training job in the training environment as a subprocess, from a QgsTask or a Processing algorithm.

Why a subprocess: torch/prometheo cannot be imported into QGIS's Python, and a crash there must not take
QGIS down. The child writes one JSON event per stdout line (``training/protocol.py``); stderr goes to
``training.log`` next to the outputs. Cancel terminates the child (then kills it after 5 s) and removes
nothing the user asked for. ``run_training`` is the plain driver; ``TrainingTask`` wraps it for the GUI.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any, Callable, Optional

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from .. import settings
from ..adapters.worker_threads import prepare_worker_thread
from ..core import training_env
from ..core.errors import CancelledError, DependencyError, InputError, WorldCerealError

ENV_SHARE = 20.0  # progress share of the environment step when it has to be built

# Training settings live in settings.py (same keys as before); these names stay for callers and tests.
PROMETHEO_SOURCE = settings.TRAINING_PROMETHEO_SOURCE
TORCH_INDEX_URL = settings.TRAINING_TORCH_INDEX_URL
ENV_FOLDER = settings.TRAINING_ENV_FOLDER
SEASONAL_MODEL = settings.TRAINING_SEASONAL_MODEL
PUBLIC_ENDPOINT = settings.TRAINING_PUBLIC_ENDPOINT
PUBLIC_LISTING = settings.TRAINING_PUBLIC_LISTING


def env_spec() -> training_env.TrainingEnvSpec:
    index = TORCH_INDEX_URL.read().strip()
    return training_env.TrainingEnvSpec(prometheo_source=PROMETHEO_SOURCE.read().strip()
                                        or training_env.DEFAULT_PROMETHEO_SOURCE,
                                        index_urls=(index,) if index else ())


def env_folder() -> Path:
    configured = ENV_FOLDER.read().strip()
    return Path(configured) if configured else settings.profile_data_dir() / "training-env"


def cache_folder() -> Path:
    """Downloaded seasonal models and public extractions."""
    return settings.profile_data_dir() / "training-cache"


def seasonal_model_source() -> str:
    from ..core.udp import DEFAULT_SEASONAL_MODEL_ZIP

    return SEASONAL_MODEL.read().strip() or DEFAULT_SEASONAL_MODEL_ZIP


def model_registry():
    from ..core.model_registry import ModelRegistry

    return ModelRegistry(settings.profile_data_dir() / "models.json")


def custom_head(value: str, profile: Any, log: Callable[[str], None] = lambda _m: None):
    """``artifacts.resolve_custom_head`` for a backend profile: uploads through its artifact storage."""
    from ..adapters import connections
    from ..core.artifacts import resolve_custom_head
    from ..core.backbone import resolve_encoder

    def fingerprint() -> str:
        return resolve_encoder(seasonal_model_source(), cache_folder() / "models").fingerprint

    head = resolve_custom_head(value, model_registry(), lambda: connections.client(profile).connection, fingerprint)
    if head.record is not None:
        text = (tr("Custom model {name}: classes {classes}; URL valid until {expiry}.") if head.record.url_expires
                else tr("Custom model {name}: classes {classes}; no known expiry of its URL."))
        log(text.format(name=head.record.name, classes=", ".join(head.record.class_names),
                        expiry=head.record.url_expires))
    return head


def public_query(bbox: tuple, buffer_km: float) -> dict:
    """The ``public`` entry of a training job (see training/public.py)."""
    return {"bbox": list(bbox), "buffer_m": buffer_km * 1000.0, "endpoint": PUBLIC_ENDPOINT.read().strip(),
            "listing_url": PUBLIC_LISTING.read().strip(), "cache_dir": str(cache_folder() / "public")}


def check_inputs(job: dict, log: Callable[[str], None] = lambda _m: None) -> dict:
    """Check first, build later: read, normalise (dekads -> months, legacy wide -> long) and count the user's
    extractions before the training environment is built; the job then points at the normalised file.
    Raises InputError with one sentence for a bad input (no minutes spent)."""
    from datetime import date

    from ..core.training_inputs import check_training_inputs

    if not job.get("samples"):
        return job
    season = job["season"]
    check = check_training_inputs(job["samples"], Path(job["output_dir"]), date.fromisoformat(season["start"]),
                                  date.fromisoformat(season["end"]), bool(job.get("keep_zero_quality")))
    for line in check.lines():
        log(line)
    return {**job, "samples": [str(check.path)], "original_samples": list(job["samples"]),
            "inputs": check.as_dict()}


def tr(text: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("CustomModels", text)


def run_training(
    python: Path,
    job: dict,
    on_event: Callable[[dict], None] = lambda _e: None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> dict:
    """Run one job; return the ``done`` event (zip, metrics, classes) or raise a one-sentence error."""
    out = Path(job["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    job_file = out / "training-job.json"
    job_file.write_text(json.dumps(job, indent=2), encoding="utf-8")
    with open(out / "training.log", "w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            training_env.training_command(python, job_file), stdout=subprocess.PIPE, stderr=log,
            text=True, bufsize=1, env=training_env.training_environ(),
        )
        events = _reader(proc)
        done, error = _pump(proc, events, on_event, is_cancelled)
    if error is not None:
        raise error
    if done is None:
        raise WorldCerealError(tr("Training stopped without a result (exit code {code}); see {log}.").format(
            code=proc.returncode, log=out / "training.log"))
    return done


def _reader(proc: subprocess.Popen) -> queue.Queue:
    """Lines arrive in a queue so the driver can look at ``is_cancelled`` while the child is silent."""
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def _pump(proc, lines: queue.Queue, on_event, is_cancelled):
    done: Optional[dict] = None
    error: Optional[WorldCerealError] = None
    while True:
        if is_cancelled():
            _stop(proc)
            return None, CancelledError(tr("Training was cancelled."))
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        if line is None:
            proc.wait()
            return done, error
        event = parse_event(line)
        if event is None:
            continue
        on_event(event)
        if event["event"] == "done":
            done = event
        elif event["event"] == "error":
            error = _error(event)


def parse_event(line: str) -> Optional[dict]:
    """One protocol event, or None for anything else the child printed."""
    line = line.strip()
    if not line.startswith("{"):
        return None
    try:
        event = json.loads(line)
    except ValueError:
        return None
    return event if isinstance(event, dict) and isinstance(event.get("event"), str) else None


def _error(event: dict) -> WorldCerealError:
    message = str(event.get("message") or "Training failed.")
    if event.get("kind") == "input":
        return InputError(message, field="samples")
    return WorldCerealError(message, details=event.get("details"))


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class TrainingTask(QgsTask):
    """Build the environment if needed, then train; ``training_event`` carries every protocol event to the GUI."""

    training_event = pyqtSignal(dict)  # not "event": that would shadow QObject.event()

    def __init__(self, job: dict, env_cache: Path, spec: training_env.TrainingEnvSpec,
                 on_done: Optional[Callable[[Any, Optional[WorldCerealError]], None]] = None) -> None:
        super().__init__("Train a crop-type model", QgsTask.Flag.CanCancel)
        self.job, self.env_cache, self.spec = job, Path(env_cache), spec
        self._on_done = on_done
        self.result: Optional[dict] = None
        self.error: Optional[WorldCerealError] = None
        self.started = time.monotonic()

    def run(self) -> bool:
        prepare_worker_thread()
        try:
            self.job = check_inputs(self.job, lambda line: self.training_event.emit({"event": "log", "message": line}))
            python = self._environment()
            self.result = run_training(python, self.job, self._on_event, self.isCanceled)
            return True
        except WorldCerealError as err:
            self.error = err
        except Exception as err:  # noqa: BLE001 — one sentence for the user
            self.error = DependencyError(tr("Training could not start: {error}").format(error=err))
        return False

    def _environment(self) -> Path:
        if training_env.is_ready(self.env_cache, self.spec):
            return training_env.env_python(training_env.env_dir(self.env_cache, self.spec))
        return training_env.ensure_env(self.env_cache, self.spec,
                                       progress=lambda p: self.setProgress(p * ENV_SHARE / 100.0),
                                       is_cancelled=self.isCanceled)

    def _on_event(self, event: dict) -> None:
        if event["event"] == "stage":
            self.setProgress(ENV_SHARE + (100.0 - ENV_SHARE) * float(event.get("progress", 0)) / 100.0)
        self.training_event.emit(event)

    def finished(self, ok: bool) -> None:  # main thread
        if not ok and self.error is None:
            self.error = CancelledError(tr("Training was cancelled."))
        if self._on_done is not None:
            self._on_done(self.result, self.error)
