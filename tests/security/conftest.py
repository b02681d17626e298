"""Fixtures of the security tests: a self-signed certificate made in the test, an HTTPS front for
the simulator, and platform folders redirected to a temporary home."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import shutil
import ssl
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from agent_desktop.simulator import SimulatorConfig, SimulatorThread


@dataclass(frozen=True)
class Certificate:
    cert: Path  # PEM; also the "CA bundle" that trusts it
    key: Path


def _make_with_cryptography(cert_path: Path, key_path: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "agent-desktop test server")])
    now = dt.datetime.now(dt.timezone.utc)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                     content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def _make_with_openssl(cert_path: Path, key_path: Path) -> None:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key_path), "-out", str(cert_path), "-days", "2",
         "-subj", "/CN=agent-desktop test server",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-addext", "extendedKeyUsage=serverAuth"],
        check=True, capture_output=True, timeout=60,
    )


@pytest.fixture(scope="session")
def self_signed(tmp_path_factory) -> Certificate:
    """A certificate for 127.0.0.1 that no system store trusts: made here, never shipped."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "server.pem", folder / "server.key"
    try:
        import cryptography  # noqa: F401 - installed with SecretStorage on Linux
    except ImportError:
        if shutil.which("openssl") is None:
            pytest.skip("neither the cryptography package nor the openssl command is available")
        _make_with_openssl(cert, key)
    else:
        _make_with_cryptography(cert, key)
    return Certificate(cert, key)


class TlsFront:
    """HTTPS on 127.0.0.1 in front of a plain-HTTP server: TLS ends here, bytes are piped through.

    It runs on its own loop in a daemon thread, like ``SimulatorThread``, so that the code under
    test can use whichever loop it likes.
    """

    def __init__(self, certificate: Certificate, backend_port: int) -> None:
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._context.load_cert_chain(certificate.cert, certificate.key)
        self._backend_port = backend_port
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.base_events.Server | None = None
        self._streams: set[asyncio.StreamWriter] = set()
        self.handshake_failures = 0
        started = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(started,), name="tls-front", daemon=True)
        self._thread.start()
        if not started.wait(10):
            raise TimeoutError("the TLS front did not start")
        assert self._server is not None
        self.port = self._server.sockets[0].getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"

    def _run(self, started: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self._context)

        self._loop.run_until_complete(start())
        started.set()
        self._loop.run_forever()
        self._loop.close()

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            backend_r, backend_w = await asyncio.open_connection("127.0.0.1", self._backend_port)
        except OSError:
            client_w.close()
            return
        self._streams.update((client_w, backend_w))

        async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while data := await reader.read(65536):
                    writer.write(data)
                    await writer.drain()
            except (OSError, ssl.SSLError, asyncio.IncompleteReadError):
                pass
            finally:
                try:
                    writer.close()
                except (OSError, RuntimeError):
                    pass

        await asyncio.gather(pipe(client_r, backend_w), pipe(backend_r, client_w), return_exceptions=True)
        self._streams.difference_update((client_w, backend_w))

    def stop(self) -> None:
        async def shutdown() -> None:
            assert self._server is not None
            self._server.close()
            for writer in list(self._streams):
                writer.close()
            await asyncio.sleep(0)

        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)


@pytest.fixture
def sim():
    config = SimulatorConfig(host="127.0.0.1", port=0, agents=1, records_per_agent=6, seed=3, ack_delay_ms=50)
    with SimulatorThread(config) as running:
        yield running


@pytest.fixture
def https_sim(sim, self_signed):
    """The simulator behind HTTPS with the self-signed certificate: ``(front, sim)``."""
    front = TlsFront(self_signed, sim.port)
    try:
        yield front, sim
    finally:
        front.stop()


@pytest.fixture
def private_home(tmp_path, monkeypatch) -> Path:
    """HOME and the XDG folders in a temporary folder: whatever the app writes lands there."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for variable, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                          ("XDG_STATE_HOME", ".local/state"), ("XDG_CACHE_HOME", ".cache")):
        monkeypatch.setenv(variable, str(home / sub))
    return home


@pytest.fixture
def restored_logging():
    """Logging as it was before the test (handlers, levels), with no secret left registered."""
    import logging

    from agent_desktop import logs

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in ("httpx", "httpcore", "aiocometd_noloop")}
    logs.forget_registered_secrets()
    yield
    logs.unconfigure_logging()
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    for name, value in levels.items():
        logging.getLogger(name).setLevel(value)
    logs.forget_registered_secrets()
