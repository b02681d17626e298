"""How the window app decides to log in without the dialog (command line + env or vault)."""

import argparse
import contextlib

from agent_desktop.app import build_parser
from agent_desktop.gui import _initial_attempt
from agent_desktop.services import credentials


def args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


def test_password_from_the_environment(run, monkeypatch):
    monkeypatch.setenv("AGENT_DESKTOP_PASSWORD", "from-env")
    attempt = run(_initial_attempt(args("--server", "https://gws.example.com", "--username", "agent7"),
                                   contextlib.ExitStack()))
    assert (attempt.server, attempt.username, attempt.password) == ("https://gws.example.com", "agent7", "from-env")


def test_password_from_the_vault(run, memory_keyring):
    memory_keyring.set_password(credentials.KEYRING_SERVICE,
                                credentials.account_name("agent7", "https://gws.example.com"), "from-vault")
    attempt = run(_initial_attempt(args("--server", "https://gws.example.com", "--username", "agent7"),
                                   contextlib.ExitStack()))
    assert attempt.password == "from-vault"


def test_no_password_means_the_dialog(run):
    assert run(_initial_attempt(args("--server", "https://gws.example.com", "--username", "agent7"),
                                contextlib.ExitStack())) is None
    assert run(_initial_attempt(args(), contextlib.ExitStack())) is None


def test_demo_starts_the_simulator_and_logs_in_as_a_demo_agent(run):
    with contextlib.ExitStack() as stack:
        attempt = run(_initial_attempt(args("--demo"), stack))
        assert attempt.server.startswith("http://127.0.0.1:") and attempt.username == "agent1"
