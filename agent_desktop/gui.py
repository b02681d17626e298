"""The window application: part of the composition root (with ``app.py`` and ``demo.py``).

Builds the QApplication and the qasync loop, logs in (from the command line, the demo
simulator, or the login dialog), then shows the main window until the agent closes it.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

import platformdirs
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from agent_desktop import __version__, logs
from agent_desktop.domain.store import RecordStore
from agent_desktop.localzone import local_zone
from agent_desktop.services import credentials
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.errors import GwsError
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.local_store import LocalStore
from agent_desktop.ui.controller import MainController
from agent_desktop.ui.login_dialog import LoginAttempt, login_interactively
from agent_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
DATABASE_NAME = "agent-desktop.sqlite3"


# For the start-up benchmark: once the window shows this many records, print "SHOWN" and close.
EXIT_WHEN_SHOWN_ENV = "AGENT_DESKTOP_EXIT_WHEN_SHOWN"


async def _report_shown_and_close(window: MainWindow, agent: AgentSession, records: int) -> None:
    arrived = asyncio.Event()
    stop = agent.store.subscribe(lambda changes: arrived.set())
    try:
        while window.model.rowCount() < records or not window.isVisible():
            arrived.clear()
            await arrived.wait()
    finally:
        stop()
    await asyncio.sleep(0)  # one more turn of the loop: the rows get painted
    print("SHOWN", flush=True)
    window.close()


def demo_data_dir() -> str:
    """A private temporary folder for one demo run (removed when the process ends)."""
    folder = tempfile.mkdtemp(prefix="agent-desktop-demo-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder
PASSWORD_ENV = "AGENT_DESKTOP_PASSWORD"


class Connector:
    """Turns a login attempt into a started AgentSession with its own store."""

    def __init__(self, *, ca_bundle: str | None = None, allow_insecure_http: bool = False,
                 data_dir: Path | None = None) -> None:
        self.ca_bundle = ca_bundle
        self.allow_insecure_http = allow_insecure_http
        # Where the outbox and ledger live; None keeps them in memory only (tests, one-off runs).
        self.data_dir = data_dir

    async def __call__(self, attempt: LoginAttempt) -> AgentSession:
        logs.register_secret(attempt.password)  # every password (dialog, env, vault, demo) passes here
        session = GwsSession(attempt.server, attempt.username, attempt.password,
                             ca_bundle=self.ca_bundle, allow_insecure_http=self.allow_insecure_http,
                             on_secret=logs.register_secret)
        local = LocalStore(self.data_dir / DATABASE_NAME) if self.data_dir else None
        agent = AgentSession(session, RecordStore(), local=local)
        await agent.start()  # closes what it opened if it fails
        return agent


async def _initial_attempt(args: argparse.Namespace, stack: contextlib.ExitStack) -> LoginAttempt | None:
    if args.demo:
        from agent_desktop.demo import DemoSimulator  # loaded for the demo only

        simulator = getattr(args, "demo_simulator", None) or DemoSimulator()
        stack.callback(simulator.stop)
        server = await asyncio.to_thread(simulator.ready)
        return LoginAttempt(server.url, server.username, server.password, remember=False)
    if args.server and args.username:
        password = os.environ.get(PASSWORD_ENV) or (
            await credentials.read_password(args.username, args.server)).password
        if password:
            return LoginAttempt(args.server, args.username, password, remember=False)
    return None


async def run_window(args: argparse.Namespace, app: QApplication) -> int:
    agent_tz = local_zone()
    settings = QSettings()
    # The demo's simulator invents new data each run: its outbox and ledger live only as long as it.
    data_dir = Path(demo_data_dir()) if args.demo else Path(platformdirs.user_data_dir("agent-desktop"))
    connect = Connector(ca_bundle=args.ca_bundle, allow_insecure_http=args.allow_insecure_http,
                        data_dir=data_dir)
    agent: AgentSession | None = None
    with contextlib.ExitStack() as stack:
        try:
            attempt = await _initial_attempt(args, stack)
            error = ""
            if attempt is not None:
                try:
                    agent = await connect(attempt)
                except (GwsError, ValueError) as failure:
                    error = getattr(failure, "message", None) or str(failure)
            if agent is None:
                agent = await login_interactively(
                    settings, connect, server=args.server or "", username=args.username or "", error=error)
            if agent is None:
                return 0
            profile = agent.profile
            window = MainWindow(agent.store, agent_tz=agent_tz,
                                agent_name=profile.display_name if profile else "")
            MainController(agent, window, agent_tz=agent_tz)
            closed = asyncio.get_running_loop().create_future()
            window.closed.connect(lambda: closed.done() or closed.set_result(None))
            window.show()
            if os.environ.get(EXIT_WHEN_SHOWN_ENV):
                await _report_shown_and_close(window, agent, int(os.environ[EXIT_WHEN_SHOWN_ENV]))
            await closed
            return 0
        finally:
            if agent is not None:
                await agent.close()


def main_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Agent Desktop")
    app.setOrganizationName("Agent Desktop")
    app.setApplicationVersion(__version__)
    # The loop decides when to stop: closing the login dialog must not quit Qt under it.
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(run_window(args, app))
