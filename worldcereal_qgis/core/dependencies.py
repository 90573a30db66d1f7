"""Runtime dependencies that QGIS does not ship, and how to install them without admin rights.

The plugin must load even when they are missing: it checks versions through package metadata (no import,
so start-up stays fast) and offers a one-click install into a plugin-private folder that is *appended*
to ``sys.path`` (system packages such as numpy keep priority, so QGIS's GDAL bindings never see another numpy).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .sys_path import add_to_sys_path  # noqa: F401 (callers use it from here too)


@dataclass(frozen=True)
class Requirement:
    """A runtime package the plugin needs (a docstring also spares dataclass an inspect.signature call)."""

    name: str           # distribution name on PyPI
    minimum: str        # lowest version the plugin works with
    pin: str            # what the installer asks pip for

    def spec(self) -> str:
        return f"{self.name}{self.pin}"


RUNTIME_REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("openeo", "0.40.0", ">=0.40.0"),
    Requirement("shapely", "2.0.0", ">=2.0.0"),
    Requirement("pyproj", "3.2.0", ">=3.2.0"),
    Requirement("pyarrow", "10.0.0", ">=10.0.0"),  # GeoParquet: crop calendar, reference data, extractions
    Requirement("boto3", "1.26.0", ">=1.26.0"),  # custom models: openeo's artifact upload (STS + S3)
)


# Inside a QGIS executable, GEOS and PROJ symbols resolve to QGIS's own libraries, whatever a wheel bundles.
# A wheel built on a NEWER GEOS/PROJ then calls into the older library and misbehaves (seen: shapely 2.2 with
# GEOS 3.11 fails in to_wkt). So the installer never picks wheels bundling a newer library than QGIS has.
SHAPELY_FOR_GEOS = (((3, 13), ">=2.0.0"), ((0, 0), ">=2.0.0,<2.1"))       # shapely 2.0.x wheels: GEOS 3.11
PYPROJ_FOR_PROJ = (((9, 5), ">=3.2.0"), ((9, 4), ">=3.2.0,<3.7"), ((9, 3), ">=3.2.0,<3.6"),
                   ((9, 2), ">=3.2.0,<3.5.1"), ((0, 0), ">=3.2.0,<3.5"))  # pyproj 3.4 wheels: PROJ 9.1


def _pin_for(version: tuple[int, int], table) -> str:
    return next(pin for minimum, pin in table if tuple(version) >= minimum)


def compatible_requirements(geos: tuple[int, int], proj: tuple[int, int],
                            requirements: tuple[Requirement, ...] = RUNTIME_REQUIREMENTS) -> list[Requirement]:
    """The runtime requirements with pins that match the GEOS and PROJ libraries QGIS was built with."""
    pins = {"shapely": _pin_for(geos, SHAPELY_FOR_GEOS), "pyproj": _pin_for(proj, PYPROJ_FOR_PROJ)}
    return [Requirement(r.name, r.minimum, pins.get(r.name, r.pin)) for r in requirements]


@dataclass(frozen=True)
class MissingDependency:
    """A requirement that is absent or too old."""

    requirement: Requirement
    found: str | None   # installed version, None if absent

    def describe(self) -> str:
        req = self.requirement
        if self.found is None:
            return f"{req.name} (missing)"
        return f"{req.name} {self.found} (needs >= {req.minimum})"


def _version_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def installed_version(name: str) -> str | None:
    from importlib import metadata  # with its email parser ~40 ms: never at QGIS start-up (plugin.py checks in a task)

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def missing_dependencies(requirements: tuple[Requirement, ...] = RUNTIME_REQUIREMENTS) -> list[MissingDependency]:
    """Requirements that are absent or older than their minimum."""
    missing = []
    for req in requirements:
        found = installed_version(req.name)
        if found is None or _version_tuple(found) < _version_tuple(req.minimum):
            missing.append(MissingDependency(req, found))
    return missing


def missing_message(missing: list[MissingDependency]) -> str:
    """One sentence for the message bar."""
    names = ", ".join(m.describe() for m in missing)
    return (
        f"WorldCereal needs Python packages that this QGIS does not have: {names}. "
        "Click Install to add them to the plugin's own folder (no admin rights needed)."
    )


def python_executable() -> str:
    """The interpreter QGIS embeds (sys.executable is the QGIS binary inside QGIS)."""
    candidates = []
    exe_name = "python.exe" if os.name == "nt" else "python3"
    base = Path(sys.exec_prefix)
    versioned = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    candidates += [base / exe_name, base / "bin" / exe_name, base / "bin" / versioned]
    if Path(sys.executable).name.lower().startswith("python"):
        candidates.insert(0, Path(sys.executable))
    for cand in candidates:
        if cand.is_file():
            return str(cand)
    import shutil

    found = shutil.which(f"python{sys.version_info[0]}.{sys.version_info[1]}") or shutil.which("python3")
    if not found:
        from .errors import DependencyError

        raise DependencyError("No Python interpreter was found to run pip; install the packages manually.")
    return found


def library_constraints(geos: tuple[int, int] | None, proj: tuple[int, int] | None) -> list[str]:
    """pip constraints that keep numpy, shapely and pyproj compatible with the libraries inside QGIS.

    pip --target installs every dependency again (openeo pulls shapely and pyproj), so these apply even
    when only openeo is missing.
    """
    lines = []
    numpy_version = installed_version("numpy")
    if numpy_version:  # QGIS's GDAL bindings are built for this numpy
        lines.append(f"numpy=={numpy_version}")
        if _version_tuple(numpy_version) < (1, 25):  # pyarrow >= 16 is built for numpy 2 (needs numpy >= 1.25)
            lines.append("pyarrow<16")
    if geos is not None:
        lines.append(f"shapely{_pin_for(geos, SHAPELY_FOR_GEOS)}")
    if proj is not None:
        lines.append(f"pyproj{_pin_for(proj, PYPROJ_FOR_PROJ)}")
    return lines


def pip_install_command(target: Path, requirements: list[Requirement], python: str | None = None,
                        constraints: list[str] | None = None) -> list[str]:
    """pip into a private folder, with constraints matching QGIS's numpy, GEOS and PROJ."""
    cmd = [python or python_executable(), "-m", "pip", "install", "--disable-pip-version-check",
           "--no-input", "--upgrade", "--target", str(target)]
    lines = constraints if constraints is not None else library_constraints(None, None)
    if lines:
        cmd += ["--constraint", str(_write_constraints(target, lines))]
    return cmd + [r.spec() for r in requirements]


