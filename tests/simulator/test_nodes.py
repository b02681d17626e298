"""Node restarts and several nodes sharing one world: what survives (records, applied referenceIds)
and what is node-local (HTTP sessions, CSRF tokens, CometD clients, contact-center sessions)."""

from __future__ import annotations

import asyncio
import base64
import json
import time
import urllib.error
import urllib.request

import aiohttp
import pytest
import pytest_asyncio

from agent_desktop.simulator import Simulator, SimulatorConfig, SimulatorThread
from simulator.simtest_support import (PASSWORD, GwsClient, previews, reschedule_body, time_in_window, until_refused,
                                       until_true)

ACK = "ScheduledRecordRescheduleAcknowledge"


def acks(messages, kind=ACK):
    return [m for m in messages if m["channel"] == "/v2/me/outbound"
            and m["data"]["notificationType"] == kind]


def of_type(messages, kind):
    return [m for m in messages if m["channel"] == "/v2/me/outbound"
            and m["data"]["notificationType"] == kind]


def url_of(preview) -> str:
    return f"/api/v2/me/outbound-records/{preview['data']['record']['recordHandle']}"


def body_for(preview, reference_id="ref-1", days_ahead=2):
    when = time_in_window(preview["data"]["record"]["userData"], days_ahead=days_ahead)
    return reschedule_body(preview, when, reference_id=reference_id)


async def record_of(client: GwsClient, handle: int):
    reply = await client.get("/sim/records?agent=agent1", auth=False)
    return next(r for r in reply.json["records"] if r["handle"] == handle)


@pytest_asyncio.fixture
async def clients():
    made: list[GwsClient] = []

    def make(url: str, username: str = "agent1") -> GwsClient:
        client = GwsClient(url, username, PASSWORD)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.close()


@pytest_asyncio.fixture
async def one():
    simulator = Simulator(SimulatorConfig(port=0, agents=2, records_per_agent=4, seed=3,
                                          password=PASSWORD))
    await simulator.start()
    yield simulator
    await simulator.stop()


@pytest_asyncio.fixture
async def two():
    simulator = Simulator(SimulatorConfig(port=0, agents=2, records_per_agent=4, seed=3,
                                          password=PASSWORD, nodes=2))
    await simulator.start()
    yield simulator
    await simulator.stop()


# -- restart ------------------------------------------------------------------------------------

async def test_restart_keeps_the_world_and_loses_sessions_and_clients(one, clients):
    client = clients(one.url)
    preview = previews(await client.go_online())[0]
    handle = preview["data"]["record"]["recordHandle"]
    body = body_for(preview, reference_id="before")
    await client.post(url_of(preview), body)
    assert acks(await client.connect())
    old_csrf, port = client.csrf, one.port
    held = asyncio.ensure_future(client.connect_raw())     # a long poll held by the server

    async def polling() -> bool:
        clients_now = (await client.get("/sim/clients", auth=False)).json["clients"]
        return any(c["polling"] for c in clients_now)

    await until_true(polling)

    await one.restart()

    with pytest.raises(aiohttp.ClientConnectionError):
        await held                                         # cut, not answered
    assert one.port == port
    assert (await record_of(client, handle))["scheduled"] == body["timestamp"]
    # The REST session is gone: the cookie alone is refused, the old CSRF token too.
    assert (await client.get("/api/v2/me", auth=False)).status == 401
    client.csrf = old_csrf
    refused = await client.post(url_of(preview), body)
    assert refused.status == 403
    # The CometD client is unknown: 402 + re-handshake.
    [answer] = await client.connect_raw(timeout=0)
    assert answer["error"] == "402::Unknown client"
    assert answer["advice"]["reconnect"] == "handshake"
    # Logging in again works; the contact-center session must be started again.
    nodes = (await client.get("/sim/nodes", auth=False)).json["nodes"]
    assert nodes[0]["contactCenterSessions"] == [] and nodes[0]["generation"] == 1
    me = await client.get("/api/v2/me?subresources=*")
    assert me.json["user"]["devices"][0]["deviceState"] == "Inactive"
    again = previews(await client.go_online())
    assert {p["data"]["record"]["recordHandle"] for p in again} >= {handle}
    # The applied referenceId survived: a retry is acknowledged, not applied again.
    await client.post(url_of(preview), body)
    [ack] = acks(await client.connect())
    assert ack["data"]["referenceId"] == "before"
    assert (await client.get("/sim/stats", auth=False)).json["duplicates"] == 1


