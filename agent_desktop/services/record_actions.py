"""The record actions beyond a reschedule (issue 7): cancel a callback, mark do-not-call (the
record or the contact's whole chain), complete with a call result, reschedule on a new number.

Each action checks the agent's privilege first (nothing is sent without it) and needs the
session online. Unlike a reschedule, these actions are **not queued in the outbox**: an agent
who cancels or marks do-not-call must see it done or refused now, not find it applied later
behind their back. The row shows "sending" once the request is on the wire; the store changes
only when the server acknowledges (a finished record leaves the list); a refusal marks the row
failed with the server's reason and raises. Each settled action is written to the local history.

A mixin of :class:`agent_desktop.services.agent_session.AgentSession`: it uses the session's
state (``store``, ``local``, ``operations``, ``profile``, ``owner``, ``_online``, ``_pending``,
``_in_flight``, ``_acting``, ``_late_actions``, ...), which that class defines.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable
from zoneinfo import ZoneInfo

from agent_desktop.domain.agent import OutboundCapabilities
from agent_desktop.domain.records import CallbackType, CallingWindow, OutboundRecord, RecordKey, RecordStatus
from agent_desktop.domain.rules import RescheduleRefused, validate_reschedule
from agent_desktop.services import wire
from agent_desktop.services.errors import (
    AcknowledgementTimeout,
    AuthenticationFailed,
    CsrfRejected,
    GwsError,
    NotPermitted,
    ProtocolError,
    ServerUnreachable,
)
from agent_desktop.services.events import OperationAcknowledged, OperationFailed
from agent_desktop.services.outbound import new_reference_id
from agent_desktop.texts import QT_TRANSLATE_NOOP, Message

log = logging.getLogger("agent_desktop.services.agent_session")  # one logger for the session

# The history's names of the actions (``LocalStore.history(..., every_action=True)``).
CANCEL = "cancel"
DO_NOT_CALL = "do-not-call"
DO_NOT_CALL_CHAIN = "do-not-call-chain"
COMPLETE = "complete"
NEW_NUMBER = "new-number"

MAX_PHONE_LENGTH = 64
_WHOLE_DAY = CallingWindow(0, 86400)  # a record without a known window may be called any time


def _errors(text: str, **params: Any) -> Message:
    return Message("Errors", text, **params)


class RecordBusy(GwsError):
    """Another operation on the record is under way: one at a time."""


@dataclass(frozen=True)
class RecordAction:
    """One action under way: what was sent, and what its acknowledgement takes off the list."""

    name: str  # the history's action name
    record: OutboundRecord  # as it was when the agent acted
    reference_id: str
    body: dict[str, Any]
    requested_at: float
    detail: str = ""
    # The records the action ends (more than ``record`` for a whole-chain do-not-call).
    targets: tuple[OutboundRecord, ...] = ()

    def __post_init__(self) -> None:
        if not self.targets:
            object.__setattr__(self, "targets", (self.record,))


def _iana_name(record: OutboundRecord) -> str:
    """The contact's zone as AddRecord's ``timeZone``: an IANA name; a fixed whole-hour offset
    as ``Etc/GMT±N`` (POSIX sign: Etc/GMT+5 is UTC-5)."""
    zone = record.contact_zone
    if zone is not None and isinstance(zone.tz, ZoneInfo):
        return zone.tz.key
    offset = zone.tz.utcoffset(None) if zone is not None else None
    if offset is not None and offset % timedelta(hours=1) == timedelta(0):
        hours = int(offset / timedelta(hours=1))
        return "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"
    raise ProtocolError(_errors(QT_TRANSLATE_NOOP(
        "Errors", "The contact's time zone has no name the server knows, so a new number cannot be added.")))


class RecordActions:
    # -- the actions -------------------------------------------------------------------------
    async def cancel_callback(self, key: RecordKey) -> list[OutboundRecord]:
        """Cancel the record (CancelRecord): once acknowledged it leaves the list.

        Returns the records that left the list. Raises ``NotPermitted`` (no privilege: nothing
        sent), ``ServerUnreachable`` (offline: nothing sent, nothing queued), ``RecordBusy``,
        ``OperationRefused``/``RequestRefused`` (the row shows failed, with the server's
        reason) or ``AcknowledgementTimeout`` (the row shows unconfirmed; a late answer still
        settles it). Not queued in the outbox: it needs the server now."""
        record, device = self._action_target(key, self._capabilities().may_cancel, QT_TRANSLATE_NOOP(
            "Errors", "Your account is not allowed to cancel callbacks."))
        ref = new_reference_id()
        return await self._act(RecordAction(CANCEL, record, ref, wire.cancel_record_body(record, device, ref),
                                       time.time()))

    async def mark_do_not_call(self, key: RecordKey, *, whole_chain: bool) -> list[OutboundRecord]:
        """Mark the contact do-not-call (DoNotCallRecord): this record only, or with
        ``whole_chain`` every record of its chain (the server withdraws the others too).
        Returns the records that left the list; raises as :meth:`cancel_callback`."""
        record, device = self._action_target(key, self._capabilities().may_mark_do_not_call, QT_TRANSLATE_NOOP(
            "Errors", "Your account is not allowed to mark contacts do-not-call."))
        ref = new_reference_id()
        body = wire.do_not_call_body(record, device, ref, whole_chain=whole_chain)
        targets = (record,)
        if whole_chain and record.chain_id is not None:  # the chain as the agent sees it now
            targets += tuple(r for r in self.store if r.chain_id == record.chain_id and r.key != key
                             and r.key.application_id == key.application_id)
        return await self._act(RecordAction(DO_NOT_CALL_CHAIN if whole_chain else DO_NOT_CALL, record, ref, body,
                                            time.time(), targets=targets))

    async def complete(self, key: RecordKey, call_result: str) -> list[OutboundRecord]:
        """Complete the record with a call result (CompleteRecord): it leaves the list.
        ``call_result`` must be one the settings offer (when they name any). Returns the records
        that left the list; raises as :meth:`cancel_callback`."""
        capabilities = self._capabilities()
        record, device = self._action_target(key, capabilities.may_complete, QT_TRANSLATE_NOOP(
            "Errors", "Your account is not allowed to set call results."))
        offered = capabilities.call_result_values
        if not call_result or (offered and call_result not in offered):
            raise NotPermitted(_errors(QT_TRANSLATE_NOOP("Errors", "The call result {result} is not offered to you."),
                                       result=call_result[:40]))
        ref = new_reference_id()
        body = wire.complete_record_body(record, device, ref, call_result)
        return await self._act(RecordAction(COMPLETE, record, ref, body, time.time(), detail=call_result))

    async def reschedule_on_new_number(self, key: RecordKey, phone: str, when: datetime,
                                       callback_type: CallbackType, *,
                                       on_sent: Callable[[], None] | None = None) -> OutboundRecord:
        """Call the contact back on another number: AddRecord (the number joins the record's
        chain, in its campaign, calling list, time zone and calling window), then, once the new
        record is in the list, the normal reschedule of it (outbox and all). The server then
        ends the chain's other callbacks: the old record leaves the list when it is withdrawn.

        Returns the new record as the reschedule left it. Raises ``RescheduleRefused`` (the
        time, checked first against the old record), ``ValueError`` (an unusable number), and
        as :meth:`cancel_callback`; if the reschedule fails the old row shows failed.
        The AddRecord step is not queued in the outbox; ``on_sent`` is the reschedule's."""
        capabilities = self._capabilities()
        record, device = self._action_target(key, capabilities.may_reschedule_on_new_number, QT_TRANSLATE_NOOP(
            "Errors", "Your account is not allowed to reschedule on a new number."))
        phone = phone.strip()
        if not phone or len(phone) > MAX_PHONE_LENGTH or not any(c.isdigit() for c in phone):
            raise ValueError(_errors(QT_TRANSLATE_NOOP(
                "Errors", "Enter the new phone number (digits, at most {n} characters)."), n=MAX_PHONE_LENGTH))
        validate_reschedule(when, callback_type, now=self._clock(), record=record, capabilities=capabilities,
                            policy=self.profile.calling_policy if self.profile else None)
        if record.chain_id is None:
            raise ProtocolError(_errors(QT_TRANSLATE_NOOP(
                "Errors", "The record's chain is not known, so a new number cannot join it.")))
        new_key = await self._add_number(record, phone, device)
        self._acting.add(key)  # the old row stays "sending" until the new one is scheduled
        try:
            updated = await self.reschedule(new_key, when, callback_type, on_sent=on_sent)
        except AcknowledgementTimeout as exc:  # the reschedule is retried from the outbox
            self._mark(key, RecordStatus.UNCONFIRMED, exc.message)
            raise
        except (GwsError, RescheduleRefused) as exc:  # refused, or the time went by meanwhile
            self._mark(key, RecordStatus.FAILED, exc.message)
            raise
        finally:
            self._acting.discard(key)
        # Normally withdrawn by now (the server ends the chain's other callbacks); if it is
        # still listed (the reschedule is queued, or the server kept it) it is a callback again.
        self._mark(key, record.status, record.status_reason)
        return updated

    async def _add_number(self, record: OutboundRecord, phone: str, device: str) -> RecordKey:
        """AddRecord into ``record``'s chain; the new record's key, once it is in the store."""
        ref = new_reference_id()
        body = wire.add_record_body(record, phone=phone, time_zone=_iana_name(record),
                                    window=record.calling_window or _WHOLE_DAY, device_path=device, reference_id=ref)
        action = RecordAction(NEW_NUMBER, record, ref, body, time.time(), detail=phone)
        ack = await self._send_action(action, None)
        # The acknowledgement's name for AddRecord is not documented (gap G10): any naming a record.
        new_key = ack.added_key or ack.key
        try:
            if new_key is None:
                raise ProtocolError(_errors(QT_TRANSLATE_NOOP("Errors", "The server did not say which record it added.")))
            await self._record_history(action, "confirmed", detail=f"{phone} → {new_key.record_handle}")
            await self._wait_for_record(new_key)
        except ProtocolError as exc:
            self._mark(record.key, RecordStatus.FAILED, exc.message)
            raise
        return new_key

    # -- shared steps ------------------------------------------------------------------------
    def _capabilities(self) -> OutboundCapabilities:
        return self.profile.outbound if self.profile else OutboundCapabilities()

    def _action_target(self, key: RecordKey, allowed: bool, refusal: str) -> tuple[OutboundRecord, str]:
        """The record and the device path, once the action may be sent at all."""
        if not allowed:
            raise NotPermitted(_errors(refusal))
        record = self.store.get(key)
        if record is None:
            raise KeyError(key)
        if not self._online:
            raise ServerUnreachable(_errors(QT_TRANSLATE_NOOP(
                "Errors", "Not connected to the server: try again once you are back online.")))
        if record.calling_list is None:
            raise ProtocolError(_errors(QT_TRANSLATE_NOOP(
                "Errors", "The record's calling list is not known, so the server cannot be asked.")))
        if key in self._acting or any(p.key == key and p.reference_id in self._in_flight
                                      for p in self._pending.values()):
            raise RecordBusy(_errors(QT_TRANSLATE_NOOP(
                "Errors", "Another change of this record is under way: wait for it to finish.")))
        return record, self.device_path

    async def _act(self, action: RecordAction) -> list[OutboundRecord]:
        await self._send_action(action, action.record.key.record_handle)
        return await self._finish(action)

    async def _send_action(self, action: RecordAction, handle: int | None) -> OperationAcknowledged:
        """Send and await the acknowledgement; on anything else the row tells what happened."""
        key = action.record.key
        sent = False

        def on_sent() -> None:
            nonlocal sent
            sent = True
            if key in self._acting:  # never after the outcome
                self._mark(key, RecordStatus.SENDING, "")

        self._acting.add(key)
        try:
            return await self.operations.perform(handle, action.body, on_sent=on_sent)
        except AcknowledgementTimeout as exc:
            self._late_actions[action.reference_id] = action  # a late answer still settles it
            message = _errors(QT_TRANSLATE_NOOP(
                "Errors", "No confirmation from the server in time: it may or may not have been done."))
            self._mark(key, RecordStatus.UNCONFIRMED, message)
            raise AcknowledgementTimeout(message, exc.reference_id) from None
        except ServerUnreachable as exc:
            if sent:  # it may have reached the server: unknown, and a late answer still counts
                self._late_actions[action.reference_id] = action
                self._mark(key, RecordStatus.UNCONFIRMED, exc.message)
            self._report_trouble(exc.message)
            raise
        except (AuthenticationFailed, CsrfRejected) as exc:  # turned away at the door: not done
            self._mark(key, action.record.status, action.record.status_reason)
            self._report_trouble(exc.message)
            raise
        except GwsError as exc:  # refused (statusCode, error notification) or not understood
            await self._action_failed(action, exc.message)
            raise
        finally:
            self._acting.discard(key)

    async def _finish(self, action: RecordAction) -> list[OutboundRecord]:
        """Acknowledged: the records it ends leave the list (the server may have withdrawn some
        already); returns them as they were when the agent acted."""
        keys = {record.key for record in action.targets}
        for key in keys:
            self.store.remove(key)
        await self._drop_queued_reschedules(keys)
        await self._record_history(action, "confirmed")
        return list(action.targets)

    async def _action_failed(self, action: RecordAction, reason: str) -> None:
        self._mark(action.record.key, RecordStatus.FAILED, reason)
        await self._record_history(action, "failed", reason)

    async def _record_history(self, action: RecordAction, result: str, reason: str = "", *,
                              detail: str | None = None) -> None:
        # The key only: the detail may be a phone number, which is no business of a log file.
        log.info("%s of %s: %s %s", action.name, action.record.key, result, reason)
        if self.local is not None:
            record = action.record
            await self.local.add_history(self.owner, record.key, action.name, action.reference_id,
                                         requested_at=action.requested_at, result=result, reason=reason,
                                         detail=action.detail if detail is None else detail,
                                         previous_at=record.scheduled_at)

    async def _drop_queued_reschedules(self, keys: set[RecordKey]) -> None:
        """Reschedules still waiting in the outbox for records that are gone: never send them."""
        for pending in [p for p in self._pending.values() if p.key in keys and p.reference_id not in self._in_flight]:
            self._pending.pop(pending.reference_id, None)
            if self.local is not None:
                await self.local.settle(pending, "superseded", "the record was finished")

    async def _wait_for_record(self, key: RecordKey) -> None:
        """The server pushes a new record before acknowledging it; wait for it all the same."""
        self._flush_pushed()
        if key in self.store:
            return
        arrived = asyncio.Event()
        stop = self.store.subscribe(lambda changes: arrived.set())
        try:
            async with asyncio.timeout(self.operations.ack_timeout_s):
                while key not in self.store:
                    arrived.clear()
                    await arrived.wait()
        except TimeoutError:
            raise ProtocolError(_errors(QT_TRANSLATE_NOOP(
                "Errors", "The server added the new number but did not send its record."))) from None
        finally:
            stop()

    async def _settle_action_late(self, action: RecordAction, event: OperationAcknowledged | OperationFailed) -> None:
        """An answer after the action timed out (or its connection was cut)."""
        if isinstance(event, OperationFailed):
            await self._action_failed(action, event.message)
        elif action.name == NEW_NUMBER:
            # The number was added after all; its record is in the list (pushed) for the agent
            # to schedule. The old record is a callback again.
            self._mark(action.record.key, action.record.status, action.record.status_reason)
            await self._record_history(action, "confirmed")
        else:
            await self._finish(action)
