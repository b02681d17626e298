"""The agent's live session: login, notifications, contact-center session, record store.

The order matters and follows real GWS clients: subscribe to notifications *before*
StartContactCenterSession, or the records it pushes are missed.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timezone
from typing import Callable

from agent_desktop.domain.agent import AgentProfile
from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey, RecordStatus
from agent_desktop.domain.rules import validate_reschedule
from agent_desktop.domain.store import RecordStore
from agent_desktop.services.errors import (
    AcknowledgementTimeout,
    GwsError,
    NotPermitted,
    OperationError,
)
from agent_desktop.services.events import Event, RecordPushed, RecordWithdrawn
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.notifications import NotificationClient
from agent_desktop.services.outbound import OutboundOperations

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class AgentSession:
    """Keeps ``store`` in step with what GWS tells this agent, and carries out reschedules."""

    def __init__(
        self,
        session: GwsSession,
        store: RecordStore,
        *,
        ack_timeout_s: float = 30.0,
        on_event: Callable[[Event], None] | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.session = session
        self.store = store
        self.operations = OutboundOperations(session, ack_timeout_s=ack_timeout_s)
        self.on_event = on_event  # set by whoever shows the events (the window's controller)
        self._clock = clock
        self._notifications: NotificationClient | None = None
        self._cc_session_started = False
        self.profile: AgentProfile | None = None

    async def start(self) -> AgentProfile:
        """Log in, open notifications and start the contact-center session.

        On failure everything opened so far is closed again before the error propagates.
        """
        try:
            self.profile = await self.session.login()
            self._notifications = NotificationClient(self.session, self._dispatch)
            await self._notifications.open()
            await self.session.start_contact_center_session()
            self._cc_session_started = True
        except BaseException:
            await self.close()
            raise
        return self.profile

    def _dispatch(self, event: Event) -> None:
        if isinstance(event, RecordPushed):
            self._merge_pushed(event.record)
        elif isinstance(event, RecordWithdrawn):
            self.store.remove(event.key)
        else:
            self.operations.handle_event(event)
        if self.on_event is not None:
            self.on_event(event)

    def _merge_pushed(self, record: OutboundRecord) -> None:
        known = self.store.get(record.key)
        if known is not None and known.status is RecordStatus.SENDING:
            # The server's copy must not wipe out the fact that our operation is in flight.
            record = dataclasses.replace(record, status=known.status, status_reason=known.status_reason)
        self.store.upsert(record)

    @property
    def notifications_state(self):
        """The CometD channel's state, or None before it was opened."""
        return self._notifications.state if self._notifications else None

    @property
    def device_path(self) -> str:
        device = self.profile.preferred_device() if self.profile else None
        if device is None:
            raise NotPermitted("No telephony device is assigned to you, so outbound requests cannot be sent.")
        return device.path

    async def reschedule(
        self, key: RecordKey, when: datetime, callback_type: CallbackType
    ) -> OutboundRecord:
        """Reschedule a known record; the store shows sending → confirmed / failed / unconfirmed.

        Raises ``RescheduleRefused`` (domain rules, nothing sent) or a ``GwsError``; the record
        keeps its old time unless the server confirmed the new one.
        """
        record = self.store.get(key)
        if record is None:
            raise KeyError(key)
        validate_reschedule(
            when,
            callback_type,
            now=self._clock(),
            record=record,
            capabilities=self.profile.outbound if self.profile else None,
        )
        self.store.update(key, status=RecordStatus.SENDING, status_reason="")
        try:
            await self.operations.reschedule(
                key, record.campaign_name, when, callback_type, device_path=self.device_path
            )
        except AcknowledgementTimeout as exc:
            self.store.update(key, status=RecordStatus.UNCONFIRMED, status_reason=exc.message)
            raise
        except (OperationError, GwsError) as exc:
            self.store.update(key, status=RecordStatus.FAILED, status_reason=exc.message)
            raise
        except BaseException:
            self.store.update(key, status=RecordStatus.UNCONFIRMED, status_reason="Interrupted.")
            raise
        return self.store.update(
            key,
            scheduled_at=when.astimezone(timezone.utc),
            callback_type=callback_type,
            status=RecordStatus.CONFIRMED,
            status_reason="",
        )

    async def close(self) -> None:
        """Notifications off first, then EndContactCenterSession (it ends the HTTP session)."""
        if self._notifications is not None:
            await self._notifications.close()
            self._notifications = None
        if self._cc_session_started:
            self._cc_session_started = False
            try:
                await self.session.end_contact_center_session()
            except GwsError as exc:
                log.warning("could not end the contact-center session: %s", exc.message)
        await self.session.aclose()
