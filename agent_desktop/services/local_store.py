"""Durable local state in SQLite: the outbox, the ledger of personal callbacks, the history.

* Outbox: every reschedule is written here *before* it is sent, and leaves only when GWS
  acknowledged it or refused it for good. A crash, a kill or a dead network loses nothing: the
  next start sends it again with the same ``referenceId``.
* Ledger: the agent's personal callbacks, so the list is there after a restart, before (or
  without) the server pushing them again.
* History: each record's reschedules (old time → new time, type, when, result) and the other
  actions taken on it (cancel, do-not-call, complete, a new number), with their result.

One connection, used from one worker thread: SQLite work never runs on the UI thread, and the
calls are serialised without locks. Passwords are never written here. Migrations are numbered;
``PRAGMA user_version`` says which ones ran.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from agent_desktop.domain.records import CallbackType, CallingWindow, OutboundRecord, RecordKey
from agent_desktop.domain.timezones import resolve_contact_zone

T = TypeVar("T")

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE outbox (
        reference_id   TEXT PRIMARY KEY,
        owner          TEXT NOT NULL,
        application_id INTEGER NOT NULL,
        record_handle  INTEGER NOT NULL,
        campaign_name  TEXT NOT NULL,
        scheduled_at   INTEGER NOT NULL,
        callback_type  TEXT NOT NULL,
        previous_at    INTEGER,
        created_at     REAL NOT NULL,
        attempts       INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX outbox_owner ON outbox(owner, created_at);
    CREATE TABLE ledger (
        owner          TEXT NOT NULL,
        application_id INTEGER NOT NULL,
        record_handle  INTEGER NOT NULL,
        record_json    TEXT NOT NULL,
        updated_at     REAL NOT NULL,
        PRIMARY KEY (owner, application_id, record_handle)
    );
    CREATE TABLE history (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        owner          TEXT NOT NULL,
        application_id INTEGER NOT NULL,
        record_handle  INTEGER NOT NULL,
        reference_id   TEXT NOT NULL,
        previous_at    INTEGER,
        scheduled_at   INTEGER NOT NULL,
        callback_type  TEXT NOT NULL,
        requested_at   REAL NOT NULL,
        settled_at     REAL NOT NULL,
        result         TEXT NOT NULL,
        reason         TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX history_record ON history(owner, application_id, record_handle, settled_at);
    """,
    # 2: the history keeps every record action, not only reschedules: ``action`` says which,
    # ``detail`` what it carried (a call result, a new number); a reschedule's time and type
    # may be empty. SQLite cannot drop NOT NULL in place: the table is rebuilt, rows kept.
    """
    CREATE TABLE history_v2 (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        owner          TEXT NOT NULL,
        application_id INTEGER NOT NULL,
        record_handle  INTEGER NOT NULL,
        reference_id   TEXT NOT NULL,
        action         TEXT NOT NULL DEFAULT 'reschedule',
        previous_at    INTEGER,
        scheduled_at   INTEGER,
        callback_type  TEXT,
        detail         TEXT NOT NULL DEFAULT '',
        requested_at   REAL NOT NULL,
        settled_at     REAL NOT NULL,
        result         TEXT NOT NULL,
        reason         TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO history_v2 (id, owner, application_id, record_handle, reference_id, previous_at,
                            scheduled_at, callback_type, requested_at, settled_at, result, reason)
        SELECT id, owner, application_id, record_handle, reference_id, previous_at, scheduled_at,
               callback_type, requested_at, settled_at, result, reason FROM history;
    DROP TABLE history;
    ALTER TABLE history_v2 RENAME TO history;
    CREATE INDEX history_record ON history(owner, application_id, record_handle, settled_at);
    """,
    # 3: a reschedule keeps the type the record had before it, as it keeps the time, so that
    # "Restore previous time" gives both back. Empty for the rows written before.
    """
    ALTER TABLE outbox ADD COLUMN previous_type TEXT;
    ALTER TABLE history ADD COLUMN previous_type TEXT;
    """,
)

RESCHEDULE = "reschedule"  # the history's action of a reschedule


@dataclass(frozen=True)
class PendingReschedule:
    """A reschedule in the outbox: enough to send it again, identically, after a restart."""

    reference_id: str
    owner: str
    key: RecordKey
    campaign_name: str
    when: datetime
    callback_type: CallbackType
    previous_at: datetime | None
    created_at: float
    attempts: int = 0
    previous_type: CallbackType | None = None  # the record's type before; None if not known


@dataclass(frozen=True)
class HistoryEntry:
    reference_id: str
    previous_at: datetime | None
    scheduled_at: datetime | None  # None for an action that is not a reschedule
    callback_type: CallbackType | None
    requested_at: datetime
    settled_at: datetime
    result: str  # "confirmed" or "failed" (a reschedule also "superseded")
    reason: str
    action: str = RESCHEDULE  # or one of services.record_actions' action names
    detail: str = ""  # what the action carried: a call result, a new number
    previous_type: CallbackType | None = None  # a reschedule's type before; None if not known

