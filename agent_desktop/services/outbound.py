"""Outbound record operations: POST with a fresh ``referenceId``, then await its CometD outcome.

HTTP ``statusCode`` 0 only means GWS accepted the request; the operation is done when the
acknowledgement with the same ``referenceId`` arrives (or refused by an error notification).
The waiter is registered before the POST: on a fast server the acknowledgement can arrive
before the HTTP reply.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime
from typing import Any, Callable

from agent_desktop.domain.records import CallbackType, RecordKey
from agent_desktop.domain.rules import RescheduleRequest
from agent_desktop.services import wire
from agent_desktop.services.errors import AcknowledgementTimeout, OperationRefused
from agent_desktop.services.events import Event, OperationAcknowledged, OperationFailed
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.texts import QT_TRANSLATE_NOOP, Message

DEFAULT_ACK_TIMEOUT_S = 30.0
NEW_RECORDS_PATH = "/api/v2/me/outbound-records"  # AddRecord: no record handle yet


def new_reference_id() -> str:
    return uuid.uuid4().hex


class _NoAnswerInTime(Exception):
    """The waiter's outcome when the acknowledgement timeout passes first."""


def _time_out(future: "asyncio.Future[OperationAcknowledged]") -> None:
    if not future.done():
        future.set_exception(_NoAnswerInTime())


class OutboundOperations:
    """Sends record operations and matches their outcomes by ``referenceId``."""

    def __init__(self, session: GwsSession, *, ack_timeout_s: float = DEFAULT_ACK_TIMEOUT_S) -> None:
        self._session = session
        self.ack_timeout_s = ack_timeout_s
        self._waiting: dict[str, asyncio.Future[OperationAcknowledged]] = {}

    def handle_event(self, event: Event) -> bool:
        """Settle the operation an outcome belongs to; False if it is not one we wait for."""
        if not isinstance(event, (OperationAcknowledged, OperationFailed)) or event.reference_id is None:
            return False
        future = self._waiting.get(event.reference_id)
        if future is None or future.done():
            return False
        if isinstance(event, OperationAcknowledged):
            future.set_result(event)
        else:
            future.set_exception(OperationRefused(event.reference_id, event.error_code, event.message))
        return True

    async def perform(
        self, record_handle: int | None, body: dict[str, Any], *, timeout_s: float | None = None,
        on_sent: Callable[[], None] | None = None,
    ) -> OperationAcknowledged:
        """POST one operation whose body carries a ``referenceId``; return its acknowledgement.

        ``record_handle`` None: an operation on no existing record (AddRecord), posted to
        ``/api/v2/me/outbound-records``. ``on_sent`` is called once the request is on the wire,
        before any reply."""
        reference_id = body["referenceId"]
        future: asyncio.Future[OperationAcknowledged] = asyncio.get_running_loop().create_future()
        self._waiting[reference_id] = future
        try:
            if record_handle is None:
                await self._session.request("POST", NEW_RECORDS_PATH, body, on_sent=on_sent)
            elif on_sent is None:
                await self._session.post_record_operation(record_handle, body)
            else:
                await self._session.post_record_operation(record_handle, body, on_sent=on_sent)
            if future.done():  # on a fast server the outcome can come with (or before) the reply
                return future.result()
            # Not asyncio.wait_for: its own future between ours and this task costs every
            # answer one more turn of the (Qt) event loop before the row can show it.
            deadline = asyncio.get_running_loop().call_later(timeout_s or self.ack_timeout_s, _time_out, future)
            try:
                return await future
            except _NoAnswerInTime:
                raise AcknowledgementTimeout(Message("Errors", QT_TRANSLATE_NOOP(
                    "Errors", "No confirmation from the server in time: the reschedule may or may not have "
                    "been applied.")), reference_id) from None
            finally:
                deadline.cancel()
        finally:
            self._waiting.pop(reference_id, None)
            if future.done() and not future.cancelled():
                future.exception()  # consumed: a refusal after a failed POST is not "never retrieved"

    async def reschedule(
        self,
        key: RecordKey,
        campaign_name: str,
        when: datetime,
        callback_type: CallbackType,
        *,
        device_path: str,
        reference_id: str | None = None,
        timeout_s: float | None = None,
    ) -> tuple[RescheduleRequest, OperationAcknowledged]:
        request = RescheduleRequest(
            key=key,
            campaign_name=campaign_name,
            when=when,
            callback_type=callback_type,
            reference_id=reference_id or new_reference_id(),
        )
        ack = await self.perform(
            key.record_handle, wire.reschedule_body(request, device_path), timeout_s=timeout_s
        )
        return request, ack
