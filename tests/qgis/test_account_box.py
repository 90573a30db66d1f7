"""Issue #19.4: backend choice and login in one box; the simulated backend needs no login; the master password
prompt is announced by one plugin sentence."""

from __future__ import annotations

from qgis.core import QgsApplication

from tests.qgis import test_dock
from worldcereal_qgis.adapters import auth_store
from worldcereal_qgis.controllers import session

make_dock = test_dock.make_dock  # the real dock on the pytest-qgis canvas (fixture)


def test_backend_choice_and_login_share_the_account_box(make_dock):
    dock = make_dock(backend="cdse")
    assert dock.backendCombo.parent() is dock.accountGroup and dock.loginButton.parent() is dock.accountGroup
    assert dock.loginButton.isVisible() and "Not logged in to Copernicus" in dock.loginStateLabel.text()
    dock.backendCombo.setCurrentIndex(dock.backendCombo.findData("local"))
    assert dock.loginButton.isHidden() and dock.logoutButton.isHidden()
    assert dock.loginStateLabel.text().startswith("The local simulated backend needs no login")
    assert not auth_store.is_logged_in("local")  # and nothing was stored for it


class _LockedManager:
    """An auth database without a master password yet; records the order of what happens."""

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen

    def masterPasswordIsSet(self) -> bool:  # noqa: N802 (QGIS API)
        return False

    def setMasterPassword(self, verify: bool) -> bool:  # noqa: N802 (QGIS API)
        self.seen.append("QGIS prompt")
        return True


def test_one_sentence_comes_before_the_master_password_prompt(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(QgsApplication, "authManager", staticmethod(lambda: _LockedManager(seen)))
    assert session.unlock_auth_db(lambda: seen.append(session.master_password_sentence()))
    assert seen == [session.master_password_sentence(), "QGIS prompt"]
    assert seen[0].startswith("QGIS will now ask for its master password:") and seen[0].count(".") == 1


def test_resumed_jobs_unlock_the_logins_after_one_sentence(qgis_iface, monkeypatch):
    """The first status check of a later session needs the stored CDSE login: the prompt comes at start-up, on
    the GUI thread, after the plugin's sentence, not unasked from a worker during a poll."""
    from worldcereal_qgis.adapters import auth_store

    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    seen: list[str] = []

    class Manager(_LockedManager):
        def setMasterPassword(self, verify: bool) -> bool:  # noqa: N802 (QGIS API)
            seen.append("prompt after: " + " | ".join(i.text() for i in bar.items()))
            return True

    monkeypatch.setattr(QgsApplication, "authManager", staticmethod(lambda: Manager(seen)))
    monkeypatch.setattr(auth_store, "is_logged_in", lambda name: name == "cdse")
    starter = session.Session(qgis_iface, open_panel=lambda: None)
    starter._unlock_for({"local"})  # the simulated backend has no stored login: no prompt
    assert seen == []
    starter._unlock_for({"cdse", "local"})
    assert seen == [f"prompt after: {session.master_password_sentence()}"]
    bar.clearWidgets()
