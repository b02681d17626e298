"""JSON ↔ domain mapping for GWS v2: replies, notifications and request bodies.

Everything here treats its input as hostile: a wrong type, a missing key or an absurd value makes
a field unknown (or the message skipped), never an exception that escapes to the caller.
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime, timezone
from types import MappingProxyType
from typing import Any, Mapping

from agent_desktop.domain.agent import AgentProfile, Device, OutboundCapabilities
from agent_desktop.domain.policy import CallingPolicy
from agent_desktop.domain.records import (
    CallbackType,
    CallingWindow,
    OutboundRecord,
    RecordKey,
    trusted_record,
)
from agent_desktop.domain.rules import RescheduleRequest
from agent_desktop.domain.timezones import resolve_contact_zone
from agent_desktop.services.events import (
    DeviceStateChanged,
    Event,
    OperationAcknowledged,
    OperationFailed,
    RecordWithdrawn,
    record_pushed,
)
from agent_desktop.services.planner_options import calling_policy

log = logging.getLogger(__name__)

OUTBOUND_CHANNEL = "/v2/me/outbound"
DEVICES_CHANNEL = "/v2/me/devices"

MAX_TEXT = 1000  # longer strings from the wire are cut: a row is no place for a novel
MAX_CUSTOMER_FIELDS = 100
# Epoch seconds between 2000 and 2200: anything else is a corrupt timestamp, not a callback time.
_EPOCH_MIN, _EPOCH_MAX = 946684800, 7258118400

RECORD_PUSH_TYPES = frozenset({"PreviewRecord", "ScheduledCall"})
ADD_RECORD_ACK = "AddRecordAcknowledge"
# AddRecord's phoneType when nothing better is known (gws-api.md §4: the documented enumeration).
NO_CONTACT_TYPE = "NoContactType"
WITHDRAW_TYPES = frozenset({"RecordCancel", "RecordRemove"})
# Keys of userData that the record model consumes; the others are the customer's fields.
_CONSUMED_KEYS = frozenset({"contact_name", "contact_time_zone", "dial_sched_time", "contact_info",
                            "InteractionType", "InteractionSubtype"})


# -- small typed getters -------------------------------------------------------------------------
def as_int(value: Any) -> int | None:
    """An int from an int or a string of digits; bools and floats with fractions are not ints."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, str) and 0 < len(value) <= 20:
        text = value.strip()
        if text.lstrip("-").isdigit() and text.isascii():
            return int(text)
    return None


def as_text(value: Any, limit: int = MAX_TEXT) -> str | None:
    if type(value) is str:
        return value if len(value) <= limit else value[:limit]
    if isinstance(value, str):
        return str(value)[:limit]
    return None


def _int(value: Any) -> int | None:
    """``as_int`` with the common case (a plain int) first: records arrive by the 100,000."""
    return value if type(value) is int else as_int(value)


def as_mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


# -- REST replies --------------------------------------------------------------------------------
def parse_device(data: Any) -> Device | None:
    data = as_mapping(data)
    device_id = as_text(data.get("id"), 200)
    if not device_id:
        return None
    user_state = as_mapping(data.get("userState"))
    return Device(
        device_id=device_id,
        state=as_text(data.get("deviceState"), 50) or "",
        phone_number=as_text(data.get("phoneNumber"), 100) or "",
        user_state=as_text(user_state.get("state"), 50) or "",
    )


def parse_devices(items: Any) -> tuple[Device, ...]:
    if not isinstance(items, list):
        return ()
    return tuple(d for d in (parse_device(item) for item in items) if d is not None)


