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
import importlib
import logging
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

# Import order matters for start-up time (docs/performance.md, "Start-up").
#
# 1. Everything that is not Qt comes first. Once PySide6 is loaded, its import hook (for
#    ``__feature__``) reads the *source* of every module imported after it to see whether it
#    mentions PySide6: for the network stack (~370 modules, 5 MB of source) that was 0.3 s.
# 2. aiohttp (for aiocometd) is imported in a second thread while this one imports httpx and our
#    own modules. Most of its import is Python and takes turns with this thread for the GIL; file
#    reads from a cold disk overlap. aiohttp also makes two default TLS contexts at import, each
#    loading the system's CA certificates (~50 ms of CPU each). The app never uses them: every
#    CometD request is given the session's own context (``GwsSession.ssl_context``), or none for
#    http://. So they are made without CA certificates (``_without_ca_loading``): ~100 ms of CPU
#    less, on a machine whose other core boots the demo's simulator meanwhile. A context that
#    trusts nothing fails a request made with it by mistake; it never lets one through.
# 3. What httpx imports lazily on its first client and first request (the connection pool, anyio's
#    asyncio backend) is imported here too: the window cannot log in without them.

# Imported by both threads' halves below: imported once, first, so that the two threads never
# import the same module at the same time (two threads importing modules that import each other
# can deadlock; Python then fails one of the imports).
_SHARED_BY_BOTH_HALVES = (
    "calendar", "copy", "datetime", "email.header", "email.message", "email.parser", "email.utils",
    "hashlib", "http.client", "idna", "json", "mimetypes", "pickle", "platform", "typing_extensions",
    "unicodedata", "urllib.request", "uuid",
)
_AIOHTTP_HALF = ("aiohttp", "aiocometd_noloop")
_THIS_THREADS_HALF = (
    "httpx", "httpcore", "anyio._backends._asyncio", "platformdirs",
    "agent_desktop.domain.store", "agent_desktop.domain.rules", "agent_desktop.domain.schedule",
    "agent_desktop.localzone", "agent_desktop.logs", "agent_desktop.services.gws_session",
    "agent_desktop.services.local_store", "agent_desktop.services.ledger_sync",
    "agent_desktop.services.outbound", "agent_desktop.services.events",
    # Not network modules, but free of Qt and of aiohttp, needed before the window shows: this
    # thread imports them while it would otherwise wait for the other to build aiohttp's TLS
    # contexts (~50 ms, without the GIL), and they are not scanned by PySide6's hook (~15 ms).
    "agent_desktop.domain.planner", "agent_desktop.domain.reminders",
    "agent_desktop.services.bulk_move", "agent_desktop.services.grace",
    "agent_desktop.services.record_actions", "agent_desktop.services.session_recovery",
    "agent_desktop.services.burst_gc", "orjson", "zipfile",
)


