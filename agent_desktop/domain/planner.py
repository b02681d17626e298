"""The callback planner: suggested slots for one record, bulk moves, callbacks at risk.

Built on :mod:`~agent_desktop.domain.calling_times` (when a contact may be called, judged on
their wall clock, right across daylight-saving changes) and :mod:`~agent_desktop.domain.load`
(the agent's personal callbacks per slot). Everything is in absolute time (UTC); the UI shows
each slot on both the contact's and the agent's clock.

Bulk plans are pure and deterministic (same records, same plan): the bulk dialog shows one, the
agent confirms, and the sending is someone else's. Records are placed most constrained first
(fewest callable slots in the range), each on the least loaded slot it may use, the earliest on
a tie; the agent's other personal callbacks count as load, the moved records' current times do
not. When the range is too full, a record is stacked where the load is smallest, and the plan
says so.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo

from agent_desktop.domain.calling_times import (
    callable_intervals,
    has_contact_clock,
    slot_starts,
    why_not_callable,
)
from agent_desktop.domain.load import DEFAULT_SLOT_LENGTH, AgentLoad, is_personal_callback
from agent_desktop.domain.policy import NO_POLICY, CallingPolicy
from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey
from agent_desktop.domain.rules import MIN_LEAD
from agent_desktop.domain.working_hours import WorkingHours, intersect
from agent_desktop.texts import QT_TRANSLATE_NOOP, Message

UTC = timezone.utc

__all__ = [
    "AgentLoad", "BulkPlan", "SlotSuggestion", "callable_intervals", "callbacks_at_risk",
    "has_contact_clock", "plan_bulk", "suggest_slots", "why_not_callable", "WorkingHours",
]


def _personal_intervals(record: OutboundRecord, policy: CallingPolicy | None, start: datetime, end: datetime,
                        working_hours: WorkingHours | None) -> list[tuple[datetime, datetime]]:
    """When the contact may be called and, for a personal callback, the agent is at work."""
    intervals = callable_intervals(record, policy, start, end)
    return intersect(intervals, working_hours.intervals(start, end)) if working_hours is not None else intervals


# -- suggestions for one record ---------------------------------------------------------------
@dataclass(frozen=True)
class SlotSuggestion:
    """A good time for the callback: ``start`` (aware, UTC), the agent's load in its slot and the
    personal callbacks it would collide with (their keys; none for a campaign callback)."""

    start: datetime
    load: int = 0
    conflicts: tuple[RecordKey, ...] = ()

    @property
    def is_free(self) -> bool:
        return not self.conflicts

    def in_zone(self, zone: tzinfo) -> datetime:
        """The same instant on the wall clock of ``zone`` (the agent's or the contact's)."""
        return self.start.astimezone(zone)

    def for_contact(self, record: OutboundRecord) -> datetime | None:
        """The contact's local time, or None when their zone is unknown."""
        return self.in_zone(record.contact_zone.tz) if record.contact_zone else None


def suggest_slots(
    record: OutboundRecord,
    policy: CallingPolicy | None,
    load: AgentLoad | None,
    *,
    now: datetime,
    count: int = 6,
    step: timedelta | None = None,
    horizon: timedelta = timedelta(days=14),
    callback_type: CallbackType = CallbackType.PERSONAL,
    near: datetime | None = None,
    after: datetime | None = None,
    min_lead: timedelta = MIN_LEAD,
    working_hours: WorkingHours | None = None,
    spacing: timedelta | None = None,
) -> list[SlotSuggestion]:
    """The ``count`` best slots in [now + min_lead (or ``after``, if later), + horizon).

    Ranked: free of collisions first, then by fewest collisions, then by the least loaded slot;
    within a rank the earliest (or the nearest to ``near``, when given). ``step`` defaults to the
    load's slot length. A campaign callback collides with nothing (any agent of the campaign may
    make it), so for one the agent's load is not counted. The record itself is not counted
    against its own new time. A personal callback is suggested only in ``working_hours``.
    ``spacing``: free slots at least this far apart (a choice across the day, not six slots in a
    row); a slot with collisions is never hidden by it.
    """
    step = step or (load.slot_length if load is not None else DEFAULT_SLOT_LENGTH)
    first = now.astimezone(UTC) + min_lead  # in UTC: arithmetic on a zone's wall clock slips at its changes
    if after is not None and after.astimezone(UTC) > first:
        first = after.astimezone(UTC)
    counts_load = load is not None and callback_type is CallbackType.PERSONAL
    candidates: list[SlotSuggestion] = []
    free = 0
    last_free: datetime | None = None
    hours = working_hours if callback_type is CallbackType.PERSONAL else None
    for start in slot_starts(_personal_intervals(record, policy, first, first + horizon, hours), step):
        if counts_load:
            clashes = load.conflicts(start, exclude=record.key)  # type: ignore[union-attr]
            suggestion = SlotSuggestion(start, load.load_at(start, exclude=record.key),  # type: ignore[union-attr]
                                        tuple(clash.key for clash in clashes))
        else:
            suggestion = SlotSuggestion(start)
        if suggestion.is_free and spacing is not None and last_free is not None and start - last_free < spacing:
            continue
        candidates.append(suggestion)
        if suggestion.is_free:
            last_free = start
        free += suggestion.is_free
        if near is None and free >= count:
            break  # candidates come in time order: no later one can rank above these
    anchor = near.astimezone(UTC) if near is not None else first
    candidates.sort(key=lambda s: (not s.is_free, len(s.conflicts), s.load, abs(s.start - anchor), s.start))
    return candidates[:max(count, 0)]


