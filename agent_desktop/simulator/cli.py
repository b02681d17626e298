"""``agent-desktop-sim``: run the simulator in the foreground.

Prints one JSON line on stdout when listening (``{"event": "ready", ...}``); logs go to stderr.
SIGINT/SIGTERM stop it cleanly (exit 0).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import ipaddress
import json
import logging
import os
import signal
import sys
import threading
from typing import Optional, Sequence

from . import settings
from .config import SimulatorConfig
from .faults import MAX_MS
from .server import Simulator

log = logging.getLogger("agent_desktop.simulator")


def _is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number from 0 to 1") from None
    if not 0.0 <= value <= 1.0:  # also refuses nan
        raise argparse.ArgumentTypeError("must be a number from 0 to 1")
    return value


def _milliseconds(text: str) -> int:
    value = _non_negative(text)
    if value > MAX_MS:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_MS}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agent-desktop-sim",
        description="A GWS API v2-like server (REST + CometD long-polling) with seeded demo "
                    "agents and outbound callback records. Not for production use.")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; loopback only unless "
                             "--allow-remote)")
    parser.add_argument("--allow-remote", action="store_true",
                        help="allow a non-loopback --host (the simulator has demo credentials)")
    parser.add_argument("--port", type=_non_negative, default=8090,
                        help="TCP port (default 8090; 0 = any free port)")
    parser.add_argument("--agents", type=_positive, default=5, help="number of users agent1..agentN (default 5)")
    parser.add_argument("--records-per-agent", type=_non_negative, default=25,
                        help="scheduled records per agent (default 25)")
    parser.add_argument("--seed", type=int, default=1, help="demo data seed (default 1)")
    parser.add_argument("--password", default=None,
                        help="password of every agent (default: random, printed in the ready line)")
    parser.add_argument("--journal", metavar="FILE", default=None,
                        help="append one JSON line per REST operation to FILE")
    parser.add_argument("--nodes", type=_positive, default=1, metavar="N",
                        help="number of GWS nodes sharing one world, node i on port+i "
                             "(default 1); the ready line lists their urls")
    faults = parser.add_argument_group(
        "fault injection", "all can be changed live with POST /sim/faults (docs/simulator.md)")
    faults.add_argument("--ack-delay-ms", type=_milliseconds, default=0, metavar="MS",
                        help="delay before an operation's outcome is published (default 0)")
    faults.add_argument("--ack-jitter-ms", type=_milliseconds, default=0, metavar="MS",
                        help="extra random delay 0..MS on top of --ack-delay-ms (default 0)")
    faults.add_argument("--http-5xx-rate", type=_rate, default=0.0, metavar="RATE",
                        help="fraction 0..1 of /api/v2 REST requests (not CometD) answered "
                             "HTTP 503 without any effect (default 0)")
    faults.add_argument("--drop-ack-rate", type=_rate, default=0.0, metavar="RATE",
                        help="fraction 0..1 of accepted outbound operations applied but never "
                             "acknowledged on CometD (default 0)")
    faults.add_argument("--latency-ms", type=_milliseconds, default=0, metavar="MS",
                        help="added to every /api/v2 reply, REST and CometD (default 0)")
    faults.add_argument("--fault-seed", type=int, default=None, metavar="S",
                        help="seed of the random fault draws (default: --seed)")
    parser.add_argument("--callback-types", default="personal,campaign",
                        choices=["personal,campaign", "personal", "campaign"],
                        help="callback types the agents' settings allow; one alone forces it")
    agents = parser.add_argument_group(
        "the agents' settings", "served in settings[\"interaction-workspace\"] (docs/simulator.md)")
    agents.add_argument("--deny", action="append", default=[], metavar="PRIVILEGE",
                        help="serve this outbound privilege as \"false\" (e.g. can-cancel-record); "
                             "repeat for several. Known: " + ", ".join(settings.PRIVILEGES))
    agents.add_argument("--enforce-privileges", action="store_true",
                        help="refuse an operation whose privilege is denied (statusCode 5); by "
                             "default privileges are only served, as real GWS leaves them to the desktop")
    agents.add_argument("--call-result-values", default=settings.DEFAULT_CALL_RESULT_VALUES,
                        metavar="LIST", help="call results offered, comma-separated (default "
                                             f"{settings.DEFAULT_CALL_RESULT_VALUES})")
    agents.add_argument("--campaign-hours", default=settings.DEFAULT_CAMPAIGN_HOURS, metavar="SPEC",
                        help="planner: Campaign=HH:MM-HH:MM,... with * for the others "
                             f"(default {settings.DEFAULT_CAMPAIGN_HOURS}; empty: none)")
    agents.add_argument("--calling-days", default=settings.DEFAULT_CALLING_DAYS, metavar="SPEC",
                        help=f"planner: weekdays or ranges (default {settings.DEFAULT_CALLING_DAYS})")
    agents.add_argument("--holidays", default=None, metavar="SPEC",
                        help="planner: YYYY-MM-DD or Zone/Name=YYYY-MM-DD, comma-separated "
                             "(default: two demo holidays a few days after the start; empty: none)")
    parser.add_argument("--errors-as-http-200", action="store_true",
                        help="answer refusals with HTTP 200 (statusCode in the body only)")
    parser.add_argument("--log-level", default="INFO",
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="default INFO")
    parser.add_argument("--exit-with-stdin", action="store_true",
                        help="stop when standard input closes (the process that started it is gone, "
                             "even killed): how the app's --demo keeps no orphan simulator")
    return parser


# Garbage collection of this process (the simulator alone): the young generation as usual, the
# older ones rarely. Hundreds of held long polls keep thousands of objects alive for a second or
# so; the default thresholds traverse them again and again, in pauses of up to ~50 ms that were
# most of the acknowledgement latency's p99 with 500 agents (docs/simulator.md "Performance").
GC_THRESHOLDS = (700, 1000, 10)


def _tune_gc() -> None:
    # The world and the code, built once: never traversed again. No collection first: the
    # start-up leaves ~2,000 garbage objects, not worth a 40 ms full collection before serving.
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    gc.enable()  # ``python -m agent_desktop.simulator`` turned it off for the start-up


def _stop_when_stdin_closes(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
    # os.read on the descriptor, not sys.stdin: a daemon thread blocked inside the buffered
    # reader holds its lock, and when a signal ends the simulator instead, the interpreter's
    # shutdown waited 1 s for that lock and then aborted (SIGABRT, "_enter_buffered_busy").
    fd = sys.stdin.fileno()

    def watch() -> None:
        try:
            while os.read(fd, 4096):
                pass
        except OSError:
            pass
        loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=watch, name="stdin-watch", daemon=True).start()


async def _serve(config: SimulatorConfig, *, exit_with_stdin: bool = False) -> None:
    simulator = Simulator(config)
    await simulator.start()
    _tune_gc()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows: no loop signal handlers
            signal.signal(signum, lambda *_: loop.call_soon_threadsafe(stop.set))
    if exit_with_stdin:
        _stop_when_stdin_closes(loop, stop)
    ready = {"event": "ready", "url": simulator.url, "urls": simulator.urls,
             "username": simulator.usernames[0], "password": simulator.password,
             "agents": len(simulator.usernames)}
    sys.stdout.write(json.dumps(ready) + "\n")
    sys.stdout.flush()
    try:
        await stop.wait()
    finally:
        log.info("stopping")
        await simulator.stop()


def parse_config(argv: Optional[Sequence[str]] = None) -> tuple[SimulatorConfig, argparse.Namespace]:
    """The run's configuration from the command line; bad arguments exit 2 (argparse)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not _is_loopback_host(args.host) and not args.allow_remote:
        parser.error(f"--host {args.host} is not a loopback address; the simulator uses demo "
                     "credentials and test endpoints, so add --allow-remote to listen there anyway")
    if args.password == "":
        parser.error("--password must not be empty")
    try:
        config = SimulatorConfig(
            host=args.host, port=args.port, agents=args.agents,
            records_per_agent=args.records_per_agent, seed=args.seed, password=args.password,
            journal=args.journal, ack_delay_ms=args.ack_delay_ms,
            ack_jitter_ms=args.ack_jitter_ms, http_5xx_rate=args.http_5xx_rate,
            drop_ack_rate=args.drop_ack_rate, latency_ms=args.latency_ms,
            fault_seed=args.fault_seed, nodes=args.nodes,
            errors_as_http_200=args.errors_as_http_200, callback_types=args.callback_types,
            denied_privileges=frozenset(args.deny), enforce_privileges=args.enforce_privileges,
            call_result_values=args.call_result_values, campaign_hours=args.campaign_hours,
            calling_days=args.calling_days, holidays=args.holidays)
    except ValueError as error:
        parser.error(str(error))
    return config, args


def main(argv: Optional[Sequence[str]] = None) -> int:
    config, args = parse_config(argv)
    logging.basicConfig(stream=sys.stderr, level=getattr(logging, args.log_level),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        asyncio.run(_serve(config, exit_with_stdin=args.exit_with_stdin))
    except OSError as error:
        log.error("cannot start the simulator: %s", error)
        return 1
    except KeyboardInterrupt:  # a second Ctrl+C while stopping
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
