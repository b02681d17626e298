"""Passwords in the OS vault (keyring), read and written off the event loop.

A keyring backend can block (a locked vault prompts, D-Bus can hang), so every call runs in a
thread with a timeout. No backend (a headless Linux box) is not an error: the caller asks for
the password instead, and says why.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "agent-desktop"
DEFAULT_TIMEOUT_S = 5.0


def account_name(username: str, server_url: str) -> str:
    """One vault entry per user *and* server: the same login name may exist on two sites."""
    return f"{username}@{server_url}"


@dataclass(frozen=True)
class VaultResult:
    password: str | None
    problem: str = ""  # why the vault could not be used, in plain words; empty when it worked


async def read_password(username: str, server_url: str, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> VaultResult:
    try:
        password = await asyncio.wait_for(
            asyncio.to_thread(keyring.get_password, KEYRING_SERVICE, account_name(username, server_url)),
            timeout_s,
        )
    except asyncio.TimeoutError:
        return VaultResult(None, "The password vault did not answer in time.")
    except KeyringError as exc:
        log.info("password vault unavailable: %s", type(exc).__name__)
        return VaultResult(None, "No password vault is available on this computer.")
    return VaultResult(password)


async def store_password(
    username: str, server_url: str, password: str, *, timeout_s: float = DEFAULT_TIMEOUT_S
) -> VaultResult:
    try:
        await asyncio.wait_for(
            asyncio.to_thread(
                keyring.set_password, KEYRING_SERVICE, account_name(username, server_url), password
            ),
            timeout_s,
        )
    except asyncio.TimeoutError:
        return VaultResult(None, "The password vault did not answer in time.")
    except KeyringError as exc:
        log.info("password vault unavailable: %s", type(exc).__name__)
        return VaultResult(None, "No password vault is available on this computer.")
    return VaultResult(password)
