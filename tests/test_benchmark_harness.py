"""The benchmark harness's own arithmetic and report format (no timing here: that is the harness's job)."""

import json
import os
import subprocess
import sys
import time

from benchmarks.harness import Metric, percentile, process_cpu_s, table, write_report


def test_percentiles_are_nearest_rank():
    samples = list(range(1, 501))
    assert percentile(samples, 0.5) == 250
    assert percentile(samples, 0.99) == 495
    assert percentile([7.0], 0.99) == 7.0


def test_a_metric_passes_on_the_right_side_of_its_target():
    assert Metric("x", 2.9, "s", 3.0, "lower").passed
    assert not Metric("x", 3.1, "s", 3.0, "lower").passed
    assert Metric("y", 0.9, "×", 0.8, "higher").passed


def test_the_report_has_one_entry_per_metric_key(tmp_path):
    metrics = [Metric("startup_s", 0.9, "s", 1.0, "lower", "note"), Metric("rss_100k_mb", 420, "MB", 400, "lower")]
    report = json.loads(write_report(metrics, quick=True, path=tmp_path / "r.json").read_text())
    assert report["metrics"]["startup_s"] == {"value": 0.9, "unit": "s", "target": 1.0, "better": "lower",
                                              "passed": True, "note": "note"}
    assert report["metrics"]["rss_100k_mb"]["passed"] is False
    assert report["machine"]["cpus"] >= 1
    assert report["machine"]["python_executable"] and "libpython" in report["machine"]["python_build"]
    assert "MISS" in table(metrics)


def test_the_command_lists_every_scenario():
    out = subprocess.run([sys.executable, "-m", "benchmarks", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    for name in ("startup", "reschedule", "ingest", "notify", "sim_agents"):
        assert name in out.stdout


def test_process_cpu_time_counts_up_and_is_zero_for_no_process():
    first = process_cpu_s(os.getpid())
    end = time.process_time() + 0.05
    while time.process_time() < end:  # busy for a few clock ticks
        pass
    assert process_cpu_s(os.getpid()) > first or not os.path.exists("/proc")
    assert process_cpu_s(2**31 - 1) == 0.0  # no such process


def test_the_start_up_scenario_times_the_checkout_or_the_given_executable():
    from benchmarks.scenarios import startup

    assert startup.start_command() == [sys.executable, "-m", "agent_desktop", "--demo"]
    assert startup.start_command("dist/agent-desktop/agent-desktop") == ["dist/agent-desktop/agent-desktop", "--demo"]
    out = subprocess.run([sys.executable, "-m", "benchmarks", "--help"], capture_output=True, text=True, timeout=60)
    assert "--app" in out.stdout
