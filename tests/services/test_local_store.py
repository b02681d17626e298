"""The SQLite outbox, ledger and history: durable, versioned, and the same after a reopen."""

import asyncio
import sqlite3
import time
from pathlib import Path
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from agent_desktop.domain.records import CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey
from agent_desktop.services.local_store import MIGRATIONS, LocalStore, PendingReschedule

OWNER = "agent1@http://127.0.0.1:8090"
WHEN = datetime(2026, 12, 1, 15, 30, tzinfo=timezone.utc)


def pending(ref="ref-1", handle=9, **kw):
    return PendingReschedule(ref, OWNER, RecordKey(134, handle), "Win-back", WHEN, CallbackType.PERSONAL,
                             WHEN - timedelta(days=1), time.time(), **kw)


def record(handle, kind=CallbackType.PERSONAL, zone=("America/New_York", ZoneInfo("America/New_York"))):
    return OutboundRecord(
        key=RecordKey(134, handle), campaign_name="Win-back", calling_list="WinBack_List", phone="+12125550100",
        contact_name="Grace Walker", contact_zone=ContactZone(zone[1], zone[0]), callback_type=kind,
        scheduled_at=WHEN, calling_window=CallingWindow(9 * 3600, 20 * 3600), attempts=2, chain_id=9,
        customer_fields={"account_number": "AC-1"})


@pytest.fixture
async def store(tmp_path):
    local = LocalStore(tmp_path / "data" / "agent-desktop.sqlite3")
    await local.open()
    yield local
    await local.close()


async def test_schema_is_versioned_and_reopening_keeps_the_outbox(tmp_path):
    path = tmp_path / "db.sqlite3"
    first = LocalStore(path)
    await first.open()
    assert await first.schema_version() == len(MIGRATIONS)
    await first.add_pending(pending())
    await first.close()
    again = LocalStore(path)
    await again.open()
    [back] = await again.pending(OWNER)
    assert back == pending().__class__(**{**back.__dict__})  # round trip
    assert (back.reference_id, back.key, back.when, back.callback_type) == ("ref-1", RecordKey(134, 9), WHEN,
                                                                            CallbackType.PERSONAL)
    await again.close()


async def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(RuntimeError, match="newer version"):
        await LocalStore(path).open()


async def test_settle_moves_to_history_once(store):
    await store.add_pending(pending())
    assert await store.settle(pending(), "confirmed") is True
    assert await store.settle(pending(), "confirmed") is False  # a duplicate acknowledgement
    assert await store.pending(OWNER) == []
    [entry] = await store.history(OWNER, RecordKey(134, 9))
    assert (entry.result, entry.scheduled_at, entry.previous_at) == ("confirmed", WHEN, WHEN - timedelta(days=1))


async def test_outbox_is_per_owner_and_in_order(store):
    await store.add_pending(pending("a"))
    await store.add_pending(PendingReschedule("b", "other@x", RecordKey(1, 1), "C", WHEN, CallbackType.CAMPAIGN,
                                              None, time.time()))
    await store.add_pending(pending("c", handle=10))
    assert [p.reference_id for p in await store.pending(OWNER)] == ["a", "c"]
    await store.count_attempt("a")
    assert (await store.pending(OWNER))[0].attempts == 1


async def test_ledger_keeps_personal_callbacks_only_and_round_trips_them(store):
    await store.save_records(OWNER, [record(1), record(2, kind=CallbackType.CAMPAIGN)])
    [kept] = await store.load_records(OWNER)
    assert kept == record(1)
    await store.save_records(OWNER, [record(1, kind=CallbackType.CAMPAIGN)])  # handed to the campaign
    assert await store.load_records(OWNER) == []


async def test_offset_zones_survive_the_round_trip(store):
    from datetime import timezone as tz
    fixed = ("UTC-04:30", tz(timedelta(hours=-4, minutes=-30)))
    await store.save_records(OWNER, [record(3, zone=fixed)])
    [kept] = await store.load_records(OWNER)
    assert kept.contact_zone.label == "UTC-04:30"
    assert kept.scheduled_at.astimezone(kept.contact_zone.tz).utcoffset() == timedelta(hours=-4, minutes=-30)


