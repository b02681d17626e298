"""CometD notifications from GWS (``/api/v2/notifications``), behind one small class.

aiocometd-noloop does the Bayeux work; this module fixes what it gets wrong against a strict
server (``reference/deps.md`` §9) and turns messages into typed events:

* one cookie jar: cookies and credentials come from the REST session's jar on every request and
  cookies the CometD server sets go back into it (a second jar drifts and drops IP-host cookies);
* replies that are not a list of Bayeux messages (an HTTP 401/403 body) become a clear error
  instead of a crash inside the library;
* ``advice.interval`` is milliseconds in Bayeux but seconds in the library: normalised, and a
  partial advice keeps the last known ``timeout`` (else long polls lose their timeout);
* the first ``/meta/connect`` after a handshake asks for an immediate reply, so opening does not
  wait a whole long poll;
* a failed ``open()`` is cleaned up (the library would leak its session and keep handshaking);
* closing does not log ``CancelledError`` noise.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from typing import Any, Callable, NoReturn

import aiohttp
from aiocometd_noloop import Client, ConnectionType
from aiocometd_noloop.exceptions import (
    AiocometdException,
    ClientInvalidOperation,
    ServerError,
    TransportTimeoutError,
)
from aiocometd_noloop.extensions import Extension
from aiocometd_noloop.transports.base import TransportBase

from agent_desktop.services import wire
from agent_desktop.services.errors import (
    AuthenticationFailed,
    GwsError,
    NotificationsError,
    TlsVerificationFailed,
)
from agent_desktop.services.events import (
    ConnectionState,
    ConnectionStateChanged,
    Event,
    NotificationSessionRenewed,
)
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.push_decoder import PushDecoder
from agent_desktop.texts import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

DEFAULT_CHANNELS = ("/v2/me/*",)
DELIVERY_CHUNK = 250  # messages handled per event-loop turn in a burst (~6 ms: the window stays live)

EventHandler = Callable[[Event], None]
# A reply with at most this many plain events (an acknowledgement and its companions) is handed
# over as it is read, when nothing is queued before it; a burst goes through the queue.
HANDED_OVER_AT_ONCE = 8


def _idle(queue: "asyncio.Queue[Any]") -> bool:
    """Nothing queued, and the pump waits in ``receive()`` holding no message: one handed over
    now cannot overtake an earlier one (a woken getter has left ``_getters`` with its message)."""
    # (``_getters`` is asyncio.Queue's own; a Python without it never hands over: the queue is safe)
    return queue.empty() and any(not getter.done() for getter in getattr(queue, "_getters", ()))


def _install_quiet_connect_done() -> None:
    """Make the library's connect-done callback ignore a cancelled future (it logs a traceback).

    Patched once on the class: the library builds its transports itself, so there is no
    instance to patch; the wrapper changes nothing for futures that were not cancelled.
    """
    original = TransportBase._connect_done
    if getattr(original, "_agent_desktop_quiet", False):
        return

    def quiet_connect_done(self: TransportBase, future: asyncio.Future[Any]) -> None:
        if future.cancelled():
            return
        original(self, future)

    quiet_connect_done._agent_desktop_quiet = True  # type: ignore[attr-defined]
    TransportBase._connect_done = quiet_connect_done  # type: ignore[method-assign]


class _GwsBridge(Extension):
    """Shares auth and cookies with the REST session and repairs what the server's replies need."""

    def __init__(self, session: GwsSession, on_renewed: Callable[[], None],
                 decoder: PushDecoder | None = None) -> None:
        self._session = session
        self._on_renewed = on_renewed
        self._decoder = decoder or PushDecoder()
        self._handshakes = 0
        self._renewal_pending = False
        self._first_connect_pending = False
        self._last_timeout_ms: float | None = None
        self._client: Client | None = None
        self._deliver_now: Callable[[list[dict[str, Any]]], None] | None = None

    async def outgoing(self, payload: list[dict[str, Any]], headers: dict[str, str]) -> None:
        headers.update(self._session.request_headers(self._session.notifications_url))
        for message in payload:
            channel = message.get("channel")
            if channel == "/meta/handshake":
                self._first_connect_pending = True
            elif channel == "/meta/connect" and self._first_connect_pending:
                self._first_connect_pending = False
                message["advice"] = {**message.get("advice", {}), "timeout": 0}

    def attach(self, client: Client, deliver_now: Callable[[list[dict[str, Any]]], None] | None = None) -> None:
        """Queue plain event messages straight into ``client``'s incoming queue (made anew at
        each handshake, so looked up when needed); a few at a time go to ``deliver_now``."""
        self._client = client
        self._deliver_now = deliver_now

    async def incoming(self, payload: Any, headers: Any = None) -> None:
        if not isinstance(payload, list):
            self._not_bayeux(payload)
        # One pass (a burst brings 100,000 messages) checks the reply and sorts out the plain
        # event messages: not a meta or service reply (no ``successful``, ``advice`` or ``id``).
        events: list[Any] = []
        others: list[dict[str, Any]] = []
        plain = True  # every event message of the reply is plain
        is_push = self._decoder.is_push
        for message in payload:
            if is_push(message):  # a record push the decoder read as a struct: a plain event
                events.append(message)
                continue
            channel = message.get("channel") if isinstance(message, dict) else None
            if not isinstance(channel, str):
                self._not_bayeux(payload)
            if "data" not in message or channel.startswith("/meta/"):
                others.append(message)
            elif "successful" in message or "advice" in message or "id" in message:
                plain = False
            else:
                events.append(message)
        if headers is not None and hasattr(headers, "getall"):
            self._session.store_cookies(self._session.notifications_url, headers.getall("Set-Cookie", []))
        if events and plain and self._take_events(events):
            payload[:] = others  # the list the library goes on with
        elif events:
            payload[:] = self._decoder.to_dicts(payload)  # the library reads dicts only
        for message in payload:
            advice = message.get("advice")
            if isinstance(advice, dict):
                self._normalise_advice(advice)
            if message.get("successful") is not True:
                continue
            if message["channel"] == "/meta/handshake":
                self._handshakes += 1
                self._renewal_pending = self._handshakes > 1
            elif message["channel"] == "/meta/connect" and self._renewal_pending:
                # The library re-subscribes with the first connect after a re-handshake: only
                # its successful reply means events reach us again, so only now say "renewed".
                self._renewal_pending = False
                self._on_renewed()

    def _not_bayeux(self, payload: Any) -> NoReturn:
        if isinstance(payload, dict) and wire.as_int(payload.get("statusCode")) == 20:
            raise AuthenticationFailed(_REFUSED())
        raise NotificationsError(Message("Errors", QT_TRANSLATE_NOOP("Errors", "The notification server sent a reply that is not CometD.")))

    def _take_events(self, events: list[dict[str, Any]]) -> bool:
        """Queue a reply's plain event messages here; False if the library must do it.

        For each message after the extensions, the library updates its advice and
        subscriptions, matches it against the request, and awaits ``queue.put`` for an event
        (a coroutine per message: ~0.4 s of a 100,000-record burst). For a plain event all that
        comes down to that ``put``, done here. (When a reply has an event that is not plain,
        the library keeps them all, so that the queue keeps the reply's order.)
        """
        queue = self._client._incoming_queue if self._client is not None else None
        if queue is None or queue.maxsize > 0:  # a bounded queue's put may wait: the library's
            return False
        if len(events) <= HANDED_OVER_AT_ONCE and self._deliver_now is not None and _idle(queue):
            # An acknowledgement is waited for: handed over here, not through the pump's wake-up
            # (the library's receive() is three tasks and ~5 loop turns: ~1 ms of a reschedule).
            self._deliver_now(events)
            return True
        put = queue.put_nowait
        for message in events:
            put(message)
        return True

    def _normalise_advice(self, advice: dict[str, Any]) -> None:
        interval = advice.get("interval")
        if isinstance(interval, (int, float)) and not isinstance(interval, bool):
            advice["interval"] = max(0.0, interval / 1000)
        timeout = advice.get("timeout")
        if isinstance(timeout, (int, float)) and not isinstance(timeout, bool) and timeout > 0:
            self._last_timeout_ms = float(timeout)
        elif self._last_timeout_ms is not None:
            advice["timeout"] = self._last_timeout_ms


