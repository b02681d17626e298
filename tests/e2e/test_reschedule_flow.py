"""The service layer against the simulator over HTTP and CometD on 127.0.0.1."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import httpx
import pytest

from agent_desktop.domain.records import CallbackType, RecordKey, RecordStatus
from agent_desktop.domain.rules import RescheduleRefused
from agent_desktop.domain.store import RecordStore
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.errors import AuthenticationFailed, OperationRefused, RequestRefused
from agent_desktop.services.events import NotificationSessionRenewed
from agent_desktop.services.gws_session import GwsSession

from support.e2e import EventLog, first_personal_with_slot, sim_records, wait_for_store


async def started_agent(sim, username="agent1", events=None):
    store = RecordStore()
    agent = AgentSession(GwsSession(sim.url, username, sim.password), store, ack_timeout_s=10,
                         on_event=events)
    await agent.start()
    expected = len(sim_records(sim, username))
    await wait_for_store(store, lambda: len(store) == expected)
    return agent, store


async def test_login_subscribe_session_records_reschedule_ack(sim):
    agent, store = await started_agent(sim)
    try:
        server_view = sim_records(sim, "agent1")
        assert {r.key.record_handle for r in store} == set(server_view)
        for record in store:  # every record arrived complete
            truth = server_view[record.key.record_handle]
            assert record.scheduled_at == datetime.fromtimestamp(truth["scheduled"], timezone.utc)
            assert record.contact_zone.label == truth["timeZone"]
            assert record.phone == truth["phone"] and record.contact_name == truth["contactName"]
            assert record.calling_window.start_s == truth["dailyFrom"]

        record, slot = first_personal_with_slot(store)
        updated = await agent.reschedule(record.key, slot, CallbackType.CAMPAIGN)
        assert updated.status is RecordStatus.CONFIRMED
        assert updated.scheduled_at == slot and updated.callback_type is CallbackType.CAMPAIGN
        truth = sim_records(sim, "agent1")[record.key.record_handle]
        assert truth["scheduled"] == int(slot.timestamp()) and truth["callbackType"] == "Campaign"
    finally:
        await agent.close()


async def test_server_refusals_fail_the_row_and_keep_the_old_time(sim):
    agent, store = await started_agent(sim)
    try:
        record, slot = first_personal_with_slot(store)
        old = sim_records(sim, "agent1")[record.key.record_handle]["scheduled"]
        # Outside the window on the server: skip our own rule by going straight to the operations.
        their_night = slot.astimezone(record.contact_zone.tz).replace(hour=3, minute=0) + timedelta(days=1)
        with pytest.raises(OperationRefused) as refused:
            await agent.operations.reschedule(record.key, record.campaign_name, their_night,
                                              CallbackType.PERSONAL, device_path=agent.device_path)
        assert refused.value.error_code == 104
        # In the past.
        with pytest.raises(OperationRefused) as refused:
            await agent.operations.reschedule(record.key, record.campaign_name,
                                              datetime.now(timezone.utc) - timedelta(hours=1),
                                              CallbackType.PERSONAL, device_path=agent.device_path)
        assert refused.value.error_code == 103
        # Unknown handle, and a record that belongs to agent2.
        with pytest.raises(OperationRefused) as refused:
            await agent.operations.reschedule(RecordKey(record.key.application_id, 999999), record.campaign_name,
                                              slot, CallbackType.PERSONAL, device_path=agent.device_path)
        assert refused.value.error_code == 101
        other = next(iter(sim_records(sim, "agent2").values()))
        with pytest.raises(OperationRefused) as refused:
            await agent.operations.reschedule(RecordKey(other["applicationId"], other["handle"]),
                                              other["campaignName"], slot, CallbackType.PERSONAL,
                                              device_path=agent.device_path)
        assert refused.value.error_code == 102
        assert sim_records(sim, "agent1")[record.key.record_handle]["scheduled"] == old

        # Our own rule refuses before sending; the row does not change.
        with pytest.raises(RescheduleRefused):
            await agent.reschedule(record.key, their_night, CallbackType.PERSONAL)
        assert store.get(record.key).status is RecordStatus.SCHEDULED
    finally:
        await agent.close()


async def test_bad_requests_get_clear_http_errors_and_the_server_keeps_serving(sim):
    agent, store = await started_agent(sim)
    try:
        record, slot = first_personal_with_slot(store)
        good = {"operationName": "RescheduleRecord", "applicationId": record.key.application_id,
                "campaignName": record.campaign_name, "callbackType": "Personal",
                "timestamp": int(slot.timestamp()), "devicePath": agent.device_path}
        session = agent.session
        bad_bodies = {
            "missing field": {k: v for k, v in good.items() if k != "campaignName"},
            "string timestamp": {**good, "timestamp": str(good["timestamp"])},
            "bool as integer": {**good, "applicationId": True},
            "unknown callback type": {**good, "callbackType": "Team"},
            "unknown device": {**good, "devicePath": "/devices/not-mine"},
        }
        for name, body in bad_bodies.items():
            with pytest.raises(RequestRefused) as refused:
                await session.post_record_operation(record.key.record_handle, body)
            assert refused.value.status_code not in (None, 0), name
            assert refused.value.status_message, name
        raw = session._client
        headers = session.request_headers(session.notifications_url)
        not_json = await raw.post(f"/api/v2/me/outbound-records/{record.key.record_handle}",
                                  content=b"{not json", headers={**headers, "Content-Type": "application/json"})
        assert not_json.status_code == 400 and not_json.json()["statusCode"] != 0
        no_csrf = await raw.post(f"/api/v2/me/outbound-records/{record.key.record_handle}", json=good)
        assert no_csrf.status_code == 403 and "Csrf" in no_csrf.text

        # Still serving: the same reschedule done properly is acknowledged.
        updated = await agent.reschedule(record.key, slot, CallbackType.PERSONAL)
        assert updated.status is RecordStatus.CONFIRMED
    finally:
        await agent.close()


async def test_wrong_password_is_a_plain_authentication_error(sim):
    session = GwsSession(sim.url, "agent1", "not-the-password")
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        await session.login()
    await session.aclose()
    assert httpx.get(f"{sim.url}/api/v2/diagnostics/version").json()["statusCode"] == 0


async def test_forgotten_cometd_client_rehandshakes_and_acks_still_arrive(sim):
    events = EventLog()
    agent, store = await started_agent(sim, events=events)
    try:
        forgotten = httpx.post(f"{sim.url}/sim/forget-clients").json()["forgotten"]
        assert forgotten >= 1
        await events.wait_for(NotificationSessionRenewed)
        # The session is being restored (login, contact-center session): a reschedule now is
        # queued and goes out by itself once it is back.
        record, slot = first_personal_with_slot(store)
        updated = await agent.reschedule(record.key, slot, CallbackType.PERSONAL)
        assert updated.status in (RecordStatus.QUEUED, RecordStatus.CONFIRMED)
        await wait_for_store(store, lambda: store.get(record.key).status is RecordStatus.CONFIRMED)
        assert sim_records(sim, "agent1")[record.key.record_handle]["scheduled"] == int(slot.timestamp())
    finally:
        await agent.close()


async def test_agents_only_see_their_own_records(sim):
    agent1, store1 = await started_agent(sim, "agent1")
    agent2, store2 = await started_agent(sim, "agent2")
    try:
        assert {r.key for r in store1}.isdisjoint({r.key for r in store2})
        record, slot = first_personal_with_slot(store1)
        await agent1.reschedule(record.key, slot, CallbackType.PERSONAL)
        assert record.key not in store2
    finally:
        await agent1.close()
        await agent2.close()
