"""openeo-driver configuration file (``OPENEO_BACKEND_CONFIG`` points here); values come from settings."""

from __future__ import annotations

from openeo_driver.config import OpenEoBackendConfig
from openeo_driver.users.oidc import OidcProvider

from tests.local_backend import settings as _settings

OIDC_PROVIDER_ID = "local"
OIDC_CLIENT_ID = "worldcereal-qgis-local"
_s = _settings.get()


def _valid_basic_auth(username: str, password: str) -> bool:
    return _s.users.get(username) == password


config = OpenEoBackendConfig(
    id="worldcereal-local",
    capabilities_title="WorldCereal local openEO backend (simulated)",
    capabilities_description=(
        "Local openEO backend for tests and demos of the WorldCereal QGIS plugin. "
        "It runs WorldCereal jobs offline and its maps are SIMULATED, not real classifications."
    ),
    capabilities_backend_version="0.1.0",
    capabilities_deploy_metadata={"versions": {"worldcereal-local-backend": "0.1.0"}},
    processing_facility="WorldCereal local backend",
    processing_software="worldcereal-local-backend",
    enable_basic_auth=True,
    valid_basic_auth=_valid_basic_auth,
    oidc_providers=[
        OidcProvider(
            id=OIDC_PROVIDER_ID,
            issuer=_s.issuer,
            title="Local OIDC provider (auto-approving)",
            scopes=["openid"],
            default_clients=[
                {
                    "id": OIDC_CLIENT_ID,
                    "grant_types": ["urn:ietf:params:oauth:grant-type:device_code+pkce", "refresh_token"],
                }
            ],
        )
    ],
)
