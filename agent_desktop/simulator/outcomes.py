"""What an accepted outbound operation does to the world when its outcome comes (OCS's side):
the checks made then (asynchronous error codes 101-107, docs/simulator.md) and the changes.

Beyond its own record an operation may take other records back from the agent (a reschedule
ends the chain's other callbacks; do-not-call on the whole chain) or add one (AddRecord); the
``Effect`` says which, so that the caller can tell the agent.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Optional

from .operations import OutboundRequest
from .scheduler import Scheduler
from .settings import CALL_RESULTS
from .state import (STATUS_CANCELLED, STATUS_CHAIN_UPDATED, STATUS_DO_NOT_CALL, STATUS_PROCESSED,
                    STATUS_REJECTED, STATUS_SCHEDULED, Campaign, Record, World)
from .timeutil import in_daily_window, local_seconds_after_midnight

ERR_UNKNOWN_RECORD = 101
ERR_NOT_ASSIGNED = 102
ERR_IN_THE_PAST = 103
ERR_OUTSIDE_WINDOW = 104
ERR_MISMATCH = 105
ERR_NOT_ACTIVE = 106
ERR_UNKNOWN_CHAIN = 107

# What each successful operation leaves the record as.
_FINAL_STATUS = {"CompleteRecord": STATUS_PROCESSED, "RejectRecord": STATUS_REJECTED,
                 "CancelRecord": STATUS_CANCELLED, "DoNotCallRecord": STATUS_DO_NOT_CALL}


class OutcomeError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Effect:
    """What an applied operation did: ``record`` is the one its acknowledgement names (the new
    record for AddRecord), ``added`` whether it is new, ``withdrawn`` the other records the
    agent loses (each gets a RecordCancel)."""

    record: Record
    added: bool = False
    withdrawn: list[Record] = field(default_factory=list)


def _hhmm(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


class RecordKeeper:
    """Checks and applies outcomes on the shared world; arms due personal callbacks."""

    def __init__(self, world: World, scheduler: Scheduler) -> None:
        self.world = world
        self.scheduler = scheduler

    # -- checks -----------------------------------------------------------------------------

    def check(self, request: OutboundRequest) -> Optional[Record]:
        """The record the operation acts on (None for AddRecord); OutcomeError if refused."""
        if request.operation == "AddRecord":
            self._check_new_record(request)
            return None
        record = self.world.records.get(request.handle) if request.handle is not None else None
        params = request.params
        if record is None:
            raise OutcomeError(ERR_UNKNOWN_RECORD, f"Record {request.handle} is unknown")
        if record.agent != request.username:
            raise OutcomeError(ERR_NOT_ASSIGNED,
                               f"Record {request.handle} is not assigned to {request.username}")
        if record.status != STATUS_SCHEDULED:
            raise OutcomeError(ERR_NOT_ACTIVE, f"Record {request.handle} is no longer active "
                                               f"(it was {record.status.replace('_', ' ')})")
        self._check_campaign(params, record.campaign, "the record's")
        if request.operation == "RescheduleRecord":
            self._check_time(params["timestamp"], record)
        return record

    @staticmethod
    def _check_campaign(params: dict, campaign: Campaign, whose: str) -> None:
        if params["applicationId"] != campaign.application_id:
            raise OutcomeError(ERR_MISMATCH, f"applicationId {params['applicationId']} does not "
                                             f"match {whose} application {campaign.application_id}")
        if params["campaignName"] != campaign.name:
            raise OutcomeError(ERR_MISMATCH, f"Campaign {params['campaignName']!r} does not match "
                                             f"{whose} campaign {campaign.name!r}")
        if "callingList" in params and params["callingList"] != campaign.calling_list:
            raise OutcomeError(ERR_MISMATCH, f"Calling list {params['callingList']!r} does not "
                                             f"match {whose} list {campaign.calling_list!r}")

    def _check_new_record(self, request: OutboundRequest) -> None:
        params = request.params
        chain_id = params.get("chainId")
        if chain_id is None:
            campaign = self._campaign_named(params["campaignName"])
            self._check_campaign(params, campaign, "the campaign's")
            return
        founder = self.world.records.get(chain_id)
        # A chain's id is the handle of its first record; only the agent's own chains grow.
        if founder is None or founder.chain_id != chain_id:
            raise OutcomeError(ERR_UNKNOWN_CHAIN, f"Chain {chain_id} is unknown")
        if founder.agent != request.username:
            raise OutcomeError(ERR_UNKNOWN_CHAIN,
                               f"Chain {chain_id} is not assigned to {request.username}")
        self._check_campaign(params, founder.campaign, "the chain's")

    def _campaign_named(self, name: str) -> Campaign:
        for campaign in self.world.campaigns:
            if campaign.name == name:
                return campaign
        raise OutcomeError(ERR_MISMATCH, f"Campaign {name!r} is not loaded")

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

    # -- changes ----------------------------------------------------------------------------

    def apply(self, request: OutboundRequest, record: Optional[Record]) -> Effect:
        params = request.params
        if request.operation == "AddRecord":
            return Effect(self._add_record(request), added=True)
        assert record is not None
        if request.operation == "RescheduleRecord":
            self.set_schedule(record, params["timestamp"], params["callbackType"])
            # The chain's other callbacks of the agent end: the rescheduled record is the one
            # to call (OCS record_status ChainUpdated).
            return Effect(record, withdrawn=self._end_chain(record, STATUS_CHAIN_UPDATED))
        if request.operation == "CompleteRecord" and "callResult" in params:
            record.call_result = CALL_RESULTS[params["callResult"]]
        withdrawn = []
        if request.operation == "DoNotCallRecord" and params.get("chainAttribute") == "AllChain":
            withdrawn = self._end_chain(record, STATUS_DO_NOT_CALL)
        record.status = _FINAL_STATUS[request.operation]
        self.scheduler.cancel(record.handle)
        return Effect(record, withdrawn=withdrawn)

    def _end_chain(self, record: Record, status: str) -> list[Record]:
        """The other active records of ``record``'s chain of the same agent get ``status``."""
        ended = [r for r in self.world.chain_of(record)
                 if r is not record and r.agent == record.agent and r.status == STATUS_SCHEDULED]
        for other in ended:
            other.status = status
            self.scheduler.cancel(other.handle)
        return ended

    def _add_record(self, request: OutboundRequest) -> Record:
        """A new record for the caller, ready at once for the campaign (a campaign record due
        now) until the agent reschedules it; it joins chain ``chainId`` or starts its own."""
        params = request.params
        world = self.world
        handle = world.next_handle
        chain_id = params.get("chainId")
        founder = world.records[chain_id] if chain_id is not None else None
        campaign = founder.campaign if founder else self._campaign_named(params["campaignName"])
        other = dict(params.get("otherFields") or {})
        record = Record(
            handle, request.username, campaign, params["phoneNumber"], params["timeZone"],
            params["from"], params["until"], "Campaign", int(time.time()),
            founder.contact_name if founder else str(other.get("contact_name", "")),
            founder.account_number if founder else str(other.get("account_number", "")),
            0, CALL_RESULTS["Unknown"],
            (founder.attempt_guid[:20] if founder else "0" * 20) + f"{handle:012d}",
            chain=handle if chain_id is None else chain_id, other_fields=other or None)
        world.add(record)
        return record

    # -- scheduled callbacks ----------------------------------------------------------------

    def set_schedule(self, record: Record, timestamp: int, callback_type: str) -> None:
        """Last write wins (gap G13); a new time may be delivered again when it comes due."""
        record.scheduled = timestamp
        record.callback_type = callback_type
        record.delivered_for = None
        self.rearm(record)

    def rearm(self, record: Record) -> None:
        # Only personal callbacks come to the agent; campaign ones go back to the campaign.
        if record.status == STATUS_SCHEDULED and record.callback_type == "Personal":
            self.scheduler.schedule(record.handle, record.scheduled)
        else:
            self.scheduler.cancel(record.handle)