# -- moving many records at once ----------------------------------------------------------
_REASON_SAMPLES = 24  # moments sampled across the range to say why nothing there fits


@dataclass(frozen=True)
class BulkPlan:
    assignments: dict[RecordKey, datetime] = field(default_factory=dict)  # new time, aware UTC; input order
    unplaceable: dict[RecordKey, Message] = field(default_factory=dict)  # no callable time in the range: why
    # placed on a slot shared with other personal callbacks (the range was too full): with whom
    stacked: dict[RecordKey, tuple[RecordKey, ...]] = field(default_factory=dict)
    zone_unknown: frozenset[RecordKey] = frozenset()  # placed without their calling rules (no zone)


class _Occupancy:
    """Times already planned, counted so that "how many are closer than a slot" costs O(log n).

    Nearly every planned time is a slot start; the few that are not (a window too short for a
    slot start) are kept sorted apart.
    """

    def __init__(self, slot_s: float) -> None:
        self._slot_s = slot_s
        self._at_slot: dict[int, list[RecordKey]] = {}  # slot index -> keys planned at its start
        self._loose_epochs: list[float] = []  # sorted; the keys alongside
        self._loose_keys: list[RecordKey] = []

    def add(self, epoch: float, slot: int, key: RecordKey) -> None:
        if epoch == slot * self._slot_s:
            self._at_slot.setdefault(slot, []).append(key)
        else:
            index = bisect.bisect_right(self._loose_epochs, epoch)
            self._loose_epochs.insert(index, epoch)
            self._loose_keys.insert(index, key)

    def near(self, epoch: float, slot: int) -> list[RecordKey]:
        """Planned keys closer than one slot to ``epoch`` (which lies in ``slot``)."""
        keys = list(self._at_slot.get(slot, ()))
        if epoch != slot * self._slot_s:  # not a slot start: the next slot's start is closer than a slot too
            keys += self._at_slot.get(slot + 1, ())
        lo = bisect.bisect_right(self._loose_epochs, epoch - self._slot_s)
        hi = bisect.bisect_left(self._loose_epochs, epoch + self._slot_s)
        keys += self._loose_keys[lo:hi]
        return keys

    def count(self, epoch: float, slot: int) -> int:
        if not self._loose_epochs and epoch == slot * self._slot_s:
            return len(self._at_slot.get(slot, ()))  # the common case, without building a list
        return len(self.near(epoch, slot))


