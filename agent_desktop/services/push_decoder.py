"""CometD replies full of record pushes, decoded without a dict per JSON object.

A session start pushes every record of the agent (100,000 for a supervisor-sized list). Decoding
them with orjson built ~35 Python objects per record that ``wire.parse_record`` then read back
and threw away: most of the cost of such a burst. Here a reply whose messages are all
``PreviewRecord``/``ScheduledCall`` pushes (and the ``/meta/connect`` reply that ends a long
poll) is decoded by msgspec straight into slotted structs, the types checked in C; the keys the
app does not use stay undecoded (``msgspec.Raw``).

Anything else takes the general way (orjson, then ``wire.parse_notification``), which gives the
same result as it always did: another channel or notification, a field the server sends with
another type than GWS does (a handle as a string), a key at the top of a message (``id``,
``advice``: not a plain event). A ``userData`` key not seen before is learned from that reply,
so the next one takes the fast way; a server that keeps sending what the fast way refuses
switches it off. ``tests/services/test_push_decoder.py`` checks on arbitrary input that both
ways give the same events.
"""

from __future__ import annotations

import logging
from types import MappingProxyType
from typing import Any, Literal, Union

import msgspec
import orjson
from msgspec import UNSET, Raw, UnsetType

from agent_desktop.services import wire
from agent_desktop.services.events import Event, RecordPushed, record_pushed

log = logging.getLogger(__name__)

FAST_FROM_CHARS = 20_000  # shorter replies (acknowledgements, meta) are not worth a second try
MAX_LEARNED_KEYS = 256  # userData keys the fast way knows; past that, new ones go the general way
GIVE_UP_AFTER = 8  # replies in a row refused for a reason learning cannot fix

# userData keys the record model reads, with the type GWS sends them as (gws-api.md §5.3).
_TYPED_KEYS: dict[str, Any] = {
    "GSW_RECORD_HANDLE": int, "GSW_APPLICATION_ID": int, "GSW_CAMPAIGN_NAME": str, "GSW_CALLING_LIST": str,
    "GSW_PHONE": str, "contact_info": str, "contact_name": str, "contact_time_zone": str, "GSW_TZ_NAME": str,
    "GSW_TZ_OFFSET": int, "GSW_CALLBACK_TYPE": str, "GSW_RECORD_TYPE": int, "dial_sched_time": int,
    "GSW_DATE_TIME": str, "GSW_FROM": int, "GSW_UNTIL": int, "GSW_ATTEMPTS": int, "GSW_CHAIN_ID": int,
}
# Keys of the documented samples the model does not read: known from the start, never decoded.
_UNREAD_KEYS = ("GSW_USER_EVENT", "GSW_CAMPAIGN_GROUP_NAME", "GSW_CAMPAIGN_GROUP_DBID",
                "GSW_CAMPAIGN_GROUP_DESCRIPTION", "GSW_CALLING_LIST_DBID", "GSW_SWITCH_DBID", "GSW_AGENT_ID",
                "GSW_CALL_RESULT", "GSW_CALL_ATTEMPT_GUID", "InteractionType", "InteractionSubtype")


_NOT_THERE = Raw()  # the default of a key that is not read: nothing decoded, nothing encoded


class ConnectReply(msgspec.Struct, tag_field="channel", tag="/meta/connect", forbid_unknown_fields=True):
    """The ``/meta/connect`` reply at the end of a long poll; handed to the library as a dict."""

    successful: Any | UnsetType = UNSET
    id: Any | UnsetType = UNSET
    clientId: Any | UnsetType = UNSET  # noqa: N815 - Bayeux's names
    advice: Any | UnsetType = UNSET
    error: Any | UnsetType = UNSET
    ext: Any | UnsetType = UNSET
    timestamp: Any | UnsetType = UNSET

    def as_dict(self) -> dict[str, Any]:
        message = {"channel": "/meta/connect"}
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if value is not UNSET:
                message[name] = value
        return message


