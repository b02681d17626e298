"""What the agents' settings say (``settings["interaction-workspace"]``, WWE options as
strings): the outbound privileges, the call results offered and the callback planner's options
(docs/planner.md), with the checks of the values a run is configured with.

Standard library only: ``config`` validates with it before aiohttp is imported.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable, Mapping, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PRIVILEGE_PREFIX = "privilege.outbound."
# gws-api.md §8; "can-set-call-result" is WDE's "Can Set Call Result" (the option name is ours).
PRIVILEGES = ("can-use", "can-reschedule", "can-reschedule-before-call",
              "can-reschedule-on-new-number", "can-reject-record", "can-cancel-record",
              "can-mark-do-not-call", "can-set-call-result")

# OCS call results (gcti.h), spelled as CompleteRecord's callResult (gws-api.md G10: invented).
CALL_RESULTS = {
    "Ok": 0, "GeneralError": 3, "SystemError": 4, "RemoteRelease": 5, "Busy": 6, "NoAnswer": 7,
    "SitDetected": 8, "AnsweringMachine": 9, "AllTrunksBusy": 10, "SitInvalidNum": 11,
    "SitVacant": 12, "SitOperIntercept": 13, "SitUnknown": 14, "SitNoCircuit": 15,
    "SitReorder": 16, "Fax": 17, "Abandoned": 21, "Dropped": 26, "DroppedNoAnswer": 27,
    "Unknown": 28, "Silence": 32, "Answer": 33, "NuTone": 34, "NoDialTone": 35, "NoProgress": 36,
    "NoRingBack": 37, "NoEstablished": 38, "Pager": 39, "WrongParty": 40, "DialError": 41,
    "CallDropError": 42, "SwitchError": 43, "NoFreePort": 44, "TransferError": 45, "Stale": 46,
    "AgentCallBackError": 47, "GroupCallBackError": 48, "DoNotCall": 51, "CancelRecord": 52,
    "WrongNumber": 53,
}

DEFAULT_CALL_RESULT_VALUES = "Answer,Busy,NoAnswer,AnsweringMachine,WrongParty,WrongNumber,DoNotCall"
# The demo's planner: every campaign dials 08:00-21:00 on the contact's clock, Monday to
# Saturday; the holidays are chosen near the start date (``demo_holidays``) so the demo shows them.
DEFAULT_CAMPAIGN_HOURS = "*=08:00-21:00"
DEFAULT_CALLING_DAYS = "mon-sat"

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)")


def privilege_name(text: str) -> str:
    """The full option name of a privilege given as ``can-x`` or ``privilege.outbound.can-x``."""
    short = text.strip()
    if short.startswith(PRIVILEGE_PREFIX):
        short = short[len(PRIVILEGE_PREFIX):]
    if short not in PRIVILEGES:
        raise ValueError(f"unknown privilege {text!r}; known: {', '.join(PRIVILEGES)}")
    return PRIVILEGE_PREFIX + short


def _entries(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def check_call_result_values(text: str) -> None:
    unknown = [name for name in _entries(text) if name not in CALL_RESULTS]
    if unknown:
        raise ValueError(f"unknown call results {', '.join(unknown)}; known: {', '.join(CALL_RESULTS)}")


def check_campaign_hours(text: str) -> None:
    """``Campaign=HH:MM-HH:MM`` entries; ``*`` names the campaigns not named."""
    for entry in _entries(text):
        name, sep, hours = entry.rpartition("=")
        match = _HOURS.fullmatch(hours.strip())
        if not sep or not name.strip() or match is None:
            raise ValueError(f"campaign hours entry {entry!r} is not Campaign=HH:MM-HH:MM")
        start, end = hours.strip().split("-")
        if end > "24:00" or start >= end:
            raise ValueError(f"campaign hours {hours.strip()!r} must start before they end")


def check_calling_days(text: str) -> None:
    """Weekday names (``mon``…``sun``) or ranges (``mon-fri``); empty: every day."""
    for entry in _entries(text):
        ends = [day.strip().lower() for day in entry.split("-")]
        if len(ends) > 2 or any(day not in WEEKDAYS for day in ends):
            raise ValueError(f"calling days entry {entry!r} is not a weekday (mon..sun) or a range")


def _zone_exists(name: str) -> bool:
    if not name or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def check_holidays(text: str) -> None:
    """``YYYY-MM-DD`` (every contact) or ``Zone/Name=YYYY-MM-DD`` (contacts in that zone)."""
    for entry in _entries(text):
        zone, _, day = entry.rpartition("=")
        try:
            dt.date.fromisoformat(day.strip())
        except ValueError:
            raise ValueError(f"holiday {entry!r} is not YYYY-MM-DD or Zone/Name=YYYY-MM-DD") from None
        if zone and not _zone_exists(zone.strip()):
            raise ValueError(f"holiday {entry!r} names an unknown time zone")


def demo_holidays(start: dt.date) -> str:
    """Two holidays a few days after ``start``, never on a Sunday (not a calling day anyway):
    one for every contact, one for contacts in New York only."""
    def not_sunday(day: dt.date) -> dt.date:
        return day + dt.timedelta(days=1) if day.weekday() == 6 else day

    everyone = not_sunday(start + dt.timedelta(days=2))
    new_york = not_sunday(everyone + dt.timedelta(days=2))
    return f"{everyone.isoformat()},America/New_York={new_york.isoformat()}"


def interaction_workspace(denied: Iterable[str], callback_types: str, call_result_values: str,
                          campaign_hours: str, calling_days: str,
                          holidays: str) -> dict[str, str]:
    """``settings["interaction-workspace"]`` of every agent: privileges as "true"/"false"."""
    refused = set(denied)
    section = {PRIVILEGE_PREFIX + p: "false" if PRIVILEGE_PREFIX + p in refused else "true"
               for p in PRIVILEGES}
    section["outbound.callback-types"] = callback_types
    section["outbound.call-result-values"] = call_result_values
    section["outbound.planner.campaign-hours"] = campaign_hours
    section["outbound.planner.calling-days"] = calling_days
    section["outbound.planner.holidays"] = holidays
    return section


# Operation -> the privilege it needs (besides can-use), when privileges are enforced.
_OPERATION_PRIVILEGES = {
    "RescheduleRecord": "can-reschedule",
    # Only the desktop's "reschedule on a new number" adds records to a chain (gws-api.md §8).
    "AddRecord": "can-reschedule-on-new-number",
    "RejectRecord": "can-reject-record",
    "CancelRecord": "can-cancel-record",
    "DoNotCallRecord": "can-mark-do-not-call",
}


def missing_privilege(operation: str, params: Mapping[str, Any],
                      denied: Iterable[str]) -> Optional[str]:
    """The first privilege ``operation`` needs that is denied, or None."""
    needed = ["can-use"]
    if operation in _OPERATION_PRIVILEGES:
        needed.append(_OPERATION_PRIVILEGES[operation])
    if operation == "CompleteRecord" and "callResult" in params:
        needed.append("can-set-call-result")  # completing without a result needs no privilege
    refused = set(denied)
    for privilege in needed:
        if PRIVILEGE_PREFIX + privilege in refused:
            return PRIVILEGE_PREFIX + privilege
    return None
