"""The window against the simulator on 127.0.0.1: records arrive, the keyboard-only reschedule
is confirmed, a server refusal fails the row and keeps the old time, login errors read well."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from agent_desktop.domain.records import CallingWindow, RecordStatus
from agent_desktop.gui import Connector
from agent_desktop.services import credentials
from agent_desktop.simulator import SimulatorConfig, SimulatorThread
from agent_desktop.ui.controller import MainController
from agent_desktop.ui.login_dialog import LoginAttempt, login_interactively
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.records_model import Column
from support.e2e import sim_records
from ui.window_fixtures import logged_in, move_to_personal_row, sim, status_trail, window  # noqa: F401 - fixtures

UTC = ZoneInfo("UTC")


def test_starts_with_the_table_focused_and_the_first_row_current(window, qtbot):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    assert window.table.currentIndex().row() == 0
    assert window.badge.text() == "● Connected"
    assert window.count_label.text() == f"{window.model.rowCount()} callbacks"
    for name in ("recordsTable", "filterEdit", "connectionBadge", "typeFilter", "campaignFilter"):
        assert window.findChild(object, name) is not None, name
    assert window.reschedule_action.objectName() == "rescheduleAction"


def test_keyboard_only_reschedule_is_confirmed(window, logged_in, sim, qtbot):
    record = move_to_personal_row(qtbot, window)
    trail = status_trail(logged_in.store, record.key)
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.dialog is not None and window.controller.dialog.isVisible())
    dialog = window.controller.dialog
    when, kind = dialog.chosen()  # the valid default the dialog opened with
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: logged_in.store.get(record.key).status is RecordStatus.CONFIRMED, timeout=10_000)
    assert trail in ([RecordStatus.CONFIRMED], [RecordStatus.SENDING, RecordStatus.CONFIRMED])  # "sending" only if slow
    row = window.table.currentIndex().row()
    assert window.current_record().key == record.key  # selection stayed on the row
    assert window.proxy.index(row, Column.STATUS).data() == "✓ Confirmed"
    assert window.proxy.index(row, Column.WHEN).data() == when.astimezone(UTC).strftime("%a %d %b %H:%M")
    truth = sim_records(sim, "agent1")[record.key.record_handle]
    assert truth["scheduled"] == int(when.timestamp()) and truth["callbackType"] == kind.value
    assert "confirmed" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)


def test_server_refusal_fails_the_row_with_its_reason_and_keeps_the_old_time(window, logged_in, qtbot):
    record = move_to_personal_row(qtbot, window)
    # A stale local copy: we believe the contact can be called round the clock; the server knows better.
    logged_in.store.update(record.key, calling_window=CallingWindow(0, 86400))
    old_time = record.scheduled_at
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.dialog is not None and window.controller.dialog.isVisible())
    dialog = window.controller.dialog
    their_night = (datetime.now(record.contact_zone.tz) + timedelta(days=2)).replace(hour=3, minute=0)
    mine = their_night.astimezone(UTC)
    dialog.date_edit.setDate(mine.date())
    dialog.time_combo.lineEdit().selectAll()
    qtbot.keyClicks(dialog.time_combo.lineEdit(), f"{mine:%H:%M}")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.time_combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: logged_in.store.get(record.key).status is RecordStatus.FAILED, timeout=10_000)
    failed = logged_in.store.get(record.key)
    assert failed.scheduled_at == old_time
    assert "calling" in failed.status_reason.lower()
    row = window.table.currentIndex().row()
    assert window.proxy.index(row, Column.STATUS).data().startswith("✗ Failed:")


def test_filter_keeps_focus_keys(window, qtbot):
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.filter_edit)
    first = window.proxy.index(0, Column.CONTACT).data()
    qtbot.keyClicks(window.filter_edit, first.split()[0])
    assert 1 <= window.proxy.rowCount() < window.model.rowCount()
    assert "shown" in window.count_label.text()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)


def fill_login(qtbot, dialog, server, username, password, remember=False):
    dialog.server_combo.setCurrentText(server)
    dialog.username_edit.setText(username)
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    dialog.remember_check.setChecked(remember)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_login_dialog_wrong_password_then_right_and_remembered(sim, qloop, qtbot, memory_keyring):
    from PySide6.QtCore import QSettings

    opened = []
    task = qloop.create_task(login_interactively(QSettings(), Connector(), dialog_ready=opened.append))
    qtbot.waitUntil(lambda: bool(opened))
    dialog = opened[0]
    assert dialog.objectName() == "loginDialog"
    fill_login(qtbot, dialog, sim.url, "agent1", "wrong-password")
    qtbot.waitUntil(lambda: dialog.status_label.isVisible() and "✗" in dialog.status_label.text(), timeout=10_000)
    assert dialog.status_label.text() == "✗ Wrong user name or password."
    fill_login(qtbot, dialog, sim.url, "agent1", sim.password, remember=True)
    qtbot.waitUntil(task.done, timeout=10_000)
    agent = task.result()
    assert agent.profile.username == "agent1"
    assert memory_keyring.get_password(credentials.KEYRING_SERVICE, credentials.account_name("agent1", sim.url)) == sim.password
    assert QSettings().value("login/servers") in ([sim.url], sim.url)
    close = qloop.create_task(agent.close())
    qtbot.waitUntil(close.done, timeout=10_000)

    # Next time the dialog fills the password from the vault.
    opened.clear()
    task = qloop.create_task(login_interactively(QSettings(), Connector(), dialog_ready=opened.append))
    qtbot.waitUntil(lambda: bool(opened) and opened[0].password_edit.text() == sim.password, timeout=10_000)
    assert opened[0].remember_check.isChecked()
    opened[0].reject()
    qtbot.waitUntil(task.done)
    assert task.result() is None


def test_login_unreachable_server_and_no_vault(qloop, qtbot):
    from PySide6.QtCore import QSettings

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        opened = []
        task = qloop.create_task(login_interactively(QSettings(), Connector(), server="http://127.0.0.1:9",
                                                     username="agent1", dialog_ready=opened.append))
        qtbot.waitUntil(lambda: bool(opened) and opened[0].vault_note.isVisible(), timeout=10_000)
        dialog = opened[0]
        assert not dialog.remember_check.isEnabled() and "asked each time" in dialog.vault_note.text()
        qtbot.keyClicks(dialog.password_edit, "x")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Cannot reach" in dialog.status_label.text(), timeout=10_000)
        assert "Traceback" not in dialog.status_label.text()
        dialog.reject()
        qtbot.waitUntil(task.done)
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize("types, locked, hidden", [("personal", True, False), ("campaign", False, True)])
def test_forced_callback_type_from_the_servers_settings(qtbot, run, types, locked, hidden):
    config = SimulatorConfig(host="127.0.0.1", port=0, agents=1, records_per_agent=6, seed=5, callback_types=types)
    with SimulatorThread(config) as forced_sim:
        agent = run(Connector()(LoginAttempt(forced_sim.url, "agent1", forced_sim.password, remember=False)))
        try:
            assert agent.profile.outbound.forced_callback_type.value.lower() == types
            qtbot.waitUntil(lambda: len(agent.store) == 6, timeout=10_000)
            win = MainWindow(agent.store, agent_tz=UTC)
            controller = MainController(agent, win, agent_tz=UTC)
            qtbot.addWidget(win)
            win.show()
            qtbot.waitExposed(win)
            win.reschedule_action.trigger()
            qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
            dialog = controller.dialog
            assert (not dialog.campaign_radio.isEnabled()) is locked
            assert dialog.type_row.isHidden() is hidden
            assert dialog.chosen()[1].value.lower() == types
            dialog.reject()
            win.close()
        finally:
            run(agent.close())


def test_a_refused_password_while_reconnecting_is_asked_again_without_blocking(window, logged_in, sim, qtbot,
                                                                                 monkeypatch):
    from agent_desktop.services.errors import AuthenticationFailed

    real_login = logged_in.session.login
    refusals = []

    async def refuse_once(**kwargs):
        if not refusals:
            refusals.append(1)
            raise AuthenticationFailed("Wrong user name or password.")
        return await real_login(**kwargs)

    monkeypatch.setattr(logged_in.session, "login", refuse_once)
    sim.restart(0.2)  # the node forgets the session: the app must log in again
    qtbot.waitUntil(lambda: window.controller.password_prompt is not None, timeout=15_000)
    prompt = window.controller.password_prompt
    assert prompt.objectName() == "passwordPrompt" and window.badge.text() == "○ Offline"
    assert window.isEnabled()  # not frozen: the agent can still browse the list meanwhile
    line = prompt.findChild(QLineEdit)
    qtbot.keyClicks(line, sim.password)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.badge.text() == "● Connected", timeout=15_000)
    assert refusals == [1]


def test_filtering_keeps_the_agent_on_the_same_record(window, qtbot):
    window.table.selectRow(3)
    current = window.current_record()
    qtbot.keyClicks(window.filter_edit, current.contact_name.split()[0])
    assert window.current_record().key == current.key
    window.filter_edit.clear()
    assert window.current_record().key == current.key and window.proxy.rowCount() == window.model.rowCount()
