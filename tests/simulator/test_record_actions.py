"""Issue 7's record actions on the simulator: AddRecord into a chain, a reschedule ending the
chain's other callbacks (RecordCancel), do-not-call on the whole chain, CancelRecord and
CompleteRecord ending a record, and the privileges (served, and refused in strict mode)."""

from __future__ import annotations

import pytest

from agent_desktop.simulator.cli import parse_config
from agent_desktop.simulator import Simulator, SimulatorConfig
from simulator.simtest_support import (PASSWORD, GwsClient, key_tree, load_sample, previews,
                                       reschedule_body, time_in_window)

RECORDS = "/api/v2/me/outbound-records"


async def online(gws, username="agent1"):
    client = gws(username)
    pushed = await client.go_online()
    return client, previews(pushed)


async def sim_records(client, agent="agent1"):
    reply = await client.get(f"/sim/records?agent={agent}", auth=False)
    return {r["handle"]: r for r in reply.json["records"]}


def add_body(client, preview, **changes):
    record = preview["data"]["record"]
    user_data = record["userData"]
    body = {"operationName": "AddRecord", "applicationId": record["applicationId"],
            "campaignName": record["campaignName"], "callingList": record["callingList"],
            "phoneNumber": "+12125550177", "timeZone": user_data["contact_time_zone"],
            "phoneType": "Mobile", "from": user_data["GSW_FROM"], "until": user_data["GSW_UNTIL"],
            "devicePath": client.device_path, "chainId": user_data["GSW_CHAIN_ID"],
            "referenceId": "add-1"}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}


def action_body(client, preview, operation, **extra):
    record = preview["data"]["record"]
    return {"operationName": operation, "applicationId": record["applicationId"],
            "campaignName": record["campaignName"], "callingList": record["callingList"],
            "devicePath": client.device_path, "referenceId": f"{operation}-1", **extra}


async def add_to_chain(client, preview, **changes):
    """AddRecord into ``preview``'s chain; the reply's messages: PreviewRecord, ack, companion."""
    reply = await client.post(RECORDS, add_body(client, preview, **changes))
    assert reply.json == {"statusCode": 0}, reply.text
    return await client.connect()


# -- AddRecord ----------------------------------------------------------------------------------

async def test_add_record_pushes_the_new_record_then_acknowledges_it(gws):
    client, records = await online(gws)
    old = records[0]["data"]["record"]
    pushed, ack, companion = await add_to_chain(client, records[0])
    # The new record first, so a client reading in order knows it when the ack names it.
    assert pushed["data"]["notificationType"] == "PreviewRecord"
    assert key_tree(pushed) == key_tree(load_sample("preview_record_notification.json"))
    assert key_tree([ack, companion]) == key_tree(load_sample("add_record_cometd_reply.json"))
    new_handle = ack["data"]["record"]["recordHandle"]
    assert ack["data"]["notificationType"] == "AddRecordAcknowledge"
    assert ack["data"]["referenceId"] == "add-1"
    assert companion["data"]["userData"]["GSW_USER_EVENT"] == "AddRecordAcknowledge"
    assert companion["data"]["userData"]["GSW_RECORD_HANDLE"] == new_handle
    data = pushed["data"]["record"]["userData"]
    assert pushed["data"]["record"]["recordHandle"] == new_handle != old["recordHandle"]
    assert data["GSW_CHAIN_ID"] == old["userData"]["GSW_CHAIN_ID"]
    assert data["GSW_PHONE"] == "+12125550177"
    assert data["contact_name"] == old["userData"]["contact_name"]  # the same contact
    assert (data["GSW_FROM"], data["GSW_UNTIL"]) == (old["userData"]["GSW_FROM"],
                                                     old["userData"]["GSW_UNTIL"])
    truth = await sim_records(client)
    assert truth[new_handle]["chainId"] == truth[old["recordHandle"]]["chainId"] == old["recordHandle"]
    assert truth[new_handle]["status"] == "scheduled"
    assert truth[old["recordHandle"]]["status"] == "scheduled"  # until the new one is rescheduled


