"""Passwords in the OS vault (keyring), read, written and deleted off the event loop.

A keyring backend can block (a locked vault prompts, D-Bus can hang), so every call runs in its
own daemon thread and is awaited with a timeout: the loop keeps running meanwhile, and a call
that never returns cannot hold up the app's exit either (the default executor would).

The vault not being usable is an answer, not a crash. ``VaultResult.problem`` says why in plain
words, and ``VaultResult.reason`` names the case for code:

* ``"absent"``: no vault on this computer (no backend: a headless Linux box);
* ``"locked"``: the vault is there but refused (locked, unlock prompt dismissed, not initialised);
* ``"slow"``: the vault did not answer within the time-out;
* ``"failed"``: anything else the backend raised.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from agent_desktop.texts import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

KEYRING_SERVICE = "agent-desktop"
DEFAULT_TIMEOUT_S = 5.0

T = TypeVar("T")

ABSENT, LOCKED, SLOW, FAILED = "absent", "locked", "slow", "failed"
_PROBLEMS = {
    ABSENT: Message("Errors", QT_TRANSLATE_NOOP("Errors", "No password vault is available on this computer.")),
    LOCKED: Message("Errors", QT_TRANSLATE_NOOP(
        "Errors", "The password vault is locked or refused access (was an unlock prompt dismissed?).")),
    SLOW: Message("Errors", QT_TRANSLATE_NOOP("Errors", "The password vault did not answer in time.")),
    FAILED: Message("Errors", QT_TRANSLATE_NOOP("Errors", "The password vault could not be used.")),
}


def account_name(username: str, server_url: str) -> str:
    """One vault entry per user *and* server: the same login name may exist on two sites."""
    return f"{username}@{server_url}"


@dataclass(frozen=True)
class VaultResult:
    password: str | None
    problem: str = ""  # why the vault could not be used, in plain words; empty when it worked
    reason: str = ""  # "", "absent", "locked", "slow" or "failed" (see the module docstring)


class _VaultProblem(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def result(self) -> VaultResult:
        return VaultResult(None, _PROBLEMS[self.reason], self.reason)


def _keyring():  # type: ignore[no-untyped-def]
    """keyring, imported on first use and in the vault's own thread: its backend discovery
    takes tens of milliseconds that the start of the window should not pay."""
    import keyring

    return keyring


def _get(service: str, account: str) -> str | None:
    return _keyring().get_password(service, account)


def _set(service: str, account: str, password: str) -> None:
    _keyring().set_password(service, account, password)


def _classify(exc: BaseException) -> str:
    """Which case ``exc`` is, judged by it and by what caused it (backends wrap their errors)."""
    from keyring.errors import InitError, KeyringLocked, NoKeyringError

    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, NoKeyringError):
            return ABSENT
        if isinstance(cause, (KeyringLocked, InitError)):
            return LOCKED
        # Backends also let their own errors through (secretstorage, jeepney, D-Bus, Win32, …).
        name = type(cause).__name__.lower()
        if "locked" in name or "dismissed" in name or "denied" in name:
            return LOCKED
        if "notavailable" in name or "nokeyring" in name:
            return ABSENT  # e.g. SecretServiceNotAvailableException: no D-Bus session at all
        cause = cause.__cause__ or cause.__context__
    return FAILED


async def _off_the_loop(function: Callable[..., T], *args: Any, timeout_s: float) -> T:
    """Run ``function(*args)`` in a daemon thread; raise ``_VaultProblem`` when it cannot be used."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(ok: bool, value: Any) -> None:
        if future.done():  # timed out and cancelled meanwhile
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def work() -> None:
        try:
            outcome: tuple[bool, Any] = (True, function(*args))
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
            outcome = (False, exc)
        try:
            loop.call_soon_threadsafe(settle, *outcome)
        except RuntimeError:
            pass  # the loop is closed: nobody is waiting any more

    threading.Thread(target=work, name="password-vault", daemon=True).start()
    try:
        return await asyncio.wait_for(future, timeout_s)
    except asyncio.TimeoutError:
        log.warning("password vault did not answer within %.1f s", timeout_s)
        raise _VaultProblem(SLOW) from None
    except Exception as exc:  # noqa: BLE001 - whatever the backend raised
        reason = _classify(exc)
        log.info("password vault unusable (%s): %s", reason, type(exc).__name__)
        raise _VaultProblem(reason) from exc


async def read_password(username: str, server_url: str, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> VaultResult:
    """The saved password, ``VaultResult(None)`` when none is saved, or a problem."""
    try:
        password = await _off_the_loop(
            _get, KEYRING_SERVICE, account_name(username, server_url), timeout_s=timeout_s
        )
    except _VaultProblem as problem:
        return problem.result()
    return VaultResult(password)


async def store_password(
    username: str, server_url: str, password: str, *, timeout_s: float = DEFAULT_TIMEOUT_S
) -> VaultResult:
    try:
        await _off_the_loop(
            _set, KEYRING_SERVICE, account_name(username, server_url), password,
            timeout_s=timeout_s,
        )
    except _VaultProblem as problem:
        return problem.result()
    return VaultResult(password)


async def delete_password(username: str, server_url: str, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> VaultResult:
    """Forget the saved password; nothing saved is success too (``VaultResult(None)``)."""

    def delete(service: str, account: str) -> None:
        keyring = _keyring()
        try:
            keyring.delete_password(service, account)
        except keyring.errors.PasswordDeleteError:
            pass  # backends say "not found" this way: the entry is gone, which is what we want

    try:
        await _off_the_loop(delete, KEYRING_SERVICE, account_name(username, server_url), timeout_s=timeout_s)
    except _VaultProblem as problem:
        return problem.result()
    return VaultResult(None)
