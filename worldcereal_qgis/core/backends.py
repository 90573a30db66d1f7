"""openEO backend profiles: CDSE by default, Terrascope, the local simulated backend, any URL."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlparse

from .errors import InputError

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class BackendProfile:
    """Where and how to reach one openEO backend."""

    name: str                 # stable id used in settings and the job store
    title: str                # shown to the user
    url: str
    auth: str                 # "oidc" | "basic"
    min_poll_interval_s: float = 10.0   # CDSE etiquette: at most one status request per 10 s per job
    max_poll_interval_s: float = 60.0
    simulated: bool = False

    def with_url(self, url: str) -> BackendProfile:
        return replace(self, url=validate_backend_url(url))


CDSE = BackendProfile(
    "cdse", "Copernicus Data Space Ecosystem (CDSE)", "https://openeo.dataspace.copernicus.eu", "oidc"
)
CDSE_FEDERATION = BackendProfile(
    "cdse-federation", "CDSE openEO federation", "https://openeofed.dataspace.copernicus.eu", "oidc"
)
TERRASCOPE = BackendProfile("terrascope", "Terrascope (VITO)", "https://openeo.vito.be", "oidc")
LOCAL = BackendProfile(
    "local", "Local simulated backend (no account, simulated maps)", "http://127.0.0.1:8765/openeo/1.2", "basic",
    min_poll_interval_s=1.0, max_poll_interval_s=5.0, simulated=True,
)
CUSTOM = BackendProfile("custom", "Other openEO backend (URL)", "", "oidc")
PROFILES: tuple[BackendProfile, ...] = (CDSE, CDSE_FEDERATION, TERRASCOPE, LOCAL, CUSTOM)
DEFAULT_PROFILE = CDSE


def profile_by_name(name: str) -> BackendProfile:
    for profile in PROFILES:
        if profile.name == name:
            return profile
    raise InputError(f"Unknown backend profile '{name}'; choose one of {', '.join(p.name for p in PROFILES)}.",
                     field="backend")


def is_loopback(url: str) -> bool:
    return (urlparse(url).hostname or "") in LOOPBACK_HOSTS


def validate_backend_url(url: str) -> str:
    """A usable openEO root URL: https (http only on this machine), with a host, no credentials in it."""
    text = (url or "").strip().rstrip("/")
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise InputError(f"'{url}' is not a valid openEO backend URL; use e.g. https://openeo.dataspace.copernicus.eu.",
                         field="backend_url")
    if parsed.scheme == "http" and not is_loopback(text):
        raise InputError(f"The backend URL '{url}' must use https (plain http is only allowed on this computer).",
                         field="backend_url")
    if parsed.username or parsed.password:
        raise InputError("Do not put a user name or password in the backend URL; log in instead.",
                         field="backend_url")
    return text
