"""Make a head zip reachable by the backend: upload it through openEO's artifact helper, or take the user's URL.

Upload path (docs/worldcereal-facts.md, "Custom model upload"):
``openeo.extra.artifacts.build_artifact_helper(connection)`` gets STS credentials with the user's openEO token, puts
the zip in the backend's artifact bucket and gives a presigned GET URL, here valid 6 days. Presigned URLs expire
(and the cloud copy has a limited retention), so ``ensure_head_url`` re-uploads a registered model whose URL will
not outlive the job. Users may give their own HTTPS URL to a ``.zip`` instead (the Gisat app's rule). boto3 and
openeo are imported lazily.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Optional

from .errors import BackendError, DependencyError, InputError
from .model_registry import ModelRecord, ModelRegistry, utcnow

PRESIGN_SECONDS = 6 * 24 * 3600
USER_URL = re.compile(r"^https?://.+\.zip$", re.IGNORECASE)
LOOPBACK = ("127.0.0.1", "localhost", "::1")
DEFAULT_REGION = "us-east-1"  # S3 endpoints without a region in their host name (local emulation, MinIO)


@dataclass(frozen=True)
class UploadedHead:
    url: str
    expires: datetime
    storage_uri: str


def upload_head(connection: Any, zip_path: Path, storage: Optional[dict] = None,
                expires_in: int = PRESIGN_SECONDS) -> UploadedHead:
    """Upload via the artifact helper; ``storage`` overrides what the backend advertises (s3/sts endpoint...)."""
    try:
        import boto3  # noqa: F401  (the helper imports it lazily; fail early with a clear message)
        from openeo.extra.artifacts import build_artifact_helper
    except ImportError as exc:
        raise DependencyError("Uploading a model needs the Python packages openeo and boto3.") from exc
    from openeo.extra.artifacts.exceptions import ArtifactsException

    try:
        helper = build_artifact_helper(connection, config=_storage_config(storage))
        uri = helper.upload_file(str(zip_path))
        url = helper.get_presigned_url(uri, expires_in_seconds=expires_in)
    except ArtifactsException as exc:
        raise BackendError("This backend offers no artifact storage for uploading models; "
                           "give your own HTTPS URL to the zip instead.", details=str(exc)) from exc
    except Exception as exc:  # botocore/STS errors come in many types
        raise BackendError(f"The model could not be uploaded to the backend's artifact storage: {exc}") from exc
    return UploadedHead(url=url, expires=utcnow() + timedelta(seconds=expires_in), storage_uri=uri.to_string())


def _storage_config(storage: Optional[dict]):
    """An S3STSConfig (the helper finds its type by class name) that tolerates endpoints without a region."""
    from openeo.extra.artifacts._s3sts.config import S3STSConfig as _Base

    class S3STSConfig(_Base):  # same name on purpose: build_artifact_helper dispatches on it
        def _get_storage_region(self) -> str:
            try:
                return super()._get_storage_region()
            except ValueError:
                return DEFAULT_REGION

    return S3STSConfig(**{k: v for k, v in (storage or {}).items() if v is not None})


def check_user_url(url: str, now: Optional[datetime] = None) -> str:
    """A user's own URL: HTTPS (HTTP only on this machine) to a .zip, not an expired presigned link."""
    url = url.strip()
    parsed = urllib.parse.urlparse(url)
    if not USER_URL.match(parsed._replace(query="", fragment="").geturl()):
        raise InputError("The model URL must be an http(s) link to a .zip file.", field="model_url")
    if parsed.scheme == "http" and parsed.hostname not in LOOPBACK:
        raise InputError("The model URL must use HTTPS.", field="model_url")
    expiry = presigned_expiry(url)
    if expiry is not None and expiry <= (now or utcnow()):
        raise InputError(f"The model URL expired on {expiry:%Y-%m-%d %H:%M} UTC; upload the model again.",
                         field="model_url")
    return url


def presigned_expiry(url: str) -> Optional[datetime]:
    """When an S3 presigned URL (SigV4 X-Amz-Date + X-Amz-Expires, or SigV2 Expires) stops working."""
    query = {k.lower(): v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlparse(url).query).items()}
    try:
        if "x-amz-date" in query and "x-amz-expires" in query:
            signed = datetime.strptime(query["x-amz-date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
            return signed + timedelta(seconds=int(query["x-amz-expires"]))
        if "expires" in query:
            return datetime.fromtimestamp(int(query["expires"]), tz=timezone.utc)
    except ValueError:
        return None
    return None


def ensure_head_url(registry: ModelRegistry, model_id: str, connection_factory: Callable[[], Any],
                    storage: Optional[dict] = None, now: Optional[datetime] = None) -> ModelRecord:
    """The record with a URL that outlives the job: re-uploaded when expired or expiring."""
    record = registry.get(model_id)
    if record.url_usable(now):
        return record
    if record.url_source == "user":
        raise InputError(f"The URL of model {record.name} has expired; give a new URL or upload the model.",
                         field="model_url")
    zip_path = Path(record.zip_path)
    if not zip_path.is_file():
        raise InputError(f"The URL of model {record.name} has expired and its zip {zip_path} is gone; "
                         "train or import it again.", field="model")
    uploaded = upload_head(connection_factory(), zip_path, storage)
    return registry.update(record.id, url=uploaded.url, url_expires=uploaded.expires.isoformat(timespec="seconds"),
                           url_source="artifact", storage_uri=uploaded.storage_uri)


@dataclass(frozen=True)
class CustomHead:
    """What a crop-type job needs from a custom model."""

    url: str
    record: Optional[ModelRecord] = None  # None: the user's own URL, not registered


def resolve_custom_head(value: str, registry: ModelRegistry, connection_factory: Callable[[], Any],
                        expected_fingerprint: Callable[[], str], storage: Optional[dict] = None) -> CustomHead:
    """A head URL from a registered model (name or id), a head zip file (checked, registered) or an own URL."""
    from .head_zip import check_head_zip

    value = value.strip()
    if urllib.parse.urlparse(value).scheme in ("http", "https"):
        return CustomHead(url=check_user_url(value))
    if value.lower().endswith(".zip"):
        if not Path(value).is_file():
            raise InputError(f"The model zip {value} does not exist.", field="model")
        info = check_head_zip(Path(value), expected_fingerprint())
        known = next((r for r in registry.records() if r.zip_path == str(info.path)
                      and r.class_names == list(info.class_names) and r.fingerprint == info.fingerprint), None)
        record = known or registry.add(ModelRecord(
            name=info.name, zip_path=str(info.path), class_names=list(info.class_names), season_id=info.season_id,
            fingerprint=info.fingerprint, season_window=list(info.season_window or []) or None,
            seasonal_model_zip=info.seasonal_model_zip))
        value = record.id
    record = ensure_head_url(registry, value, connection_factory, storage)
    return CustomHead(url=str(record.url), record=record)
