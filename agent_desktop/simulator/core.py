"""The simulated contact center: contact-center sessions, outcomes of outbound operations, and
personal callbacks coming due. Owns the world, the Bayeux server, the scheduler and the journal.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from typing import Any, Optional

from . import messages
from .auth import Authenticator
from .bayeux import BayeuxServer
from .config import SimulatorConfig
from .demo_data import generate_world
from .journal import Journal
from .operations import CALL_RESULTS, OutboundRequest
from .scheduler import Scheduler
from .state import (STATUS_CANCELLED, STATUS_DO_NOT_CALL, STATUS_PROCESSED, STATUS_REJECTED,
                    STATUS_SCHEDULED, USER_STATE_LOGGED_OUT, USER_STATE_READY, Agent, Record)
from .timeutil import in_daily_window, local_seconds_after_midnight, utc_iso

log = logging.getLogger(__name__)

# Asynchronous error codes of refused outbound operations (docs/simulator.md; gap G2).
ERR_UNKNOWN_RECORD = 101
ERR_NOT_ASSIGNED = 102
ERR_IN_THE_PAST = 103
ERR_OUTSIDE_WINDOW = 104
ERR_MISMATCH = 105
ERR_NOT_ACTIVE = 106

# What each successful operation leaves the record as.
_FINAL_STATUS = {"CompleteRecord": STATUS_PROCESSED, "RejectRecord": STATUS_REJECTED,
                 "CancelRecord": STATUS_CANCELLED, "DoNotCallRecord": STATUS_DO_NOT_CALL}


class OutcomeError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _hhmm(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


class SimCore:
    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self.password = config.password or secrets.token_urlsafe(12)
        self.world = generate_world(config.seed, config.agents, config.records_per_agent,
                                    time.time())
        self.auth = Authenticator(self.world.usernames, self.password)
        self.bayeux = BayeuxServer(config.long_poll_timeout_ms, config.max_interval_ms)
        self.scheduler = Scheduler(self._on_due)
        self.journal = Journal(config.journal)
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._pending: dict[asyncio.Handle, OutboundRequest] = {}

    # -- life cycle -------------------------------------------------------------------------

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self.bayeux.start(loop)
        for record in self.world.records.values():
            self._reschedule_timer(record)
        self.scheduler.start(loop)

    def release_clients(self) -> None:
        """First step of stopping: answer held long polls so the HTTP server can stop at once."""
        self.bayeux.close()

    async def close(self) -> None:
        self.scheduler.close()
        for handle, request in list(self._pending.items()):
            handle.cancel()
            self._journal_outcome(request, "not delivered: simulator stopped")
        self._pending.clear()
        await asyncio.to_thread(self.journal.close)

    # -- contact-center session -------------------------------------------------------------

    def start_contact_center_session(self, agent: Agent) -> None:
        """Log the agent in on its device and push its records (push-preview campaign).

        A second start pushes everything again, which lets a client rebuild its list.
        """
        agent.cc_session_active = True
        agent.device_state = "Active"
        agent.user_state = dict(USER_STATE_READY)
        now = time.time()
        batch = [messages.device_state_change(agent)]
        records = sorted((r for r in self.world.records_of(agent.username)
                          if r.status == STATUS_SCHEDULED), key=lambda r: (r.scheduled, r.handle))
        batch += [messages.record_notification(r, agent, "PreviewRecord", now) for r in records]
        # Personal callbacks that came due while the agent was away follow their previews.
        missed = [r for r in records
                  if r.callback_type == "Personal" and r.scheduled <= now and not r.due_delivered]
        batch += [messages.record_notification(r, agent, "ScheduledCall", now) for r in missed]
        if self.bayeux.has_listener(agent.username, messages.OUTBOUND_CHANNEL):
            for record in missed:
                record.delivered_for = record.scheduled
        reached = self.bayeux.deliver(agent.username, batch)
        log.info("%s started a contact-center session: %d records pushed to %d CometD client(s)",
                 agent.username, len(records), reached)

    def end_contact_center_session(self, agent: Agent) -> None:
        agent.cc_session_active = False
        agent.device_state = "Inactive"
        agent.user_state = dict(USER_STATE_LOGGED_OUT)
        self.bayeux.deliver(agent.username, [messages.device_state_change(agent)])
        log.info("%s ended the contact-center session", agent.username)

    # -- outbound operations ----------------------------------------------------------------

    def submit(self, request: OutboundRequest) -> None:
        """Accepted by REST: publish the outcome after the configured acknowledgement delay."""
        assert self._loop is not None
        delay = self.config.ack_delay_ms / 1000

        def run() -> None:
            self._pending.pop(handle, None)
            self._outcome(request)

        handle: asyncio.Handle
        if delay > 0:
            handle = self._loop.call_later(delay, run)
        else:
            handle = self._loop.call_soon(run)
        self._pending[handle] = request

    def _outcome(self, request: OutboundRequest) -> None:
        agent = self.world.agents[request.username]
        record = self.world.records.get(request.handle)
        params = request.params
        try:
            record = self._check(request, record)
            self._apply(request, record)
        except OutcomeError as error:
            own = record is not None and record.agent == request.username
            calling_list = params.get("callingList",
                                      record.campaign.calling_list if own and record else "")
            batch = messages.error_notification(
                request.handle, params["applicationId"], params["campaignName"], calling_list,
                params["devicePath"], agent.device_id, request.reference_id, error.code,
                error.message, request.received_ns)
            verdict = f"error {error.code}: {error.message}"
        else:
            batch = messages.acknowledgement(request.operation, record, params["devicePath"],
                                             agent.device_id, request.reference_id,
                                             request.received_ns)
            verdict = "acknowledged"
        # Both messages in one call: they land in the same long-poll reply.
        reached = self.bayeux.deliver(request.username, batch)
        if not reached:
            log.warning("%s of %s: no CometD client of %s to tell (%s)", request.operation,
                        request.handle, request.username, verdict)
        self._journal_outcome(request, verdict)

    def _journal_outcome(self, request: OutboundRequest, verdict: str) -> None:
        self.journal.write(request.username, request.operation, request.handle, request.body,
                           verdict)

    def _check(self, request: OutboundRequest, record: Optional[Record]) -> Record:
        params = request.params
        if record is None:
            raise OutcomeError(ERR_UNKNOWN_RECORD, f"Record {request.handle} is unknown")
        if record.agent != request.username:
            raise OutcomeError(ERR_NOT_ASSIGNED,
                               f"Record {request.handle} is not assigned to {request.username}")
        if record.status != STATUS_SCHEDULED:
            raise OutcomeError(ERR_NOT_ACTIVE, f"Record {request.handle} is no longer active "
                                               f"(it was {record.status.replace('_', ' ')})")
        campaign = record.campaign
        if params["applicationId"] != campaign.application_id:
            raise OutcomeError(ERR_MISMATCH, f"applicationId {params['applicationId']} does not "
                                             f"match the record's application {campaign.application_id}")
        if params["campaignName"] != campaign.name:
            raise OutcomeError(ERR_MISMATCH, f"Campaign {params['campaignName']!r} does not match "
                                             f"the record's campaign {campaign.name!r}")
        if "callingList" in params and params["callingList"] != campaign.calling_list:
            raise OutcomeError(ERR_MISMATCH, f"Calling list {params['callingList']!r} does not "
                                             f"match the record's list {campaign.calling_list!r}")
        if request.operation == "RescheduleRecord":
            self._check_time(params["timestamp"], record)
        return record

    @staticmethod
    def _check_time(timestamp: int, record: Record) -> None:
        if timestamp < int(time.time()):
            raise OutcomeError(ERR_IN_THE_PAST, "The requested time is in the past")
        zone = record.zone
        if not in_daily_window(timestamp, zone, record.daily_from, record.daily_until):
            local = _hhmm(local_seconds_after_midnight(timestamp, zone))
            raise OutcomeError(
                ERR_OUTSIDE_WINDOW,
                f"The requested time {local} ({record.time_zone}) is outside the contact's "
                f"calling window {_hhmm(record.daily_from)}-{_hhmm(record.daily_until)}")

    def _apply(self, request: OutboundRequest, record: Record) -> None:
        params = request.params
        if request.operation == "RescheduleRecord":
            self.set_schedule(record, params["timestamp"], params["callbackType"])
            return
        if request.operation == "CompleteRecord" and "callResult" in params:
            record.call_result = CALL_RESULTS[params["callResult"]]
        record.status = _FINAL_STATUS[request.operation]
        self.scheduler.cancel(record.handle)

    # -- scheduled callbacks ----------------------------------------------------------------

    def set_schedule(self, record: Record, timestamp: int, callback_type: str) -> None:
        """Last write wins (gap G13); a new time may be delivered again when it comes due."""
        record.scheduled = timestamp
        record.callback_type = callback_type
        record.delivered_for = None
        self._reschedule_timer(record)

    def _reschedule_timer(self, record: Record) -> None:
        # Only personal callbacks come to the agent; campaign ones go back to the campaign.
        if record.status == STATUS_SCHEDULED and record.callback_type == "Personal":
            self.scheduler.schedule(record.handle, record.scheduled)
        else:
            self.scheduler.cancel(record.handle)

    def _on_due(self, handle: Any) -> None:
        record = self.world.records.get(handle)
        if record is None or record.status != STATUS_SCHEDULED or record.callback_type != "Personal":
            return
        agent = self.world.agents[record.agent]
        if not agent.cc_session_active:
            return  # delivered at the agent's next StartContactCenterSession
        if not self.bayeux.has_listener(agent.username, messages.OUTBOUND_CHANNEL):
            return  # nobody listens: delivered at the next StartContactCenterSession
        note = messages.record_notification(record, agent, "ScheduledCall", time.time())
        self.bayeux.deliver(agent.username, [note])
        record.delivered_for = record.scheduled
        log.info("personal callback %d delivered to %s", handle, agent.username)

    # -- views for the admin endpoints ------------------------------------------------------

    def record_view(self, record: Record) -> dict[str, Any]:
        campaign = record.campaign
        return {
            "handle": record.handle, "agent": record.agent, "status": record.status,
            "applicationId": campaign.application_id, "campaignName": campaign.name,
            "callingList": campaign.calling_list, "callbackType": record.callback_type,
            "recordType": record.record_type, "scheduled": record.scheduled,
            "scheduledUtc": utc_iso(record.scheduled),
            "timeZone": record.time_zone, "dailyFrom": record.daily_from,
            "dailyUntil": record.daily_until, "phone": record.phone,
            "contactName": record.contact_name, "accountNumber": record.account_number,
            "callResult": record.call_result, "dueDelivered": record.due_delivered,
        }
