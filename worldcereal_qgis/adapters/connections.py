"""Wiring of the core for QGIS: one job store, authenticated clients per backend, the job runner.

The dock and the Processing algorithms both get their runner here, so there is one code path.
"""

from __future__ import annotations

import threading
from pathlib import Path

from qgis.core import QgsSettings

from .. import settings
from ..core import backends
from ..core.backends import BackendProfile
from ..core.job_owner import DOCK, PROCESSING, owner_tag
from ..core.job_runner import JobRunner
from ..core.jobstore import JobStore
from ..core.openeo_api import BasicCredentials, OpenEOClient
from . import auth_store

LOCAL_DEMO_CREDENTIALS = BasicCredentials("demo", "demo")  # the local backend's documented demo account

_lock = threading.Lock()
_stores: dict[str, JobStore] = {}
_clients: dict[tuple[str, str], OpenEOClient] = {}


def job_store_path() -> Path:
    return settings.profile_data_dir() / "jobs.sqlite"


def job_store(path: Path | None = None) -> JobStore:
    key = str(path or job_store_path())
    with _lock:
        if key not in _stores:
            _stores[key] = JobStore(key)
        return _stores[key]


def profile(name: str, url: str | None = None) -> BackendProfile:
    """The one place a profile name becomes a URL: ``url`` if given, else the user's setting for local and
    custom backends (``settings.BACKEND_URL_SETTINGS``), else the profile's own URL. InputError if invalid."""
    base = backends.profile_by_name(name)
    configured = settings.BACKEND_URL_SETTINGS.get(base.name)
    url = url or (configured.read() if configured is not None else None)
    return base.with_url(url) if url else base


def active_profile() -> BackendProfile:
    """The backend the user chose (the dock's backend choice, kept in ``settings.ACTIVE_BACKEND``)."""
    return profile(settings.ACTIVE_BACKEND.read())


def qgis_proxies() -> dict[str, str]:
    """QGIS's proxy settings, passed to the openeo client's requests session."""
    s = QgsSettings()
    if str(s.value("proxy/proxyEnabled", "false")).lower() != "true":
        return {}
    host = s.value("proxy/proxyHost", "")
    port = s.value("proxy/proxyPort", "")
    if not host:
        return {}
    user = s.value("proxy/proxyUser", "")
    password = s.value("proxy/proxyPassword", "")
    creds = f"{user}:{password}@" if user else ""
    url = f"http://{creds}{host}:{port}" if port else f"http://{creds}{host}"
    return {"http": url, "https": url}


def client(prof: BackendProfile, *, authenticate: bool = True) -> OpenEOClient:
    """A cached, logged-in client for a profile (credentials come from QGIS's auth database)."""
    key = (prof.name, prof.url)
    with _lock:
        existing = _clients.get(key)
    if existing is not None:
        return existing
    basic = None
    if prof.auth == "basic":
        basic = auth_store.basic_credentials(prof.name) or (LOCAL_DEMO_CREDENTIALS if prof.simulated else None)
    new = OpenEOClient(prof, token_store=auth_store.QgsAuthRefreshTokenStore(prof.name), basic=basic,
                       proxies=qgis_proxies())
    if authenticate:
        new.authenticate()
    with _lock:
        _clients[key] = new
    return new


def forget_client(prof: BackendProfile) -> None:
    with _lock:
        _clients.pop((prof.name, prof.url), None)


def runner(output_root: Path | None = None, store: JobStore | None = None,
           profiles: dict[str, BackendProfile] | None = None, front_end: str = DOCK) -> JobRunner:
    """The job runner; ``profiles`` pins the profile objects to use by name (e.g. a custom local URL).

    ``front_end`` names who drives its jobs (``DOCK`` or ``PROCESSING``): the owner written into each record.
    """
    pinned = dict(profiles or {})

    def profile_for(name: str) -> BackendProfile:
        return pinned.get(name) or profile(name)

    return JobRunner(
        store or job_store(),
        client_for=lambda name: client(profile_for(name)),
        output_root=output_root or settings.default_output_dir(),
        profiles=profile_for,
        client_for_profile=client,
        owner=owner_tag(front_end),
    )


def processing_runner(output_root: Path, profile: BackendProfile) -> JobRunner:
    """The runner of a Processing algorithm: its jobs are owned by Processing (the dock lists but never drives
    them) and are polled at the algorithm's backend URL."""
    return runner(output_root=output_root, profiles={profile.name: profile}, front_end=PROCESSING)


def http_session():
    """A requests session through QGIS's proxy (catalogue lookups, model downloads)."""
    import requests

    session = requests.Session()
    session.proxies.update(qgis_proxies())
    return session


def select_orbit(bbox: tuple[float, float, float, float], period, url: str | None = None):
    """The library's orbit rule over the catalogue, through QGIS's proxy: the one orbit path of both front ends.

    ``url`` defaults to the ``orbit/catalogue_url`` setting; the dock reads it on the main thread and passes it.
    ``bbox`` is ``Aoi.bbox`` as is: west > east across 180°, where core/orbit queries each side separately.
    Network: call from a task or a Processing thread.
    """
    from ..core import orbit

    with http_session() as session:
        return orbit.select_orbit(bbox, period[0], period[1], session=session,
                                  url=url or settings.CATALOGUE_URL.read())