def _epoch(moment: datetime | None) -> int | None:
    return int(moment.timestamp()) if moment else None


def _moment(epoch: int | None) -> datetime | None:
    return datetime.fromtimestamp(epoch, timezone.utc) if epoch is not None else None


def _type_text(callback_type: CallbackType | None) -> str | None:
    return callback_type.value if callback_type is not None else None


def _type(text: str | None) -> CallbackType | None:
    try:
        return CallbackType(text) if text else None
    except ValueError:  # written by a newer version that knows more types: not known here
        return None


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def record_to_json(record: OutboundRecord) -> str:
    zone = record.contact_zone
    offset = None
    if zone is not None:
        delta = (record.scheduled_at or datetime.now(timezone.utc)).astimezone(zone.tz).utcoffset()
        offset = int(delta.total_seconds()) if delta is not None else None
    return json.dumps({
        "campaign": record.campaign_name, "list": record.calling_list, "phone": record.phone,
        "name": record.contact_name, "zone": zone.label if zone else None, "offset": offset,
        "type": record.callback_type.value if record.callback_type else None,
        "at": _epoch(record.scheduled_at),
        "window": [record.calling_window.start_s, record.calling_window.end_s] if record.calling_window else None,
        "attempts": record.attempts, "chain": record.chain_id, "fields": dict(record.customer_fields),
    }, ensure_ascii=False)


def record_from_json(key: RecordKey, text: str) -> OutboundRecord:
    data = json.loads(text)
    window = data.get("window")
    return OutboundRecord(
        key=key,
        campaign_name=data["campaign"],
        calling_list=data.get("list"),
        phone=data.get("phone") or "",
        contact_name=data.get("name") or "",
        contact_zone=resolve_contact_zone(data.get("zone"), None, data.get("offset")),
        callback_type=CallbackType(data["type"]) if data.get("type") else None,
        scheduled_at=_moment(data.get("at")),
        calling_window=CallingWindow(*window) if window else None,
        attempts=data.get("attempts") or 0,
        chain_id=data.get("chain"),
        customer_fields=data.get("fields") or {},
    )