async def test_listener_can_stay_down_for_a_while(one, clients):
    client = clients(one.url)
    await client.login()
    await one.stop_listening()
    with pytest.raises(aiohttp.ClientConnectionError):
        await client.get("/api/v2/diagnostics/version")
    await one.stop_listening()                              # already down: harmless
    await one.start_listening()
    await one.start_listening()                             # already up: harmless
    assert (await client.get("/api/v2/diagnostics/version")).status == 200
    started = time.monotonic()
    await one.restart(down_s=0.2)
    assert time.monotonic() - started >= 0.2


async def test_an_outcome_pending_across_a_restart_is_applied_but_not_published(one, clients,
                                                                                tmp_path):
    client = clients(one.url)
    preview = previews(await client.go_online())[0]
    handle = preview["data"]["record"]["recordHandle"]
    one.set_faults(ack_delay_ms=200)
    body = body_for(preview, reference_id="in-flight")
    await client.post(url_of(preview), body)
    await one.restart()
    await client.go_online()
    assert await client.connect(timeout=400) == []
    assert (await record_of(client, handle))["scheduled"] == body["timestamp"]
    stats = (await client.get("/sim/stats", auth=False)).json
    assert stats["acks_lost_to_restart"] == 1


async def test_sim_restart_answers_first_then_restarts(one, clients):
    client = clients(one.url)
    await client.login()
    reply = await client.post("/sim/restart", {"down_ms": 150}, auth=False, csrf=False)
    assert reply.status == 200 and reply.json == {"restarting": [0], "down_ms": 150}
    await until_refused(lambda: client.get("/api/v2/diagnostics/version"))
    deadline = time.monotonic() + 5
    while True:
        try:
            assert (await client.get("/api/v2/me", auth=False)).status == 401  # session lost
            break
        except aiohttp.ClientConnectionError:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.03)
    for bad in ({"down_ms": -1}, {"down_ms": 1.5}, {"node": 1}, {"node": "0"}):
        refused = await client.post("/sim/restart", bad, auth=False, csrf=False)
        assert refused.status == 400, bad
    empty = await client.post("/sim/restart", data=b"", auth=False, csrf=False)
    assert empty.status == 200


# -- two nodes ----------------------------------------------------------------------------------

async def test_nodes_have_their_own_sessions_tokens_and_clients(two, clients):
    a_url, b_url = two.urls
    assert a_url == two.url and a_url != b_url
    on_a = clients(a_url)
    preview = previews(await on_a.go_online())[0]
    token_a = on_a.csrf
    # The same client (same cookie jar: cookies do not tell ports apart) turns to node B.
    on_a.base_url = b_url
    assert (await on_a.get("/api/v2/me", auth=False)).status == 401     # A's cookie: unknown
    on_a.csrf = token_a
    assert (await on_a.post(url_of(preview), body_for(preview))).status == 403  # A's token
    [answer] = await on_a.connect_raw(timeout=0)                        # A's clientId
    assert answer["error"] == "402::Unknown client"
    # Logging in on B gives B's own session and token; then B takes operations.
    await on_a.login()
    assert on_a.csrf != token_a
    assert (await on_a.post(url_of(preview), body_for(preview))).json == {"statusCode": 0}
    # /sim/ is served by every node and sees the shared world.
    records = (await on_a.get("/sim/records?agent=agent1", auth=False)).json["records"]
    assert len(records) == 4
    nodes = (await on_a.get("/sim/nodes", auth=False)).json["nodes"]
    assert [n["url"] for n in nodes] == two.urls
    assert [n["contactCenterSessions"] for n in nodes] == [["agent1"], []]


