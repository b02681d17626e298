"""``PushDecoder`` reads replies of record pushes into structs: whatever a reply holds, the events
(and the ``/meta/connect`` reply the library gets) must be exactly what orjson and
``wire.parse_notification`` make of it, whether the fast way took the reply or refused it."""

import json

import msgspec
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent_desktop.services import push_decoder, wire
from agent_desktop.services.push_decoder import GIVE_UP_AFTER, PushDecoder

CONNECT = {"channel": "/meta/connect", "successful": True, "id": "12",
           "advice": {"interval": 0, "timeout": 30000, "reconnect": "retry"}}


def push(handle, notification="PreviewRecord", **user_data):
    base = {"GSW_USER_EVENT": notification, "GSW_APPLICATION_ID": 134, "GSW_CAMPAIGN_NAME": "Survey",
            "GSW_CALLING_LIST": "List_A", "GSW_RECORD_HANDLE": handle, "GSW_CHAIN_ID": handle,
            "GSW_PHONE": "+15555550100", "GSW_TZ_NAME": "EST", "GSW_TZ_OFFSET": -18000, "GSW_ATTEMPTS": 1,
            "GSW_FROM": 28800, "GSW_UNTIL": 72000, "GSW_RECORD_TYPE": 5, "GSW_CALLBACK_TYPE": "Personal",
            "GSW_DATE_TIME": "12/02/2026 15:20", "dial_sched_time": 1796224800,
            "contact_time_zone": "America/New_York", "contact_name": "Ana Silva", "account_number": "AC-1"}
    base.update(user_data)
    return {"channel": wire.OUTBOUND_CHANNEL, "data": {
        "messageType": "OutboundRecordMessage", "notificationType": notification,
        "record": {"recordHandle": handle, "applicationId": 134, "campaignName": "Survey", "callingList": "List_A",
                   "devicePath": "/devices/1", "userData": base}}}


@pytest.fixture(autouse=True)
def every_reply_tried(monkeypatch):
    monkeypatch.setattr(push_decoder, "FAST_FROM_CHARS", 0)


def events_both_ways(decoder: PushDecoder, text: str):
    decoded = decoder.decode(text)
    fast = [m for m in decoded if decoder.is_push(m) or m.get("channel") != "/meta/connect"]
    ours = [decoder.parse(m) for m in fast]
    plain = orjson.loads(text)
    theirs = [wire.parse_notification(m) for m in plain if m.get("channel") != "/meta/connect"]
    assert [m for m in decoded if isinstance(m, dict) and m.get("channel") == "/meta/connect"] == \
        [m for m in plain if isinstance(m, dict) and m.get("channel") == "/meta/connect"]
    return ours, theirs


def test_a_reply_of_pushes_is_read_the_fast_way_once_its_keys_are_known():
    decoder = PushDecoder()
    text = json.dumps([push(n) for n in range(1, 30)] + [CONNECT])
    ours, theirs = events_both_ways(decoder, text)  # account_number is new: learned, read the general way
    assert ours == theirs and decoder.fast_replies == 0
    ours, theirs = events_both_ways(decoder, text)
    assert ours == theirs and decoder.fast_replies == 1
    assert all(decoder.is_push(m) for m in decoder.decode(text)[:-1])
    assert ours[0].record.customer_fields == {"account_number": "AC-1"}


def test_what_the_fast_way_refuses_goes_the_general_way_with_the_same_events():
    decoder = PushDecoder()
    decoder.decode(json.dumps([push(1)]))  # learn account_number
    refused = [
        [push(1, GSW_RECORD_HANDLE="7")],  # a number as a string
        [push(1, GSW_ATTEMPTS=True)],  # a bool where a number belongs
        [push(1, "RecordCancel")],  # not a push
        [{**push(1), "id": "3"}],  # not a plain event
        [push(1), {"channel": "/v2/me/devices", "data": {"messageType": "DeviceStateChangeMessage"}}],
        [{"channel": "/meta/handshake", "successful": True}],
    ]
    for payload in refused:
        before = decoder.fast_replies
        ours, theirs = events_both_ways(decoder, json.dumps(payload))
        assert ours == theirs and decoder.fast_replies == before, payload


def test_keys_that_are_no_python_names_are_learned_under_names_of_ours():
    decoder = PushDecoder()
    text = json.dumps([push(n, **{"Account Number": "AC-9", "__init__": 1, "class": True}) for n in (1, 2)])
    events_both_ways(decoder, text)
    ours, theirs = events_both_ways(decoder, text)
    assert ours == theirs and decoder.fast_replies == 1
    assert dict(ours[0].record.customer_fields) == {"account_number": "AC-1", "Account Number": "AC-9",
                                                    "__init__": "1", "class": "True"}


def test_a_server_the_fast_way_cannot_read_turns_it_off():
    decoder = PushDecoder()
    text = json.dumps([push(1, GSW_RECORD_HANDLE="7")])
    for _ in range(GIVE_UP_AFTER + 1):  # the first refusal still teaches it account_number
        decoder.decode(text)
    good = json.dumps([push(1)])
    decoder.decode(good)
    assert decoder.fast_replies == 0 and all(isinstance(m, dict) for m in decoder.decode(good))


