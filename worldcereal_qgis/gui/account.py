"""Log in / out per backend profile without ever blocking QGIS: device-code (OIDC) or user/password (basic)."""

from __future__ import annotations

from typing import Callable

from qgis.PyQt.QtCore import QCoreApplication, QObject, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QMessageBox

from ..adapters import auth_store, connections
from ..adapters.tasks import CoreTask, start_task
from ..controllers.session import master_password_sentence, unlock_auth_db
from ..core.backends import BackendProfile
from ..core.errors import AuthError, CancelledError, WorldCerealError
from ..core.openeo_api import BasicCredentials, OpenEOClient

CONTEXT = "WorldCerealAccount"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _open_in_browser(url: str) -> None:
    QDesktopServices.openUrl(QUrl(url))


def _explain_master_password(parent) -> None:
    QMessageBox.information(parent, tr("WorldCereal login"), master_password_sentence())


def login_state_text(profile: BackendProfile) -> str:
    if profile.simulated:
        return tr("The local simulated backend needs no login and stores no password; its maps are simulated.")
    if auth_store.is_logged_in(profile.name):
        return tr("Logged in to {backend}.").format(backend=profile.title)
    return tr("Not logged in to {backend}; log in before running a job.").format(backend=profile.title)


class AccountPanel(QObject):
    """Owns the login task; ``open_url`` can be replaced (tests) so no real browser starts."""

    stateChanged = pyqtSignal()
    _prompt = pyqtSignal(str, str)  # emitted from the login task's thread, delivered on the GUI thread

    def __init__(self, dock, profile: Callable[[], BackendProfile]) -> None:
        super().__init__(dock)
        self.ui = dock
        self.profile = profile
        self.open_url: Callable[[str], None] = _open_in_browser
        self.explain: Callable[[object], None] = _explain_master_password  # tests replace it (no modal box)
        self.task: CoreTask | None = None
        self.last_error: str | None = None
        self._prompt_url = ""
        self._prompt.connect(self._show_prompt)
        dock.loginButton.clicked.connect(self.login)
        dock.logoutButton.clicked.connect(self.logout)
        dock.cancelLoginButton.clicked.connect(self.cancel)
        dock.openBrowserButton.clicked.connect(lambda: self.open_url(self._prompt_url))
        dock.devicePanel.setVisible(False)

    # -- state ---------------------------------------------------------------------------------------------------
    def is_logged_in(self) -> bool:
        prof = self.profile()
        return prof.simulated or auth_store.is_logged_in(prof.name)

    def refresh(self) -> None:
        prof = self.profile()
        busy = self.task is not None
        text = tr("Waiting for the browser login…") if busy else login_state_text(prof)
        if self.last_error and not busy:
            text = f"{text} {self.last_error}"
        self.ui.loginStateLabel.setText(text)
        for button in (self.ui.loginButton, self.ui.logoutButton):  # nothing to log in to on the simulated backend
            button.setVisible(not prof.simulated)
        self.ui.loginButton.setEnabled(not busy)
        self.ui.logoutButton.setEnabled(not busy and auth_store.is_logged_in(prof.name))
        self.stateChanged.emit()

    # -- actions -------------------------------------------------------------------------------------------------
    def login(self) -> None:
        prof = self.profile()
        if prof.auth == "basic":
            from .login_dialog import ask_basic_credentials

            credentials = ask_basic_credentials(self.ui, prof.title)
            if credentials is not None:
                self.login_basic(credentials)
        else:
            self.login_device()

    def login_device(self) -> None:
        """The device-code flow in a task; the URL and code appear in the dock and the browser opens."""
        if self.task is not None or not self._unlocked():
            return
        prof = self.profile()
        client = OpenEOClient(prof, token_store=auth_store.QgsAuthRefreshTokenStore(prof.name),
                              proxies=connections.qgis_proxies())
        emit = self._prompt.emit

        def work(task):
            client.login_device(lambda p: emit(p.url, p.code or ""), is_cancelled=task.isCanceled)

        self._start(CoreTask(tr("WorldCereal: logging in to {backend}").format(backend=prof.title), work, self._done))

    def login_basic(self, credentials: BasicCredentials) -> None:
        """Check the user name and password in a task, then store them in QGIS's auth database."""
        if self.task is not None or not self._unlocked():
            return
        prof = self.profile()
        client = OpenEOClient(prof, basic=credentials, proxies=connections.qgis_proxies())

        def done(result, error) -> None:
            if error is None:
                auth_store.store_basic_credentials(prof.name, credentials)
            self._done(result, error)

        self._start(CoreTask(tr("WorldCereal: logging in to {backend}").format(backend=prof.title),
                             lambda task: client.authenticate(), done))

    def logout(self) -> None:
        prof = self.profile()
        auth_store.forget_login(prof.name)
        connections.forget_client(prof)
        self.last_error = None
        self.refresh()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def shutdown(self) -> None:
        self.cancel()

    # -- internals -----------------------------------------------------------------------------------------------
    def _unlocked(self) -> bool:
        if unlock_auth_db(lambda: self.explain(self.ui)):
            return True
        locked = AuthError(auth_store.locked_message())
        self.last_error = str(locked)
        self.refresh()
        return False

    def _start(self, task: CoreTask) -> None:
        self.task = task
        self.last_error = None
        start_task(task)
        self.refresh()

    def _show_prompt(self, url: str, code: str) -> None:
        self._prompt_url = url
        link = f'<a href="{url}">{url}</a>'
        if code:
            text = tr("Log in at {link}<br>and enter the code <b>{code}</b>.").format(link=link, code=code)
        else:
            text = tr("Log in at {link}.").format(link=link)
        self.ui.deviceLabel.setText(text)
        self.ui.devicePanel.setVisible(True)
        self.open_url(url)

    def _done(self, _result, error: WorldCerealError | None) -> None:
        self.task = None
        self.ui.devicePanel.setVisible(False)
        if error is None or isinstance(error, CancelledError):
            connections.forget_client(self.profile())  # the next job uses the new login
        if error is not None and not isinstance(error, CancelledError):
            self.last_error = str(error)
        self.refresh()
