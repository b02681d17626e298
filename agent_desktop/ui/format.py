"""Text the agent reads: times in two zones, durations, statuses. No Qt here, so it is easy to test."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from agent_desktop.domain.records import ContactZone, OutboundRecord, RecordStatus
from agent_desktop.domain.schedule import Urgency, urgency


def zone_short_name(zone: ContactZone) -> str:
    """"America/Los_Angeles" → "Los Angeles"; offsets stay as they are."""
    if "/" in zone.label:
        return zone.label.rsplit("/", 1)[1].replace("_", " ")
    return zone.label


def agent_time(moment: datetime | None, agent_tz: tzinfo) -> str:
    if moment is None:
        return "—"
    return moment.astimezone(agent_tz).strftime("%a %d %b %H:%M")


def contact_time(moment: datetime | None, zone: ContactZone | None, agent_tz: tzinfo) -> str:
    """The contact's wall clock, with the day when it differs from the agent's day."""
    if moment is None or zone is None:
        return "—"
    theirs = moment.astimezone(zone.tz)
    mine = moment.astimezone(agent_tz)
    day = f" {theirs:%a}" if theirs.date() != mine.date() else ""
    return f"{theirs:%H:%M}{day} · {zone_short_name(zone)}"


def zone_detail(moment: datetime | None, zone: ContactZone | None) -> str:
    """"America/Los_Angeles (PST, UTC−08:00)" for tooltips and the details pane."""
    if zone is None:
        return "unknown"
    at = (moment or datetime.now(zone.tz)).astimezone(zone.tz)
    offset = at.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hhmm = f"{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    abbreviation = at.tzname() or ""
    if abbreviation and not abbreviation[0].isalpha():
        abbreviation = ""
    inner = f"{abbreviation}, UTC{sign}{hhmm}" if abbreviation else f"UTC{sign}{hhmm}"
    return f"{zone.label} ({inner})"


def duration(delta: timedelta) -> str:
    minutes = int(abs(delta.total_seconds()) // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"
    return f"{hours // 24} days"


def status_text(record: OutboundRecord, now: datetime) -> str:
    """What the status column says; words and symbols, never colour alone."""
    if record.status is RecordStatus.SENDING:
        return "⟳ Sending…"
    if record.status is RecordStatus.QUEUED:
        return "⏸ Queued: will send when back online"
    if record.status is RecordStatus.CONFIRMED:
        return "✓ Confirmed"
    if record.status is RecordStatus.FAILED:
        return f"✗ Failed: {record.status_reason}" if record.status_reason else "✗ Failed"
    if record.status is RecordStatus.UNCONFIRMED:
        return "? Unconfirmed"
    return urgency_text(record, now)


def urgency_text(record: OutboundRecord, now: datetime) -> str:
    level = urgency(record, now)
    if level is Urgency.OVERDUE and record.scheduled_at is not None:
        return f"⚠ Overdue {duration(now - record.scheduled_at)}"
    if level is Urgency.DUE_SOON and record.scheduled_at is not None:
        return f"⏰ Due in {duration(record.scheduled_at - now)}"
    if level is Urgency.UNSCHEDULED:
        return "Not scheduled"
    return "Scheduled"
