"""The outbound record as the agent sees it, and the small value types around it."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from types import MappingProxyType
from typing import Mapping, NamedTuple


class CallbackType(enum.StrEnum):
    """Who calls the contact back: this agent (Personal) or any agent of the campaign."""

    PERSONAL = "Personal"
    CAMPAIGN = "Campaign"

    @classmethod
    def parse(cls, text: str) -> "CallbackType":
        """Accept the wire spelling and the lower-case command-line spelling."""
        member = _CALLBACK_TYPES_BY_NAME.get(text.strip().lower())
        if member is None:
            raise ValueError(f"unknown callback type {text[:40]!r}: expected Personal or Campaign")
        return member


_CALLBACK_TYPES_BY_NAME = {member.value.lower(): member for member in CallbackType}


class RecordStatus(enum.StrEnum):
    """Where the record stands with respect to the agent's last operation on it."""

    SCHEDULED = "scheduled"
    QUEUED = "queued"  # saved locally, waiting for the server to be reachable
    SENDING = "sending"
    CONFIRMED = "confirmed"
    FAILED = "failed"
    UNCONFIRMED = "unconfirmed"


class RecordKey(NamedTuple):
    """OCS identifies a record by its handle within one OCS application.

    A named tuple: hashed and compared in C, which matters when 100,000 records arrive.
    """

    application_id: int
    record_handle: int

    def __str__(self) -> str:
        return f"{self.application_id}/{self.record_handle}"


@dataclass(frozen=True)
class CallingWindow:
    """The contact's daily calling window, in seconds after local midnight of the contact's zone.

    ``end_s`` may be smaller than ``start_s``: the window then spans midnight.
    """

    start_s: int
    end_s: int

    def __post_init__(self) -> None:
        for value in (self.start_s, self.end_s):
            if not 0 <= value <= 86400:
                raise ValueError(f"calling window bound {value} is outside 0..86400 seconds")

    def contains_seconds(self, seconds_after_midnight: int) -> bool:
        if self.start_s <= self.end_s:
            return self.start_s <= seconds_after_midnight <= self.end_s
        return seconds_after_midnight >= self.start_s or seconds_after_midnight <= self.end_s

    def contains(self, moment: datetime, zone: tzinfo) -> bool:
        """Whether ``moment`` falls inside the window, judged on the wall clock of ``zone``.

        Converting the absolute instant to the zone first makes the check correct on
        daylight-saving days: the wall clock is what the contact sees.
        """
        local = moment.astimezone(zone)
        return self.contains_seconds(local.hour * 3600 + local.minute * 60 + local.second)

    def describe(self) -> str:
        return f"{_hhmm(self.start_s)}–{_hhmm(self.end_s)}"


def _hhmm(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


@dataclass(frozen=True)
class ContactZone:
    """The contact's time zone: a tzinfo plus the label the agent sees (IANA name or offset)."""

    tz: tzinfo
    label: str


@dataclass(frozen=True, slots=True)
class OutboundRecord:
    """One scheduled outbound record (a callback), immutable; the store replaces it on change."""

    key: RecordKey
    campaign_name: str
    calling_list: str | None = None
    phone: str = ""
    contact_name: str = ""
    contact_zone: ContactZone | None = None
    callback_type: CallbackType | None = None
    scheduled_at: datetime | None = None
    calling_window: CallingWindow | None = None
    attempts: int = 0
    chain_id: int | None = None
    customer_fields: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    status: RecordStatus = RecordStatus.SCHEDULED
    status_reason: str = ""

    def __post_init__(self) -> None:
        if self.scheduled_at is not None and self.scheduled_at.tzinfo is None:
            raise ValueError("scheduled_at must be timezone-aware")
        if not isinstance(self.customer_fields, MappingProxyType):
            object.__setattr__(self, "customer_fields", MappingProxyType(dict(self.customer_fields)))
