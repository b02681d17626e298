"""The console scripts as a user runs them: simulator subprocess, then agent-desktop commands."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import httpx
import pytest

from support.e2e import sim_records

PYTHON = sys.executable


@pytest.fixture
def sim_process():
    """``agent-desktop-sim --port 0`` for real; yields its ready line."""
    proc = subprocess.Popen(
        [PYTHON, "-m", "agent_desktop.simulator", "--port", "0", "--agents", "2",
         "--records-per-agent", "6", "--seed", "11", "--ack-delay-ms", "50"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        ready = json.loads(proc.stdout.readline())
        assert ready["event"] == "ready", ready
        yield ready
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0  # SIGTERM is a clean stop


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """The commands write logs (and may write settings): into the test's folder, never $HOME."""
    for name in ("HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))


def agent_desktop(*args: str, password: str | None, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "AGENT_DESKTOP_PASSWORD"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"  # never the developer's vault
    if password is not None:
        env["AGENT_DESKTOP_PASSWORD"] = password
    return subprocess.run([PYTHON, "-m", "agent_desktop", *args], env=env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


class Sim:
    def __init__(self, ready):
        self.url = ready["url"]


def a_personal_record_and_slot(ready):
    records = sim_records(Sim(ready), ready["username"])
    for record in records.values():
        if record["callbackType"] != "Personal":
            continue
        zone = ZoneInfo(record["timeZone"])
        tomorrow = (datetime.now(zone) + timedelta(days=1)).date()
        midday = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 12, 0, tzinfo=zone)
        if record["dailyFrom"] <= 12 * 3600 <= record["dailyUntil"]:
            return record, midday
    pytest.fail("no personal record with noon inside its window")


def reschedule_args(ready, record, when, *extra):
    return ("reschedule", str(record["handle"]), "--server", ready["url"], "--username", ready["username"],
            "--campaign", record["campaignName"], "--application-id", str(record["applicationId"]),
            "--at", when.isoformat(), *extra)


def test_reschedule_command_prints_the_acknowledgement_and_exits_0(sim_process):
    record, when = a_personal_record_and_slot(sim_process)
    result = agent_desktop(*reschedule_args(sim_process, record, when, "--type", "campaign"),
                           password=sim_process["password"])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    ack = json.loads(lines[0])
    assert ack["event"] == "acknowledged"
    assert ack["notificationType"] == "ScheduledRecordRescheduleAcknowledge"
    assert ack["recordHandle"] == record["handle"] and ack["timestamp"] == int(when.timestamp())
    assert ack["referenceId"]
    truth = sim_records(Sim(sim_process), sim_process["username"])[record["handle"]]
    assert truth["scheduled"] == int(when.timestamp()) and truth["callbackType"] == "Campaign"


def test_refused_time_exits_1_with_the_servers_reason(sim_process):
    record, when = a_personal_record_and_slot(sim_process)
    night = when.replace(hour=3)  # outside every demo window: only the server knows the window here
    result = agent_desktop(*reschedule_args(sim_process, record, night, "--type", "personal"),
                           password=sim_process["password"])
    assert result.returncode == 1
    assert "calling" in result.stderr.lower() and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "change, exit_code, words",
    [
        ({"password": "wrong"}, 3, "wrong user name or password"),
        ({"at": "2001-01-01T10:00:00+00:00"}, 2, "from now"),
        ({"at": "tomorrow at noon"}, 2, "iso-8601"),
        ({"password": None}, 2, "no password"),
    ],
)
def test_bad_input_exits_non_zero_with_a_readable_message(sim_process, change, exit_code, words):
    record, when = a_personal_record_and_slot(sim_process)
    at = change.get("at", when.isoformat())
    args = list(reschedule_args(sim_process, record, when, "--type", "personal"))
    args[args.index("--at") + 1] = at
    result = agent_desktop(*args, password=change.get("password", sim_process["password"]))
    assert result.returncode == exit_code, result.stderr
    assert words in result.stderr.lower() and "Traceback" not in result.stderr


def test_unreachable_server_exits_4():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = agent_desktop("records", "--server", f"http://127.0.0.1:{port}", "--username", "agent1",
                           password="x")
    assert result.returncode == 4 and "cannot reach" in result.stderr.lower()


def test_no_acknowledgement_in_time_exits_5():
    proc = subprocess.Popen([PYTHON, "-m", "agent_desktop.simulator", "--port", "0", "--seed", "11",
                             "--agents", "1", "--records-per-agent", "6", "--ack-delay-ms", "5000"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        ready = json.loads(proc.stdout.readline())
        record, when = a_personal_record_and_slot(ready)
        result = agent_desktop(*reschedule_args(ready, record, when, "--type", "personal", "--timeout", "0.5"),
                               password=ready["password"])
        assert result.returncode == 5 and "may or may not" in result.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_records_command_lists_the_pushed_records(sim_process):
    result = agent_desktop("records", "--server", sim_process["url"], "--username", sim_process["username"],
                           "--json", "--settle", "0.5", password=sim_process["password"])
    assert result.returncode == 0, result.stderr
    listed = [json.loads(line) for line in result.stdout.splitlines()]
    truth = sim_records(Sim(sim_process), sim_process["username"])
    assert {r["recordHandle"] for r in listed} == set(truth)
    for item in listed:
        expected = truth[item["recordHandle"]]
        assert item["scheduledAt"] == datetime.fromtimestamp(expected["scheduled"], timezone.utc).isoformat()
        assert item["contactTimeZone"] == expected["timeZone"]
