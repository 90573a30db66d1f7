"""Start writing a download's bytes to disk while it is still arriving, so its final fsync has little left to do.

Why: a finished result is fsynced before it takes its final name (a map must survive a power cut). Left alone,
Linux keeps every written page in memory until that fsync, which then writes the whole file while the user waits:
on a fast link as long again as the download itself. Asking the kernel to start writing each few MiB as soon as
they are written overlaps the disk with the network (``sync_file_range(SYNC_FILE_RANGE_WRITE)``: it starts the
writes and returns; it does not wait for them, and unlike an fsync it touches only that range). The pages stay in
the cache for the map that is about to be opened.

Only Linux has that call; elsewhere (and on a file system that refuses it) nothing is started early and the final
fsync does all the work, as before. It never replaces that fsync: it only makes it short.
"""

from __future__ import annotations

import sys
from typing import Callable

STEP = 8 << 20  # 8 MiB steps beat 32 and 64 on this project's test machine (BENCHMARKS.md, download)
_SYNC_FILE_RANGE_WRITE = 2

Starter = Callable[[int, int, int], bool]  # (fd, offset, length) -> False when the system refused


def _linux_starter() -> Starter | None:
    """``sync_file_range`` from the C library (ctypes releases the GIL during the call), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        call = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (OSError, AttributeError):  # a C library without it (e.g. a minimal musl build)
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    call.restype = ctypes.c_int

    def start(fd: int, offset: int, length: int) -> bool:
        return call(fd, offset, length, _SYNC_FILE_RANGE_WRITE) == 0

    return start


_STARTER: list[Starter | None] = []  # looked up once, on first use


def starter() -> Starter | None:
    if not _STARTER:
        _STARTER.append(_linux_starter())
    return _STARTER[0]


class Writeback:
    """Follows one writer's contiguous progress through a file and starts each finished STEP's disk writes.

    One per writer (a single stream, or one parallel range): ``wrote_up_to`` is called after each chunk with the
    writer's new position; the bytes below it must already be in the file (not in a Python buffer).
    """

    def __init__(self, fd: int, position: int, step: int | None = None, start: Starter | None = None) -> None:
        self.fd, self.started_to, self.step = fd, position, step or STEP
        self.start = start if start is not None else starter()

    def wrote_up_to(self, position: int) -> None:
        if self.start is None or position - self.started_to < self.step:
            return
        if not self.start(self.fd, self.started_to, position - self.started_to):
            self.start = None  # refused (e.g. EINVAL on this file system): the final fsync does it all
        self.started_to = position
