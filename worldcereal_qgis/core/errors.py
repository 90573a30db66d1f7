"""Typed exceptions: every failure reaches the user as one clear sentence.

Each exception's ``str()`` is the sentence to show (message bar, Processing feedback, log).
Structured fields (openEO error code, job id, parameter name) stay available for tests and logs.
"""

from __future__ import annotations


class WorldCerealError(Exception):
    """Base class; ``str(err)`` is a complete, user-facing sentence."""

    def __init__(self, message: str, *, details: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class InputError(WorldCerealError):
    """Bad user input, found before any request is sent (no credits spent)."""

    def __init__(self, message: str, *, field: str | None = None, details: str | None = None) -> None:
        super().__init__(message, details=details)
        self.field = field


class DependencyError(WorldCerealError):
    """A runtime dependency (e.g. the ``openeo`` client) is missing or too old."""


class BackendError(WorldCerealError):
    """The openEO backend refused or failed a request."""

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        job_id: str | None = None,
        http_status: int | None = None,
        details: str | None = None,
    ) -> None:
        super().__init__(message, details=details)
        self.code = code
        self.job_id = job_id
        self.http_status = http_status

    def __str__(self) -> str:
        if "(openEO error" in self.message or (self.job_id and f"job {self.job_id})" in self.message):
            return self.message  # already a complete sentence (e.g. read back from the job store)
        parts = [self.message.rstrip(".")]
        extra = []
        if self.code:
            extra.append(f"openEO error {self.code}")
        if self.job_id:
            extra.append(f"job {self.job_id}")
        if extra:
            parts.append(f" ({', '.join(extra)})")
        return "".join(parts) + "."


class ConcurrentLimitError(BackendError):
    """The backend refused to start a created job: the user's cap on running jobs is reached (CDSE: 2).

    ``ConcurrentJobLimit`` is CDSE's unofficial openEO error code (openeo-python-client issue #838). The job
    stays created; callers wait and start it again, so this is never shown as a failure.
    """

    def __init__(self, message: str, *, limit: int | None = None, **kwargs) -> None:
        super().__init__(message, **kwargs)
        self.limit = limit


class AuthError(BackendError):
    """Login missing, expired or refused."""


class JobFailedError(BackendError):
    """The remote batch job ended in ``error``; its log holds the cause."""


class DownloadError(WorldCerealError):
    """A result asset could not be downloaded completely or is not a valid file."""


class CancelledError(WorldCerealError):
    """The user cancelled the operation."""
