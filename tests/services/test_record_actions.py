"""AgentSession's record actions alone, against a fake GWS (httpx.MockTransport) that answers
each POST and delivers the outcome through the session's own dispatch, as CometD would: the
privilege first, online only, "sending" once sent, the store changed only by the
acknowledgement, refusals shown on the row, and each action in the history."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import httpx
import pytest

from agent_desktop.domain.records import (CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey,
                                          RecordStatus)
from agent_desktop.domain.schedule import next_valid_slot
from agent_desktop.domain.store import ChangeKind, RecordStore
from agent_desktop.services import wire
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.errors import (AcknowledgementTimeout, AuthenticationFailed, NotPermitted,
                                           OperationRefused, ServerUnreachable)
from agent_desktop.services.events import (DeviceStateChanged, OperationAcknowledged, OperationFailed,
                                           RecordPushed, RecordWithdrawn)
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.local_store import LocalStore
from agent_desktop.services.record_actions import CANCEL, COMPLETE, DO_NOT_CALL_CHAIN, NEW_NUMBER, RecordBusy

from support.e2e import wait_for_store

NY = ContactZone(ZoneInfo("America/New_York"), "America/New_York")
NEW_HANDLE = 500


def record(handle, chain=None, **changes):
    return OutboundRecord(
        key=RecordKey(134, handle), campaign_name="Win-back", calling_list="WinBack_List",
        phone=f"+1212555{handle:04d}", contact_name="Grace Walker", contact_zone=NY,
        callback_type=CallbackType.PERSONAL, scheduled_at=datetime.now(timezone.utc) + timedelta(days=1),
        calling_window=CallingWindow(9 * 3600, 20 * 3600), chain_id=handle if chain is None else chain, **changes)


class FakeGws:
    """Answers every POST (with ``reply``, statusCode 0 unless a test changes it) after
    delivering what ``outcomes`` says for it (a fast server: the outcome comes before the HTTP
    reply)."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, dict]] = []
        self.agent: AgentSession | None = None
        self.outcomes = {}  # operationName -> function(body, path) -> events
        self.status_when_posted: list = []
        self.reply = httpx.Response(200, json={"statusCode": 0})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.posts.append((request.url.path, body))
        handle = request.url.path.rsplit("/", 1)[1]
        if handle.isdigit():
            known = self.agent.store.get(RecordKey(134, int(handle)))
            self.status_when_posted.append(known.status if known else None)
        outcome = self.outcomes.get(body["operationName"], ack)
        for event in outcome(body, request.url.path):
            self.agent._dispatch(event)
        return self.reply


def ack(body, path):
    handle = int(path.rsplit("/", 1)[1])
    return [OperationAcknowledged(body["referenceId"], "SomethingAcknowledge", RecordKey(134, handle))]


def refused(code, message):
    return lambda body, path: [OperationFailed(body["referenceId"], None, code, message)]


def silent(body, path):
    return []


def privileges(wire_sample, **overrides):
    body = wire_sample("me_reply.json")
    section = body["user"]["settings"]["interaction-workspace"]
    section.update({"privilege.outbound.can-set-call-result": "true",
                    "outbound.call-result-values": "Answer,Busy,WrongParty"})
    section.update({f"privilege.outbound.{name}": value for name, value in overrides.items()})
    return wire.parse_user(body)


@pytest.fixture
async def setup(wire_sample, tmp_path):
    fake = FakeGws()
    store = RecordStore()
    store.upsert_many([record(9), record(12, chain=9), record(20)])
    local = LocalStore(tmp_path / "local.sqlite3")
    await local.open()
    events = []
    agent = AgentSession(GwsSession("http://127.0.0.1:9", "agent1", "pw", transport=httpx.MockTransport(fake)),
                         store, local=local, ack_timeout_s=5, on_event=events.append)
    agent.profile = privileges(wire_sample)
    agent._online = True  # as after start(): logged in, notifications open, session started
    fake.agent = agent
    trail = []
    store.subscribe(lambda changes: trail.extend((c.kind, c.key.record_handle, c.record.status if c.record else None)
                                                 for c in changes))
    yield agent, store, fake, trail, events
    agent._closed = True
    await local.close()
    await agent.session.aclose()


def actions(when):
    return {
        "cancel": lambda agent, key: agent.cancel_callback(key),
        "do-not-call": lambda agent, key: agent.mark_do_not_call(key, whole_chain=False),
        "complete": lambda agent, key: agent.complete(key, "Answer"),
        "new number": lambda agent, key: agent.reschedule_on_new_number(key, "+12125550199", when,
                                                                        CallbackType.PERSONAL),
    }


PRIVILEGE_OF = {"cancel": "can-cancel-record", "do-not-call": "can-mark-do-not-call",
                "complete": "can-set-call-result", "new number": "can-reschedule-on-new-number"}


