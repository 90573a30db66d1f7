"""The job store keeps every job across restarts, crashes and concurrent writers."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from worldcereal_qgis.core.jobstore import (
    ACTIVE_STATUSES,
    SCHEMA_VERSION,
    DownloadState,
    JobNotFoundError,
    JobRecord,
    JobStatus,
    JobStore,
    JobStoreError,
)

REPO_ROOT = Path(__file__).resolve().parents[2]


def make(**fields) -> JobRecord:
    base = dict(local_id="", backend="local", backend_url="http://127.0.0.1:8080", product="cropland",
                title="WorldCereal cropland test", request={"product": "cropland"})
    return JobRecord(**{**base, **fields})


@pytest.fixture
def store(tmp_path) -> JobStore:
    return JobStore(tmp_path / "profile" / "worldcereal" / "jobs.sqlite")


# -- round trip ---------------------------------------------------------------------------------------------------
FULL = dict(
    local_id="0123456789abcdef0123456789abcdef", backend="cdse", backend_url="https://openeo.dataspace.copernicus.eu",
    product="croptype", title="WorldCereal croptype Gent 2021-01..2021-12",
    request={"aoi": {"type": "Polygon", "coordinates": [[[3.7, 51.0], [3.8, 51.0], [3.8, 51.1], [3.7, 51.0]]]},
             "season_ids": ["tc-s1"], "kernel": 5, "mask": True, "ratio": 0.25, "none": None},
    remote_id="j-2504011234abcd", status=JobStatus.RUNNING, progress=42.5, download_state=DownloadState.FAILED,
    output_dir="/data/out/é ü", outputs=["/data/out/a.tif", "/data/out/b.tif"], credits=12.75,
    error_code="Internal", error_message="The job failed on the backend (openEO error Internal, job j-1).",
    created_at="2025-04-01T10:00:00+00:00", updated_at="ignored", started_at="2025-04-01T10:01:00+00:00",
    finished_at="2025-04-01T11:00:00+00:00", run_id="run-7", tile_name="31UES_3", extra={"tiles": [1, 2], "n": 3},
)


def test_every_field_round_trips_through_a_new_store(store):
    record = JobRecord(**FULL)
    defaults = JobRecord(**{k: FULL[k] for k in ("local_id", "backend", "backend_url", "product", "title",
                                                  "request")})
    untested = [f.name for f in dataclasses.fields(JobRecord)
                if f.name not in ("local_id", "backend", "backend_url", "product", "title", "request")
                and getattr(record, f.name) == getattr(defaults, f.name)]
    assert untested == []  # a new field needs a non-default value in FULL
    store.add(record)
    back = JobStore(store.path).get(record.local_id)  # a fresh instance: what a restarted QGIS would see
    assert back.updated_at and back.updated_at != "ignored"
    assert dataclasses.replace(back, updated_at="ignored") == record


def test_add_fills_id_and_timestamps_and_does_not_touch_the_argument(store):
    draft = make()
    record = store.add(draft)
    assert len(record.local_id) == 32 and int(record.local_id, 16) >= 0
    assert record.created_at and record.created_at.endswith("+00:00") and record.updated_at
    assert draft.local_id == "" and draft.created_at is None
    assert record.status == JobStatus.DRAFT and record.download_state == DownloadState.NONE


def test_adding_the_same_id_twice_is_refused(store):
    record = store.add(make())
    with pytest.raises(ValueError, match="already stored"):
        store.add(record)


def test_missing_job_is_a_typed_keyerror_with_one_sentence(store):
    with pytest.raises(KeyError) as info:
        store.get("nope")
    assert isinstance(info.value, JobNotFoundError)
    assert str(info.value) == "The job nope is not in the job list (it may have been removed)."


# -- update -------------------------------------------------------------------------------------------------------
def test_update_changes_only_the_given_fields_and_persists(store):
    record = store.add(make(created_at="2020-01-01T00:00:00+00:00"))
    time.sleep(1.05)  # updated_at has one-second resolution
    new = store.update(record.local_id, status=JobStatus.QUEUED, remote_id="j-1", outputs=["/x/a.tif"])
    assert (new.status, new.remote_id, new.outputs) == ("queued", "j-1", ["/x/a.tif"])
    assert new.title == record.title and new.request == record.request
    assert new.updated_at > record.updated_at and new.created_at == record.created_at
    assert JobStore(store.path).get(record.local_id) == new


def test_update_can_clear_fields(store):
    record = store.add(make(error_message="old", error_code="X"))
    new = store.update(record.local_id, error_message=None, error_code=None)
    assert store.get(record.local_id).error_message is None and new.error_code is None


@pytest.mark.parametrize("field", ["token", "local_id", "created_at", "updated_at"])
def test_update_refuses_unknown_or_fixed_fields(store, field):
    record = store.add(make())
    with pytest.raises(ValueError, match=field):
        store.update(record.local_id, **{field: "x"})
    assert store.get(record.local_id) == record


def test_update_of_a_missing_job_raises(store):
    with pytest.raises(JobNotFoundError):
        store.update("nope", status="queued")


def test_a_failed_update_leaves_the_row_unchanged(store):
    record = store.add(make())
    with pytest.raises(TypeError):
        store.update(record.local_id, status="queued", extra={"bad": object()})  # not JSON: fails mid-write
    assert store.get(record.local_id) == record


@pytest.mark.parametrize("fields", [
    {"request": {"product": "cropland", "refresh_token": "rt-kept-nowhere"}},
    {"extra": {"auth": {"Authorization": "Bearer x"}}},
    {"extra": {"list": [{"password": "pw-kept-nowhere"}]}},
])
def test_credentials_are_never_stored(store, fields):
    with pytest.raises(ValueError, match="never keeps credentials"):
        store.add(make(**fields))
    record = store.add(make())
    with pytest.raises(ValueError, match="never keeps credentials"):
        store.update(record.local_id, **fields)
    with sqlite3.connect(store.path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(jobs)")]
        dump = "\n".join(conn.iterdump())
    assert not [c for c in columns if "token" in c or "password" in c or "secret" in c]
    # values that cannot occur by chance in the dump (a fingerprint's hex once contained "abc")
    assert "Bearer" not in dump and "pw-kept-nowhere" not in dump and "rt-kept-nowhere" not in dump


# -- queries ------------------------------------------------------------------------------------------------------
def test_list_filters_and_orders_newest_first(store):
    a = store.add(make(title="a", created_at="2025-01-01T00:00:00+00:00", status="running", run_id="r1"))
    b = store.add(make(title="b", created_at="2025-03-01T00:00:00+00:00", status="finished", backend="cdse"))
    c = store.add(make(title="c", created_at="2025-02-01T00:00:00+00:00", status="queued", run_id="r1"))
    d = store.add(make(title="d", created_at="2025-02-01T00:00:00+00:00"))  # same second as c, added later
    assert [r.title for r in store.list()] == ["b", "d", "c", "a"]
    assert [r.title for r in store.list(backend="cdse")] == ["b"]
    assert [r.title for r in store.list(statuses=ACTIVE_STATUSES)] == ["c", "a"]
    assert [r.title for r in store.list(statuses=iter(["finished", "draft"]))] == ["b", "d"]
    assert [r.title for r in store.list(run_id="r1", statuses=["queued"])] == ["c"]
    assert store.list(statuses=[]) == []
    assert {r.local_id for r in store.list()} == {a.local_id, b.local_id, c.local_id, d.local_id}


def test_find_by_remote_id_is_scoped_to_the_backend(store):
    store.add(make(remote_id="j-1"))
    other = store.add(make(remote_id="j-1", backend="cdse", backend_url="https://openeo.dataspace.copernicus.eu"))
    assert store.find_by_remote_id("https://openeo.dataspace.copernicus.eu", "j-1") == other
    assert store.find_by_remote_id("https://openeo.dataspace.copernicus.eu", "j-2") is None


def test_jobs_to_resume_after_restart(store):
    cases = {
        "draft": (dict(status="draft"), False),
        "created": (dict(status="created", remote_id="j-c"), True),
        "queued": (dict(status="queued", remote_id="j-q"), True),
        "running": (dict(status="running", remote_id="j-r"), True),
        "running-without-id": (dict(status="running"), False),
        "finished-not-downloaded": (dict(status="finished", remote_id="j-f"), True),
        "finished-downloading": (dict(status="finished", remote_id="j-d", download_state="downloading"), True),
        "finished-failed-download": (dict(status="finished", remote_id="j-x", download_state="failed"), True),
        "finished-done": (dict(status="finished", remote_id="j-ok", download_state="done"), False),
        "error": (dict(status="error", remote_id="j-e"), False),
        "canceled": (dict(status="canceled", remote_id="j-k"), False),
    }
    for title, (fields, _) in cases.items():
        store.add(make(title=title, **fields))
    resumed = {r.title for r in JobStore(store.path).jobs_to_resume()}
    assert resumed == {title for title, (_, wanted) in cases.items() if wanted}


def test_record_properties():
    assert make(status="running").is_active and not make(status="finished").is_active
    assert make(status="finished").needs_download
    assert not make(status="finished", download_state="done").needs_download
    assert not make(status="running").needs_download


def test_remove_forgets_the_job(store):
    record = store.add(make())
    store.remove(record.local_id)
    store.remove(record.local_id)  # idempotent
    assert store.list() == []
    with pytest.raises(JobNotFoundError):
        store.get(record.local_id)


def test_change_callbacks(store):
    seen: list[str] = []
    unsubscribe = store.on_change(seen.append)
    store.on_change(lambda _id: 1 / 0)  # a broken listener must not break writes
    record = store.add(make())
    store.update(record.local_id, status="queued")
    unsubscribe()
    store.update(record.local_id, status="running")
    assert seen == [record.local_id, record.local_id]
    assert store.get(record.local_id).status == "running"


# -- file format and migrations -----------------------------------------------------------------------------------
def test_empty_v0_file_is_migrated(tmp_path):
    path = tmp_path / "jobs.sqlite"
    path.write_bytes(b"")  # SQLite treats an empty file as an empty database with user_version 0
    store = JobStore(path)
    assert store.schema_version == SCHEMA_VERSION
    record = store.add(make())
    assert JobStore(path).get(record.local_id) == record
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_v0_database_without_tables_is_migrated(tmp_path):
    path = tmp_path / "jobs.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE unrelated (x)")
    assert JobStore(path).schema_version == SCHEMA_VERSION


def test_store_from_a_newer_plugin_is_refused(tmp_path):
    path = tmp_path / "jobs.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(JobStoreError, match="newer version of the plugin"):
        JobStore(path)


def test_garbage_file_is_a_clear_error(tmp_path):
    path = tmp_path / "jobs.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(JobStoreError, match=r"jobs\.sqlite cannot be opened: file is not a database\.$"):
        JobStore(path)


# -- concurrency and crashes --------------------------------------------------------------------------------------
def test_concurrent_writers_from_threads_lose_nothing(tmp_path):
    path = tmp_path / "jobs.sqlite"
    stores = [JobStore(path), JobStore(path)]  # two instances = two processes' worth of locking
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        store = stores[worker % 2]
        try:
            for i in range(25):
                record = store.add(make(title=f"w{worker}-{i}", run_id=f"w{worker}"))
                store.update(record.local_id, status="queued", remote_id=f"j-{worker}-{i}")
                store.update(record.local_id, progress=float(i), extra={"worker": worker, "i": i})
                store.list(run_id=f"w{worker}")
        except BaseException as err:  # surfaced by the assertion below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    records = JobStore(path).list()
    assert len(records) == 8 * 25
    for r in records:
        worker, i = r.extra["worker"], r.extra["i"]
        assert (r.title, r.remote_id, r.progress, r.status) == (f"w{worker}-{i}", f"j-{worker}-{i}", float(i), "queued")


WRITER = textwrap.dedent("""
    import sys
    from worldcereal_qgis.core.jobstore import JobRecord, JobStore
    store = JobStore(sys.argv[1])
    ids = [store.add(JobRecord(local_id="", backend="local", backend_url="u", product="cropland",
                               title="t0", request={"n": 0}, extra={"n": 0})).local_id for _ in range(5)]
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        for local_id in ids:
            store.update(local_id, title=f"t{n}", progress=float(n), request={"n": n, "pad": "x" * 5000},
                         outputs=[f"/o/{n}-{k}.tif" for k in range(20)], extra={"n": n}, status="running")
        if n % 7 == 0:
            store.add(JobRecord(local_id="", backend="local", backend_url="u", product="cropland",
                                title=f"t{n}", request={"n": n}, progress=float(n), extra={"n": n}))
""")


def test_sigkill_during_writes_leaves_every_row_whole(tmp_path):
    path = tmp_path / "jobs.sqlite"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, env=env)
    try:
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.8)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        raw = conn.execute("SELECT title, progress, request, outputs, extra FROM jobs").fetchall()
    assert len(raw) >= 5
    counters = []
    for title, progress, request, outputs, extra in raw:
        n = json.loads(extra)["n"]
        counters.append(n)
        assert title == f"t{n}" and json.loads(request)["n"] == n
        assert progress == (float(n) if n else None)
        assert json.loads(outputs) in ([], [f"/o/{n}-{k}.tif" for k in range(20)])
    assert max(counters) > 1  # the writer really was writing when it was killed
    assert len(JobStore(path).list()) == len(raw)  # and the store opens and reads every row
