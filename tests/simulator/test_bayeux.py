"""CometD / Bayeux long-polling at /api/v2/notifications: handshake, subscriptions and
wildcards, held connects, unknown clients, publish, disconnect, expiry and shutdown."""

from __future__ import annotations

import asyncio
import time

import pytest

from agent_desktop.simulator import Simulator, SimulatorConfig
from agent_desktop.simulator.bayeux import MAX_MESSAGES_PER_REPLY
from simulator.simtest_support import PASSWORD, GwsClient, previews, reschedule_body, time_in_window

pytestmark = pytest.mark.asyncio

HANDSHAKE = {"channel": "/meta/handshake", "version": "1.0", "minimumVersion": "1.0",
             "supportedConnectionTypes": ["long-polling"]}


async def wait_until_held(client: GwsClient, count: int = 1) -> None:
    """Wait until the server holds ``count`` connects of this user (asks the /sim/ test aid)."""
    async with asyncio.timeout(10):
        while True:
            clients = (await client.get("/sim/clients", auth=False)).json["clients"]
            if sum(c["polling"] for c in clients if c["user"] == client.username) >= count:
                return
            await asyncio.sleep(0.01)


async def test_handshake_reply(gws):
    client = gws()
    reply = await client.bayeux([{**HANDSHAKE, "id": "1"}], path="/api/v2/notifications/handshake")
    assert reply.status == 200
    [answer] = reply.json
    assert answer == {"channel": "/meta/handshake", "successful": True,
                      "clientId": answer["clientId"], "version": "1.0", "minimumVersion": "1.0",
                      "supportedConnectionTypes": ["long-polling"],
                      "advice": {"reconnect": "retry", "interval": 0, "timeout": 30000}, "id": "1"}
    assert "BAYEUX_BROWSER=" in reply.headers["Set-Cookie"]


@pytest.mark.parametrize("offered", [["websocket"], [], None])
async def test_handshake_without_long_polling_fails(gws, offered):
    message = {**HANDSHAKE, "id": "1", "supportedConnectionTypes": offered}
    if offered is None:
        del message["supportedConnectionTypes"]
    [answer] = (await gws().bayeux([message])).json
    assert answer["successful"] is False and answer["error"].startswith("400::")
    assert answer["supportedConnectionTypes"] == ["long-polling"]


@pytest.mark.parametrize("path", ["/api/v2/notifications", "/api/v2/notifications/",
                                  "/api/v2/notifications/handshake",
                                  "/api/v2/notifications/connect"])
async def test_every_path_under_the_prefix_is_served(gws, path):
    client = gws()
    [answer] = (await client.bayeux({**HANDSHAKE, "id": "7"}, path=path)).json  # a bare object
    assert answer["successful"] and answer["id"] == "7"


async def test_cometd_needs_authentication_but_a_cookie_will_do(gws):
    client = gws()
    refused = await client.bayeux([HANDSHAKE], auth=False)
    assert refused.status == 401 and refused.json["statusCode"] == 20
    await client.login()  # now the JSESSIONID cookie is in the jar
    accepted = await client.bayeux([HANDSHAKE], auth=False)
    assert accepted.status == 200 and accepted.json[0]["successful"]


async def test_bad_bodies_get_bayeux_shaped_errors(gws):
    client = gws()
    broken = await client.bayeux(None, auth=True)  # "null"
    assert broken.status == 400 and broken.json[0]["successful"] is False
    garbage = await client.post("/api/v2/notifications", data=b"[{", csrf=False)
    assert garbage.status == 400 and isinstance(garbage.json, list)
    odd = await client.bayeux([42, {"id": "2"}])
    assert [m["successful"] for m in odd.json] == [False, False]
    get = await client.get("/api/v2/notifications")
    assert get.status == 405
    await client.handshake()  # still serving


async def test_first_connect_is_immediate_then_held_until_timeout(gws):
    client = gws()
    await client.handshake()
    started = time.monotonic()
    assert await client.connect() == []
    assert await client.connect(timeout=0) == []
    assert time.monotonic() - started < 1
    started = time.monotonic()
    assert await client.connect(timeout=300) == []  # the client asked for a shorter hold
    assert 0.25 <= time.monotonic() - started < 5


async def test_held_connect_is_released_by_a_publish(gws):
    client = gws()
    await client.login()
    await client.handshake()
    await client.subscribe("/v2/me/*")
    await client.connect()
    poll = asyncio.create_task(client.connect_raw())
    await wait_until_held(client)
    started = time.monotonic()
    await client.start_session()
    messages = await asyncio.wait_for(poll, 5)
    assert time.monotonic() - started < 5
    assert messages[0]["data"]["messageType"] == "DeviceStateChangeMessage"
    assert messages[-1]["channel"] == "/meta/connect" and messages[-1]["successful"]
    assert messages[-1]["advice"] == {"interval": 0, "timeout": 30000, "reconnect": "retry"}
    assert len(previews(messages)) == 12


