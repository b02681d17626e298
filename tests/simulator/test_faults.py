"""Fault injection: /sim/faults, HTTP 503s, dropped and delayed acknowledgements, latency, and the
idempotency of retried operations (same referenceId)."""

from __future__ import annotations

import asyncio
import json
import time
from unittest import mock

import pytest
from aiohttp.test_utils import make_mocked_request

from agent_desktop.simulator import Simulator, SimulatorConfig
from agent_desktop.simulator import admin
from simulator.simtest_support import (PASSWORD, GwsClient, gsw_date_time, previews,
                                       reschedule_body, time_in_window)


DEFAULTS = {"http_5xx_rate": 0.0, "drop_ack_rate": 0.0, "ack_delay_ms": 0, "ack_jitter_ms": 0,
            "latency_ms": 0}
ACK = "ScheduledRecordRescheduleAcknowledge"


async def sim_get(client: GwsClient, path: str):
    reply = await client.get(path, auth=False)
    assert reply.status == 200, reply.text
    return reply.json


async def sim_post(client: GwsClient, path: str, body):
    return await client.post(path, body, auth=False, csrf=False)


async def record_of(client: GwsClient, handle: int):
    records = (await sim_get(client, "/sim/records?agent=agent1"))["records"]
    return next(r for r in records if r["handle"] == handle)


def acks(messages, kind=ACK):
    return [m for m in messages if m["channel"] == "/v2/me/outbound"
            and m["data"]["notificationType"] == kind]


async def online(gws):
    client = gws()
    records = previews(await client.go_online())
    return client, records


def body_for(preview, reference_id="ref-1", days_ahead=2, callback_type="Personal"):
    when = time_in_window(preview["data"]["record"]["userData"], days_ahead=days_ahead)
    return reschedule_body(preview, when, callback_type, reference_id=reference_id)


def url_of(preview) -> str:
    return f"/api/v2/me/outbound-records/{preview['data']['record']['recordHandle']}"


# -- /sim/faults --------------------------------------------------------------------------------

async def test_faults_endpoint_reads_and_changes_the_switches(gws):
    client = gws()
    assert await sim_get(client, "/sim/faults") == DEFAULTS
    changed = await sim_post(client, "/sim/faults", {"drop_ack_rate": 0.25, "latency_ms": 5})
    assert changed.status == 200
    assert changed.json == {**DEFAULTS, "drop_ack_rate": 0.25, "latency_ms": 5}
    # Partial: what is not named stays.
    again = await sim_post(client, "/sim/faults", {"ack_delay_ms": 7, "http_5xx_rate": 1})
    assert again.json == {**DEFAULTS, "drop_ack_rate": 0.25, "latency_ms": 5, "ack_delay_ms": 7,
                          "http_5xx_rate": 1.0}
    assert await sim_get(client, "/sim/faults") == again.json


@pytest.mark.parametrize("body", [
    {"http_5xx_rate": 1.5}, {"drop_ack_rate": -0.1}, {"drop_ack_rate": "0.5"},
    {"http_5xx_rate": True}, {"http_5xx_rate": None}, {"ack_delay_ms": -1},
    {"latency_ms": 2.5}, {"ack_jitter_ms": "10"}, {"ack_delay_ms": 600_001},
    {"latency": 10}, {"drop_ack_rate": 0.5, "latency_ms": -1}, [1, 2], "x",
])
async def test_faults_endpoint_validates_all_or_nothing(gws, body):
    client = gws()
    reply = await sim_post(client, "/sim/faults", body)
    assert reply.status == 400 and "error" in reply.json
    assert await sim_get(client, "/sim/faults") == DEFAULTS
    broken = await client.post("/sim/faults", data=b"{not json", auth=False, csrf=False)
    assert broken.status == 400


@pytest.mark.parametrize("method,path", [
    ("GET", "/sim/faults"), ("POST", "/sim/faults"), ("POST", "/sim/restart"),
    ("GET", "/sim/nodes"), ("POST", "/sim/node-down"), ("GET", "/sim/stats")])
async def test_admin_endpoints_refuse_remote_peers(method, path):
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (
        ("192.0.2.7", 40000) if name == "peername" else default)
    request = make_mocked_request(method, path, transport=transport)
    handler = mock.AsyncMock()
    response = await admin.loopback_only(request, handler)
    assert response.status == 403 and not handler.called


def test_config_validates_the_fault_switches():
    for bad in ({"http_5xx_rate": 1.01}, {"drop_ack_rate": -1}, {"ack_jitter_ms": -5},
                {"latency_ms": -1}, {"nodes": 0}, {"port": 65535, "nodes": 2}):
        with pytest.raises(ValueError):
            SimulatorConfig(**bad)
    config = SimulatorConfig(http_5xx_rate=0.5, drop_ack_rate=1, latency_ms=3, ack_jitter_ms=4)
    assert config.faults.as_json() == {**DEFAULTS, "http_5xx_rate": 0.5, "drop_ack_rate": 1.0,
                                       "latency_ms": 3, "ack_jitter_ms": 4}


