"""Transport security against a real HTTPS server on 127.0.0.1 with a certificate made in the test.

* The system's trust store is the default: the unknown certificate is refused, for REST and CometD.
* ``ca_bundle`` (``--ca-bundle``) trusts it: login, notifications and the whole session work.
* Plain ``http://`` only for loopback unless ``allow_insecure_http`` (``--allow-insecure-http``).
"""

from __future__ import annotations

import json
import os
import socket
import ssl
import subprocess
import sys

import pytest

from agent_desktop.domain.store import RecordStore
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.errors import GwsError, TlsVerificationFailed
from agent_desktop.services.events import ConnectionState
from agent_desktop.services.gws_session import GwsSession, normalise_server_url
from agent_desktop.services.notifications import NotificationClient
from agent_desktop.simulator import SimulatorConfig, SimulatorThread
from support.e2e import wait_for_store

PYTHON = sys.executable


def certificate_refused(exc: BaseException) -> bool:
    """True when a certificate verification failure is what ``exc`` is, or what caused it."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, (ssl.SSLCertVerificationError, TlsVerificationFailed)):
            return True
        if "CERTIFICATE_VERIFY_FAILED" in str(cause):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


# -- REST -----------------------------------------------------------------------------------------

async def test_rest_refuses_an_untrusted_certificate_by_default(https_sim):
    front, sim = https_sim
    session = GwsSession(front.url, "agent1", sim.password)
    try:
        with pytest.raises(TlsVerificationFailed) as refused:
            await session.login()
    finally:
        await session.aclose()
    assert "could not be verified" in refused.value.message
    assert "CA bundle" in refused.value.message  # tells the agent what to ask IT for


async def test_rest_accepts_the_certificate_from_the_ca_bundle(https_sim, self_signed):
    front, sim = https_sim
    session = GwsSession(front.url, "agent1", sim.password, ca_bundle=str(self_signed.cert))
    try:
        profile = await session.login()
    finally:
        await session.aclose()
    assert profile.username == "agent1"


# -- CometD (NotificationClient uses session.ssl_context) -----------------------------------------

async def test_cometd_refuses_an_untrusted_certificate_by_default(https_sim):
    front, sim = https_sim
    session = GwsSession(front.url, "agent1", sim.password)
    events = []
    client = NotificationClient(session, events.append, connection_timeout_s=5)
    try:
        with pytest.raises(GwsError) as refused:
            await client.open()
    finally:
        await client.close()
        await session.aclose()
    assert certificate_refused(refused.value), repr(refused.value)
    assert client.state is ConnectionState.CLOSED
    assert any(getattr(e, "state", None) is ConnectionState.OFFLINE for e in events)


async def test_cometd_certificate_failure_is_a_tls_failure_in_plain_words(https_sim):
    front, sim = https_sim
    session = GwsSession(front.url, "agent1", sim.password)
    client = NotificationClient(session, lambda event: None, connection_timeout_s=5)
    try:
        with pytest.raises(TlsVerificationFailed):
            await client.open()
    finally:
        await client.close()
        await session.aclose()


async def test_cometd_accepts_the_certificate_from_the_ca_bundle(https_sim, self_signed):
    front, sim = https_sim
    session = GwsSession(front.url, "agent1", sim.password, ca_bundle=str(self_signed.cert))
    events = []
    client = NotificationClient(session, events.append, connection_timeout_s=5)
    try:
        await client.open()  # handshake + subscribe over TLS, no REST call before
        assert client.state is ConnectionState.CONNECTED
    finally:
        await client.close()
        await session.aclose()


async def test_whole_session_over_https_with_the_ca_bundle(https_sim, self_signed):
    """Login (REST), notifications (CometD) and the records they push, all through the CA bundle."""
    front, sim = https_sim
    store = RecordStore()
    agent = AgentSession(GwsSession(front.url, "agent1", sim.password, ca_bundle=str(self_signed.cert)),
                         store, ack_timeout_s=10)
    try:
        await agent.start()
        await wait_for_store(store, lambda: len(store) == 6)
    finally:
        await agent.close()


# -- plain http ----------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://127.0.0.1:8090", "http://localhost:8090", "http://[::1]:8090"])
def test_plain_http_is_accepted_for_loopback(url):
    assert normalise_server_url(url) == url


@pytest.mark.parametrize("url", ["http://gws.example.com", "http://10.1.2.3:8090", "http://gws.example.com/api/v2"])
def test_plain_http_elsewhere_needs_the_explicit_option(url):
    with pytest.raises(ValueError, match="not encrypted"):
        normalise_server_url(url)
    with pytest.raises(ValueError, match="not encrypted"):
        GwsSession(url, "agent1", "pw")
    assert normalise_server_url(url, allow_insecure_http=True).startswith("http://")


# -- the command-line flags ---------------------------------------------------------------------

def agent_desktop(tmp_path, *args: str, password: str) -> subprocess.CompletedProcess:
    home = tmp_path / "cli-home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update({
        "HOME": str(home), "XDG_STATE_HOME": str(home / ".local/state"), "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "AGENT_DESKTOP_PASSWORD": password,
    })
    return subprocess.run([PYTHON, "-m", "agent_desktop", *args], env=env, capture_output=True, text=True,
                          timeout=90, stdin=subprocess.DEVNULL)


def test_cli_refuses_the_untrusted_certificate_and_trusts_it_with_ca_bundle(https_sim, self_signed, tmp_path):
    front, sim = https_sim
    base = ("records", "--server", front.url, "--username", "agent1", "--json", "--settle", "0.5")
    refused = agent_desktop(tmp_path, *base, password=sim.password)
    assert refused.returncode == 4, refused.stderr  # unreachable or TLS failure
    assert "could not be verified" in refused.stderr
    failed = json.loads(refused.stdout.strip().splitlines()[-1])
    assert failed["event"] == "failed" and failed["exitCode"] == 4

    trusted = agent_desktop(tmp_path, *base, "--ca-bundle", str(self_signed.cert), password=sim.password)
    assert trusted.returncode == 0, trusted.stderr
    records = [json.loads(line) for line in trusted.stdout.splitlines()]
    assert len(records) == 6  # pushed over CometD through the same TLS settings


def _loopback_alias_available(host: str) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((host, 0))
        except OSError:
            return False
    return True


def test_cli_refuses_plain_http_to_another_host_unless_allowed(tmp_path):
    refused = agent_desktop(tmp_path, "records", "--server", "http://gws.example.com", "--username", "agent1",
                            password="pw-not-sent")
    assert refused.returncode == 2, refused.stderr  # refused before anything is sent
    assert "not encrypted" in refused.stderr and "--allow-insecure-http" not in refused.stdout

    # Accepted with the flag. 127.0.0.2 reaches this machine (all of 127/8 is loopback on Linux)
    # without being one of the names the policy lets through on its own.
    host = "127.0.0.2"
    if not _loopback_alias_available(host):
        pytest.skip(f"{host} cannot be bound on this system")
    config = SimulatorConfig(host=host, port=0, agents=1, records_per_agent=3, seed=4)
    with SimulatorThread(config) as other:
        url = f"http://{host}:{other.port}"
        allowed = agent_desktop(tmp_path, "records", "--server", url, "--username", "agent1", "--json",
                                "--settle", "0.5", "--allow-insecure-http", password=other.password)
    assert allowed.returncode == 0, allowed.stderr
    assert len(allowed.stdout.splitlines()) == 3