class _SharedJarClient(Client):
    """The library's client on an aiohttp session without a cookie jar of its own."""

    def _verify_response(self, response: Any) -> None:
        # A record push read as a struct (push_decoder) is a plain event: nothing to verify.
        if isinstance(response, dict):
            super()._verify_response(response)

    async def _get_http_session(self) -> aiohttp.ClientSession:
        if self._http_session is None:
            # raise_for_status: an HTTP 401/403/5xx becomes an error that names the status,
            # instead of a body the library tries to read as Bayeux.
            self._http_session = aiohttp.ClientSession(
                json_serialize=self._json_dumps,
                cookie_jar=aiohttp.DummyCookieJar(),
                raise_for_status=True,
            )
        return self._http_session


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and everything that caused it, without looping."""
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and all(cause is not seen for seen in chain):
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    return chain


def _REFUSED() -> Message:  # noqa: N802
    return Message("Errors", QT_TRANSLATE_NOOP("Errors", "The notification server refused the user name or password."))


def _open_error(exc: BaseException, url: str) -> GwsError:
    chain = _causes(exc)
    if any(isinstance(c, (ssl.SSLCertVerificationError, aiohttp.ClientConnectorCertificateError)) for c in chain):
        return TlsVerificationFailed(Message("Errors", QT_TRANSLATE_NOOP(
            "Errors", "The certificate of {url} could not be verified. Check the address, or ask IT for the "
            "company's CA bundle."), url=url))
    status = next((c.status for c in chain if isinstance(c, aiohttp.ClientResponseError)), None)
    if status == 401:
        return AuthenticationFailed(_REFUSED())
    if status is not None:
        return NotificationsError(Message("Errors", QT_TRANSLATE_NOOP("Errors", "The notification server answered HTTP {status}."), status=status))
    return NotificationsError(Message("Errors", QT_TRANSLATE_NOOP("Errors", "Cannot open notifications: {reason}"), reason=exc))


class NotificationClient:
    """Subscribes to the agent's channels and hands each typed event to ``on_event``."""

    def __init__(
        self,
        session: GwsSession,
        on_event: EventHandler,
        *,
        channels: tuple[str, ...] = DEFAULT_CHANNELS,
        connection_timeout_s: float = 10.0,
    ) -> None:
        self._session = session
        self._on_event = on_event
        self._channels = channels
        self._connection_timeout_s = connection_timeout_s
        self._client: _SharedJarClient | None = None
        self._pump: asyncio.Task[None] | None = None
        self._state = ConnectionState.CLOSED
        self._decoder = PushDecoder()

    @property
    def state(self) -> ConnectionState:
        return self._state

    def _set_state(self, state: ConnectionState, detail: str = "") -> None:
        if state is not self._state:
            self._state = state
            self._on_event(ConnectionStateChanged(state, detail))

    def _renewed(self) -> None:
        log.info("notification session renewed (re-handshake, subscriptions restored)")
        self._on_event(NotificationSessionRenewed())

    async def open(self) -> None:
        """Handshake, subscribe and start delivering events; raises a GwsError on failure."""
        _install_quiet_connect_done()
        self._set_state(ConnectionState.CONNECTING)
        # Built here, inside the running loop: the library binds to the loop it is created on.
        bridge = _GwsBridge(self._session, self._renewed, self._decoder)
        client = _SharedJarClient(
            self._session.notifications_url,
            ConnectionType.LONG_POLLING,
            connection_timeout=self._connection_timeout_s,
            ssl=self._session.ssl_context,
            max_pending_count=0,
            # Decoding replies is most of the cost of a burst: record pushes without a dict per
            # object (push_decoder), the rest with orjson (~1.7x the stdlib).
            json_loads=self._decoder.decode,
            extensions=[bridge],
        )
        bridge.attach(client, self._handle_now)
        try:
            await client.open()
            for channel in self._channels:
                await client.subscribe(channel)
        except BaseException as exc:
            await self._discard(client)
            self._set_state(ConnectionState.OFFLINE, str(exc))
            if isinstance(exc, GwsError):
                raise
            if isinstance(exc, (AiocometdException, aiohttp.ClientError, OSError)):
                raise _open_error(exc, self._session.base_url) from exc
            raise
        self._client = client
        self._set_state(ConnectionState.CONNECTED)
        self._pump = asyncio.create_task(self._deliver(client), name="cometd-pump")

    async def _deliver(self, client: _SharedJarClient) -> None:
        queue = client._incoming_queue
        while True:
            if queue is not None and not queue.empty():
                # Fast path: take what is already queued directly. The library's receive()
                # starts three tasks per message, which is most of the cost of a burst of
                # 100,000 pushed records. A chunk at a time, then the loop gets a turn (the
                # UI stays responsive while a burst is read).
                self._handle_chunk(queue)
                await asyncio.sleep(0)
                continue
            try:
                message = await client.receive()
            except TransportTimeoutError:
                # The library keeps retrying by itself; tell the app and keep listening.
                self._set_state(ConnectionState.RECONNECTING, "Lost connection with the server.")
                continue
            except ServerError as exc:
                self._set_state(ConnectionState.OFFLINE, f"The server closed notifications: {exc}")
                return
            except ClientInvalidOperation:
                return
            self._handle(message)

    def _handle_chunk(self, queue: "asyncio.Queue[Any]") -> None:
        """``_handle`` for up to DELIVERY_CHUNK queued messages, with the per-message work cut
        to the parsing and the handler."""
        self._set_state(ConnectionState.CONNECTED)
        get, parse, on_event = queue.get_nowait, self._decoder.parse, self._on_event
        for _ in range(min(queue.qsize(), DELIVERY_CHUNK)):
            message = get()
            try:
                event = parse(message)
            except Exception:  # noqa: BLE001 - a bad message must not stop the pump
                log.exception("skipping a notification that could not be read")
                continue
            if event is not None:
                on_event(event)

    def _handle_now(self, messages: list[dict[str, Any]]) -> None:
        """Messages handed over while the library reads a reply: nothing may escape into it."""
        for message in messages:
            try:
                self._handle(message)
            except Exception:  # noqa: BLE001 - a failing handler must not break the transport
                log.exception("a notification handler failed")

    def _handle(self, message: Any) -> None:
        self._set_state(ConnectionState.CONNECTED)
        try:
            event = self._decoder.parse(message)
        except Exception:  # noqa: BLE001 - a bad message must not stop the pump
            log.exception("skipping a notification that could not be read")
            return
        if event is not None:
            self._on_event(event)

    async def _discard(self, client: _SharedJarClient) -> None:
        """Release what a half-open client holds (the library leaves it running on failure)."""
        transport = client._transport
        if transport is not None:
            try:
                await transport.disconnect()
                await transport.close()
            except Exception:  # noqa: BLE001 - best effort on an already failed path
                log.debug("ignoring error while discarding a failed CometD client", exc_info=True)
        await client._close_http_session()

    async def close(self) -> None:
        """Disconnect cleanly; safe to call twice."""
        if self._pump is not None:
            self._pump.cancel()
            await asyncio.gather(self._pump, return_exceptions=True)
            self._pump = None
        client, self._client = self._client, None
        if client is not None:
            # Messages still queued (say the companion of an acknowledgement) are dropped on
            # purpose; otherwise the library warns about them at close.
            queue = client._incoming_queue
            while queue is not None and not queue.empty():
                queue.get_nowait()
            try:
                await client.close()
            except Exception:  # noqa: BLE001 - the server may already be gone
                log.debug("CometD close failed", exc_info=True)
                await self._discard(client)
        self._set_state(ConnectionState.CLOSED)
