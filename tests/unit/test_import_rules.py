"""Static check of the package's layer rules (docs/ARCHITECTURE.md, "Layer rules"), in the style of test_qt6_rules.

Rules, by the first folder below ``worldcereal_qgis/``:
- ``core`` imports no ``qgis`` and nothing of the package outside ``core`` (pure logic, testable without QGIS);
- ``adapters`` (QGIS <-> core) import only ``core``, ``adapters`` and ``settings`` of the package;
- ``controllers`` never import ``gui`` or ``processing`` (both front ends sit on top of them);
- ``gui`` and ``processing`` never import each other;
- ``training`` runs only in the training venv: it imports nothing of the package outside ``training``;
- no loose modules at the package root beyond ``__init__``, ``plugin`` and ``settings``.
Every import counts, also the ones inside functions (lazy imports are still dependencies).
The checker is tested on snippets first, then run on ``worldcereal_qgis/``.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Optional

import pytest

from tests.unit.test_qt6_rules import Violation  # path, line, rule, text: one report shape

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "worldcereal_qgis"
ROOT_MODULES = {"__init__.py", "plugin.py", "settings.py"}
LAYERS = ("adapters", "controllers", "core", "gui", "processing", "training")
# layer -> package parts it must not import (None = anything of the package outside the layer itself)
FORBIDDEN: dict[str, Optional[tuple[str, ...]]] = {
    "core": None,
    "training": None,
    "adapters": ("controllers", "gui", "processing", "training", "plugin"),
    "controllers": ("gui", "processing", "training", "plugin"),
    "gui": ("processing", "training", "plugin"),
    "processing": ("gui", "training", "plugin"),
}
ALLOWED_OUTSIDE = {"adapters": ("settings",)}  # adapters read the plugin's settings
# Known exceptions, each with the branch that removes it; none left (gui/reference_panel's import of
# processing.alg_reference moved to adapters/reference_source). Keep it empty.
KNOWN_PENDING: set[tuple[str, str]] = set()


def imported_modules(source: str, module: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in ``source``; ``module`` is the file's dotted name."""
    package = module.split(".")[:-1]  # the file's package (also right for __init__)
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            stem = ".".join(base + ([node.module] if node.module else []))
            if node.module:
                found.append((node.lineno, stem))
            else:  # from .. import settings: each name may be a module
                found += [(node.lineno, f"{stem}.{alias.name}") for alias in node.names]
    return found


def check_module(source: str, module: str, path: str = "<snippet>") -> list[Violation]:
    """Violations of the layer rules by one module (``worldcereal_qgis.<layer>....``)."""
    parts = module.split(".")
    layer = parts[1] if len(parts) > 2 else None
    violations = []
    for line, target in imported_modules(source, module):
        top = target.split(".")
        if layer == "core" and top[0] == "qgis":
            violations.append(Violation(path, line, "core imports no qgis", target))
        if top[0] != PACKAGE or layer not in FORBIDDEN or len(top) < 2:
            continue
        inner = top[1]
        banned = FORBIDDEN[layer]
        if inner == layer or inner in ALLOWED_OUTSIDE.get(layer, ()):
            continue
        if banned is None or inner in banned:
            violations.append(Violation(path, line, f"{layer} must not import {inner}", target))
    return violations


def loose_root_modules(package_dir: Path) -> list[str]:
    return sorted(p.name for p in package_dir.glob("*.py") if p.name not in ROOT_MODULES)


def check_tree(package_dir: Path) -> list[Violation]:
    violations = []
    for path in sorted(package_dir.rglob("*.py")):
        rel = path.relative_to(package_dir.parent)
        module = ".".join(rel.with_suffix("").parts)
        violations += check_module(path.read_text(encoding="utf-8"), module, rel.as_posix())
    return violations


# -- the checker on snippets --------------------------------------------------------------------------------------


