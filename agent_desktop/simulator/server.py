"""The aiohttp application, and the two ways to run it: ``Simulator`` on the caller's event loop,
``SimulatorThread`` on its own loop in a daemon thread (for synchronous callers and tests).

``Simulator`` runs one HTTP listener per node (``config.nodes``); all share one ``SimCore``.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import threading
from typing import Any, Optional

from aiohttp import web

from . import admin, rest
from .config import SimulatorConfig
from .core import SimCore
from .faults import Faults
from .node import Node

log = logging.getLogger(__name__)


# How long stopping a listener waits for requests in progress before cutting their connections.
# Held long polls of a restarting node are cut (the clients see a connection error); a final
# stop() answers them first.
SHUTDOWN_TIMEOUT_S = 0.25


def create_app(core: SimCore, node: Node, control: admin.Control) -> web.Application:
    app = web.Application(middlewares=[admin.loopback_only, rest.fault_middleware,
                                       rest.gws_middleware],
                          client_max_size=rest.MAX_BODY_BYTES)
    app[rest.CORE] = core
    app[rest.NODE] = node
    app[admin.CONTROL] = control
    rest.add_routes(app)
    admin.add_routes(app)
    return app


def _url_host(host: str) -> str:
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host  # a name such as "localhost"


class Simulator:
    """A GWS v2-like server. ``await start()`` on a running loop, ``await stop()`` when done.

    With ``config.nodes`` > 1 it is several GWS nodes (one HTTP listener each) sharing one
    world; ``restart``, ``stop_listening``/``start_listening`` and ``node_down``/``node_up``
    simulate node restarts and failures (docs/simulator.md "Nodes and restarts").
    """

    def __init__(self, config: Optional[SimulatorConfig] = None) -> None:
        self.config = config or SimulatorConfig()
        self.core = SimCore(self.config)
        self._started = False
        self._stopped = False
        self._tasks: set[asyncio.Task] = set()

    # -- what it is -------------------------------------------------------------------------

    @property
    def nodes(self) -> list[Node]:
        return self.core.nodes

    @property
    def password(self) -> str:
        return self.core.password

    @property
    def usernames(self) -> list[str]:
        return self.core.world.usernames

    @property
    def ports(self) -> list[int]:
        if any(node.port is None for node in self.nodes):
            raise RuntimeError("the simulator is not started")
        return [node.port for node in self.nodes if node.port is not None]

    @property
    def port(self) -> int:
        """The first node's port."""
        return self.ports[0]

    @property
    def urls(self) -> list[str]:
        return [f"http://{_url_host(self.config.host)}:{port}" for port in self.ports]

    @property
    def url(self) -> str:
        """The first node's URL."""
        return self.urls[0]

    @property
    def faults(self) -> Faults:
        return self.core.faults.faults

    def set_faults(self, **changes: Any) -> Faults:
        """Change some fault switches (validated, all or nothing); returns the full set."""
        return self.core.faults.update(changes)

    # -- life cycle -------------------------------------------------------------------------

    async def start(self) -> None:
        if self._started and not self._stopped:
            raise RuntimeError("the simulator is already started")
        if self._stopped:
            raise RuntimeError("a stopped simulator cannot start again; make a new one")
        self._started = True
        self.core.start(asyncio.get_running_loop())
        try:
            for node in self.nodes:
                await self._listen(node)
        except BaseException:
            self._stopped = True
            for node in self.nodes:
                await self._unlisten(node, graceful=True)
            await self.core.close()  # the scheduler, the journal's writer thread and file
            raise
        log.info("GWS simulator listening on %s (%d agents)", ", ".join(self.urls),
                 len(self.usernames))

    async def stop(self) -> None:
        if not self._started or self._stopped:
            return
        self._stopped = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()   # e.g. a /sim/restart waiting out its down time
        await asyncio.gather(*tasks, return_exceptions=True)
        for node in self.nodes:
            # Held long polls answer now, so the server stops at once.
            await self._unlisten(node, graceful=True)
        await self.core.close()
        log.info("GWS simulator stopped")

    async def __aenter__(self) -> "Simulator":
        await self.start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()

    # -- restarts and node failures ---------------------------------------------------------

    def _targets(self, node: Optional[int]) -> list[Node]:
        if not self._started or self._stopped:
            raise RuntimeError("the simulator is not running")
        if node is None:
            return list(self.nodes)
        if not 0 <= node < len(self.nodes):
            raise IndexError(f"no node {node} (there are {len(self.nodes)})")
        return [self.nodes[node]]

    async def stop_listening(self, node: Optional[int] = None) -> None:
        """Stop the listener of one node (all when None), like a crashed GWS node: requests in
        progress and held long polls are cut, sockets closed; the node forgets its HTTP sessions,
        CSRF tokens, CometD clients and contact-center sessions. The world is kept."""
        for target in self._targets(node):
            await self._unlisten(target, graceful=False)

    async def start_listening(self, node: Optional[int] = None) -> None:
        """Listen again on the same port(s)."""
        for target in self._targets(node):
            await self._listen(target)

    async def restart(self, down_s: float = 0.0, node: Optional[int] = None) -> None:
        """stop_listening, wait ``down_s`` seconds, start_listening (one node or all)."""
        await self.stop_listening(node)
        if down_s > 0:
            await asyncio.sleep(down_s)
        await self.start_listening(node)

    async def node_down(self, index: int) -> None:
        await self.stop_listening(index)

    async def node_up(self, index: int) -> None:
        await self.start_listening(index)

    def spawn(self, coroutine: Any) -> None:
        """Run ``coroutine`` in the background (admin endpoints that restart their own node)."""
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: "asyncio.Task[Any]") -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background simulator task failed", exc_info=task.exception())

    # -- one node's listener ----------------------------------------------------------------

    async def _listen(self, node: Node) -> None:
        async with node.lock:
            if node.runner is not None:
                return
            verbose = logging.getLogger("aiohttp.access").isEnabledFor(logging.DEBUG)
            runner = web.AppRunner(create_app(self.core, node, self), handle_signals=False,
                                   shutdown_timeout=SHUTDOWN_TIMEOUT_S,
                                   access_log=logging.getLogger("aiohttp.access") if verbose else None)
            await runner.setup()
            if node.port is not None:
                port = node.port                       # a restart: the same port
            elif self.config.port:
                port = self.config.port + node.index   # node i on port + i
            else:
                port = 0                               # any free port
            try:
                site = web.TCPSite(runner, self.config.host, port)
                await site.start()
            except BaseException:
                await runner.cleanup()
                raise
            node.runner = runner
            node.port = runner.addresses[0][1]
            node.opened()
            node.bayeux.start(asyncio.get_running_loop())
            log.info("node %d listening on port %d", node.index, node.port)

    async def _unlisten(self, node: Node, *, graceful: bool) -> None:
        async with node.lock:
            runner, node.runner = node.runner, None
            if runner is None:
                return
            node.generation += 1
            if graceful:
                node.hurry()          # delayed replies go out now
                node.bayeux.close()   # answer held long polls before the sockets close
            else:
                node.cut()            # cut held long polls and delayed replies, no answer
            # Shielded: a cancelled restart must not leave a half-closed listener behind.
            await asyncio.shield(runner.cleanup())
            node.bayeux.close()       # stop expiring clients of the old listener
            if not graceful:
                self.core.node_reset(node)
                log.info("node %d stopped listening (sessions and CometD clients lost)",
                         node.index)


