"""Matching outcomes to operations by referenceId, with a fake REST session."""

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from agent_desktop.domain.records import CallbackType, RecordKey
from agent_desktop.services.errors import AcknowledgementTimeout, OperationRefused, RequestRefused
from agent_desktop.services.events import OperationAcknowledged, OperationFailed
from agent_desktop.services import outbound
from agent_desktop.services.outbound import OutboundOperations

KEY = RecordKey(134, 9)
WHEN = datetime.now(timezone.utc) + timedelta(hours=2)


class FakeSession:
    """Answers the POST and, like a fast server, may deliver the outcome before the reply."""

    def __init__(self, outcome=None, refuse=False):
        self.outcome = outcome
        self.refuse = refuse
        self.operations = None
        self.bodies = []

    async def post_record_operation(self, handle, body):
        self.bodies.append((handle, body))
        if self.refuse:
            raise RequestRefused(400, 1, "Missing required parameter: campaignName")
        if self.outcome is not None:
            self.operations.handle_event(self.outcome(body["referenceId"]))


def operations_with(session, timeout=5.0):
    ops = OutboundOperations(session, ack_timeout_s=timeout)
    session.operations = ops
    return ops


async def test_ack_arriving_before_the_http_reply_is_not_lost():
    session = FakeSession(lambda ref: OperationAcknowledged(ref, "ScheduledRecordRescheduleAcknowledge", KEY))
    ops = operations_with(session)
    request, ack = await ops.reschedule(KEY, "Campaign1", WHEN, CallbackType.PERSONAL, device_path="/devices/d1")
    assert ack.reference_id == request.reference_id
    handle, body = session.bodies[0]
    assert handle == 9 and body["referenceId"] == request.reference_id and body["timestamp"] == int(WHEN.timestamp())


async def test_error_notification_refuses_with_code_and_message():
    session = FakeSession(lambda ref: OperationFailed(ref, KEY, 104, "Outside the calling window"))
    ops = operations_with(session)
    with pytest.raises(OperationRefused) as refused:
        await ops.reschedule(KEY, "Campaign1", WHEN, CallbackType.CAMPAIGN, device_path="/devices/d1")
    assert refused.value.error_code == 104 and "window" in refused.value.message


async def test_http_refusal_propagates_and_leaves_nothing_waiting():
    ops = operations_with(FakeSession(refuse=True))
    with pytest.raises(RequestRefused):
        await ops.reschedule(KEY, "Campaign1", WHEN, CallbackType.PERSONAL, device_path="/devices/d1")
    assert ops._waiting == {}


async def test_no_ack_in_time_is_a_timeout_that_keeps_the_reference():
    ops = operations_with(FakeSession(), timeout=0.05)
    with pytest.raises(AcknowledgementTimeout) as timeout:
        await ops.reschedule(KEY, "Campaign1", WHEN, CallbackType.PERSONAL, device_path="/devices/d1",
                             reference_id="ref-1")
    assert timeout.value.reference_id == "ref-1" and ops._waiting == {}


async def test_unrelated_and_duplicate_outcomes_are_ignored():
    session = FakeSession()
    ops = operations_with(session)
    task = asyncio.create_task(
        ops.reschedule(KEY, "Campaign1", WHEN, CallbackType.PERSONAL, device_path="/d", reference_id="mine"))
    while not session.bodies:
        await asyncio.sleep(0)
    assert not ops.handle_event(OperationAcknowledged("someone-else", "X", KEY))
    assert not ops.handle_event(OperationAcknowledged(None, "X", KEY))
    assert ops.handle_event(OperationAcknowledged("mine", "ScheduledRecordRescheduleAcknowledge", KEY))
    assert not ops.handle_event(OperationAcknowledged("mine", "ScheduledRecordRescheduleAcknowledge", KEY))
    _, ack = await task
    assert ack.reference_id == "mine"


async def test_an_answer_after_the_timeout_is_not_taken_for_the_waiter():
    ops = operations_with(FakeSession(), timeout=0.05)
    with pytest.raises(AcknowledgementTimeout):
        await ops.reschedule(KEY, "Campaign1", WHEN, CallbackType.PERSONAL, device_path="/d", reference_id="late")
    # Left to whoever handles late outcomes (the agent session), not swallowed here.
    assert not ops.handle_event(OperationAcknowledged("late", "ScheduledRecordRescheduleAcknowledge", KEY))


async def test_a_cancelled_wait_leaves_no_waiter_and_no_timer_behind(monkeypatch):
    loop = asyncio.get_running_loop()
    deadlines = []  # the acknowledgement timers the operations start, as the loop made them
    start_timer = loop.call_later

    def recording_call_later(delay, callback, *args, **kwargs):
        handle = start_timer(delay, callback, *args, **kwargs)
        if callback is outbound._time_out:
            deadlines.append(handle)
        return handle

    monkeypatch.setattr(loop, "call_later", recording_call_later)
    session = FakeSession()
    ops = operations_with(session, timeout=0.05)
    task = asyncio.create_task(
        ops.reschedule(KEY, "Campaign1", WHEN, CallbackType.PERSONAL, device_path="/d", reference_id="gone"))
    while not session.bodies:
        await asyncio.sleep(0)
    await asyncio.sleep(0)  # the task now waits for the acknowledgement
    assert len(deadlines) == 1 and not deadlines[0].cancelled()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert ops._waiting == {}
    assert deadlines[0].cancelled()
