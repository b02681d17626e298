"""Moving many callbacks at once: one reschedule per record, a few in flight at a time.

A burst of 200 POSTs (and 200 acknowledgements on the one CometD channel) would swamp the
server and keep the window busy; a small pool of workers sends them in order of their new time,
so the agent sees steady progress and a cancel takes effect within a few requests. Each record
goes through ``AgentSession.reschedule``, so the outbox, retries and row states are the same as
for a single reschedule. One record's failure is that record's: the batch carries on.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from typing import Awaitable, Callable, Mapping, Protocol

from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey, RecordStatus
from agent_desktop.domain.rules import RescheduleRefused
from agent_desktop.services.errors import AcknowledgementTimeout, GwsError
from agent_desktop.texts import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

#: Requests on the wire at once: enough to hide the round trips, few enough for the server.
DEFAULT_CONCURRENCY = 4

ProgressCallback = Callable[[int, int], None]  # (outcomes so far, records to send)


class ReschedulingSession(Protocol):
    """What a bulk move needs of ``AgentSession``."""

    def reschedule(self, key: RecordKey, when: datetime,
                   callback_type: CallbackType) -> Awaitable[OutboundRecord]: ...


@dataclass
class BulkSummary:
    """Where every record of a bulk move ended up; each key is in exactly one group."""

    confirmed: list[RecordKey] = field(default_factory=list)
    queued: list[RecordKey] = field(default_factory=list)  # saved locally: sent when back online
    unconfirmed: list[RecordKey] = field(default_factory=list)  # no answer yet: retried by itself
    failed: dict[RecordKey, str] = field(default_factory=dict)  # reason (Message or the server's words)
    not_sent: list[RecordKey] = field(default_factory=list)  # cancelled before their turn
    unplaceable: dict[RecordKey, str] = field(default_factory=dict)  # the plan found no time
    cancelled: bool = False

    @property
    def total(self) -> int:
        return (len(self.confirmed) + len(self.queued) + len(self.unconfirmed) + len(self.failed)
                + len(self.not_sent) + len(self.unplaceable))


def _reason(template: str) -> Message:
    return Message("BulkMove", template)


GONE = QT_TRANSLATE_NOOP("BulkMove", "The callback is no longer in your list.")
UNEXPECTED = QT_TRANSLATE_NOOP("BulkMove", "Something went wrong; see the log.")


class BulkMove:
    """Send one planned reschedule per record; ``await run()`` once for the summary.

    ``plan`` maps each record to its new time; ``unplaceable`` (records the planner could not
    place, with the reason) is only carried into the summary. ``cancel()`` stops new requests;
    the ones on the wire finish and are counted.
    """

    def __init__(self, session: ReschedulingSession, plan: Mapping[RecordKey, datetime],
                 callback_type: CallbackType, *, unplaceable: Mapping[RecordKey, str] | None = None,
                 on_progress: ProgressCallback | None = None,
                 concurrency: int = DEFAULT_CONCURRENCY) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self._session = session
        # In order of the new time: what the agent sees fill in first is what comes first.
        self._queue = deque(sorted(plan.items(), key=lambda item: item[1]))
        self._callback_type = callback_type
        self._on_progress = on_progress
        self._concurrency = concurrency
        self._summary = BulkSummary(unplaceable=dict(unplaceable or {}))
        self.total = len(self._queue)
        self.done = 0
        self._cancelled = False
        self._started = False

    @classmethod
    def for_plan(cls, session: ReschedulingSession, plan: object, callback_type: CallbackType,
                 **options: object) -> "BulkMove":
        """From a ``planner.BulkPlan`` (its ``assignments`` and ``unplaceable``)."""
        return cls(session, plan.assignments, callback_type,  # type: ignore[attr-defined]
                   unplaceable=plan.unplaceable, **options)  # type: ignore[attr-defined,arg-type]

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        """Send nothing more; what is on the wire finishes and is counted."""
        self._cancelled = True

    async def run(self) -> BulkSummary:
        if self._started:
            raise RuntimeError("a bulk move runs once")
        self._started = True
        workers = min(self._concurrency, len(self._queue))
        # gather cancels the workers if the caller's task is cancelled (the window closing).
        await asyncio.gather(*(self._work() for _ in range(workers)))
        summary = self._summary
        summary.not_sent.extend(key for key, _ in self._queue)
        self._queue.clear()
        summary.cancelled = self._cancelled
        return summary

    async def _work(self) -> None:
        while self._queue and not self._cancelled:
            key, when = self._queue.popleft()
            await self._move(key, when)
            self.done += 1
            self._report_progress()

    async def _move(self, key: RecordKey, when: datetime) -> None:
        summary = self._summary
        try:
            updated = await self._session.reschedule(key, when, self._callback_type)
        except AcknowledgementTimeout:
            summary.unconfirmed.append(key)
        except RescheduleRefused as refused:
            summary.failed[key] = refused.message
        except GwsError as error:
            summary.failed[key] = error.message
        except KeyError:
            summary.failed[key] = _reason(GONE)
        except Exception:  # noqa: BLE001 - one record's surprise must not stop the others
            log.exception("bulk move: reschedule of %s failed unexpectedly", key)
            summary.failed[key] = _reason(UNEXPECTED)
        else:
            if updated is None:  # removed from the store while the request was out
                summary.failed[key] = _reason(GONE)
            elif updated.status is RecordStatus.QUEUED:
                summary.queued.append(key)
            else:
                summary.confirmed.append(key)

    def _report_progress(self) -> None:
        if self._on_progress is None:
            return
        try:
            self._on_progress(self.done, self.total)
        except Exception:  # noqa: BLE001 - a broken progress display must not stop the sending
            log.exception("bulk move: progress callback failed")
