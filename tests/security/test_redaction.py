"""The redaction filter (each kind of secret, in the message, its arguments, exception and stack
text) and ``configure_logging`` (folders, modes, levels, banner, rotation)."""

from __future__ import annotations

import base64
import io
import json
import logging
import os
import stat
import sys

import pytest

from agent_desktop import logs

B64 = base64.b64encode(b"agent1:Pa55-w0rd!").decode()  # what Basic auth puts on the wire


pytestmark = pytest.mark.usefixtures("restored_logging")  # conftest.py


@pytest.fixture
def captured():
    """A logger whose two handlers both carry the filter (the record is shared between them)."""
    streams = io.StringIO(), io.StringIO()
    logger = logging.getLogger("tests.security.redaction")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    handlers = [logging.StreamHandler(stream) for stream in streams]
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        handler.addFilter(logs.RedactingFilter())
        logger.addHandler(handler)

    def text() -> str:
        first, second = (s.getvalue() for s in streams)
        assert first == second  # every handler writes the same redacted line
        return first

    yield logger, text
    for handler in handlers:
        logger.removeHandler(handler)


CASES = {
    "authorization basic": ("request headers %s", {"Authorization": f"Basic {B64}"}, B64),
    "authorization bearer": ("sending %s", "Authorization: Bearer eyJhbGciOi.J9eyJzdWIi.Ojl0SflK", "eyJhbGciOi"),
    "raw header tuple": ("headers=%r", [(b"Authorization", f"Basic {B64}".encode())], B64),
    "scheme without header name": ("credential %s", f"Basic {B64}", B64),
    "password=": ("login body %s", "username=agent1&password=Pa55-w0rd!&x=1", "Pa55-w0rd!"),
    "json password": ("payload %s", json.dumps({"username": "agent1", "password": "Pa55 w0rd\"q"}), "Pa55"),
    "dict password": ("settings %r", {"password": "Pa55-w0rd!"}, "Pa55-w0rd!"),
    "cookie header": ("sent %s", "Cookie: JSESSIONID=node01abc123; LBCOOKIE=sticky-42", "node01abc123"),
    "cookie second value": ("sent %s", "Cookie: JSESSIONID=node01abc123; LBCOOKIE=sticky-42", "sticky-42"),
    "set-cookie header": ("got %s", "Set-Cookie: BAYEUX_BROWSER=b7f3a9c1; Path=/; HttpOnly", "b7f3a9c1"),
    "jsessionid alone": ("session %s", "JSESSIONID=node0xyz987.node0", "node0xyz987"),
    "bayeux_browser in a dict": ("cookies %s", {"BAYEUX_BROWSER": "b7f3a9c1"}, "b7f3a9c1"),
    "csrf header": ("reply headers %s", {"X-CSRF-HEADER": "X-CSRF-TOKEN", "X-CSRF-TOKEN": "9f1c-77aa-42"}, "9f1c-77aa-42"),
    "csrf raw tuple": ("%r", [(b"X-CSRF-TOKEN", b"9f1c-77aa-42")], "9f1c-77aa-42"),
}


@pytest.mark.parametrize("fmt, arg, secret", CASES.values(), ids=CASES.keys())
def test_each_kind_of_secret_is_scrubbed_from_message_arguments(captured, fmt, arg, secret):
    logger, text = captured
    logger.info(fmt, arg)
    assert secret not in text()
    assert logs.REDACTED in text()


@pytest.mark.parametrize("fmt, arg, secret", CASES.values(), ids=CASES.keys())
def test_each_kind_of_secret_is_scrubbed_from_exception_text(captured, fmt, arg, secret):
    logger, text = captured
    try:
        try:
            raise ConnectionError(fmt % (arg,))
        except ConnectionError as inner:
            raise RuntimeError("request failed") from inner  # the secret is in the cause
    except RuntimeError:
        logger.exception("while talking to the server")
    assert "Traceback" in text() and "ConnectionError" in text()
    assert secret not in text()


def test_registered_secrets_are_scrubbed_anywhere(captured):
    logger, text = captured
    logs.register_secret("correct horse battery")
    logs.register_secret("tok-5d1e")
    logs.register_secret("ab")  # too short to search for: ignored, not an error
    logger.warning("odd reply mentioning correct horse battery and %s", "tok-5d1e")
    logger.warning("json form %s", json.dumps({"note": "correct horse battery"}))
    logger.warning("url form /login?p=%s", "correct%20horse%20battery")
    try:
        raise ValueError("server echoed correct horse battery")
    except ValueError:
        logger.error("failed", exc_info=True, stack_info=True)
    logger.info("and again %s", "also: tok-5d1e")
    logger.info("short ones stay: ab cd")
    out = text()
    assert "correct horse" not in out and "tok-5d1e" not in out
    assert "correct%20horse" not in out
    assert "short ones stay: ab cd" in out


