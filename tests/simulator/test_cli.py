"""The agent-desktop-sim command: ready line, signals, argument checks."""

from __future__ import annotations

import base64
import json
import signal
import socket
import subprocess
import sys
import urllib.request

import pytest

from agent_desktop.simulator.cli import main


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "agent_desktop.simulator", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def read_ready(process: subprocess.Popen) -> dict:
    line = process.stdout.readline()
    assert line, process.stderr.read()
    return json.loads(line)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_ready_line_then_clean_stop_on_signal(signum):
    process = start("--port", "0", "--agents", "2", "--records-per-agent", "3",
                    "--password", "pw-123")
    try:
        ready = read_ready(process)
        assert set(ready) == {"event", "url", "username", "password", "agents"}
        assert ready["event"] == "ready" and ready["username"] == "agent1"
        assert ready["password"] == "pw-123" and ready["agents"] == 2
        assert ready["url"].startswith("http://127.0.0.1:")
        with urllib.request.urlopen(ready["url"] + "/api/v2/diagnostics/version", timeout=5) as r:
            assert json.load(r)["statusCode"] == 0
        request = urllib.request.Request(ready["url"] + "/api/v2/me", headers={
            "Authorization": "Basic " + base64.b64encode(b"agent2:pw-123").decode()})
        with urllib.request.urlopen(request, timeout=5) as r:
            assert json.load(r)["user"]["userName"] == "agent2"
        process.send_signal(signum)
        out, err = process.communicate(timeout=15)
        assert process.returncode == 0, err
        assert out == ""  # exactly one line on stdout: the ready line
        assert "listening" in err  # logs go to stderr
        assert "pw-123" not in err
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_random_password_when_none_given():
    process = start("--port", "0", "--agents", "1", "--records-per-agent", "0")
    try:
        ready = read_ready(process)
        assert len(ready["password"]) >= 16
    finally:
        process.terminate()
        process.communicate(timeout=15)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "example.com"])
def test_non_loopback_host_needs_allow_remote(host, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--host", host, "--port", "0"])
    assert exit_info.value.code == 2
    assert "--allow-remote" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--port", "-1"], ["--agents", "0"], ["--password", ""],
                                  ["--log-level", "LOUD"]])
def test_bad_arguments_exit_2(argv):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2


def test_port_in_use_exits_1(caplog):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["--port", str(port), "--agents", "1", "--records-per-agent", "0"]) == 1
    assert "cannot start" in caplog.text