async def test_a_burst_pauses_the_collector_and_resumes_it_after():
    import gc

    from agent_desktop.services.burst_gc import BURST_SIZE, QUIET_S, BurstGc

    guard = BurstGc()
    assert gc.isenabled()
    guard.batch(10)
    assert gc.isenabled()  # small batches change nothing
    guard.batch(BURST_SIZE)
    assert not gc.isenabled()
    await asyncio.sleep(QUIET_S * 2)
    assert gc.isenabled()
    guard.batch(BURST_SIZE)
    guard.end()  # a session that closes mid-burst leaves the collector on
    assert gc.isenabled()
    gc.unfreeze()


async def test_commits_go_to_the_write_ahead_log_without_waiting_for_the_disk(store):
    """WAL + synchronous=NORMAL: each commit is in the WAL file when it returns (it survives the
    app being killed, see below); only checkpoints wait for the disk (fsync: ~3 ms a commit)."""
    modes = await store._run(lambda: (store._conn().execute("PRAGMA journal_mode").fetchone()[0],
                                      store._conn().execute("PRAGMA synchronous").fetchone()[0]))
    assert modes == ("wal", 1)  # 1 = NORMAL


def test_an_outbox_row_survives_the_app_being_killed_right_after_writing_it(tmp_path):
    """SIGKILL straight after add_pending returned: the row is there when the next start reads."""
    import signal
    import subprocess
    import sys
    import textwrap

    db = tmp_path / "local.sqlite3"
    script = textwrap.dedent(f"""
        import asyncio, sys, time
        from datetime import datetime, timezone
        from agent_desktop.domain.records import CallbackType, RecordKey
        from agent_desktop.services.local_store import LocalStore, PendingReschedule

        async def main():
            local = LocalStore({str(db)!r})
            await local.open()
            when = datetime(2026, 12, 1, 15, 30, tzinfo=timezone.utc)
            await local.add_pending(PendingReschedule("killed-ref", "owner", RecordKey(134, 9), "Win-back", when,
                                                      CallbackType.PERSONAL, None, time.time(), 1))
            print("WRITTEN", flush=True)
            await asyncio.Event().wait()  # killed here, with the connection still open

        asyncio.run(main())
    """)
    app = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                           cwd=str(Path(__file__).resolve().parents[2]))
    try:
        assert app.stdout.readline().strip() == "WRITTEN"
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)

    async def read():
        local = LocalStore(db)
        await local.open()
        try:
            return await local.pending("owner")
        finally:
            await local.close()
    [survivor] = asyncio.run(read())
    assert (survivor.reference_id, survivor.attempts) == ("killed-ref", 1)


async def test_a_record_whose_kept_fields_did_not_change_is_not_written_again(store):
    first = record(1)
    assert await store.save_records(OWNER, [first, record(2, kind=CallbackType.CAMPAIGN)]) == 2

    def written_at():
        return store._conn().execute("SELECT updated_at FROM ledger WHERE record_handle = 1").fetchone()[0]
    stamp = await store._run(written_at)
    # "sending", then "confirmed": the ledger keeps neither, so neither is a write.
    import dataclasses

    from agent_desktop.domain.records import RecordStatus
    assert await store.save_records(OWNER, [dataclasses.replace(first, status=RecordStatus.SENDING)]) == 0
    assert await store.save_records(OWNER, [first]) == 0
    assert await store._run(written_at) == stamp
    moved = dataclasses.replace(first, scheduled_at=WHEN + timedelta(hours=2))
    assert await store.save_records(OWNER, [moved]) == 1
    [kept] = await store.load_records(OWNER)
    assert kept.scheduled_at == WHEN + timedelta(hours=2)
    # What another connection changed behind this store's back is not hidden by what it knows:
    # a record it was told to forget is written again when it comes back.
    await store.forget_record(OWNER, first.key)
    assert await store.save_records(OWNER, [moved]) == 1
    assert await store.load_records(OWNER) == [moved]


async def test_what_a_reopened_store_loads_is_not_written_back(tmp_path):
    path = tmp_path / "db.sqlite3"
    first = LocalStore(path)
    await first.open()
    await first.save_records(OWNER, [record(1)])
    await first.close()
    again = LocalStore(path)
    await again.open()
    [loaded] = await again.load_records(OWNER)
    assert await again.save_records(OWNER, [loaded]) == 0
    await again.close()