class SimulatorThread:
    """Runs a ``Simulator`` on its own event loop in a daemon thread.

    The constructor returns once the server listens (or raises what start() raised).
    """

    def __init__(self, config: Optional[SimulatorConfig] = None, *, start_timeout: float = 30.0) -> None:
        self.config = config or SimulatorConfig()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._error: Optional[BaseException] = None
        self.simulator: Optional[Simulator] = None
        self._thread = threading.Thread(target=self._run, name="gws-simulator", daemon=True)
        self._thread.start()
        if not self._ready.wait(start_timeout):
            raise TimeoutError("the simulator did not start in time")
        if self._error is not None:
            self._thread.join()
            raise self._error

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self.simulator = Simulator(self.config)
            self._loop.run_until_complete(self.simulator.start())
        except BaseException as error:  # reported to the constructor's caller
            self._error = error
            self._ready.set()
            self._loop.close()
            return
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            self._loop.close()

    @property
    def _sim(self) -> Simulator:
        assert self.simulator is not None
        return self.simulator

    def _call(self, coroutine: Any, timeout: float) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    @property
    def url(self) -> str:
        return self._sim.url

    @property
    def urls(self) -> list[str]:
        return self._sim.urls

    @property
    def port(self) -> int:
        return self._sim.port

    @property
    def ports(self) -> list[int]:
        return self._sim.ports

    @property
    def usernames(self) -> list[str]:
        return self._sim.usernames

    @property
    def password(self) -> str:
        return self._sim.password

    @property
    def faults(self) -> Faults:
        return self._sim.faults

    def set_faults(self, **changes: Any) -> Faults:
        """Change fault switches live (validated; ValueError); returns the full set."""
        async def change() -> Faults:
            return self._sim.set_faults(**changes)
        return self._call(change(), 10.0)

    def restart(self, down_s: float = 0.0, node: Optional[int] = None,
                timeout: float = 30.0) -> None:
        """Restart one node (all when None) on the same port(s), down for ``down_s`` seconds;
        returns when listening again."""
        self._call(self._sim.restart(down_s, node), down_s + timeout)

    def stop_listening(self, node: Optional[int] = None, timeout: float = 30.0) -> None:
        self._call(self._sim.stop_listening(node), timeout)

    def start_listening(self, node: Optional[int] = None, timeout: float = 30.0) -> None:
        self._call(self._sim.start_listening(node), timeout)

    def node_down(self, index: int, timeout: float = 30.0) -> None:
        self._call(self._sim.node_down(index), timeout)

    def node_up(self, index: int, timeout: float = 30.0) -> None:
        self._call(self._sim.node_up(index), timeout)

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the server and the thread; safe to call twice."""
        if not self._thread.is_alive():
            return
        future = asyncio.run_coroutine_threadsafe(self._sim.stop(), self._loop)
        try:
            future.result(timeout)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout)

    def __enter__(self) -> "SimulatorThread":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()
