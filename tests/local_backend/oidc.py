"""A minimal OIDC provider on the same server (device code + PKCE, refresh token, userinfo).

Enough for the plain openeo client's ``authenticate_oidc_device()`` / refresh-token flows offline.
Device codes are approved automatically after ``device_pending_polls`` pending answers, or via the admin
endpoint ``POST /_admin/device/approve``.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time

import flask

from tests.local_backend import settings
from tests.local_backend.store import Store
from tests.local_backend.tokens import ACCESS, REFRESH, Tokens

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEVICE_CODE_TTL = 600


def _oauth_error(error: str, description: str, status: int = 400) -> flask.Response:
    resp = flask.jsonify({"error": error, "error_description": description})
    resp.status_code = status
    return resp


def build_blueprint(store: Store, tokens: Tokens) -> flask.Blueprint:
    bp = flask.Blueprint("local_oidc", __name__, url_prefix="/oidc")

    @bp.route("/.well-known/openid-configuration", methods=["GET"])
    def discovery():
        issuer = settings.get().issuer
        return flask.jsonify(
            {
                "issuer": issuer,
                "device_authorization_endpoint": f"{issuer}/device",
                "token_endpoint": f"{issuer}/token",
                "userinfo_endpoint": f"{issuer}/userinfo",
                "authorization_endpoint": f"{issuer}/auth",
                "grant_types_supported": [DEVICE_GRANT, "refresh_token"],
                "code_challenge_methods_supported": ["S256"],
                "scopes_supported": ["openid", "offline_access"],
                "response_types_supported": ["code"],
            }
        )

    @bp.route("/device", methods=["POST"])
    def device_authorization():
        form = flask.request.form
        if not form.get("client_id"):
            return _oauth_error("invalid_client", "client_id is required.")
        device_code, user_code = secrets.token_urlsafe(24), _user_code()
        store.add_device_code(device_code, user_code, form["client_id"], form.get("code_challenge"), time.time())
        verify = f"{settings.get().issuer}/verify"
        return flask.jsonify(
            {
                "device_code": device_code,
                "user_code": user_code,
                "verification_uri": verify,
                "verification_uri_complete": f"{verify}?user_code={user_code}",
                "expires_in": DEVICE_CODE_TTL,
                "interval": 1,
            }
        )

    @bp.route("/verify", methods=["GET"])
    def verify():
        return "Local backend: device codes are approved automatically; nothing to do here.\n"

    @bp.route("/token", methods=["POST"])
    def token():
        form = flask.request.form
        grant = form.get("grant_type")
        if grant == DEVICE_GRANT:
            return _device_token(store, tokens, form)
        if grant == "refresh_token":
            user_id = tokens.user_for(form.get("refresh_token", ""), REFRESH)
            if user_id is None:
                return _oauth_error("invalid_grant", "Refresh token is invalid or expired.")
            return _token_response(tokens, user_id)
        return _oauth_error("unsupported_grant_type", f"Grant type {grant!r} is not supported.")

    @bp.route("/userinfo", methods=["GET"])
    def userinfo():
        header = flask.request.headers.get("Authorization", "")
        user_id = tokens.user_for(header[len("Bearer "):], ACCESS) if header.startswith("Bearer ") else None
        if user_id is None:
            return _oauth_error("invalid_token", "Access token is invalid or expired.", status=401)
        return flask.jsonify(
            {"sub": user_id, "name": user_id, "preferred_username": user_id, "email": f"{user_id}@localhost"}
        )

    return bp


def _device_token(store: Store, tokens: Tokens, form) -> flask.Response:
    row = store.get_device_code(form.get("device_code", ""))
    if row is None or row["used"] or time.time() - row["created"] > DEVICE_CODE_TTL:
        return _oauth_error("expired_token", "Device code is unknown, used or expired.")
    if row["client_id"] != form.get("client_id"):
        return _oauth_error("invalid_client", "client_id does not match the device code.")
    if row["code_challenge"] and _s256(form.get("code_verifier", "")) != row["code_challenge"]:
        return _oauth_error("invalid_grant", "PKCE code_verifier does not match the code_challenge.")
    polls = row["polls"] + 1
    pending = settings.get().device_pending_polls
    approved = row["approved"] or (pending >= 0 and polls > pending)
    store.update_device_code(row["device_code"], polls=polls, approved=int(approved))
    if not approved:
        return _oauth_error("authorization_pending", "The user has not approved the login yet.")
    store.update_device_code(row["device_code"], used=1)
    return _token_response(tokens, row["user_id"] or settings.get().default_user)


def _token_response(tokens: Tokens, user_id: str) -> flask.Response:
    return flask.jsonify(
        {
            "access_token": tokens.issue(ACCESS, user_id),
            "refresh_token": tokens.issue(REFRESH, user_id, ttl=0),
            "token_type": "Bearer",
            "expires_in": tokens.ttl,
            "scope": "openid",
        }
    )


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _user_code() -> str:
    alphabet = "BCDFGHJKLMNPQRSTVWXZ"
    code = "".join(secrets.choice(alphabet) for _ in range(8))
    return f"{code[:4]}-{code[4:]}"
