"""A bulk move of 200 records against the simulator over HTTP and CometD on 127.0.0.1: planned
into one day, every reschedule acknowledged, no two personal callbacks in one slot, each inside
its contact's window; and a cancelled move stops sending."""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import httpx
import pytest

from agent_desktop.domain.planner import AgentLoad, plan_bulk
from agent_desktop.domain.policy import NO_POLICY
from agent_desktop.domain.records import CallbackType, RecordStatus
from agent_desktop.domain.store import RecordStore
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.bulk_move import BulkMove
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.simulator import SimulatorConfig

from support.e2e import sim_records, wait_for_store

RECORDS = 200
SLOT = timedelta(minutes=5)  # 288 slots in a day: room for 200 personal callbacks


@pytest.fixture
def sim_config() -> SimulatorConfig:
    return SimulatorConfig(host="127.0.0.1", port=0, agents=1, records_per_agent=RECORDS, seed=11)


async def started_agent(sim):
    store = RecordStore()
    agent = AgentSession(GwsSession(sim.url, "agent1", sim.password), store, ack_timeout_s=20)
    await agent.start()
    await wait_for_store(store, lambda: len(store) == RECORDS)
    return agent, store


def plan_for_tomorrow(store):
    now = datetime.now(timezone.utc)
    day = now.date() + timedelta(days=1)
    start = datetime.combine(day, time(), timezone.utc)
    load = AgentLoad(store, slot_length=SLOT)
    return plan_bulk(list(store), NO_POLICY, load, start=start, end=start + timedelta(days=1), now=now,
                     slot_length=SLOT, callback_type=CallbackType.PERSONAL), start


def applied_on_server(sim) -> int:
    return httpx.get(f"{sim.url}/sim/stats", timeout=5).json()["applied_reference_ids"]


async def test_two_hundred_records_moved_into_one_day_spread_and_acknowledged(sim):
    agent, store = await started_agent(sim)
    try:
        plan, start = plan_for_tomorrow(store)
        assert len(plan.assignments) == RECORDS and not plan.unplaceable and not plan.stacked
        progress = []
        summary = await BulkMove.for_plan(agent, plan, CallbackType.PERSONAL,
                                          on_progress=lambda *p: progress.append(p)).run()
        assert len(summary.confirmed) == RECORDS and summary.total == RECORDS
        assert not (summary.failed or summary.queued or summary.unconfirmed or summary.not_sent)
        assert progress[-1] == (RECORDS, RECORDS) and len(progress) == RECORDS
        assert applied_on_server(sim) == RECORDS

        truth = sim_records(sim, "agent1")
        for key, when in plan.assignments.items():
            server = truth[key.record_handle]
            assert server["scheduled"] == int(when.timestamp()) and server["callbackType"] == "Personal"
            assert start <= when < start + timedelta(days=1)
            local = when.astimezone(ZoneInfo(server["timeZone"]))
            seconds = local.hour * 3600 + local.minute * 60 + local.second
            assert server["dailyFrom"] <= seconds <= server["dailyUntil"], (key, local)
            record = store.get(key)
            assert record.status is RecordStatus.CONFIRMED and record.scheduled_at == when
        per_slot = Counter(math.floor(r["scheduled"] / SLOT.total_seconds()) for r in truth.values()
                           if r["callbackType"] == "Personal")
        assert max(per_slot.values()) == 1
    finally:
        await agent.close()


async def test_a_cancelled_move_stops_sending_and_the_server_saw_only_what_was_sent(sim):
    agent, store = await started_agent(sim)
    try:
        plan, _ = plan_for_tomorrow(store)
        before = {handle: record["scheduled"] for handle, record in sim_records(sim, "agent1").items()}
        move = BulkMove.for_plan(agent, plan, CallbackType.PERSONAL, concurrency=4,
                                 on_progress=lambda done, total: move.cancel() if done == 10 else None)
        summary = await move.run()
        sent = len(summary.confirmed)
        # The tenth outcome cancels; the (at most three) requests still on the wire finish.
        assert summary.cancelled and 10 <= sent <= 13 and not summary.failed
        assert len(summary.not_sent) == RECORDS - sent
        assert applied_on_server(sim) == sent
        after = sim_records(sim, "agent1")
        for key in summary.confirmed:
            assert after[key.record_handle]["scheduled"] == int(plan.assignments[key].timestamp())
        for key in summary.not_sent:  # never sent: the old time on the server and in the row
            assert after[key.record_handle]["scheduled"] == before[key.record_handle]
            assert store.get(key).status is RecordStatus.SCHEDULED
    finally:
        await agent.close()