async def test_add_record_without_chain_starts_one_and_carries_other_fields(gws):
    client, records = await online(gws)
    pushed, ack, _ = await add_to_chain(client, records[0], chainId=None, timeZone="GMT",
                                        otherFields={"contact_name": "Ada Byron", "tier": 2})
    handle = ack["data"]["record"]["recordHandle"]
    data = pushed["data"]["record"]["userData"]
    assert data["GSW_CHAIN_ID"] == handle
    assert data["contact_name"] == "Ada Byron" and data["tier"] == 2
    assert data["contact_time_zone"] == "GMT"
    # A session start pushes it again, through the fast encoder: the same message.
    await client.start_session()
    [again] = [m for m in previews(await client.connect())
               if m["data"]["record"]["recordHandle"] == handle]
    assert again == pushed


async def test_a_retried_add_record_makes_no_second_record(gws):
    client, records = await online(gws)
    first = await add_to_chain(client, records[0])
    again = await add_to_chain(client, records[0])  # same referenceId, same values
    assert again[1]["data"]["record"] == first[1]["data"]["record"]
    assert again[0]["data"]["record"]["recordHandle"] == first[0]["data"]["record"]["recordHandle"]
    assert len(await sim_records(client)) == len(records) + 1


@pytest.mark.parametrize("change,code", [
    ({"phoneType": None}, 1),
    ({"phoneNumber": None}, 1),
    ({"phoneType": "Landline"}, 10),
    ({"timeZone": "Mars/Olympus_Mons"}, 10),
    ({"timeZone": "../etc/passwd"}, 10),
    ({"from": 80000, "until": 30000}, 10),
    ({"until": 90000}, 10),
    ({"chainId": "9"}, 10),
    ({"otherFields": ["x"]}, 10),
    ({"otherFields": {"GSW_PHONE": "1"}}, 10),
    ({"devicePath": "/devices/not-mine"}, 6),
    ({"operationName": "DoNotCallRecord"}, 10),
    ({"operationName": "RescheduleRecord"}, 10),
])
async def test_add_record_parameters_are_checked_synchronously(gws, change, code):
    client, records = await online(gws)
    reply = await client.post(RECORDS, add_body(client, records[0], **change))
    assert reply.json["statusCode"] == code and reply.json["statusMessage"], reply.text
    assert len(await sim_records(client)) == len(records)


async def expect_add_error(client, body, code):
    reply = await client.post(RECORDS, body)
    assert reply.json == {"statusCode": 0}
    error, companion = await client.connect()
    assert error["data"]["notificationType"] == "Error" and error["data"]["errorCode"] == code
    # No handle to name: the record names the phone number, as DoNotCall by number does.
    assert error["data"]["record"]["phoneNumber"] == body["phoneNumber"]
    assert "recordHandle" not in error["data"]["record"]
    assert companion["data"]["userData"]["GSW_PHONE"] == body["phoneNumber"]
    return error["data"]["errorMessage"]


async def test_add_record_to_a_chain_that_is_not_the_agents_is_refused(gws):
    client, records = await online(gws)
    _, others = await online(gws, "agent2")
    theirs = others[0]["data"]["record"]["userData"]["GSW_CHAIN_ID"]
    assert "not assigned" in await expect_add_error(client, add_body(client, records[0], chainId=theirs), 107)
    assert "unknown" in await expect_add_error(client, add_body(client, records[0], chainId=999999), 107)
    wrong = add_body(client, records[0], campaignName="Some Other Campaign")
    assert "campaign" in (await expect_add_error(client, wrong, 105)).lower()
    unknown = add_body(client, records[0], chainId=None, campaignName="Some Other Campaign")
    assert "not loaded" in await expect_add_error(client, unknown, 105)
    assert len(await sim_records(client)) == len(records)


# -- chains -------------------------------------------------------------------------------------

