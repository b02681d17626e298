"""One authenticated session with a GWS node: HTTP Basic, cookies, CSRF, and typed errors.

One ``httpx.AsyncClient`` per session. Its cookie jar is the only jar of the app: the CometD
module reads from and writes to it too (``reference/deps.md`` §9: two jars drift apart).
"""

from __future__ import annotations

import logging
import re
import ssl
import time
from typing import Any, Callable, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

import httpx

from agent_desktop import __version__
from agent_desktop.domain.agent import AgentProfile, Device
from agent_desktop.services import wire
from agent_desktop.services.errors import (
    AuthenticationFailed,
    CsrfRejected,
    NotPermitted,
    ProtocolError,
    RequestRefused,
    ServerUnreachable,
    TlsVerificationFailed,
)
from agent_desktop.texts import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

_HEADER_NAME = re.compile(r"^[A-Za-z0-9-]{1,64}$")
_LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def normalise_server_url(url: str, *, allow_insecure_http: bool = False) -> str:
    """Check and tidy a GWS base URL; plain http only for loopback unless explicitly allowed."""
    url = url.strip().rstrip("/")
    if url.endswith("/api/v2"):
        url = url[: -len("/api/v2")]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(Message("Errors", QT_TRANSLATE_NOOP("Errors", "{url} is not a server address like https://gws.example.com"), url=repr(url)))
    if parts.scheme == "http" and not allow_insecure_http and parts.hostname not in _LOOPBACK_HOSTS:
        raise ValueError(Message("Errors", QT_TRANSLATE_NOOP(
            "Errors", "{url} is not encrypted (http://). Use https://, or allow plain http explicitly."), url=url))
    return url


def _once(callback: Callable[[], None]) -> Callable[[], None]:
    """``callback`` at most once; an error in it is logged, never breaks the request."""
    called = False

    def once() -> None:
        nonlocal called
        if not called:
            called = True
            try:
                callback()
            except Exception:  # noqa: BLE001 - the caller's reaction must not lose the request
                log.exception("on_sent callback failed")
    return once


