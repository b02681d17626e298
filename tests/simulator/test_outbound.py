"""Outbound records: PreviewRecord push, RescheduleRecord and the other operations, their
acknowledgements and refusals, compared with the golden wire samples."""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

import pytest

from agent_desktop.simulator import Simulator, SimulatorConfig
from simulator.simtest_support import (PASSWORD, GwsClient, gsw_date_time, key_tree, load_sample,
                                       local_epoch, previews, reschedule_body, time_in_window)

pytestmark = pytest.mark.asyncio


async def online(gws, username="agent1"):
    client = gws(username)
    pushed = await client.go_online()
    return client, previews(pushed)


async def sim_records(client, agent):
    reply = await client.get(f"/sim/records?agent={agent}", auth=False)
    assert reply.status == 200
    return {r["handle"]: r for r in reply.json["records"]}


def find(previews_, callback_type):
    return next(p for p in previews_
                if p["data"]["record"]["userData"]["GSW_CALLBACK_TYPE"] == callback_type)


# -- PreviewRecord ------------------------------------------------------------------------------

async def test_start_session_pushes_device_state_and_previews_with_the_golden_keys(gws):
    client = gws()
    pushed = await client.go_online()
    assert pushed[0]["channel"] == "/v2/me/devices"
    assert pushed[0]["data"]["messageType"] == "DeviceStateChangeMessage"
    assert pushed[0]["data"]["devices"][0]["deviceState"] == "Active"
    records = previews(pushed)
    now = time.time()
    # Personal callbacks already due follow their previews as ScheduledCall (missed while away).
    due = [m for m in pushed if m["channel"] == "/v2/me/outbound"
           and m["data"]["notificationType"] == "ScheduledCall"]
    assert len(records) == 12 and len(pushed) == 1 + 12 + len(due)
    assert {m["data"]["record"]["recordHandle"] for m in due} == {
        m["data"]["record"]["recordHandle"] for m in records
        if m["data"]["record"]["userData"]["GSW_CALLBACK_TYPE"] == "Personal"
        and m["data"]["record"]["userData"]["dial_sched_time"] <= now}
    golden = key_tree(load_sample("preview_record_notification.json"))
    for message in records:
        assert key_tree(message) == golden
        record = message["data"]["record"]
        data = record["userData"]
        assert record["devicePath"] == client.device_path
        assert data["GSW_AGENT_ID"] == "agent1"
        assert data["GSW_RECORD_HANDLE"] == data["GSW_CHAIN_ID"] == record["recordHandle"]
        assert data["GSW_CAMPAIGN_NAME"] == record["campaignName"]
        assert data["GSW_CALLING_LIST"] == record["callingList"]
        assert data["GSW_APPLICATION_ID"] == record["applicationId"] == 134
        assert data["GSW_DATE_TIME"] == gsw_date_time(data["dial_sched_time"])
        assert data["GSW_RECORD_TYPE"] == {"Personal": 5, "Campaign": 6}[data["GSW_CALLBACK_TYPE"]]
        assert data["GSW_PHONE"] == data["contact_info"] and data["GSW_PHONE"].startswith("+")
        local = dt.datetime.fromtimestamp(now, ZoneInfo(data["contact_time_zone"]))
        assert data["GSW_TZ_OFFSET"] == int(local.utcoffset().total_seconds())
        assert data["GSW_TZ_NAME"] == local.tzname()
        assert 0 <= data["GSW_FROM"] < data["GSW_UNTIL"] <= 86400
    # The records pushed are exactly the simulator's records of agent1.
    truth = await sim_records(client, "agent1")
    assert {m["data"]["record"]["recordHandle"] for m in records} == set(truth)


# -- RescheduleRecord: success --------------------------------------------------------------------

