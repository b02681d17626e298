"""The planner in the window against the simulator on 127.0.0.1: the bulk move of the selected
rows, the day view's move opening the reschedule dialog, and callbacks at risk handed to the
campaign when the agent goes Not Ready."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import httpx
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from agent_desktop.domain.records import CallbackType, RecordStatus
from agent_desktop.ui.planner_wiring import HAND_OVER_LEAD
from support.e2e import make_personal_callbacks_due_soon, sim_records
from ui.window_fixtures import logged_in, move_to_personal_row, sim, window  # noqa: F401 - fixtures


@pytest.fixture
def personal_soon(sim):
    """Personal callbacks due in the next hours, whatever the hour; requested before ``window``,
    so that they are there when agent1 logs in."""
    return make_personal_callbacks_due_soon(sim, "agent1")


def select_rows(window, rows):
    selection = window.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(window.proxy.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_bulk_move_of_the_selected_rows_from_ctrl_m(window, logged_in, sim, qtbot):
    select_rows(window, [0, 1, 2, 3])
    chosen = window.selected_records()
    assert len(chosen) == 4
    qtbot.keyClick(window.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.planner.bulk_dialog is not None
                    and window.controller.planner.bulk_dialog.isVisible())
    dialog = window.controller.planner.bulk_dialog
    assert dialog.move_button.isEnabled()
    day = dialog.day_edit.date().toPython()  # tomorrow, the agent's day
    dialog.move_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    assert len(dialog.summary.confirmed) == 4
    truth = sim_records(sim, "agent1")
    for record in chosen:
        moved = logged_in.store.get(record.key)
        assert moved.status is RecordStatus.CONFIRMED and moved.scheduled_at.astimezone(window.controller.agent_tz).date() == day
        assert truth[record.key.record_handle]["scheduled"] == int(moved.scheduled_at.timestamp())
    assert "Moved: 4 confirmed" in window.statusBar().currentMessage()


def test_day_view_move_opens_the_reschedule_dialog_at_the_new_time(window, logged_in, sim, qtbot):
    slot = window.controller.planner.load.slot_length
    record = move_to_personal_row(qtbot, window, movable_by=4 * slot)
    qtbot.keyClick(window.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    day_view = window.controller.planner.day_view
    assert day_view is not None and window.views.currentWidget() is day_view
    timeline = day_view.timeline
    qtbot.waitUntil(lambda: QApplication.focusWidget() is timeline)
    assert timeline.current_record().key == record.key
    for _ in range(4):  # an hour later with 15-minute slots
        qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.dialog is not None and window.controller.dialog.isVisible())
    when, _ = window.controller.dialog.chosen()
    assert abs(when - (record.scheduled_at + 4 * slot)) < slot  # four slots later (snapped to a slot)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: logged_in.store.get(record.key).status is RecordStatus.CONFIRMED, timeout=10_000)
    assert logged_in.store.get(record.key).scheduled_at == when
    qtbot.waitUntil(lambda: QApplication.focusWidget() is timeline)  # back where the agent was working


def test_not_ready_puts_personal_callbacks_at_risk_and_one_click_hands_them_over(
        personal_soon, window, logged_in, sim, qtbot):
    assert not window.at_risk_banner.isVisible()
    reply = httpx.post(f"{sim.url}/sim/agent-state", json={"agent": "agent1", "state": "NotReady"}, timeout=5)
    reply.raise_for_status()
    qtbot.waitUntil(lambda: logged_in.agent_state == "NotReady", timeout=10_000)
    qtbot.waitUntil(window.at_risk_banner.isVisible, timeout=5_000)
    at_risk = list(window.controller.planner.at_risk.at_risk)
    assert at_risk and all(r.callback_type is CallbackType.PERSONAL for r in at_risk)
    assert "Not Ready" in window.at_risk_banner.text.text()
    clicked = datetime.now(timezone.utc)
    window.at_risk_banner.hand_button.click()
    qtbot.waitUntil(lambda: not window.at_risk_banner.isVisible(), timeout=20_000)
    truth = sim_records(sim, "agent1")
    for record in at_risk:
        assert truth[record.key.record_handle]["callbackType"] == "Campaign"
        assert logged_in.store.get(record.key).callback_type is CallbackType.CAMPAIGN
        kept = truth[record.key.record_handle]["scheduled"]
        # Its own time; or, when that is closer than the server's lead time, just past the lead.
        assert kept == int(record.scheduled_at.timestamp()) or record.scheduled_at < clicked + HAND_OVER_LEAD
    assert "Handed to the campaign" in window.statusBar().currentMessage()


def test_ready_again_clears_the_warning(personal_soon, window, logged_in, sim, qtbot):
    httpx.post(f"{sim.url}/sim/agent-state", json={"agent": "agent1", "state": "LoggedOut"}, timeout=5)
    qtbot.waitUntil(window.at_risk_banner.isVisible, timeout=10_000)
    assert "logged out" in window.at_risk_banner.text.text()
    httpx.post(f"{sim.url}/sim/agent-state", json={"agent": "agent1", "state": "Ready"}, timeout=5)
    qtbot.waitUntil(lambda: not window.at_risk_banner.isVisible(), timeout=10_000)


def quit_question(window, qtbot):
    qtbot.waitUntil(lambda: window.controller.planner.quit_question is not None
                    and window.controller.planner.quit_question.isVisible())
    return window.controller.planner.quit_question


def personal_due_soon(logged_in):
    now = datetime.now(timezone.utc)
    return [r for r in logged_in.store if r.callback_type is CallbackType.PERSONAL
            and now < r.scheduled_at < now + timedelta(hours=8)]


def test_quitting_with_personal_callbacks_to_come_asks_and_can_hand_them_over(
        personal_soon, window, logged_in, sim, qtbot):
    due = personal_due_soon(logged_in)
    assert {r.key.record_handle for r in due} >= set(personal_soon)
    window.close_guard = window.controller.planner.confirm_quit
    closed = []
    window.closed.connect(lambda: closed.append(True))
    window.close()
    question = quit_question(window, qtbot)
    assert window.isVisible() and not closed  # nothing closes while the agent decides
    assert "logged out" in question.text()
    question.findChild(object, "quitStayButton").click()
    qtbot.waitUntil(lambda: not question.isVisible())
    assert window.isVisible() and not closed
    window.close()
    quit_question(window, qtbot).findChild(object, "quitHandButton").click()
    qtbot.waitUntil(lambda: bool(closed), timeout=20_000)
    truth = sim_records(sim, "agent1")
    assert all(truth[r.key.record_handle]["callbackType"] == "Campaign" for r in due)


def test_quit_anyway_closes_without_sending(personal_soon, window, logged_in, sim, qtbot):
    due = personal_due_soon(logged_in)
    assert {r.key.record_handle for r in due} >= set(personal_soon)
    window.close_guard = window.controller.planner.confirm_quit
    window.close()
    quit_question(window, qtbot).findChild(object, "quitAnywayButton").click()
    qtbot.waitUntil(lambda: not window.isVisible())
    truth = sim_records(sim, "agent1")
    assert all(truth[r.key.record_handle]["callbackType"] == "Personal" for r in due)
