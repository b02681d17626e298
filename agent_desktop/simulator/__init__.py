"""A GWS API v2-like server (REST + CometD long-polling) with seeded outbound demo data.

It shares no code with the client: it imports only the standard library and aiohttp.
See docs/simulator.md.

The names below are loaded on first use, not with the package: ``python -m
agent_desktop.simulator`` (the demo's process) can then set up its process before aiohttp and
the server are imported (``__main__.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["SimulatorConfig", "Simulator", "SimulatorThread"]

if TYPE_CHECKING:
    from .config import SimulatorConfig
    from .server import Simulator, SimulatorThread


def __getattr__(name: str) -> object:
    if name == "SimulatorConfig":
        from .config import SimulatorConfig

        return SimulatorConfig
    if name in ("Simulator", "SimulatorThread"):
        from . import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
