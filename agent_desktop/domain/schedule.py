"""Choosing callback times: slots, quick picks and how pressing a callback is.

Every rule about wall-clock time is evaluated in the relevant zone from its parts, so a
daylight-saving day has the hours it really has.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from agent_desktop.domain.records import OutboundRecord
from agent_desktop.domain.rules import MIN_LEAD


def next_valid_slot(
    now: datetime,
    *,
    record: OutboundRecord | None = None,
    step: timedelta = timedelta(minutes=30),
    min_lead: timedelta = MIN_LEAD,
    horizon: timedelta = timedelta(days=14),
) -> datetime | None:
    """The first slot boundary (every ``step``, counted from the epoch) that the rules accept.

    None when no slot within ``horizon`` fits the record's calling window.
    """
    step_s = int(step.total_seconds())
    first = (int((now + min_lead).timestamp()) // step_s + 1) * step_s
    last = int((now + horizon).timestamp())
    tz = now.tzinfo
    for epoch in range(first, last + 1, step_s):
        candidate = datetime.fromtimestamp(epoch, tz)
        window, zone = (record.calling_window, record.contact_zone) if record else (None, None)
        if window is None or zone is None or window.contains(candidate, zone.tz):
            return candidate
    return None


class Urgency(enum.Enum):
    """How pressing a callback is for the agent right now."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    LATER = "later"
    UNSCHEDULED = "unscheduled"


DUE_SOON = timedelta(minutes=15)


def urgency(record: OutboundRecord, now: datetime, *, soon: timedelta = DUE_SOON) -> Urgency:
    if record.scheduled_at is None:
        return Urgency.UNSCHEDULED
    if record.scheduled_at <= now:
        return Urgency.OVERDUE
    if record.scheduled_at - now <= soon:
        return Urgency.DUE_SOON
    return Urgency.LATER


def next_business_day_at(now: datetime, zone: tzinfo, *, hour: int = 9) -> datetime:
    """``hour``:00 on the contact's next weekday (Mon–Fri) after today, on their wall clock."""
    local_today = now.astimezone(zone).date()
    day = local_today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    # Built from wall-clock parts in the zone: correct on a daylight-saving day too.
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=zone)


def slots_of_day(
    day_start: datetime, *, step: timedelta = timedelta(minutes=30)
) -> list[datetime]:
    """Slot starts from ``day_start`` (a local midnight) until the next local midnight."""
    tz = day_start.tzinfo
    day = day_start.date()
    slots = []
    minutes = 0
    while minutes < 24 * 60:
        local = datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=tz)
        slots.append(local)
        minutes += int(step.total_seconds() // 60)
    return slots


class WallClock(enum.Enum):
    """What a wall-clock time is on its day: an ordinary one, or one a clock change touches."""

    NORMAL = "normal"
    SKIPPED = "skipped"  # in the spring gap: the clocks jump over it, it never shows
    REPEATED = "repeated"  # in the autumn fold: the clocks show it twice


def local_moment(day: date, clock: time, zone: tzinfo) -> tuple[datetime, WallClock]:
    """The instant that ``clock`` on ``day`` stands for in ``zone``, and how it fared.

    A skipped time moves forward by the gap (02:30 on a spring-forward day is 03:30), which is
    what the zone's clocks show an hour after 01:30. A repeated time means its first occurrence
    (before the clocks go back), the earlier of the two callbacks it could be.

    The instant is returned in UTC: Python never finds a time inside a fold equal to the same
    instant in another zone (PEP 495), and compares two times of one zone by their wall clocks.
    """
    naive = datetime.combine(day, clock)
    first = naive.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)
    second = naive.replace(tzinfo=zone, fold=1).astimezone(timezone.utc)
    if first.astimezone(zone).replace(tzinfo=None) != naive:
        return first, WallClock.SKIPPED
    return first, WallClock.REPEATED if first != second else WallClock.NORMAL
