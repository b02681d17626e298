"""The agent's own load: personal callbacks counted per slot, so a picker can warn of collisions.

Only personal callbacks are the agent's to make; campaign callbacks go to whichever agent of the
campaign is free, so they never collide with anything. Slots are counted from the Unix epoch
(``slot_length`` apart), so the agent's and the contact's clocks agree on where a slot starts,
daylight saving or not.

Queries look at one to three slots, never at every record: the store may hold 100,000 records,
and the dialog asks on every key press. Times are compared in UTC: Python subtracts and compares
two datetimes of the same zone by their wall clocks, which is wrong across an autumn fold.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Iterator
from datetime import datetime, timedelta, timezone

from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey
from agent_desktop.domain.store import ChangeKind, RecordChange

DEFAULT_SLOT_LENGTH = timedelta(minutes=15)

Excluded = RecordKey | Collection[RecordKey] | None


def _excluded_set(exclude: Excluded) -> Collection[RecordKey]:
    # A RecordKey is itself a tuple: tell one key from a collection of keys before anything else.
    if exclude is None:
        return ()
    if isinstance(exclude, RecordKey):
        return (exclude,)
    return exclude


def _utc(record: OutboundRecord) -> datetime:
    return record.scheduled_at.astimezone(timezone.utc)  # type: ignore[union-attr]


def is_personal_callback(record: OutboundRecord) -> bool:
    return record.callback_type is CallbackType.PERSONAL and record.scheduled_at is not None


class AgentLoad:
    """The agent's personal callbacks with a time, bucketed by slot; kept current incrementally."""

    def __init__(self, records: Iterable[OutboundRecord] = (), *,
                 slot_length: timedelta = DEFAULT_SLOT_LENGTH) -> None:
        slot_s = slot_length.total_seconds()
        if slot_s < 1:
            raise ValueError(f"slot length must be at least one second, got {slot_length}")
        self._slot_length = slot_length
        self._slot_s = slot_s
        self._buckets: dict[int, dict[RecordKey, OutboundRecord]] = {}
        self._bucket_of: dict[RecordKey, int] = {}
        for record in records:
            self.add(record)

    # -- keeping it current ------------------------------------------------------------------
    def add(self, record: OutboundRecord) -> None:
        """Add or update a record; one that is no longer a personal callback with a time leaves."""
        self.remove(record.key)
        if is_personal_callback(record):
            bucket = self.slot_index(record.scheduled_at)  # type: ignore[arg-type]
            self._buckets.setdefault(bucket, {})[record.key] = record
            self._bucket_of[record.key] = bucket

    def remove(self, key: RecordKey) -> None:
        bucket = self._bucket_of.pop(key, None)
        if bucket is None:
            return
        members = self._buckets[bucket]
        del members[key]
        if not members:
            del self._buckets[bucket]

    def apply(self, changes: list[RecordChange]) -> None:
        """Follow a batch of store changes: ``store.subscribe(load.apply)``."""
        for change in changes:
            if change.kind is ChangeKind.REMOVED or change.record is None:
                self.remove(change.key)
            else:
                self.add(change.record)

    def with_slot_length(self, slot_length: timedelta) -> "AgentLoad":
        """The same callbacks counted with another slot length (the agent changed the setting)."""
        if slot_length == self._slot_length:
            return self
        return AgentLoad(self.records(), slot_length=slot_length)

    # -- asking --------------------------------------------------------------------------------
    @property
    def slot_length(self) -> timedelta:
        return self._slot_length

    def __len__(self) -> int:
        return len(self._bucket_of)

    def __contains__(self, key: object) -> bool:
        return key in self._bucket_of

    def records(self) -> Iterator[OutboundRecord]:
        for members in self._buckets.values():
            yield from members.values()

    def slot_index(self, moment: datetime) -> int:
        """Which slot (counted from the epoch) ``moment`` falls in."""
        return math.floor(moment.timestamp() / self._slot_s)

    def slot_start(self, moment: datetime) -> datetime:
        """The start of the slot ``moment`` falls in, in UTC."""
        return datetime.fromtimestamp(self.slot_index(moment) * self._slot_s, timezone.utc)

    def load_at(self, moment: datetime, exclude: Excluded = None) -> int:
        """How many personal callbacks share ``moment``'s slot (``exclude``: the ones being moved)."""
        members = self._buckets.get(self.slot_index(moment))
        if not members:
            return 0
        excluded = _excluded_set(exclude)
        return len(members) - sum(1 for key in excluded if key in members)

    def conflicts(self, moment: datetime, exclude: Excluded = None) -> list[OutboundRecord]:
        """Personal callbacks closer than one slot length to ``moment``, earliest first."""
        excluded = _excluded_set(exclude)
        moment = moment.astimezone(timezone.utc)
        bucket = self.slot_index(moment)
        found = []
        for index in (bucket - 1, bucket, bucket + 1):  # anything closer than a slot is in these
            for key, record in self._buckets.get(index, {}).items():
                if key not in excluded and abs(_utc(record) - moment) < self._slot_length:
                    found.append(record)
        found.sort(key=lambda record: (record.scheduled_at, record.key))
        return found

    def due_between(self, start: datetime, end: datetime) -> list[OutboundRecord]:
        """Personal callbacks due in [start, end), earliest first; visits only the slots between
        (or every occupied slot, when that is fewer)."""
        start, end = start.astimezone(timezone.utc), end.astimezone(timezone.utc)
        first, last = self.slot_index(start), self.slot_index(end)
        if last - first + 1 <= len(self._buckets):
            candidates = (self._buckets.get(index, {}) for index in range(first, last + 1))
        else:
            candidates = (members for index, members in self._buckets.items() if first <= index <= last)
        found = [record for members in candidates for record in members.values()
                 if start <= _utc(record) < end]
        found.sort(key=lambda record: (record.scheduled_at, record.key))
        return found
