"""The fast JSON paths produce exactly what the plain builders and ``json.dumps`` produce."""

from __future__ import annotations

import json

import pytest

from agent_desktop.simulator import messages
from agent_desktop.simulator.bayeux import encode, encode_reply
from agent_desktop.simulator.demo_data import CAMPAIGNS, generate_world
from agent_desktop.simulator.state import Record

NOW = 1_790_000_000.0


def plain(message):
    return json.dumps(message, separators=(",", ":"))


@pytest.mark.parametrize("event", ["PreviewRecord", "ScheduledCall"])
def test_record_encoder_matches_the_dict_builder(event):
    world = generate_world(4, 2, 400, NOW)
    for username, agent in world.agents.items():
        encoder = messages.RecordEncoder(agent, NOW)
        own = world.by_agent[username]
        texts = encoder.encode_all(own, event)
        assert texts == [plain(messages.record_notification(r, agent, event, NOW)) for r in own]
        assert all(t.isascii() for t in texts)


def test_record_encoder_escapes_odd_strings_and_follows_changes():
    world = generate_world(4, 1, 3, NOW)
    agent = world.agents["agent1"]
    record = Record(handle=77, agent="agent1", campaign=CAMPAIGNS[2], phone="+14155550123",
                    time_zone="Australia/Adelaide", daily_from=30_600, daily_until=72_000,
                    callback_type="Campaign", scheduled=1_790_003_000,
                    contact_name='Zoë "Q" \\ O\'Brien\n\t\u2028 Nguyễn 😀',
                    account_number="AC-1234-5678", attempts=3, call_result=9,
                    attempt_guid="ABC\u0001DEF000000000077")
    encoder = messages.RecordEncoder(agent, NOW)
    text = encoder.encode(record, "PreviewRecord")
    assert text == plain(messages.record_notification(record, agent, "PreviewRecord", NOW))
    assert json.loads(text)["data"]["record"]["userData"]["contact_name"] == record.contact_name
    # Nothing about the record is cached: a reschedule shows in the next encoding.
    record.scheduled, record.callback_type = 1_790_090_100, "Personal"
    assert encoder.encode(record, "ScheduledCall") == \
        plain(messages.record_notification(record, agent, "ScheduledCall", NOW))


def test_reply_joins_encoded_messages_and_encodes_the_others():
    queued = [encode({"channel": "/v2/me/outbound", "data": {"n": "é", "k": [1, 2.5, None]}})]
    reply = {"channel": "/meta/connect", "successful": True, "advice": {"timeout": 30000}}
    body = encode_reply([*queued, reply])
    assert body.isascii()
    assert json.loads(body) == [{"channel": "/v2/me/outbound", "data": {"n": "é", "k": [1, 2.5, None]}},
                                reply]
    assert encode_reply([]) == "[]"