# -- HTTP 503 -----------------------------------------------------------------------------------

async def test_a_refused_request_is_503_and_has_no_effect(gws):
    client, records = await online(gws)
    preview = records[0]
    handle = preview["data"]["record"]["recordHandle"]
    before = await record_of(client, handle)
    await sim_post(client, "/sim/faults", {"http_5xx_rate": 1.0})

    reply = await client.post(url_of(preview), body_for(preview))
    assert reply.status == 503
    assert reply.json["statusCode"] == 4 and reply.json["statusMessage"]
    assert await record_of(client, handle) == before
    # Nothing was accepted, so nothing comes on CometD (which is never refused).
    assert await client.connect(timeout=0) == []
    # Every REST request, also GETs and the version probe; no session is made.
    me = await client.get("/api/v2/me", auth=False, headers={"Cookie": "JSESSIONID=none"})
    assert me.status == 503 and "Set-Cookie" not in me.headers
    assert (await client.get("/api/v2/diagnostics/version")).status == 503
    stopped = await client.post("/api/v2/me", {"operationName": "EndContactCenterSession"})
    assert stopped.status == 503
    stats = await sim_get(client, "/sim/stats")
    assert stats["http_5xx"] == 4

    await sim_post(client, "/sim/faults", {"http_5xx_rate": 0})
    assert (await client.post(url_of(preview), body_for(preview))).json == {"statusCode": 0}
    assert acks(await client.connect())


async def test_errors_as_http_200_does_not_change_the_injected_503():
    config = SimulatorConfig(port=0, agents=1, records_per_agent=1, password=PASSWORD,
                             errors_as_http_200=True, http_5xx_rate=1.0)
    async with Simulator(config) as simulator:
        client = GwsClient(simulator.url, "agent1", PASSWORD)
        try:
            assert (await client.get("/api/v2/me")).status == 503
        finally:
            await client.close()


async def statuses(seed: int, fault_seed=None, count: int = 24) -> list[int]:
    config = SimulatorConfig(port=0, agents=1, records_per_agent=0, password=PASSWORD, seed=seed,
                             fault_seed=fault_seed, http_5xx_rate=0.5)
    async with Simulator(config) as simulator:
        client = GwsClient(simulator.url, "agent1", PASSWORD)
        try:
            return [(await client.get("/api/v2/diagnostics/version")).status
                    for _ in range(count)]
        finally:
            await client.close()


async def test_the_503s_are_reproducible_from_the_seed():
    first = await statuses(seed=3)
    assert set(first) == {200, 503}
    assert await statuses(seed=3) == first
    assert await statuses(seed=3, fault_seed=4) != first


# -- dropped acknowledgements and retries -------------------------------------------------------

async def test_a_dropped_ack_still_changes_the_record_and_a_retry_is_acked_once(gws, tmp_path):
    client, records = await online(gws)
    preview = records[0]
    handle = preview["data"]["record"]["recordHandle"]
    body = body_for(preview, reference_id="drop-1")
    await sim_post(client, "/sim/faults", {"drop_ack_rate": 1.0})
    assert (await client.post(url_of(preview), body)).json == {"statusCode": 0}
    assert await client.connect(timeout=150) == []          # never acknowledged ...
    assert (await record_of(client, handle))["scheduled"] == body["timestamp"]  # ... but applied
    assert (await sim_get(client, "/sim/stats"))["acks_dropped"] == 1

    # The client times out and retries with the same referenceId: acknowledged this time.
    await sim_post(client, "/sim/faults", {"drop_ack_rate": 0.0})
    assert (await client.post(url_of(preview), body)).json == {"statusCode": 0}
    [ack] = acks(await client.connect())
    assert ack["data"]["referenceId"] == "drop-1"
    stats = await sim_get(client, "/sim/stats")
    assert stats["duplicates"] == 1 and stats["applied_reference_ids"] == 1


async def test_drop_ack_rate_also_drops_error_outcomes(gws):
    client, records = await online(gws)
    preview = records[0]
    await sim_post(client, "/sim/faults", {"drop_ack_rate": 1.0})
    past = reschedule_body(preview, int(time.time()) - 3600, reference_id="past")
    assert (await client.post(url_of(preview), past)).json == {"statusCode": 0}
    assert await client.connect(timeout=100) == []