async def test_reschedule_reply_matches_the_golden_cometd_reply(gws):
    client, records = await online(gws)
    preview = find(records, "Campaign")
    record = preview["data"]["record"]
    when = time_in_window(record["userData"])
    body = reschedule_body(preview, when, "Personal", reference_id="ref-42")
    reply = await client.post(f"/api/v2/me/outbound-records/{record['recordHandle']}", body)
    assert reply.status == 200
    assert reply.json == load_sample("reschedule_http_reply.json")

    messages = await client.connect_raw()  # held until the outcome is published
    golden = load_sample("reschedule_cometd_reply.json")
    assert key_tree(messages) == key_tree(golden)  # both messages + connect, in ONE reply
    ack, companion, connect = messages
    assert ack["channel"] == "/v2/me/outbound" and companion["channel"] == "/me/internal"
    assert ack["data"]["notificationType"] == "ScheduledRecordRescheduleAcknowledge"
    assert ack["data"]["messageType"] == "OutboundRecordMessage"
    assert ack["data"]["referenceId"] == "ref-42"
    assert ack["data"]["record"] == {
        "devicePath": client.device_path, "callingList": record["callingList"],
        "applicationId": 134, "recordHandle": record["recordHandle"],
        "campaignName": record["campaignName"]}
    assert companion["data"]["messageType"] == "DeviceUserEventMessage"
    assert companion["data"]["deviceId"] == client.device_path.removeprefix("/devices/")
    assert companion["data"]["userData"] == {
        "GSW_APPLICATION_ID": 134, "GSW_RECORD_HANDLE": record["recordHandle"],
        "GSW_USER_EVENT": "ScheduledRecordRescheduleAcknowledge",
        "GSW_CALLING_LIST": record["callingList"], "GSW_DATE_TIME": gsw_date_time(when),
        "GSW_CALLBACK_TYPE": "Personal", "GSW_CAMPAIGN_NAME": record["campaignName"]}
    metrics = companion["data"]["metrics"]["eventProcessing"]
    assert abs(metrics["serverGenerationTimestamp"] - time.time() * 1000) < 60_000
    assert metrics["nodeProcessingTimeNanos"] > 0
    assert connect["successful"] is True and connect["advice"] == golden[2]["advice"]
    # The simulator's state changed: time and type.
    truth = (await sim_records(client, "agent1"))[record["recordHandle"]]
    assert truth["scheduled"] == when and truth["callbackType"] == "Personal"
    assert truth["recordType"] == 5


async def test_the_golden_request_adapted_to_a_real_record_is_accepted(gws):
    client, records = await online(gws)
    preview = find(records, "Personal")
    record = preview["data"]["record"]
    body = load_sample("reschedule_request.json")
    body.update(devicePath=client.device_path, campaignName=record["campaignName"],
                timestamp=time_in_window(record["userData"], days_ahead=3))
    reply = await client.post(f"/api/v2/me/outbound-records/{record['recordHandle']}", body)
    assert reply.json == load_sample("reschedule_http_reply.json")
    ack = (await client.connect())[0]
    assert ack["data"]["notificationType"] == "ScheduledRecordRescheduleAcknowledge"
    assert ack["data"]["referenceId"] == "123456789"


async def test_ack_without_reference_id_has_no_reference_id(gws):
    client, records = await online(gws)
    preview = records[0]
    record = preview["data"]["record"]
    body = reschedule_body(preview, time_in_window(record["userData"]), reference_id=None)
    await client.post(f"/api/v2/me/outbound-records/{record['recordHandle']}", body)
    ack, companion = await client.connect()
    assert "referenceId" not in ack["data"]
    assert ack["data"]["notificationType"] == "ScheduledRecordRescheduleAcknowledge"


async def test_another_agents_reschedule_changes_only_its_record(gws):
    agent1, records1 = await online(gws, "agent1")
    agent2, records2 = await online(gws, "agent2")
    before1 = await sim_records(agent1, "agent1")
    before2 = await sim_records(agent1, "agent2")
    preview = records2[0]
    record = preview["data"]["record"]
    when = time_in_window(record["userData"], days_ahead=4)
    await agent2.post(f"/api/v2/me/outbound-records/{record['recordHandle']}",
                      reschedule_body(preview, when, "Campaign"))
    assert (await agent2.connect())[0]["data"]["notificationType"] == \
        "ScheduledRecordRescheduleAcknowledge"
    after1 = await sim_records(agent1, "agent1")
    after2 = await sim_records(agent1, "agent2")
    assert after1 == before1
    changed = {h for h in after2 if after2[h] != before2[h]}
    assert changed == {record["recordHandle"]}
    assert after2[record["recordHandle"]]["scheduled"] == when
    assert after2[record["recordHandle"]]["callbackType"] == "Campaign"
    # ... and agent1 heard nothing of it.
    assert await agent1.connect(timeout=0) == []


async def test_ack_delay_holds_the_outcome_back():
    config = SimulatorConfig(port=0, agents=1, records_per_agent=3, password=PASSWORD,
                             ack_delay_ms=300)
    async with Simulator(config) as simulator:
        client = GwsClient(simulator.url, "agent1", PASSWORD)
        try:
            records = previews(await client.go_online())
            preview = records[0]
            record = preview["data"]["record"]
            started = time.monotonic()
            reply = await client.post(f"/api/v2/me/outbound-records/{record['recordHandle']}",
                                      reschedule_body(preview, time_in_window(record["userData"])))
            assert reply.json == {"statusCode": 0}
            assert await client.connect(timeout=0) == []  # accepted, not yet acknowledged
            ack = (await client.connect())[0]
            assert ack["data"]["notificationType"] == "ScheduledRecordRescheduleAcknowledge"
            assert time.monotonic() - started >= 0.25
        finally:
            await client.close()


