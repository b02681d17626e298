"""Nothing lost: the outbox, reconnection, restarts, node failover and lost acknowledgements,
against the simulator on 127.0.0.1 with its fault switches."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from agent_desktop.domain.records import CallbackType, RecordStatus
from agent_desktop.domain.store import RecordStore
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.backoff import Backoff
from agent_desktop.services.errors import AcknowledgementTimeout
from agent_desktop.services.events import ConnectionState
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.local_store import LocalStore
from agent_desktop.simulator import SimulatorConfig, SimulatorThread
from support.e2e import EventLog, first_personal_with_slot, sim_records, wait_for_state, wait_for_store

SUPPORT = Path(__file__).resolve().parent.parent / "support"
FAST = Backoff(base_s=0.05, cap_s=0.5)


@pytest.fixture
def journal(tmp_path) -> Path:
    return tmp_path / "journal.jsonl"


def make_sim(journal, **extra):
    config = SimulatorConfig(host="127.0.0.1", port=0, agents=1, records_per_agent=8, seed=7,
                             journal=str(journal), **extra)
    return SimulatorThread(config)


@pytest.fixture
def sim(journal):
    with make_sim(journal) as running:
        yield running


def reschedules(path: Path) -> list[dict]:
    lines = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
    return [line for line in lines if line["operation"] == "RescheduleRecord"]


async def started(sim, db: Path, *, urls=None, ack_timeout_s=10.0):
    events = EventLog()
    store = RecordStore()
    agent = AgentSession(GwsSession(urls or sim.url, "agent1", sim.password), store, local=LocalStore(db),
                         ack_timeout_s=ack_timeout_s, on_event=events, backoff=FAST)
    await agent.start()
    expected = len(sim_records(sim, "agent1"))
    await wait_for_store(store, lambda: len(store) >= expected)
    return agent, store, events


async def confirmed(store, key) -> None:
    await wait_for_store(store, lambda: store.get(key).status is RecordStatus.CONFIRMED, timeout_s=20)


async def outbox_of(db: Path, owner: str):
    local = LocalStore(db)
    await local.open()
    try:
        return await local.pending(owner), local
    finally:
        await local.close()


async def test_offline_reschedule_is_queued_and_sent_when_the_server_is_back(sim, tmp_path, journal):
    db = tmp_path / "local.sqlite3"
    agent, store, events = await started(sim, db)
    try:
        record, slot = first_personal_with_slot(store)
        await asyncio.to_thread(sim.stop_listening)
        updated = await agent.reschedule(record.key, slot, CallbackType.PERSONAL)
        assert updated.status is RecordStatus.QUEUED  # saved on this computer, not failed
        await wait_for_state(events, ConnectionState.RECONNECTING)
        mark = len(events.events)
        await asyncio.to_thread(sim.start_listening)
        await confirmed(store, record.key)
        await wait_for_state(events, ConnectionState.CONNECTED, after=mark)
        assert sim_records(sim, "agent1")[record.key.record_handle]["scheduled"] == int(slot.timestamp())
        assert [line["verdict"] for line in reschedules(journal)] == ["acknowledged"]
    finally:
        await agent.close()
    pending, _ = await outbox_of(db, agent.owner)
    assert pending == []


async def test_server_restart_comes_back_live_without_the_agent_doing_anything(sim, tmp_path):
    agent, store, events = await started(sim, tmp_path / "local.sqlite3")
    try:
        mark = len(events.events)
        await asyncio.to_thread(sim.restart, 1.0)  # sessions, CSRF tokens, CometD clients all lost
        await wait_for_state(events, ConnectionState.RECONNECTING, after=mark)
        await wait_for_state(events, ConnectionState.CONNECTED, after=mark)
        record, slot = first_personal_with_slot(store)
        updated = await agent.reschedule(record.key, slot, CallbackType.CAMPAIGN)
        if updated.status is not RecordStatus.CONFIRMED:
            await confirmed(store, record.key)
        truth = sim_records(sim, "agent1")[record.key.record_handle]
        assert truth["callbackType"] == "Campaign" and truth["scheduled"] == int(slot.timestamp())
    finally:
        await agent.close()


async def test_a_lost_acknowledgement_is_retried_with_the_same_reference_id(sim, tmp_path, journal):
    agent, store, events = await started(sim, tmp_path / "local.sqlite3", ack_timeout_s=1.0)
    try:
        record, slot = first_personal_with_slot(store)
        await asyncio.to_thread(sim.set_faults, drop_ack_rate=1.0)
        with pytest.raises(AcknowledgementTimeout):
            await agent.reschedule(record.key, slot, CallbackType.PERSONAL)
        assert store.get(record.key).status is RecordStatus.UNCONFIRMED
        await asyncio.to_thread(sim.set_faults, drop_ack_rate=0.0)
        await confirmed(store, record.key)  # retried by itself
        lines = reschedules(journal)
        references = {line["body"]["referenceId"] for line in lines}
        assert len(lines) >= 2 and len(references) == 1  # same referenceId every time
        assert [line.get("duplicate", False) for line in lines][1:] == [True] * (len(lines) - 1)
    finally:
        await agent.close()


async def test_a_late_acknowledgement_is_applied_once(sim, tmp_path, journal):
    db = tmp_path / "local.sqlite3"
    agent, store, events = await started(sim, db, ack_timeout_s=0.3)
    try:
        record, slot = first_personal_with_slot(store)
        await asyncio.to_thread(sim.set_faults, ack_delay_ms=1500)
        with pytest.raises(AcknowledgementTimeout):
            await agent.reschedule(record.key, slot, CallbackType.PERSONAL)
        await confirmed(store, record.key)
        await asyncio.to_thread(sim.set_faults, ack_delay_ms=0)
    finally:
        await agent.close()
    local = LocalStore(db)
    await local.open()
    history = await local.history(agent.owner, record.key)
    await local.close()
    assert [entry.result for entry in history] == ["confirmed"]  # however many acks came


async def test_a_killed_app_replays_its_outbox_with_the_same_reference_id(sim, tmp_path, journal):
    db = tmp_path / "local.sqlite3"
    probe_store = RecordStore()
    probe = AgentSession(GwsSession(sim.url, "agent1", sim.password), probe_store)
    await probe.start()
    await wait_for_store(probe_store, lambda: len(probe_store) == len(sim_records(sim, "agent1")))
    record, slot = first_personal_with_slot(probe_store)
    await probe.close()

    await asyncio.to_thread(sim.set_faults, drop_ack_rate=1.0)  # the first send is applied, never acked
    app = subprocess.Popen(
        [sys.executable, str(SUPPORT / "reschedule_then_wait.py"), sim.url, "agent1", sim.password, str(db),
         str(record.key.record_handle), str(int(slot.timestamp())), "Personal"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert app.stdout.readline().strip() == "STARTED"
        async with asyncio.timeout(20):  # watch the server, from outside, until the request landed
            while not reschedules(journal):
                await asyncio.sleep(0.05)
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    first = reschedules(journal)[0]
    await asyncio.to_thread(sim.set_faults, drop_ack_rate=0.0)

    agent, store, events = await started(sim, db)  # the next start of the app
    try:
        await confirmed(store, record.key)
        assert store.get(record.key).scheduled_at == slot
    finally:
        await agent.close()
    lines = reschedules(journal)
    assert {line["body"]["referenceId"] for line in lines} == {first["body"]["referenceId"]}
    assert lines[-1].get("duplicate") is True  # acknowledged again, not applied twice
    pending, _ = await outbox_of(db, agent.owner)
    assert pending == []


async def test_when_a_node_dies_the_agent_carries_on_on_another(journal, tmp_path):
    with make_sim(journal, nodes=2) as cluster:
        agent, store, events = await started(cluster, tmp_path / "local.sqlite3", urls=cluster.urls)
        try:
            assert agent.session.base_url == cluster.urls[0]
            mark = len(events.events)
            await asyncio.to_thread(cluster.node_down, 0)
            await wait_for_state(events, ConnectionState.RECONNECTING, after=mark)
            await wait_for_state(events, ConnectionState.CONNECTED, after=mark)
            assert agent.session.base_url == cluster.urls[1]
            record, slot = first_personal_with_slot(store)
            updated = await agent.reschedule(record.key, slot, CallbackType.PERSONAL)
            assert updated.status is RecordStatus.CONFIRMED
            assert reschedules(journal)[-1]["node"] == 1
        finally:
            await agent.close()


async def test_a_refused_password_stops_recovery_instead_of_storming(sim, tmp_path, monkeypatch):
    agent, store, events = await started(sim, tmp_path / "local.sqlite3")
    logins = []
    original = agent.session.login

    async def login_refused(**kwargs):
        logins.append(1)
        from agent_desktop.services.errors import AuthenticationFailed
        raise AuthenticationFailed("Wrong user name or password.")

    try:
        monkeypatch.setattr(agent.session, "login", login_refused)
        mark = len(events.events)
        await asyncio.to_thread(sim.restart, 0.2)
        await wait_for_state(events, ConnectionState.OFFLINE, after=mark)
        await asyncio.sleep(1.0)  # long enough for a storm to show; the count must stay at one
        assert len(logins) == 1
    finally:
        monkeypatch.setattr(agent.session, "login", original)
        await agent.close()
