"""Shared by the window tests: the simulator on 127.0.0.1, an agent logged in to it, the window
with its controller, and small helpers. Imported by the test modules that use them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from agent_desktop.domain.records import CallbackType
from agent_desktop.domain.rules import RescheduleRefused, validate_reschedule
from agent_desktop.gui import Connector
from agent_desktop.simulator import SimulatorConfig, SimulatorThread
from agent_desktop.ui.controller import MainController
from agent_desktop.ui.login_dialog import LoginAttempt
from agent_desktop.ui.main_window import MainWindow
from support.e2e import sim_records

UTC = ZoneInfo("UTC")


@pytest.fixture
def sim():
    with SimulatorThread(SimulatorConfig(host="127.0.0.1", port=0, agents=2, records_per_agent=10, seed=5,
                                         ack_delay_ms=100)) as running:
        yield running


def log_in(sim, run, qtbot, connector=None):
    """agent1 logged in to ``sim``, with every record it has pushed in the store."""
    agent = run((connector or Connector())(LoginAttempt(sim.url, "agent1", sim.password, remember=False)))
    expected = len(sim_records(sim, "agent1"))
    qtbot.waitUntil(lambda: len(agent.store) == expected, timeout=10_000)
    return agent


@pytest.fixture
def logged_in(sim, run, qtbot):
    agent = log_in(sim, run, qtbot)
    yield agent
    run(agent.close())


@pytest.fixture
def window(logged_in, qtbot):
    win = MainWindow(logged_in.store, agent_tz=UTC, agent_name=logged_in.profile.display_name)
    controller = MainController(logged_in, win, agent_tz=UTC)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.controller = controller
    return win


def status_trail(store, key):
    trail = []
    store.subscribe(lambda changes: trail.extend(c.record.status for c in changes if c.key == key and c.record))
    return trail


def move_to_personal_row(qtbot, win, movable_by: timedelta | None = None):
    """Walk the table down to the first future personal callback. With ``movable_by``, the first
    that may also be moved that much later on the same day of the agent's: the demo's times follow
    the clock, so without it a test that moves the record fails at the hours when the new time
    falls outside the contact's calling hours."""
    for _ in range(win.proxy.rowCount()):
        record = win.current_record()
        if (record.callback_type is CallbackType.PERSONAL and record.scheduled_at > datetime.now(timezone.utc)
                and (movable_by is None or may_move(win, record, movable_by))):
            return record
        qtbot.keyClick(win.table, Qt.Key.Key_Down)
    pytest.fail("no future personal callback in the demo data" + (f" movable by {movable_by}" if movable_by else ""))


def may_move(win, record, by: timedelta) -> bool:
    moved = record.scheduled_at + by
    agent_tz = win.controller.agent_tz
    if moved.astimezone(agent_tz).date() != record.scheduled_at.astimezone(agent_tz).date():
        return False
    try:
        validate_reschedule(moved, record.callback_type, now=datetime.now(timezone.utc), record=record,
                            policy=win.controller.planner.policy)
    except RescheduleRefused:
        return False
    return True
