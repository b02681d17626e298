"""A whole session against the simulator, then every file the app wrote is searched for the
secrets that session used: the password, the session cookie (JSESSIONID), the CSRF token, the
CometD browser cookie and the Basic credential. None may appear anywhere.

The app's folders are redirected to a temporary HOME (``private_home``); logging is the real
configuration (``logs.configure_logging``) at DEBUG into the platform log folder there, with the
libraries' debug lines included; the settings are a real QSettings file; the local SQLite store
(outbox, ledger, history) lives in the platform data folder when the service layer has one.
"""

from __future__ import annotations

import base64
import inspect
import json
import logging
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from http.cookies import SimpleCookie
from pathlib import Path

import platformdirs
import pytest

from agent_desktop import logs
from agent_desktop.domain.records import CallbackType, RecordStatus
from agent_desktop.domain.schedule import next_valid_slot
from agent_desktop.domain.store import RecordStore
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.simulator import SimulatorConfig, SimulatorThread
from support.e2e import sim_records, wait_for_store

APP = logs.APP_DIR_NAME


def files_under(*roots: Path) -> list[Path]:
    found = []
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            found.extend(Path(folder) / name for name in names)
    return found


def secrets_found(files: list[Path], secrets: dict[str, str]) -> list[str]:
    """Every (file, secret kind) where the secret's bytes occur; UTF-8 and UTF-16 both checked."""
    hits = []
    for path in files:
        data = path.read_bytes()
        for kind, value in secrets.items():
            if any(form in data for form in (value.encode(), value.encode("utf-16-le"))):
                hits.append(f"{path}: {kind}")
    return hits


def local_store_for(path: Path):
    """The service layer's SQLite store, when it has one (outbox, ledger, history)."""
    try:
        from agent_desktop.services.local_store import LocalStore
    except ImportError:
        return None
    if "local" not in inspect.signature(AgentSession).parameters:
        return None
    return LocalStore(path)


def a_personal_record_and_slot(store):
    now = datetime.now(timezone.utc)
    for record in store:
        if record.callback_type is CallbackType.PERSONAL:
            slot = next_valid_slot(now + timedelta(hours=1), record=record)
            if slot is not None:
                return record, slot
    pytest.fail("the demo data has no personal callback with a free slot")


async def test_a_full_session_writes_no_secret_to_any_file(private_home, tmp_path, restored_logging):
    # The platform folders the app uses are all inside the temporary HOME.
    for folder in (platformdirs.user_log_dir(APP), platformdirs.user_data_dir(APP),
                   platformdirs.user_config_dir(APP), platformdirs.user_cache_dir(APP),
                   platformdirs.user_state_dir(APP)):
        assert Path(folder).is_relative_to(private_home), folder

    log_file = logs.configure_logging("DEBUG")  # the real configuration, default folder
    assert log_file is not None and log_file.is_relative_to(private_home)
    journal = tmp_path / "simulator-journal.jsonl"  # the simulator's file, not the app's: not searched
    config = SimulatorConfig(host="127.0.0.1", port=0, agents=1, records_per_agent=6, seed=9,
                             ack_delay_ms=50, journal=journal)
    settings_file = Path(platformdirs.user_config_dir(APP)) / "Agent Desktop.ini"
    used: dict[str, str] = {}
    with SimulatorThread(config) as sim:
        password = sim.password
        logs.register_secret(password)  # what gui.Connector and the headless commands do
        session = GwsSession(sim.url, "agent1", password, on_secret=logs.register_secret)
        local = local_store_for(Path(platformdirs.user_data_dir(APP)) / "local.sqlite3")
        store = RecordStore()
        agent = AgentSession(session, store, ack_timeout_s=10, **({"local": local} if local else {}))
        try:
            await agent.start()  # login, CometD handshake + subscribe, StartContactCenterSession
            await wait_for_store(store, lambda: len(store) == len(sim_records(sim, "agent1")))

            # What this session actually uses on the wire.
            headers = session.request_headers(session.notifications_url)
            cookies = SimpleCookie(headers["Cookie"])
            used = {
                "password": password,
                "JSESSIONID cookie": cookies["JSESSIONID"].value,
                "CSRF token": next(v for k, v in headers.items() if k.lower() == "x-csrf-token"),
                "Basic credential": headers["Authorization"].split(" ", 1)[1],
            }
            if "BAYEUX_BROWSER" in cookies:
                used["BAYEUX_BROWSER cookie"] = cookies["BAYEUX_BROWSER"].value
            assert base64.b64decode(used["Basic credential"]).decode() == f"agent1:{password}"

            # A careless line and an error quoting the secrets: the filter has to catch both.
            careless = logging.getLogger("agent_desktop.careless")
            careless.debug("request headers %s, cookie jar %r", headers, dict(cookies))
            try:
                raise RuntimeError(f"login as agent1/{password} failed with token {used['CSRF token']}")
            except RuntimeError:
                careless.exception("something went wrong")

            record, slot = a_personal_record_and_slot(store)
            confirmed = await agent.reschedule(record.key, slot, CallbackType.CAMPAIGN)
            assert confirmed.status is RecordStatus.CONFIRMED  # the CometD acknowledgement arrived
        finally:
            await agent.close()  # notifications off, EndContactCenterSession

    operations = [json.loads(line)["operation"] for line in journal.read_text().splitlines()]
    assert "StartContactCenterSession" in operations and "EndContactCenterSession" in operations
    assert "RescheduleRecord" in operations

    # The settings the login dialog keeps (servers, last user) in a real settings file.
    from PySide6.QtCore import QSettings

    from agent_desktop.ui.login_dialog import remember_login

    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    remember_login(settings, sim.url, "agent1")
    settings.sync()
    del settings
    logs.unconfigure_logging()  # flush and close the log file

    files = files_under(private_home)
    assert log_file in files and settings_file in files
    if local is not None:
        assert any(p.suffix == ".sqlite3" for p in files)
    log_text = log_file.read_text(encoding="utf-8")
    assert "HTTP Request: POST" in log_text  # the libraries' DEBUG lines were written...
    assert "request headers" in log_text and logs.REDACTED in log_text  # ...and the careless one, scrubbed
    assert secrets_found(files, used) == []


def test_the_command_line_writes_no_secret_to_its_log(tmp_path):
    """``agent-desktop records --log-level DEBUG`` as a user runs it: its log file is clean too."""
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update({"HOME": str(home), "XDG_STATE_HOME": str(home / ".local/state"),
                "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CONFIG_HOME": str(home / ".config"),
                "XDG_CACHE_HOME": str(home / ".cache"), "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})
    config = SimulatorConfig(host="127.0.0.1", port=0, agents=1, records_per_agent=3, seed=2)
    with SimulatorThread(config) as sim:
        env["AGENT_DESKTOP_PASSWORD"] = sim.password
        result = subprocess.run(
            [sys.executable, "-m", "agent_desktop", "--log-level", "DEBUG", "records", "--server", sim.url,
             "--username", "agent1", "--json", "--settle", "0.5"],
            env=env, capture_output=True, text=True, timeout=90, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3
    files = files_under(home)
    logs_written = [p for p in files if p.name == logs.LOG_FILE_NAME]
    assert logs_written and "HTTP Request" in logs_written[0].read_text(encoding="utf-8")
    secrets = {"password": sim.password,
               "Basic credential": base64.b64encode(f"agent1:{sim.password}".encode()).decode()}
    assert secrets_found(files, secrets) == []
    assert sim.password not in result.stderr  # the console is redacted as well