async def test_a_second_connect_answers_the_held_one(gws):
    client = gws()
    await client.handshake()
    await client.connect()
    first = asyncio.create_task(client.connect_raw())
    await wait_until_held(client)
    second = await client.connect_raw(timeout=0)
    answered = await asyncio.wait_for(first, 5)
    assert [m["channel"] for m in answered] == ["/meta/connect"] and answered[0]["successful"]
    assert second[-1]["successful"]


async def subscriber(gws, *channels):
    client = gws()
    await client.handshake()
    if channels:
        await client.subscribe(*channels)
    await client.connect()
    return client


async def channels_received(client):
    return {m["channel"] for m in await client.connect(timeout=0)}


async def test_subscription_wildcards(gws):
    me_star = await subscriber(gws, "/v2/me/*")
    outbound = await subscriber(gws, "/v2/me/outbound")
    devices = await subscriber(gws, "/v2/me/devices")
    deep = await subscriber(gws, "/v2/**")
    shallow = await subscriber(gws, "/v2/*")
    listed = await subscriber(gws, "/v2/me/outbound", "/v2/me/devices")
    nothing = await subscriber(gws)
    starter = gws()
    await starter.login()
    await starter.start_session()
    assert await channels_received(me_star) == {"/v2/me/outbound", "/v2/me/devices"}
    assert await channels_received(outbound) == {"/v2/me/outbound"}
    assert await channels_received(devices) == {"/v2/me/devices"}
    assert await channels_received(deep) == {"/v2/me/outbound", "/v2/me/devices"}
    assert await channels_received(shallow) == set()
    assert await channels_received(listed) == {"/v2/me/outbound", "/v2/me/devices"}
    assert await channels_received(nothing) == set()
    # /me/internal companions reach every session of the agent, subscribed or not.
    other = await subscriber(gws, "/v2/me/outbound")
    await starter.start_session()
    record = previews(await other.connect())[0]
    await starter.post(f"/api/v2/me/outbound-records/{record['data']['record']['recordHandle']}",
                       reschedule_body(record, time_in_window(record["data"]["record"]["userData"])))
    assert {m["channel"] for m in await other.connect()} == {"/v2/me/outbound", "/me/internal"}
    assert await channels_received(nothing) == {"/me/internal"}
    assert await channels_received(devices) >= {"/me/internal"}


async def test_subscription_list_and_unsubscribe(gws):
    client = gws()
    await client.login()
    await client.handshake()
    reply = (await client.bayeux([{"channel": "/meta/subscribe", "clientId": client.client_id,
                                   "subscription": ["/v2/me/outbound", "/v2/me/devices"],
                                   "id": "s"}])).json[0]
    assert reply["successful"] and reply["subscription"] == ["/v2/me/outbound", "/v2/me/devices"]
    await client.connect()
    gone = (await client.bayeux([{"channel": "/meta/unsubscribe", "clientId": client.client_id,
                                  "subscription": "/v2/me/outbound", "id": "u"}])).json[0]
    assert gone["successful"]
    await client.start_session()
    assert await channels_received(client) == {"/v2/me/devices"}


@pytest.mark.parametrize("subscription,code", [
    ("/v2/me/*x", "400"), ("v2/me", "400"), ("/v2//me", "400"), ("/v2/*/me", "400"), (None, "400"),
    ([], "400"), ("/meta/connect", "403"), ("/meta/**", "403")])
async def test_bad_subscriptions_are_refused(gws, subscription, code):
    client = gws()
    await client.handshake()
    reply = (await client.bayeux([{"channel": "/meta/subscribe", "clientId": client.client_id,
                                   "subscription": subscription}])).json[0]
    assert reply["successful"] is False and reply["error"].startswith(code + "::")


async def test_publish_is_denied(gws):
    client = gws()
    await client.handshake()
    reply = (await client.bayeux([{"channel": "/v2/me/outbound", "clientId": client.client_id,
                                   "data": {"x": 1}, "id": "p"}])).json[0]
    assert reply == {"channel": "/v2/me/outbound", "successful": False,
                     "error": "403::Publish denied", "id": "p"}


async def test_unknown_client_gets_402_and_handshake_advice(gws):
    client = gws()
    client.client_id = "no-such-client"
    for message in (client.connect_message(), {"channel": "/meta/subscribe", "id": "9",
                                               "clientId": "no-such-client",
                                               "subscription": "/v2/me/*"}):
        [answer] = (await client.bayeux([message])).json
        assert answer["successful"] is False
        assert answer["error"] == "402::Unknown client"
        assert answer["advice"] == {"reconnect": "handshake", "interval": 0}