def _write_constraints(target: Path, lines: list[str]) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    path = target.parent / "worldcereal-constraints.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def install(
    target: Path,
    requirements: list[Requirement],
    *,
    on_line=None,
    is_cancelled=None,
    python: str | None = None,
    constraints: list[str] | None = None,
) -> None:
    """Run pip into ``target``; stream its output lines; kill it on cancel.

    Raises DependencyError with pip's last error line, or CancelledError.
    """
    import subprocess
    import time

    from .errors import CancelledError, DependencyError

    cmd = pip_install_command(target, requirements, python, constraints)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    tail: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        line = line.rstrip()
        tail = (tail + [line])[-20:]
        if on_line:
            on_line(line)
        if is_cancelled and is_cancelled():
            proc.kill()
            proc.wait()
            raise CancelledError("Installing the Python packages was cancelled.")
    while proc.poll() is None:
        time.sleep(0.05)
    if proc.returncode != 0:
        reason = next((ln for ln in reversed(tail) if "ERROR" in ln), tail[-1] if tail else "no output")
        raise DependencyError(f"Installing {', '.join(r.name for r in requirements)} failed: {reason}")
    prune_provided(target)
    add_to_sys_path(target)


PROVIDED_BY_QGIS = ("numpy",)  # QGIS's GDAL bindings are built for its own numpy, which stays first on sys.path


def prune_provided(target: Path, names: tuple[str, ...] = PROVIDED_BY_QGIS) -> list[str]:
    """Delete the copies pip --target adds of packages QGIS already has (75 MB of numpy never imported).

    pip --target cannot see QGIS's packages, so it installs numpy again even when pinned to QGIS's version;
    that copy is never imported (system packages come first) and only fills the profile. Returns what went.
    """
    import shutil

    removed = []
    for name in names:
        if installed_version(name) is None or not _provided_outside(name, target):
            continue  # QGIS lacks it: the private copy is the one in use
        for path in sorted(target.glob(f"{name}*")):
            if not (path.name == name or path.name.startswith((f"{name}-", f"{name}.libs"))):
                continue  # e.g. numpy_financial: another package
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed


def _provided_outside(name: str, target: Path) -> bool:
    """Is ``name`` importable from somewhere other than ``target`` (QGIS's own Python)?"""
    import importlib.util

    spec = importlib.util.find_spec(name)
    origin = Path(spec.origin).resolve() if spec is not None and spec.origin else None
    return origin is not None and target.resolve() not in origin.parents


def install_progress(line: str, done_steps: int) -> tuple[int, float]:
    """Map pip's output to a rough progress: collecting/downloading → installing → done."""
    step = done_steps
    if line.startswith(("Collecting", "Downloading", "Using cached")):
        step += 1
    progress = min(90.0, 5.0 + step * 3.0)
    if line.startswith("Installing collected packages"):
        progress = 92.0
    if line.startswith("Successfully installed"):
        progress = 100.0
    return step, progress