def plan_bulk(
    records: Iterable[OutboundRecord],
    policy: CallingPolicy | None,
    load: AgentLoad,
    *,
    start: datetime,
    end: datetime,
    now: datetime,
    slot_length: timedelta | None = None,
    callback_type: CallbackType | None = None,
    min_lead: timedelta = MIN_LEAD,
    working_hours: WorkingHours | None = None,
) -> BulkPlan:
    """A new time in [start, end) for each record, inside its own contact's callable intervals.

    ``callback_type``: what the records will be sent as; None keeps each record's own type
    (Personal when it has none). Personal callbacks are spread against the agent's load and
    each other; campaign callbacks collide with nothing, but are spread among themselves too.
    ``slot_length`` defaults to the load's. A record twice in ``records`` is planned once.
    Personal callbacks are placed only in ``working_hours`` (when given).
    """
    if slot_length is not None:
        load = load.with_slot_length(slot_length)
    slot_s = load.slot_length.total_seconds()
    policy = policy or NO_POLICY
    unique = list({record.key: record for record in reversed(list(records))}.values())[::-1]
    moved = {record.key for record in unique}
    first = max(start.astimezone(UTC), now.astimezone(UTC) + min_lead)

    # Records with the same zone, window and campaign hours share their candidates and reasons.
    candidates_by_rules: dict[tuple, list[tuple[datetime, float, int]]] = {}
    reasons_by_rules: dict[tuple, Message] = {}
    plan = BulkPlan(zone_unknown=frozenset(r.key for r in unique if r.contact_zone is None))
    to_place = []
    for record in unique:
        personal = (callback_type or record.callback_type or CallbackType.PERSONAL) is CallbackType.PERSONAL
        rules = (record.contact_zone, record.calling_window, policy.hours_for(record.campaign_name), personal)
        candidates = candidates_by_rules.get(rules)
        if candidates is None:
            hours = working_hours if personal else None
            starts = slot_starts(_personal_intervals(record, policy, first, end, hours), load.slot_length)
            candidates = candidates_by_rules[rules] = [
                (moment, epoch, math.floor(epoch / slot_s)) for moment in starts for epoch in (moment.timestamp(),)]
        if candidates:
            to_place.append((record, candidates))
        else:
            if rules not in reasons_by_rules:
                reasons_by_rules[rules] = _why_nothing_fits(record, policy, first, end,
                                                            working_hours if personal else None)
            plan.unplaceable[record.key] = reasons_by_rules[rules]

    to_place.sort(key=lambda item: (len(item[1]), item[1][0][1], item[0].key))  # most constrained first
    personal_plan, campaign_plan = _Occupancy(slot_s), _Occupancy(slot_s)
    existing: dict[float, int] = {}  # candidate epoch -> the agent's other personal callbacks near it
    chosen: dict[RecordKey, datetime] = {}
    for record, candidates in to_place:
        personal = (callback_type or record.callback_type or CallbackType.PERSONAL) is CallbackType.PERSONAL
        occupancy = personal_plan if personal else campaign_plan
        best, best_cost = candidates[0], math.inf
        for candidate in candidates:
            moment, epoch, slot = candidate
            cost = occupancy.count(epoch, slot)
            if personal:
                if epoch not in existing:
                    existing[epoch] = len(load.conflicts(moment, exclude=moved))
                cost += existing[epoch]
            if cost < best_cost:
                best, best_cost = candidate, cost
                if cost == 0:
                    break  # candidates are in time order: the earliest free one wins
        moment, epoch, slot = best
        if personal and best_cost > 0:
            others = [clash.key for clash in load.conflicts(moment, exclude=moved)]
            plan.stacked[record.key] = tuple(others + occupancy.near(epoch, slot))
        occupancy.add(epoch, slot, record.key)
        chosen[record.key] = moment
    plan.assignments.update((r.key, chosen[r.key]) for r in unique if r.key in chosen)
    return plan


def _why_nothing_fits(record: OutboundRecord, policy: CallingPolicy, first: datetime, end: datetime,
                      working_hours: WorkingHours | None = None) -> Message:
    if first >= end:
        return Message("Planner", QT_TRANSLATE_NOOP(
            "Planner", "The chosen range is over or starts within a minute: pick a later time."))
    if working_hours is not None and callable_intervals(record, policy, first, end):
        return Message("Planner", QT_TRANSLATE_NOOP(
            "Planner", "Their calling hours in the chosen range are outside your working hours."))
    # The reason met most often across the range (by rule, not by the time each one names).
    step = (end - first) / _REASON_SAMPLES
    reasons = [why_not_callable(record, policy, first + step * i) for i in range(_REASON_SAMPLES)]
    by_rule = Counter(reason.template for reason in reasons if reason is not None)
    if not by_rule:  # callable only in slivers the samples missed, too short to hold a whole second
        return Message("Planner", QT_TRANSLATE_NOOP(
            "Planner", "No time in the chosen range fits the contact's calling hours."))
    template = by_rule.most_common(1)[0][0]
    return next(reason for reason in reasons if reason is not None and reason.template == template)


# -- callbacks the agent is not there for ------------------------------------------------------
_AWAY_STATES = frozenset({"notready", "loggedout"})
AT_RISK_GRACE = timedelta(minutes=5)


def callbacks_at_risk(
    records: Iterable[OutboundRecord],
    *,
    agent_state: str,
    now: datetime,
    horizon: timedelta = timedelta(hours=8),
    grace: timedelta = AT_RISK_GRACE,
) -> list[OutboundRecord]:
    """Personal callbacks that will come due while the agent is away, earliest first.

    The rule: the agent's device says "NotReady" or "LoggedOut" (spelling and case aside: "Not
    Ready", "not_ready"), and a personal callback is due in [now - grace, now + horizon]. The
    grace keeps a callback that has only just come due (nobody made it, it can still be saved)
    and leaves older overdue ones to the Overdue display. "Ready", an empty or unknown state
    (no device yet) put nothing at risk: only a state that says the agent is away does.
    Campaign callbacks are never at risk: any agent of the campaign can make them.

    ``records`` may be the whole store, or ``AgentLoad.due_between(now - grace, now + horizon)``
    to look only at the slots in question.
    """
    if agent_state.replace(" ", "").replace("_", "").lower() not in _AWAY_STATES:
        return []
    now = now.astimezone(UTC)  # compared in UTC: same-zone comparisons ignore an autumn fold
    earliest, latest = now - grace, now + horizon
    due = [record for record in records if is_personal_callback(record)
           and earliest <= record.scheduled_at.astimezone(UTC) < latest]  # type: ignore[union-attr]
    due.sort(key=lambda record: (record.scheduled_at, record.key))
    return due