@pytest.mark.parametrize("name", list(PRIVILEGE_OF))
async def test_without_the_privilege_nothing_is_sent(setup, wire_sample, name):
    agent, store, fake, trail, _ = setup
    agent.profile = privileges(wire_sample, **{PRIVILEGE_OF[name]: "false"})
    with pytest.raises(NotPermitted) as refused_:
        await actions(slot(store))[name](agent, RecordKey(134, 9))
    assert refused_.value.message.context == "Errors" and "not allowed" in refused_.value.message
    assert fake.posts == [] and trail == []


@pytest.mark.parametrize("name", list(PRIVILEGE_OF))
async def test_offline_the_actions_are_refused_not_queued(setup, name):
    agent, store, fake, trail, _ = setup
    agent._online = False
    with pytest.raises(ServerUnreachable):
        await actions(slot(store))[name](agent, RecordKey(134, 9))
    assert fake.posts == [] and trail == [] and agent._pending == {}
    assert await agent.local.pending(agent.owner) == []


async def test_cancel_removes_the_row_only_when_acknowledged(setup):
    agent, store, fake, trail, _ = setup
    removed = await agent.cancel_callback(RecordKey(134, 20))
    assert [r.key for r in removed] == [RecordKey(134, 20)]
    [(path, body)] = fake.posts
    assert path == "/api/v2/me/outbound-records/20" and body["operationName"] == "CancelRecord"
    assert set(body) == {"operationName", "applicationId", "campaignName", "callingList", "devicePath",
                         "referenceId"}
    assert fake.status_when_posted == [RecordStatus.SCHEDULED]  # nothing changed before sending
    assert trail == [(ChangeKind.CHANGED, 20, RecordStatus.SENDING), (ChangeKind.REMOVED, 20, None)]
    [entry] = await agent.local.history(agent.owner, RecordKey(134, 20), every_action=True)
    assert (entry.action, entry.result, entry.reference_id) == (CANCEL, "confirmed", body["referenceId"])


async def test_do_not_call_on_the_whole_chain_removes_the_chain(setup):
    agent, store, fake, trail, _ = setup
    removed = await agent.mark_do_not_call(RecordKey(134, 12), whole_chain=True)
    assert {r.key.record_handle for r in removed} == {9, 12}
    assert [r.key.record_handle for r in store] == [20]
    assert fake.posts[0][1]["chainAttribute"] == "AllChain"
    [entry] = await agent.local.history(agent.owner, RecordKey(134, 12), every_action=True)
    assert entry.action == DO_NOT_CALL_CHAIN


async def test_a_refusal_marks_the_row_failed_with_the_servers_reason(setup):
    agent, store, fake, trail, _ = setup
    fake.outcomes["CompleteRecord"] = refused(106, "Record 20 is no longer active (it was processed)")
    with pytest.raises(OperationRefused) as refusal:
        await agent.complete(RecordKey(134, 20), "WrongParty")
    assert refusal.value.error_code == 106
    row = store.get(RecordKey(134, 20))
    assert row.status is RecordStatus.FAILED and "no longer active" in row.status_reason
    assert fake.posts[0][1]["callResult"] == "WrongParty"
    [entry] = await agent.local.history(agent.owner, RecordKey(134, 20), every_action=True)
    assert (entry.action, entry.result, entry.detail) == (COMPLETE, "failed", "WrongParty")


async def test_only_the_offered_call_results_are_sent(setup):
    agent, store, fake, trail, _ = setup
    with pytest.raises(NotPermitted):
        await agent.complete(RecordKey(134, 20), "Fax")
    assert fake.posts == []


async def test_a_late_acknowledgement_still_settles_an_action(setup):
    agent, store, fake, trail, _ = setup
    agent.operations.ack_timeout_s = 0.05  # the server says nothing in time
    fake.outcomes["CancelRecord"] = silent
    with pytest.raises(AcknowledgementTimeout):
        await agent.cancel_callback(RecordKey(134, 20))
    assert store.get(RecordKey(134, 20)).status is RecordStatus.UNCONFIRMED
    reference_id = fake.posts[0][1]["referenceId"]
    agent._dispatch(OperationAcknowledged(reference_id, "RecordCancelAcknowledge", RecordKey(134, 20)))
    await wait_for_store(store, lambda: RecordKey(134, 20) not in store)


async def test_one_change_of_a_record_at_a_time(setup):
    agent, store, fake, trail, _ = setup
    agent._acting.add(RecordKey(134, 20))
    with pytest.raises(RecordBusy):
        await agent.cancel_callback(RecordKey(134, 20))
    assert fake.posts == []


def slot(store):
    return next_valid_slot(datetime.now(timezone.utc) + timedelta(hours=3), record=store.get(RecordKey(134, 9)))


