"""Part A: our CometD client (NotificationClient) against Bayeux servers it was not written against.

Each test runs against both peers (see conftest ``bayeux_peer``):

* ``cometd-nodejs-server`` — the official CometD server for Node: own ``BAYEUX_BROWSER`` cookie,
  ``402::session_unknown`` for a session it does not know;
* ``faye`` — Faye's NodeAdapter: holds the first ``/meta/connect`` for its whole long-poll timeout
  unless asked otherwise, ``401::Unknown client`` for a session it does not know.

Both sit behind a front that demands HTTP Basic on every request and hold long polls for 20 s.
"""

from __future__ import annotations

import asyncio
import copy
import gc
import json
import logging
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Callable

import pytest

from agent_desktop.domain.records import RecordKey
from agent_desktop.services.errors import AuthenticationFailed, GwsError
from agent_desktop.services.events import (
    ConnectionState,
    ConnectionStateChanged,
    NotificationSessionRenewed,
    OperationAcknowledged,
    RecordPushed,
)
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.notifications import NotificationClient

pytestmark = [pytest.mark.interop, pytest.mark.timeout(40)]

WIRE_SAMPLES = Path(__file__).resolve().parent.parent / "wire_samples"

# Far below the peers' 20 s long poll: a client that waited for the first poll would miss these.
OPEN_BOUND_S = 5.0
DELIVERY_BOUND_S = 5.0
RENEW_BOUND_S = 10.0

# What a clean run must never log (aiohttp leak report, aiocometd close noise, lost task errors).
NOISE = ("Unclosed client session", "Unclosed connector", "CancelledError", "Task exception was never retrieved",
         "Exception in callback", "Task was destroyed but it is pending")


def wire_sample(name: str) -> Any:
    return json.loads((WIRE_SAMPLES / name).read_text(encoding="utf-8"))


