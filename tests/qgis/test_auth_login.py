"""Logins against the local backend's OIDC provider and basic auth; secrets only in QGIS's auth database."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings

from worldcereal_qgis.adapters import auth_store
from worldcereal_qgis.core import backends
from worldcereal_qgis.core.errors import AuthError, CancelledError
from worldcereal_qgis.core.openeo_api import BasicCredentials, OpenEOClient

MASTER_PASSWORD = "worldcereal-tests-master"


@pytest.fixture(scope="module", autouse=True)
def unlocked_auth_db():
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword(MASTER_PASSWORD, True), "could not unlock the test auth database"


@pytest.fixture
def oidc_profile(local_backend):
    return dataclasses.replace(backends.LOCAL, name="local-oidc", url=local_backend.url, auth="oidc")


@pytest.fixture
def token_store():
    store = auth_store.QgsAuthRefreshTokenStore("local-oidc")
    store.clear()
    yield store
    store.clear()


def _plain_files() -> list[Path]:
    """Where a secret must never appear: QGIS settings and the plugin's own data folder."""
    files = [Path(QgsSettings().fileName())]
    data = Path(QgsApplication.qgisSettingsDirPath()) / "worldcereal_qgis"
    if data.is_dir():
        files += [p for p in data.rglob("*") if p.is_file()]
    return [p for p in files if p.exists()]


def _stored_refresh_tokens(store) -> list[str]:
    manager = QgsApplication.authManager()
    return [manager.authSetting(auth_store.KEY_PREFIX + key, None, True) for key in store._known_keys()]


def test_device_code_login_then_silent_login_from_the_auth_database(oidc_profile, token_store):
    prompts = []
    OpenEOClient(oidc_profile, token_store=token_store).login_device(prompts.append, max_poll_time=30)
    assert prompts and prompts[0].url.startswith("http://127.0.0.1")
    assert prompts[0].code
    assert auth_store.is_logged_in("local-oidc")

    again = OpenEOClient(oidc_profile, token_store=auth_store.QgsAuthRefreshTokenStore("local-oidc"))
    again.authenticate()  # no user interaction: the refresh token from the auth database
    assert again.whoami()["user_id"]

    (token,) = _stored_refresh_tokens(token_store)
    assert len(token) > 10
    for path in _plain_files():
        assert token not in path.read_text(errors="replace"), f"refresh token found in {path}"
    auth_db = Path(QgsApplication.qgisAuthDatabaseFilePath())
    assert token.encode() not in auth_db.read_bytes(), "the auth database must hold it encrypted"


def test_login_can_be_cancelled(oidc_profile, token_store):
    shown = []
    with pytest.raises(CancelledError):
        OpenEOClient(oidc_profile, token_store=token_store).login_device(
            shown.append, is_cancelled=lambda: bool(shown), max_poll_time=30)
    assert shown and not token_store.has_tokens()


def test_logout_forgets_the_login(oidc_profile, token_store):
    OpenEOClient(oidc_profile, token_store=token_store).login_device(lambda p: None, max_poll_time=30)
    auth_store.forget_login("local-oidc")
    assert not auth_store.is_logged_in("local-oidc")
    with pytest.raises(AuthError, match="not logged in"):
        OpenEOClient(oidc_profile, token_store=auth_store.QgsAuthRefreshTokenStore("local-oidc")).authenticate()


def test_basic_credentials_round_trip_and_wrong_password(local_backend):
    profile = backends.LOCAL.with_url(local_backend.url)
    secret = "demo"  # the local backend's demo password: it must still only live encrypted
    auth_store.store_basic_credentials("local-test", BasicCredentials("demo", secret))
    try:
        creds = auth_store.basic_credentials("local-test")
        assert creds == BasicCredentials("demo", secret)
        assert "password" not in repr(creds)  # never printed by accident
        OpenEOClient(profile, basic=creds).authenticate()
        for path in _plain_files():
            assert f'"p": "{secret}"' not in path.read_text(errors="replace"), f"password found in {path}"
        raw = Path(QgsApplication.qgisAuthDatabaseFilePath()).read_bytes()
        assert f'"p": "{secret}"'.encode() not in raw
    finally:
        auth_store.forget_login("local-test")
    with pytest.raises(AuthError) as err:
        OpenEOClient(profile, basic=BasicCredentials("demo", "wrong")).authenticate()
    assert "\n" not in str(err.value) and "CredentialsInvalid" in str(err.value)
