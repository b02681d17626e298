"""One simulated GWS node: what a node keeps for itself and loses when it restarts.

A node owns its HTTP sessions (JSESSIONID + CSRF token), its CometD clients and the agents'
contact-center sessions started through it. The world (records, agents' devices, the journal,
applied referenceIds) is shared by all nodes and lives in ``SimCore``. The HTTP listener itself
is run by ``server.Simulator``.
"""

from __future__ import annotations

import asyncio
from typing import Any, Optional

from .auth import Authenticator
from .bayeux import BayeuxServer


class Node:
    def __init__(self, index: int, usernames: list[str], password: str, long_poll_timeout_ms: int,
                 max_interval_ms: int) -> None:
        self.index = index
        self._usernames = usernames
        self._password = password
        self._timeouts = (long_poll_timeout_ms, max_interval_ms)
        # Bumped each time the listener stops: outcomes of operations accepted before are lost.
        self.generation = 0
        # The port it listens on (kept across restarts); None before the first start.
        self.port: Optional[int] = None
        # True from the moment the listener starts stopping until it listens again.
        self.closing = False
        # Held by the server while the listener starts or stops.
        self.lock = asyncio.Lock()
        self.runner: Any = None   # the aiohttp AppRunner while listening
        self.auth = Authenticator(usernames, password)
        self.bayeux = BayeuxServer(*self._timeouts)
        # Agents with a contact-center session started through this node.
        self.cc_sessions: set[str] = set()
        # Set when the listener stops: replies held back (latency) end their wait at once, and
        # are cut without an answer when the node goes down abruptly.
        self._wake = asyncio.Event()
        self._cut = False
        self.held_replies = 0  # replies waiting out their latency now (a test waits for one)

    @property
    def listening(self) -> bool:
        return self.runner is not None

    async def pause(self, delay_s: float) -> bool:
        """Wait ``delay_s`` (less if the listener stops); False if the reply must be cut."""
        if not self._wake.is_set():
            self.held_replies += 1
            try:
                await asyncio.wait_for(self._wake.wait(), delay_s)
            except asyncio.TimeoutError:
                pass
            finally:
                self.held_replies -= 1
        return not self._cut

    def opened(self) -> None:
        """The listener (re)started."""
        self.closing = False
        self._cut = False
        self._wake = asyncio.Event()

    def hurry(self) -> None:
        """The listener stops cleanly: replies held back go out now."""
        self.closing = True
        self._wake.set()

    def cut(self) -> None:
        """The node goes down abruptly: held long polls and delayed replies end unanswered."""
        self._cut = True
        self.hurry()
        self.bayeux.drop_all()

    def reset(self) -> set[str]:
        """Forget everything node-local (a node restart); returns the agents whose
        contact-center session on this node was lost."""
        lost = self.cc_sessions
        self.auth = Authenticator(self._usernames, self._password)
        self.bayeux = BayeuxServer(*self._timeouts)
        self.cc_sessions = set()
        return lost

    def view(self) -> dict[str, Any]:
        return {"node": self.index, "port": self.port, "listening": self.listening,
                "generation": self.generation, "httpSessions": self.auth.session_count,
                "cometdClients": len(self.bayeux.clients),
                "contactCenterSessions": sorted(self.cc_sessions)}
