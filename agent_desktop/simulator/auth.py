"""Who is calling: HTTP Basic or the JSESSIONID session cookie, and the session's CSRF token.

An HTTP session is created on the first authenticated request (Set-Cookie JSESSIONID) and holds
the CSRF token that GET replies expose and modifying requests must send back.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
import time
import uuid
from dataclasses import dataclass, field
from typing import Optional

from aiohttp import web

SESSION_COOKIE = "JSESSIONID"
CSRF_HEADER = "X-CSRF-TOKEN"
# Sessions idle this long are dropped (a servlet container's usual 30 minutes), checked when many
# exist: clients without a cookie jar get a new session on every request.
SESSION_IDLE_S = 30 * 60
PRUNE_ABOVE = 256


@dataclass
class HttpSession:
    session_id: str
    username: str
    csrf_token: str = field(default_factory=lambda: str(uuid.uuid4()))
    valid: bool = True
    last_used: float = field(default_factory=time.monotonic)


@dataclass
class Caller:
    """The outcome of authenticating one request."""

    username: str
    session: HttpSession
    # True when the session came from the request's cookie (required for CSRF-checked requests).
    session_from_cookie: bool
    new_session: bool


class AuthError(Exception):
    pass


def _parse_basic(header: str) -> Optional[tuple[str, str]]:
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic" or not value:
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def session_cookie(request: web.Request) -> Optional[str]:
    """The ``JSESSIONID`` the request sent, as ``request.cookies`` reads it (the last one wins),
    without parsing every cookie into morsels when the header is plain ``name=value`` pairs."""
    header = request.headers.get("Cookie")
    if not header:
        return None
    if '"' in header or "\\" in header:
        return request.cookies.get(SESSION_COOKIE)   # quoted values: the full parser
    found = None
    for part in header.split(";"):
        name, sep, value = part.partition("=")
        if sep and name.strip() == SESSION_COOKIE:
            found = value.strip()
    return found


class Authenticator:
    def __init__(self, usernames: list[str], password: str) -> None:
        self._usernames = set(usernames)
        self._password = password.encode("utf-8")
        self._sessions: dict[str, HttpSession] = {}

    def _password_ok(self, user: str, password: str) -> bool:
        # Compare in constant time, and always compare (no early exit on unknown user).
        good = hmac.compare_digest(password.encode("utf-8"), self._password)
        return good and user in self._usernames

    def authenticate(self, request: web.Request) -> Caller:
        """Basic credentials win when present (wrong ones fail even with a valid cookie)."""
        cookie_id = session_cookie(request)
        cookie_session = self._sessions.get(cookie_id) if cookie_id else None
        header = request.headers.get("Authorization")
        if header is not None:
            credentials = _parse_basic(header)
            if credentials is None or not self._password_ok(*credentials):
                raise AuthError("Access denied: wrong user name or password")
            user = credentials[0]
            if cookie_session is not None and cookie_session.username == user:
                cookie_session.last_used = time.monotonic()
                return Caller(user, cookie_session, True, False)
            return Caller(user, self._new_session(user), False, True)
        if cookie_session is not None:
            cookie_session.last_used = time.monotonic()
            return Caller(cookie_session.username, cookie_session, True, False)
        raise AuthError("Access denied: no credentials (HTTP Basic or session cookie) were sent")

    def _new_session(self, username: str) -> HttpSession:
        if len(self._sessions) > PRUNE_ABOVE:
            cutoff = time.monotonic() - SESSION_IDLE_S
            for stale in [s for s in self._sessions.values() if s.last_used < cutoff]:
                self.invalidate(stale)
        session = HttpSession(secrets.token_urlsafe(18), username)
        self._sessions[session.session_id] = session
        return session

    @property
    def session_count(self) -> int:
        return len(self._sessions)

    def csrf_ok(self, request: web.Request, caller: Caller) -> bool:
        token = request.headers.get(CSRF_HEADER)
        return (caller.session_from_cookie and token is not None
                and hmac.compare_digest(token.encode(), caller.session.csrf_token.encode()))

    def invalidate(self, session: HttpSession) -> None:
        session.valid = False
        self._sessions.pop(session.session_id, None)
