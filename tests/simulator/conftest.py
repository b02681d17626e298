"""Fixtures of the simulator tests: a real simulator on 127.0.0.1 and clients for it."""

from __future__ import annotations

import pytest_asyncio

from agent_desktop.simulator import Simulator, SimulatorConfig
from simulator.simtest_support import PASSWORD, GwsClient


@pytest_asyncio.fixture
async def sim():
    simulator = Simulator(SimulatorConfig(host="127.0.0.1", port=0, agents=3,
                                          records_per_agent=12, seed=7, password=PASSWORD))
    await simulator.start()
    yield simulator
    await simulator.stop()


@pytest_asyncio.fixture
async def gws(sim):
    """Factory of GwsClient objects for the running simulator; closed after the test."""
    made: list[GwsClient] = []

    def make(username: str = "agent1", password: str = PASSWORD) -> GwsClient:
        client = GwsClient(sim.url, username, password)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.close()
