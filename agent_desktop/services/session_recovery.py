"""Getting the agent's session back by itself, and sending what the outbox holds: the part of
``AgentSession`` that runs after something went wrong (kept apart so each file stays readable).

A mixin of :class:`agent_desktop.services.agent_session.AgentSession`: it uses the session's
state (``session``, ``local``, ``_pending``, ``_in_flight``, ``_trouble``, ``_backoff``, ...),
which that class defines.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging

from agent_desktop.domain.records import RecordKey
from agent_desktop.services.errors import AuthenticationFailed, GwsError, ServerUnreachable
from agent_desktop.services.events import ConnectionState
from agent_desktop.services.local_store import PendingReschedule

log = logging.getLogger("agent_desktop.services.agent_session")  # one logger for the session


class SessionRecovery:
    # -- replaying the outbox ----------------------------------------------------------------
    def _kick_replay(self) -> None:
        if not self._closed and self._pending:
            self._spawn(self._replay(), "replay-outbox")

    def _schedule_retry(self) -> None:
        """A lost acknowledgement: send the same reschedule again after a pause."""
        if self._retry_handle is None and not self._closed:
            attempts = max((p.attempts for p in self._pending.values()), default=0)
            delay = self._backoff.delay(attempts + 1)
            self._retry_handle = asyncio.get_running_loop().call_later(delay, self._retry_now)

    def _retry_now(self) -> None:
        self._retry_handle = None
        self._kick_replay()

    async def _replay(self) -> None:
        newest: dict[RecordKey, PendingReschedule] = {}
        for pending in self._pending.values():
            if pending.key not in newest or pending.created_at >= newest[pending.key].created_at:
                newest[pending.key] = pending
        for pending in list(self._pending.values()):
            if newest[pending.key] is not pending and pending.reference_id not in self._in_flight:
                # Timed out while a newer one for the same record was made: never send it again.
                self._pending.pop(pending.reference_id, None)
                if self.local is not None:
                    await self.local.settle(pending, "superseded", "replaced by a newer reschedule")
        for pending in list(self._pending.values()):
            if not self._online or self._closed:
                return
            if pending.reference_id in self._in_flight or pending.reference_id not in self._pending:
                continue
            self._pending[pending.reference_id] = pending = dataclasses.replace(pending, attempts=pending.attempts + 1)
            try:
                await self._send(pending)
            except GwsError as exc:
                log.info("replay of %s did not settle: %s", pending.reference_id, exc.message)

    # -- staying connected -------------------------------------------------------------------
    def retry_with_password(self, password: str) -> None:
        """After the server refused the password (state offline): try again with this one."""
        self.session.set_password(password)
        self._trouble.set()

    def _report_trouble(self, detail: str) -> None:
        if self._closed:
            return
        if self._online:
            self._set_connection(ConnectionState.RECONNECTING, detail)
        self._trouble.set()

    async def _keep_connected(self) -> None:
        while not self._closed:
            await self._trouble.wait()
            await self._recover()

    async def _recover(self) -> None:
        """Log in again (on another node if this one is gone), reopen notifications, restart the
        contact-center session, then send what the outbox holds. Backs off between attempts; a
        refused password stops the attempts (no retry storm)."""
        attempt = 0
        if self._notifications is not None:
            # Stop the old CometD client now: left alone it would retry every second, without
            # backoff, for as long as the server is away (500 desktops, one outage: a storm).
            await self._notifications.close()
            self._notifications = None
        while not self._closed:
            self._trouble.clear()
            attempt += 1
            try:
                await self._reconnect_once()
            except AuthenticationFailed as exc:
                # No retry storm: wait for a new password (retry_with_password) or another event.
                self._set_connection(ConnectionState.OFFLINE, exc.message, needs_password=True)
                return
            except GwsError as exc:
                delay = self._backoff.delay(attempt)
                log.info("still offline (%s); next try in %.1f s", exc.message, delay)
                try:
                    await asyncio.wait_for(self._trouble.wait(), delay)
                except asyncio.TimeoutError:
                    pass
                continue
            self._trouble.clear()
            self._set_connection(ConnectionState.CONNECTED, "Back online.")
            self._kick_replay()
            return

    async def _reconnect_once(self) -> None:
        try:
            self.profile = await self.session.login()
        except ServerUnreachable:
            if len(self.session.nodes) < 2:
                raise
            node = self.session.next_node()
            log.info("moving to GWS node %s", node)
            self.session.use_node(node)
            self.profile = await self.session.login()
        # Always a fresh CometD client, subscribed before anything is replayed: the old one may
        # look connected while it is still retrying a node that forgot it, and an
        # acknowledgement published to nobody is lost.
        await self._open_notifications()
        await self.session.start_contact_center_session()
        self._cc_session_started = True
