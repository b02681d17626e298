"""Less common switches and guards: errors as HTTP 200, the /sim/ loopback rule, restarts."""

from __future__ import annotations

import pytest

from agent_desktop.simulator import Simulator, SimulatorConfig
from agent_desktop.simulator.admin import _is_loopback
from simulator.simtest_support import PASSWORD, GwsClient


@pytest.mark.asyncio
async def test_errors_as_http_200_keep_the_status_code_in_the_body():
    config = SimulatorConfig(port=0, agents=1, records_per_agent=1, password=PASSWORD,
                             errors_as_http_200=True)
    async with Simulator(config) as simulator:
        client = GwsClient(simulator.url, "agent1", PASSWORD)
        try:
            await client.login()
            missing = await client.post("/api/v2/me/outbound-records/1",
                                        {"operationName": "RescheduleRecord"})
            assert missing.status == 200 and missing.json["statusCode"] == 1
            device = await client.get("/api/v2/me/devices/nope")
            assert device.status == 200 and device.json["statusCode"] == 6
            no_route = await client.get("/api/v2/nowhere")
            assert no_route.status == 200 and no_route.json["statusCode"] == 6
            # Authentication failures stay 401: clients must be able to ask for credentials.
            client.password = "wrong"
            assert (await client.get("/api/v2/me")).status == 401
        finally:
            await client.close()


@pytest.mark.parametrize("remote,expected", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("10.0.0.7", False),
    ("192.0.2.1", False), (None, False), ("not-an-address", False)])
def test_admin_endpoints_accept_loopback_peers_only(remote, expected):
    assert _is_loopback(remote) is expected


@pytest.mark.asyncio
async def test_a_stopped_simulator_does_not_start_again():
    simulator = Simulator(SimulatorConfig(port=0, agents=1, records_per_agent=0))
    await simulator.start()
    with pytest.raises(RuntimeError):
        await simulator.start()
    await simulator.stop()
    await simulator.stop()  # harmless
    with pytest.raises(RuntimeError):
        await simulator.start()


@pytest.mark.asyncio
async def test_url_of_an_unstarted_simulator_is_an_error():
    with pytest.raises(RuntimeError):
        Simulator(SimulatorConfig()).url
