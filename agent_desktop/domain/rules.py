"""Validation of a reschedule before anything is sent.

The server has the last word (it refuses by an error notification), but an agent must hear
"that time is outside the customer's calling hours" at once, not after a round trip.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from agent_desktop.domain.agent import OutboundCapabilities
from agent_desktop.domain.policy import NO_POLICY, CallingPolicy
from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey
from agent_desktop.texts import QT_TRANSLATE_NOOP, Message

#: A callback needs a little lead: a time a few seconds ahead is in the past by the time OCS sees it.
MIN_LEAD = timedelta(seconds=60)


class RefusalReason(enum.StrEnum):
    NOT_AWARE = "not-aware"
    IN_PAST = "in-past"
    OUTSIDE_WINDOW = "outside-window"
    TYPE_NOT_ALLOWED = "type-not-allowed"
    NOT_PERMITTED = "not-permitted"
    OUTSIDE_CAMPAIGN_HOURS = "outside-campaign-hours"
    NOT_A_CALLING_DAY = "not-a-calling-day"
    HOLIDAY = "holiday"


class RescheduleRefused(ValueError):
    """A reschedule the rules refuse; ``message`` is written for the agent."""

    def __init__(self, reason: RefusalReason, message: str | Message) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class RescheduleRequest:
    """One reschedule as sent: the ``referenceId`` stays the same across retries."""

    key: RecordKey
    campaign_name: str
    when: datetime
    callback_type: CallbackType
    reference_id: str

    @property
    def timestamp(self) -> int:
        """GWS wants epoch seconds (the seed sample: 1433917552 = 2015-06-10 06:25:52 UTC)."""
        return int(self.when.timestamp())


def validate_reschedule(
    when: datetime,
    callback_type: CallbackType,
    *,
    now: datetime,
    record: OutboundRecord | None = None,
    capabilities: OutboundCapabilities | None = None,
    min_lead: timedelta = MIN_LEAD,
    policy: CallingPolicy | None = None,
) -> None:
    """Raise :class:`RescheduleRefused` unless the reschedule may be sent.

    With a ``policy``, the campaign's hours, calling days and holidays refuse too (on the
    contact's calendar; see :func:`calling_time_refusal`).
    """
    if when.tzinfo is None or now.tzinfo is None:
        raise RescheduleRefused(RefusalReason.NOT_AWARE, _msg(QT_TRANSLATE_NOOP("Rules", "The time has no time zone.")))
    if capabilities is not None:
        if not capabilities.may_reschedule:
            raise RescheduleRefused(RefusalReason.NOT_PERMITTED, _msg(
                QT_TRANSLATE_NOOP("Rules", "Your account is not allowed to reschedule records.")))
        if callback_type not in capabilities.allowed_callback_types:
            raise RescheduleRefused(RefusalReason.TYPE_NOT_ALLOWED, _msg(
                QT_TRANSLATE_NOOP("Rules", "{type} callbacks are not allowed here."), type=callback_type.value))
    if when < now + min_lead:
        raise RescheduleRefused(RefusalReason.IN_PAST, _msg(
            QT_TRANSLATE_NOOP("Rules", "Pick a time at least {minutes} minute(s) from now."),
            minutes=int(min_lead.total_seconds() // 60)))
    if record is not None:
        refusal = calling_time_refusal(record, policy, when)
        if refusal is not None:
            raise refusal


# One template per weekday: a translator needs the whole sentence, not a day name pasted in.
_NOT_A_CALLING_DAY = (
    QT_TRANSLATE_NOOP("Rules", "Monday {date} is not a calling day for the contact ({zone})."),
    QT_TRANSLATE_NOOP("Rules", "Tuesday {date} is not a calling day for the contact ({zone})."),
    QT_TRANSLATE_NOOP("Rules", "Wednesday {date} is not a calling day for the contact ({zone})."),
    QT_TRANSLATE_NOOP("Rules", "Thursday {date} is not a calling day for the contact ({zone})."),
    QT_TRANSLATE_NOOP("Rules", "Friday {date} is not a calling day for the contact ({zone})."),
    QT_TRANSLATE_NOOP("Rules", "Saturday {date} is not a calling day for the contact ({zone})."),
    QT_TRANSLATE_NOOP("Rules", "Sunday {date} is not a calling day for the contact ({zone})."),
)


def calling_time_refusal(
    record: OutboundRecord, policy: CallingPolicy | None, when: datetime
) -> RescheduleRefused | None:
    """Why the contact may not be called at ``when`` (the refusal to raise), or None.

    Every rule is read on the contact's wall clock and calendar; a record without a known zone
    cannot be judged and passes. Day rules come first: "Sunday is not a calling day" says more
    than "03:00 is outside the calling hours" when both are true.
    """
    zone = record.contact_zone
    if zone is None:
        return None
    policy = policy or NO_POLICY
    local = when.astimezone(zone.tz)
    day = local.date()
    if policy.is_holiday(day, zone.label) or policy.is_holiday(day, getattr(zone.tz, "key", None)):
        return RescheduleRefused(RefusalReason.HOLIDAY, _msg(
            QT_TRANSLATE_NOOP("Rules", "{date} is a holiday for the contact ({zone})."),
            date=day.isoformat(), zone=zone.label))
    if day.weekday() not in policy.calling_days:
        return RescheduleRefused(RefusalReason.NOT_A_CALLING_DAY, _msg(
            _NOT_A_CALLING_DAY[day.weekday()], date=day.isoformat(), zone=zone.label))
    window = record.calling_window
    if window is not None and not window.contains(when, zone.tz):
        return RescheduleRefused(RefusalReason.OUTSIDE_WINDOW, _msg(
            QT_TRANSLATE_NOOP("Rules", "{time} is outside the contact's calling hours ({hours} {zone})."),
            time=f"{local:%H:%M}", hours=window.describe(), zone=zone.label))
    hours = policy.hours_for(record.campaign_name)
    if hours is not None and not hours.contains(when, zone.tz):
        return RescheduleRefused(RefusalReason.OUTSIDE_CAMPAIGN_HOURS, _msg(
            QT_TRANSLATE_NOOP("Rules", "{time} is outside the campaign's calling hours ({hours} {zone})."),
            time=f"{local:%H:%M}", hours=hours.describe(), zone=zone.label))
    return None


def _msg(template: str, **params: object) -> Message:
    return Message("Rules", template, **params)