class LocalStore:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="local-store")
        self._db: sqlite3.Connection | None = None
        # A digest of each personal callback's ledger row, as this store last wrote or read it:
        # a record whose kept fields did not change (a status change: "sending", then
        # "confirmed", for every reschedule) is not written again.
        self._ledger_rows: dict[tuple[str, int, int], bytes] = {}

    async def _run(self, work: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, work, *args)

    # -- opening and migrations --------------------------------------------------------------
    async def open(self) -> None:
        await self._run(self._open)

    def _open(self) -> None:
        if self._db is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL: a commit is written to the WAL file before it returns, so
        # it survives the app crashing or being killed (the outbox's purpose); only the WAL
        # checkpoints wait for the disk. FULL also waited for the disk at every commit: ~3 ms
        # here, three times per reschedule, on the way to the server and back. What NORMAL gives
        # up: after a power cut or an OS crash the last commits may be missing (the database
        # stays consistent) — a reschedule accepted just before it is then not sent again.
        db.execute("PRAGMA synchronous=NORMAL")
        self._migrate(db)
        self._db = db

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise RuntimeError(f"the local database is from a newer version (schema {version})")
        for number in range(version, len(MIGRATIONS)):
            db.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    async def schema_version(self) -> int:
        return await self._run(lambda: self._conn().execute("PRAGMA user_version").fetchone()[0])

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("the local store is not open")
        return self._db

    async def close(self) -> None:
        def close() -> None:
            if self._db is not None:
                self._db.close()
                self._db = None
        await self._run(close)
        self._executor.shutdown(wait=True)

    # -- outbox ------------------------------------------------------------------------------
    async def add_pending(self, pending: PendingReschedule) -> None:
        def add() -> None:
            self._conn().execute(
                "INSERT INTO outbox (reference_id, owner, application_id, record_handle, campaign_name,"
                " scheduled_at, callback_type, previous_at, created_at, attempts, previous_type)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (pending.reference_id, pending.owner, pending.key.application_id, pending.key.record_handle,
                 pending.campaign_name, _epoch(pending.when), pending.callback_type.value,
                 _epoch(pending.previous_at), pending.created_at, pending.attempts, _type_text(pending.previous_type)))
        await self._run(add)

    async def pending(self, owner: str) -> list[PendingReschedule]:
        def read() -> list[PendingReschedule]:
            rows = self._conn().execute(
                "SELECT reference_id, owner, application_id, record_handle, campaign_name, scheduled_at,"
                " callback_type, previous_at, created_at, attempts, previous_type FROM outbox WHERE owner = ?"
                " ORDER BY created_at", (owner,)).fetchall()
            return [PendingReschedule(r[0], r[1], RecordKey(r[2], r[3]), r[4], _moment(r[5]),  # type: ignore[arg-type]
                                      CallbackType(r[6]), _moment(r[7]), r[8], r[9], _type(r[10])) for r in rows]
        return await self._run(read)

    async def count_attempt(self, reference_id: str) -> None:
        await self._run(lambda: self._conn().execute(
            "UPDATE outbox SET attempts = attempts + 1 WHERE reference_id = ?", (reference_id,)))

    async def settle(self, pending: PendingReschedule, result: str, reason: str = "") -> bool:
        """Take the reschedule out of the outbox and write its history; False if already settled."""
        def settle() -> bool:
            db = self._conn()
            db.execute("BEGIN IMMEDIATE")
            try:
                gone = db.execute("DELETE FROM outbox WHERE reference_id = ?", (pending.reference_id,)).rowcount
                if gone:
                    db.execute(
                        "INSERT INTO history (owner, application_id, record_handle, reference_id, previous_at,"
                        " scheduled_at, callback_type, requested_at, settled_at, result, reason, previous_type)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        (pending.owner, pending.key.application_id, pending.key.record_handle,
                         pending.reference_id, _epoch(pending.previous_at), _epoch(pending.when),
                         pending.callback_type.value, pending.created_at, time.time(), result, reason,
                         _type_text(pending.previous_type)))
                db.execute("COMMIT")
                return bool(gone)
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return await self._run(settle)

    async def add_history(self, owner: str, key: RecordKey, action: str, reference_id: str, *,
                          requested_at: float, result: str, reason: str = "", detail: str = "",
                          previous_at: datetime | None = None) -> None:
        """One settled record action other than a reschedule (those go through ``settle``)."""
        await self._run(lambda: self._conn().execute(
            "INSERT INTO history (owner, application_id, record_handle, reference_id, action, previous_at,"
            " detail, requested_at, settled_at, result, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (owner, key.application_id, key.record_handle, reference_id, action, _epoch(previous_at),
             detail, requested_at, time.time(), result, reason)))

    async def history(self, owner: str, key: RecordKey, *, every_action: bool = False) -> list[HistoryEntry]:
        """The record's reschedules, oldest first; with ``every_action`` its other actions too
        (whose ``scheduled_at`` and ``callback_type`` are None)."""
        def read() -> list[HistoryEntry]:
            only = "" if every_action else f" AND action = '{RESCHEDULE}'"
            rows = self._conn().execute(
                "SELECT reference_id, previous_at, scheduled_at, callback_type, requested_at, settled_at,"
                " result, reason, action, detail, previous_type FROM history"
                " WHERE owner = ? AND application_id = ? AND record_handle = ?" + only +
                " ORDER BY settled_at, id", (owner, key.application_id, key.record_handle)).fetchall()
            return [HistoryEntry(r[0], _moment(r[1]), _moment(r[2]), CallbackType(r[3]) if r[3] else None,
                                 datetime.fromtimestamp(r[4], timezone.utc),
                                 datetime.fromtimestamp(r[5], timezone.utc), r[6], r[7], r[8], r[9], _type(r[10]))
                    for r in rows]
        return await self._run(read)

    # -- ledger ------------------------------------------------------------------------------
    async def save_records(self, owner: str, records: Iterable[OutboundRecord]) -> int:
        """Keep personal callbacks; forget records that are no longer this agent's personal ones.

        Returns how many rows were written: records whose kept fields are what the ledger holds
        already cost nothing (not even a transaction)."""
        known = self._ledger_rows
        rows = []
        for record in records:
            text = record_to_json(record) if record.callback_type is CallbackType.PERSONAL else None
            if text is None or known.get((owner, *record.key)) != _digest(text):
                rows.append((record, text))
        if not rows:
            return 0

        def save() -> None:
            db = self._conn()
            db.execute("BEGIN IMMEDIATE")
            try:
                now = time.time()
                for record, text in rows:
                    key = record.key
                    if text is None:
                        db.execute("DELETE FROM ledger WHERE owner=? AND application_id=? AND record_handle=?",
                                   (owner, key.application_id, key.record_handle))
                    else:
                        db.execute("INSERT OR REPLACE INTO ledger VALUES (?,?,?,?,?)",
                                   (owner, key.application_id, key.record_handle, text, now))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        await self._run(save)
        for record, text in rows:
            if text is None:
                known.pop((owner, *record.key), None)
            else:
                known[(owner, *record.key)] = _digest(text)
        return len(rows)

    async def forget_record(self, owner: str, key: RecordKey) -> None:
        await self._run(lambda: self._conn().execute(
            "DELETE FROM ledger WHERE owner=? AND application_id=? AND record_handle=?",
            (owner, key.application_id, key.record_handle)))
        self._ledger_rows.pop((owner, *key), None)

    async def load_records(self, owner: str) -> list[OutboundRecord]:
        def read() -> list[tuple[int, int, str]]:
            return self._conn().execute(
                "SELECT application_id, record_handle, record_json FROM ledger WHERE owner = ?"
                " ORDER BY updated_at", (owner,)).fetchall()
        rows = await self._run(read)
        for application_id, record_handle, text in rows:
            self._ledger_rows[(owner, application_id, record_handle)] = _digest(text)
        return [record_from_json(RecordKey(r[0], r[1]), r[2]) for r in rows]
