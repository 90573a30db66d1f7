"""Parallel HTTP Range downloads (issue #21): several ranges at once, resumable per range, fallbacks to one stream.

Same fault server as test_download.py; small segments make a 3 MiB file take the parallel path.
"""

from __future__ import annotations

import json

import pytest

from tests.unit import test_download as base
from tests.unit.test_download import KIB, NO_WAIT, Faults, serve, sha
from worldcereal_qgis.core.download import download_file, part_path
from worldcereal_qgis.core.errors import CancelledError, DownloadError
from worldcereal_qgis.core.ranged_download import Plan, state_path

server, payload = base.server, base.payload  # the fault server and 3 MiB payload fixtures
SEGMENT = 256 * KIB
# go parallel right after the first chunk, whatever the (fast, local) rate
PARALLEL = {"parallel": Plan(connections=4, segment_bytes=SEGMENT, probe_s=0.0, parallel_after_s=0.0),
            "chunk_size": 64 * KIB, "retry_delays": NO_WAIT}


def closed_ranges(srv) -> list[tuple[int, int]]:
    """(first, last) byte of every "bytes=a-b" request the server received, in order of their first byte."""
    found = []
    for entry in srv.log:
        value = entry["range"] or ""
        if value.startswith("bytes=") and not value.endswith("-"):
            first, last = value[len("bytes="):].split("-")
            found.append((int(first), int(last)))
    return sorted(found)


def cancel_at(srv, url: str, dest, percent: float) -> None:
    """A parallel download over a slow link, cancelled once ``percent`` of it arrived."""
    seen: list[float] = []
    srv.faults = Faults(pace=0.02)
    with pytest.raises(CancelledError, match=r"was cancelled"):
        download_file(url, dest, progress=seen.append, is_cancelled=lambda: bool(seen) and seen[-1] >= percent,
                      **PARALLEL)


