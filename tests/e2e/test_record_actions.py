"""Issue 7's record actions end to end below the UI: AgentSession against the simulator over
HTTP and CometD on 127.0.0.1. Each action is acknowledged before the list changes; privileges
are checked before sending (and, in strict mode, by the server too); the server's refusals show
on the row; the agent's state follows the device live."""

from __future__ import annotations

import json

import httpx
import pytest

from agent_desktop.domain.records import CallbackType, RecordStatus
from agent_desktop.domain.store import ChangeKind, RecordStore
from agent_desktop.services import wire
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.errors import NotPermitted, OperationRefused, RequestRefused
from agent_desktop.services.events import DeviceStateChanged
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.outbound import new_reference_id
from agent_desktop.simulator import SimulatorConfig, SimulatorThread

from support.e2e import EventLog, first_personal_with_slot, sim_records, wait_for_store


async def started_agent(sim, username="agent1", events=None):
    store = RecordStore()
    agent = AgentSession(GwsSession(sim.url, username, sim.password), store, ack_timeout_s=10,
                         on_event=events)
    await agent.start()
    expected = sum(1 for r in sim_records(sim, username).values() if r["status"] == "scheduled")
    await wait_for_store(store, lambda: len(store) == expected)
    return agent, store


def watch(store):
    """Every change of the store, as (kind, handle, status)."""
    trail = []
    store.subscribe(lambda changes: trail.extend(
        (c.kind, c.key.record_handle, c.record.status if c.record else None) for c in changes))
    return trail


async def add_to_chain(agent, store, record, phone="+12125550160"):
    """A second record in ``record``'s chain, made with AddRecord as the desktop sends it."""
    body = wire.add_record_body(record, phone=phone, time_zone=record.contact_zone.label,
                                window=record.calling_window, device_path=agent.device_path,
                                reference_id=new_reference_id())
    ack = await agent.operations.perform(None, body)
    await wait_for_store(store, lambda: ack.added_key in store)
    return ack.added_key


async def test_cancel_complete_and_do_not_call_change_the_list_only_when_acknowledged(sim):
    agent, store = await started_agent(sim)
    try:
        cancelled, completed, marked = list(store)[:3]
        trail = watch(store)
        await agent.cancel_callback(cancelled.key)
        await agent.complete(completed.key, "WrongParty")
        await agent.mark_do_not_call(marked.key, whole_chain=False)
        for record in (cancelled, completed, marked):
            handle = record.key.record_handle
            # "sending" while the server works, then gone: nothing in between, nothing before.
            assert [t for t in trail if t[1] == handle] == [(ChangeKind.CHANGED, handle, RecordStatus.SENDING),
                                                          (ChangeKind.REMOVED, handle, None)]
        truth = sim_records(sim, "agent1")
        assert truth[cancelled.key.record_handle]["status"] == "cancelled"
        assert truth[completed.key.record_handle]["status"] == "processed"
        assert truth[completed.key.record_handle]["callResult"] == 40  # WrongParty
        assert truth[marked.key.record_handle]["status"] == "do_not_call"
        assert len(store) == len(truth) - 3
    finally:
        await agent.close()


async def test_an_action_on_a_finished_record_fails_with_the_servers_reason(sim):
    agent, store = await started_agent(sim)
    try:
        record = next(iter(store))
        # Finished behind the desktop's back (another desktop, say): the row is still listed.
        body = wire.cancel_record_body(record, agent.device_path, new_reference_id())
        await agent.operations.perform(record.key.record_handle, body)
        with pytest.raises(OperationRefused) as refused:
            await agent.complete(record.key, "Answer")
        assert refused.value.error_code == 106
        row = store.get(record.key)
        assert row.status is RecordStatus.FAILED
        assert row.status_reason == refused.value.message and "no longer active" in row.status_reason
    finally:
        await agent.close()