def add_record_then_push(body, path):
    """What the simulator does for AddRecord: the new record, then its acknowledgement."""
    new = dataclasses.replace(record(NEW_HANDLE, chain=body["chainId"]), phone=body["phoneNumber"],
                              callback_type=CallbackType.CAMPAIGN)
    return [RecordPushed(new, "PreviewRecord"),
            OperationAcknowledged(body["referenceId"], "AddRecordAcknowledge", new.key)]


def reschedule_ending_the_chain(body, path):
    return [RecordWithdrawn(RecordKey(134, 9), "RecordCancel"), *ack(body, path)]


async def test_reschedule_on_a_new_number_adds_to_the_chain_then_schedules_it(setup):
    agent, store, fake, trail, _ = setup
    fake.outcomes.update(AddRecord=add_record_then_push, RescheduleRecord=reschedule_ending_the_chain)
    when = slot(store)
    updated = await agent.reschedule_on_new_number(RecordKey(134, 9), " +12125550199 ", when,
                                                   CallbackType.PERSONAL)
    (add_path, add), (re_path, reschedule) = fake.posts
    assert add_path == "/api/v2/me/outbound-records"
    assert add == {"operationName": "AddRecord", "applicationId": 134, "campaignName": "Win-back",
                   "callingList": "WinBack_List", "phoneNumber": "+12125550199", "timeZone": "America/New_York",
                   "phoneType": "NoContactType", "from": 9 * 3600, "until": 20 * 3600,
                   "devicePath": agent.device_path, "chainId": 9, "referenceId": add["referenceId"]}
    assert re_path == f"/api/v2/me/outbound-records/{NEW_HANDLE}"
    assert reschedule["timestamp"] == int(when.timestamp()) and reschedule["callbackType"] == "Personal"
    assert updated.key == RecordKey(134, NEW_HANDLE) and updated.status is RecordStatus.CONFIRMED
    assert updated.scheduled_at == when and updated.phone == "+12125550199"
    assert RecordKey(134, 9) not in store  # withdrawn by the server
    [entry] = await agent.local.history(agent.owner, RecordKey(134, 9), every_action=True)
    assert (entry.action, entry.result, entry.detail) == (NEW_NUMBER, "confirmed", f"+12125550199 → {NEW_HANDLE}")


async def test_a_refused_reschedule_of_the_new_number_fails_the_old_row(setup):
    agent, store, fake, trail, _ = setup
    fake.outcomes.update(AddRecord=add_record_then_push,
                         RescheduleRecord=refused(104, "The requested time is outside the window"))
    with pytest.raises(OperationRefused):
        await agent.reschedule_on_new_number(RecordKey(134, 9), "+12125550199", slot(store), CallbackType.PERSONAL)
    assert store.get(RecordKey(134, 9)).status is RecordStatus.FAILED
    assert "outside the window" in store.get(RecordKey(134, 9)).status_reason
    assert store.get(RecordKey(134, NEW_HANDLE)).status is RecordStatus.FAILED


async def test_an_unusable_number_is_refused_before_sending(setup):
    agent, store, fake, trail, _ = setup
    with pytest.raises(ValueError):
        await agent.reschedule_on_new_number(RecordKey(134, 9), "call me", slot(store), CallbackType.PERSONAL)
    assert fake.posts == []


async def test_agent_state_follows_the_device_and_the_event_goes_on(setup, wire_sample):
    agent, store, fake, trail, events = setup
    assert agent.agent_state == "NotReady"  # the profile's device (me_reply.json)
    event = wire.parse_notification(wire_sample("device_state_change.json"))
    agent._dispatch(event)
    assert agent.agent_state == "Ready" and events == [event]
    logged_out = DeviceStateChanged((dataclasses.replace(event.devices[0], user_state="LoggedOut"),))
    agent._dispatch(logged_out)
    assert agent.agent_state == "LoggedOut"


async def test_a_request_that_never_arrived_leaves_the_row_and_seeks_the_server_again(setup):
    agent, store, fake, trail, _ = setup

    def unreachable(body, path):
        raise httpx.ConnectError("connection refused")

    fake.outcomes["CancelRecord"] = unreachable
    with pytest.raises(ServerUnreachable):
        await agent.cancel_callback(RecordKey(134, 20))
    assert trail == [] and agent._late_actions == {}
    assert agent._trouble.is_set()  # the session goes back online by itself


async def test_a_request_turned_away_at_the_door_puts_the_row_back(setup):
    agent, store, fake, trail, _ = setup
    fake.reply = httpx.Response(401, json={"statusCode": 20, "statusMessage": "Access denied"})
    fake.outcomes["CancelRecord"] = silent
    with pytest.raises(AuthenticationFailed):
        await agent.cancel_callback(RecordKey(134, 20))
    assert store.get(RecordKey(134, 20)).status is RecordStatus.SCHEDULED
    assert RecordKey(134, 20) in store and agent._trouble.is_set()