# -- synchronous refusals ---------------------------------------------------------------------------

SYNC_CASES = [
    # (name, how to change the body, expected HTTP status, expected statusCode)
    ("no operationName", lambda b: b.pop("operationName"), 400, 1),
    ("no applicationId", lambda b: b.pop("applicationId"), 400, 1),
    ("no campaignName", lambda b: b.pop("campaignName"), 400, 1),
    ("null campaignName", lambda b: b.update(campaignName=None), 400, 1),
    ("no callbackType", lambda b: b.pop("callbackType"), 400, 1),
    ("no timestamp", lambda b: b.pop("timestamp"), 400, 1),
    ("no devicePath", lambda b: b.pop("devicePath"), 400, 1),
    ("applicationId as string", lambda b: b.update(applicationId="134"), 400, 10),
    ("applicationId as bool", lambda b: b.update(applicationId=True), 400, 10),
    ("applicationId as float", lambda b: b.update(applicationId=134.0), 400, 10),
    ("timestamp as string", lambda b: b.update(timestamp=str(b["timestamp"])), 400, 10),
    ("timestamp as bool", lambda b: b.update(timestamp=True), 400, 10),
    ("timestamp as float", lambda b: b.update(timestamp=b["timestamp"] + 0.5), 400, 10),
    ("timestamp in milliseconds", lambda b: b.update(timestamp=b["timestamp"] * 1000), 400, 10),
    ("negative timestamp", lambda b: b.update(timestamp=-1), 400, 10),
    ("campaignName as number", lambda b: b.update(campaignName=5), 400, 10),
    ("empty campaignName", lambda b: b.update(campaignName=""), 400, 10),
    ("callbackType lower case", lambda b: b.update(callbackType="personal"), 400, 10),
    ("callbackType unknown", lambda b: b.update(callbackType="Later"), 400, 10),
    ("devicePath as number", lambda b: b.update(devicePath=7), 400, 10),
    ("referenceId as number", lambda b: b.update(referenceId=123456789), 400, 10),
    ("unknown operation", lambda b: b.update(operationName="FlyRecord"), 400, 10),
    ("unknown device", lambda b: b.update(devicePath="/devices/0000"), 404, 6),
]


@pytest.mark.parametrize("name,change,http_status,status_code", SYNC_CASES,
                         ids=[c[0] for c in SYNC_CASES])
async def test_bad_reschedule_is_refused_synchronously_and_changes_nothing(
        gws, name, change, http_status, status_code):
    client, records = await online(gws)
    preview = records[0]
    record = preview["data"]["record"]
    handle = record["recordHandle"]
    before = await sim_records(client, "agent1")
    body = reschedule_body(preview, time_in_window(record["userData"]))
    change(body)
    reply = await client.post(f"/api/v2/me/outbound-records/{handle}", body)
    assert reply.status == http_status, reply.text
    assert reply.content_type == "application/json"
    assert set(reply.json) == {"statusCode", "statusMessage"}
    assert reply.json["statusCode"] == status_code and reply.json["statusMessage"]
    assert await sim_records(client, "agent1") == before
    assert await client.connect(timeout=0) == []  # nothing on CometD either
    # The simulator keeps serving: a good request right after is acknowledged.
    good = reschedule_body(preview, time_in_window(record["userData"]))
    assert (await client.post(f"/api/v2/me/outbound-records/{handle}", good)).json == {"statusCode": 0}
    assert (await client.connect())[0]["data"]["notificationType"] == \
        "ScheduledRecordRescheduleAcknowledge"


async def test_another_agents_device_is_unknown(gws):
    client, records = await online(gws)
    other = gws("agent2")
    await other.login()
    preview = records[0]
    body = reschedule_body(preview, time_in_window(preview["data"]["record"]["userData"]))
    body["devicePath"] = other.device_path
    reply = await client.post(f"/api/v2/me/outbound-records/{preview['data']['record']['recordHandle']}", body)
    assert reply.status == 404 and reply.json["statusCode"] == 6


