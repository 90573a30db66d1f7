"""Issue #10 end to end, offline: real extractions -> training with the real Presto checkpoint -> metrics on a
held-out split -> a zip that passes the manifest check -> upload to the local S3/STS emulation through the
openeo artifact helper -> crop-type job with that head on the local backend -> layers listing the classes.
"""

from __future__ import annotations

import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from qgis.core import QgsApplication, QgsProject

from worldcereal_qgis.core import artifacts
from worldcereal_qgis.core.head_zip import check_head_zip, checkpoint_fingerprint
from worldcereal_qgis.core.model_registry import ModelRecord, utcnow
from worldcereal_qgis.core.palette import pretty_class_label

from .conftest import CLASSES

pytestmark = pytest.mark.slow
TRAINED = sorted([*CLASSES, "other"])


def test_training_beats_chance_on_the_held_out_split(trained):
    metrics = json.loads(Path(trained["done"]["metrics"]).read_text())
    print(f"OA {metrics['overall_accuracy']} (chance {metrics['chance_accuracy']}), "
          f"macro F1 {metrics['macro_f1']} on {metrics['n_test']} test samples")
    assert metrics["classes"] == TRAINED
    assert metrics["samples"] == {"samples_read": 500, "samples_kept": 500, "dropped": {}, "rows_read": 8500,
                                  "rows_used": 6000}  # Dec 2021..Nov 2022 of each sample's 17 rows
    assert metrics["overall_accuracy"] > metrics["chance_accuracy"] + 0.1
    assert metrics["macro_f1"] > 1.0 / len(TRAINED) + 0.1
    cm = metrics["confusion_matrix"]
    assert len(cm) == len(TRAINED) and sum(map(sum, cm)) == metrics["n_test"]
    assert [c["class"] for c in metrics["per_class"]] == TRAINED
    epochs = [e for e in trained["events"] if e["event"] == "epoch"]
    assert epochs and all({"epoch", "loss", "val_loss", "val_f1"} <= set(e) for e in epochs)
    assert 1 <= len(epochs) <= 30
    out = Path(trained["job"]["output_dir"])
    assert (out / "classification_report.csv").read_text().startswith(",class,precision,recall,f1-score,support")
    assert (out / "metrics.txt").read_text().startswith("Test results (Torch head):\nOA: ")
    assert (out / "CM_abs.png").read_bytes()[:4] == (out / "CM_norm.png").read_bytes()[:4] == b"\x89PNG"


def test_the_zip_passes_the_inference_side_checks(trained, checkpoint):
    info = check_head_zip(Path(trained["done"]["zip"]), checkpoint_fingerprint(checkpoint))
    assert list(info.class_names) == TRAINED  # alphabetical = output values
    assert info.season_id == "tc-s1" and info.head_type == "linear"
    with zipfile.ZipFile(trained["done"]["zip"]) as archive:
        assert sorted(archive.namelist()) == ["PrestoDownstreamTorchHead_linear_croptype_tc-s1.pt", "config.json"]
        manifest = json.loads(archive.read("config.json"))
    head = manifest["heads"][0]
    assert manifest["schema_version"] == 1
    assert head["state_dict_prefix"] == "head.crop_head" and head["num_classes"] == 4
    assert manifest["artifacts"]["packages"]["head"] == "PrestoDownstreamTorchHead_linear_croptype_tc-s1.zip"
    assert manifest["classes_list"] == TRAINED and 1 <= manifest["best_epoch"] <= manifest["epochs_trained"]
    # which months and which jitter made this model (issue #23)
    assert manifest["experiment"]["alignment"] == "relaxed"  # the default
    assert manifest["experiment"]["temporal_jitter"]["enabled"] is True
    assert manifest["experiment"]["temporal_jitter"]["seed"] == manifest["seed"] == 42


