"""The aiohttp application, and the two ways to run it: ``Simulator`` on the caller's event loop,
``SimulatorThread`` on its own loop in a daemon thread (for synchronous callers and tests).
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

log = logging.getLogger(__name__)


def create_app(core: SimCore) -> web.Application:
    app = web.Application(middlewares=[admin.loopback_only, rest.gws_middleware],
                          client_max_size=rest.MAX_BODY_BYTES)
    app[rest.CORE] = core
    rest.add_routes(app)
    admin.add_routes(app)
    return app


def _url_host(host: str) -> str:
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host  # a name such as "localhost"


class Simulator:
    """A GWS v2-like server. ``await start()`` on a running loop, ``await stop()`` when done."""

    def __init__(self, config: Optional[SimulatorConfig] = None) -> None:
        self.config = config or SimulatorConfig()
        self.core = SimCore(self.config)
        self._runner: Optional[web.AppRunner] = None
        self._port: Optional[int] = None
        self._stopped = False

    @property
    def password(self) -> str:
        return self.core.password

    @property
    def usernames(self) -> list[str]:
        return self.core.world.usernames

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the simulator is not started")
        return self._port

    @property
    def url(self) -> str:
        return f"http://{_url_host(self.config.host)}:{self.port}"

    async def start(self) -> None:
        if self._runner is not None:
            raise RuntimeError("the simulator is already started")
        if self._stopped:
            raise RuntimeError("a stopped simulator cannot start again; make a new one")
        loop = asyncio.get_running_loop()
        verbose = logging.getLogger("aiohttp.access").isEnabledFor(logging.DEBUG)
        runner = web.AppRunner(create_app(self.core), handle_signals=False, shutdown_timeout=5.0,
                               access_log=logging.getLogger("aiohttp.access") if verbose else None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.config.host, self.config.port)
            await site.start()
        except BaseException:
            await runner.cleanup()
            self._stopped = True
            await self.core.close()  # the journal's writer thread and file
            raise
        self._runner = runner
        self._port = runner.addresses[0][1]
        self.core.start(loop)
        log.info("GWS simulator listening on %s (%d agents)", self.url, len(self.usernames))

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is None:
            return
        self._stopped = True
        self.core.release_clients()   # held long polls answer now, so the server stops at once
        await runner.cleanup()
        await self.core.close()
        log.info("GWS simulator stopped")

    async def __aenter__(self) -> "Simulator":
        await self.start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()


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

    @property
    def url(self) -> str:
        return self._sim.url

    @property
    def port(self) -> int:
        return self._sim.port

    @property
    def usernames(self) -> list[str]:
        return self._sim.usernames

    @property
    def password(self) -> str:
        return self._sim.password

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
