"""AgentSession.reschedule: the row says "sending" when the request is on the wire and its outcome
has not come within ``show_sending_after_s`` (never before it is sent, never after the outcome),
the caller hears when it is on the wire, and the outbox row is written once."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

from agent_desktop.domain.records import CallbackType, RecordStatus
from agent_desktop.domain.schedule import next_valid_slot
from agent_desktop.domain.store import RecordStore
from agent_desktop.services import wire
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.errors import ServerUnreachable
from agent_desktop.services.events import OperationAcknowledged
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.local_store import LocalStore
from ui.test_records_model import record


class FakeOperations:
    """Instead of the network: ``sends`` says whether the request gets on the wire."""

    def __init__(self, store, key, *, sends=True) -> None:
        self.store, self.key, self.sends = store, key, sends
        self.status_when_sent = None
        self.answer = asyncio.Event()  # the server's answer comes when this is set
        self.answer.set()

    async def perform(self, handle, body, *, timeout_s=None, on_sent=None):
        if not self.sends:
            raise ServerUnreachable("Cannot reach the server.")
        assert self.store.get(self.key).status is not RecordStatus.SENDING  # not before it is sent
        on_sent()
        self.status_when_sent = self.store.get(self.key).status
        await self.answer.wait()
        return OperationAcknowledged(body["referenceId"], "ScheduledRecordRescheduleAcknowledge", self.key)


def session_with(wire_sample, *, local=None, sends=True):
    store = RecordStore()
    shown = record(9, minutes=60 * 24)
    store.upsert(shown)
    agent = AgentSession(GwsSession("http://127.0.0.1:9", "agent1", "secret"), store, local=local)
    agent.profile = wire.parse_user(wire_sample("me_reply.json"))
    agent._online = True  # as after start(): logged in, notifications open, session started
    agent.operations = FakeOperations(store, shown.key, sends=sends)
    trail = []
    store.subscribe(lambda changes: trail.extend(c.record.status for c in changes if c.record))
    when = next_valid_slot(datetime.now(timezone.utc) + timedelta(hours=2), record=shown)
    return agent, store, shown.key, when, trail


async def test_a_quick_answer_goes_straight_to_confirmed_without_a_sending_flash(wire_sample):
    agent, store, key, when, trail = session_with(wire_sample)
    agent.show_sending_after_s = 0.05
    told = []
    updated = await agent.reschedule(key, when, CallbackType.PERSONAL, on_sent=lambda: told.append(1))
    assert told == [1] and agent.operations.status_when_sent is RecordStatus.SCHEDULED
    assert trail == [RecordStatus.CONFIRMED]
    assert updated.status is RecordStatus.CONFIRMED and updated.scheduled_at == when
    await asyncio.sleep(0.1)  # past the delay: the cancelled "sending" does not come late
    assert trail == [RecordStatus.CONFIRMED] and store.get(key).status is RecordStatus.CONFIRMED
    await agent.session.aclose()


async def test_a_slow_answer_shows_sending_while_it_is_awaited_then_confirmed(wire_sample):
    agent, store, key, when, trail = session_with(wire_sample)
    agent.show_sending_after_s = 0.01
    agent.operations.answer.clear()
    sending = asyncio.Event()
    store.subscribe(lambda changes: sending.set() if store.get(key).status is RecordStatus.SENDING else None)
    task = asyncio.create_task(agent.reschedule(key, when, CallbackType.PERSONAL))
    await asyncio.wait_for(sending.wait(), 5)  # shown while the server is still silent
    assert not task.done() and trail == [RecordStatus.SENDING]
    agent.operations.answer.set()
    updated = await task
    assert trail == [RecordStatus.SENDING, RecordStatus.CONFIRMED] and updated.status is RecordStatus.CONFIRMED
    await agent.session.aclose()


async def test_a_request_that_never_left_is_queued_without_ever_showing_sending(wire_sample):
    agent, store, key, when, trail = session_with(wire_sample, sends=False)
    told = []
    updated = await agent.reschedule(key, when, CallbackType.PERSONAL, on_sent=lambda: told.append(1))
    assert updated.status is RecordStatus.QUEUED and trail == [RecordStatus.QUEUED] and told == []
    agent._closed = True  # no recovery in this test
    await agent.session.aclose()


async def test_the_outbox_row_is_written_once_with_its_first_attempt_counted(wire_sample, tmp_path):
    class Recording(LocalStore):
        def __init__(self, path) -> None:
            super().__init__(path)
            self.calls = []

        async def add_pending(self, pending):
            self.calls.append(("add", pending.attempts))
            await super().add_pending(pending)

        async def count_attempt(self, reference_id):
            self.calls.append(("count", reference_id))
            await super().count_attempt(reference_id)

        async def settle(self, pending, result, reason=""):
            self.calls.append(("settle", result))
            return await super().settle(pending, result, reason)

    local = Recording(tmp_path / "local.sqlite3")
    await local.open()
    agent, store, key, when, trail = session_with(wire_sample, local=local)
    await agent.reschedule(key, when, CallbackType.PERSONAL)
    assert local.calls == [("add", 1), ("settle", "confirmed")]  # one write before sending, not two
    assert await local.pending(agent.owner) == []
    await local.close()
    await agent.session.aclose()
