"""``agent-desktop --demo``: the built-in GWS simulator on loopback for the app to log in to.

Part of the composition root: the only client-side module that loads the simulator.
"""

from __future__ import annotations

from agent_desktop.simulator import SimulatorConfig, SimulatorThread

DEMO_CONFIG = SimulatorConfig(host="127.0.0.1", port=0, agents=3, records_per_agent=25, seed=1)


def start_demo_simulator(config: SimulatorConfig = DEMO_CONFIG) -> SimulatorThread:
    """A context manager: the simulator runs in its own thread until the block ends."""
    return SimulatorThread(config)
