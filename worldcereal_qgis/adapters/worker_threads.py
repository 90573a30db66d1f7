"""Prepare a QGIS worker thread (called first thing in every worker: QgsTask.run, processAlgorithm).

Two things: its malloc arena is tidied with the GIL released (``tidy_malloc_arena``), and it is made safe for
pyproj 3.7 (below).

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
import sys
import threading
from typing import Any

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


@functools.lru_cache(maxsize=1)
def _glibc_malloc() -> Any:
    """The C library's malloc and free through ctypes (whose calls release the GIL), on Linux; else None."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        libc.malloc.argtypes, libc.malloc.restype = [ctypes.c_size_t], ctypes.c_void_p
        libc.free.argtypes, libc.free.restype = [ctypes.c_void_p], None
    except (OSError, AttributeError):
        return None
    return libc


def tidy_malloc_arena() -> None:
    """Let glibc merge this thread's freed small blocks now, while the GIL is free.

    Why (#21): glibc keeps freed small blocks in per-arena "fast bins" and merges them all at the next request of
    1 KiB or more in that arena. Pool threads' arenas collect hundreds of thousands of them (the class picker's
    100,000-feature layer, freed later from any thread), and the next Python allocation of a download chunk in
    such a thread merged them while holding the GIL: 50-57 ms in ``malloc_consolidate`` (perf), the GUI thread
    waiting. One such request through ctypes does the merge with the GIL released; with nothing to merge it
    costs a microsecond.
    """
    libc = _glibc_malloc()
    if libc is not None:
        libc.free(libc.malloc(4096))


def prepare_worker_thread() -> None:
    """Before a task's work: this thread's malloc arena tidied (``tidy_malloc_arena``), and its Python thread state
    kept until the thread ends (once per thread; no-op unless pyproj 3.7)."""
    tidy_malloc_arena()
    if getattr(_state, "pinned", False) or not pyproj_needs_pinned_threads():
        return
    import ctypes

    ctypes.pythonapi.PyGILState_Ensure()  # never released: the state lives as long as the thread
    _state.pinned = True