async def test_pushes_follow_the_contact_center_session_and_acks_the_request(two, clients):
    a_url, b_url = two.urls
    on_a, on_b = clients(a_url), clients(b_url)
    for client in (on_a, on_b):
        await client.login()
        await client.handshake()
        await client.subscribe("/v2/me/*")
        assert await client.connect() == []
    # The contact-center session is started through A: records are pushed to A's clients only.
    await on_a.start_session()
    pushed = previews(await on_a.connect())
    assert len(pushed) == 4
    assert await on_b.connect(timeout=0) == []
    # An operation sent to B is acknowledged on B, the node it was sent to.
    preview = pushed[0]
    assert (await on_b.post(url_of(preview), body_for(preview, "via-b"))).json == {"statusCode": 0}
    [ack] = acks(await on_b.connect())
    assert ack["data"]["referenceId"] == "via-b"
    assert await on_a.connect(timeout=0) == []
    # A due personal callback goes where the contact-center session is: A.
    handle = preview["data"]["record"]["recordHandle"]
    due = await on_a.post("/sim/set-schedule", {"handle": handle, "timestamp": int(time.time()) - 5,
                                                 "callbackType": "Personal"},
                          auth=False, csrf=False)
    assert due.status == 200
    [call] = of_type(await on_a.connect(timeout=2000), "ScheduledCall")
    assert call["data"]["record"]["recordHandle"] == handle
    assert await on_b.connect(timeout=0) == []
    clients_view = (await on_a.get("/sim/clients", auth=False)).json["clients"]
    assert sorted(c["node"] for c in clients_view) == [0, 1]


async def test_node_down_and_up(two, clients):
    a_url, b_url = two.urls
    on_b = clients(b_url)
    await on_b.go_online()
    b_port = two.ports[1]
    await two.node_down(1)
    with pytest.raises(aiohttp.ClientConnectionError):
        await on_b.get("/api/v2/diagnostics/version")
    on_a = clients(a_url)
    assert (await on_a.get("/api/v2/me")).status == 200     # A carries on
    # The agent's contact-center session was on B: the device is logged out.
    me = await on_a.get("/api/v2/me?subresources=*")
    assert me.json["user"]["devices"][0]["deviceState"] == "Inactive"
    nodes = (await on_a.get("/sim/nodes", auth=False)).json["nodes"]
    assert [n["listening"] for n in nodes] == [True, False]
    # The admin endpoint refuses to take the last listening node down.
    last = await on_a.post("/sim/node-down", {"node": 0}, auth=False, csrf=False)
    assert last.status == 409
    up = await on_a.post("/sim/node-up", {"node": 1}, auth=False, csrf=False)
    assert up.json == {"node": 1, "listening": True, "url": b_url}
    assert two.ports[1] == b_port
    [answer] = await on_b.connect_raw(timeout=0)
    assert answer["error"] == "402::Unknown client"
    down = await on_a.post("/sim/node-down", {"node": 1}, auth=False, csrf=False)
    assert down.json == {"node": 1, "listening": False}
    await until_refused(lambda: on_b.get("/api/v2/diagnostics/version"))
    await two.node_up(1)
    for bad in ({}, {"node": 2}, {"node": -1}, {"node": True}):
        refused = await on_a.post("/sim/node-down", bad, auth=False, csrf=False)
        assert refused.status == 400, bad