class GwsSession:
    """REST access to GWS v2 for one agent."""

    def __init__(
        self,
        server_url: str | Sequence[str],
        username: str,
        password: str,
        *,
        verify_tls: bool = True,
        ca_bundle: str | None = None,
        allow_insecure_http: bool = False,
        timeout_s: float = 15.0,
        transport: httpx.AsyncBaseTransport | None = None,
        on_secret: Callable[[str], None] | None = None,
    ) -> None:
        # "https://gws1,https://gws2" on a command line or in the login dialog means two nodes.
        urls = [u for u in server_url.split(",") if u.strip()] if isinstance(server_url, str) else list(server_url)
        if not urls:
            raise ValueError("no server address given")
        # Several GWS nodes (behind or instead of a load balancer): the session talks to one at
        # a time and moves to another when that one is gone (``use_node``).
        self.nodes = [normalise_server_url(u, allow_insecure_http=allow_insecure_http) for u in urls]
        self.base_url = self.nodes[0]
        self.username = username
        # Loading the system's certificates takes ~50 ms: only when a node actually uses TLS.
        uses_tls = any(node.startswith("https://") for node in self.nodes)
        self._ssl_context: ssl.SSLContext | bool = (
            self._make_ssl_context(verify_tls, ca_bundle) if uses_tls else False)
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            auth=httpx.BasicAuth(username, password),
            verify=self._ssl_context,
            timeout=httpx.Timeout(timeout_s),
            transport=transport,
            headers={"Accept": "application/json", "User-Agent": f"agent-desktop/{__version__}"},
        )
        self._csrf_header: str | None = None
        self._csrf_token: str | None = None
        self.profile: AgentProfile | None = None
        # Called once with each CSRF token and cookie value the session learns, so that the
        # app can keep them out of its logs (``agent_desktop.logs.register_secret``).
        self.on_secret = on_secret
        self._reported_secrets: set[str] = set()
        self._headers_cache: tuple[Any, Any, float, dict[str, str]] | None = None

    @staticmethod
    def _make_ssl_context(verify: bool, ca_bundle: str | None) -> ssl.SSLContext | bool:
        if not verify:
            return False
        if ca_bundle:
            return ssl.create_default_context(cafile=ca_bundle)
        return ssl.create_default_context()

    def set_password(self, password: str) -> None:
        """The agent typed the password again (the server refused the one we had)."""
        self._client.auth = httpx.BasicAuth(self.username, password)

    def use_node(self, url: str) -> None:
        """Talk to another node from now on. Its HTTP session is a new one: cookies and the
        CSRF token of the old node mean nothing there, so they are dropped."""
        self.base_url = url
        self._client.base_url = httpx.URL(url)
        self._client.cookies.clear()
        self._csrf_header = self._csrf_token = None

    def next_node(self) -> str:
        """The node after the current one, round robin (the current one if it is the only one)."""
        index = self.nodes.index(self.base_url) if self.base_url in self.nodes else -1
        return self.nodes[(index + 1) % len(self.nodes)]

    # -- what the CometD side shares ---------------------------------------------------------
    @property
    def notifications_url(self) -> str:
        return f"{self.base_url}/api/v2/notifications"

    @property
    def ssl_context(self) -> ssl.SSLContext | bool:
        """The same TLS policy for CometD as for REST."""
        return self._ssl_context

    def request_headers(self, url: str) -> dict[str, str]:
        """Authorization, session cookies and CSRF token for a request the session did not build.

        Asked for by every CometD request (each long poll): the answer is kept until the URL,
        the credentials, a cookie or the CSRF token change, or a cookie expires. Working it out
        (an httpx request, the auth flow, the cookie policy) cost ~0.5 ms, in the middle of
        handling an acknowledgement."""
        auth = self._client.auth
        cookies = tuple((c.name, c.value, c.domain, c.path, c.expires) for c in self._client.cookies.jar)
        key = (url, cookies, self._csrf_header, self._csrf_token)
        cached = self._headers_cache
        if cached is not None and cached[0] == key and cached[1] is auth and time.time() < cached[2]:
            return dict(cached[3])
        headers = self._work_out_headers(url)
        expiries = [expires for *_, expires in cookies if expires is not None]
        self._headers_cache = (key, auth, min(expiries, default=float("inf")), headers)
        return dict(headers)

    def _work_out_headers(self, url: str) -> dict[str, str]:
        request = self._client.build_request("POST", url)
        request = next(self._client.auth.auth_flow(request))  # adds Authorization, no I/O
        self._client.cookies.set_cookie_header(request)
        headers = {"Authorization": request.headers["Authorization"]}
        if "Cookie" in request.headers:
            headers["Cookie"] = request.headers["Cookie"]
        if self._csrf_header and self._csrf_token:
            headers[self._csrf_header] = self._csrf_token
        return headers

    def store_cookies(self, url: str, set_cookie_values: Iterable[str]) -> None:
        """Put cookies a reply elsewhere (CometD) set into the session's one jar."""
        values = [v for v in set_cookie_values if isinstance(v, str)]
        if values:
            response = httpx.Response(
                200,
                headers=[("set-cookie", value) for value in values],
                request=httpx.Request("POST", url),
            )
            self._client.cookies.extract_cookies(response)
            self._report_secrets()

    # -- REST --------------------------------------------------------------------------------
    async def request(self, method: str, path: str, body: Mapping[str, Any] | None = None, *,
                      on_sent: Callable[[], None] | None = None) -> dict[str, Any]:
        """Send one request; return the JSON body of a successful reply or raise a GwsError.

        A refused CSRF token on a POST/PUT/DELETE means the HTTP session expired: read a fresh
        token with one GET and send the request once more (once only: no retry storm).

        ``on_sent`` is called once, as soon as the request is on the wire (before the reply):
        whatever the caller does then overlaps with the server's work instead of delaying the
        request.
        """
        if on_sent is not None:
            on_sent = _once(on_sent)
        try:
            return await self._send(method, path, body, on_sent)
        except CsrfRejected:
            if method == "GET":
                raise
            log.info("CSRF token refused; renewing the HTTP session and retrying once")
            await self._send("GET", "/api/v2/me", None)
            return await self._send(method, path, body, on_sent)

    async def _send(self, method: str, path: str, body: Mapping[str, Any] | None,
                    on_sent: Callable[[], None] | None = None) -> dict[str, Any]:
        headers = {}
        if method != "GET" and self._csrf_header and self._csrf_token:
            headers[self._csrf_header] = self._csrf_token
        extensions = None
        if on_sent is not None:
            async def trace(event: str, _info: Mapping[str, Any]) -> None:  # httpcore's trace extension
                if event.endswith("send_request_body.complete"):
                    on_sent()
            extensions = {"trace": trace}
        try:
            response = await self._client.request(method, path, json=body, headers=headers, extensions=extensions)
        except httpx.TimeoutException as exc:
            raise ServerUnreachable(Message("Errors", QT_TRANSLATE_NOOP("Errors", "{url} did not answer in time."), url=self.base_url)) from exc
        except httpx.TransportError as exc:
            raise self._connection_error(exc) from exc
        if on_sent is not None:
            on_sent()  # a reply proves it was sent (a transport without httpcore's trace events)
        self._remember_csrf(response)
        return self._checked_body(response)

    def _connection_error(self, exc: httpx.TransportError) -> ServerUnreachable:
        cause: BaseException | None = exc
        while cause is not None:
            if isinstance(cause, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(cause):
                return TlsVerificationFailed(
                    Message("Errors", QT_TRANSLATE_NOOP(
                        "Errors", "The certificate of {url} could not be verified ({reason}). "
                        "Check the address, or ask IT for the company's CA bundle."),
                        url=self.base_url, reason=getattr(cause, "verify_message", None) or "untrusted certificate")
                )
            cause = cause.__cause__ or cause.__context__
        reason = str(exc) or type(exc).__name__
        return ServerUnreachable(Message("Errors", QT_TRANSLATE_NOOP("Errors", "Cannot reach {url}: {reason}"), url=self.base_url, reason=reason))

    def _remember_csrf(self, response: httpx.Response) -> None:
        name = response.headers.get("X-CSRF-HEADER")
        token = response.headers.get("X-CSRF-TOKEN")
        if name and token and _HEADER_NAME.match(name):
            self._csrf_header, self._csrf_token = name, token
        self._report_secrets()

    def _report_secrets(self) -> None:
        """Hand each new CSRF token and cookie value to ``on_secret`` (once each)."""
        if self.on_secret is None:
            return
        values = [cookie.value for cookie in self._client.cookies.jar if cookie.value]
        if self._csrf_token:
            values.append(self._csrf_token)
        for value in values:
            if value not in self._reported_secrets:
                self._reported_secrets.add(value)
                self.on_secret(value)

    def _checked_body(self, response: httpx.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = None
        status_code = wire.as_int(body.get("statusCode")) if isinstance(body, dict) else None
        status_message = wire.as_text(body.get("statusMessage"), 500) if isinstance(body, dict) else None
        if response.status_code == 401 or status_code == 20:
            raise AuthenticationFailed(Message("Errors", QT_TRANSLATE_NOOP("Errors", "Wrong user name or password.")))
        if response.status_code == 403 and body is None and "csrf" in response.text.lower():
            raise CsrfRejected(Message("Errors", QT_TRANSLATE_NOOP("Errors", "The server no longer accepts this session (CSRF token refused).")))
        if not response.is_success or (status_code is not None and status_code != 0):
            message = status_message or (response.text[:200].strip() if body is None else "")
            raise RequestRefused(response.status_code, status_code, message)
        if not isinstance(body, dict):
            raise ProtocolError(Message("Errors", QT_TRANSLATE_NOOP("Errors", "{url} answered something that is not GWS JSON."), url=self.base_url))
        return body

    async def login(self, *, require_outbound: bool = True) -> AgentProfile:
        """Authenticate and read the agent, devices and settings (``GET /api/v2/me``)."""
        body = await self.request("GET", "/api/v2/me?subresources=*")
        try:
            profile = wire.parse_user(body)
        except ValueError as exc:
            raise ProtocolError(Message("Errors", QT_TRANSLATE_NOOP("Errors", "{url} did not describe the user: {reason}"), url=self.base_url, reason=exc)) from exc
        if require_outbound:
            if not profile.is_agent:
                raise NotPermitted(Message("Errors", QT_TRANSLATE_NOOP("Errors", "{user} is not an agent account."), user=profile.username))
            if not profile.outbound.can_use:
                raise NotPermitted(Message("Errors", QT_TRANSLATE_NOOP("Errors", "{user} has no outbound privilege."), user=profile.username))
        self.profile = profile
        return profile

    async def devices(self) -> tuple[Device, ...]:
        # "?fields=*" goes in the path: httpx would encode the star as %2A.
        body = await self.request("GET", "/api/v2/me/devices?fields=*")
        return wire.parse_devices(body.get("devices"))

    async def start_contact_center_session(self, channels: tuple[str, ...] = ("voice",)) -> None:
        await self.request(
            "POST", "/api/v2/me", {"operationName": "StartContactCenterSession", "channels": list(channels)}
        )

    async def end_contact_center_session(self) -> None:
        """Log the agent out; GWS invalidates the HTTP session, so this is the last call."""
        await self.request("POST", "/api/v2/me", {"operationName": "EndContactCenterSession"})
        self._csrf_header = self._csrf_token = None

    async def post_record_operation(self, record_handle: int, body: Mapping[str, Any], *,
                                    on_sent: Callable[[], None] | None = None) -> None:
        """``POST /api/v2/me/outbound-records/<handle>``; returns when GWS accepted it (statusCode 0).

        ``on_sent``: called once the request is on the wire (see ``request``)."""
        await self.request("POST", f"/api/v2/me/outbound-records/{int(record_handle)}", body, on_sent=on_sent)

    async def aclose(self) -> None:
        await self._client.aclose()