def test_large_file_comes_over_parallel_ranges_that_cover_it_once(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    seen: list[float] = []
    dest = download_file(url, tmp_path / "map.tif", progress=seen.append, headers={"Authorization": "Bearer t"},
                         **PARALLEL)
    assert sha(dest.read_bytes()) == sha(payload)
    segments = len(payload) // SEGMENT
    assert server.log[0]["range"] is None  # the first plain GET brings segment 0 and tells the size
    ranges = closed_ranges(server)
    assert len(server.log) == segments and len(ranges) == segments - 1
    assert ranges == [(k * SEGMENT, (k + 1) * SEGMENT - 1) for k in range(1, segments)]
    assert {entry["auth"] for entry in server.log} == {"Bearer t"}
    assert seen == sorted(seen) and seen[-1] == 100.0
    assert not part_path(dest).exists() and not state_path(part_path(dest)).exists()


def test_server_without_accept_ranges_gets_one_stream(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(accept_ranges=False)
    dest = download_file(url, tmp_path / "map.tif", **PARALLEL)
    assert server.ranges() == [None]
    assert sha(dest.read_bytes()) == sha(payload)


def test_server_that_ignores_the_ranges_it_announces_falls_back_to_one_stream(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(ignore_range=True)
    dest = download_file(url, tmp_path / "map.tif", **PARALLEL)
    assert sha(dest.read_bytes()) == sha(payload)
    assert server.ranges()[-1] is None  # the last request is the plain single stream from byte 0
    assert not state_path(part_path(dest)).exists()


def test_dropped_ranges_resume_from_where_each_stopped(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(drop_after=64 * KIB, drop_times=4)  # the plain GET and the first 3 ranges drop
    dest = download_file(url, tmp_path / "map.tif", **PARALLEL)
    assert sha(dest.read_bytes()) == sha(payload)
    resumed = [first % SEGMENT for first, _ in closed_ranges(server) if first % SEGMENT]
    assert len(resumed) == 4  # each drop is asked again from the bytes on disk, not from its segment's start
    assert all(offset % (64 * KIB) == 0 for offset in resumed)


def test_a_range_that_keeps_failing_is_one_sentence_and_keeps_the_rest(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"
    cancel_at(server, url, dest, 20)
    server.faults = Faults(status=503)
    with pytest.raises(DownloadError) as info:
        download_file(url, dest, max_retries=2, **PARALLEL)
    assert str(info.value) == "Could not download map.tif: the server answered HTTP 503, 3 times in a row."
    assert not dest.exists() and state_path(part_path(dest)).exists()  # what arrived is kept for a later try


def test_cancelled_parallel_download_resumes_only_the_missing_ranges(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"
    cancel_at(server, url, dest, 40)
    state = json.loads(state_path(part_path(dest)).read_text())
    kept = sum(done for _, _, done in state["segments"])
    assert state["total"] == len(payload) and kept >= 0.4 * len(payload)
    assert not dest.exists()
    first_call = len(server.log)
    server.faults = Faults()
    download_file(url, dest, **PARALLEL)
    assert sha(dest.read_bytes()) == sha(payload)
    asked = [entry["range"] for entry in server.log[first_call:]]
    assert None not in asked  # only range requests: nothing starts over from byte 0
    fetched = sum(int(r.split("-")[1]) - int(r[len("bytes="):].split("-")[0]) + 1 for r in asked)
    assert fetched == len(payload) - kept
    assert not state_path(part_path(dest)).exists()


def test_corrupt_parallel_download_leaves_nothing_to_resume(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"

    def refuse(path):
        raise DownloadError(f"The downloaded file {dest.name} is not a readable raster.")

    with pytest.raises(DownloadError, match="not a readable raster"):
        download_file(url, dest, verify=refuse, **PARALLEL)
    assert not dest.exists() and not part_path(dest).exists() and not state_path(part_path(dest)).exists()


def test_a_state_file_without_its_part_is_forgotten(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"
    state_path(part_path(dest)).write_text(json.dumps({"total": len(payload), "segments": [[0, len(payload), 7]]}))
    download_file(url, dest, **PARALLEL)
    assert server.log[0]["range"] is None
    assert sha(dest.read_bytes()) == sha(payload)


def test_size_change_between_ranges_is_reported(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"
    cancel_at(server, url, dest, 20)
    server.files["/map.tif"] = payload + b"x" * 1000  # the file on the server changed meanwhile
    with pytest.raises(DownloadError, match="two different sizes"):
        download_file(url, dest, **PARALLEL)
    assert not part_path(dest).exists() and not state_path(part_path(dest)).exists()


@pytest.mark.parametrize(("pace", "parallel"), [(0.0, False), (0.02, True)])
def test_only_a_slow_first_stream_brings_more_connections(server, payload, tmp_path, pace, parallel):
    url = serve(server, "map.tif", payload)
    server.faults = Faults(pace=pace)  # 0.02 s per 64 KiB: the 3 MiB would take about 1 s over one stream
    plan = Plan(connections=4, segment_bytes=SEGMENT, probe_s=0.1, parallel_after_s=0.3)
    dest = download_file(url, tmp_path / "map.tif", parallel=plan, chunk_size=64 * KIB)
    assert sha(dest.read_bytes()) == sha(payload)
    assert (len(server.log) > 1) is parallel
    assert server.log[0]["range"] is None


def test_a_single_stream_cancelled_while_probing_resumes_over_parallel_ranges(server, payload, tmp_path):
    url = serve(server, "map.tif", payload)
    dest = tmp_path / "map.tif"
    seen: list[float] = []
    server.faults = Faults(pace=0.02)
    probing = Plan(connections=4, segment_bytes=SEGMENT, probe_s=60.0)  # still probing (one stream) when cancelled
    with pytest.raises(CancelledError):
        download_file(url, dest, progress=seen.append, is_cancelled=lambda: bool(seen) and seen[-1] >= 30,
                      parallel=probing, chunk_size=64 * KIB, retry_delays=NO_WAIT)
    kept = part_path(dest).stat().st_size  # a plain prefix, no ranges state
    assert not state_path(part_path(dest)).exists() and kept >= 0.3 * len(payload)
    first_call = len(server.log)
    server.faults = Faults()
    download_file(url, dest, **PARALLEL)
    assert sha(dest.read_bytes()) == sha(payload)
    asked = [entry["range"] for entry in server.log[first_call:]]
    assert asked[0] == f"bytes={kept}-"  # the resume itself, then ranges for the rest
    assert len(asked) > 1 and all(r.startswith("bytes=") and not r.endswith("-") for r in asked[1:])