def _truthy(value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return default


def parse_outbound_capabilities(settings: Any) -> OutboundCapabilities:
    """Privileges arrive as strings in ``settings["interaction-workspace"]`` (WWE options)."""
    section = as_mapping(as_mapping(settings).get("interaction-workspace"))
    allowed: set[CallbackType] = set()
    raw_types = section.get("outbound.callback-types")
    if isinstance(raw_types, str):
        for part in raw_types.split(","):
            try:
                allowed.add(CallbackType.parse(part))
            except ValueError:
                log.warning("ignoring unknown callback type %r in settings", part[:40])
    else:
        allowed = set(CallbackType)
    def granted(name: str) -> bool:
        return _truthy(section.get("privilege.outbound." + name), False)

    return OutboundCapabilities(
        can_use=granted("can-use"),
        can_reschedule=granted("can-reschedule"),
        allowed_callback_types=frozenset(allowed),
        can_reschedule_on_new_number=granted("can-reschedule-on-new-number"),
        can_cancel_record=granted("can-cancel-record"),
        can_mark_do_not_call=granted("can-mark-do-not-call"),
        can_set_call_result=granted("can-set-call-result"),
        call_result_values=_call_result_values(section.get("outbound.call-result-values")),
    )


def _call_result_values(value: Any) -> tuple[str, ...]:
    """``"Answer,Busy,..."`` → the names in order, each once; () when absent (the default list)."""
    if not isinstance(value, str):
        return ()
    names = dict.fromkeys(part.strip()[:40] for part in value.split(",")[:100] if part.strip())
    return tuple(names)


def parse_calling_policy(settings: Any) -> CallingPolicy:
    """The planner's options in ``settings["interaction-workspace"]`` (``planner_options``)."""
    return calling_policy(as_mapping(as_mapping(settings).get("interaction-workspace")))


def parse_user(body: Any) -> AgentProfile:
    """The agent from ``GET /api/v2/me?subresources=*``; raises ValueError if there is no user."""
    user = as_mapping(as_mapping(body).get("user"))
    username = as_text(user.get("userName"), 200)
    if not username:
        raise ValueError("the reply has no user")
    roles = user.get("roles")
    settings = user.get("settings")
    return AgentProfile(
        user_id=as_text(user.get("id"), 200) or "",
        username=username,
        first_name=as_text(user.get("firstName"), 200) or "",
        last_name=as_text(user.get("lastName"), 200) or "",
        roles=tuple(r for r in roles if isinstance(r, str)) if isinstance(roles, list) else (),
        devices=parse_devices(user.get("devices")),
        outbound=parse_outbound_capabilities(settings),
        calling_policy=parse_calling_policy(settings),
    )


# -- notifications -------------------------------------------------------------------------------
def _record_key(record: Mapping[str, Any], user_data: Mapping[str, Any]) -> RecordKey | None:
    handle = _int(record.get("recordHandle"))
    if handle is None:
        handle = _int(user_data.get("GSW_RECORD_HANDLE"))
    application = _int(record.get("applicationId"))
    if application is None:
        application = _int(user_data.get("GSW_APPLICATION_ID"))
    if handle is None or application is None:
        return None
    return RecordKey(application, handle)


def _scheduled_at(user_data: Mapping[str, Any]) -> datetime | None:
    epoch = _int(user_data.get("dial_sched_time"))
    if epoch is not None and _EPOCH_MIN <= epoch <= _EPOCH_MAX:
        return datetime.fromtimestamp(epoch, timezone.utc)
    text = as_text(user_data.get("GSW_DATE_TIME"), 40)
    if text:
        try:
            # GWS writes the moment in UTC as MM/DD/YYYY HH:MM (the seed: 1433917552 → 06/10/2015 06:25).
            return datetime.strptime(text.strip(), "%m/%d/%Y %H:%M").replace(tzinfo=timezone.utc)
        except ValueError:
            return None
    return None


def _callback_type(user_data: Mapping[str, Any]) -> CallbackType | None:
    text = as_text(user_data.get("GSW_CALLBACK_TYPE"), 40)
    if text:
        try:
            return CallbackType.parse(text)
        except ValueError:
            pass
    # OCS record types: 4 PersonalRescheduled, 5 PersonalCallBack, 3 CampaignRescheduled, 6 CampaignCallBack.
    record_type = as_int(user_data.get("GSW_RECORD_TYPE"))
    if record_type in (4, 5):
        return CallbackType.PERSONAL
    if record_type in (3, 6):
        return CallbackType.CAMPAIGN
    return None


def _calling_window(user_data: Mapping[str, Any]) -> CallingWindow | None:
    start, end = _int(user_data.get("GSW_FROM")), _int(user_data.get("GSW_UNTIL"))
    if start is None or end is None:
        return None
    return _window(start, end)


@functools.lru_cache(maxsize=4096)
def _window(start: int, end: int) -> CallingWindow | None:
    """Windows repeat across records: one shared immutable object per (start, end)."""
    try:
        return CallingWindow(start, end)
    except ValueError:
        return None


_names_by_keys: dict[tuple[Any, ...], tuple[str, ...]] = {}


def _customer_names(keys: tuple[Any, ...]) -> tuple[str, ...]:
    """Which keys of a userData are the customer's own: the same for every record of a
    calling list, so worked out once per set of keys (a dict: cheaper than lru_cache here)."""
    names = _names_by_keys.get(keys)
    if names is None:
        if len(_names_by_keys) >= 256:
            _names_by_keys.clear()
        found = [k for k in keys if type(k) is str and not k.startswith("GSW_") and k not in _CONSUMED_KEYS]
        names = _names_by_keys[keys] = tuple(found[:MAX_CUSTOMER_FIELDS])
    return names


def _customer_fields(user_data: Mapping[str, Any]) -> MappingProxyType:
    """The calling-list fields that are not Genesys' own (GSW_*) nor consumed by the model."""
    keys = tuple(user_data)
    fields: dict[str, str] = {}
    for name in _customer_names(keys if len(keys) <= 512 else keys[:512]):
        value = user_data[name]
        kind = type(value)
        if kind is str:
            text = value if len(value) <= MAX_TEXT else value[:MAX_TEXT]
        elif kind is int or kind is float or kind is bool:
            text = str(value)[:MAX_TEXT]
        else:
            continue
        fields[name if len(name) <= 100 else name[:100]] = text
    return MappingProxyType(fields) if fields else _NO_FIELDS


@functools.lru_cache(maxsize=4096)
def _zone(iana: str | None, abbreviation: str | None, offset: int | None):  # type: ignore[no-untyped-def]
    """Zones repeat across records: resolve each combination once."""
    return resolve_contact_zone(iana, abbreviation, offset)


# Caches by raw wire value for the fields that repeat across records (a calling list has a
# few zones, types and windows, and thousands of records share a scheduled time): a session
# start parses 100,000 records, and a dict lookup is cheaper than working a value out again.
# Each is bounded: emptied when full, so hostile input cannot grow them.
_CACHE_LIMIT = 4096
_zones: dict[tuple[Any, Any, Any], Any] = {}
_callback_types: dict[tuple[Any, Any], CallbackType | None] = {}
_moments: dict[int, datetime] = {}
_NO_FIELDS: MappingProxyType = MappingProxyType({})
_new_key = functools.partial(tuple.__new__, RecordKey)  # RecordKey(a, h) without its Python __new__


def _zone_of(key: tuple[Any, Any, Any]):  # type: ignore[no-untyped-def]
    iana, abbreviation, offset = key
    zone = _zone(as_text(iana, 64), as_text(abbreviation, 10), _int(offset))
    # Only an int (or absent) offset is a safe cache key: True == 1 as keys, but True is no
    # offset while 1 is one.
    if type(offset) is int or offset is None:
        try:
            if len(_zones) >= _CACHE_LIMIT:
                _zones.clear()
            _zones[key] = zone
        except TypeError:  # an unhashable value (a list where a name belongs)
            pass
    return zone


def _callback_type_of(key: tuple[Any, Any], user_data: Mapping[str, Any]) -> CallbackType | None:
    callback_type = _callback_type(user_data)
    try:
        if len(_callback_types) >= _CACHE_LIMIT:
            _callback_types.clear()
        _callback_types[key] = callback_type
    except TypeError:
        pass
    return callback_type


def _moment(epoch: int) -> datetime:
    if len(_moments) >= _CACHE_LIMIT:
        _moments.clear()
    when = _moments[epoch] = datetime.fromtimestamp(epoch, timezone.utc)  # immutable: shared
    return when


def parse_record(record: Any) -> OutboundRecord | None:
    """A record from a ``PreviewRecord``/``ScheduledCall`` notification; None if unusable.

    Written for 100,000 records in a burst: each field takes the common case (the type the
    server sends, within its length limit) inline and anything else through the typed getters,
    with the same result as always going through them (``tests/services/test_wire_fast.py``
    compares both on arbitrary input)."""
    if type(record) is not dict:
        record = as_mapping(record)
    user_data = record.get("userData")
    if type(user_data) is not dict:
        user_data = as_mapping(user_data)
    get = user_data.get
    handle = record.get("recordHandle")
    if type(handle) is not int:
        handle = as_int(handle)
        if handle is None:
            handle = _int(get("GSW_RECORD_HANDLE"))
    application = record.get("applicationId")
    if type(application) is not int:
        application = as_int(application)
        if application is None:
            application = _int(get("GSW_APPLICATION_ID"))
    if handle is None or application is None:
        return None

    campaign = record.get("campaignName")
    if type(campaign) is not str or not campaign or len(campaign) > MAX_TEXT:
        campaign = as_text(campaign) or as_text(get("GSW_CAMPAIGN_NAME")) or ""
    calling_list = record.get("callingList")
    if type(calling_list) is not str or not calling_list or len(calling_list) > MAX_TEXT:
        calling_list = as_text(calling_list) or as_text(get("GSW_CALLING_LIST"))
    phone = get("GSW_PHONE")
    if type(phone) is not str or not phone or len(phone) > 100:
        phone = as_text(phone, 100) or as_text(get("contact_info"), 100) or ""
    name = get("contact_name")
    if type(name) is not str or len(name) > 200:
        name = as_text(name, 200) or ""

    offset = get("GSW_TZ_OFFSET")
    zone_key = (get("contact_time_zone"), get("GSW_TZ_NAME"), offset)
    if type(offset) is int or offset is None:  # see _zone_of
        try:
            zone = _zones[zone_key]
        except (KeyError, TypeError):
            zone = _zone_of(zone_key)
    else:
        zone = _zone_of(zone_key)
    type_key = (get("GSW_CALLBACK_TYPE"), get("GSW_RECORD_TYPE"))
    try:
        callback_type = _callback_types[type_key]
    except (KeyError, TypeError):
        callback_type = _callback_type_of(type_key, user_data)
    epoch = get("dial_sched_time")
    if type(epoch) is int and _EPOCH_MIN <= epoch <= _EPOCH_MAX:
        when = _moments.get(epoch) or _moment(epoch)
    else:
        when = _scheduled_at(user_data)
    start, end = get("GSW_FROM"), get("GSW_UNTIL")
    window = _window(start, end) if type(start) is int and type(end) is int else _calling_window(user_data)
    attempts = get("GSW_ATTEMPTS")
    if type(attempts) is not int:
        attempts = as_int(attempts)
    chain_id = get("GSW_CHAIN_ID")
    if type(chain_id) is not int:
        chain_id = as_int(chain_id)
    return trusted_record(
        _new_key((application, handle)), campaign, calling_list, phone, name, zone, callback_type, when,
        window, attempts if attempts is not None and attempts >= 0 else 0, chain_id, _customer_fields(user_data))


def parse_notification(message: Any) -> Event | None:
    """One Bayeux data message → a typed event, or None for what the app does not use."""
    if type(message) is not dict:
        message = as_mapping(message)
    channel = message.get("channel")
    data = message.get("data")
    if type(data) is not dict:
        data = as_mapping(data)
    message_type = data.get("messageType")
    if channel == OUTBOUND_CHANNEL and message_type == "OutboundRecordMessage":
        return _parse_outbound_record_message(data)
    if channel == DEVICES_CHANNEL and message_type == "DeviceStateChangeMessage":
        return DeviceStateChanged(parse_devices(data.get("devices")))
    return None


def _parse_outbound_record_message(data: Mapping[str, Any]) -> Event | None:
    notification = data.get("notificationType")
    if type(notification) is not str or len(notification) > 100:
        notification = as_text(notification, 100) or ""
    if notification in RECORD_PUSH_TYPES:  # first: a session start brings 100,000 of these
        parsed = parse_record(data.get("record"))
        if parsed is None:
            log.warning("skipping a %s without a usable record handle", notification)
            return None
        return record_pushed((parsed, notification))
    reference_id = as_text(data.get("referenceId"), 200)
    record = as_mapping(data.get("record"))
    key = _record_key(record, as_mapping(record.get("userData")))
    if notification.endswith("Acknowledge"):
        return OperationAcknowledged(reference_id, notification, key)
    if notification in WITHDRAW_TYPES and key is not None:
        return RecordWithdrawn(key, notification)
    if notification == "Error" or reference_id is not None:
        # Any notification we do not know that carries one of our referenceIds ends that
        # operation: waiting for an acknowledgement that will not come helps nobody.
        message = as_text(data.get("errorMessage")) or f"The server answered {notification or 'an unknown notification'}."
        return OperationFailed(reference_id, key, as_int(data.get("errorCode")), message)
    return None


# -- request bodies ------------------------------------------------------------------------------
def reschedule_body(request: RescheduleRequest, device_path: str) -> dict[str, Any]:
    """The RescheduleRecord body, key for key as the documented sample."""
    return {
        "operationName": "RescheduleRecord",
        "applicationId": request.key.application_id,
        "campaignName": request.campaign_name,
        "callbackType": request.callback_type.value,
        "timestamp": request.timestamp,
        "devicePath": device_path,
        "referenceId": request.reference_id,
    }


def _record_operation(operation: str, record: OutboundRecord, device_path: str) -> dict[str, Any]:
    """The keys every operation on a record requires (gws-api.md §4); ``record.calling_list``
    must be known."""
    return {
        "operationName": operation,
        "applicationId": record.key.application_id,
        "campaignName": record.campaign_name,
        "callingList": record.calling_list,
        "devicePath": device_path,
    }


def cancel_record_body(record: OutboundRecord, device_path: str, reference_id: str) -> dict[str, Any]:
    """CancelRecord (no documented page, gap G10): the keys of RejectRecord."""
    return {**_record_operation("CancelRecord", record, device_path), "referenceId": reference_id}


def do_not_call_body(record: OutboundRecord, device_path: str, reference_id: str, *,
                     whole_chain: bool) -> dict[str, Any]:
    """DoNotCallRecord by handle: ``chainAttribute`` AllChain (the contact's whole chain) or
    RecordOnly."""
    return {**_record_operation("DoNotCallRecord", record, device_path),
            "chainAttribute": "AllChain" if whole_chain else "RecordOnly", "referenceId": reference_id}


def complete_record_body(record: OutboundRecord, device_path: str, reference_id: str,
                         call_result: str) -> dict[str, Any]:
    """CompleteRecord with the agent's ``callResult`` (an OCS call-result name, gap G10)."""
    return {**_record_operation("CompleteRecord", record, device_path), "callResult": call_result,
            "referenceId": reference_id}


def add_record_body(record: OutboundRecord, *, phone: str, time_zone: str, window: CallingWindow,
                    device_path: str, reference_id: str, phone_type: str = NO_CONTACT_TYPE) -> dict[str, Any]:
    """AddRecord (``POST /api/v2/me/outbound-records``): a new number for ``record``'s contact,
    in its campaign and calling list, joining its chain (``chainId``) when the chain is known.
    ``time_zone`` is an IANA name; ``window`` the daily calling window (``from``/``until``)."""
    body: dict[str, Any] = {
        "operationName": "AddRecord",
        "applicationId": record.key.application_id,
        "campaignName": record.campaign_name,
        "callingList": record.calling_list,
        "phoneNumber": phone,
        "timeZone": time_zone,
        "phoneType": phone_type,
        "from": window.start_s,
        "until": window.end_s,
        "devicePath": device_path,
    }
    if record.chain_id is not None:
        body["chainId"] = record.chain_id
    body["referenceId"] = reference_id
    return body
