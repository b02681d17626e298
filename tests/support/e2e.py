"""Helpers for end-to-end tests: the simulator's own view, and waiting on store and events."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone
from typing import Callable
from zoneinfo import ZoneInfo

import httpx

from agent_desktop.domain.records import CallbackType
from agent_desktop.domain.schedule import next_valid_slot
from agent_desktop.domain.store import RecordStore
from agent_desktop.simulator.timeutil import in_daily_window


def sim_records(sim, agent: str) -> dict[int, dict]:
    """The simulator's own view of an agent's records (test aid endpoint, not GWS)."""
    reply = httpx.get(f"{sim.url}/sim/records", params={"agent": agent}, timeout=5)
    reply.raise_for_status()
    return {r["handle"]: r for r in reply.json()["records"]}


def make_personal_callbacks_due_soon(sim, agent: str, count: int = 2) -> list[int]:
    """Make ``count`` of the agent's records personal callbacks due 1–7 hours from now, each on a
    quarter hour inside its contact's calling window (so the server takes them as they are), and
    return their handles. Call it before the agent logs in. The demo data follows the clock: at
    some hours of the day none of an agent's personal callbacks falls in the next hours."""
    first_quarter = (int(time.time()) // 900 + 1) * 900
    chosen: list[int] = []
    for handle, record in sorted(sim_records(sim, agent).items()):
        zone = ZoneInfo(record["timeZone"])
        for moment in range(first_quarter + 3600, first_quarter + 7 * 3600, 900):
            if in_daily_window(moment, zone, record["dailyFrom"], record["dailyUntil"]):  # the server's own check
                reply = httpx.post(f"{sim.url}/sim/set-schedule", timeout=5,
                                   json={"handle": handle, "timestamp": moment, "callbackType": "Personal"})
                reply.raise_for_status()
                chosen.append(handle)
                break
        if len(chosen) == count:
            return chosen
    raise AssertionError(f"no {count} records of {agent} may be called in the next hours")


async def wait_for_store(store: RecordStore, predicate: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Wait until ``predicate`` holds, re-checking on every store change (no polling sleeps)."""
    changed = asyncio.Event()
    stop = store.subscribe(lambda changes: changed.set())
    try:
        async with asyncio.timeout(timeout_s):
            while not predicate():
                changed.clear()
                await changed.wait()
    finally:
        stop()


class EventLog:
    """Collects service events and lets a test await one of a kind."""

    def __init__(self) -> None:
        self.events: list = []
        self._arrived = asyncio.Event()

    def __call__(self, event) -> None:
        self.events.append(event)
        self._arrived.set()

    async def wait_for(self, kind: type, timeout_s: float = 15.0):
        async with asyncio.timeout(timeout_s):
            while True:
                for event in self.events:
                    if isinstance(event, kind):
                        return event
                self._arrived.clear()
                await self._arrived.wait()


def first_personal_with_slot(store, lead=timedelta(hours=1)):
    now = datetime.now(timezone.utc)
    for record in store:
        if record.callback_type is CallbackType.PERSONAL:
            slot = next_valid_slot(now + lead, record=record)
            if slot:
                return record, slot
    raise AssertionError("the demo data has no personal callback")


async def wait_for_state(events: EventLog, state, *, after: int = 0, timeout_s: float = 20.0) -> None:
    """Wait for a ConnectionStateChanged to ``state`` among the events from index ``after``."""
    from agent_desktop.services.events import ConnectionStateChanged

    async with asyncio.timeout(timeout_s):
        while not any(isinstance(e, ConnectionStateChanged) and e.state is state for e in events.events[after:]):
            events._arrived.clear()
            await events._arrived.wait()
