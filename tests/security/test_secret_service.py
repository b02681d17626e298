"""'Remember password' against a real Secret Service: gnome-keyring on a private D-Bus session
(``dbus-run-session``) with a temporary HOME, driven through ``agent_desktop.services.credentials``
in separate processes, the way the app meets it from one start to the next.

* stored → read back by a NEW process on a NEW bus and daemon (the next start) → deleted
  ("Forget saved password") → the next start reads nothing; libsecret's ``secret-tool`` agrees at
  each step, and the password is nowhere in plain text under HOME;
* a locked vault (daemon started without unlocking) → "locked", at once, loop never blocked;
* a frozen vault (daemon stopped with SIGSTOP) → "slow" after the time-out, loop never blocked;
* no D-Bus session at all → "absent".

Skipped with the reason when gnome-keyring or dbus is missing, except when
``AGENT_DESKTOP_REQUIRE_SECRET_SERVICE=1`` (set by ``.ci/run``): then missing tools fail the test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("vault_probe.py")
LOGIN_PASSWORD = "login-keyring-pw"  # unlocks the test's own login keyring, nothing else
SERVER = "https://gws.example.com"
USER = "agent7"
SECRET = "Vault-Test-Passw0rd §"
REQUIRED = os.environ.get("AGENT_DESKTOP_REQUIRE_SECRET_SERVICE") == "1"
MAX_GAP_S = 0.5  # the loop's ticker (10 ms) never waited longer than this: nothing blocked it


def _missing() -> list[str]:
    missing = [tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(tool) is None]
    try:
        import jeepney  # noqa: F401
        import secretstorage  # noqa: F401
    except ImportError:
        missing.append("the secretstorage Python package")
    return missing


@pytest.fixture(scope="module", autouse=True)
def secret_service_available():
    if not sys.platform.startswith("linux"):
        pytest.skip("the Secret Service is the Linux vault")
    missing = _missing()
    if missing:
        message = (f"real Secret Service test needs {', '.join(missing)} "
                   "(apt-get install gnome-keyring dbus libsecret-tools)")
        if REQUIRED:
            pytest.fail(message + "; AGENT_DESKTOP_REQUIRE_SECRET_SERVICE=1 says it must run here")
        pytest.skip(message)


@pytest.fixture
def vault_home(tmp_path) -> dict[str, str]:
    """The environment of a desktop user whose only vault is the test's: no display, private HOME."""
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "DBUS_", "GNOME_KEYRING", "PYTHON_KEYRING")) and k not in (
               "DISPLAY", "WAYLAND_DISPLAY", "SSH_AUTH_SOCK", "AGENT_DESKTOP_PASSWORD")}
    env.update({
        "HOME": str(home), "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"), "XDG_RUNTIME_DIR": str(runtime),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[2]),
                                                    os.environ.get("PYTHONPATH")])),
    })
    return env


def run_probe(env: dict[str, str], *args: str, unlock: bool = True, bus: bool = True, timeout_s: float = 5.0) -> dict:
    """One app start: a new D-Bus session and keyring daemon, one credentials call, all gone after."""
    probe = [sys.executable, str(PROBE), *args, "--timeout", str(timeout_s)]
    if not bus:
        command = probe
    elif unlock:
        # The login keyring is unlocked with the user's login password, as a desktop session does.
        command = ["dbus-run-session", "--", "sh", "-c",
                   'printf %s "$LOGIN_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null'
                   ' && exec "$0" "$@"', *probe]
    else:
        command = ["dbus-run-session", "--", "sh", "-c",
                   'gnome-keyring-daemon --start --components=secrets >/dev/null; exec "$0" "$@"', *probe]
    result = subprocess.run(command, env={**env, "LOGIN_PASSWORD": LOGIN_PASSWORD}, capture_output=True,
                            text=True, timeout=90, stdin=subprocess.DEVNULL)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert result.returncode == 0 and lines, f"rc={result.returncode}\n{result.stdout}\n{result.stderr}"
    return json.loads(lines[-1])


def assert_loop_stayed_free(report: dict) -> None:
    assert report["ticks"] >= 3, report
    assert report["max_gap"] < MAX_GAP_S, report


def files_containing(root: Path, text: str) -> list[Path]:
    needle = text.encode()
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_store_then_read_at_the_next_start_then_forget(vault_home):
    stored = run_probe(vault_home, "store", USER, SERVER, SECRET)
    assert stored["backend"] == "keyring.backends.SecretService.Keyring"
    assert (stored["problem"], stored["reason"]) == ("", "")
    assert stored["secret_tool"] == SECRET  # really in gnome-keyring, readable by libsecret
    assert_loop_stayed_free(stored)
    home = Path(vault_home["HOME"])
    assert list(home.rglob("*.keyring")), "gnome-keyring wrote no keyring file"
    assert files_containing(home, SECRET) == []  # encrypted on disk, never plain text

    # The next start: a new process, a new bus, a new daemon reading the keyring file.
    again = run_probe(vault_home, "read", USER, SERVER)
    assert (again["password"], again["problem"]) == (SECRET, "")
    assert_loop_stayed_free(again)
    other_server = run_probe(vault_home, "read", USER, "https://other.example.com")
    assert (other_server["password"], other_server["problem"]) == (None, "")  # one entry per user and server

    forgotten = run_probe(vault_home, "delete", USER, SERVER)
    assert (forgotten["problem"], forgotten["reason"]) == ("", "")
    assert forgotten["secret_tool"] is None
    assert_loop_stayed_free(forgotten)

    after = run_probe(vault_home, "read", USER, SERVER)
    assert (after["password"], after["problem"]) == (None, "")
    assert after["secret_tool"] is None
    again_forgotten = run_probe(vault_home, "delete", USER, SERVER)  # nothing left to forget: fine
    assert again_forgotten["problem"] == ""


def test_a_locked_vault_is_a_plain_answer_not_a_hang(vault_home):
    run_probe(vault_home, "store", USER, SERVER, SECRET)  # the login keyring exists from now on
    locked = run_probe(vault_home, "read", USER, SERVER, unlock=False)  # nobody unlocked it
    assert locked["password"] is None
    assert locked["reason"] == "locked"
    assert "locked" in locked["problem"] and "vault" in locked["problem"]
    assert locked["elapsed"] < 5.0  # the dismissed unlock prompt is an answer, not a time-out
    assert_loop_stayed_free(locked)
    stored = run_probe(vault_home, "store", USER, SERVER, "another", unlock=False)
    assert stored["reason"] == "locked"


def test_a_frozen_vault_times_out_without_blocking_the_loop(vault_home):
    run_probe(vault_home, "store", USER, SERVER, SECRET)
    slow = run_probe(vault_home, "read-stopped", USER, SERVER, timeout_s=1.0)
    assert slow["password"] is None
    assert slow["reason"] == "slow"
    assert slow["problem"] == "The password vault did not answer in time."
    assert 0.9 <= slow["elapsed"] < 3.0
    assert_loop_stayed_free(slow)
    assert slow["process_s"] < 20  # the stuck vault call does not hold up the process's exit


def test_no_session_bus_means_no_vault(vault_home):
    absent = run_probe(vault_home, "read", USER, SERVER, bus=False)
    assert absent["password"] is None
    assert absent["reason"] == "absent"
    assert absent["problem"] == "No password vault is available on this computer."
    assert_loop_stayed_free(absent)
