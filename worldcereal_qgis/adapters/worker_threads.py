"""Make QGIS worker threads safe for pyproj 3.7 (called first thing in every worker: QgsTask.run, processAlgorithm).

pyproj 3.7.x keeps one PROJ context per OS thread in thread-specific storage, but frees it through a
``threading.local`` that dies with the Python *thread state*. A Qt pool thread (QgsTask, Processing run in the
background) gets a new thread state for every call from C++ into Python and loses it when the call returns, so
the next call on the same pool thread is handed a freed context and QGIS crashes in ``proj_create``
(pyproj#1509; fixed in pyproj 3.8 by pyproj#1626). QGIS 3.40 on Debian 13 ships pyproj 3.7.1.

Work-around: such a thread keeps its first thread state for the rest of its life (one extra ``PyGILState_Ensure``),
which is what Python does for the threads it starts itself. Cost: one thread state (a few kB) per pool thread
that ran WorldCereal work, only where pyproj 3.7 is installed; elsewhere this does nothing.
"""

from __future__ import annotations

import functools
import threading

_state = threading.local()


@functools.lru_cache(maxsize=1)
def pyproj_needs_pinned_threads() -> bool:
    """True for pyproj 3.7.x, whose per-thread PROJ context outlives the thread state that frees it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        major, minor = (int(part) for part in version("pyproj").split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return False
    return (major, minor) == (3, 7)


def prepare_worker_thread() -> None:
    """Keep this thread's Python thread state until the thread ends (once per thread; no-op unless pyproj 3.7)."""
    if getattr(_state, "pinned", False) or not pyproj_needs_pinned_threads():
        return
    import ctypes

    ctypes.pythonapi.PyGILState_Ensure()  # never released: the state lives as long as the thread
    _state.pinned = True
