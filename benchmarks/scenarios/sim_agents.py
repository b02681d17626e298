"""500 agents against the GWS simulator: acknowledgement latency of RescheduleRecord.

The simulator runs in its own process (``harness.simulator``); this process plays 500 agents on
one asyncio loop. The load generator has to stay light, it shares the 2 cores with the simulator:
no desktop code, no CometD library, not even an HTTP client library -- each agent keeps two
HTTP/1.1 keep-alive connections (one for its long polls, one for REST) over plain asyncio streams
and writes its few kinds of request by hand (about half the CPU of an aiohttp client per request).
Each agent does what the desktop does:

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
import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

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


_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d+)", re.IGNORECASE)


class Connection:
    """One HTTP/1.1 keep-alive connection, one request at a time (the simulator always answers
    with a Content-Length body)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._host_header = f"Host: {host}:{port}\r\n"
        self.reader: Optional[asyncio.StreamReader] = None
        self.writer: Optional[asyncio.StreamWriter] = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()

    async def request(self, method: str, path: str, headers: str = "",
                      body: bytes = b"") -> tuple[int, bytes, bytes]:
        """(status, header block, body); ``headers`` are ready-made ``Name: value\r\n`` lines."""
        assert self.reader is not None and self.writer is not None
        length = f"Content-Length: {len(body)}\r\n" if body or method == "POST" else ""
        self.writer.write(f"{method} {path} HTTP/1.1\r\n{self._host_header}{headers}{length}\r\n"
                          .encode("latin-1") + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        found = _CONTENT_LENGTH.search(head)
        if found is None:
            raise RuntimeError(f"reply without Content-Length: {head[:200]!r}")
        return status, head, await self.reader.readexactly(int(found.group(1)))


def _header(head: bytes, name: str) -> str:
    found = re.search(rb"\r\n" + re.escape(name.encode()) + rb":[ \t]*([^\r]*)", head, re.IGNORECASE)
    if found is None:
        raise RuntimeError(f"no {name} header in {head[:300]!r}")
    return found.group(1).decode("latin-1")


@dataclass
class Counters:
    rest: int = 0           # REST requests (GET /me, StartContactCenterSession, reschedules)
    polls: int = 0          # CometD requests (handshake, subscribe, connects)
    failures: list[str] = field(default_factory=list)


@dataclass
class Agent:
    name: str
    rest: Connection
    cometd: Connection
    counters: Counters
    auth: str
    json_headers: str = ""     # cookie + content type (CometD)
    csrf_headers: str = ""     # the same + the CSRF token (REST POSTs)
    device_path: str = ""
    client_id: str = ""
    records: list[dict[str, Any]] = field(default_factory=list)
    waiting: dict[str, asyncio.Future] = field(default_factory=dict)
    previews: Optional[asyncio.Future] = None
    stopping: bool = False
    broken: Optional[str] = None     # why the long-poll loop stopped early

    async def bayeux(self, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.counters.polls += 1
        _, _, body = await self.cometd.request("POST", "/api/v2/notifications", self.json_headers,
                                               json.dumps(messages).encode())
        return json.loads(body)

    async def login(self) -> None:
        await self.rest.open()
        await self.cometd.open()
        self.counters.rest += 1
        status, head, body = await self.rest.request("GET", "/api/v2/me?subresources=*",
                                                     f"Authorization: {self.auth}\r\n")
        if status != 200:
            raise RuntimeError(f"{self.name}: GET /api/v2/me got HTTP {status}")
        session = re.search(r"JSESSIONID=([^;]+)", _header(head, "Set-Cookie")).group(1)
        self.json_headers = f"Cookie: JSESSIONID={session}\r\nContent-Type: application/json\r\n"
        self.csrf_headers = f"{self.json_headers}X-CSRF-TOKEN: {_header(head, 'X-CSRF-TOKEN')}\r\n"
        me = json.loads(body)
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
        body = json.dumps([self._connect()]).encode()
        while not self.stopping:
            self.counters.polls += 1
            _, _, raw = await self.cometd.request("POST", "/api/v2/notifications",
                                                  self.json_headers, body)
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
        status, _, _ = await self.rest.request("POST", "/api/v2/me", self.csrf_headers,
                                               body.encode())
        if status != 200:
            raise RuntimeError(f"{self.name}: StartContactCenterSession got HTTP {status}")
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
                           "referenceId": reference}).encode()
        path = f"/api/v2/me/outbound-records/{record['recordHandle']}"
        waiter = asyncio.get_running_loop().create_future()
        self.waiting[reference] = waiter
        self.counters.rest += 1
        started = time.perf_counter()
        status, _, _ = await self.rest.request("POST", path, self.csrf_headers, body)
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
    where = urlsplit(url)
    host, port = where.hostname or "127.0.0.1", where.port or 80
    agents = []
    for i in range(1, AGENTS + 1):
        name = f"agent{i}"
        auth = "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()
        agents.append(Agent(name, Connection(host, port), Connection(host, port), counters, auth))
    try:
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
    finally:
        for agent in agents:
            agent.rest.close()
            agent.cometd.close()
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