def acknowledgement(reference_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The two data messages of the documented reschedule reply, with our own referenceId."""
    reply = copy.deepcopy(wire_sample("reschedule_cometd_reply.json"))
    ack, companion = reply[0], reply[1]
    ack["data"]["referenceId"] = reference_id
    return ack, companion


class EventLog:
    """``on_event`` for the client: keeps every event and lets a test await the next one it wants."""

    def __init__(self, tap: Callable[[Any], None] | None = None) -> None:
        self.events: list[Any] = []
        self._tap = tap
        self._cursor = 0
        self._changed = asyncio.Event()

    def __call__(self, event: Any) -> None:
        self.events.append(event)
        self._changed.set()
        if self._tap is not None:
            self._tap(event)

    async def next(self, kind: type, where: Callable[[Any], bool] = lambda e: True, timeout: float = DELIVERY_BOUND_S):
        """The next event of ``kind`` matching ``where`` after the last one returned; bounded wait."""

        async def scan():
            while True:
                for index in range(self._cursor, len(self.events)):
                    event = self.events[index]
                    if isinstance(event, kind) and where(event):
                        self._cursor = index + 1
                        return event
                self._changed.clear()
                await self._changed.wait()

        try:
            return await asyncio.wait_for(scan(), timeout)
        except TimeoutError:
            raise AssertionError(f"no {kind.__name__} within {timeout} s; events so far: {self.events}") from None

    def states(self) -> list[ConnectionState]:
        return [e.state for e in self.events if isinstance(e, ConnectionStateChanged)]


class Connection:
    """A GwsSession + NotificationClient pair aimed at a peer, always torn down."""

    def __init__(self, peer, password: str | None = None, tap: Callable[[Any], None] | None = None) -> None:
        self.events = EventLog(tap)
        self.session = GwsSession(peer.url, peer.username, peer.password if password is None else password)
        self.client = NotificationClient(self.session, self.events)

    async def open(self) -> float:
        started = time.monotonic()
        await asyncio.wait_for(self.client.open(), OPEN_BOUND_S)
        return time.monotonic() - started

    async def aclose(self) -> None:
        try:
            await self.client.close()
        finally:
            await self.session.aclose()


@pytest.fixture
async def connection(bayeux_peer):
    conn = Connection(bayeux_peer)
    try:
        yield conn
    finally:
        await asyncio.wait_for(conn.aclose(), 10)


def other_tasks() -> list[asyncio.Task[Any]]:
    current = asyncio.current_task()
    return [t for t in asyncio.all_tasks() if t is not current and not t.done()]


def noise(caplog: pytest.LogCaptureFixture) -> list[str]:
    found = []
    for record in caplog.records:
        text = record.getMessage()
        if record.exc_info and record.exc_info[0] is not None:
            text += f" {record.exc_info[0].__name__}"
        if any(marker in text for marker in NOISE):
            found.append(f"{record.name} {record.levelname}: {text[:300]}")
    return found


# -- tests --------------------------------------------------------------------------------------
async def test_open_is_fast_and_outbound_notifications_arrive(bayeux_peer, connection):
    """open() returns long before a held first connect would; ack and PreviewRecord become events."""
    elapsed = await connection.open()
    assert elapsed < OPEN_BOUND_S < bayeux_peer.long_poll_s
    assert connection.client.state is ConnectionState.CONNECTED
    assert connection.events.states() == [ConnectionState.CONNECTING, ConnectionState.CONNECTED]

    reference_id = f"interop-{uuid.uuid4()}"
    ack, companion = acknowledgement(reference_id)
    started = time.monotonic()
    await bayeux_peer.publish(ack["channel"], ack["data"])
    await bayeux_peer.publish(companion["channel"], companion["data"])  # /me/internal: not subscribed
    event = await connection.events.next(OperationAcknowledged, lambda e: e.reference_id == reference_id)
    # The held long poll was answered by the publish, not by its 20 s timeout.
    assert time.monotonic() - started < DELIVERY_BOUND_S
    assert event.notification_type == "ScheduledRecordRescheduleAcknowledge"
    assert event.key == RecordKey(134, 9)

    preview = wire_sample("preview_record_notification.json")
    await bayeux_peer.publish(preview["channel"], preview["data"])
    pushed = await connection.events.next(RecordPushed)
    assert pushed.notification_type == "PreviewRecord"
    assert pushed.record.key == RecordKey(134, 9)
    assert pushed.record.contact_name == "Ana Lopez"
    assert pushed.record.campaign_name == "Campaign1"

    stats = await bayeux_peer.stats()
    assert stats["rejected"] == 0, "every CometD request must carry the Basic credentials"
    subscriptions = [m["subscription"] for m in stats["meta"] if m["channel"] == "/meta/subscribe"]
    assert subscriptions == ["/v2/me/*"]
    if bayeux_peer.name == "cometd-nodejs-server":
        # The server tracks the session by its own cookie: it must come back on every later request.
        later = [m for m in stats["meta"] if m["channel"] != "/meta/handshake"]
        assert later and all("BAYEUX_BROWSER=" in (m["cookie"] or "") for m in later), later


async def test_rehandshakes_by_itself_when_the_server_forgets_the_session(bayeux_peer, connection):
    """Server restart → unknown-session error → our client re-handshakes, re-subscribes, receives again."""
    await connection.open()
    first = await bayeux_peer.stats()
    assert await bayeux_peer.forget_sessions() == 1

    await connection.events.next(NotificationSessionRenewed, timeout=RENEW_BOUND_S)
    # Messages published before the new subscription exists are lost by design (the app replays);
    # wait until the peer has seen the re-subscription, then publish.
    handshakes_before = sum(m["channel"] == "/meta/handshake" for m in first["meta"])

    def resubscribed(stats: dict[str, Any]) -> bool:
        meta = stats["meta"]
        last_handshake = max(i for i, m in enumerate(meta) if m["channel"] == "/meta/handshake")
        return (sum(m["channel"] == "/meta/handshake" for m in meta) > handshakes_before
                and any(m["channel"] == "/meta/subscribe" and m["subscription"] == "/v2/me/*"
                        for m in meta[last_handshake:]))

    stats = await bayeux_peer.wait_for_stats(resubscribed, timeout=RENEW_BOUND_S)
    assert stats["sessions"] == 1

    reference_id = f"after-renewal-{uuid.uuid4()}"
    ack, _ = acknowledgement(reference_id)
    await bayeux_peer.publish(ack["channel"], ack["data"])
    event = await connection.events.next(OperationAcknowledged, lambda e: e.reference_id == reference_id)
    assert event.key == RecordKey(134, 9)
    assert connection.client.state is ConnectionState.CONNECTED


def resubscribed_since_last_handshake(meta: list[dict[str, Any]]) -> bool:
    handshakes = [i for i, m in enumerate(meta) if m["channel"] == "/meta/handshake"]
    return bool(handshakes) and any(
        m["channel"] == "/meta/subscribe" and m["subscription"] == "/v2/me/*" for m in meta[handshakes[-1]:]
    )


async def test_session_renewed_is_announced_only_once_resubscribed(bayeux_peer):
    """When the app hears "renewed" (and replays pending operations), the server must route to it again."""
    seen_by_server: list[bool] = []

    def on_event(event: Any) -> None:
        if isinstance(event, NotificationSessionRenewed):
            # Ask the peer, right now, whether it already has our subscription (blocking on purpose:
            # this is the moment an app would replay its pending operations).
            with urllib.request.urlopen(f"{bayeux_peer.url}/admin/stats", timeout=5) as reply:
                seen_by_server.append(resubscribed_since_last_handshake(json.load(reply)["meta"]))

    conn = Connection(bayeux_peer, tap=on_event)
    try:
        await conn.open()
        await bayeux_peer.forget_sessions()
        await conn.events.next(NotificationSessionRenewed, timeout=RENEW_BOUND_S)
    finally:
        await conn.aclose()
    assert seen_by_server == [True], "renewal announced before the server had the re-subscription"


async def open_with_wrong_password(peer, auth_body: str) -> tuple[BaseException, "Connection"]:
    await peer.configure(authBody=auth_body)
    conn = Connection(peer, password="not-the-password")
    try:
        with pytest.raises(GwsError) as raised:
            await asyncio.wait_for(conn.client.open(), OPEN_BOUND_S)
    finally:
        await conn.aclose()
    return raised.value, conn


@pytest.mark.parametrize("auth_body", ["text", "json"])
async def test_wrong_password_fails_open_cleanly(bayeux_peer, auth_body, caplog):
    """HTTP 401 on the handshake → open() raises a GwsError (no library crash), nothing left running."""
    caplog.set_level(logging.DEBUG)
    error, conn = await open_with_wrong_password(bayeux_peer, auth_body)
    assert error.message  # written for a person, shown as is
    assert conn.client.state is ConnectionState.CLOSED
    assert ConnectionState.OFFLINE in conn.events.states()
    assert ConnectionState.CONNECTED not in conn.events.states()
    assert not other_tasks(), f"tasks left running after a failed open(): {other_tasks()}"
    stats = await bayeux_peer.stats()
    assert stats["rejected"] >= 1 and stats["sessions"] == 0
    gc.collect()
    await asyncio.sleep(0)
    problems = noise(caplog)
    assert not problems, problems


@pytest.mark.parametrize("auth_body", ["text", "json"])
async def test_wrong_password_is_reported_as_authentication_failed(bayeux_peer, auth_body):
    """A 401 from the notification endpoint means wrong credentials, whatever its body looks like."""
    error, _ = await open_with_wrong_password(bayeux_peer, auth_body)
    assert isinstance(error, AuthenticationFailed), f"{type(error).__name__}: {error}"


async def test_close_is_clean(bayeux_peer, caplog):
    """close() sends /meta/disconnect, stops every task and logs no leak or cancellation noise."""
    caplog.set_level(logging.DEBUG)
    conn = Connection(bayeux_peer)
    try:
        await conn.open()
        reference_id = f"before-close-{uuid.uuid4()}"
        ack, companion = acknowledgement(reference_id)
        await bayeux_peer.publish(ack["channel"], ack["data"])
        await bayeux_peer.publish(companion["channel"], companion["data"])
        await conn.events.next(OperationAcknowledged, lambda e: e.reference_id == reference_id)
        # A long poll is held by the peer right now; close must not wait for it to end.
        started = time.monotonic()
        await asyncio.wait_for(conn.client.close(), OPEN_BOUND_S)
        assert time.monotonic() - started < OPEN_BOUND_S
        await conn.client.close()  # twice is fine
    finally:
        await conn.aclose()
    assert conn.client.state is ConnectionState.CLOSED
    assert conn.events.states()[-1] is ConnectionState.CLOSED
    assert not other_tasks(), f"tasks left running after close(): {other_tasks()}"
    stats = await bayeux_peer.wait_for_stats(lambda s: s["sessions"] == 0)
    assert any(m["channel"] == "/meta/disconnect" for m in stats["meta"])
    gc.collect()
    await asyncio.sleep(0)  # let __del__ reports reach the loop's exception handler
    problems = noise(caplog)
    assert not problems, problems
    errors = [f"{r.name}: {r.getMessage()}" for r in caplog.records if r.levelno >= logging.WARNING]
    assert not errors, errors