class _Schema:
    """The structs of a record push for a set of ``userData`` keys (rebuilt when one is learned)."""

    def __init__(self, learned: tuple[str, ...]) -> None:
        self.learned = learned
        # A learned key is the server's ("Account Number", "class", "__init__"): its attribute
        # gets a name of ours, msgspec maps the JSON name to it.
        attributes = {key: f"learned_{number}" for number, key in enumerate(learned)}
        # (key, attribute) of the customer's own fields, in the order they were learned
        self.customer = tuple((k, attributes[k]) for k in learned
                              if not k.startswith("GSW_") and k not in wire._CONSUMED_KEYS)
        fields: list[tuple[str, Any, Any]] = [(k, kind | None, None) for k, kind in _TYPED_KEYS.items()]
        fields += [(k, Raw, _NOT_THERE) for k in _UNREAD_KEYS]
        for key in learned:
            customer = not key.startswith("GSW_") and key not in wire._CONSUMED_KEYS
            fields.append((attributes[key], Any if customer else Raw,
                           msgspec.field(default=None if customer else _NOT_THERE, name=key)))
        # omit_defaults: encoded again (``to_dicts``), a key that was not there stays away.
        self.user_data = msgspec.defstruct("UserData", fields, forbid_unknown_fields=True, omit_defaults=True,
                                           gc=False)
        self.no_user_data = self.user_data()
        record = msgspec.defstruct("WireRecord", [
            ("recordHandle", int | None, None), ("applicationId", int | None, None),
            ("campaignName", str | None, None), ("callingList", str | None, None),
            ("userData", self.user_data | None, None)], omit_defaults=True, gc=False)  # other keys: not read
        data = msgspec.defstruct("PushData", [
            ("messageType", Literal["OutboundRecordMessage"]),
            ("notificationType", Literal["PreviewRecord", "ScheduledCall"]),
            ("record", record)], gc=False)
        self.message = msgspec.defstruct("PushedRecordMessage", [("data", data)], tag_field="channel",
                                         tag=wire.OUTBOUND_CHANNEL, forbid_unknown_fields=True, gc=False)
        self.decoder = msgspec.json.Decoder(list[Union[self.message, ConnectReply]])  # type: ignore[name-defined]