def test_ordinary_text_is_left_alone(captured):
    logger, text = captured
    plain = ["Wrong user name or password.", "Basic authentication is used", "GET https://gws.example.com/api/v2/me",
             "cookie jar has 2 entries", "StartContactCenterSession accepted"]
    for line in plain:
        logger.info(line)
    assert text().splitlines() == [f"INFO {line}" for line in plain]


def test_redaction_is_stable_when_applied_twice():
    once = logs.redact(f"Authorization: Basic {B64}; password=x1y2z3; Cookie: JSESSIONID=abc")
    assert logs.redact(once) == once
    assert once.count(logs.REDACTED) == 3


def test_a_bad_format_string_still_logs_redacted(captured):
    logger, text = captured
    logger.info("two args %s %s", "password=hunter22")  # one missing: must not lose the line
    assert "hunter22" not in text() and "two args" in text()


# -- configure_logging --------------------------------------------------------------------------

def our_handlers():
    return [h for h in logging.getLogger().handlers if getattr(h, logs._OUR_HANDLER, False)]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_log_goes_to_the_platform_log_folder_private_to_the_user(private_home):
    path = logs.configure_logging("WARNING")
    assert path is not None and private_home in path.parents
    assert path.parent == logs.default_log_dir()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    logging.getLogger("agent_desktop.test").warning("a warning")
    logging.getLogger("agent_desktop.test").info("an info line")
    logging.getLogger("agent_desktop.test").debug("a debug line")
    logs.unconfigure_logging()
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "Agent Desktop" in lines[0] and "Python" in lines[0] and ("Qt" in lines[0] or "PySide6" in lines[0])
    assert "a warning" in text and "an info line" in text  # the file keeps INFO for support cases
    assert "a debug line" not in text


def test_console_shows_the_chosen_level_and_every_handler_redacts(tmp_path, monkeypatch):
    console = io.StringIO()
    monkeypatch.setattr(sys, "stderr", console)
    path = logs.configure_logging("INFO", log_dir=tmp_path / "logs")
    logs.register_secret("s3cr3t-value")
    log = logging.getLogger("agent_desktop.test")
    log.debug("hidden")
    log.info("shown with s3cr3t-value")
    assert "shown with [REDACTED]" in console.getvalue() and "hidden" not in console.getvalue()
    assert all(any(isinstance(f, logs.RedactingFilter) for f in h.filters) for h in logging.getLogger().handlers)
    assert logging.getLogger("httpx").level == logging.WARNING  # per-request lines only when debugging
    logs.unconfigure_logging()
    assert "s3cr3t-value" not in path.read_text(encoding="utf-8")


def test_configuring_again_replaces_the_handlers(tmp_path):
    logs.configure_logging("DEBUG", log_dir=tmp_path / "a")
    logs.configure_logging("DEBUG", log_dir=tmp_path / "b")
    assert len(our_handlers()) == 2  # one console, one file
    assert logging.getLogger("httpx").level == logging.NOTSET  # DEBUG shows the libraries too


def test_an_unwritable_log_folder_leaves_the_console(tmp_path, monkeypatch):
    console = io.StringIO()
    monkeypatch.setattr(sys, "stderr", console)
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    assert logs.configure_logging("WARNING", log_dir=blocker / "logs") is None
    assert "cannot write the log file" in console.getvalue()
    assert len(our_handlers()) == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_rotation_keeps_files_private_and_bounded(tmp_path):
    path = logs.configure_logging("INFO", log_dir=tmp_path / "logs")
    handler = next(h for h in our_handlers() if isinstance(h, logging.handlers.RotatingFileHandler))
    assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUP_COUNT
    logging.getLogger("agent_desktop.test").info("before rotation")
    handler.doRollover()
    logging.getLogger("agent_desktop.test").info("after rotation")
    for file in (path, path.with_name(path.name + ".1")):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


def test_the_command_line_uses_it(monkeypatch, tmp_path):
    from agent_desktop import app

    called = []
    monkeypatch.setattr(logs, "configure_logging", lambda level, log_dir=None: called.append(level))
    app.configure_logging("INFO")
    assert called == ["INFO"]
    assert app.build_parser().parse_args(["--log-level", "DEBUG"]).log_level == "DEBUG"
