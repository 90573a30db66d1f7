"""A worker's malloc arena is tidied before its work, with the GIL released (issue #21: glibc merged a pool thread's
freed small blocks inside a Python allocation of the next task, 50-57 ms holding the GIL, the GUI thread waiting)."""

from __future__ import annotations

import ctypes
import sys
import threading

import pytest

from worldcereal_qgis.adapters.worker_threads import _glibc_malloc, tidy_malloc_arena

BLOCKS = 200_000


class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]


def fast_bin_counter():
    """Bytes in freed blocks waiting in glibc's fast bins, over all arenas (set up beforehand: a request of 1 KiB
    or more in the measuring thread would itself merge them)."""
    info = ctypes.CDLL(None).mallinfo2
    info.restype = MallInfo2
    return lambda: info().fsmblks


@pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(ctypes.CDLL(None), "mallinfo2"),
                    reason="glibc 2.33+ (mallinfo2)")
def test_a_worker_merges_its_freed_small_blocks_before_its_work():
    libc = _glibc_malloc()
    fast_bin_bytes = fast_bin_counter()
    found = {}

    def worker() -> None:  # a thread of its own: its own arena, as a Qt pool thread has
        blocks = [libc.malloc(48) for _ in range(BLOCKS)]
        for block in blocks:
            libc.free(block)
        found["after_frees"] = fast_bin_bytes()
        tidy_malloc_arena()
        found["after_tidy"] = fast_bin_bytes()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    if found["after_frees"] == 0:  # e.g. Debian sid's glibc: freed small blocks go elsewhere, no merge can stall
        pytest.skip("this C library keeps no freed small blocks in fast bins: nothing for the tidy to merge")
    assert found["after_frees"] > 2_000_000  # ~200,000 blocks of 64 bytes waiting to be merged
    assert found["after_tidy"] < found["after_frees"] - 2_000_000