@pytest.mark.parametrize("handle", ["abc", "-3", "9.5", "99999999999"])
async def test_non_integer_handle_in_the_url(gws, handle):
    client, records = await online(gws)
    preview = records[0]
    body = reschedule_body(preview, time_in_window(preview["data"]["record"]["userData"]))
    reply = await client.post(f"/api/v2/me/outbound-records/{handle}", body)
    assert reply.status == 400 and reply.json["statusCode"] == 10
    assert "handle" in reply.json["statusMessage"]


async def test_non_json_and_wrong_type_bodies(gws):
    client, records = await online(gws)
    handle = records[0]["data"]["record"]["recordHandle"]
    path = f"/api/v2/me/outbound-records/{handle}"
    broken = await client.post(path, data=b"{'operationName': 'RescheduleRecord'}")  # quotes!
    assert broken.status == 400 and broken.json["statusCode"] == 10
    assert "JSON" in broken.json["statusMessage"]
    listed = await client.post(path, [1, 2])
    assert listed.status == 400 and listed.json["statusCode"] == 10
    text = await client.post(path, data=b"{}", headers={"Content-Type": "text/plain"})
    assert text.status == 415
    csrf = await client.post(path, reschedule_body(records[0], time_in_window(
        records[0]["data"]["record"]["userData"])), csrf=False)
    assert csrf.status == 403 and csrf.text == "Missing or invalid Csrf token"
    await client.start_session()  # still serving


# -- asynchronous refusals ------------------------------------------------------------------------

async def expect_error(client, handle, body, code):
    reply = await client.post(f"/api/v2/me/outbound-records/{handle}", body)
    assert reply.json == {"statusCode": 0}  # accepted: the verdict comes on CometD
    messages = await client.connect()
    assert key_tree(messages) == key_tree(load_sample("outbound_error_notification.json"))
    error, companion = messages
    assert error["channel"] == "/v2/me/outbound" and companion["channel"] == "/me/internal"
    assert error["data"]["notificationType"] == "Error"
    assert error["data"]["errorCode"] == code and error["data"]["errorMessage"]
    assert error["data"]["referenceId"] == body["referenceId"]
    assert error["data"]["record"]["recordHandle"] == handle
    assert companion["data"]["userData"]["GSW_USER_EVENT"] == "Error"
    assert companion["data"]["userData"]["GSW_ERROR_NUMBER"] == code
    assert companion["data"]["userData"]["GSW_ERROR"] == error["data"]["errorMessage"]
    return error["data"]["errorMessage"]


async def test_time_in_the_past_is_error_103(gws):
    client, records = await online(gws)
    preview = records[0]
    handle = preview["data"]["record"]["recordHandle"]
    before = await sim_records(client, "agent1")
    message = await expect_error(client, handle, reschedule_body(preview, int(time.time()) - 3600), 103)
    assert "past" in message
    assert await sim_records(client, "agent1") == before


async def test_time_outside_the_contact_window_is_error_104(gws):
    client, records = await online(gws)
    preview = records[0]
    data = preview["data"]["record"]["userData"]
    at_3am = local_epoch(data["contact_time_zone"], 2, 3 * 3600)  # windows open at 07:00 or later
    message = await expect_error(client, preview["data"]["record"]["recordHandle"],
                                 reschedule_body(preview, at_3am), 104)
    assert "03:00" in message and data["contact_time_zone"] in message
    late = local_epoch(data["contact_time_zone"], 2, data["GSW_UNTIL"] + 300)
    await expect_error(client, preview["data"]["record"]["recordHandle"],
                       reschedule_body(preview, late), 104)
    # The window's edges are inside.
    edge = local_epoch(data["contact_time_zone"], 2, data["GSW_FROM"])
    handle = preview["data"]["record"]["recordHandle"]
    await client.post(f"/api/v2/me/outbound-records/{handle}", reschedule_body(preview, edge))
    assert (await client.connect())[0]["data"]["notificationType"] == \
        "ScheduledRecordRescheduleAcknowledge"


async def test_unknown_handle_is_error_101(gws):
    client, records = await online(gws)
    body = reschedule_body(records[0], time_in_window(records[0]["data"]["record"]["userData"]))
    message = await expect_error(client, 999_999, body, 101)
    assert "999999" in message


async def test_another_agents_record_is_error_102_and_stays_unchanged(gws):
    client, records = await online(gws)
    others = await sim_records(client, "agent2")
    handle, truth = next(iter(others.items()))
    body = reschedule_body(records[0], time_in_window(records[0]["data"]["record"]["userData"]))
    body["campaignName"] = truth["campaignName"]
    await expect_error(client, handle, body, 102)
    assert (await sim_records(client, "agent2"))[handle] == truth


