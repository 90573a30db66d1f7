"""Static check of the QGIS 4 (Qt6) code rules on the shipped plugin: no Debian build of QGIS 4 exists here,
so readiness is kept by rules instead of a test run (issue #11).

Rules: Qt only via ``qgis.PyQt`` (no ``PyQt5``/``PyQt6`` imports); enum members always through their enum
type (``Qt.AlignmentFlag.AlignLeft``, not ``Qt.AlignLeft``: PyQt6 and QGIS 4 removed the short forms); no
``exec_()`` (PyQt6 has only ``exec()``); no compiled resources or pyuic output (``.ui`` files load at run time);
no API that QGIS 3.40/3.44 warn about as deprecated and QGIS 4 drops (``QVariant.Type`` field types,
``QgsMapLayerProxyModel.Filter``) outside ``worldcereal_qgis/adapters/compat.py``, which picks the form by version.
The checker is tested on snippets first, then run on ``worldcereal_qgis/`` and ``resources/``.
"""

from __future__ import annotations

import ast
import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHIPPED = (REPO_ROOT / "worldcereal_qgis", REPO_ROOT / "resources")

# A Qt or QGIS class name: Qt, Qgis, QgsTask, QMessageBox ... (not module names such as QtCore).
QT_CLASS = re.compile(r"^(Qt|Qgis|Qgs[A-Z]\w*|Q[A-Z][A-Za-z0-9]*)$")
# Enum member names are CamelCase or ALL_CAPS; methods and signals start lower-case.
MEMBER = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
COMPILED_MARKERS = ("Created by: The Resource Compiler for PyQt", "qt_resource_data",
                    "Form implementation generated from reading ui file")
# Deprecated since QGIS 3.34/3.38 (warnings on 3.40/3.44), gone in QGIS 4 / PyQt6: owner.attr -> what to use.
REMOVED_IN_QGIS4 = {("QVariant", "Type"): "qgis_compat.field() / field_type() (QMetaType.Type from QGIS 3.38)",
                    ("QgsMapLayerProxyModel", "Filter"): "qgis_compat (Qgis.LayerFilter from QGIS 3.34)"}
COMPAT_MODULE = "worldcereal_qgis/adapters/compat.py"  # the one place allowed to name both forms
# Where the real classes live, to tell an enum member (flagged) from a nested class or constant (allowed).
QT_MODULES = ("qgis.core", "qgis.gui", "qgis.analysis", "qgis.PyQt.QtCore", "qgis.PyQt.QtGui",
              "qgis.PyQt.QtWidgets", "qgis.PyQt.QtNetwork", "qgis.PyQt.QtXml")


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    rule: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.text}"


def _resolve(owner: str) -> Optional[object]:
    """The real class named ``owner`` if this QGIS has it (None when unknown or QGIS is not importable)."""
    for module_name in QT_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if hasattr(module, owner):
            return getattr(module, owner)
    return None


def _is_enum_member(value: object) -> bool:
    """sip enums are int subclasses (PyQt5) or enum.Enum (PyQt6); plain ints/str/QColor are constants."""
    import enum

    return isinstance(value, enum.Enum) or (isinstance(value, int) and type(value) not in (int, bool))


def _member_enum(owner: str, attr: str) -> Optional[str]:
    """The enum type name if ``owner.attr`` is an unscoped enum member, else None.

    Confirmed on the running QGIS when it knows the name; otherwise judged by the name's form alone.
    """
    cls = _resolve(owner)
    if cls is None or not hasattr(cls, attr):
        return None if attr.startswith("QGIS_") else "<Enum>"  # Qgis.QGIS_VERSION & co. are constants
    value = getattr(cls, attr)
    return type(value).__name__ if _is_enum_member(value) else None


def _owner_name(node: ast.expr) -> Optional[str]:
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
    return name if name and QT_CLASS.match(name) else None


