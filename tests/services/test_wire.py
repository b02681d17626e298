"""The client reads the golden wire samples, and survives hostile variations of them."""

from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desktop.domain.records import CallbackType, RecordKey
from agent_desktop.domain.rules import RescheduleRequest
from agent_desktop.services import wire
from agent_desktop.services.events import OperationAcknowledged, OperationFailed, RecordPushed


def test_reschedule_body_matches_the_documented_request(wire_sample):
    request = RescheduleRequest(
        RecordKey(134, 9), "Campaign1", datetime.fromtimestamp(1433917552, timezone.utc),
        CallbackType.PERSONAL, "123456789",
    )
    body = wire.reschedule_body(request, "/devices/d8a19a8d-aa8f-4cea-93e3-dfb062db7294")
    assert body == wire_sample("reschedule_request.json")


def test_documented_cometd_reply_is_an_acknowledgement_and_a_companion(wire_sample):
    ack, companion, connect = wire_sample("reschedule_cometd_reply.json")
    event = wire.parse_notification(ack)
    assert event == OperationAcknowledged("123456789", "ScheduledRecordRescheduleAcknowledge", RecordKey(134, 9))
    assert wire.parse_notification(companion) is None  # informational only: no referenceId in it
    assert wire.parse_notification(connect) is None


def test_error_notification_fails_the_operation(wire_sample):
    error, companion = wire_sample("outbound_error_notification.json")
    event = wire.parse_notification(error)
    assert isinstance(event, OperationFailed)
    assert (event.reference_id, event.error_code, event.key) == ("123456789", 103, RecordKey(134, 9))
    assert "past" in event.message


def test_unknown_notification_with_our_reference_fails_rather_than_hangs():
    event = wire.parse_notification({"channel": "/v2/me/outbound", "data": {
        "messageType": "OutboundRecordMessage", "notificationType": "SomethingNew", "referenceId": "r1"}})
    assert isinstance(event, OperationFailed) and event.reference_id == "r1"


def test_preview_record_becomes_a_full_record(wire_sample):
    event = wire.parse_notification(wire_sample("preview_record_notification.json"))
    assert isinstance(event, RecordPushed) and event.notification_type == "PreviewRecord"
    record = event.record
    assert record.key == RecordKey(134, 9)
    assert (record.campaign_name, record.calling_list) == ("Campaign1", "CallingList1")
    assert record.phone == "+14155550134" and record.contact_name == "Ana Lopez"
    assert record.contact_zone.label == "America/Los_Angeles"
    assert record.callback_type is CallbackType.PERSONAL
    assert record.scheduled_at == datetime.fromtimestamp(1433917552, timezone.utc)
    assert record.calling_window.describe() == "09:00–21:00"
    assert record.attempts == 1 and record.chain_id == 9
    assert record.customer_fields == {"account_number": "AC-1029-3384"}


def test_record_falls_back_to_gsw_keys(wire_sample):
    message = wire_sample("preview_record_notification.json")
    record = message["data"]["record"]
    for key in ("recordHandle", "applicationId", "campaignName", "callingList"):
        del record[key]
    user_data = record["userData"]
    del user_data["dial_sched_time"], user_data["contact_time_zone"], user_data["GSW_CALLBACK_TYPE"]
    parsed = wire.parse_notification(message).record
    assert parsed.key == RecordKey(134, 9) and parsed.campaign_name == "Campaign1"
    assert parsed.scheduled_at == datetime(2015, 6, 10, 6, 25, tzinfo=timezone.utc)  # from GSW_DATE_TIME
    assert parsed.contact_zone.label == "America/Los_Angeles"  # from GSW_TZ_NAME PDT
    assert parsed.callback_type is CallbackType.PERSONAL  # from GSW_RECORD_TYPE 5


def test_me_reply_gives_profile_device_and_privileges(wire_sample):
    profile = wire.parse_user(wire_sample("me_reply.json"))
    assert profile.username == "agent1" and profile.is_agent
    assert profile.preferred_device().path == "/devices/d8a19a8d-aa8f-4cea-93e3-dfb062db7294"
    assert profile.outbound.may_reschedule
    assert profile.outbound.allowed_callback_types == frozenset(CallbackType)


def test_forced_personal_from_settings(wire_sample):
    body = wire_sample("me_reply.json")
    body["user"]["settings"]["interaction-workspace"]["outbound.callback-types"] = "personal"
    assert wire.parse_user(body).outbound.forced_callback_type is CallbackType.PERSONAL


def test_typed_getters_refuse_lookalikes():
    assert wire.as_int(True) is None and wire.as_int("12a") is None and wire.as_int(1.5) is None
    assert wire.as_int("42") == 42 and wire.as_int(7.0) == 7 and wire.as_int("٣") is None
    assert wire.as_text(5) is None and len(wire.as_text("x" * 5000)) == wire.MAX_TEXT


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=6),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_is_parsed_or_skipped_never_raises(value):
    wire.parse_notification(value)
    wire.parse_record(value)
    wire.parse_devices(value)
    wire.parse_outbound_capabilities(value)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(
    st.sampled_from(["GSW_RECORD_HANDLE", "GSW_APPLICATION_ID", "GSW_TZ_NAME", "GSW_TZ_OFFSET", "GSW_FROM",
                     "GSW_UNTIL", "dial_sched_time", "GSW_DATE_TIME", "contact_time_zone", "GSW_ATTEMPTS",
                     "GSW_CALLBACK_TYPE", "GSW_RECORD_TYPE", "GSW_PHONE", "custom"]),
    json_values, max_size=14))
def test_hostile_record_fields_never_raise(user_data):
    message = {"channel": "/v2/me/outbound", "data": {
        "messageType": "OutboundRecordMessage", "notificationType": "PreviewRecord",
        "record": {"recordHandle": 1, "applicationId": 2, "userData": user_data}}}
    event = wire.parse_notification(message)
    assert isinstance(event, RecordPushed) and event.record.key == RecordKey(2, 1)
