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


# Heap entries are plain tuples (fire_at, seq, kind, key, scheduled_at, detail): one per record
# at a time, the next one pushed when it comes up (100,000 records make 100,000 entries, not
# three times as many). ``seq`` is unique, so tuples never compare beyond it.
_LEAD, _DUE, _SNOOZED = 0, 1, 2  # detail: the lead's index / unused / the snooze's length


class ReminderTracker:
    def __init__(self, lead_times: tuple[timedelta, ...] = DEFAULT_LEAD_TIMES,
                 snooze: timedelta = DEFAULT_SNOOZE) -> None:
        self._lead_times = _clean_leads(lead_times)
        self._snooze = snooze
        self._records: dict[RecordKey, OutboundRecord] = {}
        self._heap: list[tuple] = []
        self._overdue: set[RecordKey] = set()
        self._fired: dict[RecordKey, tuple[datetime, timedelta]] = {}  # smallest lead fired, per time
        self._ready: dict[RecordKey, tuple[datetime, timedelta, bool]] = {}  # come up, not yet asked for
        self._seq = itertools.count()

    # -- what the tracker follows ----------------------------------------------------------
    @property
    def lead_times(self) -> tuple[timedelta, ...]:
        return self._lead_times

    def set_lead_times(self, lead_times: tuple[timedelta, ...]) -> None:
        self._lead_times = _clean_leads(lead_times)
        records, self._records = list(self._records.values()), {}
        self._heap, self._overdue, self._ready = [], set(), {}
        for record in records:
            self.track(record)

    def track(self, record: OutboundRecord) -> None:
        """A record arrived or changed. A new time means new reminders."""
        key, when = record.key, record.scheduled_at
        previous = self._records.get(key)
        self._records[key] = record
        if previous is not None and previous.scheduled_at == when:
            return
        if previous is not None:
            self._overdue.discard(key)
            self._fired.pop(key, None)
            self._ready.pop(key, None)
        if when is not None:
            self._plan(key, when, 0)

    def forget(self, key: RecordKey) -> None:
        self._records.pop(key, None)
        self._overdue.discard(key)
        self._fired.pop(key, None)
        self._ready.pop(key, None)

    def snooze(self, key: RecordKey, now: datetime, duration: timedelta | None = None) -> None:
        """Remind again after ``duration`` (the tracker's snooze by default)."""
        record = self._records.get(key)
        if record is None or record.scheduled_at is None:
            return
        length = duration or self._snooze
        self._ready.pop(key, None)
        heapq.heappush(self._heap, (now + length, next(self._seq), _SNOOZED, key, record.scheduled_at, length))

    # -- asking ----------------------------------------------------------------------------
    def due(self, now: datetime) -> list[Reminder]:
        """The reminders whose moment has come, one per record (its most urgent lead)."""
        self._advance(now)
        reminders = []
        for key, (when, lead, snoozed) in self._ready.items():
            record = self._records.get(key)
            if record is None or record.scheduled_at != when:
                continue
            if not snoozed:
                self._fired[key] = (when, lead)
            reminders.append(Reminder(record, lead, when - now, snoozed))
        self._ready = {}
        reminders.sort(key=lambda r: r.due_in)
        return reminders

    def overdue_count(self, now: datetime) -> int:
        self._advance(now)
        return len(self._overdue)

    def next_moment(self) -> datetime | None:
        """When something may next change (a reminder or a callback coming due): the window
        sets one timer for it instead of polling."""
        return self._heap[0][0] if self._heap else None

    # -- the heap --------------------------------------------------------------------------
    def _plan(self, key: RecordKey, when: datetime, lead_index: int) -> None:
        """The record's next entry: its lead reminder number ``lead_index``, else its due time."""
        if lead_index < len(self._lead_times):
            entry = (when - self._lead_times[lead_index], next(self._seq), _LEAD, key, when, lead_index)
        else:
            entry = (when, next(self._seq), _DUE, key, when, 0)
        heapq.heappush(self._heap, entry)

    def _advance(self, now: datetime) -> None:
        heap, records, ready = self._heap, self._records, self._ready
        while heap and heap[0][0] <= now:
            _at, _seq, kind, key, when, detail = heapq.heappop(heap)
            record = records.get(key)
            if record is None or record.scheduled_at != when:
                continue  # the record left or moved since this was planned
            if kind == _DUE:
                self._overdue.add(key)
            elif kind == _SNOOZED:
                ready[key] = (when, detail, True)
            else:
                self._plan(key, when, detail + 1)  # the next lead (or the due time) comes up later
                lead = self._lead_times[detail] if detail < len(self._lead_times) else None
                if lead is None or when <= now:
                    continue  # overdue: counted, not reminded (the row says so)
                fired = self._fired.get(key)
                if fired is not None and fired[0] == when and fired[1] <= lead:
                    continue  # a reminder this close (or closer) was shown already
                shown = ready.get(key)
                if shown is None or (not shown[2] and lead < shown[1]):
                    ready[key] = (when, lead, False)


def _clean_leads(lead_times: tuple[timedelta, ...]) -> tuple[timedelta, ...]:
    """Positive, distinct, longest first."""
    return tuple(sorted({lead for lead in lead_times if lead > timedelta(0)}, reverse=True))
