"""The plugin-private package folder on ``sys.path``: the one dependency step that runs at QGIS start-up.

Its own module, so start-up does not import ``core.dependencies`` (its version checks run in a task).
"""

from __future__ import annotations

import sys
from pathlib import Path


def add_to_sys_path(folder: Path) -> None:
    """Append (never prepend) so system packages keep priority; refresh metadata caches."""
    folder_str = str(folder)
    if folder.is_dir() and folder_str not in sys.path:
        sys.path.append(folder_str)
    import importlib

    importlib.invalidate_caches()
