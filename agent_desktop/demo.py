"""``agent-desktop --demo``: the built-in GWS simulator on loopback for the app to log in to.

Part of the composition root: the only client-side module that starts the simulator. It runs
in its own process, started first thing, so it boots on another core while the app imports Qt,
and its work never competes with the window for Python's GIL. This module imports only what
starting a process needs (no ``dataclasses``, no ``json`` until the ready line is read): every
millisecond before ``Popen`` is a millisecond later that the simulator is ready.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import namedtuple

DEMO_ARGS = ("--agents", "3", "--records-per-agent", "25", "--seed", "1")
# In a PyInstaller bundle ``sys.executable`` is the app itself, not a Python: given this first
# argument it runs the simulator instead (``app.main``).
RUN_SIMULATOR = "--run-simulator"


def simulator_command(*args: str) -> list[str]:
    """The command line running ``agent-desktop-sim ARGS`` from this installation."""
    if getattr(sys, "frozen", False):
        return [sys.executable, RUN_SIMULATOR, *args]
    return [sys.executable, "-m", "agent_desktop.simulator", *args]


def simulator_environment() -> dict[str, str]:
    """This process's environment, without the CA certificates for the simulator to load.

    The simulator serves plain HTTP on loopback and opens no TLS connection of its own, but
    importing aiohttp (for ``aiohttp.web``) builds its two client TLS contexts, each loading the
    system's CA bundle: ~0.1 s of CPU in a boot that runs beside the app's start-up on a 2-core
    machine. An empty CA file makes them empty (verification stays on in them: they could trust
    nothing, not everything); the app's own process keeps the system's certificates.
    """
    return {**os.environ, "SSL_CERT_FILE": os.devnull}


# What the simulator's ready line announces (a named tuple: ``typing`` is not loaded yet).
DemoServer = namedtuple("DemoServer", ["url", "username", "password"])


class DemoSimulator:
    """The simulator process; ``ready()`` blocks until it listens (call it off the UI thread)."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            simulator_command("--port", "0", "--log-level", "WARNING", "--exit-with-stdin", *DEMO_ARGS),
            # The pipe's write end dies with this process, however it ends (even SIGKILL): the
            # simulator then sees its stdin close and stops, so no demo simulator is orphaned.
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.PIPE, text=True,
            env=simulator_environment())
        self._server: DemoServer | None = None
        self._lock = threading.Lock()

    def ready(self) -> DemoServer:
        with self._lock:
            if self._server is None:
                line = self._process.stdout.readline() if self._process.stdout else ""
                if not line:
                    raise RuntimeError("the demo simulator did not start")
                import json

                announced = json.loads(line)
                self._server = DemoServer(announced["url"], announced["username"], announced["password"])
            return self._server

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()

    def __enter__(self) -> "DemoSimulator":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
