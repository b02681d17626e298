"""The window application: part of the composition root (with ``app.py`` and ``demo.py``).

Builds the QApplication and the qasync loop, logs in (from the command line, the demo
simulator, or the login dialog), then shows the main window until the agent closes it.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import gc
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

import platformdirs

# Import order matters for start-up time: startup_imports.py says why.
from agent_desktop import startup_imports

CACHE_DIR = Path(platformdirs.user_cache_dir("agent-desktop"))
startup_imports.dataclass_methods_from(CACHE_DIR)
startup_imports.network_stack_before_qt()

from agent_desktop import __version__, logs  # noqa: E402
from agent_desktop.domain.store import RecordStore  # noqa: E402
from agent_desktop.localzone import local_zone  # noqa: E402
from agent_desktop.services.agent_session import AgentSession  # noqa: E402
from agent_desktop.services.errors import GwsError  # noqa: E402
from agent_desktop.services.gws_session import GwsSession  # noqa: E402
from agent_desktop.services.local_store import LocalStore  # noqa: E402

startup_imports.qt_with_cached_support_code(CACHE_DIR / startup_imports.QT_SUPPORT_CODE_CACHE)

from PySide6.QtCore import QCoreApplication, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import qasync  # noqa: E402  (after PySide6: it takes the binding loaded instead of probing PyQt5, PyQt6, PySide2)

from agent_desktop.domain.reminders import ReminderTracker  # noqa: E402
from agent_desktop.ui.app_settings import load_preferences, save_preferences  # noqa: E402
from agent_desktop.ui.controller import MainController  # noqa: E402
from agent_desktop.ui.i18n import install_translators, language_for  # noqa: E402
from agent_desktop.ui.login_attempt import LoginAttempt  # noqa: E402
from agent_desktop.ui.main_window import MainWindow  # noqa: E402

startup_imports.dataclass_methods_done()

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
                 data_dir: Path | None = None, ack_timeout_s: float = 30.0) -> None:
        self.ca_bundle = ca_bundle
        self.allow_insecure_http = allow_insecure_http
        self.ack_timeout_s = ack_timeout_s
        # Where the outbox and ledger live; None keeps them in memory only (tests, one-off runs).
        self.data_dir = data_dir

    async def __call__(self, attempt: LoginAttempt) -> AgentSession:
        logs.register_secret(attempt.password)  # every password (dialog, env, vault, demo) passes here
        session = GwsSession(attempt.server, attempt.username, attempt.password,
                             ca_bundle=self.ca_bundle, allow_insecure_http=self.allow_insecure_http,
                             on_secret=logs.register_secret)
        local = LocalStore(self.data_dir / DATABASE_NAME) if self.data_dir else None
        agent = AgentSession(session, RecordStore(), local=local, ack_timeout_s=self.ack_timeout_s)
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
        from agent_desktop.services import credentials  # the vault only when it is asked

        password = os.environ.get(PASSWORD_ENV) or (
            await credentials.read_password(args.username, args.server)).password
        if password:
            return LoginAttempt(args.server, args.username, password, remember=False)
    return None


def _end_of_startup(args: argparse.Namespace) -> None:
    """Turn the garbage collector back on if ``app.main`` paused it for the start-up.

    What the start-up made (modules, classes, Qt wrappers, the window) lives as long as the
    app: it is frozen out of the collector's sight first, so the collector neither walks it now
    nor on every later full collection. (The little cyclic garbage among it, about 2,000 objects,
    stays: collecting it would cost a ~0.1 s pause.)
    """
    if getattr(args, "startup_gc_paused", False):
        args.startup_gc_paused = False
        gc.freeze()
        gc.enable()


async def run_window(args: argparse.Namespace, app: QApplication) -> int:
    agent_tz = local_zone()
    settings = QSettings()
    preferences = load_preferences(settings)
    # The demo's simulator invents new data each run: its outbox and ledger live only as long as it.
    data_dir = Path(demo_data_dir()) if args.demo else Path(platformdirs.user_data_dir("agent-desktop"))
    connect = Connector(ca_bundle=args.ca_bundle or preferences.ca_bundle or None,
                        allow_insecure_http=args.allow_insecure_http, data_dir=data_dir,
                        ack_timeout_s=preferences.ack_timeout_s)
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
                _end_of_startup(args)  # the agent may sit in the dialog for minutes
                from agent_desktop.ui.login_dialog import login_interactively

                agent = await login_interactively(
                    settings, connect, server=args.server or ",".join(preferences.nodes),
                    username=args.username or "", error=error)
            if agent is None:
                return 0
            profile = agent.profile
            window = MainWindow(agent.store, agent_tz=agent_tz,
                                agent_name=profile.display_name if profile else "", settings=settings,
                                reminder_tracker=ReminderTracker(preferences.reminder_leads),
                                first_zone=preferences.first_zone)
            controller = MainController(agent, window, agent_tz=agent_tz, grace_s=preferences.undo_grace_s,
                                        slot_length=preferences.slot_length,
                                        working_hours=preferences.working_hours(agent_tz))
            window.settings_requested.connect(lambda: _open_settings(window, settings, controller))
            window.log_folder_requested.connect(_open_log_folder)
            closed = asyncio.get_running_loop().create_future()
            window.closed.connect(lambda: closed.done() or closed.set_result(None))
            if not os.environ.get(EXIT_WHEN_SHOWN_ENV):  # that run closes the window itself, unasked
                window.close_guard = controller.planner.confirm_quit
            window.show()
            _end_of_startup(args)
            if os.environ.get(EXIT_WHEN_SHOWN_ENV):
                await _report_shown_and_close(window, agent, int(os.environ[EXIT_WHEN_SHOWN_ENV]))
            await closed
            await controller.finish()
            return 0
        finally:
            _end_of_startup(args)
            if agent is not None:
                await agent.close()


def _open_settings(window: MainWindow, settings: QSettings, controller: MainController) -> None:
    """Non-modal to the loop: opened with ``open()``, answered through ``finished``."""
    from agent_desktop.ui.settings_dialog import SettingsDialog  # loaded when first asked for

    existing = window.findChild(SettingsDialog)
    if existing is not None and existing.isVisible():
        existing.raise_()
        return
    dialog = SettingsDialog(load_preferences(settings), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(result: int) -> None:
        chosen = dialog.preferences()
        if result != SettingsDialog.DialogCode.Accepted or chosen is None:
            return
        save_preferences(settings, chosen)
        window.reminders.tracker.set_lead_times(chosen.reminder_leads)  # applies at once
        window.reminders.check()
        window.show_first(chosen.first_zone)
        controller.grace.delay_s = chosen.undo_grace_s
        controller.planner.set_slot_length(chosen.slot_length)
        controller.planner.working_hours = chosen.working_hours(controller.agent_tz)
        window.notify(QCoreApplication.translate("MainWindow", "Settings saved. Server and language changes apply at the next start."))

    dialog.finished.connect(finished)
    dialog.open()


def _open_log_folder() -> None:
    from PySide6.QtCore import QUrl  # each Python type costs ~1-2 ms to make: not at start-up
    from PySide6.QtGui import QDesktopServices

    folder = logs.default_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def main_gui(args: argparse.Namespace) -> int:
    # Configured here, not before Qt is imported: the start-up banner names the loaded Qt
    # instead of looking PySide6's version up in the installed packages' metadata.
    logs.configure_logging(args.log_level)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Agent Desktop")
    app.setOrganizationName("Agent Desktop")
    app.setApplicationVersion(__version__)
    # The language: the setting, else the system's; Qt's own texts (standard buttons) too.
    app._translators = install_translators(  # type: ignore[attr-defined]  # kept alive with the app
        app, language_for(load_preferences(QSettings()).language))
    from agent_desktop.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    app.setDesktopFileName("agent-desktop")  # Wayland shows the icon of agent-desktop.desktop
    # The loop decides when to stop: closing the login dialog must not quit Qt under it.
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(run_window(args, app))
