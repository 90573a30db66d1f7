"""Access tokens for basic auth and OIDC, stored in SQLite.

openeo-driver's basic token is only base64(user name), so it can neither expire nor be revoked; here every
login issues a random token, unknown users are refused, and the auth handler validates on every request.
"""

from __future__ import annotations

import secrets
import time
from typing import Optional

from openeo_driver.errors import OpenEOApiException

from tests.local_backend.store import Store

BASIC, ACCESS, REFRESH = "basic", "access", "refresh"


class TokenInvalid(OpenEOApiException):
    """401 like CDSE when a token expired or was revoked, so clients re-authenticate or refresh."""

    status_code = 401
    code = "TokenInvalid"
    message = "Authorization token has expired or is invalid. Please authenticate again."


class Tokens:
    def __init__(self, store: Store, ttl: int) -> None:
        self.store = store
        self.ttl = ttl

    def issue(self, kind: str, user_id: str, ttl: Optional[int] = None) -> str:
        token = secrets.token_urlsafe(24)
        now = time.time()
        lifetime = self.ttl if ttl is None else ttl
        self.store.add_token(token, kind, user_id, now, now + lifetime if lifetime else None)
        return token

    def user_for(self, token: str, kind: str) -> Optional[str]:
        """User id of a valid (known, unrevoked, unexpired) token, else None."""
        row = self.store.get_token(token, kind)
        if row is None or row["revoked"] or (row["expires"] and row["expires"] < time.time()):
            return None
        return row["user_id"]

    def require(self, token: str, kind: str) -> str:
        user_id = self.user_for(token, kind)
        if user_id is None:
            raise TokenInvalid()
        return user_id

    def revoke_access_tokens(self) -> int:
        """Fault ``expire_token``: every issued basic/OIDC access token stops working (refresh tokens stay)."""
        return self.store.revoke_tokens((BASIC, ACCESS))
