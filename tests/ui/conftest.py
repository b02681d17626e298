"""Qt fixtures: one qasync loop for the session (never stopped: see reference/deps.md §5),
per-test task cleanup, and settings in a temporary folder."""

from __future__ import annotations

import asyncio

import pytest
import qasync
from PySide6.QtCore import QSettings


@pytest.fixture(scope="session")
def _qasync_session_loop(qapp):
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)
    yield loop
    # Stopped only here, at the very end: stop() calls QApplication.exit(), after which every
    # nested Qt wait of a later test would return at once (reference/deps.md §5, pitfall 1).
    loop.stop()
    loop.close()


@pytest.fixture
def qloop(_qasync_session_loop, qapp, qtbot):
    loop = _qasync_session_loop
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    before = set(asyncio.all_tasks(loop))
    yield loop
    leftovers = [t for t in asyncio.all_tasks(loop) - before if not t.done()]
    for task in leftovers:
        task.cancel()
    if leftovers:
        qtbot.waitUntil(lambda: all(t.done() for t in leftovers), timeout=10_000)
    asyncio.events._set_running_loop(None)


@pytest.fixture(autouse=True)
def temporary_settings(tmp_path, qapp):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    qapp.setOrganizationName("Agent Desktop Tests")
    qapp.setApplicationName("Agent Desktop Tests")
    yield


@pytest.fixture
def run(qloop, qtbot):
    """Run a coroutine on the qasync loop while Qt keeps processing events; return its result."""

    def runner(coro, timeout_ms: int = 20_000):
        task = asyncio.ensure_future(coro, loop=qloop)
        qtbot.waitUntil(task.done, timeout=timeout_ms)
        return task.result()

    return runner
