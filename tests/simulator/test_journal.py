"""The --journal file: one JSON line per REST operation once its outcome is known."""

from __future__ import annotations

import json
import time

import pytest

from agent_desktop.simulator import Simulator, SimulatorConfig
from simulator.simtest_support import GwsClient, previews, reschedule_body, time_in_window

pytestmark = pytest.mark.asyncio

PASSWORD = "journal-pw-do-not-leak"


async def test_journal_lines(tmp_path):
    path = tmp_path / "journal.jsonl"
    config = SimulatorConfig(port=0, agents=2, records_per_agent=4, password=PASSWORD,
                             journal=str(path))
    async with Simulator(config) as simulator:
        client = GwsClient(simulator.url, "agent1", PASSWORD)
        try:
            preview = previews(await client.go_online())[0]
            handle = preview["data"]["record"]["recordHandle"]
            url = f"/api/v2/me/outbound-records/{handle}"
            good = reschedule_body(preview, time_in_window(preview["data"]["record"]["userData"]),
                                   reference_id="good")
            await client.post(url, good)
            await client.connect()
            past = reschedule_body(preview, int(time.time()) - 600, reference_id="past")
            await client.post(url, past)
            await client.connect()
            missing = dict(good)
            del missing["campaignName"]
            await client.post(url, missing)
            await client.post(url, good, csrf=False)
            await client.post(url, data=b"not json")
            await client.post("/api/v2/me/outbound-records/abc", good)
        finally:
            await client.close()
    # stop() flushed the journal.
    text = path.read_text(encoding="utf-8")
    assert PASSWORD not in text
    lines = [json.loads(line) for line in text.splitlines()]
    assert all(set(line) == {"ts", "user", "operation", "handle", "body", "verdict"}
               for line in lines)
    assert all(line["user"] == "agent1" for line in lines)
    verdicts = [(line["operation"], line["handle"], line["verdict"]) for line in lines]
    assert verdicts[0] == ("StartContactCenterSession", None, "ok")
    assert verdicts[1] == ("RescheduleRecord", handle, "acknowledged")
    assert verdicts[2][2].startswith("error 103: ")
    assert verdicts[3][2].startswith("refused http 400 statusCode 1: ")
    assert "campaignName" in verdicts[3][2]
    assert verdicts[4][2] == "refused http 403: Missing or invalid Csrf token"
    assert verdicts[4][0] == "RescheduleRecord" and verdicts[4][1] == handle
    assert verdicts[5][2].startswith("refused http 400 statusCode 10: ")
    assert lines[5]["body"] == "not json"
    assert verdicts[6][1] == "abc" and "statusCode 10" in verdicts[6][2]
    assert len(lines) == 7
    assert lines[1]["body"] == good
    assert lines[1]["ts"].endswith("+00:00")


async def test_pending_outcomes_are_journaled_at_stop(tmp_path):
    path = tmp_path / "journal.jsonl"
    config = SimulatorConfig(port=0, agents=1, records_per_agent=2, password=PASSWORD,
                             journal=path, ack_delay_ms=60_000)
    simulator = Simulator(config)
    await simulator.start()
    client = GwsClient(simulator.url, "agent1", PASSWORD)
    try:
        preview = previews(await client.go_online())[0]
        handle = preview["data"]["record"]["recordHandle"]
        body = reschedule_body(preview, time_in_window(preview["data"]["record"]["userData"]))
        assert (await client.post(f"/api/v2/me/outbound-records/{handle}", body)).json == \
            {"statusCode": 0}
    finally:
        await client.close()
        await simulator.stop()
    last = json.loads(path.read_text(encoding="utf-8").splitlines()[-1])
    assert last["verdict"] == "not delivered: simulator stopped"


async def test_a_bad_journal_path_fails_at_construction(tmp_path):
    with pytest.raises(OSError):
        Simulator(SimulatorConfig(journal=str(tmp_path / "missing-dir" / "j.jsonl")))