async def test_another_users_client_id_is_unknown(gws):
    owner = gws("agent1")
    await owner.handshake()
    thief = gws("agent2")
    thief.client_id = owner.client_id
    [answer] = (await thief.bayeux([thief.connect_message(timeout=0)])).json
    assert answer["error"] == "402::Unknown client"
    assert (await owner.connect()) == []  # the owner's client is untouched


async def test_forget_clients_then_rehandshake_with_a_batched_connect_and_subscribe(gws):
    client = gws()
    await client.login()
    await client.handshake()
    await client.subscribe("/v2/me/*")
    await client.connect()
    held = asyncio.create_task(client.connect_raw())
    await wait_until_held(client)
    forgot = await client.post("/sim/forget-clients", {}, auth=False, csrf=False)
    assert forgot.json["forgotten"] >= 1
    [answer] = await asyncio.wait_for(held, 5)  # the held poll learns at once
    assert answer["error"] == "402::Unknown client"
    assert answer["advice"]["reconnect"] == "handshake"
    # Re-handshake; aiocometd then sends /meta/connect together with its /meta/subscribe.
    await client.handshake()
    batch = [client.connect_message(timeout=0),
             {"channel": "/meta/subscribe", "id": client.next_id(), "clientId": client.client_id,
              "subscription": "/v2/me/outbound"}]
    replies = (await client.bayeux(batch)).json
    assert {r["channel"]: r["successful"] for r in replies} == {"/meta/connect": True,
                                                                "/meta/subscribe": True}
    assert replies[-1]["channel"] == "/meta/connect"
    await client.start_session()
    assert await channels_received(client) == {"/v2/me/outbound"}


async def test_disconnect_removes_the_client_and_answers_a_held_connect(gws):
    client = gws()
    await client.handshake()
    await client.connect()
    held = asyncio.create_task(client.connect_raw())
    await wait_until_held(client)
    bye = (await client.bayeux([{"channel": "/meta/disconnect", "clientId": client.client_id,
                                 "id": "d"}], path="/api/v2/notifications/disconnect")).json[0]
    assert bye["successful"] and bye["id"] == "d"
    answered = await asyncio.wait_for(held, 5)
    assert answered[-1]["channel"] == "/meta/connect"
    [after] = (await client.bayeux([client.connect_message()])).json
    assert after["error"] == "402::Unknown client"


async def test_one_reply_carries_at_most_max_messages_per_reply():
    cap = MAX_MESSAGES_PER_REPLY
    config = SimulatorConfig(port=0, agents=1, records_per_agent=2 * cap + 200,
                             password=PASSWORD)
    async with Simulator(config) as simulator:
        client = GwsClient(simulator.url, "agent1", PASSWORD)
        try:
            await client.login()
            await client.handshake()
            await client.subscribe("/v2/me/*")
            await client.connect()
            await client.start_session()
            async with asyncio.timeout(30):   # a large push goes on in the background
                while simulator.core.pushes_in_progress:
                    await asyncio.sleep(0.01)
            queued = (await client.get("/sim/clients", auth=False)).json["clients"][0]["queued"]
            assert queued > 2 * cap + 200   # the device state, every record, the missed callbacks
            assert len(await client.connect(timeout=0)) == cap
            assert len(await client.connect(timeout=0)) == cap
            rest = await client.connect(timeout=0)
            assert len(rest) == queued - 2 * cap
            assert await client.connect(timeout=0) == []
        finally:
            await client.close()


async def test_silent_clients_expire():
    config = SimulatorConfig(port=0, agents=1, records_per_agent=1, password=PASSWORD,
                             long_poll_timeout_ms=100, max_interval_ms=200)
    async with Simulator(config) as simulator:
        client = GwsClient(simulator.url, "agent1", PASSWORD)
        try:
            await client.handshake()
            await asyncio.sleep(0.6)  # longer than maxInterval plus one sweep period
            [answer] = (await client.bayeux([client.connect_message()])).json
            assert answer["error"] == "402::Unknown client"
        finally:
            await client.close()


async def test_stopping_the_simulator_answers_held_connects():
    simulator = Simulator(SimulatorConfig(port=0, agents=1, records_per_agent=1, password=PASSWORD))
    await simulator.start()
    client = GwsClient(simulator.url, "agent1", PASSWORD)
    try:
        await client.handshake()
        await client.connect()
        held = asyncio.create_task(client.connect_raw())
        await wait_until_held(client)
        started = time.monotonic()
        await simulator.stop()
        assert time.monotonic() - started < 3
        answered = await asyncio.wait_for(held, 3)
        assert answered[-1]["successful"]
    finally:
        await client.close()
        await simulator.stop()