def test_the_head_weights_load_into_the_official_head_module(trained, training_python):
    """The UDF replaces its crop head by LinearHead(128, n) and loads the .pt into it (seasonal_head.py)."""
    import subprocess

    pt = Path(trained["done"]["zip"]).with_suffix(".pt")
    code = ("import sys, torch\n"
            "class LinearHead(torch.nn.Module):\n"
            "    def __init__(self, d, n):\n"
            "        super().__init__(); self.linear = torch.nn.Linear(d, n)\n"
            "head = LinearHead(128, 4)\n"
            "head.load_state_dict(torch.load(sys.argv[1], map_location='cpu'), strict=True)\n"
            "print(sorted(head.state_dict()))\n")
    out = subprocess.run([str(training_python), "-c", code, str(pt)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['linear.bias', 'linear.weight']"


def _croptype(aoi_file: Path, backend_url: str, model: str, out: Path) -> list:
    """Run worldcereal:croptype with a custom model; its layers (removed from the project again)."""
    import processing

    from worldcereal_qgis.processing.provider import WorldCerealProvider

    registry_ = QgsApplication.processingRegistry()
    if registry_.providerById("worldcereal") is None:
        provider = WorldCerealProvider()
        registry_.addProvider(provider)
        pytest.wc_training_provider_ref = provider
    result = processing.run("worldcereal:croptype", {
        "AOI_LAYER": str(aoi_file), "AOI_NAME": "france", "SEASON1_ID": "tc-s1", "SEASON1_START": "2022-03-01",
        "SEASON1_END": "2022-08-31", "ORBIT": 2, "BACKEND": 3, "BACKEND_URL": backend_url, "CUSTOM_MODEL": model,
        "OUTPUT_FOLDER": str(out),
    })
    project = QgsProject.instance()
    layers = [lyr for lyr in project.mapLayers().values()
              if lyr.customProperty("worldcereal/job_id") == result["JOB_ID"]]
    crop = next(lyr for lyr in layers if lyr.customProperty("worldcereal/band") == "croptype_classification:tc-s1")
    labels = {c.value: c.label for c in crop.renderer().classes()}
    for layer in layers:
        project.removeMapLayer(layer.id())
    return [labels[i] for i in sorted(labels)]


def test_upload_then_croptype_job_shows_the_trained_classes(trained, artifacts_backend, plugin_settings,
                                                            qgis_processing, wc_dir, tmp_path):
    """The user's zip is checked against the seasonal model's backbone, registered, uploaded through the
    backend's advertised artifact storage (STS -> S3 -> presigned URL, 6 days), and mapped with."""
    from worldcereal_qgis.controllers.custom_models import model_registry

    aoi = wc_dir / "aoi" / "test_site_france.gpkg"
    labels = _croptype(aoi, artifacts_backend.url, trained["done"]["zip"], tmp_path / "croptype")
    assert labels[:len(TRAINED)] == [pretty_class_label(name) for name in TRAINED]
    assert labels[0] == "Grapes" and labels[3] == "Vegetables fruits"
    (record,) = model_registry().records()
    assert record.url_source == "artifact" and record.class_names == TRAINED
    capabilities = requests.get(artifacts_backend.url, timeout=10).json()
    endpoint = capabilities["artifacts"]["providers"][0]["config"]["s3_endpoint"]
    assert record.url.startswith(endpoint + "/openeo-artifacts-local/")
    valid_for = artifacts.presigned_expiry(record.url) - utcnow()
    assert timedelta(days=5, hours=23) < valid_for <= timedelta(days=6)  # the presigned URL lives 6 days


def test_an_expired_registered_model_is_uploaded_again_before_the_job(trained, artifacts_backend, plugin_settings,
                                                                      qgis_processing, wc_dir, tmp_path):
    from worldcereal_qgis.controllers.custom_models import model_registry

    info = check_head_zip(Path(trained["done"]["zip"]))
    registry = model_registry()
    record = registry.add(ModelRecord(name="corsica", zip_path=str(info.path), class_names=list(info.class_names),
                                      season_id=info.season_id, fingerprint=info.fingerprint,
                                      url="http://127.0.0.1:9/expired.zip", url_source="artifact",
                                      url_expires=(utcnow() - timedelta(days=1)).isoformat()))
    labels = _croptype(wc_dir / "aoi" / "test_site_france.gpkg", artifacts_backend.url, "corsica", tmp_path)
    assert labels[:len(TRAINED)] == [pretty_class_label(name) for name in TRAINED]
    renewed = registry.get(record.id)
    assert renewed.url != record.url and renewed.url_usable()


def test_a_zip_for_another_backbone_is_refused_before_any_upload(trained, artifacts_backend, plugin_settings,
                                                                 qgis_processing, wc_dir, tmp_path):
    from qgis.core import QgsProcessingException

    from worldcereal_qgis.controllers import custom_models

    other = tmp_path / "other_seasonal.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("config.json", json.dumps({"backbone": {"fingerprint": "b" * 64},
                                                   "artifacts": {"checkpoints": {"encoder_only": "e.pt"}}}))
        archive.writestr("e.pt", b"another encoder")
    custom_models.SEASONAL_MODEL.write(str(other))
    with pytest.raises(QgsProcessingException, match=r"was trained on another Presto backbone \(fingerprint "):
        _croptype(wc_dir / "aoi" / "test_site_france.gpkg", artifacts_backend.url, trained["done"]["zip"], tmp_path)
    assert custom_models.model_registry().records() == []
