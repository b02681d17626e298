"""Logging for the whole app: console + a rotating file, with secrets scrubbed out.

``configure_logging`` is called once by the composition root (``app.py``). It installs

* a console handler (stderr) at the chosen level;
* a rotating file in the platform log directory (``platformdirs.user_log_dir("agent-desktop")``,
  created 0700, files 0600) that keeps INFO and above even when the console shows only
  warnings, so a support case has something to read;
* a ``RedactingFilter`` on every handler of the root logger. Handler filters (not logger
  filters) see every record that reaches the handler, whichever logger it came from.

What the filter scrubs: ``Authorization`` values (Basic, Bearer, …), passwords written as
``password=…`` or ``"password": "…"``, ``Cookie``/``Set-Cookie`` values, ``JSESSIONID`` and
``BAYEUX_BROWSER`` values, ``X-CSRF-TOKEN`` values, and every string registered at run time
with ``register_secret`` (the password where it enters the app, the CSRF token and cookie
values as the GWS session learns them). The message, its arguments, the exception text and the
stack text are all scrubbed.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import platform
import re
import sys
import threading
from pathlib import Path
from urllib.parse import quote

from agent_desktop import __version__

APP_DIR_NAME = "agent-desktop"
LOG_FILE_NAME = "agent-desktop.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "[REDACTED]"
# Literal secrets shorter than this are not searched for: scrubbing every "a" or "42" would
# make the log unreadable. Such values are still caught by the patterns (password=…, Cookie: …).
MIN_SECRET_LENGTH = 4

_OUR_HANDLER = "_agent_desktop_handler"

# -- the patterns ------------------------------------------------------------------------------
# What separates a name from its value in the shapes logs take: "Name: v", "name=v",
# "'Name': 'v'" (a dict's repr), "(b'Name', b'v')" (raw header tuples), "\"name\": \"v\"" (JSON).
_SEP = r"""(?:["']?\s*[:=]\s*(?-i:b)?["']?|["']\s*,\s*(?-i:b)?["'])"""
_FRESH = r"(?!\[REDACTED\])"  # a value scrubbed already is left alone (filters may run twice)
# A "value" that is followed by a colon is a key of its own ({'X-CSRF-HEADER': 'X-CSRF-TOKEN',
# 'X-CSRF-TOKEN': 'v'}): not the value to scrub; the real one is found further on.
_NOT_A_KEY = r"""(?!["']?\s*:)"""

_AUTHORIZATION = re.compile(
    r"(?i)(\b(?:proxy-)?authorization" + _SEP + r")"
    r"((?:basic|bearer|digest|negotiate|ntlm|token)\s+)?+" + _FRESH +
    r"([^\s\"',;)}\]]++)" + _NOT_A_KEY
)
# A scheme and a credential on their own (e.g. a header value logged without its name).
# The credential must look like one (a capital or a digit somewhere): "Basic authentication"
# stays readable.
_SCHEME_TOKEN = re.compile(r"\b(Basic|Bearer)(\s+)(?=[a-z._~-]*[A-Z0-9+/=])([A-Za-z0-9._~+/-]{6,}=*)")
_PASSWORD = re.compile(
    r"""(?i)((?:password|passwd|pwd)["']?\s*[:=]\s*)""" + _FRESH +
    r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s&,;)}\]]+)"""
)
_COOKIE_HEADER = re.compile(r"(?i)(\b(?:set-cookie|cookie)" + _SEP + r")([^\r\n\"']*)")
_COOKIE_VALUE = re.compile(r"=" + _FRESH + r"([^;,\s]*)")
_NAMED_VALUE = re.compile(
    r"(?i)(\b(?:JSESSIONID|BAYEUX_BROWSER|x-csrf-token|csrf[-_]?token)" + _SEP + r")" + _FRESH +
    r"([^\s;,\"'&)}\]]++)" + _NOT_A_KEY
)


class _SecretRegistry:
    """The literal values to scrub, in the forms they can take in a log line."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: frozenset[str] = frozenset()
        self._pattern: re.Pattern[str] | None = None

    def add(self, value: str) -> None:
        if not isinstance(value, str) or len(value) < MIN_SECRET_LENGTH:
            return
        forms = {value, json.dumps(value)[1:-1], repr(value)[1:-1], quote(value, safe="")}
        with self._lock:
            if forms <= self._values:
                return
            self._values = self._values | forms
            # Longest first: a secret that contains another must be replaced whole.
            ordered = sorted(self._values, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(v) for v in ordered))

    def clear(self) -> None:
        with self._lock:
            self._values = frozenset()
            self._pattern = None

    def scrub(self, text: str) -> str:
        pattern = self._pattern
        return pattern.sub(REDACTED, text) if pattern is not None else text


_secrets = _SecretRegistry()


def register_secret(value: str | None) -> None:
    """Never write ``value`` to a log from now on (the password, a session token, a cookie)."""
    if value:
        _secrets.add(value)


def forget_registered_secrets() -> None:
    """Drop every registered value (tests)."""
    _secrets.clear()


def redact(text: str) -> str:
    """``text`` with every known kind of secret replaced by ``[REDACTED]``."""
    if not text:
        return text
    text = _secrets.scrub(text)
    text = _AUTHORIZATION.sub(lambda m: f"{m.group(1)}{m.group(2) or ''}{REDACTED}", text)
    text = _SCHEME_TOKEN.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _PASSWORD.sub(_redact_password, text)
    text = _COOKIE_HEADER.sub(_redact_cookies, text)
    text = _NAMED_VALUE.sub(lambda m: f"{m.group(1)}{REDACTED}", text)
    return text


