"""BulkMove with a fake session: how many go out at once, progress, cancel, and where each
record ends up in the summary."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey, RecordStatus
from agent_desktop.domain.rules import RefusalReason, RescheduleRefused
from agent_desktop.services.bulk_move import BulkMove, BulkSummary
from agent_desktop.services.errors import AcknowledgementTimeout, OperationRefused, ServerUnreachable

START = datetime(2030, 3, 4, 9, 0, tzinfo=timezone.utc)


def plan_of(count: int) -> dict[RecordKey, datetime]:
    # Keys in reverse order of time: the move must send by time, not by key.
    return {RecordKey(134, 1000 + n): START + timedelta(minutes=15 * (count - n)) for n in range(count)}


class GatedSession:
    """Each reschedule waits until the test opens its gate; counts what is in flight."""

    def __init__(self) -> None:
        self.sent: list[tuple[RecordKey, datetime, CallbackType]] = []
        self.gates: list[asyncio.Future[None]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.changed = asyncio.Event()

    async def reschedule(self, key, when, callback_type):
        self.sent.append((key, when, callback_type))
        gate = asyncio.get_running_loop().create_future()
        self.gates.append(gate)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        self.changed.set()
        try:
            await gate
        finally:
            self.in_flight -= 1
        return OutboundRecord(key, "Win-back", scheduled_at=when, callback_type=callback_type,
                              status=RecordStatus.CONFIRMED)

    @property
    def closed_gates(self) -> list[asyncio.Future[None]]:
        return [gate for gate in self.gates if not gate.done()]

    async def wait_until(self, condition) -> None:
        while not condition():
            self.changed.clear()
            await self.changed.wait()

    def release_one(self) -> None:
        self.closed_gates[0].set_result(None)

    def release_all(self) -> None:
        for gate in self.closed_gates:
            gate.set_result(None)


class ScriptedSession:
    """Answers at once: by key, an exception to raise or a status to return."""

    def __init__(self, outcomes: dict[RecordKey, object]) -> None:
        self.outcomes = outcomes
        self.sent: list[RecordKey] = []

    async def reschedule(self, key, when, callback_type):
        self.sent.append(key)
        outcome = self.outcomes.get(key, RecordStatus.CONFIRMED)
        if isinstance(outcome, BaseException):
            raise outcome
        if outcome is None:
            return None
        return OutboundRecord(key, "Win-back", scheduled_at=when, status=outcome)


async def test_sends_each_record_once_in_order_of_time_with_at_most_four_in_flight():
    session = GatedSession()
    plan = plan_of(20)
    progress: list[tuple[int, int]] = []
    move = BulkMove(session, plan, CallbackType.PERSONAL, on_progress=lambda *p: progress.append(p))
    running = asyncio.ensure_future(move.run())
    for _ in range(20):
        await session.wait_until(lambda: session.closed_gates)
        session.release_one()
    summary = await running
    assert session.most_in_flight == 4
    assert [when for _, when, _ in session.sent] == sorted(plan.values())
    assert {key for key, _, _ in session.sent} == set(plan) and len(session.sent) == 20
    assert all(kind is CallbackType.PERSONAL for _, _, kind in session.sent)
    assert progress == [(n, 20) for n in range(1, 21)]
    assert sorted(summary.confirmed) == sorted(plan) and summary.total == 20
    assert not (summary.failed or summary.not_sent or summary.queued or summary.cancelled)


async def test_cancel_sends_nothing_new_and_counts_those_on_the_wire():
    session = GatedSession()
    plan = plan_of(30)
    move = BulkMove(session, plan, CallbackType.CAMPAIGN, concurrency=3)
    running = asyncio.ensure_future(move.run())
    await session.wait_until(lambda: len(session.sent) == 3)
    session.release_one()  # one outcome; its worker takes the next record
    await session.wait_until(lambda: len(session.sent) == 4)
    move.cancel()
    assert len(session.closed_gates) == 3
    session.release_all()  # those on the wire finish after the cancel
    summary = await running
    assert len(session.sent) == 4  # 3, then 1 more after the first outcome; none after cancel
    assert summary.cancelled and len(summary.confirmed) == 4
    assert set(summary.not_sent) == set(plan) - {key for key, _, _ in session.sent}
    assert len(summary.not_sent) == 26 and move.done == 4 and summary.total == 30


async def test_cancel_from_the_progress_callback_stops_after_that_outcome():
    plan = plan_of(10)
    session = ScriptedSession({})
    move = BulkMove(session, plan, CallbackType.PERSONAL, concurrency=1,
                    on_progress=lambda done, total: move.cancel() if done == 2 else None)
    summary = await move.run()
    assert len(session.sent) == 2 and len(summary.confirmed) == 2 and len(summary.not_sent) == 8


async def test_every_kind_of_outcome_lands_in_its_group_and_the_batch_goes_on():
    keys = [RecordKey(134, n) for n in range(8)]
    outside = RescheduleRefused(RefusalReason.OUTSIDE_WINDOW, "07:00 is outside the contact's calling hours.")
    outcomes = {
        keys[0]: OperationRefused("ref-0", 104, "Time is outside the calling window"),
        keys[1]: outside,
        keys[2]: AcknowledgementTimeout("No confirmation from the server.", "ref-2"),
        keys[3]: KeyError(keys[3]),
        keys[4]: RuntimeError("a bug"),
        keys[5]: RecordStatus.QUEUED,
        keys[6]: None,  # the record left the store while its request was out
        # keys[7]: confirmed
    }
    session = ScriptedSession(outcomes)
    plan = {key: START + timedelta(minutes=n) for n, key in enumerate(keys)}
    summary = await BulkMove(session, plan, CallbackType.PERSONAL,
                             unplaceable={RecordKey(134, 99): "No calling hours that day."}).run()
    assert session.sent == keys
    assert summary.failed[keys[0]] == "Time is outside the calling window"
    assert summary.failed[keys[1]] == outside.message
    assert summary.unconfirmed == [keys[2]]
    assert summary.failed[keys[3]] == "The callback is no longer in your list."
    assert summary.failed[keys[4]] == "Something went wrong; see the log."
    assert summary.failed[keys[6]] == "The callback is no longer in your list."
    assert summary.queued == [keys[5]] and summary.confirmed == [keys[7]]
    assert summary.unplaceable == {RecordKey(134, 99): "No calling hours that day."}
    assert summary.total == 9 and not summary.cancelled


async def test_a_server_out_of_reach_fails_only_that_record():
    keys = [RecordKey(134, n) for n in range(3)]
    session = ScriptedSession({keys[1]: ServerUnreachable("Cannot reach the server.")})
    summary = await BulkMove(session, {k: START + timedelta(minutes=n) for n, k in enumerate(keys)},
                             CallbackType.PERSONAL).run()
    assert summary.failed == {keys[1]: "Cannot reach the server."}
    assert summary.confirmed == [keys[0], keys[2]]


async def test_a_broken_progress_display_does_not_stop_the_sending():
    def broken(done, total):
        raise ValueError("widget gone")

    summary = await BulkMove(ScriptedSession({}), plan_of(5), CallbackType.PERSONAL, on_progress=broken).run()
    assert len(summary.confirmed) == 5


async def test_an_empty_plan_reports_only_the_unplaceable():
    progress = []
    summary = await BulkMove(ScriptedSession({}), {}, CallbackType.PERSONAL,
                             unplaceable={RecordKey(134, 1): "x"}, on_progress=lambda *p: progress.append(p)).run()
    assert summary == BulkSummary(unplaceable={RecordKey(134, 1): "x"}) and progress == []


async def test_runs_once_only():
    move = BulkMove(ScriptedSession({}), plan_of(1), CallbackType.PERSONAL)
    await move.run()
    with pytest.raises(RuntimeError):
        await move.run()


async def test_cancelling_the_caller_cancels_the_requests_in_flight():
    session = GatedSession()
    running = asyncio.ensure_future(BulkMove(session, plan_of(8), CallbackType.PERSONAL).run())
    await session.wait_until(lambda: len(session.sent) == 4)
    gates = list(session.gates)
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running
    assert all(gate.cancelled() for gate in gates) and len(session.sent) == 4


async def test_for_plan_reads_a_planner_result():
    class Plan:
        assignments = plan_of(2)
        unplaceable = {RecordKey(134, 7): "No free time."}

    summary = await BulkMove.for_plan(ScriptedSession({}), Plan(), CallbackType.PERSONAL).run()
    assert len(summary.confirmed) == 2 and summary.unplaceable == Plan.unplaceable
