"""Downloads start their disk writes as they go (issue #21: a durable download no slower than plain ``curl -o``).

The kernel call is recorded (each single stream and each parallel range must hand over every finished step of its
own bytes exactly once, in order), and the real Linux call is used on a real file.
"""

from __future__ import annotations

import os
import sys

import pytest

from tests.unit import test_download as base
from tests.unit.test_download import KIB, NO_WAIT, Faults, serve, sha
from tests.unit.test_download_ranges import PARALLEL, SEGMENT
from worldcereal_qgis.core import disk_writeback
from worldcereal_qgis.core.disk_writeback import Writeback
from worldcereal_qgis.core.download import download_file

server, payload = base.server, base.payload
STEP = 128 * KIB


@pytest.fixture
def started(monkeypatch) -> list[tuple[int, int]]:
    """Every (offset, length) handed to the kernel, with a 128 KiB step."""
    calls: list[tuple[int, int]] = []

    def record(fd: int, offset: int, length: int) -> bool:
        os.fstat(fd)  # a real, open descriptor
        calls.append((offset, length))
        return True

    monkeypatch.setattr(disk_writeback, "STEP", STEP)
    monkeypatch.setattr(disk_writeback, "_STARTER", [record])
    return calls


def test_one_stream_hands_each_finished_step_to_the_disk_in_order(server, payload, started, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = download_file(url, tmp_path / "map.tif", chunk_size=64 * KIB)
    assert sha(dest.read_bytes()) == sha(payload)
    assert started == [(k * STEP, STEP) for k in range(len(payload) // STEP)]


def test_a_resumed_stream_starts_from_its_offset(server, payload, started, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(drop_after=704 * KIB, drop_times=1)
    dest = download_file(url, tmp_path / "map.tif", chunk_size=64 * KIB, retry_delays=NO_WAIT)
    assert sha(dest.read_bytes()) == sha(payload)
    first = [(k * STEP, STEP) for k in range(704 * KIB // STEP)]  # 5 whole steps before the drop
    assert started[:len(first)] == first
    assert started[len(first)][0] == 704 * KIB  # the resumed stream counts from its own first byte


def test_each_parallel_range_hands_over_its_own_bytes_once(server, payload, started, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = download_file(url, tmp_path / "map.tif", **PARALLEL)
    assert sha(dest.read_bytes()) == sha(payload)
    # the first plain GET wrote one 64 KiB chunk alone, then carried on as segment 0's range from there
    lead = [(64 * KIB, STEP)]
    assert sorted(started) == lead + [(k * STEP, STEP) for k in range(SEGMENT // STEP, len(payload) // STEP)]


def test_a_refusal_stops_the_early_writes_and_the_download_still_finishes(server, payload, monkeypatch, tmp_path):
    calls: list[int] = []
    monkeypatch.setattr(disk_writeback, "STEP", STEP)
    monkeypatch.setattr(disk_writeback, "_STARTER", [lambda fd, offset, length: calls.append(offset) and False])
    url = serve(server, "map.tif", payload)
    dest = download_file(url, tmp_path / "map.tif", chunk_size=64 * KIB)
    assert sha(dest.read_bytes()) == sha(payload)
    assert calls == [0]  # asked once, refused, never asked again


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sync_file_range is Linux's")
def test_the_linux_call_starts_writes_on_a_real_file(tmp_path):
    start = disk_writeback._linux_starter()
    assert start is not None
    path = tmp_path / "part"
    with open(path, "wb") as fh:
        fh.write(b"\0" * (4 * STEP))
        fh.flush()
        writeback = Writeback(fh.fileno(), 0, STEP, start)
        writeback.wrote_up_to(3 * STEP)
        assert writeback.start is start and writeback.started_to == 3 * STEP
    with open(path, "rb") as fh:  # a descriptor the call refuses (EBADF on a closed one) turns it off
        fd = fh.fileno()
    writeback = Writeback(fd, 0, STEP, start)
    writeback.wrote_up_to(STEP)
    assert writeback.start is None
