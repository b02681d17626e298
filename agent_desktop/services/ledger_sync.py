"""Keeps the local ledger in step with the record store: the agent's list survives a restart.

Changes are gathered and written once per burst (a session start pushes every record at once),
in the local store's own thread.
"""

from __future__ import annotations

import asyncio
from typing import Awaitable, Callable

from agent_desktop.domain.records import OutboundRecord, RecordKey
from agent_desktop.domain.store import ChangeKind, RecordChange, RecordStore
from agent_desktop.services.local_store import LocalStore

Spawn = Callable[[Awaitable[None], str], None]


class LedgerSync:
    def __init__(self, store: RecordStore, local: LocalStore, owner: str, spawn: Spawn) -> None:
        self._local = local
        self._owner = owner
        self._spawn = spawn  # the session's task starter: its tasks end when the session closes
        self._dirty: dict[RecordKey, OutboundRecord | None] = {}
        self._unsubscribe = store.subscribe(self._remember)

    def _remember(self, changes: list[RecordChange]) -> None:
        first = not self._dirty
        for change in changes:
            self._dirty[change.key] = change.record if change.kind is not ChangeKind.REMOVED else None
        if first:
            asyncio.get_running_loop().call_soon(lambda: self._spawn(self.flush(), "ledger"))

    async def flush(self) -> None:
        """Write what changed since the last write (personal callbacks kept, the rest forgotten)."""
        if not self._dirty:
            return
        dirty, self._dirty = self._dirty, {}
        await self._local.save_records(self._owner, [r for r in dirty.values() if r is not None])
        for key, record in dirty.items():
            if record is None:
                await self._local.forget_record(self._owner, key)

    async def stop(self) -> None:
        """No more changes are followed; what is pending is written now."""
        self._unsubscribe()
        await self.flush()