async def test_rescheduling_the_new_number_ends_the_old_callback(gws):
    client, records = await online(gws)
    old = records[0]
    old_handle = old["data"]["record"]["recordHandle"]
    pushed, ack, _ = await add_to_chain(client, old)
    new_handle = ack["data"]["record"]["recordHandle"]
    when = time_in_window(old["data"]["record"]["userData"])
    body = reschedule_body(pushed, when, "Personal", reference_id="re-1")
    assert (await client.post(f"{RECORDS}/{new_handle}", body)).json == {"statusCode": 0}
    cancel, ack, companion = await client.connect()
    assert key_tree(cancel) == key_tree(load_sample("record_cancel_notification.json"))
    assert cancel["data"]["notificationType"] == "RecordCancel"
    assert cancel["data"]["record"]["recordHandle"] == old_handle
    assert ack["data"]["notificationType"] == "ScheduledRecordRescheduleAcknowledge"
    assert ack["data"]["record"]["recordHandle"] == new_handle
    truth = await sim_records(client)
    assert truth[old_handle]["status"] == "chain_updated"
    assert truth[new_handle]["scheduled"] == when and truth[new_handle]["callbackType"] == "Personal"
    # The old record is final now.
    again = action_body(client, old, "CancelRecord")
    assert (await client.post(f"{RECORDS}/{old_handle}", again)).json == {"statusCode": 0}
    error, _ = await client.connect()
    assert error["data"]["errorCode"] == 106 and "chain updated" in error["data"]["errorMessage"]


async def do_not_call_in_a_chain_of_two(gws, chain_attribute):
    """A record and a new one added to its chain; DoNotCallRecord sent on the new one."""
    client, records = await online(gws)
    first = records[0]
    _, ack, _ = await add_to_chain(client, first)
    new_handle = ack["data"]["record"]["recordHandle"]
    body = action_body(client, first, "DoNotCallRecord", chainAttribute=chain_attribute)
    assert (await client.post(f"{RECORDS}/{new_handle}", body)).json == {"statusCode": 0}
    return client, first, new_handle


async def test_do_not_call_on_the_whole_chain_ends_every_record_of_it(gws):
    client, first, new_handle = await do_not_call_in_a_chain_of_two(gws, "AllChain")
    cancel, ack, _ = await client.connect()
    assert cancel["data"]["notificationType"] == "RecordCancel"
    assert cancel["data"]["record"]["recordHandle"] == first["data"]["record"]["recordHandle"]
    assert ack["data"]["notificationType"] == "DoNotCallAcknowledge"
    truth = await sim_records(client)
    assert truth[new_handle]["status"] == truth[first["data"]["record"]["recordHandle"]]["status"] \
        == "do_not_call"


async def test_do_not_call_on_one_record_leaves_the_rest_of_its_chain(gws):
    client, first, new_handle = await do_not_call_in_a_chain_of_two(gws, "RecordOnly")
    [ack, _] = await client.connect()  # no RecordCancel
    assert ack["data"]["notificationType"] == "DoNotCallAcknowledge"
    truth = await sim_records(client)
    assert truth[new_handle]["status"] == "do_not_call"
    assert truth[first["data"]["record"]["recordHandle"]]["status"] == "scheduled"


# -- cancel and complete ------------------------------------------------------------------------

async def test_complete_stores_the_call_result_and_ends_the_record(gws):
    client, records = await online(gws)
    handle = records[1]["data"]["record"]["recordHandle"]
    body = action_body(client, records[1], "CompleteRecord", callResult="WrongParty")
    assert (await client.post(f"{RECORDS}/{handle}", body)).json == {"statusCode": 0}
    ack, _ = await client.connect()
    assert ack["data"]["notificationType"] == "RecordProcessedAcknowledge"
    truth = (await sim_records(client))[handle]
    assert truth["status"] == "processed" and truth["callResult"] == 40  # gcti.h WrongParty
    cancel = action_body(client, records[1], "CancelRecord", referenceId="late")
    assert (await client.post(f"{RECORDS}/{handle}", cancel)).json == {"statusCode": 0}
    error, _ = await client.connect()
    assert error["data"]["errorCode"] == 106 and error["data"]["referenceId"] == "late"
    assert "processed" in error["data"]["errorMessage"]


