"""Run by the crash test: start a session with a local outbox, send one reschedule and wait
for its acknowledgement forever (the simulator drops it); the test kills this process with
SIGKILL while it waits. Arguments: server user password db handle epoch type."""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime, timezone

from agent_desktop.domain.records import CallbackType
from agent_desktop.domain.store import RecordStore
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.local_store import LocalStore


async def main(server: str, user: str, password: str, db: str, handle: str, epoch: str, kind: str) -> None:
    store = RecordStore()
    agent = AgentSession(GwsSession(server, user, password), store, local=LocalStore(db), ack_timeout_s=3600)
    await agent.start()
    arrived = asyncio.Event()
    store.subscribe(lambda changes: arrived.set())
    while (key := next((r.key for r in store if r.key.record_handle == int(handle)), None)) is None:
        arrived.clear()  # the record is pushed right after the session starts
        await arrived.wait()
    print("STARTED", flush=True)
    await agent.reschedule(key, datetime.fromtimestamp(int(epoch), timezone.utc), CallbackType(kind))


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:8]))
