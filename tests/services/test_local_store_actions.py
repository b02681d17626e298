"""Migrations 2 and 3 of the local store: the history keeps every record action and the type a
reschedule replaced, and a database of an older schema opens with its history and outbox intact."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timedelta, timezone

from agent_desktop.domain.records import CallbackType, RecordKey
from agent_desktop.services.local_store import MIGRATIONS, LocalStore, PendingReschedule

OWNER = "agent1@http://127.0.0.1:8090"
KEY = RecordKey(134, 9)
WHEN = datetime(2026, 12, 1, 15, 30, tzinfo=timezone.utc)


def schema_1_database(path) -> None:
    """A database as version 1 left it, with one settled reschedule."""
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0])
        db.execute("INSERT INTO history (owner, application_id, record_handle, reference_id, previous_at,"
                   " scheduled_at, callback_type, requested_at, settled_at, result, reason)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   (OWNER, 134, 9, "old-ref", int((WHEN - timedelta(days=1)).timestamp()),
                    int(WHEN.timestamp()), "Personal", 1.0, 2.0, "confirmed", ""))
        db.execute("PRAGMA user_version = 1")


async def test_a_schema_1_database_keeps_its_history_after_migration(tmp_path):
    path = tmp_path / "old.sqlite3"
    schema_1_database(path)
    local = LocalStore(path)
    await local.open()
    try:
        assert await local.schema_version() == len(MIGRATIONS) == 3
        [entry] = await local.history(OWNER, KEY)
        assert (entry.reference_id, entry.action, entry.scheduled_at, entry.callback_type, entry.result) == (
            "old-ref", "reschedule", WHEN, CallbackType.PERSONAL, "confirmed")
        # Still a working outbox and history after the rebuild.
        pending = PendingReschedule("new-ref", OWNER, KEY, "Win-back", WHEN, CallbackType.CAMPAIGN, WHEN, time.time())
        await local.add_pending(pending)
        assert await local.settle(pending, "confirmed")
        assert [e.reference_id for e in await local.history(OWNER, KEY)] == ["old-ref", "new-ref"]
    finally:
        await local.close()


async def test_other_actions_are_kept_apart_from_the_reschedule_history(tmp_path):
    local = LocalStore(tmp_path / "db.sqlite3")
    await local.open()
    try:
        await local.add_history(OWNER, KEY, "complete", "c-1", requested_at=time.time(), result="confirmed",
                                detail="WrongParty", previous_at=WHEN)
        await local.add_history(OWNER, KEY, "cancel", "c-2", requested_at=time.time(), result="failed",
                                reason="Record 9 is no longer active (it was processed)")
        assert await local.history(OWNER, KEY) == []  # the reschedule history, as the window reads it
        complete, cancel = await local.history(OWNER, KEY, every_action=True)
        assert (complete.action, complete.detail, complete.previous_at, complete.scheduled_at) == (
            "complete", "WrongParty", WHEN, None)
        assert (cancel.action, cancel.result, cancel.callback_type) == ("cancel", "failed", None)
        assert "no longer active" in cancel.reason
    finally:
        await local.close()


async def test_a_schema_2_database_keeps_its_outbox_and_history_and_learns_the_previous_type(tmp_path):
    path = tmp_path / "v2.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0])
        db.executescript(MIGRATIONS[1])
        db.execute("INSERT INTO outbox VALUES (?,?,?,?,?,?,?,?,?,?)",
                   ("queued-ref", OWNER, 134, 9, "Win-back", int(WHEN.timestamp()), "Campaign",
                    int((WHEN - timedelta(days=1)).timestamp()), 5.0, 1))
        db.execute("PRAGMA user_version = 2")
    local = LocalStore(path)
    await local.open()
    try:
        assert await local.schema_version() == 3
        [queued] = await local.pending(OWNER)
        assert (queued.reference_id, queued.callback_type, queued.attempts, queued.previous_type) == (
            "queued-ref", CallbackType.CAMPAIGN, 1, None)  # written before the type was kept: not known
        assert await local.settle(queued, "confirmed")
        later = PendingReschedule("new-ref", OWNER, KEY, "Win-back", WHEN + timedelta(days=1), CallbackType.CAMPAIGN,
                                  WHEN, time.time(), previous_type=CallbackType.PERSONAL)
        await local.add_pending(later)
        [waiting] = await local.pending(OWNER)
        assert waiting == later
        assert await local.settle(later, "confirmed")
        old, new = await local.history(OWNER, KEY)
        assert (old.reference_id, old.previous_type) == ("queued-ref", None)
        assert (new.reference_id, new.previous_at, new.callback_type, new.previous_type) == (
            "new-ref", WHEN, CallbackType.CAMPAIGN, CallbackType.PERSONAL)
    finally:
        await local.close()
