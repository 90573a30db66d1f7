"""The only module that talks to openEO, always through the official ``openeo`` client.

``openeo`` is imported lazily (plugin start-up stays fast, and the plugin loads without it).
Every client or HTTP failure is translated into a typed error whose text is one sentence with the
openEO error code and job id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol
from urllib.parse import urlparse

from .backends import BackendProfile
from .errors import AuthError, BackendError, CancelledError, DependencyError, JobFailedError

TERMINAL_STATUSES = ("finished", "error", "canceled")
AUTH_ERROR_CODES = ("TokenInvalid", "TokenExpired", "AuthenticationRequired", "AuthenticationSchemeInvalid",
                    "CredentialsInvalid")


class RefreshTokenStore(Protocol):
    """Where OIDC refresh tokens live (the plugin uses QGIS's encrypted auth database)."""

    def get_refresh_token(self, issuer: str, client_id: str) -> str | None: ...

    def set_refresh_token(self, issuer: str, client_id: str, refresh_token: str) -> None: ...


@dataclass(frozen=True)
class BasicCredentials:
    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class RemoteStatus:
    status: str
    progress: float | None
    credits: float | None
    title: str | None = None

    @property
    def terminal(self) -> bool:
        return self.status in TERMINAL_STATUSES


@dataclass(frozen=True)
class RemoteAsset:
    name: str
    href: str
    media_type: str | None
    size: int | None
    metadata: dict


@dataclass(frozen=True)
class DeviceCodePrompt:
    """What the user must do in the browser to finish an OIDC device-code login."""

    url: str
    code: str | None


def _openeo():
    try:
        import openeo
    except ImportError as err:
        raise DependencyError(
            "The Python package 'openeo' is not installed; use the WorldCereal message bar's Install button."
        ) from err
    return openeo


class _CancellableSession:
    """A requests.Session whose requests stop as soon as the user cancels (device-code polling)."""

    def __new__(cls, is_cancelled: Callable[[], bool]):
        import requests

        class Session(requests.Session):
            def request(self, *args, **kwargs):
                if is_cancelled():
                    raise CancelledError("Login was cancelled.")
                return super().request(*args, **kwargs)

        return Session()


def parse_device_instructions(text: str) -> DeviceCodePrompt | None:
    """openeo's display text: "Visit <url> and enter user code '<code>' to authenticate."."""
    match = re.search(r"Visit (\S+)", text)
    if not match:
        return None
    url = match.group(1).rstrip(".")
    code = re.search(r"user code '([^']+)'", text)
    if code is None:
        code = re.search(r"[?&]user_code=([^&\s]+)", url)
    return DeviceCodePrompt(url=url, code=code.group(1) if code else None)


def extract_credits(metadata: dict) -> float | None:
    """Credits of a job: openEO ``costs`` or CDSE-style ``usage`` entries."""
    costs = metadata.get("costs")
    if isinstance(costs, (int, float)):
        return float(costs)
    usage = metadata.get("usage") or {}
    entry = usage.get("credits") if isinstance(usage, dict) else None
    if isinstance(entry, dict) and isinstance(entry.get("value"), (int, float)):
        return float(entry["value"])
    if isinstance(entry, (int, float)):
        return float(entry)
    return None


def translate_error(err: BaseException, *, action: str, backend: str, job_id: str | None = None) -> Exception:
    """Map client/HTTP exceptions to the plugin's typed errors (one sentence, code and job id)."""
    if isinstance(err, (CancelledError, BackendError, DependencyError)):
        return err
    openeo = _openeo()
    from openeo.rest import OpenEoApiError, OpenEoClientException

    if _is_web_page(err):
        return BackendError(f"{action} failed: {backend} answered, but it is not an openEO backend (it sent a web "
                            "page, not openEO's JSON); check the backend URL, e.g. "
                            "https://openeo.dataspace.copernicus.eu.", job_id=job_id)
    if isinstance(err, OpenEoApiError):
        cls = AuthError if err.code in AUTH_ERROR_CODES or err.http_status_code == 401 else BackendError
        message = f"{action} failed on {backend}: {err.message}"
        return cls(message, code=err.code, job_id=job_id, http_status=err.http_status_code)
    import requests

    if isinstance(err, requests.exceptions.SSLError):  # a ConnectionError too: name it, "unreachable" misleads
        return BackendError(f"{action} failed: the TLS certificate of {backend} cannot be verified (self-signed, "
                            "expired or issued for another host); fix the URL or the certificate (a proxy that "
                            "inspects https needs its certificate installed).", job_id=job_id)
    if isinstance(err, requests.exceptions.ConnectionError):
        return BackendError(f"{action} failed: the openEO backend {backend} cannot be reached (connection error)",
                            job_id=job_id)
    if isinstance(err, requests.exceptions.Timeout):
        return BackendError(f"{action} failed: the openEO backend {backend} did not answer in time", job_id=job_id)
    if isinstance(err, OpenEoClientException):
        cls = AuthError if "token" in str(err).lower() or "auth" in str(err).lower() else BackendError
        return cls(f"{action} failed on {backend}: {err}", job_id=job_id)
    del openeo
    return BackendError(f"{action} failed on {backend}: {err}", job_id=job_id)


def _is_web_page(err: BaseException) -> bool:
    """An answer that is HTML or not JSON at all: the URL is a web site, not an openEO backend."""
    if isinstance(err, ValueError) and "Expecting value" in str(err):  # JSON decoding of a non-JSON body
        return True
    text = str(getattr(err, "message", "") or err).lower()
    return "<html" in text or "<!doctype html" in text


class OpenEOClient:
    """One backend profile's connection: authentication, job calls, error translation, one re-login on 401."""

    def __init__(
        self,
        profile: BackendProfile,
        *,
        token_store: RefreshTokenStore | None = None,
        basic: BasicCredentials | None = None,
        timeout: float = 60.0,
        proxies: dict[str, str] | None = None,
    ) -> None:
        self.profile = profile
        self.token_store = token_store
        self.basic = basic
        self.timeout = timeout
        self.proxies = proxies or {}
        self._conn = None

    # -- connection and login ---------------------------------------------------------------------------------
    @property
    def connection(self):
        if self._conn is None:
            self._conn = self._new_connection()
        return self._conn

    def _new_connection(self, session=None):
        openeo = _openeo()
        import requests

        session = session or requests.Session()
        session.proxies.update(self.proxies)
        try:
            return openeo.Connection(
                self.profile.url, session=session, default_timeout=self.timeout, auto_validate=False,
                refresh_token_store=self.token_store,
            )
        except Exception as err:
            raise translate_error(err, action="Connecting", backend=self.profile.url) from err

    def authenticate(self) -> None:
        """Log in without user interaction: basic credentials or a stored refresh token."""
        conn = self.connection
        try:
            if self.profile.auth == "basic":
                if self.basic is None:
                    raise AuthError(f"No user name and password are stored for {self.profile.title}; log in first.")
                conn.authenticate_basic(self.basic.username, self.basic.password)
            else:
                conn.authenticate_oidc_refresh_token(store_refresh_token=True)
        except AuthError:
            raise
        except Exception as err:
            error = translate_error(err, action="Logging in", backend=self.profile.url)
            if "No refresh token" in str(err):
                error = AuthError(f"You are not logged in to {self.profile.title}; log in first.")
            raise error from err

    def login_device(
        self,
        show: Callable[[DeviceCodePrompt], None],
        *,
        is_cancelled: Callable[[], bool] = lambda: False,
        max_poll_time: float = 300.0,
    ) -> None:
        """Interactive OIDC device-code login; the refresh token goes to the token store."""
        session = _CancellableSession(is_cancelled)
        self._conn = self._new_connection(session)

        def display(text: str = "", *args: Any, **kwargs: Any) -> None:
            prompt = parse_device_instructions(str(text))
            if prompt is not None:
                show(prompt)

        try:
            self._conn.authenticate_oidc_device(  # the token polling goes through the cancellable session too
                store_refresh_token=True, max_poll_time=max_poll_time, display=display, requests_session=session
            )
        except CancelledError:
            raise
        except Exception as err:
            if isinstance(err.__context__, CancelledError) or is_cancelled():
                raise CancelledError("Login was cancelled.") from err
            raise translate_error(err, action="Logging in", backend=self.profile.url) from err

    def whoami(self) -> dict:
        return self._call(lambda c: c.describe_account(), action="Reading the account")

    # -- calls with error translation ---------------------------------------------------------------------------
    def _call(self, fn: Callable[[Any], Any], *, action: str, job_id: str | None = None, retry_auth: bool = True):
        try:
            return fn(self.connection)
        except Exception as err:
            error = translate_error(err, action=action, backend=self.profile.url, job_id=job_id)
            if isinstance(error, AuthError) and retry_auth and self._can_relogin():
                self.authenticate()
                return self._call(fn, action=action, job_id=job_id, retry_auth=False)
            raise error from err

    def _can_relogin(self) -> bool:
        return (self.profile.auth == "basic" and self.basic is not None) or self.token_store is not None

    # -- jobs ---------------------------------------------------------------------------------------------------
    def create_map_job(self, process_id: str, namespace: str, arguments: dict, *, title: str,
                       description: str, job_options: dict | None = None) -> str:
        """Create (not start) a batch job that calls the WorldCereal UDP; returns the remote job id."""

        def create(conn):
            cube = conn.datacube_from_process(process_id, namespace=namespace, **arguments)
            job = cube.create_job(title=title, description=description, job_options=job_options,
                                  auto_add_save_result=False)
            return job.job_id

        return self._call(create, action="Creating the job")

    def create_job_from_cube(self, cube_builder: Callable[[Any], Any], *, title: str, description: str,
                             out_format: str | None = None, job_options: dict | None = None) -> str:
        """Create a job from a cube built with the client (e.g. point extractions)."""

        def create(conn):
            cube = cube_builder(conn)
            job = cube.create_job(out_format=out_format, title=title, description=description,
                                  job_options=job_options)
            return job.job_id

        return self._call(create, action="Creating the job")

    def start(self, job_id: str) -> None:
        self._call(lambda c: c.job(job_id).start(), action="Starting the job", job_id=job_id)

    def status(self, job_id: str) -> RemoteStatus:
        meta = self._call(lambda c: c.job(job_id).describe(), action="Checking the job", job_id=job_id)
        progress = meta.get("progress")
        return RemoteStatus(
            status=str(meta.get("status", "unknown")),
            progress=float(progress) if isinstance(progress, (int, float)) else None,
            credits=extract_credits(meta),
            title=meta.get("title"),
        )

    def error_logs(self, job_id: str, limit: int = 20) -> list[str]:
        """Error-level log lines of a failed job (for the one-sentence message and the log view)."""
        logs = self._call(lambda c: c.job(job_id).logs(level="error"), action="Reading the job log", job_id=job_id)
        return [str(entry.get("message", "")) for entry in list(logs)[-limit:]]

    def logs(self, job_id: str) -> list[dict]:
        logs = self._call(lambda c: c.job(job_id).logs(), action="Reading the job log", job_id=job_id)
        return [dict(entry) for entry in logs]

    def assets(self, job_id: str) -> list[RemoteAsset]:
        def read(conn):
            results = conn.job(job_id).get_results()
            return [
                RemoteAsset(
                    name=getattr(a, "key", None) or a.name, href=a.href, media_type=a.metadata.get("type"),
                    size=a.metadata.get("file:size"), metadata=dict(a.metadata),
                )
                for a in results.get_assets()
            ]

        return self._call(read, action="Listing the job results", job_id=job_id)

    def results_metadata(self, job_id: str) -> dict:
        return self._call(lambda c: c.job(job_id).get_results().get_metadata(), action="Reading the job results",
                          job_id=job_id)

    def cancel(self, job_id: str) -> None:
        self._call(lambda c: c.job(job_id).stop(), action="Cancelling the job", job_id=job_id)

    def delete(self, job_id: str) -> None:
        self._call(lambda c: c.job(job_id).delete(), action="Deleting the job", job_id=job_id)

    def failure(self, job_id: str) -> JobFailedError:
        """The error to show when a job ended in 'error': its last error log line, code and job id."""
        try:
            lines = [ln for ln in self.error_logs(job_id) if ln]
        except BackendError:
            lines = []
        reason = lines[0] if lines else "the backend gave no reason"  # the first error is the cause
        more = f" (and {len(lines) - 1} more errors)" if len(lines) > 1 else ""
        return JobFailedError(f"The job failed on the backend: {reason.rstrip('.')}{more}; see the job log",
                              code="JobFailed", job_id=job_id)

    # -- downloads ----------------------------------------------------------------------------------------------
    @property
    def http_session(self):
        return self.connection.session

    def download_headers(self, href: str) -> dict[str, str]:
        """Send the bearer token only to the backend itself, never to third-party storage hosts."""
        if urlparse(href).netloc != urlparse(self.profile.url).netloc:
            return {}
        auth = getattr(self.connection, "auth", None)
        bearer = getattr(auth, "bearer", None)
        return {"Authorization": f"Bearer {bearer}"} if bearer else {}
