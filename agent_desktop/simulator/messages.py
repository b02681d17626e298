"""Builders of the JSON messages the simulator sends, shaped key for key like tests/wire_samples/.

REST bodies (user, device) and CometD notifications (PreviewRecord, ScheduledCall, the
acknowledgement pair, the error pair, DeviceStateChangeMessage). Nothing here sends anything.
"""

from __future__ import annotations

import json
import time
from json.encoder import encode_basestring_ascii as _json_string
from typing import Any, Iterable, Optional

from .state import Agent, Record
from .timeutil import gsw_date_time, zone_abbreviation_and_offset

OUTBOUND_CHANNEL = "/v2/me/outbound"
DEVICES_CHANNEL = "/v2/me/devices"
# The seed shows the DeviceUserEventMessage companion on this channel, delivered beside the ack.
INTERNAL_CHANNEL = "/me/internal"

# Outbound operation -> notificationType / GSW_USER_EVENT of its acknowledgement (gws-api.md §4).
ACK_NAMES = {
    "RescheduleRecord": "ScheduledRecordRescheduleAcknowledge",
    "CompleteRecord": "RecordProcessedAcknowledge",
    "RejectRecord": "RecordRejectAcknowledge",
    "CancelRecord": "RecordCancelAcknowledge",
    "DoNotCallRecord": "DoNotCallAcknowledge",
    # No documentation page names it (gap G10): OCS's event name.
    "AddRecord": "AddRecordAcknowledge",
}

# Compact, ASCII-only JSON, as the CometD replies carry it (RecordEncoder's fallback).
_compact = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode


def device_json(agent: Agent) -> dict[str, Any]:
    """A device as in devices_reply.json (and inside me_reply.json / DeviceStateChangeMessage)."""
    return {
        "id": agent.device_id,
        "deviceState": agent.device_state,
        "userState": dict(agent.user_state),
        "phoneNumber": agent.phone_number,
        "e164Number": agent.phone_number,
        "telephonyNetwork": "Private",
        "doNotDisturb": "Off",
        "capabilities": ["ForwardCallsOn", "DoNotDisturbOn"],
    }


def settings_json(interaction_workspace: dict[str, str]) -> dict[str, Any]:
    """settings: WWE options are strings (gws-api.md §1.4, G12); see ``settings.py``."""
    return {"interaction-workspace": dict(interaction_workspace)}


def features_json() -> list[str]:
    # Shape not documented (gws-api.md G10): a list of feature names.
    return ["api-voice", "api-voice-outbound", "api-user-settings"]


def channels_json(agent: Agent) -> list[dict[str, Any]]:
    # Shape not documented: one entry per media channel with its login state.
    return [{"name": "voice", "state": "LoggedIn" if agent.cc_session_active else "LoggedOut"}]


def user_json(agent: Agent, base_url: str, subresources: set[str],
              interaction_workspace: dict[str, str]) -> dict[str, Any]:
    """The user of GET /api/v2/me (me_reply.json), with the requested subresources."""
    user: dict[str, Any] = {
        "id": agent.user_id,
        "userName": agent.username,
        "firstName": agent.first_name,
        "lastName": agent.last_name,
        "emailAddress": agent.email,
        "roles": ["ROLE_AGENT"],
        "enabled": True,
        "changePasswordOnFirstLogin": False,
        "contactCenterId": agent.contact_center_id,
        "uri": f"{base_url}/api/v2/users/{agent.user_id}",
        "path": f"/users/{agent.user_id}",
    }
    if "devices" in subresources:
        user["devices"] = [device_json(agent)]
    if "settings" in subresources:
        user["settings"] = settings_json(interaction_workspace)
    if "features" in subresources:
        user["features"] = features_json()
    if "channels" in subresources:
        user["channels"] = channels_json(agent)
    return user


def device_state_change(agent: Agent) -> dict[str, Any]:
    return {"channel": DEVICES_CHANNEL,
            "data": {"messageType": "DeviceStateChangeMessage", "devices": [device_json(agent)]}}


