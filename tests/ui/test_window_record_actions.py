"""The record actions from the window's Record menu against the simulator on 127.0.0.1: each asks
first, is done only on the server's acknowledgement, and honours the account's privileges."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from agent_desktop.simulator import SimulatorConfig, SimulatorThread
from agent_desktop.ui.controller import MainController
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.record_action_dialogs import normalise_phone
from support.e2e import sim_records
from ui.window_fixtures import UTC, log_in, logged_in, move_to_personal_row, sim, window  # noqa: F401 - fixtures


def open_action(window, qtbot, name: str, object_name: str):
    window.record_actions[name].trigger()
    qtbot.waitUntil(lambda: window.findChild(object, object_name) is not None
                    and window.findChild(object, object_name).isVisible())
    return window.findChild(object, object_name)


def test_cancel_asks_first_and_removes_the_row_only_when_acknowledged(window, logged_in, sim, qtbot):
    record = move_to_personal_row(qtbot, window)
    dialog = open_action(window, qtbot, "cancel", "cancelCallbackDialog")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # "Keep it"
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert record.key in logged_in.store
    dialog = open_action(window, qtbot, "cancel", "cancelCallbackDialog")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: record.key not in logged_in.store, timeout=10_000)
    assert sim_records(sim, "agent1")[record.key.record_handle]["status"] == "cancelled"
    assert "callback cancelled" in window.statusBar().currentMessage()


def test_complete_with_a_call_result(window, logged_in, sim, qtbot):
    record = move_to_personal_row(qtbot, window)
    dialog = open_action(window, qtbot, "complete", "completeDialog")
    words = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert "Busy" in words and "Answered" in words  # the server's list, in the agent's words
    dialog.results.setCurrentRow(words.index("Busy"))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: record.key not in logged_in.store, timeout=10_000)
    truth = sim_records(sim, "agent1")[record.key.record_handle]
    assert truth["status"] == "processed" and truth["callResult"] == 6  # OCS Busy
    assert "completed (Busy)" in window.statusBar().currentMessage()


def test_do_not_call_the_number(window, logged_in, sim, qtbot):
    record = move_to_personal_row(qtbot, window)
    dialog = open_action(window, qtbot, "do-not-call", "doNotCallDialog")
    assert dialog.record_only.isChecked()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: record.key not in logged_in.store, timeout=10_000)
    assert sim_records(sim, "agent1")[record.key.record_handle]["status"] == "do_not_call"


def test_call_back_on_a_new_number_joins_the_chain_and_replaces_the_row(window, logged_in, sim, qtbot):
    record = move_to_personal_row(qtbot, window)
    dialog = open_action(window, qtbot, "new-number", "newNumberDialog")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.number.lineEdit(), "not a number")
    assert not dialog.ok_button.isEnabled() and dialog.problem.isVisible()
    dialog.number.lineEdit().clear()
    qtbot.keyClicks(dialog.number.lineEdit(), "+1 (212) 555-0199")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.number.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(object, "rescheduleDialog") is not None
                    and window.findChild(object, "rescheduleDialog").isVisible())
    reschedule = window.findChild(object, "rescheduleDialog")
    assert "+12125550199" in reschedule.findChild(object, "recordSummary").text()
    when, kind = reschedule.chosen()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: record.key not in logged_in.store, timeout=10_000)
    new = [r for r in logged_in.store if r.phone == "+12125550199"]
    assert len(new) == 1 and new[0].chain_id == record.chain_id
    qtbot.waitUntil(lambda: logged_in.store.get(new[0].key).scheduled_at == when, timeout=10_000)
    truth = sim_records(sim, "agent1")
    assert truth[new[0].key.record_handle]["scheduled"] == int(when.timestamp())
    assert truth[record.key.record_handle]["status"] == "chain_updated"
    assert normalise_phone("+1 (212) 555-0199") in window.statusBar().currentMessage()


@pytest.fixture
def restricted_sim():
    config = SimulatorConfig(host="127.0.0.1", port=0, agents=1, records_per_agent=4, seed=5,
                             denied_privileges=frozenset({"can-cancel-record", "can-mark-do-not-call"}))
    with SimulatorThread(config) as running:
        yield running


def test_actions_the_account_may_not_use_are_greyed_out_saying_why(restricted_sim, run, qtbot):
    agent = log_in(restricted_sim, run, qtbot)
    try:
        win = MainWindow(agent.store, agent_tz=UTC)
        MainController(agent, win, agent_tz=UTC)
        qtbot.addWidget(win)
        win.select_first_row()
        actions = win.record_actions
        assert not actions["cancel"].isEnabled() and not actions["do-not-call"].isEnabled()
        assert "not allowed" in actions["cancel"].toolTip()
        assert actions["complete"].isEnabled() and actions["new-number"].isEnabled()
        win.close()
    finally:
        run(agent.close())
