"""`make translations`: collect the plugin's user-facing strings into .ts files, then build .qm with lrelease.

Why not pylupdate5: the plugin's modules translate through a module-level ``tr`` bound to one context
(``tr = translator("WorldCerealDock")``), which pylupdate5 cannot attribute. This reads the code with ``ast``:

- a module's context is the literal given to ``translator("…")`` or to ``QCoreApplication.translate("…", …)``
  inside its ``def tr``; every ``tr("literal")`` call in that module is a message of that context;
- a .ui file's ``<string>`` elements belong to the context of its top ``<class>`` (what uic passes to translate).

Existing translations are kept; messages that disappeared are dropped (git keeps their history), new ones are
written unfinished for the translator.
Usage: python3 tools/translations.py [--release | --check | --qm-only]
  (no option)  update the .ts files from the code
  --release    update the .ts files, then build every .qm with lrelease (`make translations`)
  --qm-only    build the .qm from the committed .ts, writing no .ts (`make package`: a build never edits sources)
  --check      write nothing; exit 1 listing messages in the code but not in a .ts and the other way round
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "worldcereal_qgis"
I18N = PACKAGE / "i18n"
LANGUAGES = {"fr": "fr_FR", "es": "es_ES"}
SKIP = ("training",)  # runs in its own venv, no Qt


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _context_of_call(node: ast.AST, constants: dict[str, str]) -> str | None:
    """"X" of ``translator("X")`` or ``QCoreApplication.translate("X", …)`` (a literal or a module constant)."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
    if name == "translator" or (name == "translate" and len(node.args) == 2):
        first = node.args[0]
        return _literal(first) or (constants.get(first.id) if isinstance(first, ast.Name) else None)
    return None


def _module_context(tree: ast.Module, path: Path) -> str | None:
    """The context of the module's own ``tr``: ``tr = translator("X")``, a ``def tr`` calling
    ``QCoreApplication.translate("X", text)``, or the ``tr`` imported with ``from .module import tr``."""
    constants = {target.id: _literal(node.value) for node in tree.body if isinstance(node, ast.Assign)
                 for target in node.targets if isinstance(target, ast.Name) and _literal(node.value)}
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "tr" for t in node.targets):
            return _context_of_call(node.value, constants)
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            return next((c for n in ast.walk(node) if (c := _context_of_call(n, constants))), None)
        if isinstance(node, ast.ImportFrom) and node.level == 1 and any(a.name == "tr" for a in node.names):
            source = path.parent / f"{node.module}.py"
            if source.is_file():
                return _module_context(ast.parse(source.read_text(encoding="utf-8")), source)
    return None


def python_messages(path: Path) -> list[tuple[str, str, int]]:
    """Every ``tr("literal")`` (in the module's ``tr`` context) and ``QCoreApplication.translate("X", "literal")``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    context = _module_context(tree, path)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name == "tr" and isinstance(node.func, ast.Name) and context and _literal(node.args[0]):
            found.append((context, _literal(node.args[0]), node.lineno))
        elif name == "translate" and len(node.args) == 2 and _literal(node.args[0]) and _literal(node.args[1]):
            found.append((_literal(node.args[0]), _literal(node.args[1]), node.lineno))
    return found


def ui_messages(path: Path) -> list[tuple[str, str, int]]:
    root = ET.parse(path).getroot()
    context = root.findtext("class") or path.stem
    return [(context, s.text, 0) for s in root.iter("string") if s.text and s.get("notr") != "true"]


def collect() -> dict[tuple[str, str], str]:
    """(context, source) -> where it was found (the first place)."""
    found: dict[tuple[str, str], str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if any(part in SKIP for part in path.relative_to(PACKAGE).parts):
            continue
        for context, text, line in python_messages(path):
            found.setdefault((context, text), f"{path.relative_to(ROOT)}:{line}")
    for path in sorted((ROOT / "resources" / "ui").glob("*.ui")):
        for context, text, _ in ui_messages(path):
            found.setdefault((context, text), str(path.relative_to(ROOT)))
    return found


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """Existing translations (finished or not) by (context, source); vanished or obsolete entries are left out."""
    if not path.is_file():
        return {}
    known = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            text = translation.text if translation is not None and translation.text else ""
            known[(name, message.findtext("source"))] = text
    return known


def differences(messages: dict[tuple[str, str], str], known: dict[tuple[str, str], str], ts_name: str) -> list[str]:
    """One line per message of the code missing from the .ts, untranslated there, or in the .ts but no longer used."""
    lines = [f"{ts_name}: missing [{c}] {s!r} ({messages[(c, s)]})" for c, s in sorted(set(messages) - set(known))]
    lines += [f"{ts_name}: untranslated [{c}] {s!r}" for c, s in sorted(set(messages) & set(known))
              if not known[(c, s)]]
    lines += [f"{ts_name}: no longer in the code [{c}] {s!r}" for c, s in sorted(set(known) - set(messages))]
    return lines


def write_ts(path: Path, language: str, messages: dict[tuple[str, str], str],
             known: dict[tuple[str, str], str]) -> tuple[int, int]:
    """Write the .ts (atomically); returns (messages, untranslated)."""
    root = ET.Element("TS", version="2.1", language=language)
    untranslated = 0
    contexts: dict[str, list[tuple[str, str]]] = {}
    for (context, source), where in sorted(messages.items()):
        contexts.setdefault(context, []).append((source, where))
    for context, items in contexts.items():
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for source, where in items:
            message = ET.SubElement(node, "message")
            file, _, line = where.partition(":")
            ET.SubElement(message, "location", filename=file, line=line or "0")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            text = known.get((context, source), "")
            if text:
                translation.text = text
            else:
                translation.set("type", "unfinished")
                untranslated += 1
    ET.indent(root, space=" ")
    tmp = path.with_suffix(".ts.tmp")
    tmp.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode")
                   + "\n", encoding="utf-8")
    tmp.replace(path)
    return len(messages), untranslated


def lrelease() -> str:
    found = shutil.which("lrelease") or shutil.which("lrelease-qt5")
    if found is None:
        sys.exit("lrelease not found: install the Debian package qttools5-dev-tools (make system does).")
    return found


def check() -> list[str]:
    """What `--check` reports: the code and the committed .ts files disagree (nothing is written)."""
    messages = collect()
    found = []
    for short in LANGUAGES:
        ts = I18N / f"worldcereal_qgis_{short}.ts"
        found += differences(messages, read_ts(ts), ts.name)
    return found


def release(ts: Path) -> None:
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        found = check()
        print("\n".join(found) if found else "The .ts files hold every message of the code, all translated.")
        return 1 if found else 0
    I18N.mkdir(exist_ok=True)
    messages = collect()
    for short, language in LANGUAGES.items():
        ts = I18N / f"worldcereal_qgis_{short}.ts"
        if "--qm-only" not in argv:
            total, missing = write_ts(ts, language, messages, read_ts(ts))
            print(f"{ts.relative_to(ROOT)}: {total} messages, {missing} untranslated")
        if "--release" in argv or "--qm-only" in argv:
            release(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
