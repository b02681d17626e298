"""The agent-desktop-sim command: ready line, signals, argument checks."""

from __future__ import annotations

import base64
import contextlib
import json
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request

import pytest

from agent_desktop.simulator.cli import GC_THRESHOLDS, main


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
        assert set(ready) == {"event", "url", "urls", "username", "password", "agents"}
        assert ready["urls"] == [ready["url"]]
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
                                  ["--log-level", "LOUD"], ["--nodes", "0"],
                                  ["--http-5xx-rate", "1.5"], ["--drop-ack-rate", "x"],
                                  ["--drop-ack-rate", "nan"], ["--latency-ms", "-3"],
                                  ["--ack-jitter-ms", "600001"], ["--port", "65535", "--nodes", "2"]])
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


def post_json(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as r:
        return json.load(r)


def test_nodes_faults_and_restart_from_the_command_line():
    process = start("--port", "0", "--agents", "1", "--records-per-agent", "2", "--nodes", "2",
                    "--http-5xx-rate", "0.25", "--drop-ack-rate", "0.5", "--ack-delay-ms", "10",
                    "--ack-jitter-ms", "20", "--latency-ms", "1", "--fault-seed", "9")
    try:
        ready = read_ready(process)
        assert len(ready["urls"]) == 2 and ready["urls"][0] == ready["url"]
        with urllib.request.urlopen(ready["urls"][1] + "/sim/faults", timeout=5) as r:
            assert json.load(r) == {"http_5xx_rate": 0.25, "drop_ack_rate": 0.5,
                                    "ack_delay_ms": 10, "ack_jitter_ms": 20, "latency_ms": 1}
        assert post_json(ready["url"] + "/sim/faults", {"http_5xx_rate": 0})["http_5xx_rate"] == 0
        answer = post_json(ready["url"] + "/sim/restart", {"down_ms": 100})
        assert answer == {"restarting": [0, 1], "down_ms": 100}
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(ready["urls"][1] + "/api/v2/diagnostics/version",
                                            timeout=5) as r:
                    assert json.load(r)["statusCode"] == 0
                break
            except (urllib.error.URLError, ConnectionError):  # refused, or cut while stopping
                assert time.monotonic() < deadline
                time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=15)
        assert process.returncode == 0 and out == "", err
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_the_command_tunes_its_own_garbage_collector_only():
    # In a fresh interpreter: what the command does to its process after start-up
    # (``python -m agent_desktop.simulator`` turns the collector off until then).
    probe = ("import gc, json; gc.disable(); from agent_desktop.simulator import cli; cli._tune_gc(); "
             "print(json.dumps([gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    thresholds, frozen, enabled = json.loads(out)
    assert tuple(thresholds) == GC_THRESHOLDS and frozen > 0 and enabled



def test_an_embedded_simulator_leaves_the_hosts_garbage_collector_alone():
    # In a fresh interpreter, as above: in the test process, what earlier tests left running
    # (an agent session ending its burst freezes what it made) may move the counts meanwhile.
    probe = textwrap.dedent("""
        import asyncio, gc, json
        from agent_desktop.simulator import Simulator, SimulatorConfig

        def collector():
            return [list(gc.get_threshold()), gc.get_freeze_count(), gc.isenabled()]

        async def main():
            before = collector()
            async with Simulator(SimulatorConfig(port=0, agents=1, records_per_agent=3)):
                print(json.dumps([before, collector()]))

        asyncio.run(main())
        """)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    before, running = json.loads(out)
    assert running == before


@contextlib.contextmanager
def demo_style_simulator():
    """The simulator as the demo starts it (``--exit-with-stdin``), ready; killed if still there."""
    process = subprocess.Popen([sys.executable, "-m", "agent_desktop.simulator", "--port", "0", "--agents", "1",
                                "--records-per-agent", "1", "--log-level", "WARNING", "--exit-with-stdin"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert json.loads(process.stdout.readline())["event"] == "ready"
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_exit_with_stdin_stops_the_simulator_when_its_parent_is_gone():
    with demo_style_simulator() as process:
        process.stdin.close()  # what the kernel does when the app that started it dies
        assert process.wait(timeout=20) == 0


def test_exit_with_stdin_still_ends_cleanly_and_at_once_on_sigterm():
    # The demo stops its simulator with SIGTERM. The thread watching stdin used to hold the
    # buffered reader's lock, and the interpreter's shutdown then waited 1 s and aborted.
    with demo_style_simulator() as process:
        process.terminate()
        assert process.wait(timeout=20) == 0
        assert "Fatal Python error" not in process.stderr.read()