async def test_cancel_ends_the_record_and_it_is_not_pushed_again(gws):
    client, records = await online(gws)
    handle = records[2]["data"]["record"]["recordHandle"]
    body = action_body(client, records[2], "CancelRecord")
    assert (await client.post(f"{RECORDS}/{handle}", body)).json == {"statusCode": 0}
    ack, _ = await client.connect()
    assert ack["data"]["notificationType"] == "RecordCancelAcknowledge"
    assert (await sim_records(client))[handle]["status"] == "cancelled"
    await client.start_session()
    again = {m["data"]["record"]["recordHandle"] for m in previews(await client.connect())}
    assert handle not in again and len(again) == len(records) - 1


# -- privileges and the agent's settings --------------------------------------------------------

@pytest.fixture
async def strict_client():
    """A client of a simulator that denies (and enforces) some privileges."""
    simulator = Simulator(SimulatorConfig(
        port=0, agents=1, records_per_agent=4, seed=7, password=PASSWORD,
        denied_privileges=frozenset({"can-cancel-record", "privilege.outbound.can-set-call-result"}),
        enforce_privileges=True, campaign_hours="*=09:00-20:00,Win-back=10:00-18:00",
        calling_days="mon-fri", holidays="2026-12-25,Europe/London=2026-12-26",
        call_result_values="Answer,Busy"))
    await simulator.start()
    client = GwsClient(simulator.url, "agent1", PASSWORD)
    yield client
    await client.close()
    await simulator.stop()


async def test_settings_serve_denied_privileges_call_results_and_the_planner(strict_client):
    settings = (await strict_client.login())["settings"]["interaction-workspace"]
    assert settings["privilege.outbound.can-cancel-record"] == "false"
    assert settings["privilege.outbound.can-set-call-result"] == "false"
    assert settings["privilege.outbound.can-mark-do-not-call"] == "true"
    assert settings["outbound.call-result-values"] == "Answer,Busy"
    assert settings["outbound.planner.campaign-hours"] == "*=09:00-20:00,Win-back=10:00-18:00"
    assert settings["outbound.planner.calling-days"] == "mon-fri"
    assert settings["outbound.planner.holidays"] == "2026-12-25,Europe/London=2026-12-26"


async def test_strict_mode_refuses_a_denied_operation_synchronously(strict_client):
    client = strict_client
    records = previews(await client.go_online())
    handle = records[0]["data"]["record"]["recordHandle"]
    for body in (action_body(client, records[0], "CancelRecord"),
                 action_body(client, records[0], "CompleteRecord", callResult="Answer")):
        reply = await client.post(f"{RECORDS}/{handle}", body)
        assert reply.status == 403 and reply.json["statusCode"] == 5
        assert "privilege.outbound." in reply.json["statusMessage"]
    assert (await sim_records(client))[handle]["status"] == "scheduled"
    # Completing without a call result needs no privilege; do-not-call is granted.
    plain = action_body(client, records[0], "CompleteRecord")
    assert (await client.post(f"{RECORDS}/{handle}", plain)).json == {"statusCode": 0}


async def test_default_settings_grant_everything_and_restrict_no_calling_time(gws):
    settings = (await gws().login())["settings"]["interaction-workspace"]
    assert all(v == "true" for k, v in settings.items() if k.startswith("privilege."))
    # A test's times must not depend on today's weekday: the planner restricts nothing here.
    assert settings["outbound.planner.campaign-hours"] == ""
    assert settings["outbound.planner.calling-days"] == ""
    assert settings["outbound.planner.holidays"] == ""
    assert settings["outbound.call-result-values"].split(",")[0] == "Answer"


def test_the_command_line_and_so_the_demo_show_a_demo_planner():
    config, _ = parse_config([])
    assert config.campaign_hours == "*=08:00-21:00"
    assert config.calling_days == "mon-sat"
    assert config.holidays is None  # two demo holidays, worked out from the start date


