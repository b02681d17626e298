"""Issue 7 on the wire: the record-action privileges and the planner's options from the
settings, the request bodies of the actions, and the notifications they bring back."""

from __future__ import annotations

import logging
from datetime import date
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desktop.domain.policy import ALL_DAYS, NO_POLICY
from agent_desktop.domain.records import CallingWindow, ContactZone, OutboundRecord, RecordKey
from agent_desktop.services import wire
from agent_desktop.services.events import DeviceStateChanged, OperationAcknowledged, RecordWithdrawn

DEVICE = "/devices/d8a19a8d-aa8f-4cea-93e3-dfb062db7294"


def workspace(**options):
    return {"interaction-workspace": options}


def sample_record():
    """The record of the wire samples: handle 9 of Campaign1 / CallingList1, chain 9."""
    return OutboundRecord(key=RecordKey(134, 9), campaign_name="Campaign1", calling_list="CallingList1",
                          phone="+12125550100", contact_zone=ContactZone(ZoneInfo("America/New_York"), "America/New_York"),
                          calling_window=CallingWindow(8 * 3600, 21 * 3600), chain_id=9)


# -- settings -----------------------------------------------------------------------------------

def test_the_record_action_privileges_and_call_results_are_read(wire_sample):
    body = wire_sample("me_reply.json")
    section = body["user"]["settings"]["interaction-workspace"]
    section.update({"privilege.outbound.can-set-call-result": "true",
                    "privilege.outbound.can-mark-do-not-call": "false",
                    "outbound.call-result-values": " Answer, Busy,,Answer ,WrongParty"})
    outbound = wire.parse_user(body).outbound
    assert outbound.may_cancel and outbound.may_complete and outbound.may_reschedule_on_new_number
    assert not outbound.may_mark_do_not_call
    assert outbound.call_result_values == ("Answer", "Busy", "WrongParty")  # in order, once each


def test_without_the_options_the_actions_are_not_allowed(wire_sample):
    outbound = wire.parse_outbound_capabilities(workspace(**{"privilege.outbound.can-use": "true"}))
    assert not (outbound.may_cancel or outbound.may_complete or outbound.may_mark_do_not_call
                or outbound.may_reschedule_on_new_number)
    assert outbound.call_result_values == ()
    # The documented sample has no can-set-call-result: completing is not offered.
    assert not wire.parse_user(wire_sample("me_reply.json")).outbound.may_complete


def test_the_planner_options_make_the_calling_policy():
    policy = wire.parse_calling_policy(workspace(**{
        "outbound.planner.campaign-hours": "*=08:00-21:00, Win-back=9:30-24:00, Night Owls=22:00-06:00",
        "outbound.planner.calling-days": "mon-wed, fri-sun",
        "outbound.planner.holidays": "2026-12-25, America/New_York=2026-11-26"}))
    assert policy.hours_for("Win-back") == CallingWindow(9 * 3600 + 1800, 86400)
    assert policy.hours_for("Card Activation") == CallingWindow(8 * 3600, 21 * 3600)
    assert policy.hours_for("Night Owls") == CallingWindow(22 * 3600, 6 * 3600)  # spans midnight
    assert policy.calling_days == {0, 1, 2, 4, 5, 6}  # "fri-sun" wraps nothing, Thursday is out
    assert policy.is_holiday(date(2026, 12, 25), "Europe/Paris")
    assert policy.is_holiday(date(2026, 11, 26), "America/New_York")
    assert not policy.is_holiday(date(2026, 11, 26), "America/Chicago")


def test_a_wrapping_day_range_and_missing_options():
    policy = wire.parse_calling_policy(workspace(**{"outbound.planner.calling-days": "fri-mon"}))
    assert policy.calling_days == {4, 5, 6, 0}
    assert wire.parse_calling_policy(workspace()) == NO_POLICY
    assert wire.parse_calling_policy(workspace(**{"outbound.planner.holidays": ""})) == NO_POLICY
    assert not wire.parse_calling_policy(None).restricts


def test_malformed_entries_are_logged_and_skipped_the_rest_applies(caplog):
    with caplog.at_level(logging.WARNING, logger="agent_desktop.services.planner_options"):
        policy = wire.parse_calling_policy(workspace(**{
            "outbound.planner.campaign-hours": "*=08:00-21:00,Collections,X=25:00-26:00,Y=10:00-10:00",
            "outbound.planner.calling-days": "mon-fri,funday,mon-tue-wed",
            "outbound.planner.holidays": "2026-12-25,2026-02-30,Mars/Base=2026-01-01,..=2026-01-02",
            "outbound.call-result-values": 42}))
    assert dict(policy.campaign_hours) == {"*": CallingWindow(8 * 3600, 21 * 3600)}
    assert policy.calling_days == {0, 1, 2, 3, 4}
    assert policy.holidays == {date(2026, 12, 25)} and not policy.zone_holidays
    skipped = [r.getMessage() for r in caplog.records]
    for entry in ("Collections", "X=25:00-26:00", "Y=10:00-10:00", "funday", "mon-tue-wed",
                  "2026-02-30", "Mars/Base=2026-01-01"):
        assert any(entry in line for line in skipped), entry