class _Checker(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self._compat = path == COMPAT_MODULE
        self.found: list[Violation] = []
        self._type_nodes: set[int] = set()   # Attribute nodes used as a type, a constructor or a scope

    def _add(self, node: ast.AST, rule: str, text: str) -> None:
        self.found.append(Violation(self.path, getattr(node, "lineno", 0), rule, text))

    def visit_Import(self, node: ast.Import) -> None:  # noqa: N802
        for alias in node.names:
            self._check_module(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:  # noqa: N802
        self._check_module(node, node.module or "")
        for alias in node.names:
            if alias.name.endswith("_rc"):
                self._add(node, "compiled resources", f"import of {alias.name}")
        self.generic_visit(node)

    def _check_module(self, node: ast.AST, module: str) -> None:
        top = module.split(".")[0]
        if top in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
            self._add(node, "Qt import", f"{module}: import Qt through qgis.PyQt")
        elif module.split(".")[-1].endswith("_rc"):
            self._add(node, "compiled resources", f"import of {module}")

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        self._type_nodes.add(id(node.func))       # QgsRasterLayer.LayerOptions(...), Qgis.MessageLevel(x)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "exec_":
            self._add(node, "exec_()", "PyQt6 has only exec()")
        self.generic_visit(node)

    def visit_arg(self, node: ast.arg) -> None:
        self._mark_annotation(node.annotation)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:  # noqa: N802
        self._mark_annotation(node.returns)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:  # noqa: N802
        self._mark_annotation(node.annotation)
        self.generic_visit(node)

    def _mark_annotation(self, annotation: Optional[ast.expr]) -> None:
        for sub in ast.walk(annotation) if annotation is not None else ():
            self._type_nodes.add(id(sub))

    def visit_Attribute(self, node: ast.Attribute) -> None:  # noqa: N802
        if isinstance(node.value, ast.Attribute):
            self._type_nodes.add(id(node.value))  # Qt.AlignmentFlag in Qt.AlignmentFlag.AlignLeft is a scope
        owner = _owner_name(node.value)
        replacement = REMOVED_IN_QGIS4.get((owner, node.attr)) if owner else None
        if replacement and not self._compat:
            self._add(node, "removed in QGIS 4", f"{owner}.{node.attr}: use {replacement}")
        enum = owner and MEMBER.match(node.attr) and id(node) not in self._type_nodes \
            and _member_enum(owner, node.attr)
        if enum:
            self._add(node, "unscoped enum", f"{owner}.{node.attr}: name the enum type ({owner}.{enum}.{node.attr})")
        self.generic_visit(node)


def check_source(source: str, path: str = "<snippet>") -> list[Violation]:
    """All rule violations in one Python source text."""
    tree = ast.parse(source, filename=path)
    checker = _Checker(path)
    # Parents before children: visit_Attribute marks a value node as a scope before the value is visited.
    checker.visit(tree)
    found = list(checker.found)
    found += [Violation(path, 1, "compiled resources", marker) for marker in COMPILED_MARKERS if marker in source]
    return found


def check_tree(roots: tuple[Path, ...]) -> list[Violation]:
    """Violations in every .py under ``roots``, plus compiled-resource files by name."""
    found: list[Violation] = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            rel = str(path.relative_to(REPO_ROOT))
            if path.name.endswith("_rc.py") or (path.suffix == ".py" and path.name.startswith("ui_")):
                found.append(Violation(rel, 1, "compiled resources", "compiled resource / pyuic file"))
            elif path.suffix == ".py":
                found += check_source(path.read_text(encoding="utf-8"), rel)
    return found


def _rules(source: str) -> list[str]:
    return [v.rule for v in check_source(source)]


# --- the checker itself -------------------------------------------------------------------------------------

@pytest.mark.parametrize("source", [
    "Qt.AlignLeft",
    "x = QgsTask.CanCancel",
    "if b == QMessageBox.Yes: pass",
    "log(msg, Qgis.Info)",
    "from qgis.PyQt import QtCore\nflag = QtCore.Qt.AlignRight | QtCore.Qt.AlignTop",
    "w.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)",
])
def test_unscoped_members_are_found(source: str) -> None:
    assert "unscoped enum" in _rules(source)


def test_each_unscoped_member_is_reported_with_its_line() -> None:
    found = check_source("a = 1\nw.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)\n")
    assert [(v.line, v.text.split(":")[0]) for v in found] == [(2, "QSizePolicy.Expanding"), (2, "QSizePolicy.Fixed")]


def test_message_names_the_real_enum_type() -> None:
    assert [v.text for v in check_source("b = QMessageBox.Yes")] == [
        "QMessageBox.Yes: name the enum type (QMessageBox.StandardButton.Yes)"]


@pytest.mark.parametrize("source", [
    "Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop",
    "QgsTask.Flag.CanCancel",
    "QMessageBox.StandardButton.Yes",
    "Qgis.MessageLevel.Info",
    "Qgis.MessageLevel(level)",                      # enum cast
    "QgsRasterLayer.LayerOptions(False)",             # nested class constructor
    "def f(level: Qgis.MessageLevel) -> QgsTask.Flag: pass",
    "version = Qgis.QGIS_VERSION_INT",                # constant, not an enum member
    "Qgis.geosVersionMajor()",                        # static method
    "task.taskCompleted.connect(cb)",                 # signal on an instance
    "QtCore.Qt.ItemDataRole.UserRole + 1",
    "LOG.Info",                                       # not a Qt/QGIS class
])
def test_scoped_uses_and_non_enums_pass(source: str) -> None:
    assert _rules(source) == []


@pytest.mark.parametrize("source", [
    "from PyQt5.QtCore import Qt",
    "import PyQt6.QtWidgets",
    "from PyQt5 import sip",
])
def test_direct_pyqt_imports_are_found(source: str) -> None:
    assert _rules(source) == ["Qt import"]


def test_qgis_pyqt_import_passes() -> None:
    assert _rules("from qgis.PyQt.QtCore import Qt\nfrom qgis.PyQt import uic") == []


@pytest.mark.parametrize("source", [
    "from . import resources_rc",
    "import resources_rc",
    "qt_resource_data = b'\\x00'",
    "# Form implementation generated from reading ui file 'dock.ui'\n",
])
def test_compiled_resources_are_found(source: str) -> None:
    assert _rules(source) == ["compiled resources"]


@pytest.mark.parametrize("source", [
    "QgsField('n', QVariant.Type.String)",
    "from qgis.PyQt import QtCore\nkind = QtCore.QVariant.Type.Int",
    "combo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)",
])
def test_apis_removed_in_qgis4_are_found(source: str) -> None:
    assert "removed in QGIS 4" in _rules(source)


def test_the_compat_module_may_name_both_forms() -> None:
    assert check_source("t = QVariant.Type.String", COMPAT_MODULE) == []


def test_exec_underscore_is_found() -> None:
    assert _rules("dialog.exec_()") == ["exec_()"]
    assert _rules("dialog.exec()") == []


def test_compiled_files_are_found_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(f"{__name__}.REPO_ROOT", tmp_path)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "resources_rc.py").write_text("x = 1\n")
    (tmp_path / "pkg" / "ok.py").write_text("from qgis.PyQt.QtCore import Qt\nQt.AlignmentFlag.AlignLeft\n")
    assert [(v.path, v.rule) for v in check_tree((tmp_path / "pkg",))] == [
        ("pkg/resources_rc.py", "compiled resources")]


# --- the rule on the shipped plugin ---------------------------------------------------------------------------

def test_shipped_plugin_follows_qt6_rules() -> None:
    assert (REPO_ROOT / "worldcereal_qgis" / "__init__.py").is_file()
    violations = check_tree(SHIPPED)
    assert not violations, "QGIS 4 / Qt6 rules broken:\n" + "\n".join(map(str, violations))
