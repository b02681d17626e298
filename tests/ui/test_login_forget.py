"""The login dialog's "Forget saved password": deletes the vault entry of the server and user shown,
off the UI thread, and says so; problems with the vault are said in plain words."""

from __future__ import annotations

import threading
import time

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from agent_desktop.services import credentials
from agent_desktop.ui.login_dialog import login_interactively

SERVER, USER, SAVED = "https://gws.example.com", "agent7", "saved-pw-1"


async def never_connects(attempt):
    raise AssertionError("no login is attempted in these tests")


@pytest.fixture
def open_dialog(qloop, qtbot):
    tasks = []

    def opener(**kwargs):
        opened = []
        task = qloop.create_task(login_interactively(QSettings(), never_connects, dialog_ready=opened.append,
                                                     **kwargs))
        tasks.append((task, opened))
        qtbot.waitUntil(lambda: bool(opened))
        return opened[0]

    yield opener
    for task, opened in tasks:
        if not task.done():
            opened[0].reject()
            qtbot.waitUntil(task.done)


def entry(memory_keyring):
    return memory_keyring.get_password(credentials.KEYRING_SERVICE, credentials.account_name(USER, SERVER))


def test_forget_deletes_the_saved_password_and_says_so(open_dialog, memory_keyring, qtbot):
    memory_keyring.set_password(credentials.KEYRING_SERVICE, credentials.account_name(USER, SERVER), SAVED)
    memory_keyring.set_password(credentials.KEYRING_SERVICE, credentials.account_name(USER, "https://other"), "x")
    dialog = open_dialog(server=SERVER, username=USER)
    qtbot.waitUntil(lambda: dialog.password_edit.text() == SAVED)  # filled from the vault
    button = dialog.findChild(QPushButton, "forgetPasswordButton")
    assert button is dialog.forget_button and button.isVisible() and button.isEnabled()
    assert button.accessibleName() == "Forget saved password"
    for name in ("serverCombo", "usernameEdit", "passwordEdit", "rememberCheck", "loginButton"):
        assert dialog.findChild(object, name) is not None, name  # the existing names stay

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "forgotten" in dialog.status_label.text())
    assert dialog.status_label.text().startswith("✓")
    assert USER in dialog.status_label.text() and SERVER in dialog.status_label.text()
    assert entry(memory_keyring) is None
    assert memory_keyring.get_password(credentials.KEYRING_SERVICE,
                                       credentials.account_name(USER, "https://other")) == "x"  # only this one
    assert dialog.password_edit.text() == ""  # the vault's copy is gone from the field too
    assert not dialog.remember_check.isChecked()  # logging in now would not save it again
    assert button.isEnabled()


def test_a_typed_password_is_kept_when_forgetting(open_dialog, memory_keyring, qtbot):
    memory_keyring.set_password(credentials.KEYRING_SERVICE, credentials.account_name(USER, SERVER), SAVED)
    dialog = open_dialog(server=SERVER, username=USER)
    qtbot.waitUntil(lambda: dialog.password_edit.text() == SAVED)
    dialog.password_edit.setText("typed-now")
    dialog.forget_button.click()
    qtbot.waitUntil(lambda: "forgotten" in dialog.status_label.text())
    assert dialog.password_edit.text() == "typed-now"
    assert entry(memory_keyring) is None


def test_forget_needs_a_server_and_user(open_dialog, memory_keyring, qtbot):
    memory_keyring.set_password(credentials.KEYRING_SERVICE, credentials.account_name(USER, SERVER), SAVED)
    dialog = open_dialog()
    dialog.server_combo.setCurrentText(SERVER)
    dialog.username_edit.clear()
    dialog.forget_button.click()
    assert dialog.status_label.text().startswith("✗") and "user name" in dialog.status_label.text()
    assert entry(memory_keyring) == SAVED


class SlowDeleteKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.deleted_on: list[threading.Thread] = []

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        pass

    def delete_password(self, service, username):
        time.sleep(0.6)
        self.deleted_on.append(threading.current_thread())


def test_forget_runs_off_the_ui_thread_and_the_dialog_stays_live(open_dialog, qtbot):
    backend = SlowDeleteKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        dialog = open_dialog(server=SERVER, username=USER)
        dialog.forget_button.click()
        # While the vault works, the dialog says so and Qt keeps handling input.
        assert dialog.status_label.text() == "Forgetting the saved password…"
        assert not dialog.forget_button.isEnabled()
        qtbot.keyClicks(dialog.password_edit, "abc")
        assert dialog.password_edit.text() == "abc"
        assert not backend.deleted_on  # still deleting: the keystrokes did not wait for it
        qtbot.waitUntil(lambda: "forgotten" in dialog.status_label.text(), timeout=5000)
        assert backend.deleted_on and backend.deleted_on[0] is not threading.main_thread()
        assert dialog.forget_button.isEnabled()
    finally:
        keyring.set_keyring(previous)


def test_forget_without_a_vault_says_why(open_dialog, qtbot):
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        dialog = open_dialog(server=SERVER, username=USER)
        qtbot.waitUntil(dialog.vault_note.isVisible)
        dialog.forget_button.click()
        qtbot.waitUntil(lambda: dialog.status_label.text().startswith("✗"))
        assert "No password vault is available" in dialog.status_label.text()
        assert dialog.forget_button.isEnabled()
    finally:
        keyring.set_keyring(previous)


def test_enter_still_logs_in_rather_than_forgetting(qloop, qtbot, memory_keyring):
    memory_keyring.set_password(credentials.KEYRING_SERVICE, credentials.account_name(USER, SERVER), SAVED)
    attempts = []

    async def refuse(attempt):
        attempts.append(attempt)
        raise ValueError("refused by the test")

    opened = []
    task = qloop.create_task(login_interactively(QSettings(), refuse, server=SERVER, username=USER,
                                                 dialog_ready=opened.append))
    qtbot.waitUntil(lambda: bool(opened) and opened[0].password_edit.text() == SAVED)
    dialog = opened[0]
    assert not dialog.forget_button.autoDefault() and not dialog.forget_button.isDefault()
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "refused by the test" in dialog.status_label.text())
    assert [a.password for a in attempts] == [SAVED]
    assert entry(memory_keyring) == SAVED
    dialog.reject()
    qtbot.waitUntil(task.done)
