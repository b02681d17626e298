"""Synchronous checks of the REST operations' parameters (gws-api.md §4, gap G3).

A request that fails here is refused in the HTTP reply and changes nothing. Whether the record
exists, is the caller's, and whether the time is acceptable is decided later (``outcomes``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Optional

from . import replies
from .settings import CALL_RESULTS
from .timeutil import MAX_EPOCH_SECONDS, zone_info

# AddRecord's phoneType (gws-api.md §4, documented enumeration).
PHONE_TYPES = ("NoContactType", "HomePhone", "DirectBusinessPhone", "BusinessWithExt", "Mobile",
               "VacationPhone", "Pager", "Modem", "VoiceMail", "PinPager", "EmailAddress",
               "InstantMessaging")
SECONDS_A_DAY = 86_400

_RECORD_KEYS = [("applicationId", int), ("campaignName", str), ("callingList", str),
                ("devicePath", str)]

# operationName -> (required params, optional params), each (name, type) in checking order.
OUTBOUND_OPERATIONS: dict[str, tuple[list[tuple[str, type]], list[tuple[str, type]]]] = {
    "RescheduleRecord": (
        [("applicationId", int), ("campaignName", str), ("callbackType", str), ("timestamp", int),
         ("devicePath", str)],
        [("referenceId", str)]),
    "CompleteRecord": (_RECORD_KEYS, [("callResult", str), ("phoneNumber", str),
                                      ("referenceId", str)]),
    "RejectRecord": (_RECORD_KEYS, [("referenceId", str)]),
    # No documentation page (gap G10): treated like RejectRecord.
    "CancelRecord": (_RECORD_KEYS, [("referenceId", str)]),
    "DoNotCallRecord": (_RECORD_KEYS, [("phoneNumber", str), ("chainAttribute", str),
                                       ("referenceId", str)]),
}

# POST /api/v2/me/outbound-records (no handle in the URL). DoNotCallRecord by phone number
# also lives there (gws-api.md §4 row 6) but is not simulated.
NEW_RECORD_OPERATIONS: dict[str, tuple[list[tuple[str, type]], list[tuple[str, type]]]] = {
    "AddRecord": (
        [("applicationId", int), ("campaignName", str), ("callingList", str),
         ("phoneNumber", str), ("timeZone", str), ("phoneType", str), ("from", int),
         ("until", int), ("devicePath", str)],
        [("chainId", int), ("otherFields", dict), ("referenceId", str)]),
}

CONTACT_CENTER_OPERATIONS = ("StartContactCenterSession", "EndContactCenterSession")
MAX_PHONE_NUMBER = 64
MAX_OTHER_FIELDS = 100


class Refusal(Exception):
    """A request refused synchronously: statusCode + message (+ HTTP status override)."""

    def __init__(self, status_code: int, message: str, http_status: Optional[int] = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.http_status = http_status


@dataclass
class OutboundRequest:
    """An accepted outbound operation, waiting for its outcome."""

    username: str
    operation: str
    handle: Optional[int]     # None: an operation without a record handle (AddRecord)
    params: dict[str, Any]
    body: dict[str, Any]
    received_ns: int = field(default_factory=time.perf_counter_ns)

    @property
    def reference_id(self) -> Optional[str]:
        return self.params.get("referenceId")


def _type_name(kind: type) -> str:
    return {int: "an integer", str: "a string", dict: "an object"}[kind]


def _has_type(value: Any, kind: type) -> bool:
    if kind is int:
        return type(value) is int  # bool is a subclass of int and is not accepted; nor is 1.0
    return isinstance(value, kind)


def operation_name(body: dict[str, Any]) -> str:
    name = body.get("operationName")
    if name is None:
        raise Refusal(replies.MISSING_PARAMETER, "Missing required parameter: operationName")
    if not isinstance(name, str):
        raise Refusal(replies.INVALID_VALUE, "operationName must be a string")
    return name


def parse_handle(text: str) -> int:
    # Digits only: "9" yes; "-9", "+9", "9.0", "nine" no. Bounded like an OCS 32-bit handle.
    if not (text.isascii() and text.isdigit()) or len(text) > 10 or int(text) > 2**31 - 1:
        raise Refusal(replies.INVALID_VALUE, f"Record handle must be a non-negative integer, got {text!r}")
    return int(text)


def check_params(operation: str, body: dict[str, Any],
                 table: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    """Validate an outbound operation's body; returns the known parameters.

    ``table``: the operations of the URL (by default those on a record's handle)."""
    table = OUTBOUND_OPERATIONS if table is None else table
    if operation not in table:
        supported = ", ".join(table)
        where = "an outbound record" if table is OUTBOUND_OPERATIONS else "new outbound records"
        raise Refusal(replies.INVALID_VALUE,
                      f"Unsupported operationName {operation!r} for {where}; "
                      f"supported: {supported}")
    required, optional = table[operation]
    for name, _ in required:
        if body.get(name) is None:  # absent or null
            raise Refusal(replies.MISSING_PARAMETER, f"Missing required parameter: {name}")
    params: dict[str, Any] = {}
    for name, kind in required + optional:
        if name not in body or (body[name] is None and (name, kind) in optional):
            continue
        value = body[name]
        if not _has_type(value, kind):
            raise Refusal(replies.INVALID_VALUE,
                          f"Parameter {name} must be {_type_name(kind)}, got {json_type(value)}")
        if kind is str and not value and name != "referenceId":
            raise Refusal(replies.INVALID_VALUE, f"Parameter {name} must not be empty")
        params[name] = value
    _check_values(params)
    return params


def _check_values(params: dict[str, Any]) -> None:
    if "callbackType" in params and params["callbackType"] not in ("Personal", "Campaign"):
        raise Refusal(replies.INVALID_VALUE,
                      f"callbackType must be Personal or Campaign, got {params['callbackType']!r}")
    if "timestamp" in params:
        ts = params["timestamp"]
        if ts < 0:
            raise Refusal(replies.INVALID_VALUE, "timestamp must not be negative")
        if ts > MAX_EPOCH_SECONDS:
            raise Refusal(replies.INVALID_VALUE,
                          f"timestamp {ts} is out of range: expected epoch seconds "
                          "(it looks like milliseconds)")
    if "applicationId" in params and params["applicationId"] < 0:
        raise Refusal(replies.INVALID_VALUE, "applicationId must not be negative")
    if "callResult" in params and params["callResult"] not in CALL_RESULTS:
        raise Refusal(replies.INVALID_VALUE, f"Unknown callResult {params['callResult']!r}")
    if "chainAttribute" in params and params["chainAttribute"] not in ("AllChain", "RecordOnly"):
        raise Refusal(replies.INVALID_VALUE,
                      f"chainAttribute must be AllChain or RecordOnly, got {params['chainAttribute']!r}")
    if len(params.get("referenceId", "")) > 256:
        raise Refusal(replies.INVALID_VALUE, "referenceId is longer than 256 characters")
    _check_new_record_values(params)


def _check_new_record_values(params: dict[str, Any]) -> None:
    """AddRecord's own parameters."""
    if "phoneType" in params and params["phoneType"] not in PHONE_TYPES:
        raise Refusal(replies.INVALID_VALUE,
                      f"phoneType must be one of {', '.join(PHONE_TYPES)}, got {params['phoneType']!r}")
    if len(params.get("phoneNumber", "")) > MAX_PHONE_NUMBER:
        raise Refusal(replies.INVALID_VALUE, f"phoneNumber is longer than {MAX_PHONE_NUMBER} characters")
    if "timeZone" in params and not _known_zone(params["timeZone"]):
        raise Refusal(replies.INVALID_VALUE,
                      f"Unknown timeZone {params['timeZone'][:64]!r}: expected a zone name such as "
                      "America/New_York or GMT")
    for name in ("from", "until"):
        if name in params and not 0 <= params[name] <= SECONDS_A_DAY:
            raise Refusal(replies.INVALID_VALUE,
                          f"{name} must be seconds after midnight (0..{SECONDS_A_DAY})")
    if "from" in params and "until" in params and params["from"] > params["until"]:
        # The simulator's windows do not span midnight (docs/simulator.md).
        raise Refusal(replies.INVALID_VALUE, "from must not be later than until")
    if "chainId" in params and params["chainId"] < 0:
        raise Refusal(replies.INVALID_VALUE, "chainId must not be negative")
    fields = params.get("otherFields")
    if fields is not None:
        if len(fields) > MAX_OTHER_FIELDS or not all(
                isinstance(k, str) and k and not k.startswith("GSW_")
                and type(v) in (str, int, float, bool) for k, v in fields.items()):
            raise Refusal(replies.INVALID_VALUE,
                          f"otherFields must map at most {MAX_OTHER_FIELDS} names (not GSW_*) to "
                          "strings, numbers or booleans")


def _known_zone(name: str) -> bool:
    if len(name) > 64 or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        zone_info(name)
    except (ValueError, OSError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return False
    return True


def check_device(params: dict[str, Any], own_device_path: str) -> None:
    path = params.get("devicePath")
    if path is not None and path != own_device_path:
        raise Refusal(replies.NOT_FOUND, f"Device {path!r} not found for this user")


def check_start_session(body: dict[str, Any]) -> None:
    channels = body.get("channels")
    if channels is None:
        raise Refusal(replies.MISSING_PARAMETER, "Missing required parameter: channels")
    if not isinstance(channels, list) or not all(isinstance(c, str) and c for c in channels):
        raise Refusal(replies.INVALID_VALUE, "channels must be a list of channel names (strings)")
    if "voice" not in channels:
        raise Refusal(replies.INVALID_VALUE, "channels must contain \"voice\" (the only simulated channel)")
    for name in ("place", "devicePath", "loginCode", "queue"):
        if name in body and not isinstance(body[name], str):
            raise Refusal(replies.INVALID_VALUE, f"Parameter {name} must be a string")


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a floating-point number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
