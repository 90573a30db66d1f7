"""Public extractions around an area (emulated store on a local S3), cached and offline; the backbone from a
seasonal model zip (file or URL), downloaded once; class counts for a picker."""

from __future__ import annotations

import functools
import hashlib
import http.server
import threading
from pathlib import Path

import pytest

from tests.fixtures.backend import _free_port
from worldcereal_qgis.controllers.custom_models import run_training
from worldcereal_qgis.core.backbone import resolve_encoder
from worldcereal_qgis.core.errors import DependencyError, InputError, WorldCerealError

from .conftest import CORSICA, make_job

pytestmark = pytest.mark.slow


def public(endpoint: str, cache: Path, buffer_m: float = 250_000.0) -> dict:
    return {"bbox": [9.0, 42.0, 9.2, 42.2], "buffer_m": buffer_m, "endpoint": endpoint,
            "listing_url": f"{endpoint}/geoparquet/", "cache_dir": str(cache)}


def counts(python: Path, job: dict) -> tuple:
    events: list = []
    done = run_training(python, {**job, "mode": "counts"}, events.append)
    return done, events


def test_public_extractions_around_the_area_are_used_and_cached(training_python, public_store, extractions,
                                                                checkpoint, wc_dir, tmp_path):
    job = make_job(extractions, checkpoint, wc_dir, tmp_path / "out", samples=[],
                   public=public(public_store, tmp_path / "cache"))
    done, events = counts(training_python, job)
    # temporary crops only (EWOC 11-..., not fallow), all extracted and collateral samples inside the box
    assert done["samples"] == 66
    assert done["counts"]["vegetables_fruits"] == 19 and done["counts"]["grasslands"] == 18
    assert all(1100000000 < int(code) < 1115000000 for code in done["ewoc_codes"])
    assert {"event": "public", "files": 1, "cached": False} in events
    job["public"]["endpoint"] = job["public"]["listing_url"] = f"http://127.0.0.1:{_free_port()}"
    again, events = counts(training_python, job)  # the store is unreachable now: the cache answers
    assert again["samples"] == 66 and {"event": "public", "files": 1, "cached": True} in events


def test_public_extractions_far_away_are_not_found(training_python, public_store, extractions, checkpoint, wc_dir,
                                                   tmp_path):
    query = {**public(public_store, tmp_path / "cache"), "bbox": [20.0, 60.0, 20.1, 60.1]}
    job = make_job(extractions, checkpoint, wc_dir, tmp_path / "out", public=query)
    done, events = counts(training_python, job)
    assert done["samples"] == 500  # the private samples only
    assert {"event": "warning",
            "message": "No public WorldCereal extractions lie within the search distance of this area."} in events


def test_offline_public_store_gives_a_clear_message(training_python, extractions, checkpoint, wc_dir, tmp_path):
    dead = f"http://127.0.0.1:{_free_port()}"
    job = make_job(extractions, checkpoint, wc_dir, tmp_path / "out", public=public(dead, tmp_path / "cache"))
    done, events = counts(training_python, job)
    assert done["samples"] == 500
    warning = next(e["message"] for e in events if e["event"] == "warning")
    assert warning.startswith("WorldCereal's public extractions could not be reached (")
    assert warning.endswith("); training uses your own samples only.")
    with pytest.raises(InputError, match=r"^No samples to train on: give your own extractions, or reach the "
                                         r"public ones\.$"):
        run_training(training_python, {**job, "samples": []})


def test_class_counts_for_the_picker(training_python, extractions, checkpoint, wc_dir, tmp_path):
    done, _events = counts(training_python, make_job(extractions, checkpoint, wc_dir, tmp_path))
    assert done["samples"] == 500
    assert done["counts"]["grasslands"] == 118 and done["counts"]["grapes"] == 47


def test_backbone_from_a_seasonal_model_zip_file_and_url(seasonal_zip, checkpoint, tmp_path):
    sha = hashlib.sha256(checkpoint.read_bytes()).hexdigest()
    local = resolve_encoder(str(seasonal_zip), tmp_path / "cache")
    assert local.fingerprint == sha and local.checkpoint.read_bytes() == checkpoint.read_bytes()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(seasonal_zip.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{seasonal_zip.name}"
    try:
        remote = resolve_encoder(url, tmp_path / "cache")
    finally:
        server.shutdown()
        server.server_close()
    assert remote.fingerprint == sha
    assert resolve_encoder(url, tmp_path / "cache").checkpoint == remote.checkpoint  # cached: no server needed
    assert resolve_encoder(str(checkpoint), tmp_path / "cache").fingerprint == sha  # a .pt is the encoder itself


def test_backbone_problems_are_one_sentence(tmp_path):
    import zipfile

    bad = tmp_path / "seasonal.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("config.json", '{"artifacts": {"checkpoints": {"full": "model.pt"}}}')
    with pytest.raises(InputError, match=r"^The seasonal model seasonal\.zip has no encoder_only checkpoint in its "
                                         r"manifest\.$"):
        resolve_encoder(str(bad), tmp_path / "cache")
    url = f"http://127.0.0.1:{_free_port()}/model.zip"
    with pytest.raises(DependencyError, match=rf"^The seasonal model could not be downloaded from {url} \("):
        resolve_encoder(url, tmp_path / "cache")
    with pytest.raises(WorldCerealError, match=r"^The encoder checkpoint .*missing\.pt does not exist\.$"):
        resolve_encoder(str(tmp_path / "missing.pt"), tmp_path / "cache")


def test_corsica_bbox_matches_the_samples(extractions):
    import pyarrow.parquet as pq

    table = pq.read_table(extractions, columns=["lat", "lon"]).to_pandas()
    west, south, east, north = CORSICA
    assert table["lon"].between(west, east).all() and table["lat"].between(south, north).all()
