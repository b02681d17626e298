"""When a contact may be called: intervals of absolute time, and the reason when not.

Every calling rule (the record's daily window, the campaign's hours, calling days, holidays) is
read on the contact's wall clock and calendar, and time is turned into absolute instants from
wall-clock parts, piece by piece between the zone's offset changes. So a daylight-saving day
has exactly the hours it really has: a spring-forward day loses the gap, an autumn day's
repeated hour counts twice (once per real hour), and the agent's own zone changing on another
date does not matter (everything here is in UTC; the UI shows it in both zones).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

from agent_desktop.domain.policy import NO_POLICY, CallingPolicy
from agent_desktop.domain.records import CallingWindow, ContactZone, OutboundRecord
from agent_desktop.domain.rules import calling_time_refusal
from agent_desktop.texts import Message

UTC = timezone.utc
Interval = tuple[datetime, datetime]  # [start, end), aware, UTC

_DAY_S = 86400
# How far apart the zone's offset is sampled when looking for its changes: zones change their
# offset at most a few times a year, never twice within hours.
_PROBE_S = 3 * 3600


# -- when a contact may be called ----------------------------------------------------------------
def has_contact_clock(record: OutboundRecord) -> bool:
    """Whether the rules can be judged at all: without the contact's zone they cannot, and the
    planner treats every moment as callable (the UI says that their zone is unknown)."""
    return record.contact_zone is not None


def why_not_callable(record: OutboundRecord, policy: CallingPolicy | None, moment: datetime) -> Message | None:
    """Why the contact may not be called at ``moment``, in words for the agent; None if they may.

    The same rules (and texts) as :func:`~agent_desktop.domain.rules.validate_reschedule`; the end
    minute of a window counts as inside, as it always has there.
    """
    refusal = calling_time_refusal(record, policy, moment)
    return refusal.message if refusal is not None else None  # type: ignore[return-value]


def callable_intervals(record: OutboundRecord, policy: CallingPolicy | None,
                       start: datetime, end: datetime) -> list[Interval]:
    """The UTC intervals within [start, end) when the contact may be called, in order, merged.

    No zone: the whole range (see :func:`has_contact_clock`). No daily window: the policy alone.
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("callable_intervals needs aware datetimes")
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if start >= end:
        return []
    zone = record.contact_zone
    if zone is None:
        return [(start, end)]
    policy = policy or NO_POLICY
    daily = _daily_seconds(record.calling_window, policy.hours_for(record.campaign_name))
    if not daily:
        return []
    found: list[Interval] = []
    for piece_start, piece_end, offset in _offset_pieces(zone.tz, start, end):
        # Within a piece the offset is constant: wall clock = UTC + offset, both ways.
        wall_start, wall_end = piece_start.replace(tzinfo=None) + offset, piece_end.replace(tzinfo=None) + offset
        day = wall_start.date()
        while (midnight := datetime.combine(day, time())) < wall_end:
            if _is_calling_day(policy, day, zone):
                for first_s, last_s in daily:
                    lo = max(midnight + timedelta(seconds=first_s), wall_start)
                    hi = min(midnight + timedelta(seconds=last_s), wall_end)
                    if lo < hi:
                        _append_merged(found, ((lo - offset).replace(tzinfo=UTC), (hi - offset).replace(tzinfo=UTC)))
            day += timedelta(days=1)
    return found


def _is_calling_day(policy: CallingPolicy, day: date, zone: ContactZone) -> bool:
    if day.weekday() not in policy.calling_days:
        return False
    # Holidays are listed by IANA name; the label is one, or the zone itself knows its name.
    return not (policy.is_holiday(day, zone.label) or policy.is_holiday(day, getattr(zone.tz, "key", None)))


def _daily_seconds(*windows: CallingWindow | None) -> list[tuple[int, int]]:
    """The intersection of daily windows as half-open second ranges of one local day."""
    spans = [(0, _DAY_S)]
    for window in windows:
        if window is None:
            continue
        if window.start_s <= window.end_s:
            parts = [(window.start_s, window.end_s)]
        else:  # spans midnight: the evening of each day and the early morning of each day
            parts = [(window.start_s, _DAY_S), (0, window.end_s)]
        spans = [(max(a, c), min(b, d)) for a, b in spans for c, d in parts if max(a, c) < min(b, d)]
    return sorted(spans)


def _append_merged(intervals: list[Interval], interval: Interval) -> None:
    if intervals and intervals[-1][1] >= interval[0]:
        intervals[-1] = (intervals[-1][0], max(intervals[-1][1], interval[1]))
    else:
        intervals.append(interval)


def _offset_pieces(zone: tzinfo, start: datetime, end: datetime) -> list[tuple[datetime, datetime, timedelta]]:
    """[start, end) cut where ``zone``'s UTC offset changes: (from, to, offset)."""
    changes = _offset_changes(zone, math.floor(start.timestamp()), math.ceil(end.timestamp()))
    cuts = [start] + [moment for moment in (datetime.fromtimestamp(s, UTC) for s, _ in changes)
                      if start < moment < end] + [end]
    return [(lo, hi, _offset(zone, lo)) for lo, hi in zip(cuts, cuts[1:])]


@lru_cache(maxsize=1024)  # a bulk plan asks for the same zone and range once per record
def _offset_changes(zone: tzinfo, first_s: int, last_s: int) -> tuple[tuple[int, timedelta], ...]:
    """(epoch second, new offset) for each change of the offset in (first_s, last_s]."""
    changes = []
    lo, lo_offset = first_s, _offset_at(zone, first_s)
    while lo < last_s:
        hi = min(lo + _PROBE_S, last_s)
        hi_offset = _offset_at(zone, hi)
        if hi_offset != lo_offset:
            a, b = lo, hi  # offset(a) == lo_offset != offset(b): the change is in (a, b]
            while b - a > 1:
                middle = (a + b) // 2
                a, b = (middle, b) if _offset_at(zone, middle) == lo_offset else (a, middle)
            changes.append((b, hi_offset))
        lo, lo_offset = hi, hi_offset
    return tuple(changes)


def _offset_at(zone: tzinfo, epoch_s: int) -> timedelta:
    return datetime.fromtimestamp(epoch_s, zone).utcoffset() or timedelta(0)


def _offset(zone: tzinfo, moment: datetime) -> timedelta:
    return moment.astimezone(zone).utcoffset() or timedelta(0)


def slot_starts(intervals: Iterable[Interval], step: timedelta) -> Iterator[datetime]:
    """Candidate times inside ``intervals``: every multiple of ``step`` from the epoch (so the
    candidates line up with the load's slots); an interval too short to hold one offers its
    first whole minute instead, so a short window is never skipped."""
    step_s = step.total_seconds()
    for lo, hi in intervals:
        lo_s, hi_s = lo.timestamp(), hi.timestamp()
        epoch = math.ceil(lo_s / step_s) * step_s
        if epoch >= hi_s:
            fallback = _first_whole(lo_s, hi_s)
            if fallback is not None:
                yield datetime.fromtimestamp(fallback, UTC)
            continue
        while epoch < hi_s:
            yield datetime.fromtimestamp(epoch, UTC)
            epoch += step_s


def _first_whole(lo_s: float, hi_s: float) -> float | None:
    for unit in (60, 1):  # GWS takes whole seconds; an agent reads whole minutes
        moment = math.ceil(lo_s / unit) * unit
        if moment < hi_s:
            return moment
    return None
