"""Bayeux 1.0 server side over long-polling: handshake, connect, subscribe, disconnect, delivery.

Transport-free: ``handle_batch`` takes the messages of one HTTP request (already authenticated)
and returns the reply messages; a held ``/meta/connect`` makes it wait on a per-client future
that delivery, a newer connect, removal or shutdown resolves.

Queued messages are kept as their JSON text (``str``), encoded once however many clients get
them, and a reply is joined from those texts (``encode_reply``): no per-message work at reply
time beyond the join.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence

from .messages import INTERNAL_CHANNEL

log = logging.getLogger(__name__)

# Most messages returned in one /meta/connect reply; the rest stay queued for the next poll.
# A client reads and parses a whole reply in one go: 500 keeps that under ~15 ms (a PreviewRecord
# is about 1.2 kB of JSON, so a full reply is about 0.6 MB).
MAX_MESSAGES_PER_REPLY = 500
LONG_POLLING = "long-polling"

# Compact and ASCII-only (other characters as \u escapes): a reply is then a plain ASCII
# string, which is joined, encoded and (by the client) decoded and parsed fastest.
_encode = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode


def encode(message: Any) -> str:
    """A message as compact, ASCII-only JSON text."""
    return _encode(message)


def encode_reply(messages: Sequence[Any]) -> str:
    """The JSON array of a reply. Queued data messages are already JSON text (``str``); the
    others (the replies to meta messages, dicts) are encoded now."""
    return "[" + ",".join(m if m.__class__ is str else _encode(m) for m in messages) + "]"


# Why a held connect was woken.
_WAKE_MESSAGES = "messages"
_WAKE_SUPERSEDED = "superseded"
_WAKE_REMOVED = "removed"
_WAKE_SHUTDOWN = "shutdown"
_WAKE_DROPPED = "dropped"


class ConnectionDropped(Exception):
    """A held /meta/connect whose node is going down: close the connection, answer nothing."""


def valid_channel(name: Any, *, allow_wildcard: bool) -> bool:
    if not isinstance(name, str) or not name.startswith("/") or name == "/":
        return False
    segments = name[1:].split("/")
    if any(not s for s in segments):
        return False
    for i, segment in enumerate(segments):
        if "*" in segment:
            last = i == len(segments) - 1
            if not (allow_wildcard and last and segment in ("*", "**")):
                return False
    return True


def channel_matches(pattern: str, channel: str) -> bool:
    """``/a/*`` matches one more segment, ``/a/**`` any number (at least one)."""
    if pattern == channel:
        return True
    if pattern.endswith("/**"):
        prefix = pattern[:-2]
        return channel.startswith(prefix) and len(channel) > len(prefix)
    if pattern.endswith("/*"):
        prefix = pattern[:-1]
        rest = channel[len(prefix):]
        return channel.startswith(prefix) and bool(rest) and "/" not in rest
    return False


@dataclass
class BayeuxClient:
    client_id: str
    username: str
    last_seen: float
    subscriptions: set[str] = field(default_factory=set)
    queue: "deque[str]" = field(default_factory=deque)   # JSON texts
    connected_once: bool = False
    waiter: Optional[asyncio.Future] = None
    removed: Optional[str] = None   # "disconnect" | "forgotten" | "expired"

    def wants(self, channel: str) -> bool:
        return channel == INTERNAL_CHANNEL or any(channel_matches(p, channel)
                                                  for p in self.subscriptions)

    def wake(self, reason: str) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(reason)


class BayeuxServer:
    def __init__(self, timeout_ms: int, max_interval_ms: int) -> None:
        self.timeout_ms = timeout_ms
        self.max_interval_ms = max_interval_ms
        self.clients: dict[str, BayeuxClient] = {}
        # username -> its clients (by clientId): delivery does not scan every client.
        self._by_user: dict[str, dict[str, BayeuxClient]] = {}
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._sweep_handle: Optional[asyncio.TimerHandle] = None
        self._closing = False

    # -- life cycle -------------------------------------------------------------------------

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._arm_sweep()

    def close(self) -> None:
        """Answer every held connect now (server going down) and stop expiring clients."""
        self._closing = True
        if self._sweep_handle is not None:
            self._sweep_handle.cancel()
            self._sweep_handle = None
        for client in self.clients.values():
            client.wake(_WAKE_SHUTDOWN)

    def drop_all(self) -> None:
        """The node crashes: held connects end without an answer (see ConnectionDropped)."""
        self._closing = True
        for client in self.clients.values():
            client.wake(_WAKE_DROPPED)

    def _arm_sweep(self) -> None:
        assert self._loop is not None
        period = min(self.max_interval_ms / 2000, 5.0)
        self._sweep_handle = self._loop.call_later(period, self._sweep)

    def _sweep(self) -> None:
        assert self._loop is not None
        now = self._loop.time()
        limit = self.max_interval_ms / 1000
        for client in list(self.clients.values()):
            # A client with a held connect is polling right now, so it is alive.
            if client.waiter is None and now - client.last_seen > limit:
                log.info("CometD client %s of %s expired", client.client_id, client.username)
                self._remove(client, "expired")
        self._arm_sweep()

    def _add(self, client: BayeuxClient) -> None:
        self.clients[client.client_id] = client
        self._by_user.setdefault(client.username, {})[client.client_id] = client

    def _remove(self, client: BayeuxClient, why: str) -> None:
        self.clients.pop(client.client_id, None)
        own = self._by_user.get(client.username)
        if own is not None:
            own.pop(client.client_id, None)
            if not own:
                del self._by_user[client.username]
        client.removed = why
        client.wake(_WAKE_REMOVED)

    def forget_all(self) -> int:
        """Drop every client (test aid): their next request gets 402 + reconnect handshake."""
        clients = list(self.clients.values())
        for client in clients:
            self._remove(client, "forgotten")
        return len(clients)

    def has_listener(self, username: str, channel: str) -> bool:
        """Whether a message on ``channel`` for this user would reach at least one client."""
        return any(c.wants(channel) for c in self.clients_of(username))

    def clients_of(self, username: str) -> list[BayeuxClient]:
        own = self._by_user.get(username)
        return list(own.values()) if own else []

    # -- delivery ---------------------------------------------------------------------------

    def deliver(self, username: str, messages: list[dict[str, Any]]) -> int:
        """Queue ``messages`` for each of the user's clients that wants them, all at once.

        ``/me/internal`` goes to every client of the user (server-side deliver); other channels
        only to clients with a matching subscription. Returns the number of clients reached.
        """
        clients = self.clients_of(username)
        if not clients:
            return 0
        return self.deliver_encoded(clients, [(m["channel"], encode(m)) for m in messages])

    @staticmethod
    def deliver_encoded(clients: Iterable[BayeuxClient],
                        messages: Sequence[tuple[str, str]]) -> int:
        """Queue already encoded ``(channel, text)`` messages for each of ``clients`` (still
        known, see ``removed``) that wants them, as ``deliver`` does. Returns the clients
        reached."""
        reached = 0
        for client in clients:
            if client.removed is not None:
                continue
            wanted: dict[str, bool] = {}
            selected = []
            for channel, text in messages:
                ok = wanted.get(channel)
                if ok is None:
                    ok = wanted[channel] = client.wants(channel)
                if ok:
                    selected.append(text)
            if selected:
                client.queue.extend(selected)
                client.wake(_WAKE_MESSAGES)
                reached += 1
        return reached

    # -- one HTTP request -------------------------------------------------------------------

    async def handle_batch(self, username: str, messages: list[Any]) -> list[Any]:
        """The reply messages: dicts, and queued data messages as JSON text (``str``);
        ``encode_reply`` makes the body of both."""
        replies: list[Any] = []
        connect: Optional[dict[str, Any]] = None
        for message in messages:
            if not isinstance(message, dict):
                replies.append({"successful": False, "error": "400::Message is not a JSON object"})
                continue
            channel = message.get("channel")
            if channel == "/meta/connect":
                if connect is None:
                    connect = message  # answered last, after the other replies (may be held)
                else:
                    replies.append(self._fail(message, "400::Only one /meta/connect per request"))
            else:
                replies.append(self._handle_one(username, message))
        if connect is not None:
            replies.extend(await self._connect(username, connect))
        return replies

    @staticmethod
    def _fail(message: dict[str, Any], error: str, **extra: Any) -> dict[str, Any]:
        reply: dict[str, Any] = {"channel": message.get("channel"), "successful": False,
                                 "error": error, **extra}
        if "id" in message:
            reply["id"] = message["id"]
        return reply

    def _unknown_client(self, message: dict[str, Any]) -> dict[str, Any]:
        return self._fail(message, "402::Unknown client",
                          advice={"reconnect": "handshake", "interval": 0})

    def _client_for(self, username: str, message: dict[str, Any]) -> Optional[BayeuxClient]:
        client_id = message.get("clientId")
        client = self.clients.get(client_id) if isinstance(client_id, str) else None
        # A clientId belongs to the user that handshook; anyone else gets "unknown client".
        if client is None or client.username != username:
            return None
        assert self._loop is not None
        client.last_seen = self._loop.time()
        return client

    def _advice(self) -> dict[str, Any]:
        return {"interval": 0, "timeout": self.timeout_ms, "reconnect": "retry"}

    def _handle_one(self, username: str, message: dict[str, Any]) -> dict[str, Any]:
        channel = message.get("channel")
        if not isinstance(channel, str) or not valid_channel(channel, allow_wildcard=False):
            return self._fail(message, "400::Missing or invalid channel")
        if channel == "/meta/handshake":
            return self._handshake(username, message)
        client = self._client_for(username, message)
        if client is None:
            return self._unknown_client(message)
        if channel == "/meta/subscribe":
            return self._subscribe(client, message, add=True)
        if channel == "/meta/unsubscribe":
            return self._subscribe(client, message, add=False)
        if channel == "/meta/disconnect":
            self._remove(client, "disconnect")
            return self._success(message, client)
        if channel.startswith("/meta/"):
            return self._fail(message, "400::Unknown meta channel")
        # Clients only listen here: every publish (including /service/**) is refused.
        return self._fail(message, "403::Publish denied")

    @staticmethod
    def _success(message: dict[str, Any], client: BayeuxClient, **extra: Any) -> dict[str, Any]:
        reply: dict[str, Any] = {"channel": message["channel"], "successful": True,
                                 "clientId": client.client_id, **extra}
        if "id" in message:
            reply["id"] = message["id"]
        return reply

    def _handshake(self, username: str, message: dict[str, Any]) -> dict[str, Any]:
        offered = message.get("supportedConnectionTypes")
        if not isinstance(offered, list) or LONG_POLLING not in offered:
            return self._fail(message, "400::Unsupported connection types, only long-polling",
                              supportedConnectionTypes=[LONG_POLLING], version="1.0",
                              advice={"reconnect": "none", "interval": 0})
        if self._closing:
            return self._fail(message, "503::Server shutting down",
                              advice={"reconnect": "none", "interval": 0})
        assert self._loop is not None
        client = BayeuxClient(secrets.token_hex(16), username, self._loop.time())
        self._add(client)
        log.info("CometD handshake: %s is client %s", username, client.client_id)
        reply: dict[str, Any] = {
            "channel": "/meta/handshake", "successful": True, "clientId": client.client_id,
            "version": "1.0", "minimumVersion": "1.0",
            "supportedConnectionTypes": [LONG_POLLING],
            "advice": {"reconnect": "retry", "interval": 0, "timeout": self.timeout_ms},
        }
        if "id" in message:
            reply["id"] = message["id"]
        return reply

    def _subscribe(self, client: BayeuxClient, message: dict[str, Any], add: bool) -> dict[str, Any]:
        subscription = message.get("subscription")
        names = subscription if isinstance(subscription, list) else [subscription]
        if not names or not all(valid_channel(n, allow_wildcard=True) for n in names):
            return self._fail(message, "400::Missing or invalid subscription",
                              subscription=subscription)
        if add and any(n.startswith("/meta/") or n == "/meta" for n in names):
            return self._fail(message, "403::Subscribe denied", subscription=subscription)
        for name in names:
            if add:
                client.subscriptions.add(name)
            else:
                client.subscriptions.discard(name)
        return self._success(message, client, subscription=subscription)

    async def _connect(self, username: str, message: dict[str, Any]) -> list[Any]:
        client = self._client_for(username, message)
        if client is None:
            return [self._unknown_client(message)]
        kind = message.get("connectionType", LONG_POLLING)
        if kind != LONG_POLLING:
            return [self._fail(message, "400::Unsupported connection type, only long-polling")]
        timeout_ms = self.timeout_ms
        advice = message.get("advice")
        if isinstance(advice, dict):
            asked = advice.get("timeout")
            # A client may ask for a shorter hold (0 = answer now); bool is not a number here.
            if isinstance(asked, (int, float)) and not isinstance(asked, bool) and asked >= 0:
                timeout_ms = min(timeout_ms, asked)

        # Only one held connect per client: a newer connect answers the older one at once.
        client.wake(_WAKE_SUPERSEDED)
        wake = _WAKE_MESSAGES
        first = not client.connected_once
        client.connected_once = True
        if not (first or client.queue or self._closing or timeout_ms == 0):
            wake = await self._hold(client, timeout_ms / 1000)

        assert self._loop is not None
        client.last_seen = self._loop.time()
        reply = {"channel": "/meta/connect", "successful": True, "advice": self._advice()}
        if "id" in message:
            reply["id"] = message["id"]
        if wake == _WAKE_DROPPED:
            raise ConnectionDropped()
        if wake == _WAKE_REMOVED:
            if client.removed == "disconnect":
                reply["advice"] = {"interval": 0, "reconnect": "none"}
                return [reply]
            return [self._unknown_client(message)]
        if wake == _WAKE_SUPERSEDED:
            return [reply]  # the newer connect takes the queued messages
        queue = client.queue
        if len(queue) <= MAX_MESSAGES_PER_REPLY:
            batch: list[Any] = list(queue)
            queue.clear()
        else:
            popleft = queue.popleft
            batch = [popleft() for _ in range(MAX_MESSAGES_PER_REPLY)]
        batch.append(reply)
        return batch

    async def _hold(self, client: BayeuxClient, timeout_s: float) -> str:
        """Wait for a wake-up (messages, a newer connect, removal, shutdown) or the timeout."""
        assert self._loop is not None
        waiter = self._loop.create_future()
        client.waiter = waiter
        timer = self._loop.call_later(timeout_s, _time_out, waiter)
        try:
            return await waiter
        finally:
            timer.cancel()
            if client.waiter is waiter:
                client.waiter = None
            if not waiter.done():
                waiter.cancel()


def _time_out(waiter: asyncio.Future) -> None:
    # Nothing came in time: answer the connect (empty).
    if not waiter.done():
        waiter.set_result(_WAKE_MESSAGES)
