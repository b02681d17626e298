"""The bulk move dialog: the plan's preview, then progress with Cancel, then one summary.

The sending is a fake job the test drives step by step (the real one is ``BulkMove``, tested in
tests/services); one test runs the real ``BulkMove`` over a fake session end to end.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, Qt

from agent_desktop.domain.agent import OutboundCapabilities
from agent_desktop.domain.planner import AgentLoad
from agent_desktop.domain.records import (
    CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey, RecordStatus,
)
from agent_desktop.services.bulk_move import BulkMove, BulkSummary
from agent_desktop.services.errors import OperationRefused
from agent_desktop.ui.bulk_move_dialog import PROGRESS, SETUP, SUMMARY, BulkMoveDialog

MADRID = ZoneInfo("Europe/Madrid")
NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 27, 10, 7, tzinfo=timezone.utc)  # Friday 11:07 Madrid
BOTH = OutboundCapabilities(True, True, frozenset(CallbackType))
PERSONAL_ONLY = OutboundCapabilities(True, True, frozenset({CallbackType.PERSONAL}))
NAMES = ["Grace Walker", "Carlos López", "Aoife Kelly", "Wei Chen", "Omar Haddad"]


def records(count=3):
    return [OutboundRecord(
        key=RecordKey(134, n), campaign_name="Win-back", phone=f"+1212555010{n}", contact_name=NAMES[n],
        contact_zone=ContactZone(NY, "America/New_York"), callback_type=CallbackType.PERSONAL,
        scheduled_at=NOW + timedelta(hours=2 + n), calling_window=CallingWindow(9 * 3600, 20 * 3600))
        for n in range(count)]


class FakeJob:
    """A move the test finishes by hand: ``report`` outcomes, then ``finish``."""

    def __init__(self, plan, callback_type, on_progress) -> None:
        self.plan, self.callback_type, self.on_progress = plan, callback_type, on_progress
        self.cancelled = False
        self.done: asyncio.Future[BulkSummary] | None = None

    async def run(self) -> BulkSummary:
        self.done = asyncio.get_running_loop().create_future()
        return await self.done

    def cancel(self) -> None:
        self.cancelled = True


@pytest.fixture
def open_dialog(qtbot, qloop):
    jobs: list[FakeJob] = []

    def make(items=None, capabilities=BOTH, start_move=None, load=None):
        items = records() if items is None else items
        dialog = BulkMoveDialog(items, agent_tz=MADRID, policy=None, load=load or AgentLoad(),
                                capabilities=capabilities, clock=lambda: NOW,
                                start_move=start_move or (lambda *args: jobs.append(FakeJob(*args)) or jobs[-1]))
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        return dialog
    make.jobs = jobs
    return make


def choose_range(dialog, qtbot, day: date, start: QTime, end: QTime):
    qtbot.mouseClick(dialog.range_radio, Qt.MouseButton.LeftButton)
    dialog.from_edit.setDateTime(QDateTime(QDate(day), start))
    dialog.to_edit.setDateTime(QDateTime(QDate(day), end))
    dialog.replan()


def test_a_day_places_every_callback_inside_its_window(open_dialog):
    dialog = open_dialog()
    assert dialog.day_edit.date() == QDate(2026, 11, 28)  # tomorrow, the agent's day
    assert dialog.plan is not None and len(dialog.plan.assignments) == 3
    for when in dialog.plan.assignments.values():  # 09:00-20:00 New York, on Madrid's Saturday
        local = when.astimezone(NY)
        assert 9 <= local.hour < 20 and when.astimezone(MADRID).date() == date(2026, 11, 28)
    assert len(set(dialog.plan.assignments.values())) == 3  # spread: one slot each
    assert "3 of 3 callbacks get a time" in dialog.preview_text.toPlainText()
    assert dialog.move_button.isEnabled() and dialog.pages.currentIndex() == SETUP
    assert dialog.objectName() == "bulkMoveDialog"


def test_a_range_outside_their_hours_says_why_and_moves_nothing(open_dialog, qtbot):
    dialog = open_dialog()
    choose_range(dialog, qtbot, date(2026, 11, 28), QTime(3, 0), QTime(5, 0))  # 21:00-23:00 New York
    text = dialog.preview_text.toPlainText()
    assert "0 of 3" in text and "3 cannot be placed" in text
    assert "3 × " in text and "calling hours" in text
    assert not dialog.move_button.isEnabled()


def test_a_range_too_full_says_how_many_would_share_a_slot(open_dialog, qtbot):
    dialog = open_dialog(records(5))
    choose_range(dialog, qtbot, date(2026, 11, 28), QTime(16, 0), QTime(16, 30))  # two 15-minute slots
    assert len(dialog.plan.stacked) == 3
    assert "3 share a slot" in dialog.preview_text.toPlainText()


def test_only_the_allowed_types_are_offered(open_dialog):
    dialog = open_dialog(capabilities=PERSONAL_ONLY)
    kinds = [dialog.type_combo.itemData(i) for i in range(dialog.type_combo.count())]
    assert kinds == [CallbackType.PERSONAL] and not dialog.type_combo.isEnabled()
    both = open_dialog()
    assert both.type_combo.count() == 2 and both.type_combo.isEnabled()


def test_without_the_privilege_nothing_can_be_moved(open_dialog):
    dialog = open_dialog(capabilities=OutboundCapabilities(True, False, frozenset(CallbackType)))
    assert not dialog.move_button.isEnabled() and "not allowed" in dialog.preview_text.toPlainText()


def test_move_shows_progress_then_one_summary(open_dialog, qtbot):
    dialog = open_dialog()
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(CallbackType.CAMPAIGN))
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    job = open_dialog.jobs[-1]
    assert job.callback_type is CallbackType.CAMPAIGN and job.plan is dialog.plan
    assert dialog.pages.currentIndex() == PROGRESS and dialog.progress_bar.maximum() == 3
    qtbot.waitUntil(lambda: job.done is not None)
    job.on_progress(1, 3)
    job.on_progress(2, 3)
    assert dialog.progress_bar.value() == 2 and "2 of 3" in dialog.progress_label.text()
    keys = list(job.plan.assignments)
    summary = BulkSummary(confirmed=keys[:2], failed={keys[2]: "Time is outside the calling window"})
    with qtbot.waitSignal(dialog.move_finished) as finished:
        job.done.set_result(summary)
    assert finished.args == [summary] and dialog.pages.currentIndex() == SUMMARY
    assert "2 moved and confirmed" in dialog.summary_label.text() and "1 failed" in dialog.summary_label.text()
    assert "Aoife Kelly: Time is outside the calling window" in dialog.reasons_view.toPlainText()
    assert dialog.close_button.isVisible() and not dialog.move_button.isVisible()
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("how", ["button", "escape"])
def test_cancel_while_sending_stops_the_job_and_still_ends_in_the_summary(open_dialog, qtbot, how):
    dialog = open_dialog()
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    job = open_dialog.jobs[-1]
    qtbot.waitUntil(lambda: job.done is not None)
    if how == "button":
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert job.cancelled and dialog.isVisible() and not dialog.cancel_button.isEnabled()
    assert "Cancelling" in dialog.progress_label.text()
    keys = list(job.plan.assignments)
    job.done.set_result(BulkSummary(confirmed=keys[:1], not_sent=keys[1:], cancelled=True))
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == SUMMARY)
    assert "2 not sent (cancelled)" in dialog.summary_label.text()
    assert not dialog.reasons_view.isVisible()


def test_escape_before_moving_closes(open_dialog, qtbot):
    dialog = open_dialog()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert open_dialog.jobs == []


def test_a_job_that_breaks_ends_on_the_summary_page_with_a_notice(open_dialog, qtbot):
    class Broken(FakeJob):
        async def run(self):
            raise RuntimeError("bug")

    dialog = open_dialog(start_move=lambda *args: Broken(*args))
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == SUMMARY)
    assert "something went wrong" in dialog.summary_label.text()


def test_with_the_real_bulk_move_over_a_fake_session(open_dialog, qtbot):
    class Session:
        def __init__(self):
            self.sent = []

        async def reschedule(self, key, when, callback_type):
            self.sent.append((key, when))
            if key.record_handle == 1:
                raise OperationRefused("ref", 104, "Time is outside the calling window")
            return OutboundRecord(key, "Win-back", scheduled_at=when, status=RecordStatus.CONFIRMED)

    session = Session()
    existing = OutboundRecord(RecordKey(134, 99), "Win-back", callback_type=CallbackType.PERSONAL,
                              scheduled_at=datetime(2026, 11, 28, 14, 0, tzinfo=timezone.utc))
    dialog = open_dialog(load=AgentLoad([existing]), start_move=lambda plan, kind, progress: BulkMove.for_plan(
        session, plan, kind, on_progress=progress))
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == SUMMARY)
    assert dict(session.sent) == dialog.plan.assignments
    assert existing.scheduled_at not in dialog.plan.assignments.values()  # the agent's own callback is load
    assert dialog.progress_bar.value() == 3
    assert dialog.summary.failed == {RecordKey(134, 1): "Time is outside the calling window"}
    assert "Carlos López: Time is outside the calling window" in dialog.reasons_view.toPlainText()