def record_notification(record: Record, agent: Agent, event: str, now: float) -> dict[str, Any]:
    """PreviewRecord / ScheduledCall: the whole record, as preview_record_notification.json."""
    campaign = record.campaign
    tz_name, tz_offset = zone_abbreviation_and_offset(record.zone, now)
    user_data = {
        "GSW_USER_EVENT": event,
        "GSW_APPLICATION_ID": campaign.application_id,
        "GSW_CAMPAIGN_NAME": campaign.name,
        "GSW_CAMPAIGN_GROUP_NAME": campaign.group_name,
        "GSW_CAMPAIGN_GROUP_DBID": campaign.group_dbid,
        "GSW_CALLING_LIST": campaign.calling_list,
        "GSW_CALLING_LIST_DBID": campaign.calling_list_dbid,
        "GSW_SWITCH_DBID": 101,
        "GSW_RECORD_HANDLE": record.handle,
        "GSW_CHAIN_ID": record.chain_id,
        "GSW_AGENT_ID": agent.username,
        "GSW_PHONE": record.phone,
        "GSW_TZ_NAME": tz_name,
        "GSW_TZ_OFFSET": tz_offset,
        "GSW_CALL_RESULT": record.call_result,
        "GSW_ATTEMPTS": record.attempts,
        "GSW_CALL_ATTEMPT_GUID": record.attempt_guid,
        "GSW_FROM": record.daily_from,
        "GSW_UNTIL": record.daily_until,
        "GSW_RECORD_TYPE": record.record_type,
        "GSW_CALLBACK_TYPE": record.callback_type,
        "GSW_DATE_TIME": gsw_date_time(record.scheduled),
        "dial_sched_time": record.scheduled,
        "contact_time_zone": record.time_zone,
        "contact_name": record.contact_name,
        "contact_info": record.phone,
        "account_number": record.account_number,
        "InteractionType": "Outbound",
        "InteractionSubtype": "OutboundNew",
    }
    for name, value in (record.other_fields or {}).items():
        user_data.setdefault(name, value)  # AddRecord's otherFields never replace GSW_* keys
    return {
        "channel": OUTBOUND_CHANNEL,
        "data": {
            "messageType": "OutboundRecordMessage",
            "notificationType": event,
            "record": {
                "recordHandle": record.handle,
                "applicationId": campaign.application_id,
                "campaignName": campaign.name,
                "callingList": campaign.calling_list,
                "devicePath": agent.device_path,
                "userData": user_data,
            },
        },
    }


