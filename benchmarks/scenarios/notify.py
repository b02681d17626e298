"""Our notification pipeline's throughput against a bare aiocometd-noloop receive loop on the
same simulator, same run: each receives the same burst of PreviewRecords (one agent's session
start pushes all its records) and the rate is messages per second from the first to the last.

Ours = NotificationClient (its fixes and fast path) + parsing to typed records + the store.
Bare = the library's ``Client.receive()`` in a loop, nothing done with the messages.
"""

from __future__ import annotations

import asyncio
import time

from benchmarks.harness import Metric, simulator


async def _bare(sim, username: str, count: int) -> float:
    import httpx
    from aiocometd_noloop import Client, ConnectionType
    from aiocometd_noloop.extensions import Extension

    basic = httpx.BasicAuth(username, sim.password)._auth_header

    class Auth(Extension):
        async def outgoing(self, payload, headers):  # type: ignore[no-untyped-def]
            headers["Authorization"] = basic

        async def incoming(self, payload, headers=None):  # type: ignore[no-untyped-def]
            pass

    rest = httpx.AsyncClient(base_url=sim.url, auth=(username, sim.password))
    token = (await rest.get("/api/v2/me")).headers["X-CSRF-TOKEN"]
    async with Client(f"{sim.url}/api/v2/notifications", ConnectionType.LONG_POLLING, extensions=[Auth()],
                      max_pending_count=0) as bayeux:
        await bayeux.subscribe("/v2/me/*")
        await rest.post("/api/v2/me", json={"operationName": "StartContactCenterSession", "channels": ["voice"]},
                        headers={"X-CSRF-TOKEN": token})
        received, first = 0, None
        while received < count:
            message = await bayeux.receive()
            if message.get("data", {}).get("notificationType") == "PreviewRecord":
                received += 1
                first = first or time.perf_counter()
        elapsed = time.perf_counter() - first
    await rest.aclose()
    return count / elapsed


async def _ours(sim, username: str, count: int) -> float:
    from agent_desktop.domain.store import RecordStore
    from agent_desktop.services.agent_session import AgentSession
    from agent_desktop.services.gws_session import GwsSession

    store = RecordStore()
    marks: list[tuple[float, int]] = []  # (when, records in the store then)
    done = asyncio.Event()

    def arrived(changes) -> None:  # type: ignore[no-untyped-def]
        marks.append((time.perf_counter(), len(store)))
        if len(store) >= count:
            done.set()

    store.subscribe(arrived)
    agent = AgentSession(GwsSession(sim.url, username, sim.password), store)
    await agent.start()
    await done.wait()
    await agent.close()
    (started, before), (ended, after) = marks[0], marks[-1]
    # Records of the first batch arrived before its mark: count what came after it.
    return (after - before) / max(ended - started, 1e-6)


def run(quick: bool) -> list[Metric]:
    count = 5_000 if quick else 20_000
    rates: dict[str, float] = {}

    async def scenario(sim) -> None:
        rates["bare"] = await _bare(sim, "agent1", count)
        rates["ours"] = await _ours(sim, "agent2", count)

    with simulator("--agents", "2", "--records-per-agent", str(count), "--seed", "9") as sim:
        asyncio.run(scenario(sim))
    ratio = rates["ours"] / rates["bare"]
    note = f"{count:,} messages; ours {rates['ours']:,.0f}/s, bare loop {rates['bare']:,.0f}/s"
    return [Metric("notify_throughput_ratio", ratio, "×", 0.8, "higher", note)]
