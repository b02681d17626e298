"""Test-wide setup: offscreen Qt, an in-memory keyring, a clean environment."""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIRE_SAMPLES = Path(__file__).parent / "wire_samples"


def load_wire_sample(name: str):
    return json.loads((WIRE_SAMPLES / name).read_text(encoding="utf-8"))


@pytest.fixture
def wire_sample():
    """``wire_sample("me_reply.json")``: a fresh copy of a golden wire sample."""
    return load_wire_sample


class MemoryKeyring(KeyringBackend):
    """A vault that lives in the test: never the developer's real keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("AGENT_DESKTOP_PASSWORD", raising=False)
    yield backend
    keyring.set_keyring(previous)