class RecordEncoder:
    """PreviewRecord / ScheduledCall notifications of one agent as compact JSON text, fast.

    The text is exactly ``json.dumps(record_notification(...), separators=(",", ":"))``
    (compact, ASCII-only; the tests check it against ``record_notification``), built from
    pieces: the agent's and campaigns' parts are escaped once, zone names and abbreviations once
    per zone, dates once per scheduled time. A 100,000-record push is then a few microseconds a
    record instead of a dict of thirty keys and its encoding.

    ``now`` is the moment the zone abbreviations and offsets are taken at (``GSW_TZ_NAME``).
    """

    def __init__(self, agent: Agent, now: float) -> None:
        self._agent = agent
        self._agent_id = _json_string(agent.username)
        self._device_path = _json_string(agent.device_path)
        self._now = now
        self._campaigns: dict[int, tuple[str, str]] = {}
        self._zones: dict[str, tuple[str, str]] = {}
        self._types: dict[str, str] = {}
        self._dates: dict[int, str] = {}

    def _campaign_parts(self, record: Record) -> tuple[str, str]:
        campaign = record.campaign
        parts = self._campaigns.get(id(campaign))
        if parts is None:
            name = _json_string(campaign.name)
            calling_list = _json_string(campaign.calling_list)
            app = campaign.application_id
            head = (f'"applicationId":{app},"campaignName":{name},"callingList":{calling_list},'
                    f'"devicePath":{self._device_path},"userData":{{"GSW_USER_EVENT":')
            body = (f',"GSW_APPLICATION_ID":{app},"GSW_CAMPAIGN_NAME":{name},'
                    f'"GSW_CAMPAIGN_GROUP_NAME":{_json_string(campaign.group_name)},'
                    f'"GSW_CAMPAIGN_GROUP_DBID":{campaign.group_dbid},'
                    f'"GSW_CALLING_LIST":{calling_list},'
                    f'"GSW_CALLING_LIST_DBID":{campaign.calling_list_dbid},'
                    f'"GSW_SWITCH_DBID":101,"GSW_RECORD_HANDLE":')
            parts = self._campaigns[id(campaign)] = (head, body)
        return parts

    def _zone_parts(self, record: Record) -> tuple[str, str]:
        parts = self._zones.get(record.time_zone)
        if parts is None:
            tz_name, tz_offset = zone_abbreviation_and_offset(record.zone, self._now)
            parts = self._zones[record.time_zone] = (
                f',"GSW_TZ_NAME":{_json_string(tz_name)},"GSW_TZ_OFFSET":{tz_offset}',
                _json_string(record.time_zone))
        return parts

    def _type_part(self, record: Record) -> str:
        part = self._types.get(record.callback_type)
        if part is None:
            part = self._types[record.callback_type] = (
                f'"GSW_RECORD_TYPE":{record.record_type},'
                f'"GSW_CALLBACK_TYPE":{_json_string(record.callback_type)}')
        return part

    def _date(self, scheduled: int) -> str:
        text = self._dates.get(scheduled)
        if text is None:
            text = self._dates[scheduled] = _json_string(gsw_date_time(scheduled))
        return text

    def encode(self, record: Record, event: str) -> str:
        return self.encode_all((record,), event)[0]

    def encode_all(self, records: Iterable[Record], event: str) -> list[str]:
        """The notifications of ``records`` (the record fields are ints and strings as the
        world holds them; the tests compare with ``record_notification``)."""
        event_text = _json_string(event)
        head_text = (f'{{"channel":"{OUTBOUND_CHANNEL}","data":{{"messageType":'
                     f'"OutboundRecordMessage","notificationType":{event_text},"record":'
                     f'{{"recordHandle":')
        agent_id, string = self._agent_id, _json_string
        campaigns, zones, types, dates = self._campaigns, self._zones, self._types, self._dates
        out = []
        append = out.append
        for record in records:
            if record.other_fields:  # rare (AddRecord's otherFields): the plain way
                append(_compact(record_notification(record, self._agent, event, self._now)))
                continue
            head, body = campaigns.get(id(record.campaign)) or self._campaign_parts(record)
            tz_part, zone_name = zones.get(record.time_zone) or self._zone_parts(record)
            type_part = types.get(record.callback_type) or self._type_part(record)
            scheduled = record.scheduled
            date = dates.get(scheduled) or self._date(scheduled)
            handle = record.handle
            phone = string(record.phone)
            append(
                f'{head_text}{handle},{head}{event_text}{body}{handle},'
                f'"GSW_CHAIN_ID":{record.chain_id},"GSW_AGENT_ID":{agent_id},'
                f'"GSW_PHONE":{phone}{tz_part},"GSW_CALL_RESULT":{record.call_result},'
                f'"GSW_ATTEMPTS":{record.attempts},'
                f'"GSW_CALL_ATTEMPT_GUID":{string(record.attempt_guid)},'
                f'"GSW_FROM":{record.daily_from},"GSW_UNTIL":{record.daily_until},{type_part},'
                f'"GSW_DATE_TIME":{date},"dial_sched_time":{scheduled},'
                f'"contact_time_zone":{zone_name},'
                f'"contact_name":{string(record.contact_name)},"contact_info":{phone},'
                f'"account_number":{string(record.account_number)},'
                f'"InteractionType":"Outbound","InteractionSubtype":"OutboundNew"}}}}}}}}')
        return out


def _metrics(started_ns: int) -> dict[str, Any]:
    elapsed_ns = max(time.perf_counter_ns() - started_ns, 1)
    return {"eventProcessing": {
        "serverGenerationTimestamp": int(time.time() * 1000),
        "nodeProcessingTimeNanos": elapsed_ns,
        "serverProcessingTimeTotalMs": elapsed_ns // 1_000_000,
    }}


def _short_record(handle: int, application_id: Any, campaign_name: Any, calling_list: Any,
                  device_path: Any) -> dict[str, Any]:
    return {"devicePath": device_path, "callingList": calling_list, "applicationId": application_id,
            "recordHandle": handle, "campaignName": campaign_name}


