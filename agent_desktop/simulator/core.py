"""The simulated contact center behind every GWS node (OCS's side): contact-center sessions,
outcomes of outbound operations, personal callbacks coming due.

``SimCore`` owns what all nodes share and what survives a node restart: the world (agents,
devices, records), the applied referenceIds, the scheduler, the journal and the fault switches.
Node-local state (HTTP sessions, CometD clients, contact-center sessions) is in ``node.Node``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Any, Optional

from . import messages, settings
from .bayeux import BayeuxClient, encode
from .config import SimulatorConfig
from .demo_data import generate_world
from .faults import FaultInjector
from .journal import Journal
from .node import Node
from .operations import OutboundRequest
from .outcomes import Effect, OutcomeError, RecordKeeper
from .scheduler import Scheduler
from .state import (STATUS_SCHEDULED, USER_STATE_LOGGED_OUT, USER_STATE_NOT_READY,
                    USER_STATE_READY, Agent, Record)
from .timeutil import utc_iso

log = logging.getLogger(__name__)

# Records encoded and queued per step of a StartContactCenterSession push. A push of at most
# this many records is queued at once, before the HTTP reply (as one batch); a larger one goes
# on in the background, one step per event-loop iteration, so that the reply is immediate and
# other clients keep being served (docs/simulator.md "Large pushes"). ~2 ms a step: with 1000
# (~10 ms), each long poll waited behind several steps and the client got ~10,000 records/s
# while the push lasted (~2 s for 100,000) instead of all it could take.
PUSH_CHUNK = 200
# Records sorted into time buckets per step of a background push (cheaper than encoding).
_BUCKET_CHUNK = 5000

_USER_STATES = {"Ready": USER_STATE_READY, "NotReady": USER_STATE_NOT_READY,
                "LoggedOut": USER_STATE_LOGGED_OUT}


@dataclass
class _Pending:
    """An accepted operation waiting for its outcome, and the node (generation) that took it."""

    request: OutboundRequest
    node: Node
    generation: int


@dataclass(frozen=True)
class _Applied:
    """What an applied operation with a referenceId was, to recognise a retry of it: its agent,
    name and the parameters that make it another request when they differ."""

    username: str
    operation: str
    values: tuple
    added_handle: Optional[int] = None  # AddRecord: the record it made

    def same_request(self, other: "_Applied") -> bool:
        return (self.username, self.operation, self.values) == \
            (other.username, other.operation, other.values)


_DEFINING_PARAMS = {"RescheduleRecord": ("timestamp", "callbackType"),
                    "AddRecord": ("phoneNumber", "chainId", "campaignName", "callingList")}


def _fingerprint(request: OutboundRequest, added_handle: Optional[int] = None) -> _Applied:
    names = _DEFINING_PARAMS.get(request.operation, ())
    return _Applied(request.username, request.operation,
                    tuple(request.params.get(n) for n in names), added_handle)


class SimCore:
    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self.password = config.password or secrets.token_urlsafe(12)
        self.world = generate_world(config.seed, config.agents, config.records_per_agent,
                                    time.time())
        self.scheduler = Scheduler(self._on_due)
        self.keeper = RecordKeeper(self.world, self.scheduler)
        holidays = config.holidays
        if holidays is None:
            holidays = settings.demo_holidays(
                dt.datetime.fromtimestamp(self.world.started_at, dt.timezone.utc).date())
        # settings["interaction-workspace"] of every agent (the same for all).
        self.interaction_workspace = settings.interaction_workspace(
            config.denied_privileges, config.callback_types, config.call_result_values,
            config.campaign_hours, config.calling_days, holidays)
        self.journal = Journal(config.journal)
        seed = config.seed if config.fault_seed is None else config.fault_seed
        self.faults = FaultInjector(config.faults, seed)
        self.nodes: list[Node] = [
            Node(i, self.world.usernames, self.password, config.long_poll_timeout_ms,
                 config.max_interval_ms)
            for i in range(config.nodes)]
        # (record handle, referenceId) -> the applied operation (idempotent retries); the handle
        # is None for AddRecord. Shared by all nodes and kept across restarts, like OCS's state.
        self.applied: dict[tuple[Optional[int], str], _Applied] = {}
        self.counters = {"outcomes": 0, "duplicates": 0, "acks_lost_to_restart": 0,
                         "node_stops": 0}
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._pending: dict[asyncio.TimerHandle, _Pending] = {}
        # (node index, username) -> the background push of a StartContactCenterSession.
        self._pushes: dict[tuple[int, str], asyncio.Task] = {}
        self.push_chunk = PUSH_CHUNK
        # Loop time of each agent's last scheduled outcome: jitter never reorders an agent's.
        self._last_outcome_at: dict[str, float] = {}

    # -- life cycle -------------------------------------------------------------------------

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        for record in self.world.records.values():
            self.keeper.rearm(record)
        self.scheduler.start(loop)

    async def close(self) -> None:
        self.scheduler.close()
        self._cancel_pushes(lambda key: True)
        for handle, pending in list(self._pending.items()):
            handle.cancel()
            self._journal_outcome(pending, "not delivered: simulator stopped")
        self._pending.clear()
        await asyncio.to_thread(self.journal.close)

    def node_reset(self, node: Node) -> None:
        """A node stopped listening: it forgets its sessions and clients; devices of agents that
        have no contact-center session left on any node log out."""
        lost = node.reset()
        self._cancel_pushes(lambda key: key[0] == node.index)
        self.counters["node_stops"] += 1
        for username in lost:
            self._refresh_agent(self.world.agents[username])

    # -- journal ----------------------------------------------------------------------------

    def journal_write(self, node: Optional[Node], user: Optional[str], operation: Optional[str],
                      handle: Any, body: Any, verdict: str, **extra: Any) -> None:
        if not self.journal.enabled:
            return
        if node is not None and len(self.nodes) > 1:
            extra = {"node": node.index, **extra}
        self.journal.write(user, operation, handle, body, verdict, extra or None)

    # -- contact-center session -------------------------------------------------------------

    def _refresh_agent(self, agent: Agent) -> None:
        """The device is logged in while the agent has a contact-center session on any node."""
        active = any(agent.username in n.cc_sessions for n in self.nodes)
        agent.cc_session_active = active
        agent.device_state = "Active" if active else "Inactive"
        agent.user_state = dict(USER_STATE_READY if active else USER_STATE_LOGGED_OUT)

    def start_contact_center_session(self, agent: Agent, node: Node) -> None:
        """Log the agent in on its device and push its records (push-preview campaign) to its
        CometD clients on ``node``: the device state, a PreviewRecord per active record by
        scheduled time, then a ScheduledCall per personal callback that came due meanwhile.

        The clients are those of the agent on ``node`` at this moment. Up to ``push_chunk``
        records everything is queued now, as one batch; a larger push continues in the
        background (``_push``). A second start pushes everything again (a client can rebuild
        its list), and stops a push of the first that is still going on.
        """
        node.cc_sessions.add(agent.username)
        self._refresh_agent(agent)
        key = (node.index, agent.username)
        self._cancel_pushes(lambda k: k == key)
        now = time.time()
        clients = node.bayeux.clients_of(agent.username)
        state = messages.device_state_change(agent)
        node.bayeux.deliver_encoded(clients, [(state["channel"], encode(state))])
        own = self.world.by_agent.get(agent.username, [])
        if len(own) <= self.push_chunk:
            records = sorted((r for r in own if r.status == STATUS_SCHEDULED),
                             key=lambda r: (r.scheduled, r.handle))
            encoder = messages.RecordEncoder(agent, now)
            count = self._queue_records(node, encoder, clients, records)
            self._queue_missed(node, encoder, clients, records, now)
            log.info("%s started a contact-center session on node %d: %d records pushed to %d "
                     "CometD client(s)", agent.username, node.index, count,
                     sum(1 for c in clients if c.removed is None))
            return
        assert self._loop is not None
        task = self._loop.create_task(self._push(node, agent, clients, own, now))
        self._pushes[key] = task
        task.add_done_callback(lambda done: self._push_done(key, done))

    @staticmethod
    def _queue_records(node: Node, encoder: messages.RecordEncoder, clients: list[BayeuxClient],
                       records: list[Record]) -> int:
        """Queue PreviewRecords of the still active ``records``; returns how many."""
        active = [r for r in records if r.status == STATUS_SCHEDULED]
        if active and clients:
            texts = encoder.encode_all(active, "PreviewRecord")
            node.bayeux.deliver_encoded(
                clients, [(messages.OUTBOUND_CHANNEL, t) for t in texts])
        return len(active)

    @staticmethod
    def _queue_missed(node: Node, encoder: messages.RecordEncoder, clients: list[BayeuxClient],
                      records: list[Record], now: float) -> None:
        """Personal callbacks that came due while the agent was away follow their previews."""
        missed = [r for r in records if r.status == STATUS_SCHEDULED
                  and r.callback_type == "Personal" and r.scheduled <= now and not r.due_delivered]
        if not missed:
            return
        texts = encoder.encode_all(missed, "ScheduledCall")
        reached = node.bayeux.deliver_encoded(
            clients, [(messages.OUTBOUND_CHANNEL, t) for t in texts])
        if reached:
            for record in missed:
                record.delivered_for = record.scheduled

    async def _push(self, node: Node, agent: Agent, clients: list[BayeuxClient],
                    own: list[Record], now: float) -> None:
        """A large push, a step per loop iteration: sort the active records into buckets by
        scheduled time (handle order inside each, as ``own`` is in handle order), then queue
        ``push_chunk`` PreviewRecords a step, then the ScheduledCalls of missed callbacks.
        Records are encoded as they are when queued; those finished meanwhile are left out."""
        buckets: dict[int, list[Record]] = {}
        for start in range(0, len(own), _BUCKET_CHUNK):
            for record in own[start:start + _BUCKET_CHUNK]:
                if record.status == STATUS_SCHEDULED:
                    bucket = buckets.get(record.scheduled)
                    if bucket is None:
                        buckets[record.scheduled] = [record]
                    else:
                        bucket.append(record)
            await asyncio.sleep(0)
        ordered: list[Record] = []
        for when in sorted(buckets):
            ordered.extend(buckets[when])
        del buckets
        encoder = messages.RecordEncoder(agent, now)
        count = 0
        due: list[Record] = []   # personal callbacks already due when the session started
        for start in range(0, len(ordered), self.push_chunk):
            if all(c.removed is not None for c in clients):
                break  # nobody left to tell
            chunk = ordered[start:start + self.push_chunk]
            count += self._queue_records(node, encoder, clients, chunk)
            due += [r for r in chunk if r.scheduled <= now and r.callback_type == "Personal"]
            await asyncio.sleep(0)
        self._queue_missed(node, encoder, clients, due, now)
        log.info("%s started a contact-center session on node %d: %d records pushed to %d "
                 "CometD client(s)", agent.username, node.index, count,
                 sum(1 for c in clients if c.removed is None))

    def _push_done(self, key: tuple[int, str], task: "asyncio.Task[None]") -> None:
        if self._pushes.get(key) is task:
            del self._pushes[key]
        if not task.cancelled() and task.exception() is not None:
            log.error("pushing the records of %s failed", key[1], exc_info=task.exception())

    def _cancel_pushes(self, which: Any) -> None:
        for key in [k for k in self._pushes if which(k)]:
            self._pushes.pop(key).cancel()

    @property
    def pushes_in_progress(self) -> int:
        return len(self._pushes)

    def end_contact_center_session(self, agent: Agent) -> None:
        """Ends the agent's contact-center session on every node (the device logs out)."""
        for node in self.nodes:
            node.cc_sessions.discard(agent.username)
        self._cancel_pushes(lambda key: key[1] == agent.username)
        self._refresh_agent(agent)
        for node in self.nodes:
            node.bayeux.deliver(agent.username, [messages.device_state_change(agent)])
        log.info("%s ended the contact-center session", agent.username)

    # -- outbound operations ----------------------------------------------------------------

    def submit(self, request: OutboundRequest, node: Node) -> None:
        """Accepted by REST on ``node``: the outcome comes after the acknowledgement delay."""
        assert self._loop is not None
        at = self._loop.time() + self.faults.ack_delay_s()
        # Strictly after the agent's previous outcome: jitter must not reorder them.
        at = max(at, self._last_outcome_at.get(request.username, 0.0) + 1e-6)
        self._last_outcome_at[request.username] = at
        pending = _Pending(request, node, node.generation)

        def run() -> None:
            self._pending.pop(handle, None)
            self._outcome(pending)

        handle = self._loop.call_at(at, run)
        self._pending[handle] = pending

    def _applied_key(self, request: OutboundRequest) -> Optional[tuple[Optional[int], str]]:
        reference_id = request.reference_id
        return None if reference_id is None else (request.handle, reference_id)

    def _duplicate_of(self, request: OutboundRequest) -> Optional[_Applied]:
        """The applied operation this request repeats (same referenceId and values), if any."""
        key = self._applied_key(request)
        applied = self.applied.get(key) if key is not None else None
        if applied is not None and applied.same_request(_fingerprint(request)):
            return applied
        return None

    def _outcome(self, pending: _Pending) -> None:
        request = pending.request
        agent = self.world.agents[request.username]
        extra: dict[str, Any] = {}
        self.counters["outcomes"] += 1
        duplicate = self._duplicate_of(request)
        if duplicate is not None:
            batch = self._repeat(request, agent, duplicate)
            verdict = "acknowledged"
            extra["duplicate"] = True
            self.counters["duplicates"] += 1
        else:
            batch, verdict = self._apply_outcome(request, agent)
        node = pending.node
        if node.generation != pending.generation:
            # The node that took the request restarted since: its clients are gone.
            extra["dropped"] = "node restarted"
            self.counters["acks_lost_to_restart"] += 1
        elif self.faults.drop_outcome():
            extra["dropped"] = "drop_ack_rate"
        else:
            # One call: the messages land in the same long-poll reply, in this order.
            reached = node.bayeux.deliver(request.username, batch)
            if not reached:
                log.warning("%s of %s: no CometD client of %s on node %d to tell (%s)",
                            request.operation, request.handle, request.username, node.index,
                            verdict)
        if "dropped" in extra:
            log.info("%s of %s (%s): outcome not published (%s)", request.operation,
                     request.handle, verdict, extra["dropped"])
        self._journal_outcome(pending, verdict, **extra)

    def _repeat(self, request: OutboundRequest, agent: Agent,
                applied: _Applied) -> list[dict[str, Any]]:
        """A retry of an applied operation: acknowledged again, in the same shape, not applied
        again (an AddRecord's record is pushed again if still active: the first push may have
        been lost with its acknowledgement)."""
        params = request.params
        handle = applied.added_handle if applied.added_handle is not None else request.handle
        record = self.world.records[handle]
        batch = []
        if applied.added_handle is not None and record.status == STATUS_SCHEDULED:
            batch.append(messages.record_notification(record, agent, "PreviewRecord", time.time()))
        return batch + messages.acknowledgement(
            request.operation, record, params["devicePath"], agent.device_id,
            request.reference_id, request.received_ns,
            scheduled=params.get("timestamp"), callback_type=params.get("callbackType"))

    def _apply_outcome(self, request: OutboundRequest,
                       agent: Agent) -> tuple[list[dict[str, Any]], str]:
        """Check and apply; the messages to publish and the journal verdict."""
        params = request.params
        try:
            effect = self.keeper.apply(request, self.keeper.check(request))
        except OutcomeError as error:
            record = self.world.records.get(request.handle) if request.handle is not None else None
            own = record is not None and record.agent == request.username
            calling_list = params.get("callingList",
                                      record.campaign.calling_list if own and record else "")
            batch = messages.error_notification(
                request.handle, params["applicationId"], params["campaignName"], calling_list,
                params["devicePath"], agent.device_id, request.reference_id, error.code,
                error.message, request.received_ns, phone_number=params.get("phoneNumber"))
            return batch, f"error {error.code}: {error.message}"
        key = self._applied_key(request)
        if key is not None:
            self.applied[key] = _fingerprint(
                request, effect.record.handle if effect.added else None)
        return self._effect_messages(request, agent, effect), "acknowledged"

    @staticmethod
    def _effect_messages(request: OutboundRequest, agent: Agent,
                         effect: Effect) -> list[dict[str, Any]]:
        """A new record comes before the acknowledgement that names it, and the records taken
        back before the acknowledgement of what took them: a client reading in order knows the
        outcome whole when the acknowledgement arrives."""
        batch = [messages.record_cancel(record, agent) for record in effect.withdrawn]
        if effect.added:
            batch.append(messages.record_notification(effect.record, agent, "PreviewRecord",
                                                      time.time()))
        return batch + messages.acknowledgement(
            request.operation, effect.record, request.params["devicePath"], agent.device_id,
            request.reference_id, request.received_ns)

    def _journal_outcome(self, pending: _Pending, verdict: str, **extra: Any) -> None:
        request = pending.request
        self.journal_write(pending.node, request.username, request.operation, request.handle,
                           request.body, verdict, **extra)

    # -- scheduled callbacks and the agent's state ------------------------------------------

    def set_schedule(self, record: Record, timestamp: int, callback_type: str) -> None:
        """Move a record's time (the /sim/set-schedule test aid: no GWS checks)."""
        self.keeper.set_schedule(record, timestamp, callback_type)

    def set_user_state(self, agent: Agent, state: str) -> None:
        """The /sim/agent-state test aid: the device's user state becomes ``state`` (Ready,
        NotReady, LoggedOut), told to the agent's clients on every node. The next
        contact-center session change sets it again (Start: Ready, End: LoggedOut)."""
        agent.user_state = dict(_USER_STATES[state])
        agent.device_state = "Inactive" if state == "LoggedOut" else "Active"
        for node in self.nodes:
            node.bayeux.deliver(agent.username, [messages.device_state_change(agent)])
        log.info("%s is now %s", agent.username, state)

    def _on_due(self, handle: Any) -> None:
        record = self.world.records.get(handle)
        if record is None or record.status != STATUS_SCHEDULED or record.callback_type != "Personal":
            return
        agent = self.world.agents[record.agent]
        # To the agent's clients on every node where it has a contact-center session; with no
        # session or nobody listening it waits for the next StartContactCenterSession.
        targets = [n for n in self.nodes if agent.username in n.cc_sessions
                   and n.bayeux.has_listener(agent.username, messages.OUTBOUND_CHANNEL)]
        if not targets:
            return
        note = messages.record_notification(record, agent, "ScheduledCall", time.time())
        for node in targets:
            node.bayeux.deliver(agent.username, [note])
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
            "chainId": record.chain_id,
        }
