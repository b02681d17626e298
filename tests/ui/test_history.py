"""The record's history in the details pane, and "Restore previous time", against the simulator
with a real local store (the ledger's history table)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from agent_desktop.domain.records import CallbackType, RecordStatus
from agent_desktop.gui import Connector
from agent_desktop.services.local_store import HistoryEntry
from agent_desktop.ui.controller import MainController
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.record_history import restore_target
from support.e2e import sim_records
from ui.test_records_model import record as a_record
from ui.window_fixtures import UTC, log_in, move_to_personal_row, sim  # noqa: F401 - fixtures


@pytest.fixture
def agent_with_ledger(sim, run, qtbot, tmp_path):
    agent = log_in(sim, run, qtbot, Connector(data_dir=tmp_path))
    yield agent
    run(agent.close())


@pytest.fixture
def window(agent_with_ledger, qtbot):
    win = MainWindow(agent_with_ledger.store, agent_tz=UTC, agent_name="Agent One")
    win.controller = MainController(agent_with_ledger, win, agent_tz=UTC)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def reschedule_to_default(window, qtbot):
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.dialog is not None and window.controller.dialog.isVisible())
    when, _ = window.controller.dialog.chosen()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    return when


def test_history_is_shown_and_restore_moves_the_callback_back(window, agent_with_ledger, sim, qtbot):
    agent = agent_with_ledger
    record = move_to_personal_row(qtbot, window)
    original = record.scheduled_at
    assert not window.restore_action.isEnabled()  # never moved from here
    assert "History" not in window.details.text()

    moved_to = reschedule_to_default(window, qtbot)
    qtbot.waitUntil(lambda: agent.store.get(record.key).status is RecordStatus.CONFIRMED, timeout=10_000)
    qtbot.waitUntil(lambda: "History" in window.details.text(), timeout=5_000)
    text = window.details.text()
    assert f"{original:%a %d %b %H:%M} → {moved_to:%a %d %b %H:%M}, personal (✓ confirmed)" in text
    qtbot.waitUntil(window.restore_action.isEnabled, timeout=5_000)

    qtbot.keyClick(window.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: agent.store.get(record.key).scheduled_at == original, timeout=10_000)
    assert sim_records(sim, "agent1")[record.key.record_handle]["scheduled"] == int(original.timestamp())
    # Two entries now, newest first; restoring again would go back to where the restore came from.
    qtbot.waitUntil(lambda: window.details.text().count("✓ confirmed") == 2, timeout=5_000)
    lines = [line for line in window.details.text().splitlines() if "✓ confirmed" in line]
    assert f"{moved_to:%a %d %b %H:%M} → {original:%a %d %b %H:%M}" in lines[0]


def test_history_follows_the_current_row(window, agent_with_ledger, qtbot):
    record = move_to_personal_row(qtbot, window)
    reschedule_to_default(window, qtbot)
    qtbot.waitUntil(lambda: agent_with_ledger.store.get(record.key).status is RecordStatus.CONFIRMED, timeout=10_000)
    qtbot.waitUntil(lambda: "History" in window.details.text(), timeout=5_000)
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert "History" not in window.details.text()  # another record: not this one's history
    qtbot.waitUntil(lambda: not window.restore_action.isEnabled(), timeout=5_000)
    qtbot.keyClick(window.table, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: "History" in window.details.text(), timeout=5_000)


def confirmed(previous_at, scheduled_at, kind, previous_type=None):
    return HistoryEntry("ref", previous_at, scheduled_at, kind, scheduled_at, scheduled_at, "confirmed", "",
                        previous_type=previous_type)


def test_restore_target_gives_back_the_type_the_last_reschedule_replaced():
    moved = a_record(1, kind=CallbackType.CAMPAIGN)
    before = moved.scheduled_at - timedelta(hours=3)
    entry = confirmed(before, moved.scheduled_at, CallbackType.CAMPAIGN, previous_type=CallbackType.PERSONAL)
    assert restore_target([entry], moved) == (before, CallbackType.PERSONAL)
    # Written before the type was kept: the one before is not known, the current one stays.
    assert restore_target([confirmed(before, moved.scheduled_at, CallbackType.CAMPAIGN)], moved) == (
        before, CallbackType.CAMPAIGN)
    # Moved since by someone else: nothing to restore.
    elsewhere = confirmed(before, moved.scheduled_at + timedelta(hours=1), CallbackType.CAMPAIGN, CallbackType.PERSONAL)
    assert restore_target([elsewhere], moved) is None


def test_restore_after_a_change_of_type_gives_the_type_back_too(window, agent_with_ledger, sim, qtbot):
    agent = agent_with_ledger
    record = move_to_personal_row(qtbot, window)
    original = record.scheduled_at
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.dialog is not None and window.controller.dialog.isVisible())
    dialog = window.controller.dialog
    dialog.campaign_radio.click()
    assert dialog.chosen()[1] is CallbackType.CAMPAIGN and dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: agent.store.get(record.key).status is RecordStatus.CONFIRMED
                    and agent.store.get(record.key).callback_type is CallbackType.CAMPAIGN, timeout=10_000)
    qtbot.waitUntil(window.restore_action.isEnabled, timeout=5_000)

    qtbot.keyClick(window.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: agent.store.get(record.key).scheduled_at == original
                    and agent.store.get(record.key).callback_type is CallbackType.PERSONAL, timeout=10_000)
    truth = sim_records(sim, "agent1")[record.key.record_handle]
    assert (truth["scheduled"], truth["callbackType"]) == (int(original.timestamp()), "Personal")