@pytest.mark.parametrize("field,value", [("campaignName", "Campaign1"), ("applicationId", 135)])
async def test_campaign_or_application_mismatch_is_error_105(gws, field, value):
    client, records = await online(gws)
    preview = records[0]
    body = reschedule_body(preview, time_in_window(preview["data"]["record"]["userData"]))
    body[field] = value
    await expect_error(client, preview["data"]["record"]["recordHandle"], body, 105)


# -- other operations -----------------------------------------------------------------------------

@pytest.mark.parametrize("operation,extra,ack", [
    ("CompleteRecord", {"callResult": "Answer"}, "RecordProcessedAcknowledge"),
    ("RejectRecord", {}, "RecordRejectAcknowledge"),
    ("CancelRecord", {}, "RecordCancelAcknowledge"),
    ("DoNotCallRecord", {"chainAttribute": "AllChain"}, "DoNotCallAcknowledge"),
])
async def test_other_operations_are_acknowledged_and_end_the_record(gws, operation, extra, ack):
    client, records = await online(gws)
    record = records[0]["data"]["record"]
    handle = record["recordHandle"]
    body = {"operationName": operation, "applicationId": 134, "campaignName": record["campaignName"],
            "callingList": record["callingList"], "devicePath": client.device_path,
            "referenceId": "op-1", **extra}
    reply = await client.post(f"/api/v2/me/outbound-records/{handle}", body)
    assert reply.json == {"statusCode": 0}
    first, companion = await client.connect()
    assert key_tree(first) == key_tree(load_sample("reschedule_cometd_reply.json")[0])
    assert first["data"]["notificationType"] == ack and first["data"]["referenceId"] == "op-1"
    assert companion["data"]["userData"] == {
        "GSW_APPLICATION_ID": 134, "GSW_RECORD_HANDLE": handle, "GSW_USER_EVENT": ack,
        "GSW_CALLING_LIST": record["callingList"], "GSW_CAMPAIGN_NAME": record["campaignName"]}
    assert (await sim_records(client, "agent1"))[handle]["status"] != "scheduled"
    # The record is finished: a later reschedule is refused with 106.
    again = reschedule_body(records[0], time_in_window(record["userData"]))
    await expect_error(client, handle, again, 106)


@pytest.mark.parametrize("operation,change,code", [
    ("CompleteRecord", lambda b: b.pop("callingList"), 1),
    ("CompleteRecord", lambda b: b.update(callResult="Great"), 10),
    ("DoNotCallRecord", lambda b: b.update(chainAttribute="Everything"), 10),
    ("RejectRecord", lambda b: b.update(callingList=["x"]), 10),
])
async def test_other_operations_check_their_parameters(gws, operation, change, code):
    client, records = await online(gws)
    record = records[0]["data"]["record"]
    body = {"operationName": operation, "applicationId": 134, "campaignName": record["campaignName"],
            "callingList": record["callingList"], "devicePath": client.device_path}
    change(body)
    reply = await client.post(f"/api/v2/me/outbound-records/{record['recordHandle']}", body)
    assert reply.status == 400 and reply.json["statusCode"] == code


async def test_wrong_calling_list_is_error_105(gws):
    client, records = await online(gws)
    record = records[0]["data"]["record"]
    body = {"operationName": "RejectRecord", "applicationId": 134,
            "campaignName": record["campaignName"], "callingList": "NotMyList",
            "devicePath": client.device_path, "referenceId": "r"}
    await expect_error(client, record["recordHandle"], body, 105)


# -- isolation ------------------------------------------------------------------------------------

async def test_agent2_never_receives_agent1_events(gws):
    agent1, records1 = await online(gws, "agent1")
    agent2, records2 = await online(gws, "agent2")
    handles2 = {p["data"]["record"]["recordHandle"] for p in records2}
    assert handles2.isdisjoint(p["data"]["record"]["recordHandle"] for p in records1)
    # agent1: a success, an error, a second session start.
    preview = records1[0]
    data = preview["data"]["record"]["userData"]
    handle = preview["data"]["record"]["recordHandle"]
    await agent1.post(f"/api/v2/me/outbound-records/{handle}",
                      reschedule_body(preview, time_in_window(data)))
    await agent1.post(f"/api/v2/me/outbound-records/{handle}",
                      reschedule_body(preview, int(time.time()) - 60))
    await agent1.start_session()
    kinds: set = set()
    while not {"ScheduledRecordRescheduleAcknowledge", "Error", "DeviceStateChangeMessage"} <= kinds:
        for message in await agent1.connect():
            kinds.add(message["data"].get("notificationType") or message["data"]["messageType"])
    assert await agent2.connect(timeout=0) == []
