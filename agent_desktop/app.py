"""The composition root: parses arguments, configures logging, builds and wires everything.

No other module creates services or reads the command line. Layer direction (DESIGN.md):
app → ui → services → domain; app may also start the simulator, for ``--demo`` only.

Start-up order matters (``docs/performance.md``): this module imports almost nothing at the top,
so that ``--demo`` starts its simulator process as early as it can (argparse and ``subprocess``
only), and the simulator boots on the other core while this process imports the rest.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from agent_desktop import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agent-desktop",
        description="Scheduled outbound callbacks for Genesys agents (GWS API v2).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help="run against the built-in GWS simulator")
    parser.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                        help="what the console shows (default WARNING); the log file in the platform "
                             "log folder keeps INFO and above, secrets redacted")
    parser.add_argument("--server", help="log in to this GWS without the login dialog (with --username)")
    parser.add_argument("--username")
    parser.add_argument("--ca-bundle", help="PEM file of CA certificates to trust instead of the system's")
    parser.add_argument("--allow-insecure-http", action="store_true",
                        help="allow plain http:// to a non-loopback server")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add_connection_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--server", required=True,
                         help="GWS base URL, e.g. https://gws.example.com; several nodes: URL1,URL2")
        sub.add_argument("--username", required=True)
        sub.add_argument("--ca-bundle", help="PEM file of CA certificates to trust instead of the system's")
        sub.add_argument(
            "--allow-insecure-http",
            action="store_true",
            help="allow plain http:// to a non-loopback server (passwords travel unencrypted)",
        )

    resched = commands.add_parser(
        "reschedule",
        help="reschedule one record and wait for the server's acknowledgement",
        description="Password from AGENT_DESKTOP_PASSWORD, the keyring, or a prompt.",
    )
    resched.add_argument("handle", type=int, metavar="HANDLE", help="OCS record handle")
    add_connection_options(resched)
    resched.add_argument("--campaign", required=True, help="campaign name of the record")
    resched.add_argument("--application-id", type=int, required=True, help="OCS application id")
    resched.add_argument("--at", required=True, help="new time, ISO 8601 (no offset = this computer's zone)")
    resched.add_argument("--type", required=True, choices=["personal", "campaign"], dest="callback_type")
    resched.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the acknowledgement")

    records = commands.add_parser("records", help="log in and list the records GWS pushes to you")
    add_connection_options(records)
    records.add_argument("--json", action="store_true", help="one JSON object per line")
    records.add_argument("--settle", type=float, default=1.0, help="stop after this many quiet seconds")
    records.add_argument("--timeout", type=float, default=30.0)
    return parser


def configure_logging(level: str) -> None:
    """Console at ``level``, the rotating file in the platform log folder, secrets redacted."""
    from agent_desktop import logs

    logs.configure_logging(level)


def _connection(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from agent_desktop import headless

    return headless.Connection(
        server=args.server,
        username=args.username,
        ca_bundle=args.ca_bundle,
        allow_insecure_http=args.allow_insecure_http,
    )


async def _run_reschedule(args: argparse.Namespace) -> int:
    from agent_desktop import headless
    from agent_desktop.domain.records import CallbackType

    conn = _connection(args)
    when = headless.parse_moment(args.at)
    password = await headless.obtain_password(conn)
    ack = await headless.reschedule(
        conn,
        password,
        record_handle=args.handle,
        application_id=args.application_id,
        campaign=args.campaign,
        when=when,
        callback_type=CallbackType.parse(args.callback_type),
        timeout_s=args.timeout,
    )
    headless.print_json_line(ack)
    return headless.EXIT_OK


async def _run_records(args: argparse.Namespace) -> int:
    from agent_desktop import headless

    conn = _connection(args)
    password = await headless.obtain_password(conn)
    found = await headless.collect_records(conn, password, settle_s=args.settle, timeout_s=args.timeout)
    if args.json:
        for record in found:
            headless.print_json_line(headless.record_as_json(record))
    else:
        print(headless.format_records_table(found))
    return headless.EXIT_OK


def _run_headless(coro_factory, args: argparse.Namespace) -> int:
    # The commands' modules are imported here, not at the top: the window does not need them.
    import asyncio

    from agent_desktop import headless

    try:
        return asyncio.run(coro_factory(args))
    except headless.CommandFailed as exc:
        print(f"agent-desktop: {exc.message}", file=sys.stderr)
        headless.print_json_line({"event": "failed", "exitCode": exc.exit_code, "message": exc.message})
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--run-simulator"]:  # demo.RUN_SIMULATOR: the demo's simulator in a bundle
        import runpy  # runs exactly what ``python -m agent_desktop.simulator ARGS`` runs

        sys.argv[1:] = argv[1:]
        runpy.run_module("agent_desktop.simulator", run_name="__main__", alter_sys=True)
        return 0  # not reached: the module exits with the simulator's status
    args = build_parser().parse_args(argv)
    if args.command is None:
        # Start-up makes ~100,000 objects that live as long as the app (modules, classes, Qt
        # wrappers); the collector would walk them over and over while they are made (~0.1 s of
        # a 1 s start). It is paused until the window is up; gui.py then freezes them out of its
        # sight and turns it back on.
        args.startup_gc_paused = gc.isenabled()
        gc.disable()
        if args.demo:
            from agent_desktop.demo import DemoSimulator

            # First thing: the simulator boots in its own process while this one imports Qt.
            args.demo_simulator = DemoSimulator()
        # Qt is loaded only for the window. gui.py imports the network stack before Qt, and
        # configures logging once Qt is loaded (the banner then names Qt's version for free).
        try:
            from agent_desktop.gui import main_gui

            return main_gui(args)
        finally:
            if args.demo:  # also when the window failed before it took the simulator over
                args.demo_simulator.stop()
    configure_logging(args.log_level)
    if args.command == "reschedule":
        return _run_headless(_run_reschedule, args)
    return _run_headless(_run_records, args)
