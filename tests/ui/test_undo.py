"""The undo time before a reschedule is sent, in the window against the simulator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from agent_desktop.domain.records import RecordStatus
from support.e2e import sim_records
from ui.window_fixtures import logged_in, move_to_personal_row, sim, status_trail, window  # noqa: F401 - fixtures


def accept_default_reschedule(window, qtbot):
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.dialog is not None and window.controller.dialog.isVisible())
    when, kind = window.controller.dialog.chosen()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    return when, kind


def test_ctrl_z_within_the_undo_time_sends_nothing(window, logged_in, sim, qtbot):
    window.controller.grace.delay_s = 60
    record = move_to_personal_row(qtbot, window)
    trail = status_trail(logged_in.store, record.key)
    before = sim_records(sim, "agent1")[record.key.record_handle]["scheduled"]
    accept_default_reschedule(window, qtbot)
    qtbot.waitUntil(lambda: window.undo_bar.isVisible())
    who = record.contact_name or record.phone
    assert window.undo_bar.text.text().startswith("Sending in 60 s: " + who)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)  # back to work at once
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.undo_bar.isVisible()
    assert window.controller.grace.held == []
    assert "Undone, nothing was sent" in window.statusBar().currentMessage()
    assert trail == []  # the row never went "sending"
    assert logged_in.store.get(record.key).scheduled_at == record.scheduled_at
    assert sim_records(sim, "agent1")[record.key.record_handle]["scheduled"] == before
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Nothing to undo" in window.statusBar().currentMessage()


def test_the_reschedule_goes_out_when_the_undo_time_is_over(window, logged_in, sim, qtbot):
    window.controller.grace.delay_s = 0.3
    record = move_to_personal_row(qtbot, window)
    trail = status_trail(logged_in.store, record.key)
    when, kind = accept_default_reschedule(window, qtbot)
    qtbot.waitUntil(lambda: window.undo_bar.isVisible())
    qtbot.waitUntil(lambda: logged_in.store.get(record.key).status is RecordStatus.CONFIRMED, timeout=10_000)
    assert trail in ([RecordStatus.CONFIRMED], [RecordStatus.SENDING, RecordStatus.CONFIRMED])  # "sending" only if slow
    assert not window.undo_bar.isVisible()
    truth = sim_records(sim, "agent1")[record.key.record_handle]
    assert truth["scheduled"] == int(when.timestamp()) and truth["callbackType"] == kind.value


def test_what_is_held_when_the_window_closes_is_sent_not_dropped(window, logged_in, sim, qtbot, run):
    window.controller.grace.delay_s = 60
    record = move_to_personal_row(qtbot, window)
    when, _ = accept_default_reschedule(window, qtbot)
    qtbot.waitUntil(lambda: window.undo_bar.isVisible())
    run(window.controller.finish(timeout_s=10))
    assert logged_in.store.get(record.key).status is RecordStatus.CONFIRMED
    assert sim_records(sim, "agent1")[record.key.record_handle]["scheduled"] == int(when.timestamp())


def test_no_undo_time_sends_at_accept(window, logged_in, qtbot):
    window.controller.grace.delay_s = 0
    record = move_to_personal_row(qtbot, window)
    accept_default_reschedule(window, qtbot)
    qtbot.waitUntil(lambda: logged_in.store.get(record.key).status is RecordStatus.CONFIRMED, timeout=10_000)
    assert not window.undo_bar.isVisible()