async def test_a_restart_of_one_node_leaves_the_other_alone(two, clients):
    on_a, on_b = clients(two.urls[0]), clients(two.urls[1])
    await on_a.go_online()
    await on_b.login()
    await on_b.handshake()
    await two.restart(node=0)
    assert (await on_b.connect_raw(timeout=0))[-1]["successful"]
    assert (await on_a.connect_raw(timeout=0))[0]["error"] == "402::Unknown client"
    with pytest.raises(IndexError):
        await two.restart(node=2)


# -- synchronous API and the command line -------------------------------------------------------

def get_json(url: str, auth: bool = False):
    headers = {"Authorization": "Basic " + base64.b64encode(f"agent1:{PASSWORD}".encode()).decode()
               } if auth else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as reply:
        return reply.status, json.load(reply)


def test_simulator_thread_controls():
    config = SimulatorConfig(port=0, agents=1, records_per_agent=2, password=PASSWORD, nodes=2,
                             latency_ms=0)
    with SimulatorThread(config) as sim:
        assert len(sim.urls) == 2 and sim.urls[0] == sim.url and sim.ports[0] == sim.port
        faults = sim.set_faults(latency_ms=20)
        assert faults.latency_ms == 20 and sim.faults == faults
        with pytest.raises(ValueError):
            sim.set_faults(latency_ms=-1)
        sim.node_down(1)
        with pytest.raises(urllib.error.URLError):
            get_json(sim.urls[1] + "/api/v2/diagnostics/version")
        assert get_json(sim.urls[0] + "/api/v2/me", auth=True)[0] == 200
        sim.node_up(1)
        assert get_json(sim.urls[1] + "/api/v2/diagnostics/version")[0] == 200
        sim.stop_listening()
        with pytest.raises(urllib.error.URLError):
            get_json(sim.url + "/api/v2/diagnostics/version")
        sim.start_listening()
        sim.restart(down_s=0.05, node=0)
        assert get_json(sim.url + "/sim/faults")[1]["latency_ms"] == 20


async def test_journal_names_the_node_and_the_lost_outcomes(tmp_path, clients):
    path = tmp_path / "journal.jsonl"
    config = SimulatorConfig(port=0, agents=1, records_per_agent=3, password=PASSWORD, nodes=2,
                             journal=str(path))
    async with Simulator(config) as simulator:
        on_a, on_b = clients(simulator.urls[0]), clients(simulator.urls[1])
        pushed = previews(await on_a.go_online())
        await on_b.login()
        await on_b.post(url_of(pushed[0]), body_for(pushed[0], "b-1"))
        simulator.set_faults(drop_ack_rate=1.0)
        await on_a.post(url_of(pushed[1]), body_for(pushed[1], "a-1"))
        # The journal line of the dropped acknowledgement is written when its outcome is due.
        await until_true(lambda: len(path.read_text(encoding="utf-8").splitlines()) >= 3)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    seen = [(line["operation"], line["node"], line.get("dropped")) for line in lines]
    assert seen == [("StartContactCenterSession", 0, None), ("RescheduleRecord", 1, None),
                    ("RescheduleRecord", 0, "drop_ack_rate")]
    assert all(line["verdict"] in ("ok", "acknowledged") for line in lines)


async def test_a_reply_held_back_by_latency_is_cut_by_a_restart(one, clients):
    client = clients(one.url)
    await client.login()
    # Ten minutes of latency: a reply that comes back at all within the generous bound below was
    # cut (or sent) by the restart, not served after its wait.
    one.set_faults(latency_ms=600_000)
    node = one.nodes[0]
    pending = asyncio.ensure_future(client.get("/api/v2/me"))
    await until_true(lambda: node.held_replies == 1)
    await one.restart()
    with pytest.raises(aiohttp.ClientConnectionError):
        await asyncio.wait_for(pending, 30)
    # A clean stop sends such replies at once instead.
    pending = asyncio.ensure_future(client.get("/api/v2/me"))
    await until_true(lambda: node.held_replies == 1)
    await one.stop()
    assert (await asyncio.wait_for(pending, 30)).status == 200
