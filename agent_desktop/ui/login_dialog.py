"""The login dialog and the login flow around it.

The dialog only collects input and shows progress and errors; ``login_interactively`` runs the
attempts (each one a coroutine the caller supplies), reads and stores passwords in the OS vault
off the UI thread, and remembers servers and the last user in QSettings (never the password).
"Forget saved password" deletes the vault entry of the server and user shown, also off the UI
thread.
"""

from __future__ import annotations

import asyncio
from typing import Awaitable, Callable, TypeVar

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.services import credentials
from agent_desktop.services.errors import GwsError
from agent_desktop.ui.colours import status_style
from agent_desktop.ui.i18n import translated
from agent_desktop.ui.login_attempt import LoginAttempt

T = TypeVar("T")
MAX_SERVERS = 10


class LoginDialog(QDialog):
    def __init__(self, servers: list[str], username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Agent Desktop — Log in"))
        self.setAccessibleName(self.tr("Log in"))
        self._attempt: asyncio.Future[LoginAttempt | None] | None = None
        self._forget_task: asyncio.Future[None] | None = None
        self._vault_filled: str | None = None  # the password the vault put in the field

        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.server_combo = QComboBox(editable=True)
        self.server_combo.setObjectName("serverCombo")
        self.server_combo.setAccessibleName(self.tr("GWS server address"))
        self.server_combo.addItems(servers)
        self.server_combo.lineEdit().setPlaceholderText("https://gws.example.com")
        self.server_combo.setMinimumWidth(320)
        form.addRow(self.tr("&Server:"), self.server_combo)
        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("usernameEdit")
        self.username_edit.setAccessibleName(self.tr("User name"))
        form.addRow(self.tr("&User name:"), self.username_edit)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Password:"), self.password_edit)
        self.remember_check = QCheckBox(self.tr("&Remember password in this computer's password vault"))
        self.remember_check.setObjectName("rememberCheck")
        form.addRow("", self.remember_check)
        self.vault_note = QLabel()
        self.vault_note.setObjectName("vaultNote")
        self.vault_note.setWordWrap(True)
        self.vault_note.hide()
        form.addRow("", self.vault_note)

        self.status_label = QLabel()
        self.status_label.setObjectName("loginStatus")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        layout.addWidget(self.status_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        self.login_button.setObjectName("loginButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.forget_button = QPushButton(self.tr("&Forget saved password"))
        self.forget_button.setObjectName("forgetPasswordButton")
        self.forget_button.setAccessibleName(self.tr("Forget saved password"))
        self.forget_button.setToolTip(self.tr("Delete the password saved in this computer's vault for this server and user"))
        self.forget_button.setAutoDefault(False)
        self.buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.forget_button.clicked.connect(lambda: self.forget_saved_password())
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.rejected.connect(lambda: self._resolve(None))
        layout.addWidget(self.buttons)
        (self.password_edit if username else self.username_edit).setFocus()

    # -- the flow's side -------------------------------------------------------------------
    def next_attempt(self) -> asyncio.Future[LoginAttempt | None]:
        """A future for the next "Log in" click; None when the agent quits."""
        self._attempt = asyncio.get_running_loop().create_future()
        return self._attempt

    def _resolve(self, attempt: LoginAttempt | None) -> None:
        if self._attempt is not None and not self._attempt.done():
            self._attempt.set_result(attempt)

    def _submit(self) -> None:
        server = self.server_combo.currentText().strip()
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not server:
            self.show_error(self.tr("Please fill in the server."))
            return
        if not username:
            self.show_error(self.tr("Please fill in the user name."))
            return
        if not password:
            self.show_error(self.tr("Please fill in the password."))
            return
        self._resolve(LoginAttempt(server, username, password, self.remember_check.isChecked()))

    def forget_saved_password(self) -> asyncio.Future[None] | None:
        """Delete the vault entry of the server and user shown, off the UI thread; say how it went."""
        server = self.server_combo.currentText().strip()
        username = self.username_edit.text().strip()
        if not (server and username):
            self.show_error(self.tr("Fill in the server and user name whose saved password should be forgotten."))
            return None
        self.forget_button.setEnabled(False)
        self._show_status(self.tr("Forgetting the saved password…"), error=False)
        self._forget_task = asyncio.ensure_future(self._forget(server, username))
        return self._forget_task

    async def _forget(self, server: str, username: str) -> None:
        result = await credentials.delete_password(username, server)
        if not shiboken6.isValid(self):
            return  # the dialog is gone; the vault entry is deleted all the same
        self.forget_button.setEnabled(self.login_button.isEnabled())
        if result.problem:
            self._show_status(self.tr("✗ The saved password could not be forgotten. {reason}").format(reason=translated(result.problem)), error=True)
            return
        self.remember_check.setChecked(False)
        if self._vault_filled is not None and self.password_edit.text() == self._vault_filled:
            self.password_edit.clear()
        self._vault_filled = None
        self._show_status(self.tr("✓ The saved password of {user} on {server} is forgotten: "
                                  "it will be asked next time.").format(user=username, server=server), error=False)

    def fill_from_vault(self, password: str) -> None:
        self.password_edit.setText(password)
        self.remember_check.setChecked(True)
        self._vault_filled = password

    def set_busy(self, busy: bool) -> None:
        for widget in (self.server_combo, self.username_edit, self.password_edit, self.login_button,
                       self.forget_button):
            widget.setEnabled(not busy)
        if busy:
            self._show_status(self.tr("Logging in…"), error=False)

    def show_error(self, message: str) -> None:
        self._show_status(f"✗ {translated(message)}", error=True)
        self.password_edit.setFocus()
        self.password_edit.selectAll()

    def _show_status(self, text: str, *, error: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(status_style("error", self.palette()) if error else "")
        self.status_label.setAccessibleName(text)
        self.status_label.show()
        self.adjustSize()

    def vault_unavailable(self, why: str) -> None:
        self.remember_check.setChecked(False)
        self.remember_check.setEnabled(False)
        self.vault_note.setText(translated(why) + " " + self.tr("Your password will be asked each time."))
        self.vault_note.show()
        self.adjustSize()


def remembered_servers(settings: QSettings) -> list[str]:
    value = settings.value("login/servers", [])
    if isinstance(value, str):
        value = [value]
    return [s for s in (value or []) if isinstance(s, str) and s]


def remember_login(settings: QSettings, server: str, username: str) -> None:
    servers = [server] + [s for s in remembered_servers(settings) if s != server]
    settings.setValue("login/servers", servers[:MAX_SERVERS])
    settings.setValue("login/username", username)


async def login_interactively(
    settings: QSettings,
    connect: Callable[[LoginAttempt], Awaitable[T]],
    *,
    server: str = "",
    username: str = "",
    error: str = "",
    parent: QWidget | None = None,
    dialog_ready: Callable[[LoginDialog], None] | None = None,
) -> T | None:
    """Show the dialog until ``connect`` succeeds (returns its result) or the agent quits (None)."""
    servers = remembered_servers(settings)
    if server and server not in servers:
        servers.insert(0, server)
    dialog = LoginDialog(servers, username or str(settings.value("login/username", "") or ""), parent)
    if server:
        dialog.server_combo.setCurrentText(server)
    if error:
        dialog.show_error(error)
    dialog.open()
    if dialog_ready is not None:
        dialog_ready(dialog)
    await _prefill_from_vault(dialog)
    try:
        while True:
            attempt = await dialog.next_attempt()
            if attempt is None:
                return None
            dialog.set_busy(True)
            try:
                result = await connect(attempt)
            except (GwsError, ValueError) as failure:
                dialog.set_busy(False)
                dialog.show_error(getattr(failure, "message", None) or str(failure))
                continue
            remember_login(settings, attempt.server, attempt.username)
            if attempt.remember:
                stored = await credentials.store_password(attempt.username, attempt.server, attempt.password)
                if stored.problem:
                    dialog.vault_unavailable(stored.problem)
            dialog.accept()
            return result
    finally:
        dialog.deleteLater()


async def _prefill_from_vault(dialog: LoginDialog) -> None:
    server = dialog.server_combo.currentText().strip()
    username = dialog.username_edit.text().strip()
    if not (server and username):
        return
    found = await credentials.read_password(username, server)
    if found.problem:
        dialog.vault_unavailable(found.problem)
    elif found.password and not dialog.password_edit.text():
        dialog.fill_from_vault(found.password)
