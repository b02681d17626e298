"""One wall-clock timer for many due times: a heap of (epoch, key) and a single loop.call_later.

Used to deliver personal callbacks when they come due, without a task per record.
Entries are replaced or removed lazily: the heap may hold stale pairs, ``_due`` is the truth.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import time
from typing import Callable, Hashable, Optional

log = logging.getLogger(__name__)


class Scheduler:
    def __init__(self, on_due: Callable[[Hashable], None],
                 clock: Callable[[], float] = time.time) -> None:
        self._on_due = on_due
        self._clock = clock
        self._heap: list[tuple[float, int, Hashable]] = []
        self._due: dict[Hashable, tuple[float, int]] = {}
        self._seq = itertools.count()
        self._timer: Optional[asyncio.TimerHandle] = None
        self._timer_at: Optional[float] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._closed = False

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._arm()

    def schedule(self, key: Hashable, when: float) -> None:
        """(Re)schedule ``key`` for the epoch time ``when``; replaces an earlier entry."""
        seq = next(self._seq)
        self._due[key] = (when, seq)
        heapq.heappush(self._heap, (when, seq, key))
        self._arm()

    def cancel(self, key: Hashable) -> None:
        self._due.pop(key, None)  # its heap entry becomes stale and is skipped

    def when(self, key: Hashable) -> Optional[float]:
        entry = self._due.get(key)
        return entry[0] if entry else None

    def close(self) -> None:
        self._closed = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _drop_stale_head(self) -> None:
        while self._heap:
            when, seq, key = self._heap[0]
            if self._due.get(key) == (when, seq):
                return
            heapq.heappop(self._heap)

    def _arm(self) -> None:
        if self._loop is None or self._closed:
            return
        self._drop_stale_head()
        if not self._heap:
            if self._timer is not None:
                self._timer.cancel()
                self._timer, self._timer_at = None, None
            return
        head = self._heap[0][0]
        if self._timer is not None and self._timer_at == head:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer_at = head
        self._timer = self._loop.call_later(max(0.0, head - self._clock()), self._fire)

    def _fire(self) -> None:
        self._timer, self._timer_at = None, None
        now = self._clock()
        due: list[Hashable] = []
        self._drop_stale_head()
        while self._heap and self._heap[0][0] <= now:
            _, _, key = heapq.heappop(self._heap)
            del self._due[key]
            due.append(key)
            self._drop_stale_head()
        for key in due:
            try:
                self._on_due(key)
            except Exception:  # one bad record must not stop the timer for the others
                log.exception("due callback for %r failed", key)
        self._arm()
