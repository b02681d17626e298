"""A GWS API v2-like server (REST + CometD long-polling) with seeded outbound demo data.

It shares no code with the client: it imports only the standard library and aiohttp.
See docs/simulator.md.
"""

from .config import SimulatorConfig
from .server import Simulator, SimulatorThread

__all__ = ["SimulatorConfig", "Simulator", "SimulatorThread"]