def _redact_cookies(match: re.Match[str]) -> str:
    value = match.group(2)
    if "=" in value:
        value = _COOKIE_VALUE.sub("=" + REDACTED, value)
    elif value.strip() and REDACTED not in value:
        value = REDACTED  # a bare value without a name
    return match.group(1) + value


def _redact_password(match: re.Match[str]) -> str:
    value = match.group(2)
    quote_char = value[0] if value[:1] in ("'", '"') else ""
    return f"{match.group(1)}{quote_char}{REDACTED}{quote_char}"


class RedactingFilter(logging.Filter):
    """Rewrites each record so that no handler can write a secret: message, exception, stack."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_agent_desktop_redacted", False):
            return True  # an earlier handler's filter did it (the record is shared)
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._agent_desktop_redacted = True
        return True


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file readable by its owner only (0600), also after each rotation."""

    def _open(self):  # type: ignore[override]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


def default_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def _private_dir(path: Path) -> None:
    """Create ``path`` (and parents) so that only the user can enter the last level."""
    existed = path.is_dir()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not existed and os.name == "posix":
        os.chmod(path, 0o700)  # mkdir's mode is masked by the umask


def configure_logging(level: str | int = "WARNING", log_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """Console at ``level``, a rotating file at INFO (or ``level`` if lower), redaction on all.

    Calling it again replaces the handlers an earlier call installed. Returns the log file's
    path, or None when the file could not be opened (the console still works).
    """
    numeric = level if isinstance(level, int) else logging.getLevelName(str(level).upper())
    if not isinstance(numeric, int):
        raise ValueError(f"unknown log level {level!r}")
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OUR_HANDLER, False):
            root.removeHandler(handler)
            handler.close()

    formatter = logging.Formatter(FORMAT)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(numeric)
    console.setFormatter(formatter)
    setattr(console, _OUR_HANDLER, True)
    root.addHandler(console)

    file_level = min(numeric, logging.INFO)
    log_file: Path | None = None
    problem = ""
    try:
        directory = Path(log_dir) if log_dir is not None else default_log_dir()
        _private_dir(directory)
        log_file = directory / LOG_FILE_NAME
        file_handler = _PrivateRotatingFileHandler(
            log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        problem = f"{type(exc).__name__}: {exc}"
        log_file = None
    else:
        file_handler.setLevel(file_level)
        file_handler.setFormatter(formatter)
        setattr(file_handler, _OUR_HANDLER, True)
        root.addHandler(file_handler)

    redacting = RedactingFilter()
    for handler in root.handlers:  # ours and any installed before (e.g. a test harness's)
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(redacting)

    root.setLevel(min(numeric, file_level))
    if numeric > logging.DEBUG:
        # Their INFO lines are one per request: noise for an agent's log, useful when debugging.
        logging.getLogger("httpx").setLevel(logging.WARNING)
        logging.getLogger("httpcore").setLevel(logging.WARNING)
        logging.getLogger("aiocometd_noloop").setLevel(logging.ERROR)
    else:
        for name in ("httpx", "httpcore", "aiocometd_noloop"):
            logging.getLogger(name).setLevel(logging.NOTSET)

    log = logging.getLogger("agent_desktop")
    log.info("%s", startup_banner())
    if log_file is not None:
        log.info("logging to %s", log_file)
    else:
        log.warning("cannot write the log file (%s); logging to the console only", problem)
    return log_file


def startup_banner() -> str:
    """One line naming the versions a support case needs first (Qt is not loaded for it)."""
    return (
        f"Agent Desktop {__version__} starting; Python {platform.python_version()} "
        f"({platform.python_implementation()}); {_qt_version()}; {_platform_text()}"
    )


def _platform_text() -> str:
    """What ``platform.platform()`` says (e.g. ``Linux-6.1.0-x86_64-with-glibc2.36``), cheaply.

    ``platform.platform()`` starts a ``uname -p`` process and reads the Python binary to find
    the C library's version: ~15 ms of every start-up (more from a cold disk).
    """
    text = "-".join(part for part in (platform.system(), platform.release(), platform.machine()) if part)
    try:
        libc = os.confstr("CS_GNU_LIBC_VERSION")  # "glibc 2.36"; a name only glibc knows
    except (AttributeError, ValueError, OSError):
        libc = None
    return f"{text}-with-{libc.replace(' ', '')}" if libc else text


def _qt_version() -> str:
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        return f"Qt {qtcore.qVersion()} (PySide6 {getattr(sys.modules.get('PySide6'), '__version__', '?')})"
    from importlib import metadata

    for distribution in ("PySide6-Essentials", "PySide6"):
        try:
            return f"PySide6 {metadata.version(distribution)} (Qt not loaded yet)"
        except metadata.PackageNotFoundError:
            continue
    return "PySide6 not installed"


def unconfigure_logging() -> None:
    """Remove and close the handlers ``configure_logging`` installed (tests, embedding)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OUR_HANDLER, False):
            root.removeHandler(handler)
            handler.close()
        for flt in [f for f in handler.filters if isinstance(f, RedactingFilter)]:
            handler.removeFilter(flt)
