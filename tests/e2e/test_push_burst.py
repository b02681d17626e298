"""A session start of 600 records over HTTP and CometD on 127.0.0.1: the replies of the burst are
read the fast way (push_decoder), and the store ends with exactly the records the general way
(orjson and ``wire.parse_notification``) makes of the same replies."""

from __future__ import annotations

import orjson
import pytest

from agent_desktop.domain.store import RecordStore
from agent_desktop.services import wire
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.events import RecordPushed
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.push_decoder import PushDecoder
from agent_desktop.simulator import SimulatorConfig

from support.e2e import sim_records, wait_for_store

RECORDS = 600


@pytest.fixture
def sim_config() -> SimulatorConfig:
    return SimulatorConfig(host="127.0.0.1", port=0, agents=1, records_per_agent=RECORDS, seed=5)


async def test_a_burst_read_the_fast_way_gives_the_records_of_the_general_way(sim, monkeypatch):
    replies: list[str] = []
    plain_decode = PushDecoder.decode

    def keeping(self, text):
        replies.append(text)
        return plain_decode(self, text)

    monkeypatch.setattr(PushDecoder, "decode", keeping)
    store = RecordStore()
    agent = AgentSession(GwsSession(sim.url, "agent1", sim.password), store)
    await agent.start()
    try:
        active = sum(1 for r in sim_records(sim, "agent1").values() if r["status"] == "scheduled")
        await wait_for_store(store, lambda: len(store) == active)
        assert agent._notifications._decoder.fast_replies >= 1
        expected = {}
        for text in replies:
            payload = orjson.loads(text)
            for message in payload if isinstance(payload, list) else []:
                event = wire.parse_notification(message)
                if isinstance(event, RecordPushed):
                    expected[event.record.key] = event.record
        assert {record.key: record for record in store} == expected
    finally:
        await agent.close()