async def test_do_not_call_on_the_whole_chain_removes_the_chain(sim):
    agent, store = await started_agent(sim)
    try:
        first, other = list(store)[:2]
        added = await add_to_chain(agent, store, first)
        removed = await agent.mark_do_not_call(added, whole_chain=True)
        assert {r.key for r in removed} == {first.key, added}
        assert first.key not in store and added not in store and other.key in store
        truth = sim_records(sim, "agent1")
        assert truth[first.key.record_handle]["status"] == truth[added.record_handle]["status"] == "do_not_call"
        assert truth[other.key.record_handle]["status"] == "scheduled"
    finally:
        await agent.close()


async def test_reschedule_on_a_new_number_joins_the_chain_and_the_old_record_leaves(sim):
    agent, store = await started_agent(sim)
    try:
        record, slot = first_personal_with_slot(store)
        updated = await agent.reschedule_on_new_number(record.key, "+12125550161", slot, CallbackType.PERSONAL)
        assert updated.status is RecordStatus.CONFIRMED and updated.scheduled_at == slot
        assert updated.phone == "+12125550161" and updated.chain_id == record.chain_id
        assert updated.contact_name == record.contact_name
        await wait_for_store(store, lambda: record.key not in store)  # withdrawn by the server
        truth = sim_records(sim, "agent1")
        new = truth[updated.key.record_handle]
        assert new["chainId"] == record.chain_id and new["phone"] == "+12125550161"
        assert new["scheduled"] == int(slot.timestamp()) and new["callbackType"] == "Personal"
        assert (new["dailyFrom"], new["dailyUntil"]) == (record.calling_window.start_s, record.calling_window.end_s)
        assert new["timeZone"] == record.contact_zone.label
        assert truth[record.key.record_handle]["status"] == "chain_updated"
    finally:
        await agent.close()


async def test_the_agent_state_follows_the_device_live(sim):
    events = EventLog()
    agent, store = await started_agent(sim, events=events)
    try:
        assert agent.agent_state == "Ready"  # StartContactCenterSession made it Ready
        events.events.clear()
        reply = httpx.post(f"{sim.url}/sim/agent-state", json={"agent": "agent1", "state": "NotReady"}, timeout=5)
        assert reply.status_code == 200
        await events.wait_for(DeviceStateChanged)  # and it reaches on_event for the window
        assert agent.agent_state == "NotReady"
        events.events.clear()
        httpx.post(f"{sim.url}/sim/agent-state", json={"agent": "agent1", "state": "LoggedOut"}, timeout=5)
        await events.wait_for(DeviceStateChanged)
        assert agent.agent_state == "LoggedOut"
    finally:
        await agent.close()


async def test_a_denied_privilege_is_refused_before_sending_and_by_a_strict_server(tmp_path):
    journal = tmp_path / "journal.jsonl"
    config = SimulatorConfig(host="127.0.0.1", port=0, agents=1, records_per_agent=4, seed=7,
                             journal=journal, denied_privileges=frozenset({"can-cancel-record"}),
                             enforce_privileges=True)
    with SimulatorThread(config) as strict:
        agent, store = await started_agent(strict)
        try:
            record = next(iter(store))
            trail = watch(store)
            with pytest.raises(NotPermitted):
                await agent.cancel_callback(record.key)
            assert trail == []
            # Forced past the desktop's own check, the strict server refuses it too.
            body = wire.cancel_record_body(record, agent.device_path, new_reference_id())
            with pytest.raises(RequestRefused) as refused:
                await agent.operations.perform(record.key.record_handle, body)
            assert (refused.value.http_status, refused.value.status_code) == (403, 5)
            assert sim_records(strict, "agent1")[record.key.record_handle]["status"] == "scheduled"
        finally:
            await agent.close()
    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    cancels = [line for line in lines if line["operation"] == "CancelRecord"]
    assert len(cancels) == 1  # only the forced one reached the server
    assert cancels[0]["verdict"].startswith("refused http 403 statusCode 5")

