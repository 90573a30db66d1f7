"""Fixtures for custom-model training: the training environment, one real training run, the S3 emulations.

The training environment (torch CPU + prometheo + pandas/pyarrow/sklearn, ~1.7 GB) is built ONCE into
``WORLDCEREAL_TRAINING_ENV_CACHE`` (default /var/cache/worldcereal-qgis/training-env, outside the clone), keyed
by its requirements, and reused: about 2 minutes on a fresh machine with the local torch wheel, instant
afterwards. prometheo comes from ``WORLDCEREAL_PROMETHEO_SOURCE`` (default: ../shared/vendor's wheel; no
internet here), torch from this machine's local wheel (no extra index).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from tests.fixtures.backend import BACKEND_PYTHON, REPO_ROOT, LocalBackend, _die_with_parent, _free_port
from worldcereal_qgis.core import training_env

ENV_CACHE = Path(os.environ.get("WORLDCEREAL_TRAINING_ENV_CACHE", "/var/cache/worldcereal-qgis/training-env"))
SEASON = {"start": "2022-03-01", "end": "2022-08-31", "id": "tc-s1"}
CLASSES = ["grapes", "grasslands", "vegetables_fruits"]  # + "other": Corsica 2022 LPIS, CROPTYPE_INSEASON_FRANCE
CORSICA = (8.68, 41.37, 9.56, 42.94)  # bbox of the 500 real samples


@pytest.fixture(scope="session")
def env_spec(shared_dir: Path) -> training_env.TrainingEnvSpec:
    source = os.environ.get("WORLDCEREAL_PROMETHEO_SOURCE",
                            str(shared_dir / "vendor" / "prometheo-0.1.5-py3-none-any.whl"))
    return training_env.TrainingEnvSpec(prometheo_source=source)


@pytest.fixture(scope="session")
def training_python(env_spec) -> Path:
    """The environment's python (built here on first use)."""
    return training_env.ensure_env(ENV_CACHE, env_spec)


@pytest.fixture(scope="session")
def checkpoint(wc_dir: Path) -> Path:
    return wc_dir / "models" / "finetuned_presto_model.pt"


@pytest.fixture(scope="session")
def extractions(wc_dir: Path) -> Path:
    return wc_dir / "extractions" / "2022_FRA_LPIS_POLY_110_monthly.geoparquet"


@pytest.fixture(scope="session")
def seasonal_zip(checkpoint: Path, tmp_path_factory) -> Path:
    """A seasonal model zip in the official layout whose encoder_only is the real test checkpoint."""
    path = tmp_path_factory.mktemp("seasonal") / "WorldCerealPresto-test.zip"
    manifest = {"schema_version": 1, "backbone": {"fingerprint": hashlib.sha256(checkpoint.read_bytes()).hexdigest()},
                "heads": [{"task": "croptype", "class_names": ["maize", "wheat"]}],
                "artifacts": {"config": "config.json", "checkpoints": {"encoder_only": "encoder.pt"}}}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", json.dumps(manifest))
        archive.write(checkpoint, "encoder.pt")
    return path


@pytest.fixture
def plugin_settings(env_spec, seasonal_zip, monkeypatch, tmp_path):
    """The plugin's training settings pointed at this machine (cached env, vendored prometheo, test seasonal
    model) and a fresh profile folder (registry, caches); restored afterwards."""
    from worldcereal_qgis import settings
    from worldcereal_qgis.controllers import custom_models

    values = {custom_models.ENV_FOLDER: str(ENV_CACHE), custom_models.PROMETHEO_SOURCE: env_spec.prometheo_source,
              custom_models.TORCH_INDEX_URL: "", custom_models.SEASONAL_MODEL: str(seasonal_zip)}
    old = {setting: setting.read() for setting in values}
    for setting, value in values.items():
        setting.write(value)
    monkeypatch.setattr(settings, "profile_data_dir", lambda: tmp_path / "profile")
    yield tmp_path / "profile"
    for setting, value in old.items():
        setting.write(value)


def make_job(extractions: Path, checkpoint: Path, wc_dir: Path, out: Path, **changes) -> dict:
    job = {
        "samples": [str(extractions)], "season": dict(SEASON), "checkpoint": str(checkpoint),
        "class_mapping": {"file": str(wc_dir / "classes" / "class_mappings.json"), "name": "CROPTYPE_INSEASON_FRANCE"},
        "classes": list(CLASSES), "output_dir": str(out),
    }
    job.update(changes)
    return job


@pytest.fixture(scope="session")
def trained(training_python, extractions, checkpoint, wc_dir, tmp_path_factory) -> dict:
    """One real training run, shared by the tests that only read its outputs."""
    from worldcereal_qgis.controllers.custom_models import run_training

    events: list = []
    job = make_job(extractions, checkpoint, wc_dir, tmp_path_factory.mktemp("trained"))
    done = run_training(training_python, job, events.append)
    return {"done": done, "events": events, "job": job}


def _start_s3(*buckets: str):
    port = _free_port()
    args = [a for b in buckets for a in ("--bucket", b)]
    proc = subprocess.Popen([str(BACKEND_PYTHON), "-m", "tests.local_backend.s3", "--port", str(port), *args],
                            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            preexec_fn=_die_with_parent)
    deadline = time.monotonic() + 30
    line = ""
    while time.monotonic() < deadline and not line.startswith("READY"):
        line = proc.stdout.readline() if proc.stdout else ""
        if proc.poll() is not None:
            pytest.fail("The S3 emulation did not start (is moto[server] installed in .venv-backend?).")
    return proc, line.split()[1]


@pytest.fixture(scope="session")
def public_store(extractions: Path):
    """WorldCereal's public extraction store, emulated: bucket ``geoparquet`` on a local S3 with the extent
    index and one dataset file (the real Corsica extractions), public-read as the real one."""
    import boto3
    import shapely
    from shapely.geometry import box

    proc, endpoint = _start_s3("geoparquet")
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="local",
                      aws_secret_access_key="local")
    index = _extent_index({"2022_FRA_LPIS_POLY_110": shapely.to_wkb(box(*CORSICA)),
                           "2021_BEL_LPIS_POLY_110": shapely.to_wkb(box(2.5, 50.6, 6.4, 51.5))})
    s3.put_object(Bucket="geoparquet", Key="worldcereal_public_extractions_extent.parquet", Body=index,
                  ACL="public-read")
    s3.put_object(Bucket="geoparquet", Key="worldcereal_public_extractions_2022_FRA_LPIS_POLY_110.parquet",
                  Body=extractions.read_bytes(), ACL="public-read")
    yield endpoint
    proc.terminate()
    proc.wait(timeout=10)


def _extent_index(extents: dict) -> bytes:
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"ref_id": list(extents), "geometry": list(extents.values())})
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def artifacts_backend(tmp_path_factory):
    """A local backend that advertises S3+STS artifact storage in its capabilities, as CDSE does."""
    data_dir = tmp_path_factory.mktemp("artifacts-backend")
    backend = LocalBackend(port=_free_port(), data_dir=data_dir,
                           extra_args=["--job-duration", "1", "--artifacts-s3-port", str(_free_port())])
    backend.start()
    yield backend
    backend.stop()
