"""The plugin-managed training environment: a separate venv with torch CPU, prometheo, pandas, pyarrow, sklearn.

Why separate: prometheo needs numpy >= 2 and torch, which cannot live in QGIS's interpreter (Debian 12's QGIS
uses numpy 1.x), and a crash in training must not take QGIS down. The venv is built once, on demand, into a
cache folder, in a folder named by a hash of its requirements (a changed requirement builds a new one; an
unchanged one is reused), atomically (built under ``.partial``, renamed when complete) and under a file lock
so two processes never build the same one. Plain Python: no QGIS import.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from .errors import CancelledError, DependencyError, InputError

TORCH_REQUIREMENT = "torch==2.13.0"
# prometheo is not on PyPI: users install it from its repository tag (a setting may point elsewhere).
DEFAULT_PROMETHEO_SOURCE = "prometheo @ git+https://github.com/WorldCereal/prometheo.git@v0.1.5"
# PyPI's Linux torch wheels are CUDA builds (GBs); PyTorch's CPU index has the small CPU builds for every system.
DEFAULT_TORCH_INDEX = "https://download.pytorch.org/whl/cpu"
OTHER_REQUIREMENTS = ("pandas", "pyarrow", "scikit-learn")
READY_MARKER = "worldcereal-training-env.json"
ENV_FOLDER_SETTING = "worldcereal_qgis/training/env_folder"  # settings.TRAINING_ENV_FOLDER (core: no QGIS import)
PIP_STEPS = re.compile(r"^(Collecting|Downloading|Processing|Installing collected packages|Successfully installed)")


@dataclass(frozen=True)
class TrainingEnvSpec:
    """What the environment holds; ``key()`` names its folder."""

    prometheo_source: str = DEFAULT_PROMETHEO_SOURCE
    torch: str = TORCH_REQUIREMENT
    others: Sequence[str] = field(default=OTHER_REQUIREMENTS)
    base_python: str = ""  # empty: a python3 found on PATH (never QGIS's own executable)
    index_urls: Sequence[str] = ()  # extra pip indexes (torch's CPU index); empty on machines with a local wheel

    def requirements(self) -> list[str]:
        return [self.torch, self.prometheo_source, *self.others]

    def pip_options(self) -> list[str]:
        return [arg for url in self.index_urls if url for arg in ("--extra-index-url", url)]

    def python(self) -> str:
        return self.base_python or find_base_python()

    def key(self) -> str:
        described = {"requirements": self.requirements(), "python": _python_version(self.python())}
        if self.pip_options():  # only when set, so existing environments keep their folder
            described["pip"] = self.pip_options()
        text = json.dumps(described)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def find_base_python() -> str:
    """A real ``python3`` >= 3.10 (prometheo's minimum); inside QGIS ``sys.executable`` is QGIS itself."""
    candidates = [shutil.which("python3"), "/usr/bin/python3", sys.executable]
    for candidate in candidates:
        if candidate and Path(candidate).name.startswith("python") and _python_version(candidate) >= "3.10":
            return candidate
    raise DependencyError("Training needs Python 3.10 or newer (python3 on the PATH); none was found.")


def _python_version(python: str) -> str:
    try:
        out = subprocess.run([python, "-c", "import sys;print('%d.%02d' % sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return "0"
    major, minor = out.stdout.strip().split(".")
    return f"{major}.{int(minor)}" if int(minor) >= 10 else "0"


def env_dir(cache_root: Path, spec: TrainingEnvSpec) -> Path:
    return Path(cache_root) / f"training-env-{spec.key()}"


def env_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def is_ready(cache_root: Path, spec: TrainingEnvSpec) -> bool:
    folder = env_dir(cache_root, spec)
    return (folder / READY_MARKER).is_file() and env_python(folder).exists()


def ensure_env(
    cache_root: Path,
    spec: TrainingEnvSpec = TrainingEnvSpec(),
    progress: Callable[[float], None] = lambda _p: None,
    is_cancelled: Callable[[], bool] = lambda: False,
    log: Callable[[str], None] = lambda _line: None,
) -> Path:
    """The environment's python, building it first if needed (minutes: torch is large)."""
    cache_root = check_folder(cache_root)
    with open(cache_root / f".{spec.key()}.lock", "w") as lock:
        _lock(lock)  # a second builder waits, then finds it ready
        if not is_ready(cache_root, spec):
            _build(cache_root, spec, progress, is_cancelled, log)
    progress(100.0)
    return env_python(env_dir(cache_root, spec))


def check_folder(cache_root: Path) -> Path:
    """The environment folder, created; one sentence naming it when it cannot be (checked before any download)."""
    cache_root = Path(cache_root)
    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_root, prefix=".write-probe-"):
            pass  # a unique name: two QGIS sessions probing at once never remove each other's probe
    except OSError as exc:
        raise InputError(
            f"The training-environment folder {cache_root} cannot be created or written ({exc.strerror or exc}); "
            f"choose a writable folder (setting {ENV_FOLDER_SETTING}, empty = inside the QGIS profile).",
            field="env_folder") from exc
    return cache_root


def _lock(handle) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: one QGIS builds at a time anyway
        return
    fcntl.flock(handle, fcntl.LOCK_EX)


def _build(cache_root: Path, spec: TrainingEnvSpec, progress, is_cancelled, log) -> None:
    final = env_dir(cache_root, spec)
    partial = final.with_name(final.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.rmtree(final, ignore_errors=True)
    progress(1.0)
    _run([spec.python(), "-m", "venv", str(partial)], is_cancelled, log, "create the training environment")
    progress(5.0)
    pip = [str(env_python(partial)), "-m", "pip", "install", "--disable-pip-version-check", "--progress-bar", "off"]
    _run(pip + spec.pip_options() + spec.requirements(), is_cancelled, log, "install the training packages",
         progress)
    (partial / READY_MARKER).write_text(json.dumps({"requirements": spec.requirements()}), encoding="utf-8")
    partial.rename(final)  # venv scripts use absolute paths: fix them after the rename
    _relocate(partial, final)


def _relocate(old: Path, new: Path) -> None:
    for script in (new / "bin").glob("*") if (new / "bin").is_dir() else []:
        if script.is_file() and not script.is_symlink():
            try:
                text = script.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            if str(old) in text:
                script.write_text(text.replace(str(old), str(new)), encoding="utf-8")
    cfg = new / "pyvenv.cfg"
    if cfg.exists():
        cfg.write_text(cfg.read_text(encoding="utf-8").replace(str(old), str(new)), encoding="utf-8")


def _run(cmd: list, is_cancelled, log, what: str, progress: Optional[Callable[[float], None]] = None) -> None:
    """Run a command, stream its lines to ``log``, map pip's steps to 5..98 %, kill it on cancel."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    steps, tail = 0, []
    assert proc.stdout is not None
    for line in proc.stdout:
        line = line.rstrip()
        log(line)
        tail = (tail + [line])[-5:]
        if progress and PIP_STEPS.match(line):
            steps += 1
            progress(min(98.0, 5.0 + 93.0 * (1 - 0.93 ** steps)))
        if is_cancelled():
            proc.kill()
            proc.wait()
            raise CancelledError("Creating the training environment was cancelled.")
    if proc.wait() != 0:
        last = next((t for t in reversed(tail) if t.strip()), "no output")
        raise DependencyError(f"Could not {what}: {last}", details="\n".join(tail))


def training_command(python: Path, job_file: Path) -> list[str]:
    """``python -m worldcereal_qgis.training JOB``; the package's parent goes on PYTHONPATH (see env)."""
    return [str(python), "-u", "-m", "worldcereal_qgis.training", str(job_file)]


def training_environ(base: Optional[dict] = None) -> dict:
    """Environment for the subprocess: only the plugin's parent folder on PYTHONPATH (not QGIS's paths)."""
    env = {k: v for k, v in (base if base is not None else os.environ).items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    env["PYTHONUNBUFFERED"] = "1"
    env.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
    return env
