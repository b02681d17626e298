"""``--demo`` in a PyInstaller bundle: there ``sys.executable`` is the app, not a Python, so the
simulator is started as ``agent-desktop --run-simulator ARGS`` (demo.py, app.py)."""

from __future__ import annotations

import gc
import json
import stat
import sys

import httpx
import pytest

from agent_desktop import app, demo


def test_from_source_the_simulator_runs_as_a_python_module(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert demo.simulator_command("--port", "0") == [sys.executable, "-m", "agent_desktop.simulator", "--port", "0"]


def test_in_a_bundle_the_app_runs_the_simulator_itself(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/agent-desktop/agent-desktop")
    assert demo.simulator_command("--port", "0") == [
        "/opt/agent-desktop/agent-desktop", demo.RUN_SIMULATOR, "--port", "0"]


def test_the_hidden_mode_runs_the_simulator_cli(capsys, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["agent-desktop", demo.RUN_SIMULATOR, "--help"])
    try:
        with pytest.raises(SystemExit) as stopped:
            app.main([demo.RUN_SIMULATOR, "--help"])
    finally:
        gc.enable()  # the simulator's entry pauses the collector for its start-up: not for the test run
    assert stopped.value.code == 0
    assert "agent-desktop-sim" in capsys.readouterr().out


def test_the_hidden_mode_is_not_an_option_of_the_app():
    assert demo.RUN_SIMULATOR not in app.build_parser().format_help()


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in executable is a shell script")
def test_a_frozen_demo_starts_a_working_simulator(monkeypatch, tmp_path):
    """The whole path, with a stand-in for the bundle's executable: a program that runs
    ``agent_desktop`` exactly as the bundle's entry point does."""
    executable = tmp_path / "agent-desktop"
    executable.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m agent_desktop "$@"\n')
    executable.chmod(executable.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    with demo.DemoSimulator() as simulator:
        server = simulator.ready()
        assert server.url.startswith("http://127.0.0.1:") and server.username == "agent1"
        reply = httpx.get(f"{server.url}/api/v2/me", auth=(server.username, server.password), timeout=10)
        assert reply.status_code == 200, reply.text
        assert json.loads(reply.text)
