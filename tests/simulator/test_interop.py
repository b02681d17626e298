"""A standard CometD client (aiocometd-noloop, long-polling) against the simulator."""

from __future__ import annotations

import asyncio
import time

import pytest

from simulator.simtest_support import PASSWORD, basic, previews, reschedule_body, time_in_window

aiocometd = pytest.importorskip("aiocometd_noloop")
from aiocometd_noloop.extensions import Extension  # noqa: E402

pytestmark = pytest.mark.asyncio


class BasicAuthExtension(Extension):
    """Puts the agent's Basic credentials on every CometD request."""

    def __init__(self, username: str) -> None:
        self.header = basic(username, PASSWORD)

    async def outgoing(self, payload, headers):
        headers["Authorization"] = self.header

    async def incoming(self, payload, headers=None):
        pass


def missed_callbacks(records):
    """How many ScheduledCall messages follow these previews (overdue personal callbacks)."""
    return sum(1 for p in records
               if p["data"]["record"]["userData"]["GSW_CALLBACK_TYPE"] == "Personal"
               and p["data"]["record"]["userData"]["dial_sched_time"] <= time.time())


async def receive(client, count, timeout=10):
    got = []
    async with asyncio.timeout(timeout):
        while len(got) < count:
            got.append(await client.receive())
    return got


async def test_aiocometd_receives_records_and_the_reschedule_outcome(sim, gws):
    rest = gws("agent1")
    await rest.login()
    url = sim.url + "/api/v2/notifications"
    client = aiocometd.Client(url, aiocometd.ConnectionType.LONG_POLLING,
                              extensions=[BasicAuthExtension("agent1")])
    async with asyncio.timeout(10):
        await client.open()  # quick: the first /meta/connect is answered at once
    try:
        await client.subscribe("/v2/me/*")
        await rest.start_session()
        pushed = await receive(client, 1 + 12)
        assert pushed[0]["data"]["messageType"] == "DeviceStateChangeMessage"
        records = previews(pushed)
        assert len(records) == 12
        if missed_callbacks(records):
            await receive(client, missed_callbacks(records))  # ScheduledCall of overdue ones
        preview = records[0]
        handle = preview["data"]["record"]["recordHandle"]
        body = reschedule_body(preview, time_in_window(preview["data"]["record"]["userData"]),
                               reference_id="via-aiocometd")
        assert (await rest.post(f"/api/v2/me/outbound-records/{handle}", body)).json == {"statusCode": 0}
        ack, companion = await receive(client, 2)
        assert ack["channel"] == "/v2/me/outbound"
        assert ack["data"]["referenceId"] == "via-aiocometd"
        assert companion["channel"] == "/me/internal"
    finally:
        await client.close()


async def test_aiocometd_rehandshakes_after_the_server_forgets_it(sim, gws):
    rest = gws("agent1")
    await rest.login()
    client = aiocometd.Client(sim.url + "/api/v2/notifications",
                              aiocometd.ConnectionType.LONG_POLLING,
                              extensions=[BasicAuthExtension("agent1")])
    async with asyncio.timeout(10):
        await client.open()
    try:
        await client.subscribe("/v2/me/outbound")
        old_id = client._transport.client_id
        await rest.post("/sim/forget-clients", {}, auth=False, csrf=False)
        # The held connect gets 402; the client handshakes again and re-subscribes by itself.
        async with asyncio.timeout(10):
            while True:
                clients = (await rest.get("/sim/clients", auth=False)).json["clients"]
                if any(c["subscriptions"] == ["/v2/me/outbound"] for c in clients):
                    break
                await asyncio.sleep(0.02)
        assert client._transport.client_id != old_id
        await rest.start_session()
        [first] = await receive(client, 1)
        assert first["data"]["notificationType"] == "PreviewRecord"
        # Drain the rest so that close() has nothing pending.
        records = [first, *await receive(client, 11)]
        if missed_callbacks(records):
            await receive(client, missed_callbacks(records))
    finally:
        await client.close()
