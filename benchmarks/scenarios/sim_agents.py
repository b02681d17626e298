"""500 agents against the GWS simulator: acknowledgement latency of RescheduleRecord.

The simulator runs in its own process (``harness.simulator``); this process plays 500 agents on
one asyncio loop with raw aiohttp (no desktop code, no CometD library: the load generator has to
stay light, it shares the 2 cores with the simulator). Each agent does what the desktop does:

1. ``GET /api/v2/me?subresources=*`` with HTTP Basic: session cookie, CSRF token, device;
2. CometD handshake, subscribe ``/v2/me/*``, first ``/meta/connect``, then a long-poll loop;
3. ``StartContactCenterSession``: its records arrive as PreviewRecords (zone and calling window);
4. N RescheduleRecord POSTs (each with its own ``referenceId``) to one of its own records, at a
   time inside the contact's calling window a few days ahead, each after a think time.

Latency = from just before the POST to the arrival (reply read) of the acknowledgement carrying
that ``referenceId`` on the agent's CometD connection. The metric is the p99 over all acks.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import functools
import json
import os
import random
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional
from zoneinfo import ZoneInfo

import aiohttp

from benchmarks.harness import Metric, median, percentile, simulator

AGENTS = 500
RECORDS_PER_AGENT = 2
RESCHEDULES_QUICK = 2
RESCHEDULES_FULL = 6
# Think time before each reschedule (uniform, seconds): 500 agents then drive about
# AGENTS / mean(THINK_S) reschedules per second, a hard pace for people (one per agent per second).
THINK_S = (0.5, 1.5)
# Agents logging in at the same time (the login is not what is measured).
LOGIN_CONCURRENCY = 50
# An acknowledgement later than this counts as lost (and as this latency in the percentiles).
ACK_TIMEOUT_S = 30.0
SEED = 1

OUTBOUND = "/v2/me/outbound"
ACK = "ScheduledRecordRescheduleAcknowledge"
zone_info = functools.lru_cache(maxsize=None)(ZoneInfo)   # ZoneInfo keeps only a few loaded


@dataclass
class Counters:
    rest: int = 0           # REST requests (GET /me, StartContactCenterSession, reschedules)
    polls: int = 0          # CometD requests (handshake, subscribe, connects)
    failures: list[str] = field(default_factory=list)


@dataclass
class Agent:
    name: str
    base: str
    http: aiohttp.ClientSession
    counters: Counters
    auth: str
    cookie: str = ""
    csrf: str = ""
    device_path: str = ""
    client_id: str = ""
    records: list[dict[str, Any]] = field(default_factory=list)
    waiting: dict[str, asyncio.Future] = field(default_factory=dict)
    previews: Optional[asyncio.Future] = None
    stopping: bool = False
    broken: Optional[str] = None     # why the long-poll loop stopped early

    def headers(self, **extra: str) -> dict[str, str]:
        return {"Cookie": self.cookie, "Content-Type": "application/json", **extra}

    async def bayeux(self, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.counters.polls += 1
        async with self.http.post(self.base + "/api/v2/notifications", data=json.dumps(messages),
                                  headers=self.headers()) as reply:
            body = await reply.read()
        return json.loads(body)

    async def login(self) -> None:
        self.counters.rest += 1
        async with self.http.get(self.base + "/api/v2/me?subresources=*",
                                 headers={"Authorization": self.auth}) as reply:
            me = await reply.json()
            self.cookie = f"JSESSIONID={reply.cookies['JSESSIONID'].value}"
            self.csrf = reply.headers["X-CSRF-TOKEN"]
        self.device_path = "/devices/" + me["user"]["devices"][0]["id"]
        handshake = await self.bayeux([{"channel": "/meta/handshake", "version": "1.0",
                                        "supportedConnectionTypes": ["long-polling"]}])
        self.client_id = handshake[0]["clientId"]
        await self.bayeux([{"channel": "/meta/subscribe", "clientId": self.client_id,
                            "subscription": "/v2/me/*"}])
        await self.bayeux([self._connect()])      # answered at once
        self.previews = asyncio.get_running_loop().create_future()

    def _connect(self) -> dict[str, Any]:
        return {"channel": "/meta/connect", "clientId": self.client_id,
                "connectionType": "long-polling"}

    async def poll(self) -> None:
        """The long-poll loop: hands acknowledgements to the waiting reschedules."""
        try:
            await self._poll()
        except Exception as error:   # the agent cannot hear anything more: fail its waiters
            self.broken = f"long poll failed: {error!r}"
            for waiter in [*self.waiting.values(), self.previews]:
                if waiter is not None and not waiter.done():
                    waiter.set_exception(RuntimeError(self.broken))
            self.waiting.clear()

    async def _poll(self) -> None:
        body = json.dumps([self._connect()])
        while not self.stopping:
            self.counters.polls += 1
            async with self.http.post(self.base + "/api/v2/notifications", data=body,
                                      headers=self.headers()) as reply:
                raw = await reply.read()
            arrived = time.perf_counter()
            for message in json.loads(raw):
                if message.get("channel") != OUTBOUND:
                    if message.get("channel") == "/meta/connect" and not message.get("successful"):
                        raise RuntimeError(message.get("error"))
                    continue
                data = message["data"]
                kind = data.get("notificationType")
                if kind == "PreviewRecord":
                    self.records.append(data["record"])
                    if len(self.records) == RECORDS_PER_AGENT and not self.previews.done():
                        self.previews.set_result(None)
                    continue
                waiter = self.waiting.pop(data.get("referenceId"), None)
                if waiter is not None and not waiter.done():
                    waiter.set_result((arrived, kind, data.get("errorMessage")))

    async def start_session(self) -> None:
        self.counters.rest += 1
        body = json.dumps({"operationName": "StartContactCenterSession", "channels": ["voice"]})
        async with self.http.post(self.base + "/api/v2/me", data=body,
                                  headers=self.headers(**{"X-CSRF-TOKEN": self.csrf})) as reply:
            await reply.read()
            if reply.status != 200:
                raise RuntimeError(f"{self.name}: StartContactCenterSession got HTTP {reply.status}")
        await asyncio.wait_for(self.previews, ACK_TIMEOUT_S)

    async def reschedule(self, index: int, rng: random.Random) -> Optional[float]:
        """One RescheduleRecord; the latency to its acknowledgement (None: failed)."""
        if self.broken:
            self.counters.failures.append(self.broken)
            return None
        record = self.records[index % len(self.records)]
        user_data = record["userData"]
        # Inside the window (5-minute grid, not at its ends), 2 + index local days ahead.
        span = (user_data["GSW_UNTIL"] - user_data["GSW_FROM"]) // 300
        seconds = user_data["GSW_FROM"] + rng.randint(1, span - 1) * 300
        zone = zone_info(user_data["contact_time_zone"])
        day = dt.datetime.now(zone).date() + dt.timedelta(days=2 + index)
        local = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds)
        timestamp = int(local.replace(tzinfo=zone).timestamp())
        reference = f"{self.name}-{index}"
        body = json.dumps({"operationName": "RescheduleRecord",
                           "applicationId": record["applicationId"],
                           "campaignName": record["campaignName"], "callbackType": "Personal",
                           "timestamp": timestamp, "devicePath": self.device_path,
                           "referenceId": reference})
        waiter = asyncio.get_running_loop().create_future()
        self.waiting[reference] = waiter
        self.counters.rest += 1
        started = time.perf_counter()
        url = f"{self.base}/api/v2/me/outbound-records/{record['recordHandle']}"
        async with self.http.post(url, data=body,
                                  headers=self.headers(**{"X-CSRF-TOKEN": self.csrf})) as reply:
            await reply.read()
            status = reply.status
        if status != 200:
            self.waiting.pop(reference, None)
            self.counters.failures.append(f"HTTP {status}")
            return None
        try:
            arrived, kind, error = await asyncio.wait_for(waiter, ACK_TIMEOUT_S)
        except asyncio.TimeoutError:
            self.waiting.pop(reference, None)
            self.counters.failures.append("no acknowledgement")
            return ACK_TIMEOUT_S
        except RuntimeError as broken:
            self.counters.failures.append(str(broken))
            return None
        if kind != ACK:
            self.counters.failures.append(f"{kind}: {error}")
            return None
        return arrived - started


async def _agent_run(agent: Agent, reschedules: int, rng: random.Random,
                     latencies: list[float]) -> None:
    for index in range(reschedules):
        await asyncio.sleep(rng.uniform(*THINK_S))
        latency = await agent.reschedule(index, rng)
        if latency is not None:
            latencies.append(latency)


@dataclass
class Load:
    """What the reschedule phase cost: rates driven, CPU seconds of each process."""

    seconds: float = 0.0
    requests_per_s: float = 0.0
    reschedules_per_s: float = 0.0
    generator_cpu_s: float = 0.0
    simulator_cpu_s: Optional[float] = None


def _process_cpu_s(pid: int) -> Optional[float]:
    """User + system CPU seconds of another process (Linux /proc; None elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


async def _drive(url: str, password: str, reschedules: int,
                 simulator_cpu: Callable[[], Optional[float]] = lambda: None,
                 ) -> tuple[list[float], Counters, Load]:
    counters = Counters()
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout,
                                     cookie_jar=aiohttp.DummyCookieJar()) as http:
        agents = []
        for i in range(1, AGENTS + 1):
            name = f"agent{i}"
            auth = "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()
            agents.append(Agent(name, url, http, counters, auth))
        gate = asyncio.Semaphore(LOGIN_CONCURRENCY)
        polls: list[asyncio.Task] = []

        async def online(agent: Agent) -> None:
            async with gate:
                await agent.login()
                polls.append(asyncio.create_task(agent.poll()))
                await agent.start_session()

        await asyncio.gather(*(online(a) for a in agents))
        latencies: list[float] = []
        before = (counters.rest, counters.polls)
        cpu_before = (time.process_time(), simulator_cpu())
        started = time.perf_counter()
        await asyncio.gather(*(_agent_run(a, reschedules, random.Random(f"{SEED}:{a.name}"),
                                          latencies) for a in agents))
        elapsed = time.perf_counter() - started
        sim_after = simulator_cpu()
        load = Load(seconds=elapsed,
                    requests_per_s=(counters.rest - before[0] + counters.polls - before[1]) / elapsed,
                    reschedules_per_s=(counters.rest - before[0]) / elapsed,
                    generator_cpu_s=time.process_time() - cpu_before[0],
                    simulator_cpu_s=None if sim_after is None or cpu_before[1] is None
                    else sim_after - cpu_before[1])
        for agent in agents:
            agent.stopping = True
        for task in polls:
            task.cancel()
        await asyncio.gather(*polls, return_exceptions=True)
    return latencies, counters, load