class PushDecoder:
    """``decode`` is the ``json_loads`` of the CometD client; ``parse`` turns a message into an event."""

    def __init__(self) -> None:
        self._schema = _Schema(())
        # Every schema's message type: pushes decoded before a key was learned may still wait.
        self._push_types = {self._schema.message}
        self._refused_in_a_row = 0
        self.fast_replies = 0  # replies decoded the fast way (the tests check the fast way is taken)

    def is_push(self, message: Any) -> bool:
        return type(message) in self._push_types

    def decode(self, text: str | bytes) -> Any:
        if len(text) >= FAST_FROM_CHARS and self._refused_in_a_row < GIVE_UP_AFTER:
            try:
                messages = self._schema.decoder.decode(text)
            except Exception:  # noqa: BLE001 - whatever the fast way cannot do, the general way decides
                pass  # (its own error, if the text is not JSON); perhaps a key to learn from it
            else:
                self._refused_in_a_row = 0
                self.fast_replies += 1
                return [m.as_dict() if type(m) is ConnectReply else m for m in messages]
            payload = orjson.loads(text)
            if not self._learn(payload):
                self._refused_in_a_row += 1
            return payload
        return orjson.loads(text)

    def _learn(self, payload: Any) -> bool:
        """Add the userData keys of ``payload``'s pushes the schema lacks; False if none."""
        if not isinstance(payload, list):
            return False
        known = set(self._schema.learned) | _TYPED_KEYS.keys() | set(_UNREAD_KEYS)
        new: dict[str, None] = {}
        for message in payload:
            user_data = wire.as_mapping(wire.as_mapping(wire.as_mapping(
                message).get("data")).get("record")).get("userData")
            if isinstance(user_data, dict):
                new.update((k, None) for k in user_data if k not in known and type(k) is str and len(k) <= 100)
        learned = self._schema.learned + tuple(new)
        customer = [k for k in learned if not k.startswith("GSW_") and k not in wire._CONSUMED_KEYS]
        if not new or len(learned) > MAX_LEARNED_KEYS or len(customer) > wire.MAX_CUSTOMER_FIELDS:
            return False  # (past those limits the order of the fields would decide which are kept)
        try:
            schema = _Schema(learned)
        except (TypeError, ValueError):  # a key msgspec cannot take: those replies go the general way
            log.warning("the push decoder cannot take userData keys %s", ", ".join(map(repr, new))[:300])
            return False
        self._schema = schema
        self._push_types.add(schema.message)
        log.debug("push decoder learned %d userData keys", len(new))
        return True

    def to_dicts(self, messages: list[Any]) -> list[Any]:
        """The messages as dicts, for the library (the keys the app reads, as they came)."""
        return [orjson.loads(msgspec.json.encode(m)) if self.is_push(m) else m for m in messages]

    def parse(self, message: Any) -> Event | None:
        if self.is_push(message):
            return self._parse_push(message)
        return wire.parse_notification(message)

    def _parse_push(self, message: Any) -> RecordPushed | None:
        """``wire.parse_record`` on the struct: the same record, field for field."""
        data = message.data
        record = data.record
        user = record.userData
        if user is None:
            user = self._schema.no_user_data
        handle = record.recordHandle
        if handle is None:
            handle = user.GSW_RECORD_HANDLE
        application = record.applicationId
        if application is None:
            application = user.GSW_APPLICATION_ID
        if handle is None or application is None:
            log.warning("skipping a %s without a usable record handle", data.notificationType)
            return None
        text, limit = _text, wire.MAX_TEXT
        # The common case inline (a name within its length), the rest through _text: the same.
        campaign = record.campaignName
        if not campaign or len(campaign) > limit:
            campaign = text(campaign, limit) or text(user.GSW_CAMPAIGN_NAME, limit) or ""
        calling_list = record.callingList
        if not calling_list or len(calling_list) > limit:
            calling_list = text(calling_list, limit) or text(user.GSW_CALLING_LIST, limit)
        phone = user.GSW_PHONE
        if not phone or len(phone) > 100:
            phone = text(phone, 100) or text(user.contact_info, 100) or ""
        name = user.contact_name
        if name is None or len(name) > 200:
            name = text(name, 200) or ""
        zone_key = (user.contact_time_zone, user.GSW_TZ_NAME, user.GSW_TZ_OFFSET)
        zone = wire._zones.get(zone_key) or wire._zone_of(zone_key)
        type_key = (user.GSW_CALLBACK_TYPE, user.GSW_RECORD_TYPE)
        try:
            callback_type = wire._callback_types[type_key]
        except KeyError:
            callback_type = wire._callback_type_of(type_key, {"GSW_CALLBACK_TYPE": type_key[0],
                                                              "GSW_RECORD_TYPE": type_key[1]})
        epoch = user.dial_sched_time
        if epoch is not None and wire._EPOCH_MIN <= epoch <= wire._EPOCH_MAX:
            when = wire._moments.get(epoch) or wire._moment(epoch)
        else:
            when = wire._scheduled_at({"dial_sched_time": epoch, "GSW_DATE_TIME": user.GSW_DATE_TIME})
        start, end = user.GSW_FROM, user.GSW_UNTIL
        window = wire._window(start, end) if start is not None and end is not None else None
        attempts = user.GSW_ATTEMPTS
        fields = {}
        for key, attribute in self._schema.customer:
            value = getattr(user, attribute)
            kind = type(value)
            if kind is str:
                fields[key] = value if len(value) <= limit else value[:limit]
            elif kind is int or kind is float or kind is bool:
                fields[key] = str(value)[:limit]
        return record_pushed((wire.trusted_record(
            wire._new_key((application, handle)), campaign, calling_list, phone, name, zone, callback_type,
            when, window, attempts if attempts is not None and attempts >= 0 else 0, user.GSW_CHAIN_ID,
            MappingProxyType(fields) if fields else wire._NO_FIELDS), data.notificationType))


def _text(value: str | None, limit: int) -> str | None:
    return value if value is None or len(value) <= limit else value[:limit]
