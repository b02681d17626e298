"""End-to-end fixtures: the simulator as a real server on 127.0.0.1, in its own thread."""

from __future__ import annotations

import pytest

from agent_desktop.simulator import SimulatorConfig, SimulatorThread


@pytest.fixture
def sim_config() -> SimulatorConfig:
    return SimulatorConfig(host="127.0.0.1", port=0, agents=2, records_per_agent=8, seed=7)


@pytest.fixture
def sim(sim_config):
    with SimulatorThread(sim_config) as running:
        yield running