def run(quick: bool) -> list[Metric]:
    reschedules = RESCHEDULES_QUICK if quick else RESCHEDULES_FULL
    with simulator("--agents", str(AGENTS), "--records-per-agent", str(RECORDS_PER_AGENT)) as sim:
        pid = sim.process.pid
        latencies, counters, load = asyncio.run(
            _drive(sim.url, sim.password, reschedules, lambda: _process_cpu_s(pid)))
    if not latencies:
        raise RuntimeError(f"no acknowledgement arrived: {counters.failures[:5]}")
    ms = [1000 * s for s in latencies]
    p99, p50 = percentile(ms, 0.99), median(ms)
    failures = len(counters.failures)
    note = (f"{AGENTS} agents x {reschedules} reschedules, think {THINK_S[0]:g}-{THINK_S[1]:g} s: "
            f"{len(ms)} acks, p50 {p50:.0f} ms, max {max(ms):.0f} ms; load generator drove "
            f"{load.reschedules_per_s:.0f} reschedules/s, {load.requests_per_s:.0f} HTTP req/s "
            f"(REST + CometD) for {load.seconds:.1f} s using {load.generator_cpu_s:.1f} s CPU")
    if load.simulator_cpu_s is not None:
        note += f" (simulator {load.simulator_cpu_s:.1f} s CPU)"
    if failures:
        note += f"; {failures} failed ({counters.failures[0]})"
    return [Metric("sim_500_agents_ack_p99_ms", p99, "ms", 250, "lower", note=note)]
