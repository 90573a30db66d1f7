"""A backend restart (same port and data dir) loses no job: finished stays finished, running finishes."""

from __future__ import annotations

from tests.backend.conftest import connect, create_job, cropland_args, wait_for


def test_restart_keeps_finished_and_running_jobs(local_backend, tmp_path):
    con = connect(local_backend)
    done = create_job(con, "worldcereal_crop_extent", cropland_args())
    done.start()
    assert wait_for(done) == "finished"
    running = create_job(con, "worldcereal_crop_extent", cropland_args())
    local_backend.set_job_duration(running.job_id, 4.0)
    running.start()
    assert wait_for(running, statuses=("running",)) == "running"

    local_backend.restart()

    con = connect(local_backend)  # basic tokens persist too, but log in again like a client would
    assert con.job(done.job_id).status() == "finished"
    assert wait_for(con.job(running.job_id)) == "finished"
    files = con.job(done.job_id).get_results().download_files(tmp_path)
    assert any(p.suffix == ".tif" and p.stat().st_size > 0 for p in files)
