"""The agent's live session: login, notifications, contact-center session, record store,
the durable outbox, and getting back online by itself.

The order of start-up follows real GWS clients: subscribe to notifications *before*
StartContactCenterSession, or the records it pushes are missed. A reschedule is written to
the outbox before it is sent and leaves it only when acknowledged or refused for good; whatever
happens in between (no network, server restart, node death, a lost acknowledgement, a crash),
it is sent again with the same ``referenceId`` until one of those two outcomes. The other
record actions (cancel, do-not-call, complete, a new number) are in ``record_actions``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from datetime import datetime, timezone
from typing import Awaitable, Callable

from agent_desktop.domain.agent import AgentProfile
from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey, RecordStatus
from agent_desktop.domain.rules import RescheduleRequest, validate_reschedule
from agent_desktop.domain.store import RecordStore
from agent_desktop.services import wire
from agent_desktop.services.backoff import Backoff
from agent_desktop.services.burst_gc import BurstGc
from agent_desktop.services.errors import (
    AcknowledgementTimeout,
    AuthenticationFailed,
    CsrfRejected,
    GwsError,
    NotificationsError,
    NotPermitted,
    OperationRefused,
    RequestRefused,
    ServerUnreachable,
)
from agent_desktop.services.events import (
    ConnectionState,
    ConnectionStateChanged,
    DeviceStateChanged,
    Event,
    NotificationSessionRenewed,
    OperationAcknowledged,
    OperationFailed,
    RecordPushed,
    RecordWithdrawn,
)
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.ledger_sync import LedgerSync
from agent_desktop.services.local_store import LocalStore, PendingReschedule
from agent_desktop.services.notifications import NotificationClient
from agent_desktop.services.outbound import OutboundOperations, new_reference_id
from agent_desktop.services.record_actions import RecordAction, RecordActions
from agent_desktop.services.session_recovery import SessionRecovery
from agent_desktop.texts import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

# A request on the wire says "sending" only if its outcome has not come by then: a usual
# answer (~10 ms) goes straight to "confirmed", without a status flashing by, and without a
# store update and a repaint during the round trip, which held the answer back (issue 5).
SHOW_SENDING_AFTER_S = 0.1

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _transient(error: GwsError) -> bool:
    """Worth sending again later: the server was not reached, or failed, or forgot us."""
    if isinstance(error, RequestRefused):
        return error.http_status >= 500 or error.http_status in (408, 429)
    return isinstance(error, (ServerUnreachable, NotificationsError, CsrfRejected))


class AgentSession(SessionRecovery, RecordActions):
    """Keeps ``store`` in step with what GWS tells this agent, and carries out reschedules and
    the other record actions."""

    def __init__(
        self,
        session: GwsSession,
        store: RecordStore,
        *,
        local: LocalStore | None = None,
        ack_timeout_s: float = 30.0,
        on_event: Callable[[Event], None] | None = None,
        clock: Clock = utc_now,
        backoff: Backoff | None = None,
    ) -> None:
        self.session = session
        self.store = store
        self.local = local
        self.operations = OutboundOperations(session, ack_timeout_s=ack_timeout_s)
        self.on_event = on_event  # set by whoever shows the events (the window's controller)
        self._clock = clock
        self._backoff = backoff or Backoff()
        self.owner = f"{session.username}@{session.nodes[0]}"
        self._notifications: NotificationClient | None = None
        self._cc_session_started = False
        self._online = False
        self._state = ConnectionState.CONNECTING
        self._closed = False
        self._trouble = asyncio.Event()
        self._pending: dict[str, PendingReschedule] = {}  # the outbox, in memory
        self._in_flight: set[str] = set()
        self._acting: set[RecordKey] = set()  # records with a record action under way
        self._late_actions: dict[str, RecordAction] = {}  # actions whose answer is overdue
        self._tasks: set[asyncio.Task[object]] = set()
        self._ledger: LedgerSync | None = None
        self._pushed: list[OutboundRecord] = []
        self._burst_gc = BurstGc()
        self._retry_handle: asyncio.TimerHandle | None = None
        self.show_sending_after_s = SHOW_SENDING_AFTER_S
        self.profile: AgentProfile | None = None

    @property
    def agent_state(self) -> str:
        """The user state of the agent's device as GWS names it (``Ready``, ``NotReady``,
        ``LoggedOut``, …; "" before login), kept live from ``DeviceStateChanged`` events."""
        device = self.profile.preferred_device() if self.profile else None
        return device.user_state if device is not None else ""

    # -- life cycle --------------------------------------------------------------------------
    async def start(self) -> AgentProfile:
        """Load the local ledger and outbox, log in, open notifications, start the session.

        On failure everything opened so far is closed again before the error propagates.
        The login request is on the wire while the local store opens (in its own thread):
        neither needs the other, and notifications open only once both are done.
        """
        try:
            login = asyncio.ensure_future(self.session.login())
            try:
                if self.local is not None:
                    await self._load_local()
            except BaseException:
                login.cancel()
                await asyncio.gather(login, return_exceptions=True)
                raise
            await self._connect(login)
        except BaseException:
            await self.close()
            raise
        self._set_connection(ConnectionState.CONNECTED)
        self._spawn(self._keep_connected(), "keep-connected")
        self._kick_replay()
        return self.profile  # type: ignore[return-value]

    async def _load_local(self) -> None:
        assert self.local is not None
        await self.local.open()
        self.store.upsert_many(await self.local.load_records(self.owner))
        for pending in await self.local.pending(self.owner):
            self._pending[pending.reference_id] = pending
            if pending.key in self.store:
                self.store.update(pending.key, status=RecordStatus.QUEUED, status_reason="")
        self._ledger = LedgerSync(self.store, self.local, self.owner, self._spawn)

    async def _connect(self, login: Awaitable[AgentProfile]) -> None:
        self.profile = await login
        await self._open_notifications()
        await self.session.start_contact_center_session()
        self._cc_session_started = True

    async def _open_notifications(self) -> None:
        if self._notifications is not None:
            await self._notifications.close()
            self._notifications = None
        client = NotificationClient(self.session, self._dispatch)
        await client.open()  # raises after cleaning up if it cannot open
        self._notifications = client

    async def close(self) -> None:
        """Notifications off first, then EndContactCenterSession (it ends the HTTP session)."""
        self._closed = True
        self._burst_gc.end()
        if self._retry_handle is not None:
            self._retry_handle.cancel()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._notifications is not None:
            await self._notifications.close()
            self._notifications = None
        if self._cc_session_started:
            self._cc_session_started = False
            try:
                await self.session.end_contact_center_session()
            except GwsError as exc:
                log.warning("could not end the contact-center session: %s", exc.message)
        if self._ledger is not None:
            await self._ledger.stop()
            self._ledger = None
        if self.local is not None:
            await self.local.close()
            self.local = None
        await self.session.aclose()

    def _spawn(self, coro, name: str) -> None:  # type: ignore[no-untyped-def]
        if self._closed:  # work scheduled just before closing has nobody left to do it for
            coro.close()
            return
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _emit(self, event: Event) -> None:
        if self.on_event is not None:
            self.on_event(event)

    @property
    def online(self) -> bool:
        return self._online

    @property
    def connection_state(self) -> ConnectionState:
        """What the agent should see: connected, reconnecting (actions queue), or offline."""
        return self._state

    def _set_connection(self, state: ConnectionState, detail: str = "", *, needs_password: bool = False) -> None:
        self._online = state is ConnectionState.CONNECTED
        if state is not self._state or needs_password:
            self._state = state
            self._emit(ConnectionStateChanged(state, detail, needs_password))

    @property
    def device_path(self) -> str:
        device = self.profile.preferred_device() if self.profile else None
        if device is None:
            raise NotPermitted(Message("Errors", QT_TRANSLATE_NOOP(
                "Errors", "No telephony device is assigned to you, so outbound requests cannot be sent.")))
        return device.path

    # -- events from the server --------------------------------------------------------------
    def _dispatch(self, event: Event) -> None:
        if isinstance(event, RecordPushed):
            # Pushes come in bursts (a session start sends every record): gather them and hand
            # them to the store once per event-loop turn, so the view inserts rows in batches.
            if not self._pushed:
                asyncio.get_running_loop().call_soon(self._flush_pushed)
            self._pushed.append(event.record)
            if self.on_event is not None:
                self.on_event(event)
            return
        self._flush_pushed()  # anything else about a record must see it in the store first
        if isinstance(event, RecordWithdrawn):
            self.store.remove(event.key)
        elif isinstance(event, DeviceStateChanged):
            self._devices_changed(event)
        elif isinstance(event, (OperationAcknowledged, OperationFailed)):
            if not self.operations.handle_event(event):
                self._settle_late(event)
        elif isinstance(event, NotificationSessionRenewed):
            # The server forgot us (restart, failover): our HTTP session and contact-center
            # session are gone too, and what was published meanwhile is lost.
            self._report_trouble("The server forgot this session.")
        elif isinstance(event, ConnectionStateChanged):
            # The CometD channel's states are one input; what the agent sees is the session's
            # own state (online only once logged in, subscribed and the session started).
            if event.state in (ConnectionState.RECONNECTING, ConnectionState.OFFLINE) and self._online:
                self._report_trouble(event.detail)
            return
        self._emit(event)

    def _flush_pushed(self) -> None:
        if not self._pushed:
            return
        pushed, self._pushed = self._pushed, []
        self._burst_gc.batch(len(pushed))
        merged = []
        for record in pushed:
            known = self.store.get(record.key)
            if known is not None and known.status is not RecordStatus.SCHEDULED:
                # The server's copy must not wipe out what our own operation on the record shows.
                record = dataclasses.replace(record, status=known.status, status_reason=known.status_reason)
            merged.append(record)
        self.store.upsert_many(merged)

    def _devices_changed(self, event: DeviceStateChanged) -> None:
        """The profile's devices take the new states (``agent_state``, the device in use)."""
        if self.profile is None:
            return
        changed = {device.device_id: device for device in event.devices}
        devices = [changed.pop(device.device_id, device) for device in self.profile.devices]
        self.profile = dataclasses.replace(self.profile, devices=tuple(devices + list(changed.values())))

    def _settle_late(self, event: OperationAcknowledged | OperationFailed) -> None:
        """An outcome nobody waits for any more (after a timeout, a restart): apply it once."""
        action = self._late_actions.pop(event.reference_id or "", None)
        if action is not None:
            self._spawn(self._settle_action_late(action, event), "late-action")
            return
        pending = self._pending.get(event.reference_id or "")
        if pending is None or pending.reference_id in self._in_flight:
            return  # a duplicate of what was settled already, or not ours
        if isinstance(event, OperationAcknowledged):
            self._spawn(self._confirm(pending), "late-confirm")
        else:
            self._spawn(self._fail(pending, event.message), "late-fail")

    # -- reschedule --------------------------------------------------------------------------
    async def reschedule(self, key: RecordKey, when: datetime, callback_type: CallbackType, *,
                         on_sent: Callable[[], None] | None = None) -> OutboundRecord:
        """Reschedule a known record. Returns it confirmed, or queued (offline: sent later).

        Raises ``RescheduleRefused`` (domain rules, nothing sent), ``OperationRefused`` or
        ``RequestRefused`` (the server said no: the row shows failed, the old time stays), or
        ``AcknowledgementTimeout`` (the row shows unconfirmed; it is retried by itself).

        ``on_sent`` is called once the request is on the wire (not at all if it is queued or
        fails before): a window can leave its own repainting until then, so that it overlaps
        with the server's work instead of holding the request back.
        """
        record = self.store.get(key)
        if record is None:
            raise KeyError(key)
        validate_reschedule(when, callback_type, now=self._clock(), record=record,
                            capabilities=self.profile.outbound if self.profile else None,
                            policy=self.profile.calling_policy if self.profile else None)
        pending = PendingReschedule(
            reference_id=new_reference_id(), owner=self.owner, key=key, campaign_name=record.campaign_name,
            when=when.astimezone(timezone.utc), callback_type=callback_type,
            previous_at=record.scheduled_at, created_at=time.time(), previous_type=record.callback_type)
        await self._supersede_older(key)
        sending_now = self._online
        if self.local is not None:
            # Durable before anything is sent. When it goes out at once, the row is written with
            # its first attempt already counted: one write (and one wait for it) instead of two.
            await self.local.add_pending(dataclasses.replace(pending, attempts=1) if sending_now else pending)
        self._pending[pending.reference_id] = pending
        if not self._online:
            self.store.update(key, status=RecordStatus.QUEUED, status_reason="")
            return self.store.get(key)  # type: ignore[return-value]
        return await self._send(pending, counted=sending_now, on_sent=on_sent)

    async def _send(self, pending: PendingReschedule, *, counted: bool = False,
                    on_sent: Callable[[], None] | None = None) -> OutboundRecord:
        """``counted``: this attempt is on disk already (written with the outbox row)."""
        key = pending.key
        reference_id = pending.reference_id
        self._in_flight.add(reference_id)

        show_sending: asyncio.TimerHandle | None = None

        def still_sending() -> None:
            # Never after the outcome, nor before the request left (SHOW_SENDING_AFTER_S).
            if reference_id in self._in_flight and reference_id in self._pending and key in self.store:
                self.store.update(key, status=RecordStatus.SENDING, status_reason="")

        def sent() -> None:
            nonlocal show_sending
            show_sending = asyncio.get_running_loop().call_later(self.show_sending_after_s, still_sending)
            if on_sent is not None:
                on_sent()

        try:
            if self.local is not None and not counted:
                await self.local.count_attempt(reference_id)
            request = RescheduleRequest(key, pending.campaign_name, pending.when, pending.callback_type,
                                        reference_id)
            await self.operations.perform(key.record_handle, wire.reschedule_body(request, self.device_path),
                                          on_sent=sent)
        except AcknowledgementTimeout as exc:
            self._mark(key, RecordStatus.UNCONFIRMED, exc.message)
            self._schedule_retry()
            raise
        except (OperationRefused, RequestRefused) as exc:
            if isinstance(exc, RequestRefused) and _transient(exc):
                # The server is there but failed this once (503…): try the same request again
                # after a pause; no need to rebuild the whole session for that.
                log.info("reschedule will be retried: %s", exc.message)
                self._mark(key, RecordStatus.QUEUED, "")
                self._schedule_retry()
                return self.store.get(key)  # type: ignore[return-value]
            await self._fail(pending, exc.message)
            raise
        except AuthenticationFailed as exc:
            return self._queue_after(exc, key)
        except GwsError as exc:
            if _transient(exc):
                return self._queue_after(exc, key)
            await self._fail(pending, exc.message)
            raise
        finally:
            self._in_flight.discard(reference_id)
            if show_sending is not None:
                show_sending.cancel()
        return await self._confirm(pending)

    def _queue_after(self, error: GwsError, key: RecordKey) -> OutboundRecord:
        """The server could not be reached: keep it queued and get back online."""
        log.info("reschedule queued: %s", error.message)
        self._mark(key, RecordStatus.QUEUED, "")
        self._report_trouble(error.message)
        return self.store.get(key)  # type: ignore[return-value]

    async def _supersede_older(self, key: RecordKey) -> None:
        """A newer reschedule of the same record replaces the older ones still waiting to go.

        Sending an older one later would move the callback back to a time the agent no longer
        wants (last write wins on the server). One already on the wire is left to finish: it
        reached the server before the new one will.
        """
        for older in [p for p in self._pending.values() if p.key == key]:
            if older.reference_id in self._in_flight:
                continue
            self._pending.pop(older.reference_id, None)
            if self.local is not None:
                await self.local.settle(older, "superseded", "replaced by a newer reschedule")

    def _mark(self, key: RecordKey, status: RecordStatus, reason: str) -> None:
        if key in self.store:
            self.store.update(key, status=status, status_reason=reason)

    async def _confirm(self, pending: PendingReschedule) -> OutboundRecord:
        if self._pending.pop(pending.reference_id, None) is None:
            return self.store.get(pending.key)  # type: ignore[return-value]
        if self.local is not None:
            await self.local.settle(pending, "confirmed")
        if pending.key not in self.store:
            return None  # type: ignore[return-value]
        return self.store.update(pending.key, scheduled_at=pending.when, callback_type=pending.callback_type,
                                 status=RecordStatus.CONFIRMED, status_reason="")

    async def _fail(self, pending: PendingReschedule, reason: str) -> None:
        if self._pending.pop(pending.reference_id, None) is None:
            return
        if self.local is not None:
            await self.local.settle(pending, "failed", reason)
        self._mark(pending.key, RecordStatus.FAILED, reason)
