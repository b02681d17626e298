"""SimulatorThread for synchronous callers, and the simulator's dependency boundary."""

from __future__ import annotations

import ast
import base64
import json
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import agent_desktop.simulator as simulator_package
from agent_desktop.simulator import SimulatorConfig, SimulatorThread

PACKAGE_DIR = Path(simulator_package.__file__).parent


def get_json(url: str, auth: str | None = None):
    headers = {"Authorization": auth} if auth else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as reply:
        return json.load(reply)


def test_simulator_thread_serves_until_the_block_ends():
    config = SimulatorConfig(port=0, agents=2, records_per_agent=3, password="thread-pw")
    with SimulatorThread(config) as sim:
        assert sim.usernames == ["agent1", "agent2"] and sim.password == "thread-pw"
        assert get_json(sim.url + "/api/v2/diagnostics/version")["statusCode"] == 0
        auth = "Basic " + base64.b64encode(b"agent1:thread-pw").decode()
        assert get_json(sim.url + "/api/v2/me", auth)["user"]["userName"] == "agent1"
        records = get_json(sim.url + "/sim/records?agent=agent1")["records"]
        assert len(records) == 3
        url = sim.url
    with pytest.raises(urllib.error.URLError):
        get_json(url + "/api/v2/diagnostics/version")
    sim.stop()  # a second stop is harmless


def test_simulator_thread_reports_a_start_failure():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(OSError):
            SimulatorThread(SimulatorConfig(port=busy.getsockname()[1], agents=1,
                                            records_per_agent=0))


def test_config_refuses_nonsense():
    for bad in ({"agents": 0}, {"records_per_agent": -1}, {"port": 70000}, {"ack_delay_ms": -1},
                {"password": ""}):
        with pytest.raises(ValueError):
            SimulatorConfig(**bad)


def test_simulator_imports_only_stdlib_and_aiohttp():
    allowed = set(sys.stdlib_module_names) | {"aiohttp"}
    for path in PACKAGE_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed, f"{path.name} imports {name}"


def test_the_package_loads_the_server_only_when_asked():
    # ``python -m agent_desktop.simulator`` can then set its process up (the garbage collector,
    # __main__.py) before aiohttp and the server are imported.
    probe = ("import sys, json; import agent_desktop.simulator; "
             "print(json.dumps(['aiohttp' in sys.modules, 'agent_desktop.simulator.server' in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [False, False]
    from agent_desktop.simulator import server

    assert simulator_package.Simulator is server.Simulator
    assert simulator_package.SimulatorThread is server.SimulatorThread
    with pytest.raises(AttributeError):
        simulator_package.NoSuchThing  # noqa: B018
