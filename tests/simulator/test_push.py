"""Large StartContactCenterSession pushes: in the background, a step at a time, yet every record
exactly once and in order; other clients are served meanwhile; a new start or the end of the
session stops a push. Assertions are on order and content, never on elapsed time."""

from __future__ import annotations

import asyncio
import json
import time

import pytest

from agent_desktop.simulator import Simulator, SimulatorConfig
from simulator.simtest_support import PASSWORD, GwsClient, key_tree, load_sample, local_epoch

pytestmark = pytest.mark.asyncio

OUTBOUND = "/v2/me/outbound"


@pytest.fixture
async def big_sim():
    """Two agents with 1500 records each; pushes go 50 records a step."""
    simulator = Simulator(SimulatorConfig(port=0, agents=2, records_per_agent=1500, seed=5,
                                          password=PASSWORD))
    await simulator.start()
    simulator.core.push_chunk = 50
    clients: list[GwsClient] = []

    def make(username: str) -> GwsClient:
        client = GwsClient(simulator.url, username, PASSWORD)
        clients.append(client)
        return client

    yield simulator, make
    for client in clients:
        await client.close()
    await simulator.stop()


async def ready(client: GwsClient) -> GwsClient:
    """Logged in, handshaken, subscribed to /v2/me/*, first connect done."""
    await client.login()
    await client.handshake()
    await client.subscribe("/v2/me/*")
    assert await client.connect() == []
    return client


async def drain(client: GwsClient, simulator: Simulator) -> list[dict]:
    """Every message pushed to ``client``: long polls while a push goes on, then the rest."""
    got: list[dict] = []
    async with asyncio.timeout(60):
        while True:
            busy = simulator.core.pushes_in_progress
            batch = await client.connect(timeout=200 if busy else 0)
            got += batch
            if not busy and not batch:
                return got


async def sim_records(client: GwsClient, agent: str) -> list[dict]:
    reply = await client.get(f"/sim/records?agent={agent}", auth=False)
    assert reply.status == 200
    return reply.json["records"]


def kinds(messages: list[dict]) -> list[tuple[str, int]]:
    """(notificationType or messageType, handle) of each message."""
    out = []
    for message in messages:
        data = message["data"]
        if message["channel"] == OUTBOUND:
            out.append((data["notificationType"], data["record"]["recordHandle"]))
        else:
            out.append((data["messageType"], 0))
    return out


def expected_push(records: list[dict], started: float) -> list[tuple[str, int]]:
    """What a start pushes: device state, PreviewRecords by (time, handle), then ScheduledCalls
    of the personal callbacks already due (the demo data has none due within minutes of now)."""
    active = sorted((r for r in records if r["status"] == "scheduled"),
                    key=lambda r: (r["scheduled"], r["handle"]))
    due = [r for r in active if r["callbackType"] == "Personal" and r["scheduled"] <= started
           and not r["dueDelivered"]]
    return ([("DeviceStateChangeMessage", 0)] + [("PreviewRecord", r["handle"]) for r in active]
            + [("ScheduledCall", r["handle"]) for r in due])


async def test_a_large_push_delivers_every_record_once_in_order(big_sim):
    simulator, make = big_sim
    client = await ready(make("agent1"))
    records = await sim_records(client, "agent1")
    started = time.time()
    await client.start_session()
    assert simulator.core.pushes_in_progress == 1     # the reply did not wait for the push
    pushed = await drain(client, simulator)
    assert kinds(pushed) == expected_push(records, started)
    previews = [m for m in pushed if m["channel"] == OUTBOUND]
    assert len({(m["data"]["notificationType"], m["data"]["record"]["recordHandle"])
                for m in previews}) == len(previews)
    golden = key_tree(load_sample("preview_record_notification.json"))
    assert all(key_tree(m) == golden for m in previews)
    # The missed callbacks were handed over: the next start does not repeat them.
    due = {h for kind, h in kinds(pushed) if kind == "ScheduledCall"}
    assert due and all(r["dueDelivered"] for r in await sim_records(client, "agent1")
                       if r["handle"] in due)


