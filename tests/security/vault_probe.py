"""Run one ``agent_desktop.services.credentials`` call as the app would, and print one JSON line.

Used by ``test_secret_service.py`` inside ``dbus-run-session`` with a real gnome-keyring (not a
test itself). While the call runs, a ticker task measures whether the event loop stayed free.

    python vault_probe.py store|read|delete|read-stopped USERNAME SERVER [PASSWORD] [--timeout S]

``read-stopped`` freezes the Secret Service daemon (SIGSTOP to the process that owns
``org.freedesktop.secrets`` on this private bus) during the read, and thaws it afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import time

import keyring

from agent_desktop.services import credentials


def secret_service_pid() -> int:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    bus = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus")
    with open_dbus_connection(bus="SESSION") as connection:
        reply = connection.send_and_get_reply(
            new_method_call(bus, "GetConnectionUnixProcessID", "s", ("org.freedesktop.secrets",)), timeout=10)
    return int(reply.body[0])


def backend_name() -> str:
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - e.g. no D-Bus session: the backend cannot start
        return f"unavailable ({type(exc).__name__})"
    return f"{type(backend).__module__}.{type(backend).__name__}"


async def measured(call):
    """Await ``call`` while a task ticks every 10 ms; the largest gap shows any blocking."""
    loop = asyncio.get_running_loop()
    gaps: list[float] = []
    done = False

    async def ticker() -> None:
        last = loop.time()
        while not done:
            await asyncio.sleep(0.01)
            now = loop.time()
            gaps.append(now - last)
            last = now

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.05)  # the ticker is running before the vault is touched
    started = loop.time()
    try:
        result = await call
    finally:
        elapsed = loop.time() - started
        done = True
        await task
    return result, elapsed, max(gaps), len(gaps)


async def main() -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("op", choices=["store", "read", "delete", "read-stopped"])
    parser.add_argument("username")
    parser.add_argument("server")
    parser.add_argument("password", nargs="?")
    parser.add_argument("--timeout", type=float, default=credentials.DEFAULT_TIMEOUT_S)
    args = parser.parse_args()

    stopped_pid = None
    if args.op == "store":
        call = credentials.store_password(args.username, args.server, args.password, timeout_s=args.timeout)
    elif args.op == "delete":
        call = credentials.delete_password(args.username, args.server, timeout_s=args.timeout)
    else:
        if args.op == "read-stopped":
            stopped_pid = secret_service_pid()
            os.kill(stopped_pid, signal.SIGSTOP)
        call = credentials.read_password(args.username, args.server, timeout_s=args.timeout)
    try:
        result, elapsed, max_gap, ticks = await measured(call)
    finally:
        if stopped_pid is not None:
            os.kill(stopped_pid, signal.SIGCONT)

    report = {
        "op": args.op,
        "backend": backend_name(),
        "password": result.password,
        "problem": result.problem,
        "reason": result.reason,
        "elapsed": elapsed,
        "max_gap": max_gap,
        "ticks": ticks,
    }
    if shutil.which("secret-tool") and not result.problem:
        # An independent reader of the same vault: libsecret's command-line tool.
        lookup = subprocess.run(
            ["secret-tool", "lookup", "service", credentials.KEYRING_SERVICE,
             "username", credentials.account_name(args.username, args.server)],
            capture_output=True, text=True, timeout=20)
        report["secret_tool"] = lookup.stdout if lookup.returncode == 0 else None
    return report


if __name__ == "__main__":
    started = time.monotonic()
    out = asyncio.run(main())
    out["process_s"] = time.monotonic() - started
    print(json.dumps(out), flush=True)
