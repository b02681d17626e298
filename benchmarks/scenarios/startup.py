"""Start → main window shown with the demo agent's records: median of 5 cold starts.

Each start is a new process (`python -m agent_desktop --demo` from this checkout, or with
``--app PATH`` an installed bundle's executable, offscreen) timed from launch until it
prints "SHOWN" (the window is up with all the demo agent's rows). "Cold": the page cache is
dropped before each start when this process may do so (root on Linux); the report says which.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.harness import ROOT, Metric, median, wait_then_kill

DEMO_RECORDS = 25  # agent_desktop.demo.DEMO_ARGS: --records-per-agent 25


def _drop_caches() -> bool:
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as handle:
            handle.write("3\n")
        return True
    except OSError:
        return False


START_DEADLINE_S = 60  # a start that never shows its window is killed and reported, not waited for


def start_command(app: str | None = None) -> list[str]:
    """The app from this checkout with this Python, or ``app`` (an installed bundle's executable)."""
    return [app, "--demo"] if app else [sys.executable, "-m", "agent_desktop", "--demo"]


def one_start(env: dict, command: list[str]) -> float:
    with tempfile.TemporaryFile("w+") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=errors, text=True)
        deadline = threading.Timer(START_DEADLINE_S, process.kill)
        deadline.start()
        try:
            for line in process.stdout:
                if line.startswith("SHOWN"):
                    return time.perf_counter() - started
            errors.seek(0)
            raise RuntimeError("the app did not show its window (killed after "
                               f"{START_DEADLINE_S} s, or it exited); its log ends:\n{errors.read()[-3000:]}")
        finally:
            deadline.cancel()
            wait_then_kill(process, 30)


def _compile_bytecode() -> None:
    """As installed (a wheel, the .deb, the bundle), the app's modules come with their bytecode.
    An editable checkout has none, and where PYTHONDONTWRITEBYTECODE is set none is ever written:
    every start would compile our modules from source (~0.1 s), which no agent's start does."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "agent_desktop")], check=True,
                   env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})


def run(quick: bool, app: str | None = None) -> list[Metric]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AGENT_DESKTOP_EXIT_WHEN_SHOWN": str(DEMO_RECORDS),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    runs = 3 if quick else 5
    command = start_command(app)
    if not app:
        _compile_bytecode()
    times, cold = [], True
    for _ in range(runs):
        cold = _drop_caches() and cold
        times.append(one_start(env, command))
    note = (f"{'cold' if cold else 'warm'} starts of {Path(app).name if app else 'the checkout'}: "
            + ", ".join(f"{t:.2f}" for t in times) + " s")
    return [Metric("startup_s", median(times), "s", 1.0, "lower", note)]
