"""Text the agent reads: times in two zones, durations, statuses, in the user's language.

The texts are looked up in the installed translators once (the first time they are needed after
the language is set) and kept in a dict: these functions run for every row painted.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication, QLocale

from agent_desktop.domain.records import ContactZone, OutboundRecord, RecordStatus
from agent_desktop.domain.schedule import Urgency, urgency
from agent_desktop.texts import QT_TRANSLATE_NOOP

_SOURCE = {
    "none": QT_TRANSLATE_NOOP("Format", "—"),
    "unknown": QT_TRANSLATE_NOOP("Format", "unknown"),
    "minutes": QT_TRANSLATE_NOOP("Format", "{minutes} min"),
    "hours_minutes": QT_TRANSLATE_NOOP("Format", "{hours} h {minutes:02d} min"),
    "hours": QT_TRANSLATE_NOOP("Format", "{hours} h"),
    "days": QT_TRANSLATE_NOOP("Format", "{days} days"),
    "sending": QT_TRANSLATE_NOOP("Format", "⟳ Sending…"),
    "queued": QT_TRANSLATE_NOOP("Format", "❚❚ Queued: will send when back online"),
    "confirmed": QT_TRANSLATE_NOOP("Format", "✓ Confirmed"),
    "failed_because": QT_TRANSLATE_NOOP("Format", "✗ Failed: {reason}"),
    "failed": QT_TRANSLATE_NOOP("Format", "✗ Failed"),
    "unconfirmed": QT_TRANSLATE_NOOP("Format", "? Unconfirmed"),
    "overdue": QT_TRANSLATE_NOOP("Format", "⚠ Overdue {duration}"),
    "due_in": QT_TRANSLATE_NOOP("Format", "◷ Due in {duration}"),
    "not_scheduled": QT_TRANSLATE_NOOP("Format", "Not scheduled"),
    "scheduled": QT_TRANSLATE_NOOP("Format", "Scheduled"),
    "personal": QT_TRANSLATE_NOOP("Format", "Personal"),
    "campaign": QT_TRANSLATE_NOOP("Format", "Campaign"),
}
_texts: dict[str, str] = {}
_day_names: list[str] = []
_month_names: list[str] = []


def reset_texts() -> None:
    """Forget the looked-up texts (after a translator is installed or removed)."""
    _texts.clear()
    _day_names.clear()
    _month_names.clear()


def _t(key: str) -> str:
    if not _texts:
        _texts.update({k: QCoreApplication.translate("Format", v) for k, v in _SOURCE.items()})
    return _texts[key]


def _names() -> tuple[list[str], list[str]]:
    if not _day_names:
        locale, short = QLocale(), QLocale.FormatType.ShortFormat
        _day_names.extend(locale.dayName(day, short) for day in range(1, 8))
        _month_names.extend(locale.monthName(month, short) for month in range(1, 13))
    return _day_names, _month_names


def day_name(moment: datetime) -> str:
    return _names()[0][moment.weekday()]


def zone_short_name(zone: ContactZone) -> str:
    """"America/Los_Angeles" → "Los Angeles"; offsets stay as they are."""
    if "/" in zone.label:
        return zone.label.rsplit("/", 1)[1].replace("_", " ")
    return zone.label


def agent_time(moment: datetime | None, agent_tz: tzinfo) -> str:
    if moment is None:
        return _t("none")
    local = moment.astimezone(agent_tz)
    days, months = _names()
    return f"{days[local.weekday()]} {local.day:02d} {months[local.month - 1]} {local:%H:%M}"


def contact_time(moment: datetime | None, zone: ContactZone | None, agent_tz: tzinfo) -> str:
    """The contact's wall clock, with the day when it differs from the agent's day."""
    if moment is None or zone is None:
        return _t("none")
    theirs = moment.astimezone(zone.tz)
    mine = moment.astimezone(agent_tz)
    day = f" {day_name(theirs)}" if theirs.date() != mine.date() else ""
    return f"{theirs:%H:%M}{day} · {zone_short_name(zone)}"


def zone_detail(moment: datetime | None, zone: ContactZone | None) -> str:
    """"America/Los_Angeles (PST, UTC−08:00)" for tooltips and the details pane."""
    if zone is None:
        return _t("unknown")
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


def callback_type_word(record: OutboundRecord) -> str:
    kind = record.callback_type
    if kind is None:
        return _t("none")
    return _t("personal") if kind.value == "Personal" else _t("campaign")


def widest_status_sample() -> str:
    """The longest status text a row usually shows, in the user's language (sizes the column)."""
    return max((_t("overdue").format(duration=duration(timedelta(hours=23, minutes=59))), _t("queued")[:24]),
               key=len)


def duration(delta: timedelta) -> str:
    minutes = int(abs(delta.total_seconds()) // 60)
    if minutes < 60:
        return _t("minutes").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return _t("hours_minutes").format(hours=hours, minutes=minutes) if minutes else _t("hours").format(hours=hours)
    return _t("days").format(days=hours // 24)


def status_text(record: OutboundRecord, now: datetime) -> str:
    """What the status column says; words and symbols, never colour alone."""
    status = record.status
    if status is RecordStatus.SENDING:
        return _t("sending")
    if status is RecordStatus.QUEUED:
        return _t("queued")
    if status is RecordStatus.CONFIRMED:
        return _t("confirmed")
    if status is RecordStatus.FAILED:
        return _t("failed_because").format(reason=record.status_reason) if record.status_reason else _t("failed")
    if status is RecordStatus.UNCONFIRMED:
        return _t("unconfirmed")
    return urgency_text(record, now)


def urgency_text(record: OutboundRecord, now: datetime) -> str:
    level = urgency(record, now)
    if level is Urgency.OVERDUE and record.scheduled_at is not None:
        return _t("overdue").format(duration=duration(now - record.scheduled_at))
    if level is Urgency.DUE_SOON and record.scheduled_at is not None:
        return _t("due_in").format(duration=duration(record.scheduled_at - now))
    if level is Urgency.UNSCHEDULED:
        return _t("not_scheduled")
    return _t("scheduled")
