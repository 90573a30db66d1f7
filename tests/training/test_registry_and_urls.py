"""Model registry and head URLs: expiry is known, expired URLs are caught, expired uploads are renewed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from worldcereal_qgis.core import artifacts
from worldcereal_qgis.core.artifacts import UploadedHead, check_user_url, ensure_head_url, presigned_expiry
from worldcereal_qgis.core.errors import InputError
from worldcereal_qgis.core.model_registry import ModelRecord, ModelRegistry

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
SIGV4 = ("https://s3.waw3-1.openeo.v1.dataspace.copernicus.eu/openeo-artifacts-waw3-1/ab/2026/11/10/head.zip"
         "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261110T080000Z&X-Amz-Expires=518400&X-Amz-Signature=f")


def record(tmp_path, **changes) -> ModelRecord:
    zip_path = tmp_path / "head.zip"
    zip_path.write_bytes(b"zip")
    fields = {"name": "corsica", "zip_path": str(zip_path), "class_names": ["a", "b"], "season_id": "tc-s1",
              "fingerprint": "f" * 64}
    fields.update(changes)
    return ModelRecord(**fields)


def test_presigned_expiry_sigv4_and_sigv2():
    assert presigned_expiry(SIGV4) == datetime(2026, 11, 16, 8, 0, tzinfo=timezone.utc)
    assert presigned_expiry("http://127.0.0.1:9/b/k.zip?Signature=x&Expires=1796115324") == \
        datetime.fromtimestamp(1796115324, tz=timezone.utc)
    assert presigned_expiry("https://example.org/my/head.zip") is None


def test_user_urls():
    assert check_user_url(" https://example.org/models/head.zip ") == "https://example.org/models/head.zip"
    with pytest.raises(InputError, match=r"^The model URL expired on 2026-11-16 08:00 UTC; upload the model again\.$"):
        check_user_url(SIGV4, now=NOW)
    with pytest.raises(InputError, match=r"must be an http\(s\) link to a \.zip file"):
        check_user_url("https://example.org/models/head.onnx")
    with pytest.raises(InputError, match="must use HTTPS"):
        check_user_url("http://example.org/head.zip")


def test_registry_round_trip(tmp_path):
    registry = ModelRegistry(tmp_path / "models.json")
    first = registry.add(record(tmp_path, metrics={"overall_accuracy": 0.66}))
    registry.update(first.id, url="https://example.org/head.zip")
    again = ModelRegistry(tmp_path / "models.json").get("corsica")
    assert again.metrics == {"overall_accuracy": 0.66} and again.url == "https://example.org/head.zip"
    registry.remove(first.id)
    assert registry.records() == []
    with pytest.raises(InputError, match=r"^No registered model is called corsica\.$"):
        registry.get("corsica")


def test_url_usable_keeps_a_margin_for_the_job():
    rec = ModelRecord("m", "z", ["a", "b"], "s", "f", url="https://x/h.zip",
                      url_expires=(NOW + timedelta(hours=6)).isoformat())
    assert not rec.url_usable(NOW)  # expires before a long job would read it
    rec.url_expires = (NOW + timedelta(days=3)).isoformat()
    assert rec.url_usable(NOW)


def test_expired_upload_is_renewed_before_a_job(tmp_path, monkeypatch):
    registry = ModelRegistry(tmp_path / "models.json")
    rec = registry.add(record(tmp_path, url="https://old/h.zip", url_source="artifact",
                              url_expires=(NOW - timedelta(days=1)).isoformat()))
    calls = []

    def fake_upload(connection, zip_path, storage=None):
        calls.append((connection, str(zip_path)))
        return UploadedHead("https://new/h.zip", NOW + timedelta(days=6), "s3://b/k")

    monkeypatch.setattr(artifacts, "upload_head", fake_upload)
    renewed = ensure_head_url(registry, rec.id, lambda: "conn", now=NOW)
    assert renewed.url == "https://new/h.zip" and calls == [("conn", rec.zip_path)]
    assert registry.get(rec.id).storage_uri == "s3://b/k"
    assert ensure_head_url(registry, rec.id, lambda: "unused", now=NOW).url == "https://new/h.zip"
    assert len(calls) == 1  # a valid URL is not uploaded again


def test_expired_user_url_and_lost_zip_are_explained(tmp_path):
    registry = ModelRegistry(tmp_path / "models.json")
    old = (NOW - timedelta(days=1)).isoformat()
    user = registry.add(record(tmp_path, name="mine", url="https://x/h.zip", url_source="user", url_expires=old))
    with pytest.raises(InputError, match=r"^The URL of model mine has expired; give a new URL or upload the model\.$"):
        ensure_head_url(registry, user.id, lambda: None, now=NOW)
    gone = registry.add(record(tmp_path, name="gone", zip_path=str(tmp_path / "missing.zip"), url_expires=old,
                               url="https://x/h.zip", url_source="artifact"))
    with pytest.raises(InputError, match=r"its zip .*missing\.zip is gone; train or import it again"):
        ensure_head_url(registry, gone.id, lambda: None, now=NOW)
