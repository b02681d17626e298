"""Helpers for end-to-end tests: the simulator's own view, and waiting on store and events."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from typing import Callable

import httpx

from agent_desktop.domain.records import CallbackType
from agent_desktop.domain.schedule import next_valid_slot
from agent_desktop.domain.store import RecordStore


def sim_records(sim, agent: str) -> dict[int, dict]:
    """The simulator's own view of an agent's records (test aid endpoint, not GWS)."""
    reply = httpx.get(f"{sim.url}/sim/records", params={"agent": agent}, timeout=5)
    reply.raise_for_status()
    return {r["handle"]: r for r in reply.json()["records"]}


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
