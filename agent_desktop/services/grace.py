"""A short grace period before an action is sent, during which the agent can take it back.

An agent under time pressure picks the wrong day now and then; "Undo" within a few seconds is
cheaper than a second reschedule (and a second message to the server). Nothing is written or
sent while an action is held: undoing it leaves no trace. What is still held when the app
closes is sent at once, not dropped: the agent confirmed it, the grace period was only a chance
to change their mind.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Hashable

log = logging.getLogger(__name__)

DEFAULT_GRACE_S = 5.0


@dataclass(eq=False)
class HeldAction:
    """One action waiting out its grace period."""

    key: Hashable  # what it acts on (a record): a newer action on the same key replaces it
    label: str  # what the agent is told it is ("Ana Silva → Tue 14:30")
    send: Callable[[], Awaitable[object]]
    deadline: float  # loop time it goes at
    number: int = 0
    _timer: asyncio.TimerHandle | None = field(default=None, repr=False)


class GracePeriod:
    """Holds actions for ``delay_s`` seconds, then starts them; ``undo`` takes one back.

    ``on_change`` is called whenever the set of held actions changes (for the window's undo
    bar). ``spawn`` starts the sending coroutine as a tracked task (it outlives the hold).
    """

    def __init__(self, delay_s: float, spawn: Callable[[Awaitable[object]], object], *,
                 on_change: Callable[[], None] | None = None) -> None:
        self.delay_s = max(0.0, float(delay_s))
        self._spawn = spawn
        self.on_change = on_change
        self._held: dict[int, HeldAction] = {}
        self._numbers = itertools.count(1)

    @property
    def held(self) -> list[HeldAction]:
        """Held actions, oldest first."""
        return sorted(self._held.values(), key=lambda action: action.number)

    def hold(self, key: Hashable, label: str, send: Callable[[], Awaitable[object]]) -> HeldAction | None:
        """Hold ``send`` for the grace period; with no grace period it is started at once (None).

        A newer action on the same key replaces a held older one: the older one would only be
        overwritten on the server a few seconds later.
        """
        for older in [a for a in self._held.values() if a.key == key]:
            self._drop(older)
        if self.delay_s <= 0:
            self._spawn(send())
            self._changed()
            return None
        loop = asyncio.get_running_loop()
        action = HeldAction(key, label, send, loop.time() + self.delay_s, next(self._numbers))
        action._timer = loop.call_at(action.deadline, self._release, action)
        self._held[action.number] = action
        self._changed()
        return action

    def undo(self, action: HeldAction | None = None) -> HeldAction | None:
        """Take back ``action`` (default: the newest held); None when there is nothing to undo."""
        if action is None:
            held = self.held
            action = held[-1] if held else None
        if action is None or action.number not in self._held:
            return None
        self._drop(action)
        log.info("undone before sending: %s", action.label)
        self._changed()
        return action

    def send_all_now(self) -> int:
        """Start everything held (the app is closing); returns how many were started."""
        held = self.held
        for action in held:
            self._drop(action)
            self._spawn(action.send())
        if held:
            self._changed()
        return len(held)

    def _release(self, action: HeldAction) -> None:
        if self._held.pop(action.number, None) is None:
            return
        self._spawn(action.send())
        self._changed()

    def _drop(self, action: HeldAction) -> None:
        self._held.pop(action.number, None)
        if action._timer is not None:
            action._timer.cancel()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()
