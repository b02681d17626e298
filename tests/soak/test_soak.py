"""Soak: many reschedules from several agents through random faults and two server restarts.

Every reschedule must end confirmed, failed with a reason, or replaced by a newer reschedule of
the same record; none may be lost, none applied twice with different times. 1,000 reschedules by
default (about 20 s here); ``SOAK_RESCHEDULES=N scripts/test.sh tests/soak -s`` changes the size
and prints the counts.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from agent_desktop.domain.records import CallbackType, RecordStatus
from agent_desktop.domain.schedule import next_valid_slot
from agent_desktop.domain.store import RecordStore
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.backoff import Backoff
from agent_desktop.services.errors import AcknowledgementTimeout, GwsError
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.local_store import LocalStore
from agent_desktop.simulator import SimulatorConfig, SimulatorThread
from support.e2e import sim_records, wait_for_store

pytestmark = pytest.mark.soak

AGENTS = 5
TOTAL = int(os.environ.get("SOAK_RESCHEDULES", "1000"))
FAULTS = dict(http_5xx_rate=0.05, drop_ack_rate=0.05, ack_delay_ms=20, ack_jitter_ms=60, latency_ms=5)


async def run_agent(index: int, sim, db: Path, count: int, rng: random.Random, report: Counter,
                    intents: dict, progress: list) -> AgentSession:
    user = f"agent{index + 1}"
    store = RecordStore()
    agent = AgentSession(GwsSession(sim.url, user, sim.password), store, local=LocalStore(db),
                         ack_timeout_s=1.0, backoff=Backoff(base_s=0.05, cap_s=1.0, rng=rng))
    while True:  # the start itself may meet a 503: an agent would simply log in again
        try:
            await agent.start()
            break
        except GwsError:
            report["start retried"] += 1
            store = RecordStore()
            agent = AgentSession(GwsSession(sim.url, user, sim.password), store, local=LocalStore(db),
                                 ack_timeout_s=1.0, backoff=Backoff(base_s=0.05, cap_s=1.0, rng=rng))
    expected = len(sim_records(sim, user))
    await wait_for_store(store, lambda: len(store) >= expected, timeout_s=30)
    keys = [record.key for record in store]
    for _ in range(count):
        key = rng.choice(keys)
        record = store.get(key)
        now = datetime.now(timezone.utc)
        when = next_valid_slot(now + timedelta(hours=rng.randint(1, 96)), record=record)
        kind = rng.choice(list(CallbackType))
        try:
            outcome = await agent.reschedule(key, when, kind)
            report["queued when sent" if outcome.status is RecordStatus.QUEUED else "confirmed at once"] += 1
        except AcknowledgementTimeout:
            report["unconfirmed, retried by itself"] += 1
        except GwsError as error:
            report[f"failed: {error.message}"] += 1
        intents[(user, key.record_handle)].append((int(when.timestamp()), kind.value))
        progress.append(1)
    return agent


def settled(agent: AgentSession) -> bool:
    return not agent._pending and all(r.status is not RecordStatus.SENDING for r in agent.store)


@pytest.mark.timeout(900)
async def test_soak(tmp_path):
    journal = tmp_path / "journal.jsonl"
    rng = random.Random(20261127)
    config = SimulatorConfig(host="127.0.0.1", port=0, agents=AGENTS, records_per_agent=20, seed=11,
                             journal=str(journal), fault_seed=5, **FAULTS)
    report: Counter = Counter()
    intents: dict = defaultdict(list)
    progress: list = []
    with SimulatorThread(config) as sim:
        per_agent = TOTAL // AGENTS
        workers = [asyncio.create_task(run_agent(i, sim, tmp_path / f"agent{i}.sqlite3", per_agent,
                                                 random.Random(rng.random()), report, intents, progress))
                   for i in range(AGENTS)]

        async def restarts() -> None:
            for fraction in (1 / 3, 2 / 3):
                while len(progress) < TOTAL * fraction and not all(w.done() for w in workers):
                    await asyncio.sleep(0.05)
                await asyncio.to_thread(sim.restart, 0.5)
                report["server restarts"] += 1

        restarter = asyncio.create_task(restarts())
        agents = await asyncio.gather(*workers)
        await restarter
        await asyncio.to_thread(sim.set_faults, http_5xx_rate=0.0, drop_ack_rate=0.0)
        async with asyncio.timeout(180):  # everything still pending goes out and settles
            while not all(settled(agent) for agent in agents):
                await asyncio.sleep(0.1)
        statuses = Counter(r.status.value for agent in agents for r in agent.store)
        truth = {(a, h): rec for a in (f"agent{i + 1}" for i in range(AGENTS))
                 for h, rec in sim_records(sim, a).items()}
        stats = __import__("httpx").get(f"{sim.url}/sim/stats").json()
        for agent in agents:
            await agent.close()

    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    ops = [line for line in lines if line["operation"] == "RescheduleRecord"]
    applied = defaultdict(set)
    for line in ops:
        if line["verdict"] == "acknowledged" and not line.get("duplicate"):
            applied[line["body"]["referenceId"]].add((line["body"]["timestamp"], line["body"]["callbackType"]))
    summary = {
        "reschedules": len(progress), "outcomes seen by the agents": dict(report),
        "row statuses at the end": dict(statuses), "requests received": len(ops),
        "duplicates acknowledged again": sum(1 for line in ops if line.get("duplicate")),
        "simulator stats": stats,
    }
    print("\nSOAK " + json.dumps(summary, indent=1, default=str))

    assert len(progress) == per_agent * AGENTS
    assert statuses.get("sending", 0) == 0 and statuses.get("queued", 0) == 0 and statuses.get("unconfirmed", 0) == 0
    assert all(len(variants) == 1 for variants in applied.values()), "a referenceId applied with two times"
    # Last write wins and nothing is lost: each record ends at the last time its agent asked for
    # (when that last request was not refused).
    mismatched = []
    for (user, handle), wanted in intents.items():
        final = truth[(user, handle)]
        if (final["scheduled"], final["callbackType"]) != wanted[-1]:
            mismatched.append((user, handle, wanted[-1], final["scheduled"], final["callbackType"]))
    failed = sum(n for name, n in report.items() if name.startswith("failed"))
    assert len(mismatched) <= failed, mismatched