def test_calling_days_with_nothing_readable_restrict_nothing(caplog):
    with caplog.at_level(logging.WARNING):
        policy = wire.parse_calling_policy(workspace(**{"outbound.planner.calling-days": "someday"}))
    assert policy.calling_days == ALL_DAYS  # never a rule that forbids every day
    assert "every day" in caplog.text


def test_the_profile_carries_the_policy(wire_sample):
    body = wire_sample("me_reply.json")
    body["user"]["settings"]["interaction-workspace"]["outbound.planner.calling-days"] = "mon-fri"
    assert wire.parse_user(body).calling_policy.calling_days == {0, 1, 2, 3, 4}
    assert wire.parse_user(wire_sample("me_reply.json")).calling_policy == NO_POLICY


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=6),
    max_leaves=20)
planner_text = st.lists(st.sampled_from(["*=08:00-21:00", "a=9:00-7:00", "mon", "sun-tue", "x", "=",
                                         "2026-01-01", "Europe/Paris=2026-05-01", "-", ",", "24:00",
                                         "Zone/=1", "2026-1-1"]), max_size=6).map(",".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(json_values, st.fixed_dictionaries({"interaction-workspace": st.fixed_dictionaries({
    "outbound.planner.campaign-hours": st.one_of(planner_text, json_values),
    "outbound.planner.calling-days": st.one_of(planner_text, json_values),
    "outbound.planner.holidays": st.one_of(planner_text, json_values),
    "outbound.call-result-values": st.one_of(planner_text, json_values)})})))
def test_any_settings_give_a_policy_never_an_exception(value):
    policy = wire.parse_calling_policy(value)
    assert policy.calling_days  # never empty
    wire.parse_outbound_capabilities(value)


# -- request bodies -----------------------------------------------------------------------------

def test_the_add_record_body_is_the_sample_key_for_key(wire_sample):
    body = wire.add_record_body(sample_record(), phone="+12125550142", time_zone="America/New_York",
                                window=CallingWindow(8 * 3600, 21 * 3600), device_path=DEVICE,
                                reference_id="123456790")
    assert body == wire_sample("add_record_request.json")
    assert list(body) == list(wire_sample("add_record_request.json"))


def test_a_record_without_a_known_chain_adds_without_chain_id():
    import dataclasses
    record = dataclasses.replace(sample_record(), chain_id=None)
    body = wire.add_record_body(record, phone="1", time_zone="GMT", window=CallingWindow(0, 86400),
                                device_path=DEVICE, reference_id="r")
    assert "chainId" not in body and body["phoneType"] == "NoContactType"


def test_the_action_bodies_have_exactly_the_documented_keys():
    record = sample_record()
    common = {"applicationId": 134, "campaignName": "Campaign1", "callingList": "CallingList1",
              "devicePath": DEVICE, "referenceId": "r1"}
    assert wire.cancel_record_body(record, DEVICE, "r1") == {"operationName": "CancelRecord", **common}
    assert wire.do_not_call_body(record, DEVICE, "r1", whole_chain=True) == {
        "operationName": "DoNotCallRecord", **common, "chainAttribute": "AllChain"}
    assert wire.do_not_call_body(record, DEVICE, "r1", whole_chain=False)["chainAttribute"] == "RecordOnly"
    assert wire.complete_record_body(record, DEVICE, "r1", "WrongParty") == {
        "operationName": "CompleteRecord", **common, "callResult": "WrongParty"}


# -- notifications ------------------------------------------------------------------------------

def test_the_add_record_acknowledgement_names_the_new_record(wire_sample):
    ack, companion = wire_sample("add_record_cometd_reply.json")
    event = wire.parse_notification(ack)
    assert isinstance(event, OperationAcknowledged) and event.reference_id == "123456790"
    assert event.added_key == RecordKey(134, 10) == event.key
    assert wire.parse_notification(companion) is None  # the companion is not an event


def test_other_acknowledgements_have_no_added_key(wire_sample):
    event = wire.parse_notification(wire_sample("reschedule_cometd_reply.json")[0])
    assert event.key == RecordKey(134, 9) and event.added_key is None


def test_record_cancel_withdraws_the_record(wire_sample):
    event = wire.parse_notification(wire_sample("record_cancel_notification.json"))
    assert event == RecordWithdrawn(RecordKey(134, 9), "RecordCancel")


def test_device_state_change_carries_the_user_state(wire_sample):
    event = wire.parse_notification(wire_sample("device_state_change.json"))
    assert isinstance(event, DeviceStateChanged)
    [device] = event.devices
    assert (device.device_id, device.state, device.user_state) == (
        "d8a19a8d-aa8f-4cea-93e3-dfb062db7294", "Active", "Ready")
