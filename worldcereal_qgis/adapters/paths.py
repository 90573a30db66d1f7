"""Where the plugin's files live, in a source checkout and in the installed zip alike."""

from __future__ import annotations

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent  # worldcereal_qgis/, this file is in adapters/


def _first_existing(name: str) -> Path:
    """Installed zip: files sit inside the package; source tree: one level up."""
    inside = PLUGIN_DIR / name
    return inside if inside.exists() else PLUGIN_DIR.parent / name


def resources_dir() -> Path:
    return _first_existing("resources")


def metadata_path() -> Path:
    return _first_existing("metadata.txt")


def icon_path(name: str = "worldcereal.svg") -> Path:
    return resources_dir() / "icons" / name


def ui_path(name: str) -> Path:
    return resources_dir() / "ui" / name


def plugin_version() -> str:
    """Version from metadata.txt (read lazily: no configparser cost at import)."""
    for line in metadata_path().read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    return "0"