def record_cancel(record: Record, agent: Agent) -> dict[str, Any]:
    """OCS took a record back from the agent (``RecordCancel``, gws-api.md §5.2): the record
    named as in an acknowledgement; no referenceId (nobody asked), no companion."""
    campaign = record.campaign
    return {"channel": OUTBOUND_CHANNEL,
            "data": {"messageType": "OutboundRecordMessage", "notificationType": "RecordCancel",
                     "record": _short_record(record.handle, campaign.application_id, campaign.name,
                                             campaign.calling_list, agent.device_path)}}


def acknowledgement(operation: str, record: Record, device_path: str, device_id: str,
                    reference_id: Optional[str], started_ns: int, *,
                    scheduled: Optional[int] = None,
                    callback_type: Optional[str] = None) -> list[dict[str, Any]]:
    """The two messages of reschedule_cometd_reply.json (other operations: same shape, own name).

    ``referenceId`` is present only when the request carried one (seed page). ``scheduled`` and
    ``callback_type`` override the record's (the acknowledgement of a retried reschedule repeats
    what was requested, whatever the record holds now).
    """
    name = ACK_NAMES[operation]
    campaign = record.campaign
    data: dict[str, Any] = {
        "record": _short_record(record.handle, campaign.application_id, campaign.name,
                                campaign.calling_list, device_path),
        "notificationType": name,
        "messageType": "OutboundRecordMessage",
    }
    if reference_id is not None:
        data["referenceId"] = reference_id
    user_data: dict[str, Any] = {
        "GSW_APPLICATION_ID": campaign.application_id,
        "GSW_RECORD_HANDLE": record.handle,
        "GSW_USER_EVENT": name,
        "GSW_CALLING_LIST": campaign.calling_list,
    }
    if operation == "RescheduleRecord":
        # Exactly the seed's seven keys; the time is the new one, in UTC.
        user_data["GSW_DATE_TIME"] = gsw_date_time(
            record.scheduled if scheduled is None else scheduled)
        user_data["GSW_CALLBACK_TYPE"] = record.callback_type if callback_type is None else callback_type
    user_data["GSW_CAMPAIGN_NAME"] = campaign.name
    companion = {
        "data": {"metrics": _metrics(started_ns), "userData": user_data, "deviceId": device_id,
                 "messageType": "DeviceUserEventMessage"},
        "channel": INTERNAL_CHANNEL,
    }
    return [{"data": data, "channel": OUTBOUND_CHANNEL}, companion]


def error_notification(handle: Optional[int], application_id: Any, campaign_name: Any,
                       calling_list: Any, device_path: str, device_id: str,
                       reference_id: Optional[str], code: int, message: str, started_ns: int,
                       phone_number: Optional[str] = None) -> list[dict[str, Any]]:
    """The two messages of outbound_error_notification.json (gws-api.md G2).

    An operation without a record handle (AddRecord) names its ``phone_number`` instead, in
    ``record.phoneNumber`` and ``GSW_PHONE`` (as DoNotCallAcknowledge by number does)."""
    data: dict[str, Any] = {"messageType": "OutboundRecordMessage", "notificationType": "Error"}
    if reference_id is not None:
        data["referenceId"] = reference_id
    data["errorCode"] = code
    data["errorMessage"] = message
    user_data = {"GSW_USER_EVENT": "Error", "GSW_ERROR_NUMBER": code, "GSW_ERROR": message,
                 "GSW_APPLICATION_ID": application_id, "GSW_RECORD_HANDLE": handle,
                 "GSW_CAMPAIGN_NAME": campaign_name}
    if handle is None:
        data["record"] = {"devicePath": device_path, "callingList": calling_list,
                          "applicationId": application_id, "phoneNumber": phone_number,
                          "campaignName": campaign_name}
        del user_data["GSW_RECORD_HANDLE"]
        user_data["GSW_PHONE"] = phone_number
    else:
        data["record"] = _short_record(handle, application_id, campaign_name, calling_list,
                                       device_path)
    companion = {
        "channel": INTERNAL_CHANNEL,
        "data": {
            "messageType": "DeviceUserEventMessage",
            "deviceId": device_id,
            "userData": user_data,
            "metrics": _metrics(started_ns),
        },
    }
    return [{"channel": OUTBOUND_CHANNEL, "data": data}, companion]
