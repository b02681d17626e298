"""The agent's records, keyed by :class:`RecordKey`, with change events.

GWS has no "list my records" call: records arrive one notification at a time. The store is the
single place that knows them. Listeners receive each batch of changes as a list, so a view can
update just the rows that changed (and insert many rows in one go) instead of resetting.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import logging
from typing import Callable, Iterable, Iterator, NamedTuple

from agent_desktop.domain.records import OutboundRecord, RecordKey


class ChangeKind(enum.Enum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


class RecordChange(NamedTuple):
    """A named tuple: a burst of 100,000 arrivals makes 100,000 of these."""

    kind: ChangeKind
    key: RecordKey
    record: OutboundRecord | None  # None when removed
    previous: OutboundRecord | None  # None when added
    position: int  # the row: where it is now, or where it was before removal


log = logging.getLogger(__name__)

Listener = Callable[[list[RecordChange]], None]
# RecordChange(...) without the named tuple's __new__ (a Python function): for a burst's additions.
_new_change = functools.partial(tuple.__new__, RecordChange)
# Enum members looked up once: attribute access on an Enum class is slow in a hot loop.
_ADDED, _CHANGED, _REMOVED = ChangeKind.ADDED, ChangeKind.CHANGED, ChangeKind.REMOVED


class RecordStore:
    """Records in arrival order, addressable by key and by position."""

    def __init__(self) -> None:
        self._records: dict[RecordKey, OutboundRecord] = {}
        self._order: list[RecordKey] = []
        self._position: dict[RecordKey, int] = {}
        self._listeners: list[Listener] = []

    # -- reading ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[OutboundRecord]:
        return (self._records[key] for key in self._order)

    def __contains__(self, key: object) -> bool:
        return key in self._records

    def get(self, key: RecordKey) -> OutboundRecord | None:
        return self._records.get(key)

    def at(self, position: int) -> OutboundRecord:
        return self._records[self._order[position]]

    def position_of(self, key: RecordKey) -> int | None:
        return self._position.get(key)

    # -- listening -------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every batch of changes; returns the function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, changes: list[RecordChange]) -> None:
        if changes:
            for listener in list(self._listeners):
                try:
                    listener(changes)
                except Exception:  # noqa: BLE001 - one failing view must not leave the others stale
                    log.exception("a record store listener failed")

    # -- writing ---------------------------------------------------------------------------
    def upsert(self, record: OutboundRecord) -> RecordChange | None:
        """Add or replace one record; None when it equals what the store already has."""
        changes = self.upsert_many([record])
        return changes[0] if changes else None

    def upsert_many(self, records: Iterable[OutboundRecord]) -> list[RecordChange]:
        """Add new records at the end and replace known ones; one batch for listeners.

        New records are appended in order, so ``ADDED`` changes of one batch occupy consecutive
        positions: a view can insert them with a single row-insert.
        """
        changes: list[RecordChange] = []
        add_change = changes.append
        known, order, positions = self._records, self._order, self._position
        add_key = order.append
        for record in records:
            key = record.key
            previous = known.get(key)
            known[key] = record
            if previous is None:
                position = len(order)
                positions[key] = position
                add_key(key)
                add_change(_new_change((_ADDED, key, record, None, position)))
            elif previous != record:
                add_change(RecordChange(_CHANGED, key, record, previous, positions[key]))
        self._emit(changes)
        return changes

    def update(self, key: RecordKey, **fields: object) -> OutboundRecord:
        """Replace some fields of a known record; raises KeyError for an unknown key."""
        previous = self._records[key]
        record = dataclasses.replace(previous, **fields)  # type: ignore[arg-type]
        if record != previous:
            self._records[key] = record
            self._emit([RecordChange(_CHANGED, key, record, previous, self._position[key])])
        return record

    def remove(self, key: RecordKey) -> OutboundRecord | None:
        previous = self._records.pop(key, None)
        if previous is None:
            return None
        index = self._position.pop(key)
        del self._order[index]
        for later in self._order[index:]:
            self._position[later] -= 1
        self._emit([RecordChange(_REMOVED, key, None, previous, index)])
        return previous
