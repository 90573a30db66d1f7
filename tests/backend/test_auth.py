"""Basic auth with revocable tokens, and the local OIDC provider (device code + PKCE, refresh)."""

from __future__ import annotations

import openeo
import pytest
import requests
from openeo.rest import OpenEoApiError

from tests.backend.conftest import auth_headers, connect


def test_basic_login_and_me(local_backend):
    con = connect(local_backend)
    assert con.describe_account()["user_id"] == "demo"
    token = con.auth.bearer.split("/")[-1]
    assert token != "ZGVtbw=="  # not openeo-driver's base64(user name)


@pytest.mark.parametrize(("user", "password"), [("demo", "wrong"), ("mallory", "demo")])
def test_basic_login_refused(local_backend, user, password):
    with pytest.raises(OpenEoApiError) as info:
        openeo.connect(local_backend.url).authenticate_basic(user, password)
    assert info.value.http_status_code == 403 and info.value.code == "CredentialsInvalid"


def test_forged_basic_token_is_refused(local_backend):
    resp = requests.get(f"{local_backend.url}/me", headers={"Authorization": "Bearer basic//ZGVtbw=="}, timeout=10)
    assert resp.status_code == 401 and resp.json()["code"] == "TokenInvalid"


@pytest.fixture()
def token_home(tmp_path, monkeypatch):
    """Keep the openeo client's refresh-token store out of the real home directory."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("OPENEO_CONFIG_HOME", str(tmp_path))
    return tmp_path


def test_oidc_device_code_login_then_refresh(local_backend, token_home):
    con = openeo.connect(local_backend.url)
    shown = []
    con.authenticate_oidc_device(max_poll_time=15, display=shown.append, store_refresh_token=True)
    assert con.describe_account()["user_id"] == "demo"
    assert any("/oidc/verify?user_code=" in s for s in shown)
    provider = con.get("/credentials/oidc").json()["providers"][0]
    refresh = con._get_refresh_token_store().get_refresh_token(
        issuer=provider["issuer"], client_id=provider["default_clients"][0]["id"]
    )
    assert refresh
    again = openeo.connect(local_backend.url).authenticate_oidc_refresh_token(refresh_token=refresh)
    assert again.describe_account()["user_id"] == "demo"
    assert again.auth.bearer != con.auth.bearer


def test_oidc_token_endpoint_pending_then_admin_approval(local_backend):
    issuer = requests.get(f"{local_backend.url}/credentials/oidc", timeout=10).json()["providers"][0]["issuer"]
    conf = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=10).json()
    code = requests.post(conf["device_authorization_endpoint"], data={"client_id": "c1"}, timeout=10).json()
    poll = {"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": code["device_code"],
            "client_id": "c1"}
    local_backend.admin("POST", "device/approve", json={"user_code": code["user_code"]})
    token = requests.post(conf["token_endpoint"], data=poll, timeout=10)
    assert token.status_code == 200, token.text
    again = requests.post(conf["token_endpoint"], data=poll, timeout=10)
    assert again.status_code == 400 and again.json()["error"] == "expired_token"
    me = requests.get(f"{local_backend.url}/me", timeout=10,
                      headers={"Authorization": f"Bearer oidc/local/{token.json()['access_token']}"})
    assert me.json()["user_id"] == "demo"


def test_oidc_access_token_revoked_client_refreshes(backend_faults, token_home):
    con = openeo.connect(backend_faults.url)
    con.authenticate_oidc_device(max_poll_time=15, display=lambda _: None, store_refresh_token=True)
    old = auth_headers(con)
    backend_faults.set_faults(expire_token={"after_requests": 0})
    resp = requests.get(f"{backend_faults.url}/me", headers=old, timeout=10)
    assert resp.status_code == 401 and resp.json()["code"] == "TokenInvalid"
    assert con.describe_account()["user_id"] == "demo"  # client refreshed transparently
    assert auth_headers(con) != old
