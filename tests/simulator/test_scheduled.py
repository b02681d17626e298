"""Personal callbacks coming due (ScheduledCall), and the one-timer scheduler behind them."""

from __future__ import annotations

import asyncio
import time

import pytest

from agent_desktop.simulator.scheduler import Scheduler
from simulator.simtest_support import key_tree, load_sample, previews


async def set_schedule(client, handle, timestamp, callback_type="Personal"):
    reply = await client.post("/sim/set-schedule", {"handle": handle, "timestamp": timestamp,
                                                     "callbackType": callback_type},
                              auth=False, csrf=False)
    assert reply.status == 200, reply.text
    return reply.json["record"]


async def record_state(client, handle):
    records = (await client.get("/sim/records?agent=agent1", auth=False)).json["records"]
    return next(r for r in records if r["handle"] == handle)


@pytest.mark.asyncio
async def test_a_due_personal_callback_is_delivered_as_scheduled_call_at_its_time(gws):
    client = gws()
    records = previews(await client.go_online())
    handle = records[0]["data"]["record"]["recordHandle"]
    due_at = int(time.time()) + 1
    await set_schedule(client, handle, due_at, "Personal")
    [message] = await client.connect()  # held until the callback comes due
    assert time.time() >= due_at - 0.05
    assert key_tree(message) == key_tree(load_sample("preview_record_notification.json"))
    data = message["data"]
    assert data["notificationType"] == "ScheduledCall"
    assert data["record"]["recordHandle"] == handle
    user_data = data["record"]["userData"]
    assert user_data["GSW_USER_EVENT"] == "ScheduledCall"
    assert user_data["dial_sched_time"] == due_at
    assert user_data["GSW_CALLBACK_TYPE"] == "Personal" and user_data["GSW_RECORD_TYPE"] == 5
    assert (await record_state(client, handle))["dueDelivered"] is True
    # Delivered once.
    assert await client.connect(timeout=300) == []


@pytest.mark.asyncio
async def test_a_callback_due_while_away_comes_with_the_next_session_start(gws):
    client = gws()
    await client.login()
    await client.handshake()
    await client.subscribe("/v2/me/*")
    await client.connect()
    record = (await client.get("/sim/records?agent=agent1", auth=False)).json["records"][0]
    await set_schedule(client, record["handle"], int(time.time()), "Personal")
    assert await client.connect(timeout=300) == []  # no contact-center session: not delivered
    assert (await record_state(client, record["handle"]))["dueDelivered"] is False
    await client.start_session()
    pushed = await client.connect()
    due = [m for m in pushed if m["channel"] == "/v2/me/outbound"
           and m["data"]["notificationType"] == "ScheduledCall"]
    assert record["handle"] in {m["data"]["record"]["recordHandle"] for m in due}
    assert (await record_state(client, record["handle"]))["dueDelivered"] is True


@pytest.mark.asyncio
async def test_campaign_callbacks_are_not_delivered_to_the_agent(gws):
    client = gws()
    records = previews(await client.go_online())
    handle = records[0]["data"]["record"]["recordHandle"]
    await set_schedule(client, handle, int(time.time()), "Campaign")
    assert await client.connect(timeout=300) == []
    assert (await record_state(client, handle))["callbackType"] == "Campaign"


@pytest.mark.asyncio
async def test_set_schedule_refuses_bad_input(gws):
    client = gws()
    for body in ({"handle": "1", "timestamp": 1}, {"handle": 999999, "timestamp": 1},
                 {"handle": None}, [1]):
        reply = await client.post("/sim/set-schedule", body, auth=False, csrf=False)
        assert reply.status == 400


# -- the scheduler alone ------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_scheduler_fires_in_time_order_and_honours_cancel_and_reschedule():
    fired: list[str] = []
    done = asyncio.Event()

    def on_due(key):
        fired.append(key)
        if key == "last":
            done.set()

    scheduler = Scheduler(on_due)
    scheduler.start(asyncio.get_running_loop())
    now = time.time()
    scheduler.schedule("b", now + 0.10)
    scheduler.schedule("a", now + 0.05)
    scheduler.schedule("cancelled", now + 0.02)
    scheduler.schedule("moved", now + 0.01)
    scheduler.schedule("moved", now + 0.15)  # replaces the earlier time
    scheduler.schedule("last", now + 0.20)
    scheduler.cancel("cancelled")
    assert scheduler.when("moved") == pytest.approx(now + 0.15)
    await asyncio.wait_for(done.wait(), 5)
    assert fired == ["a", "b", "moved", "last"]
    assert scheduler.when("a") is None
    scheduler.close()


@pytest.mark.asyncio
async def test_scheduler_uses_one_timer_and_survives_a_failing_callback():
    calls: list[str] = []
    done = asyncio.Event()

    def on_due(key):
        calls.append(key)
        if key == "boom":
            raise RuntimeError("bad record")
        done.set()

    scheduler = Scheduler(on_due)
    scheduler.start(asyncio.get_running_loop())
    now = time.time()
    for i in range(100):
        scheduler.schedule(f"far-{i}", now + 3600 + i)
    scheduler.schedule("boom", now)
    scheduler.schedule("fine", now + 0.05)
    await asyncio.wait_for(done.wait(), 5)
    assert calls == ["boom", "fine"]
    scheduler.close()


@pytest.mark.asyncio
async def test_closed_scheduler_fires_nothing():
    fired: list[str] = []
    scheduler = Scheduler(fired.append)
    scheduler.start(asyncio.get_running_loop())
    scheduler.schedule("x", time.time())
    scheduler.close()
    await asyncio.sleep(0.05)
    assert fired == []
