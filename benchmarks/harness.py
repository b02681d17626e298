"""What every scenario shares: metrics, percentiles, the simulator as a subprocess, the machine."""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import sysconfig
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator, Sequence

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"


@dataclass
class Metric:
    key: str
    value: float
    unit: str
    target: float
    better: str  # "lower" or "higher": which side of the target passes
    note: str = ""

    @property
    def passed(self) -> bool:
        return self.value <= self.target if self.better == "lower" else self.value >= self.target

    def as_json(self) -> dict:
        data = asdict(self)
        data["passed"] = self.passed
        return data


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (p99 of 500 samples is the 495th smallest)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no samples")
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered) - 1e-9)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def _libpython_is_shared() -> bool:
    try:  # Debian's python3 is built with a shared libpython, yet its executable links it statically
        with open("/proc/self/maps") as maps:
            return "libpython" in maps.read()
    except OSError:
        return bool(sysconfig.get_config_var("Py_ENABLE_SHARED"))


def machine() -> dict:
    try:
        import PySide6

        qt = PySide6.__version__
    except ImportError:
        qt = "missing"
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        # Which build of it: the same version runs 10-25 % apart between a distribution's build
        # (PGO, LTO, linked statically) and one compiled locally without optimisations
        # (docs/performance.md, "Which Python").
        "python_executable": os.path.realpath(sys.executable),
        "python_build": f"{platform.python_implementation()} {' '.join(platform.python_build())}, "
                        f"{platform.python_compiler()}, "
                        f"{'shared libpython' if _libpython_is_shared() else 'libpython linked in'}",
        "cpus": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
        if hasattr(os, "sysconf") else None,
        "pyside6": qt,
        "processor": platform.processor() or platform.machine(),
    }


@dataclass
class RunningSimulator:
    url: str
    urls: list[str]
    username: str
    password: str
    process: subprocess.Popen


@contextmanager
def simulator(*args: str) -> Iterator[RunningSimulator]:
    """``python -m agent_desktop.simulator --port 0 ARGS`` in its own process, so its CPU and
    memory are not the app's."""
    process = subprocess.Popen(
        [sys.executable, "-m", "agent_desktop.simulator", "--port", "0", "--log-level", "WARNING", *args],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the simulator did not start")
        ready = json.loads(line)
        yield RunningSimulator(ready["url"], ready.get("urls", [ready["url"]]), ready["username"],
                               ready["password"], process)
    finally:
        process.terminate()
        wait_then_kill(process, 15)


def wait_then_kill(process: subprocess.Popen, timeout_s: float) -> None:
    """Let ``process`` end by itself for ``timeout_s``; then kill it."""
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()


def process_cpu_s(pid: int) -> float:
    """CPU time (user + system) used so far by process ``pid``; 0 where /proc is not there."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def write_report(metrics: list[Metric], quick: bool, path: Path | None = None) -> Path:
    path = path or RESULTS / "latest.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": machine(),
        "quick": quick,
        "metrics": {m.key: {"value": m.value, "unit": m.unit, "target": m.target, "better": m.better,
                            "passed": m.passed, "note": m.note} for m in metrics},
    }
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return path


def table(metrics: list[Metric]) -> str:
    rows = [("metric", "value", "target", "", "note")]
    for m in metrics:
        sign = "≤" if m.better == "lower" else "≥"
        rows.append((m.key, f"{m.value:.3g} {m.unit}", f"{sign} {m.target:g} {m.unit}", "ok" if m.passed else "MISS",
                     m.note))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)
