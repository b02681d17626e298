"""What the day view draws, as fractions of the agent's day: computed once per change of the
shown day, so a paint only maps fractions to pixels. The day runs from local midnight to the next
(23 or 25 hours on a daylight-saving day); every instant is placed by converting it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Iterable

from agent_desktop.domain.planner import callable_intervals
from agent_desktop.domain.policy import CallingPolicy
from agent_desktop.domain.records import CallbackType, OutboundRecord

UTC = timezone.utc


@dataclass(frozen=True)
class Lane:
    record: OutboundRecord
    at: float  # the callback's place on the day, 0..1
    callable: tuple[tuple[float, float], ...]  # shaded spans, 0..1
    personal: bool


@dataclass(frozen=True)
class DayLayout:
    """What one paint of a day needs, as fractions of the day."""

    day: date
    start: datetime  # local midnight, UTC
    end: datetime  # the next local midnight, UTC
    lanes: tuple[Lane, ...]
    slots: tuple[tuple[float, float, int, int], ...]  # occupied slots: (from, to, personal, campaign)
    hours: tuple[tuple[float, str], ...]  # (place, local hour label) at each hour boundary

    @property
    def length(self) -> timedelta:
        return self.end - self.start

    def fraction(self, moment: datetime) -> float:
        return (moment - self.start) / self.length


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """Local midnight of ``day`` and of the next day, as UTC instants."""
    following = day + timedelta(days=1)
    return (datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC),
            datetime(following.year, following.month, following.day, tzinfo=zone).astimezone(UTC))


def slot_floor(moment: datetime, slot_length: timedelta) -> datetime:
    """The start of ``moment``'s slot; slots count from the epoch, as ``AgentLoad`` counts them."""
    seconds = slot_length.total_seconds()
    return datetime.fromtimestamp(math.floor(moment.timestamp() / seconds) * seconds, UTC)


def build_layout(day: date, records: Iterable[OutboundRecord], *, agent_tz: tzinfo, policy: CallingPolicy,
                 slot_length: timedelta) -> DayLayout:
    start, end = day_bounds(day, agent_tz)
    length = end - start
    counts: dict[datetime, list[int]] = {}
    spans_of: dict[tuple[object, ...], tuple[tuple[float, float], ...]] = {}
    lanes = []
    for record in sorted(records, key=lambda r: (r.scheduled_at, r.contact_name, r.key)):
        at = record.scheduled_at
        personal = record.callback_type is CallbackType.PERSONAL
        counts.setdefault(slot_floor(at, slot_length), [0, 0])[0 if personal else 1] += 1
        # Contacts share zones, windows and campaigns: their callable hours are computed once.
        alike = (record.contact_zone, record.calling_window, record.campaign_name)
        if alike not in spans_of:
            spans_of[alike] = tuple(((a - start) / length, (b - start) / length)
                                    for a, b in callable_intervals(record, policy, start, end))
        lanes.append(Lane(record, (at - start) / length, spans_of[alike], personal))
    slots = tuple((max((slot - start) / length, 0.0), min((slot + slot_length - start) / length, 1.0), p, c)
                  for slot, (p, c) in sorted(counts.items()))
    hours = []
    for elapsed in range(int(length / timedelta(hours=1)) + 1):  # 23 or 25 on a clock-change day
        moment = start + timedelta(hours=elapsed)
        local = moment.astimezone(agent_tz)
        label = "24" if elapsed and local.date() != day else f"{local:%H}" if not local.minute else f"{local:%H:%M}"
        hours.append(((moment - start) / length, label))
    return DayLayout(day, start, end, tuple(lanes), slots, tuple(hours))