def test_pushes_made_dicts_again_read_as_the_originals():
    decoder = PushDecoder()
    text = json.dumps([push(n, contact_name=None, GSW_PHONE="") for n in range(1, 4)])
    decoder.decode(text)
    messages = decoder.decode(text)
    assert decoder.fast_replies == 1
    again = decoder.to_dicts(messages)
    assert all(isinstance(m, dict) for m in again)
    assert [wire.parse_notification(m) for m in again] == [wire.parse_notification(m) for m in orjson.loads(text)]


# -- arbitrary input -----------------------------------------------------------------------------
_KEYS = ["GSW_RECORD_HANDLE", "GSW_APPLICATION_ID", "GSW_CAMPAIGN_NAME", "GSW_CALLING_LIST", "GSW_PHONE",
         "contact_info", "contact_name", "contact_time_zone", "GSW_TZ_NAME", "GSW_TZ_OFFSET", "GSW_CALLBACK_TYPE",
         "GSW_RECORD_TYPE", "dial_sched_time", "GSW_DATE_TIME", "GSW_FROM", "GSW_UNTIL", "GSW_ATTEMPTS",
         "GSW_CHAIN_ID", "GSW_USER_EVENT", "GSW_AGENT_ID", "InteractionType", "account_number", "Région",
         "GSW_CUSTOM", "balance", "x" * 120, "Account Number", "account-number", "class", "__init__",
         "__class__", "__struct_fields__", "learned_0", ""]
_text = st.one_of(st.text(max_size=8), st.text(min_size=995, max_size=1010),
                  st.sampled_from(["Personal", "Campaign", "personal", "America/New_York", "EST", "Europe/Madrid",
                                   "12/02/2026 15:20", "", "+15555550100"]))
_scalar = st.one_of(st.none(), st.booleans(), st.integers(-2**40, 2**40), st.integers(0, 100),
                    st.sampled_from([1796224800, 28800, 72000, 4, 5, 3, -18000]), st.floats(allow_nan=False, allow_infinity=False), _text)
_value = st.one_of(_scalar, st.lists(_scalar, max_size=2), st.dictionaries(st.text(max_size=3), _scalar, max_size=2))
_user_data = st.dictionaries(st.sampled_from(_KEYS), _value, max_size=len(_KEYS))
_record = st.fixed_dictionaries({}, optional={
    "recordHandle": _scalar, "applicationId": _scalar, "campaignName": _scalar, "callingList": _scalar,
    "devicePath": _scalar, "userData": st.one_of(_user_data, _scalar)})
_message = st.fixed_dictionaries({
    "channel": st.sampled_from([wire.OUTBOUND_CHANNEL, wire.OUTBOUND_CHANNEL, "/v2/me/devices"]),
    "data": st.fixed_dictionaries({
        "messageType": st.sampled_from(["OutboundRecordMessage", "OutboundRecordMessage", "Other"]),
        "notificationType": st.sampled_from(["PreviewRecord", "ScheduledCall", "RecordCancel"]),
        "record": _record})}, optional={"id": st.just("5")})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_message, min_size=1, max_size=6), min_size=1, max_size=4))
def test_on_arbitrary_replies_the_events_are_those_of_the_general_way(replies):
    decoder = PushDecoder()
    for payload in replies + replies:  # the second time round with what was learned
        ours, theirs = events_both_ways(decoder, json.dumps(payload + [CONNECT]))
        assert ours == theirs


def test_the_structs_are_not_tracked_by_the_garbage_collector():
    decoder = PushDecoder()
    text = json.dumps([push(1)])
    decoder.decode(text)
    (message,) = decoder.decode(text)
    import gc

    assert isinstance(message, msgspec.Struct) and not gc.is_tracked(message.data.record.userData)


# Values of the types GWS sends (the fast way's own ground): edge values within the types.
_int_or_none = st.one_of(st.none(), st.integers(-2**62, 2**62), st.sampled_from([1796224800, 28800, 72000, 4, 5, 3, -1]))
_str_or_none = st.one_of(st.none(), _text)
_typed_user_data = st.fixed_dictionaries({}, optional={
    **{k: (_int_or_none if kind is int else _str_or_none) for k, kind in push_decoder._TYPED_KEYS.items()},
    "GSW_USER_EVENT": _value, "account_number": _value, "Région": _value, "GSW_CUSTOM": _value, "balance": _value,
    "Account Number": _value, "__init__": _value, "learned_0": _value, "": _value})
_typed_push = st.builds(
    lambda handle, app, campaign, calling_list, user_data, kind: {
        "channel": wire.OUTBOUND_CHANNEL,
        "data": {"messageType": "OutboundRecordMessage", "notificationType": kind,
                 "record": {"recordHandle": handle, "applicationId": app, "campaignName": campaign,
                            "callingList": calling_list, "userData": user_data}}},
    _int_or_none, _int_or_none, _str_or_none, _str_or_none, _typed_user_data,
    st.sampled_from(["PreviewRecord", "ScheduledCall"]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_typed_push, min_size=1, max_size=6), min_size=1, max_size=4))
def test_on_arbitrary_pushes_the_fast_way_reads_what_the_general_way_reads(replies):
    decoder = PushDecoder()
    for payload in replies + replies:
        ours, theirs = events_both_ways(decoder, json.dumps(payload + [CONNECT]))
        assert ours == theirs
    assert decoder.fast_replies >= len(replies)  # the second time round, every reply the fast way
