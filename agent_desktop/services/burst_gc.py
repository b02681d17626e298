"""Garbage collection during bursts of arrivals.

When a session starts, GWS may push 100,000 records in a few seconds. Python's cyclic garbage
collector then runs full collections over every object the app holds, each a pause of 100 ms
or more in the middle of the burst: the window stutters. Records hold no reference cycles (they
are freed by reference counting), so during a burst the collector is paused, and when the burst
is over what it left is frozen (moved out of the collector's sight) and collection resumes.
"""

from __future__ import annotations

import asyncio
import gc

BURST_SIZE = 100  # records in one batch that count as a burst (the pump hands over up to 250 at a time)
QUIET_S = 0.25  # the burst is over after this long without a large batch


class BurstGc:
    def __init__(self) -> None:
        self._resume: asyncio.TimerHandle | None = None
        self._paused_by_us = False

    def batch(self, size: int) -> None:
        """Call for every batch of arrivals; large ones pause the collector for a while."""
        if size < BURST_SIZE:
            return
        if not self._paused_by_us and gc.isenabled():
            gc.disable()
            self._paused_by_us = True
        if self._paused_by_us:
            if self._resume is not None:
                self._resume.cancel()
            self._resume = asyncio.get_running_loop().call_later(QUIET_S, self.end)

    def end(self) -> None:
        """The burst is over (or the session closes): freeze what it left, collect again."""
        if self._resume is not None:
            self._resume.cancel()
            self._resume = None
        if self._paused_by_us:
            self._paused_by_us = False
            gc.freeze()
            gc.enable()