def _import_all(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a head start only: the imports below raise for real
            pass


@contextlib.contextmanager
def _without_ca_loading() -> Iterator[None]:
    """TLS contexts this thread makes meanwhile load no CA certificates (point 2); a context
    another thread makes meanwhile loads them as always."""
    import ssl

    this_thread = threading.current_thread()
    cls = ssl.SSLContext
    names = ("load_default_certs", "set_default_verify_paths")
    own = {name: cls.__dict__.get(name) for name in names}  # None: inherited from the C class

    def skipped_here(name: str) -> Callable[..., None]:
        loading = getattr(cls, name)

        def load_unless_this_thread(context: ssl.SSLContext, *args: object, **kwargs: object) -> None:
            if threading.current_thread() is not this_thread:
                loading(context, *args, **kwargs)
        return load_unless_this_thread

    for name in names:
        setattr(cls, name, skipped_here(name))
    try:
        yield
    finally:
        for name, method in own.items():
            if method is None:
                delattr(cls, name)
            else:
                setattr(cls, name, method)


def _import_aiohttp_half() -> None:
    with _without_ca_loading():
        _import_all(_AIOHTTP_HALF)


def _import_network_stack_before_qt() -> None:
    _import_all(_SHARED_BY_BOTH_HALVES)
    other = threading.Thread(target=_import_aiohttp_half, name="import-aiohttp", daemon=True)
    other.start()
    try:
        _import_all(_THIS_THREADS_HALF)
    finally:
        other.join()  # before anything imports Qt (point 1)


_import_network_stack_before_qt()

import platformdirs  # noqa: E402

from agent_desktop import __version__, logs  # noqa: E402
from agent_desktop.domain.store import RecordStore  # noqa: E402
from agent_desktop.localzone import local_zone  # noqa: E402
from agent_desktop.services.agent_session import AgentSession  # noqa: E402
from agent_desktop.services.errors import GwsError  # noqa: E402
from agent_desktop.services.gws_session import GwsSession  # noqa: E402
from agent_desktop.services.local_store import LocalStore  # noqa: E402


# 4. PySide6 carries its support modules (the signature and ``__feature__`` machinery, ~130 kB of
#    Python) as source inside the shiboken6 library and compiles them at every import of Qt:
#    ~40 ms. Their code objects are kept in the app's cache folder, keyed by the source's hash,
#    as Python keeps a module's bytecode beside it (it cannot beside these). Only that loader's
#    calls are answered from it, and only while Qt is imported, in one thread (the other joined).
QT_SUPPORT_CODE_CACHE = "pyside-support-code.bin"
_QT_SUPPORT_FILES = ("shibokensupport/", "signature_bootstrap")
# (compiled from source, taken from the cache) by the last import of Qt through it; for tests.
qt_support_code_counts = (0, 0)


def _import_qt_with_cached_support_code(cache: Path) -> None:
    global qt_support_code_counts
    import builtins
    import hashlib
    import marshal
    from importlib.util import MAGIC_NUMBER  # the bytecode's version: another Python, another cache
    from types import CodeType

    try:
        data = cache.read_bytes()
        known = marshal.loads(data[len(MAGIC_NUMBER):]) if data.startswith(MAGIC_NUMBER) else {}
    except (OSError, ValueError, EOFError, TypeError):
        known = {}
    if not isinstance(known, dict):
        known = {}
    used: dict[tuple[str, str], object] = {}
    made = 0
    plain_compile = builtins.compile

    def compile_once(source, filename, mode, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal made
        if (args or kwargs or mode != "exec" or not isinstance(source, bytes)
                or not isinstance(filename, str) or not filename.startswith(_QT_SUPPORT_FILES)):
            return plain_compile(source, filename, mode, *args, **kwargs)
        key = (filename, hashlib.sha256(source).hexdigest())
        code = known.get(key)
        if not isinstance(code, CodeType):
            code = plain_compile(source, filename, mode)
            made += 1
        used[key] = code
        return code

    builtins.compile = compile_once
    try:
        import PySide6.QtCore  # noqa: F401
    finally:
        builtins.compile = plain_compile
    qt_support_code_counts = (made, len(used) - made)
    if made:  # first start, or another PySide6: keep what this one compiled (and only that)
        partial = cache.with_name(f"{cache.name}.{os.getpid()}")
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(MAGIC_NUMBER + marshal.dumps(used))
            os.replace(partial, cache)  # whole or not at all, even with two starts at once
        except (OSError, ValueError):  # a read-only home, a full disk: compiled again next time
            with contextlib.suppress(OSError):
                partial.unlink()


_import_qt_with_cached_support_code(Path(platformdirs.user_cache_dir("agent-desktop")) / QT_SUPPORT_CODE_CACHE)

from PySide6.QtCore import QCoreApplication, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import qasync  # noqa: E402  (after PySide6: it takes the binding loaded instead of probing PyQt5, PyQt6, PySide2)

from agent_desktop.domain.reminders import ReminderTracker  # noqa: E402
from agent_desktop.ui.app_settings import load_preferences, save_preferences  # noqa: E402
from agent_desktop.ui.controller import MainController  # noqa: E402
from agent_desktop.ui.i18n import install_translators, language_for  # noqa: E402
from agent_desktop.ui.login_attempt import LoginAttempt  # noqa: E402
from agent_desktop.ui.main_window import MainWindow  # noqa: E402

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
