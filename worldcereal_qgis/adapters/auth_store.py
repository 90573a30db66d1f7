"""Secrets (OIDC refresh tokens, basic-auth passwords) in QGIS's encrypted auth database, nowhere else.

QgsAuthManager encrypts these settings with the user's master password; nothing secret is ever written to
QgsSettings, the job store, files or log messages.
"""

from __future__ import annotations

import hashlib
import json

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import AuthError
from ..core.openeo_api import BasicCredentials

KEY_PREFIX = "worldcereal_qgis/"


def _manager():
    return QgsApplication.authManager()


def _ensure_unlocked() -> None:
    """Encrypted settings need the master password; QGIS asks the user for it when it is not yet set."""
    manager = _manager()
    if not manager.masterPasswordIsSet() and not manager.setMasterPassword(True):
        raise AuthError(locked_message())


def locked_message() -> str:
    """Under qgis_process nobody can be asked for the master password: name the variable QGIS reads instead."""
    if QgsApplication.platform() == "qgis_process":
        return tr("QGIS's authentication database is locked and cannot ask for the master password here; write it "
                  "to a file readable only by you and set QGIS_AUTH_PASSWORD_FILE to that file's path.")
    return tr("QGIS's authentication database is locked; enter the master password to use your stored logins.")


def tr(text: str) -> str:
    return QCoreApplication.translate("AuthStore", text)


def _store(key: str, value: str) -> None:
    _ensure_unlocked()
    if not _manager().storeAuthSetting(KEY_PREFIX + key, value, True):
        raise AuthError("QGIS's authentication database refused to store the login.")


def _read(key: str) -> str | None:
    manager = _manager()
    if not manager.existsAuthSetting(KEY_PREFIX + key):
        return None
    _ensure_unlocked()
    value = manager.authSetting(KEY_PREFIX + key, None, True)
    return str(value) if value else None


def _remove(key: str) -> None:
    manager = _manager()
    if manager.existsAuthSetting(KEY_PREFIX + key):
        manager.removeAuthSetting(KEY_PREFIX + key)


def _token_key(issuer: str, client_id: str) -> str:
    digest = hashlib.sha256(f"{issuer}|{client_id}".encode()).hexdigest()[:32]
    return f"refresh_token/{digest}"


class QgsAuthRefreshTokenStore:
    """The openeo client's RefreshTokenStore interface, backed by the QGIS auth database.

    It also remembers which issuers it holds tokens for (per backend profile) so the dock can say
    "logged in" and "log out" can forget them.
    """

    def __init__(self, profile_name: str) -> None:
        self.profile_name = profile_name

    def get_refresh_token(self, issuer: str, client_id: str) -> str | None:
        return _read(_token_key(issuer, client_id))

    def set_refresh_token(self, issuer: str, client_id: str, refresh_token: str) -> None:
        _store(_token_key(issuer, client_id), refresh_token)
        keys = set(self._known_keys())
        keys.add(_token_key(issuer, client_id))
        _store(f"profiles/{self.profile_name}/tokens", json.dumps(sorted(keys)))

    def _known_keys(self) -> list[str]:
        raw = _read(f"profiles/{self.profile_name}/tokens")
        return json.loads(raw) if raw else []

    def has_tokens(self) -> bool:
        return bool(self._known_keys())

    def clear(self) -> None:
        for key in self._known_keys():
            _remove(key)
        _remove(f"profiles/{self.profile_name}/tokens")


def store_basic_credentials(profile_name: str, credentials: BasicCredentials) -> None:
    _store(f"profiles/{profile_name}/basic", json.dumps({"u": credentials.username, "p": credentials.password}))


def basic_credentials(profile_name: str) -> BasicCredentials | None:
    raw = _read(f"profiles/{profile_name}/basic")
    if not raw:
        return None
    data = json.loads(raw)
    return BasicCredentials(data["u"], data["p"])


def forget_login(profile_name: str) -> None:
    """Log out: remove every secret stored for this backend profile."""
    _remove(f"profiles/{profile_name}/basic")
    QgsAuthRefreshTokenStore(profile_name).clear()


def is_logged_in(profile_name: str) -> bool:
    manager = _manager()
    return manager.existsAuthSetting(f"{KEY_PREFIX}profiles/{profile_name}/basic") or manager.existsAuthSetting(
        f"{KEY_PREFIX}profiles/{profile_name}/tokens"
    )
