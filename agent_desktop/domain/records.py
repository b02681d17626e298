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


# -- a fast constructor for parsers ----------------------------------------------------------------
# A session start can bring 100,000 records. The dataclass __init__ sets each of the 14 slots
# through object.__setattr__ and then checks the fields (~3 µs); setting the slots through
# their descriptors, with the checks left to a caller that guarantees them, takes ~1 µs.
_new = object.__new__


def _setter(name: str):  # type: ignore[no-untyped-def]
    return OutboundRecord.__dict__[name].__set__  # the slot's member descriptor


_set_key, _set_campaign_name, _set_calling_list = _setter("key"), _setter("campaign_name"), _setter("calling_list")
_set_phone, _set_contact_name, _set_contact_zone = _setter("phone"), _setter("contact_name"), _setter("contact_zone")
_set_callback_type, _set_scheduled_at = _setter("callback_type"), _setter("scheduled_at")
_set_calling_window, _set_attempts, _set_chain_id = _setter("calling_window"), _setter("attempts"), _setter("chain_id")
_set_customer_fields, _set_status = _setter("customer_fields"), _setter("status")
_set_status_reason = _setter("status_reason")
_SCHEDULED = RecordStatus.SCHEDULED


def trusted_record(key: RecordKey, campaign_name: str, calling_list: str | None, phone: str,
                   contact_name: str, contact_zone: ContactZone | None,
                   callback_type: CallbackType | None, scheduled_at: datetime | None,
                   calling_window: CallingWindow | None, attempts: int, chain_id: int | None,
                   customer_fields: MappingProxyType, status: RecordStatus = _SCHEDULED,
                   status_reason: str = "") -> OutboundRecord:
    """The same record as ``OutboundRecord(...)`` with these fields, without its checks: the
    caller guarantees that ``scheduled_at`` is None or timezone-aware and that
    ``customer_fields`` is a ``MappingProxyType`` nobody else can change."""
    record = _new(OutboundRecord)
    _set_key(record, key)
    _set_campaign_name(record, campaign_name)
    _set_calling_list(record, calling_list)
    _set_phone(record, phone)
    _set_contact_name(record, contact_name)
    _set_contact_zone(record, contact_zone)
    _set_callback_type(record, callback_type)
    _set_scheduled_at(record, scheduled_at)
    _set_calling_window(record, calling_window)
    _set_attempts(record, attempts)
    _set_chain_id(record, chain_id)
    _set_customer_fields(record, customer_fields)
    _set_status(record, status)
    _set_status_reason(record, status_reason)
    return record
