"""The grace period before a reschedule is sent: undo sends nothing, the deadline sends once."""

from __future__ import annotations

import asyncio

import pytest

from agent_desktop.services.grace import GracePeriod


class Recorder:
    def __init__(self) -> None:
        self.sent: list[str] = []
        self.tasks: list[asyncio.Task] = []
        self.changes = 0
        self.arrived = asyncio.Event()

    def spawn(self, coro) -> None:
        self.tasks.append(asyncio.get_running_loop().create_task(coro))

    def sender(self, name: str):
        async def send() -> None:
            self.sent.append(name)
            self.arrived.set()
        return send

    def changed(self) -> None:
        self.changes += 1


@pytest.mark.asyncio
async def test_a_held_action_is_sent_once_when_its_grace_period_ends() -> None:
    rec = Recorder()
    grace = GracePeriod(0.02, rec.spawn, on_change=rec.changed)
    action = grace.hold("k1", "Ana → 14:30", rec.sender("a"))
    assert action is not None and grace.held == [action]
    assert rec.sent == []  # nothing goes before the deadline
    await asyncio.wait_for(rec.arrived.wait(), 5)
    await asyncio.gather(*rec.tasks)
    assert rec.sent == ["a"]
    assert grace.held == []
    assert grace.undo(action) is None  # too late: it is on its way
    assert rec.changes == 2  # held, then released


@pytest.mark.asyncio
async def test_undo_takes_back_the_newest_and_nothing_is_sent() -> None:
    rec = Recorder()
    grace = GracePeriod(60, rec.spawn, on_change=rec.changed)
    first = grace.hold("k1", "first", rec.sender("first"))
    second = grace.hold("k2", "second", rec.sender("second"))
    assert grace.undo() is second
    assert grace.held == [first]
    assert grace.undo(first) is first
    assert grace.undo() is None
    assert grace.send_all_now() == 0
    await asyncio.sleep(0)
    assert rec.sent == [] and rec.tasks == []


@pytest.mark.asyncio
async def test_a_newer_action_on_the_same_record_replaces_the_held_one() -> None:
    rec = Recorder()
    grace = GracePeriod(60, rec.spawn)
    grace.hold("k1", "Tue", rec.sender("tue"))
    newer = grace.hold("k1", "Wed", rec.sender("wed"))
    assert grace.held == [newer]
    assert grace.send_all_now() == 1
    await asyncio.gather(*rec.tasks)
    assert rec.sent == ["wed"]


@pytest.mark.asyncio
async def test_closing_sends_what_is_held_instead_of_dropping_it() -> None:
    rec = Recorder()
    grace = GracePeriod(60, rec.spawn)
    grace.hold("k1", "a", rec.sender("a"))
    grace.hold("k2", "b", rec.sender("b"))
    assert grace.send_all_now() == 2
    await asyncio.gather(*rec.tasks)
    assert rec.sent == ["a", "b"]  # oldest first


@pytest.mark.asyncio
async def test_no_grace_period_sends_at_once() -> None:
    rec = Recorder()
    grace = GracePeriod(0, rec.spawn)
    assert grace.hold("k1", "a", rec.sender("a")) is None
    await asyncio.gather(*rec.tasks)
    assert rec.sent == ["a"]