async def test_a_chunked_push_sends_what_one_batch_sends(big_sim):
    simulator, make = big_sim
    client = await ready(make("agent1"))
    simulator.core.push_chunk = 10_000           # all 1500 in one batch, before the reply
    await client.start_session()
    assert simulator.core.pushes_in_progress == 0
    one_batch = await drain(client, simulator)
    simulator.core.push_chunk = 7
    await client.start_session()                 # pushes everything again, 7 records a step
    chunked = await drain(client, simulator)
    # The same messages; only the missed callbacks are not repeated (the first push had them).
    assert len(chunked) == 1 + 1500
    assert chunked == one_batch[:1 + 1500]
    assert {m["data"]["notificationType"] for m in one_batch[1 + 1500:]} == {"ScheduledCall"}


async def test_a_large_push_does_not_starve_another_agents_long_poll(big_sim):
    simulator, make = big_sim
    simulator.core.push_chunk = 5                # 300 steps for agent1's 1500 records
    pusher = await ready(make("agent1"))
    other = await ready(make("agent2"))
    record = next(r for r in await sim_records(other, "agent2") if r["status"] == "scheduled")
    middle = (record["dailyFrom"] + record["dailyUntil"]) // 2 // 300 * 300
    body = {"operationName": "RescheduleRecord", "applicationId": record["applicationId"],
            "campaignName": record["campaignName"], "callbackType": "Personal",
            "timestamp": local_epoch(record["timeZone"], 2, middle),
            "devicePath": other.device_path, "referenceId": "while-pushing"}

    await pusher.start_session()                 # agent1 polls nothing: its queue only grows
    reply = await other.post(f"/api/v2/me/outbound-records/{record['handle']}", body)
    assert reply.status == 200
    ack = await other.connect()                  # held until the acknowledgement comes
    assert ack[0]["data"]["notificationType"] == "ScheduledRecordRescheduleAcknowledge"
    assert ack[0]["data"]["referenceId"] == "while-pushing"
    # Served while agent1's push was still going on.
    assert simulator.core.pushes_in_progress == 1
    queued = {c["user"]: c["queued"] for c in
              (await other.get("/sim/clients", auth=False)).json["clients"]}
    assert queued["agent1"] < 1 + 1500

    pushed = await drain(pusher, simulator)
    assert sum(m["channel"] == OUTBOUND and m["data"]["notificationType"] == "PreviewRecord"
               for m in pushed) == 1500


async def test_a_second_start_replaces_a_push_in_progress(big_sim):
    simulator, make = big_sim
    simulator.core.push_chunk = 5
    client = await ready(make("agent1"))
    records = await sim_records(client, "agent1")
    started = time.time()
    await client.start_session()
    await client.start_session()
    pushed = kinds(await drain(client, simulator))
    second = max(i for i, (kind, _) in enumerate(pushed) if kind == "DeviceStateChangeMessage")
    assert pushed.count(("DeviceStateChangeMessage", 0)) == 2
    # The first push stopped where it was; the second one is whole and in order.
    assert pushed[second:] == expected_push(records, started)
    assert second < 1 + 1500


async def test_ending_the_session_stops_its_push(big_sim):
    simulator, make = big_sim
    simulator.core.push_chunk = 5
    client = await ready(make("agent1"))
    await client.start_session()
    reply = await client.post("/api/v2/me", {"operationName": "EndContactCenterSession"})
    assert reply.status == 200
    assert simulator.core.pushes_in_progress == 0
    pushed = await drain(client, simulator)
    assert sum(m["channel"] == OUTBOUND for m in pushed) < 1500
    last = pushed[-1]["data"]
    assert last["messageType"] == "DeviceStateChangeMessage"
    assert last["devices"][0]["deviceState"] == "Inactive"


async def test_cometd_replies_are_ascii_json_with_names_intact():
    config = SimulatorConfig(port=0, agents=1, records_per_agent=60, seed=3, password=PASSWORD)
    async with Simulator(config) as simulator:
        client = await ready(GwsClient(simulator.url, "agent1", PASSWORD))
        try:
            await client.start_session()
            raw = await client.bayeux([client.connect_message()])
            assert raw.text.isascii()
            names = {m["data"]["record"]["userData"]["contact_name"] for m in raw.json
                     if m["channel"] == OUTBOUND}
            expected = {r["contactName"] for r in await sim_records(client, "agent1")}
            assert names == expected and not all(n.isascii() for n in names)
            assert json.loads(raw.text) == raw.json
        finally:
            await client.close()