async def test_denied_privileges_are_not_enforced_by_default():
    simulator = Simulator(SimulatorConfig(port=0, agents=1, records_per_agent=2, seed=7,
                                          password=PASSWORD,
                                          denied_privileges=frozenset({"can-cancel-record"})))
    await simulator.start()
    client = GwsClient(simulator.url, "agent1", PASSWORD)
    try:
        records = previews(await client.go_online())
        handle = records[0]["data"]["record"]["recordHandle"]
        body = action_body(client, records[0], "CancelRecord")
        assert (await client.post(f"{RECORDS}/{handle}", body)).json == {"statusCode": 0}
        ack, _ = await client.connect()
        assert ack["data"]["notificationType"] == "RecordCancelAcknowledge"
    finally:
        await client.close()
        await simulator.stop()


@pytest.mark.parametrize("bad", [
    {"denied_privileges": frozenset({"can-fly"})},
    {"denied_privileges": "can-use"},
    {"call_result_values": "Answer,Great"},
    {"campaign_hours": "*=9-17"},
    {"campaign_hours": "Win-back=21:00-08:00"},
    {"campaign_hours": "=08:00-21:00"},
    {"calling_days": "mon-funday"},
    {"holidays": "2026-13-01"},
    {"holidays": "Nowhere/City=2026-12-25"},
])
def test_config_refuses_malformed_settings(bad):
    with pytest.raises(ValueError):
        SimulatorConfig(**bad)


def test_the_command_line_sets_the_agents_settings():
    from agent_desktop.simulator.cli import parse_config

    config, _ = parse_config(["--deny", "can-cancel-record", "--deny", "can-mark-do-not-call",
                              "--enforce-privileges", "--campaign-hours", "*=09:00-17:00",
                              "--calling-days", "mon-fri", "--holidays", "",
                              "--call-result-values", "Answer"])
    assert config.denied_privileges == {"privilege.outbound.can-cancel-record",
                                        "privilege.outbound.can-mark-do-not-call"}
    assert config.enforce_privileges and config.holidays == ""
    assert (config.campaign_hours, config.calling_days, config.call_result_values) == (
        "*=09:00-17:00", "mon-fri", "Answer")
    with pytest.raises(SystemExit) as exit_info:
        parse_config(["--deny", "can-fly"])
    assert exit_info.value.code == 2


# -- the agent's state (test aid) ---------------------------------------------------------------

async def test_agent_state_aid_tells_the_agents_clients(gws):
    client, _ = await online(gws)
    other, _ = await online(gws, "agent2")
    reply = await client.post("/sim/agent-state", {"agent": "agent1", "state": "NotReady"},
                              auth=False, csrf=False)
    assert reply.status == 200 and reply.json["device"]["userState"]["state"] == "NotReady"
    [change] = await client.connect()
    assert key_tree(change) == key_tree(load_sample("device_state_change.json"))
    assert change["data"]["devices"][0]["userState"]["state"] == "NotReady"
    device = (await client.get("/api/v2/me/devices?fields=*")).json["devices"][0]
    assert device["userState"]["displayName"] == "Not Ready"
    await client.post("/sim/agent-state", {"agent": "agent1", "state": "LoggedOut"}, auth=False, csrf=False)
    [change] = await client.connect()
    assert change["data"]["devices"][0]["userState"]["state"] == "LoggedOut"
    assert change["data"]["devices"][0]["deviceState"] == "Inactive"
    assert await other.connect(timeout=0) == []  # agent2 hears nothing of it


@pytest.mark.parametrize("body", [{"agent": "agent9", "state": "Ready"},
                                  {"agent": "agent1", "state": "Asleep"}, {"state": "Ready"},
                                  {"agent": ["agent1"], "state": "Ready"}])
async def test_agent_state_aid_refuses_bad_bodies(gws, body):
    reply = await gws().post("/sim/agent-state", body, auth=False, csrf=False)
    assert reply.status == 400 and reply.json["error"]
