"""Harness for the interop tests: installs the Node peers once and runs them as subprocesses.

Nothing here knows our client's internals: a peer is a process that prints one JSON ready line,
and the tests talk to it over HTTP like any other server.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import httpx
import pytest

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; concurrent sessions must not share the checkout
    fcntl = None  # type: ignore[assignment]

INTEROP_DIR = Path(__file__).resolve().parent
PEERS_DIR = INTEROP_DIR / "peers"
REPO_ROOT = INTEROP_DIR.parent.parent

PEER_USERNAME = "agent1"
PEER_PASSWORD = "s3cret-interop"
# The peers hold /meta/connect this long. It is large on purpose: a client that waits for the
# first long poll to end would need this long to open, far beyond the bounds the tests allow.
PEER_LONG_POLL_MS = 20_000

STARTUP_TIMEOUT_S = 20.0
NPM_TIMEOUT_S = 180.0


# -- npm ----------------------------------------------------------------------------------------
def _installed_tree_matches_lock() -> bool:
    """True when node_modules is exactly what package-lock.json pins (npm's own hidden lockfile agrees)."""
    lock_path, hidden_path = INTEROP_DIR / "package-lock.json", INTEROP_DIR / "node_modules" / ".package-lock.json"
    try:
        lock = json.loads(lock_path.read_text(encoding="utf-8"))
        hidden = json.loads(hidden_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False

    def pinned(tree: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
        return {
            name: (entry.get("version"), entry.get("integrity"))
            for name, entry in tree.get("packages", {}).items()
            if name.startswith("node_modules/")
        }

    wanted = pinned(lock)
    return bool(wanted) and pinned(hidden) == wanted and all((INTEROP_DIR / name).is_dir() for name in wanted)


@contextlib.contextmanager
def _install_lock():
    """One npm install at a time for this checkout, across concurrent pytest sessions."""
    if fcntl is None:
        yield
        return
    digest = hashlib.sha1(str(INTEROP_DIR).encode()).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / f"agent-desktop-interop-npm-{digest}.lock"
    with path.open("w") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(guard, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def node_peers_installed() -> Path:
    """``npm ci`` (or ``npm install`` without a lock) in tests/interop, once per session.

    Skipped when node_modules already matches the lock (npm ci would rebuild the same tree), and
    serialised with a file lock: ``npm ci`` deletes node_modules first, which would break a
    concurrent test session's peers. ``INTEROP_NPM_CI=1`` forces the install.
    """
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        missing = " and ".join(name for name, path in (("node", node), ("npm", npm)) if path is None)
        pytest.skip(f"interop tests need Node.js: {missing} not found on PATH")
    lock = INTEROP_DIR / "package-lock.json"
    command = [npm, "ci" if lock.exists() else "install", "--no-audit", "--no-fund", "--prefer-offline"]
    with _install_lock():
        if os.environ.get("INTEROP_NPM_CI") != "1" and lock.exists() and _installed_tree_matches_lock():
            return INTEROP_DIR / "node_modules"
        try:
            result = subprocess.run(
                command, cwd=INTEROP_DIR, capture_output=True, text=True, timeout=NPM_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"{' '.join(command)} did not finish in {NPM_TIMEOUT_S:.0f} s (npm registry reachable?)")
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(command)} failed in {INTEROP_DIR} (rc {result.returncode}):\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )
    return INTEROP_DIR / "node_modules"


# -- processes that print a JSON ready line -----------------------------------------------------
@dataclass
class ReadyProcess:
    """A subprocess that announced itself with one JSON line on stdout."""

    name: str
    process: subprocess.Popen[str]
    log_path: Path
    ready: dict[str, Any] = field(default_factory=dict)

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self) -> None:
        """Terminate (then kill) the process; also closes its stdin so --watch-stdin peers exit."""
        proc = self.process
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()


def start_ready_process(
    name: str, command: list[str], *, cwd: Path, log_path: Path, env: dict[str, str] | None = None,
    is_ready: Callable[[dict[str, Any]], bool] = lambda line: line.get("event") == "ready",
) -> ReadyProcess:
    """Start ``command`` and wait (bounded) for its JSON ready line; stderr goes to ``log_path``."""
    log_file = log_path.open("w", encoding="utf-8")
    try:
        proc = subprocess.Popen(
            command, cwd=cwd, env=env, text=True, bufsize=1,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log_file,
        )
    finally:
        log_file.close()
    handle = ReadyProcess(name, proc, log_path)
    assert proc.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    seen: list[str] = []
    try:
        while time.monotonic() < deadline:
            if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                continue
            line = proc.stdout.readline()
            if not line:  # EOF: the process died
                break
            seen.append(line)
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if isinstance(message, dict) and is_ready(message):
                handle.ready = message
                return handle
    finally:
        selector.close()
    handle.stop()
    raise RuntimeError(
        f"{name} did not print a ready line within {STARTUP_TIMEOUT_S:.0f} s "
        f"(exit code {proc.returncode}); stdout: {''.join(seen)[-1000:]!r}\nlog:\n{handle.log_tail()}"
    )


# -- the third-party Bayeux servers (part A) ----------------------------------------------------
PEER_SCRIPTS = {
    "cometd-nodejs-server": PEERS_DIR / "cometd_server.cjs",
    "faye": PEERS_DIR / "faye_server.cjs",
}


class BayeuxPeer:
    """A running Node Bayeux server plus its admin API."""

    def __init__(self, handle: ReadyProcess) -> None:
        self.handle = handle
        self.name: str = handle.name
        self.url: str = handle.ready["url"]
        self.username = PEER_USERNAME
        self.password = PEER_PASSWORD
        self.long_poll_s = PEER_LONG_POLL_MS / 1000

    async def _admin(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        async with httpx.AsyncClient(base_url=self.url, timeout=5.0) as http:
            response = await http.request(method, path, json=body)
        assert response.status_code == 200, f"{self.name} admin {path}: {response.status_code} {response.text}"
        return response.json()

    async def publish(self, channel: str, data: dict[str, Any]) -> None:
        await self._admin("POST", "/admin/publish", {"channel": channel, "data": data})

    async def forget_sessions(self) -> int:
        """Restart the peer's Bayeux server: every session is unknown from now on."""
        return (await self._admin("POST", "/admin/forget"))["forgotten"]

    async def configure(self, **config: Any) -> None:
        await self._admin("POST", "/admin/config", config)

    async def stats(self) -> dict[str, Any]:
        return await self._admin("GET", "/admin/stats")

    async def wait_for_stats(self, condition: Callable[[dict[str, Any]], bool], timeout: float = 5.0) -> dict[str, Any]:
        """Poll the admin stats until ``condition`` holds (bounded)."""
        deadline = time.monotonic() + timeout
        while True:
            stats = await self.stats()
            if condition(stats):
                return stats
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: condition not met within {timeout} s; stats: {stats}")
            await asyncio.sleep(0.05)


@pytest.fixture(params=sorted(PEER_SCRIPTS))
def bayeux_peer(request: pytest.FixtureRequest, node_peers_installed: Path, tmp_path: Path):
    """One fresh third-party Bayeux server per test, killed at teardown."""
    name = request.param
    command = [
        shutil.which("node") or "node", str(PEER_SCRIPTS[name]),
        "--username", PEER_USERNAME, "--password", PEER_PASSWORD,
        "--timeout-ms", str(PEER_LONG_POLL_MS), "--watch-stdin",
    ]
    handle = start_ready_process(name, command, cwd=INTEROP_DIR, log_path=tmp_path / f"{name}.log")
    try:
        yield BayeuxPeer(handle)
    finally:
        handle.stop()
        if getattr(request.node, "rep_call_failed", False):
            sys.stderr.write(f"\n--- {name} log ---\n{handle.log_tail()}\n")


# -- our simulator (part B) -----------------------------------------------------------------------
@pytest.fixture
def simulator(tmp_path: Path):
    """``python -m agent_desktop.simulator --port 0 --seed 3``; its ready line has url/username/password."""
    command = [sys.executable, "-m", "agent_desktop.simulator", "--port", "0", "--seed", "3"]
    handle = start_ready_process("simulator", command, cwd=REPO_ROOT, log_path=tmp_path / "simulator.log")
    try:
        yield handle
    finally:
        handle.stop()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report = yield
    if report.when == "call" and report.failed:
        item.rep_call_failed = True  # type: ignore[attr-defined]
    return report
