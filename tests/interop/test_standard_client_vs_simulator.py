"""Part B: the official CometD JavaScript client (long-polling, on Node) against our GWS simulator.

``peers/cometd_client.mjs`` was written from the Bayeux/CometD and GWS documentation, not from
the simulator's code. It logs in over REST, handshakes with Basic auth and the session cookies
(posting to ``/api/v2/notifications/handshake``, ``.../connect`` … as the standard client does),
subscribes ``/v2/me/*``, starts the contact-center session, collects the PreviewRecords,
reschedules one record with a referenceId and waits for the acknowledgement and its
``/me/internal`` companion.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.interop, pytest.mark.timeout(60)]

INTEROP_DIR = Path(__file__).resolve().parent
PEERS_DIR = INTEROP_DIR / "peers"
CLIENT_DEADLINE_MS = 25_000


def run_standard_client(simulator, reference_id: str, *extra: str) -> tuple[list[dict[str, Any]], str]:
    ready = simulator.ready
    command = [
        shutil.which("node") or "node", str(PEERS_DIR / "cometd_client.mjs"),
        "--url", ready["url"], "--username", ready["username"], "--password", ready["password"],
        "--deadline-ms", str(CLIENT_DEADLINE_MS), "--reference-id", reference_id, *extra,
    ]
    result = subprocess.run(
        command, cwd=INTEROP_DIR, capture_output=True, text=True, timeout=CLIENT_DEADLINE_MS / 1000 + 15, check=False
    )
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    transcript = (
        f"exit code {result.returncode}\n--- client stdout ---\n{result.stdout[-6000:]}\n"
        f"--- client stderr ---\n{result.stderr[-3000:]}\n--- simulator log ---\n{simulator.log_tail()}"
    )
    return lines, transcript


def only(lines: list[dict[str, Any]], event: str) -> dict[str, Any]:
    found = [line for line in lines if line.get("event") == event]
    assert len(found) == 1, f"expected one {event!r} line, got {len(found)}"
    return found[0]


def assert_reschedule_flow(lines: list[dict[str, Any]], reference_id: str, transcript: str) -> None:
    """Login, PreviewRecords, RescheduleRecord accepted, ack by referenceId + companion, clean disconnect."""
    done = lines[-1] if lines else {}
    assert done.get("event") == "done" and done.get("ok") is True, transcript

    login = only(lines, "login")
    assert "JSESSIONID" in login["cookies"] and login["csrfHeader"], transcript

    records = [line for line in lines if line["event"] == "record"]
    assert records, f"no PreviewRecord arrived after StartContactCenterSession\n{transcript}"
    assert all(isinstance(r["recordHandle"], int) and r["campaignName"] for r in records), transcript

    sent = only(lines, "reschedule-sent")
    assert sent["status"] == 200 and sent["reply"] == {"statusCode": 0}, transcript
    assert sent["body"]["referenceId"] == reference_id

    ack = only(lines, "ack")
    assert ack["referenceId"] == reference_id
    assert ack["notificationType"] == "ScheduledRecordRescheduleAcknowledge"
    assert ack["record"]["recordHandle"] == sent["recordHandle"]
    assert ack["record"]["applicationId"] == sent["body"]["applicationId"]
    assert ack["record"]["campaignName"] == sent["body"]["campaignName"]
    assert ack["record"]["devicePath"] == sent["body"]["devicePath"]

    companion = only(lines, "companion")
    assert companion["messageType"] == "DeviceUserEventMessage"
    assert companion["afterAck"] is True
    user_data = companion["userData"]
    assert user_data["GSW_USER_EVENT"] == "ScheduledRecordRescheduleAcknowledge"
    assert user_data["GSW_CALLBACK_TYPE"] == sent["body"]["callbackType"]
    # GSW_DATE_TIME is the requested instant in UTC, MM/DD/YYYY HH:MM (as in the seed sample).
    expected = datetime.fromtimestamp(sent["body"]["timestamp"], timezone.utc).strftime("%m/%d/%Y %H:%M")
    assert user_data["GSW_DATE_TIME"] == expected

    bye = only(lines, "disconnected")
    assert bye["successful"] is True and bye["status"] == "disconnected", transcript


def test_official_cometd_client_reschedules_against_the_simulator(node_peers_installed, simulator):
    reference_id = f"std-client-{uuid.uuid4()}"
    lines, transcript = run_standard_client(simulator, reference_id)
    assert_reschedule_flow(lines, reference_id, transcript)

    handshake = only(lines, "handshake")
    assert handshake["successful"] is True and handshake["transport"] == "long-polling", transcript
    assert only(lines, "subscribed")["successful"] is True
    unsuccessful = [line["message"] for line in lines if line["event"] == "meta-unsuccessful"]
    assert not unsuccessful, transcript


def test_official_cometd_client_rehandshakes_when_the_simulator_forgets_it(node_peers_installed, simulator):
    """Unknown session → the standard client follows the advice, re-handshakes, and the ack still arrives."""
    reference_id = f"std-client-renewed-{uuid.uuid4()}"
    forget = simulator.ready["url"] + "/sim/forget-clients"
    lines, transcript = run_standard_client(simulator, reference_id, "--forget-url", forget)
    assert_reschedule_flow(lines, reference_id, transcript)

    handshakes = [line for line in lines if line["event"] == "handshake"]
    assert [(h["successful"], h["reestablish"]) for h in handshakes] == [(True, False), (True, True)], transcript
    assert handshakes[0]["clientId"] != handshakes[1]["clientId"]
    subscribed = [line for line in lines if line["event"] == "subscribed"]
    assert [s["successful"] for s in subscribed] == [True, True], transcript
    # The only refusal is the one that told the client to handshake again.
    unsuccessful = [line["message"] for line in lines if line["event"] == "meta-unsuccessful"]
    assert len(unsuccessful) == 1, transcript
    refusal = unsuccessful[0]
    assert refusal["channel"] == "/meta/connect"
    assert refusal["error"].split("::")[0] in ("402", "403"), refusal
    assert refusal["advice"]["reconnect"] == "handshake", refusal
