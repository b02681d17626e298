"""Validation of a reschedule before anything is sent.

The server has the last word (it refuses by an error notification), but an agent must hear
"that time is outside the customer's calling hours" at once, not after a round trip.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from agent_desktop.domain.agent import OutboundCapabilities
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
) -> None:
    """Raise :class:`RescheduleRefused` unless the reschedule may be sent."""
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
    if record is not None and record.calling_window is not None and record.contact_zone is not None:
        zone = record.contact_zone
        if not record.calling_window.contains(when, zone.tz):
            local = when.astimezone(zone.tz)
            raise RescheduleRefused(RefusalReason.OUTSIDE_WINDOW, _msg(
                QT_TRANSLATE_NOOP("Rules", "{time} is outside the contact's calling hours ({hours} {zone})."),
                time=f"{local:%H:%M}", hours=record.calling_window.describe(), zone=zone.label))


def _msg(template: str, **params: object) -> Message:
    return Message("Rules", template, **params)