@pytest.mark.parametrize("module, source, rule", [
    ("worldcereal_qgis.core.x", "from qgis.core import QgsTask", "core imports no qgis"),
    ("worldcereal_qgis.core.x", "import qgis", "core imports no qgis"),
    ("worldcereal_qgis.core.x", "from .. import settings", "core must not import settings"),
    ("worldcereal_qgis.core.x", "def f():\n    from ..adapters import layers", "core must not import adapters"),
    ("worldcereal_qgis.gui.x", "from ..processing.alg_map import ORBIT_CHOICES", "gui must not import processing"),
    ("worldcereal_qgis.processing.x", "from ..gui import dock", "processing must not import gui"),
    ("worldcereal_qgis.processing.x", "import worldcereal_qgis.gui.dock", "processing must not import gui"),
    ("worldcereal_qgis.training.x", "from ..core.errors import InputError", "training must not import core"),
    ("worldcereal_qgis.adapters.x", "from ..controllers.jobs import JobController",
     "adapters must not import controllers"),
    ("worldcereal_qgis.controllers.x", "from ..gui.dock import WorldCerealDock", "controllers must not import gui"),
])
def test_violations_are_found(module: str, source: str, rule: str) -> None:
    assert [v.rule for v in check_module(source, module)] == [rule]


@pytest.mark.parametrize("module, source", [
    ("worldcereal_qgis.core.x", "from .errors import InputError\nimport shapely"),
    ("worldcereal_qgis.core.x", "from . import udp"),
    ("worldcereal_qgis.training.x", "from .protocol import emit\nimport torch"),
    ("worldcereal_qgis.adapters.x", "from .. import settings\nfrom ..core import udp\nfrom qgis.core import Qgis"),
    ("worldcereal_qgis.gui.x", "from ..controllers.jobs import JobController\nfrom ..adapters import tasks"),
    ("worldcereal_qgis.processing.x", "from ..controllers.custom_models import custom_head"),
    ("worldcereal_qgis.plugin", "from .gui.dock import WorldCerealDock\nfrom .processing import provider"),
])
def test_allowed_imports_pass(module: str, source: str) -> None:
    assert check_module(source, module) == []


def test_relative_imports_resolve_from_the_file_package() -> None:
    found = imported_modules("from ..core import udp\nfrom . import tasks\nfrom .x import y", "worldcereal_qgis.gui.a")
    assert [name for _line, name in found] == ["worldcereal_qgis.core", "worldcereal_qgis.gui.tasks",
                                                "worldcereal_qgis.gui.x"]


def test_loose_root_modules_are_found(tmp_path: Path) -> None:
    for name in ("__init__.py", "plugin.py", "settings.py", "services.py"):
        (tmp_path / name).write_text("")
    assert loose_root_modules(tmp_path) == ["services.py"]


# -- the shipped package ----------------------------------------------------------------------------------------


def test_package_root_holds_only_the_entry_settings_and_the_layers() -> None:
    package_dir = REPO_ROOT / PACKAGE
    assert loose_root_modules(package_dir) == []
    folders = sorted(p.name for p in package_dir.iterdir() if p.is_dir() and (p / "__init__.py").is_file())
    assert folders == sorted(LAYERS)


def test_shipped_plugin_follows_the_layer_rules() -> None:
    found = check_tree(REPO_ROOT / PACKAGE)
    pending = {(v.path, v.text) for v in found}
    unexpected = [str(v) for v in found if (v.path, v.text) not in KNOWN_PENDING]
    assert unexpected == []
    assert pending == KNOWN_PENDING, "a known violation was fixed: delete it from KNOWN_PENDING"


def test_tasks_reach_the_task_manager_only_through_start_task() -> None:
    """A Python QgsTask whose last reference goes (its dialog, layer or plugin went first) never ends or never
    runs: ``adapters.tasks.start_task`` keeps it referenced, so it is the one place that may call ``addTask``."""
    home = REPO_ROOT / PACKAGE / "adapters" / "tasks.py"
    callers = [f"{path.relative_to(REPO_ROOT)}:{number}" for path in sorted((REPO_ROOT / PACKAGE).rglob("*.py"))
               if path != home
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if ".addTask(" in line]
    assert callers == []
