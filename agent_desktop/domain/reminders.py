"""Which callbacks to remind the agent of, and when.

A callback coming due raises a reminder at each lead time (15 and 5 minutes before, by default).
A reminder the agent snoozes comes back after the snooze. A callback that is moved to a new
time is reminded of again for the new time; one that leaves the list is forgotten.

Nothing here scans every record on a tick: due times sit in heaps, so an agent with 100,000
records pays only for the callbacks whose moment has come (stale heap entries are dropped
when they surface).
"""

from __future__ import annotations

import heapq
import itertools
from datetime import datetime, timedelta
from typing import NamedTuple

from agent_desktop.domain.records import OutboundRecord, RecordKey

DEFAULT_LEAD_TIMES = (timedelta(minutes=15), timedelta(minutes=5))
DEFAULT_SNOOZE = timedelta(minutes=5)


class Reminder(NamedTuple):
    record: OutboundRecord
    lead: timedelta  # the lead time that was crossed (for a snoozed reminder: the snooze)
    due_in: timedelta  # from now until the callback's time (negative once it is overdue)
    snoozed: bool = False


class _Entry(NamedTuple):
    fire_at: datetime
    seq: int  # ties broken by arrival, never by comparing records
    key: RecordKey
    scheduled_at: datetime
    lead: timedelta
    snoozed: bool


class ReminderTracker:
    def __init__(self, lead_times: tuple[timedelta, ...] = DEFAULT_LEAD_TIMES,
                 snooze: timedelta = DEFAULT_SNOOZE) -> None:
        self._lead_times = _clean_leads(lead_times)
        self._snooze = snooze
        self._records: dict[RecordKey, OutboundRecord] = {}
        self._reminders: list[_Entry] = []
        self._due: list[tuple[datetime, int, RecordKey]] = []
        self._overdue: set[RecordKey] = set()
        self._fired: dict[RecordKey, tuple[datetime, timedelta]] = {}  # smallest lead fired, per time
        self._seq = itertools.count()

    # -- what the tracker follows ----------------------------------------------------------
    @property
    def lead_times(self) -> tuple[timedelta, ...]:
        return self._lead_times

    def set_lead_times(self, lead_times: tuple[timedelta, ...]) -> None:
        self._lead_times = _clean_leads(lead_times)
        records, self._records = list(self._records.values()), {}
        self._reminders, self._due, self._overdue = [], [], set()
        for record in records:
            self.track(record)

    def track(self, record: OutboundRecord) -> None:
        """A record arrived or changed. A new time means new reminders."""
        previous = self._records.get(record.key)
        self._records[record.key] = record
        when = record.scheduled_at
        if previous is not None and previous.scheduled_at == when:
            return
        self._overdue.discard(record.key)
        self._fired.pop(record.key, None)
        if when is None:
            return
        heapq.heappush(self._due, (when, next(self._seq), record.key))
        for lead in self._lead_times:
            self._push(when - lead, record.key, when, lead, snoozed=False)

    def forget(self, key: RecordKey) -> None:
        self._records.pop(key, None)
        self._overdue.discard(key)
        self._fired.pop(key, None)

    def snooze(self, key: RecordKey, now: datetime, duration: timedelta | None = None) -> None:
        """Remind again after ``duration`` (the tracker's snooze by default)."""
        record = self._records.get(key)
        if record is None or record.scheduled_at is None:
            return
        length = duration or self._snooze
        self._push(now + length, key, record.scheduled_at, length, snoozed=True)

    # -- asking ----------------------------------------------------------------------------
    def due(self, now: datetime) -> list[Reminder]:
        """The reminders whose moment has come, one per record (its most urgent lead)."""
        chosen: dict[RecordKey, _Entry] = {}
        while self._reminders and self._reminders[0].fire_at <= now:
            entry = heapq.heappop(self._reminders)
            record = self._records.get(entry.key)
            if record is None or record.scheduled_at != entry.scheduled_at:
                continue  # the record left or moved since this was planned
            if not entry.snoozed:
                fired = self._fired.get(entry.key)
                if fired is not None and fired[0] == entry.scheduled_at and fired[1] <= entry.lead:
                    continue  # a reminder this close (or closer) was shown already
                if entry.scheduled_at <= now:
                    continue  # overdue: counted, not reminded (the row says so)
            best = chosen.get(entry.key)
            if best is None or entry.snoozed or (not best.snoozed and entry.lead < best.lead):
                chosen[entry.key] = entry
        reminders = []
        for key, entry in chosen.items():
            if not entry.snoozed:
                self._fired[key] = (entry.scheduled_at, entry.lead)
            reminders.append(Reminder(self._records[key], entry.lead, entry.scheduled_at - now, entry.snoozed))
        reminders.sort(key=lambda r: r.due_in)
        return reminders

    def overdue_count(self, now: datetime) -> int:
        while self._due and self._due[0][0] <= now:
            when, _seq, key = heapq.heappop(self._due)
            record = self._records.get(key)
            if record is not None and record.scheduled_at == when:
                self._overdue.add(key)
        return len(self._overdue)

    def next_moment(self) -> datetime | None:
        """When something may next change (a reminder or a callback coming due): the window
        sets one timer for it instead of polling."""
        moments = [heap[0][0] for heap in (self._reminders, self._due) if heap]
        return min(moments) if moments else None

    def _push(self, fire_at: datetime, key: RecordKey, scheduled_at: datetime, lead: timedelta, *,
              snoozed: bool) -> None:
        heapq.heappush(self._reminders, _Entry(fire_at, next(self._seq), key, scheduled_at, lead, snoozed))


def _clean_leads(lead_times: tuple[timedelta, ...]) -> tuple[timedelta, ...]:
    """Positive, distinct, longest first."""
    return tuple(sorted({lead for lead in lead_times if lead > timedelta(0)}, reverse=True))