async def test_a_retried_reschedule_is_acked_again_but_applied_once(tmp_path):
    path = tmp_path / "journal.jsonl"
    config = SimulatorConfig(port=0, agents=1, records_per_agent=3, password=PASSWORD,
                             journal=str(path))
    async with Simulator(config) as simulator:
        client = GwsClient(simulator.url, "agent1", PASSWORD)
        try:
            preview = previews(await client.go_online())[0]
            handle = preview["data"]["record"]["recordHandle"]
            first = body_for(preview, reference_id="r1", days_ahead=2)
            second = body_for(preview, reference_id="r2", days_ahead=3, callback_type="Campaign")
            await client.post(url_of(preview), first)
            [ack1] = acks(await client.connect())
            await client.post(url_of(preview), second)        # last write wins (G13)
            acks(await client.connect())
            record = await record_of(client, handle)
            assert (record["scheduled"], record["callbackType"]) == (second["timestamp"], "Campaign")

            await client.post(url_of(preview), first)         # a late retry of r1
            replay = await client.connect()
            assert [m["data"] for m in replay if m["channel"] == "/v2/me/outbound"] == [ack1["data"]]
            companion = next(m for m in replay if m["channel"] == "/me/internal")
            assert companion["data"]["userData"]["GSW_DATE_TIME"] == gsw_date_time(first["timestamp"])
            assert companion["data"]["userData"]["GSW_CALLBACK_TYPE"] == "Personal"
            record = await record_of(client, handle)
            assert (record["scheduled"], record["callbackType"]) == (second["timestamp"], "Campaign")

            # The same referenceId with another time is a new request, not a retry.
            changed = dict(first, timestamp=first["timestamp"] + 300)
            await client.post(url_of(preview), changed)
            acks(await client.connect())
            assert (await record_of(client, handle))["scheduled"] == changed["timestamp"]
        finally:
            await client.close()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    outcomes = [(line["body"]["referenceId"], line["verdict"], line.get("duplicate", False))
                for line in lines if line["operation"] == "RescheduleRecord"]
    assert outcomes == [("r1", "acknowledged", False), ("r2", "acknowledged", False),
                        ("r1", "acknowledged", True), ("r1", "acknowledged", False)]


async def test_a_retry_after_the_record_was_finished_is_still_acked(gws):
    client, records = await online(gws)
    preview = records[0]
    record = preview["data"]["record"]
    body = body_for(preview, reference_id="keep")
    await client.post(url_of(preview), body)
    assert acks(await client.connect())
    done = {"operationName": "CompleteRecord", "applicationId": record["applicationId"],
            "campaignName": record["campaignName"], "callingList": record["callingList"],
            "devicePath": record["devicePath"], "referenceId": "done"}
    await client.post(url_of(preview), done)
    assert acks(await client.connect(), "RecordProcessedAcknowledge")
    await client.post(url_of(preview), done)                 # retried: acked, no error 106
    assert acks(await client.connect(), "RecordProcessedAcknowledge")
    await client.post(url_of(preview), body)
    assert acks(await client.connect())


# -- delays and latency -------------------------------------------------------------------------

async def test_ack_delay_is_live_and_jitter_keeps_the_order(gws):
    client, records = await online(gws)
    await sim_post(client, "/sim/faults", {"ack_delay_ms": 250})
    started = time.monotonic()
    await client.post(url_of(records[0]), body_for(records[0], reference_id="slow"))
    assert await client.connect(timeout=0) == []
    assert acks(await client.connect())
    assert time.monotonic() - started >= 0.2

    await sim_post(client, "/sim/faults", {"ack_delay_ms": 0, "ack_jitter_ms": 200})
    sent = []
    for i, preview in enumerate(records[:6]):
        reference_id = f"j{i}"
        sent.append(reference_id)
        assert (await client.post(url_of(preview), body_for(preview, reference_id))).status == 200
    received: list[str] = []
    deadline = time.monotonic() + 5
    while len(received) < len(sent) and time.monotonic() < deadline:
        received += [m["data"]["referenceId"] for m in acks(await client.connect(timeout=500))]
    assert received == sent


async def test_latency_delays_every_reply_without_blocking_the_loop(gws):
    client, records = await online(gws)
    other = gws("agent2")
    await sim_post(client, "/sim/faults", {"latency_ms": 300})
    started = time.monotonic()
    me, version, pushed = await asyncio.gather(
        client.get("/api/v2/me"), other.get("/api/v2/diagnostics/version"),
        client.connect(timeout=0))
    elapsed = time.monotonic() - started
    assert me.status == 200 and version.status == 200 and pushed == []
    assert 0.28 <= elapsed < 0.8    # three replies delayed together, not one after the other
    started = time.monotonic()
    assert (await sim_get(client, "/sim/faults"))["latency_ms"] == 300
    assert time.monotonic() - started < 0.2      # /sim/ is not delayed
