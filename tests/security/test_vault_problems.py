"""The password vault when it cannot be used — absent, locked, slow, broken — for reading, storing
and forgetting: each gives a ``VaultResult`` with a plain-words problem, and the event loop keeps
running meanwhile (a task ticking every 10 ms is never held up)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import time

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as NoKeyring
from keyring.errors import InitError, KeyringLocked, PasswordDeleteError

from agent_desktop.services import credentials

SERVER, USER = "https://gws.example.com", "agent7"
MAX_GAP_S = 0.25


class SlowKeyring(KeyringBackend):
    """A vault that answers only after ``delay`` seconds (a D-Bus call stuck behind a prompt)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay

    def get_password(self, service, username):
        time.sleep(self.delay)
        return "too late"

    def set_password(self, service, username, password):
        time.sleep(self.delay)

    def delete_password(self, service, username):
        time.sleep(self.delay)


class RaisingKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service, username):
        raise self.error

    def set_password(self, service, username, password):
        raise self.error

    def delete_password(self, service, username):
        raise self.error


class SecretStorageLikeLocked(Exception):
    """Stands in for a backend's own error type, e.g. secretstorage's LockedException."""


SecretStorageLikeLocked.__name__ = "LockedException"


@pytest.fixture
def use_backend():
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


async def while_ticking(call):
    """Await ``call``; return its result, how long it took and the largest gap between ticks."""
    loop = asyncio.get_running_loop()
    gaps: list[float] = []
    done = False

    async def ticker() -> None:
        last = loop.time()
        while not done:
            await asyncio.sleep(0.01)
            gaps.append(loop.time() - last)
            last = loop.time()

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.03)
    started = loop.time()
    try:
        result = await call
    finally:
        elapsed = loop.time() - started
        done = True
        await task
    return result, elapsed, max(gaps)


def calls(timeout_s: float = credentials.DEFAULT_TIMEOUT_S):
    return {
        "read": lambda: credentials.read_password(USER, SERVER, timeout_s=timeout_s),
        "store": lambda: credentials.store_password(USER, SERVER, "pw-1234", timeout_s=timeout_s),
        "forget": lambda: credentials.delete_password(USER, SERVER, timeout_s=timeout_s),
    }


@pytest.mark.parametrize("operation", ["read", "store", "forget"])
async def test_a_slow_vault_times_out_and_the_loop_keeps_ticking(use_backend, operation):
    use_backend(SlowKeyring(delay=1.5))
    result, elapsed, max_gap = await while_ticking(calls(timeout_s=0.3)[operation]())
    assert (result.password, result.reason) == (None, "slow")
    assert result.problem == "The password vault did not answer in time."
    assert 0.28 <= elapsed < 1.0  # the time-out, not the vault's 1.5 s
    assert max_gap < MAX_GAP_S


@pytest.mark.parametrize("operation", ["read", "store", "forget"])
async def test_no_vault_backend_is_absent(use_backend, operation):
    use_backend(NoKeyring())
    result, _elapsed, max_gap = await while_ticking(calls()[operation]())
    assert (result.password, result.reason) == (None, "absent")
    assert result.problem == "No password vault is available on this computer."
    assert max_gap < MAX_GAP_S


@pytest.mark.parametrize("error", [KeyringLocked("Failed to unlock the collection!"),
                                   InitError("Failed to create the collection: Prompt dismissed."),
                                   SecretStorageLikeLocked("Item is locked")],
                         ids=["KeyringLocked", "InitError", "backend's own LockedException"])
@pytest.mark.parametrize("operation", ["read", "store", "forget"])
async def test_a_locked_vault_says_so(use_backend, operation, error):
    use_backend(RaisingKeyring(error))
    result, elapsed, max_gap = await while_ticking(calls()[operation]())
    assert (result.password, result.reason) == (None, "locked")
    assert "locked" in result.problem and "Traceback" not in result.problem
    assert elapsed < 1.0 and max_gap < MAX_GAP_S


async def test_a_wrapped_no_bus_error_is_absent(use_backend):
    try:
        try:
            raise type("SecretServiceNotAvailableException", (Exception,), {})("DBUS_SESSION_BUS_ADDRESS is unset")
        except Exception as cause:
            raise RuntimeError("Unable to initialize SecretService") from cause
    except RuntimeError as wrapped:
        use_backend(RaisingKeyring(wrapped))
    result = await credentials.read_password(USER, SERVER)
    assert result.reason == "absent"


async def test_any_other_vault_error_is_a_plain_failure(use_backend):
    use_backend(RaisingKeyring(OSError("D-Bus said no")))
    result = await credentials.read_password(USER, SERVER)
    assert (result.password, result.reason) == (None, "failed")
    assert result.problem == "The password vault could not be used."


async def test_store_read_forget_round_trip(memory_keyring):
    assert (await credentials.store_password(USER, SERVER, "pw-1234")).problem == ""
    assert (await credentials.read_password(USER, SERVER)).password == "pw-1234"
    assert (await credentials.read_password(USER, "https://other.example.com")).password is None
    forgotten = await credentials.delete_password(USER, SERVER)
    assert (forgotten.password, forgotten.problem, forgotten.reason) == (None, "", "")
    assert (await credentials.read_password(USER, SERVER)).password is None
    assert memory_keyring.entries == {}


async def test_forgetting_what_was_never_saved_is_fine(use_backend):
    use_backend(RaisingKeyring(PasswordDeleteError("No such password!")))  # how backends say "not found"
    result = await credentials.delete_password(USER, SERVER)
    assert (result.problem, result.reason) == ("", "")


def test_a_hung_vault_does_not_hold_up_the_exit():
    """The vault call runs in a daemon thread: a process whose vault never answers still ends."""
    script = textwrap.dedent("""
        import asyncio, time, keyring
        from keyring.backend import KeyringBackend
        from agent_desktop.services import credentials

        class Hung(KeyringBackend):
            priority = 1
            def get_password(self, service, username):
                time.sleep(120)
            def set_password(self, service, username, password):
                pass
            def delete_password(self, service, username):
                pass

        keyring.set_keyring(Hung())
        print(asyncio.run(credentials.read_password("a", "https://b", timeout_s=0.3)).reason)
    """)
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "slow"
    assert time.monotonic() - started < 30  # not the vault's 120 s
