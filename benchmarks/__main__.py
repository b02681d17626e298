"""``python -m benchmarks [--quick] [--only NAME ...]``: run the scenarios, print a table, write
``benchmarks/results/latest.json``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time

from benchmarks.harness import Metric, table, write_report

SCENARIOS = ["startup", "reschedule", "ingest", "notify", "sim_agents"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and smaller sizes")
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, help="run only these scenarios")
    parser.add_argument("--app", metavar="PATH",
                        help="startup: time this executable (e.g. dist/agent-desktop/agent-desktop, the "
                             "bundle agents install) instead of the checkout run by this Python")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    metrics: list[Metric] = []
    for name in args.only or SCENARIOS:
        module = importlib.import_module(f"benchmarks.scenarios.{name}")
        started = time.perf_counter()
        print(f"… {name}", file=sys.stderr, flush=True)
        found = module.run(quick=args.quick, **({"app": args.app} if name == "startup" and args.app else {}))
        metrics.extend(found)
        print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(table(metrics))
    path = write_report(metrics, args.quick)
    print(f"\nreport: {path}")
    return 0 if all(m.passed for m in metrics) else 1


if __name__ == "__main__":
    raise SystemExit(main())
