"""Network failures that deserve their own sentence: a refused TLS certificate, a URL that is not openEO.

requests reports a certificate it cannot verify as ``SSLError``, a subclass of ``ConnectionError``, so a plain
"cannot be reached" would send the user looking for a network problem when the server answered. A URL that
serves a web page (a portal, a proxy's login page, a 404 page) makes the openEO client fail on JSON decoding or
carry the page's HTML as its error message; the user needs to hear that the URL is not an openEO API, not the
HTML. Kept apart from ``openeo_api`` so any code that talks HTTP can reuse it; plain Python.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_TLS_REASON = re.compile(r"certificate verify failed: ([^(]+?)\s*\(_ssl")
_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|title)\b", re.IGNORECASE)


def special_sentence(err: BaseException, *, action: str, backend: str) -> str | None:
    """One sentence for a TLS or not-openEO failure, or None to let the caller use its generic one."""
    import requests

    if isinstance(err, requests.exceptions.SSLError):
        return tls_sentence(str(err), action=action, backend=backend)
    if isinstance(err, ValueError) and "Expecting value" in str(err):  # JSONDecodeError: a non-JSON answer
        return not_openeo_sentence(action=action, backend=backend)
    if _HTML.search(str(err)):
        return not_openeo_sentence(action=action, backend=backend, status=getattr(err, "http_status_code", None))
    return None


def tls_sentence(text: str, *, action: str, backend: str) -> str:
    match = _TLS_REASON.search(text)
    reason = match.group(1).strip() if match else ""
    host = urlsplit(backend).hostname or backend
    detail = f" ({reason})" if reason else ""
    return (f"{action} failed: the TLS certificate of {host} was not accepted{detail}, so the connection to "
            f"{backend} was refused as unsafe; check the URL, or, for a server with a private certificate "
            "authority you trust, point the environment variable REQUESTS_CA_BUNDLE at its certificate file")


def not_openeo_sentence(*, action: str, backend: str, status: int | None = None) -> str:
    answer = f"a web page with HTTP status {status}" if status else "a web page or other content that is not JSON"
    return (f"{action} failed: {backend} is not an openEO backend (it answered with {answer}); check the backend "
            "URL, e.g. https://openeo.dataspace.copernicus.eu")
