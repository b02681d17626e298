"""The GWS REST surface under /api/v2: authentication and CSRF middleware, /me, devices,
contact-center session operations, outbound-record operations, and the CometD endpoint's HTTP side.
"""

from __future__ import annotations

import json
import logging
import secrets
from typing import Any, Awaitable, Callable, Optional

from aiohttp import web

from . import messages, replies
from .auth import CSRF_HEADER, SESSION_COOKIE, AuthError, Caller
from .bayeux import ConnectionDropped, encode_reply
from .core import SimCore
from .node import Node
from .operations import (CONTACT_CENTER_OPERATIONS, NEW_RECORD_OPERATIONS, OutboundRequest,
                         Refusal, check_device, check_params, check_start_session,
                         operation_name, parse_handle)
from .settings import missing_privilege

log = logging.getLogger(__name__)

CORE = web.AppKey("core", SimCore)
# The node this application (listener) is.
NODE = web.AppKey("node", Node)


def _request_key(name: str, kind: type) -> Any:
    # Typed request keys exist from aiohttp 3.12 on; plain strings before.
    factory = getattr(web, "RequestKey", None)
    return factory(name, kind) if factory else name


CALLER = _request_key("caller", Caller)
RAW_BODY = _request_key("raw_body", bytes)
JSON_BODY = _request_key("json_body", dict)
API = "/api/v2"
VERSION_PATH = API + "/diagnostics/version"
NOTIFICATIONS_PATH = API + "/notifications"
GWS_VERSION = "8.5.201.50"
MAX_BODY_BYTES = 64 * 1024
BROWSER_COOKIE = "BAYEUX_BROWSER"
KNOWN_SUBRESOURCES = ("devices", "settings", "features", "channels")
# "*" gives exactly the documented shape of me_reply.json; features/channels only when named.
STAR_SUBRESOURCES = {"devices", "settings"}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


# -- helpers ------------------------------------------------------------------------------------

def _caller(request: web.Request) -> Caller:
    return request[CALLER]


def _is_notifications(path: str) -> bool:
    return path == NOTIFICATIONS_PATH or path.startswith(NOTIFICATIONS_PATH + "/")


def _is_json_type(content_type: str) -> bool:
    return content_type == "application/json" or content_type.endswith("+json")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# One decoder for every request (json.loads with an option builds a new one each call).
_decode_json = json.JSONDecoder(parse_constant=_reject_constant).decode


def _too_large() -> Refusal:
    return Refusal(replies.INVALID_VALUE, f"Request body is larger than {MAX_BODY_BYTES} bytes",
                   http_status=413)


async def read_json(request: web.Request, *, check_type: bool = True) -> Any:
    """The request body as JSON; size, Content-Type and syntax refused with clear messages."""
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise _too_large()
    if check_type and not _is_json_type(request.content_type):
        raise Refusal(replies.INVALID_VALUE,
                      f"Content-Type must be application/json, got {request.content_type}",
                      http_status=415)
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise _too_large() from None
    request[RAW_BODY] = raw
    try:
        return _decode_json(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Refusal(replies.INVALID_VALUE, "Request body is not valid JSON") from None


async def read_json_object(request: web.Request) -> dict[str, Any]:
    body = await read_json(request)
    if not isinstance(body, dict):
        raise Refusal(replies.INVALID_VALUE, "Request body must be a JSON object")
    request[JSON_BODY] = body
    return body


def _journal_body(request: web.Request) -> Any:
    if JSON_BODY in request:
        return request[JSON_BODY]
    raw = request.get(RAW_BODY)
    return raw[:2000].decode("utf-8", "replace") if raw is not None else None


def _refuse(request: web.Request, refusal: Refusal, operation: Optional[str], handle: Any) -> web.Response:
    core = request.app[CORE]
    response = replies.gws_error(refusal.status_code, refusal.message,
                                 http_status=refusal.http_status,
                                 as_http_200=core.config.errors_as_http_200)
    core.journal_write(request.app[NODE], _caller(request).username, operation, handle,
                       _journal_body(request),
                       f"refused http {response.status} statusCode {refusal.status_code}: "
                       f"{refusal.message}")
    return response


def _base_url(request: web.Request) -> str:
    return f"{request.scheme}://{request.host}"


# -- middleware ---------------------------------------------------------------------------------

def _from_http_exception(exc: web.HTTPException, as_http_200: bool) -> web.Response:
    """aiohttp's own refusals (no route, wrong method, ...) as GWS JSON bodies."""
    if exc.status == 404:
        code, message = replies.NOT_FOUND, "No such resource"
    elif exc.status == 405:
        code, message = replies.FORBIDDEN, "Method not allowed on this resource"
    elif exc.status == 413:
        code, message = replies.INVALID_VALUE, f"Request body is larger than {MAX_BODY_BYTES} bytes"
    else:
        code = replies.INTERNAL_ERROR if exc.status >= 500 else replies.INVALID_VALUE
        message = exc.reason
    return replies.gws_error(code, message, http_status=exc.status, as_http_200=as_http_200)


async def _journal_csrf_refusal(request: web.Request) -> None:
    """Best effort: a refused operation is journaled with what can be read of its body."""
    if not (request.path == API + "/me" or request.path.startswith(API + "/me/outbound-records")):
        return
    operation = None
    try:
        body = await read_json(request, check_type=False)
        if isinstance(body, dict):
            request[JSON_BODY] = body
            operation = body.get("operationName") if isinstance(body.get("operationName"), str) else None
    except Refusal:
        pass
    handle = request.path.rsplit("/", 1)[1] if "outbound-records/" in request.path else None
    if handle is not None and handle.isdigit():
        handle = int(handle)
    request.app[CORE].journal_write(request.app[NODE], _caller(request).username, operation,
                                    handle, _journal_body(request),
                                    f"refused http 403: {replies.CSRF_MESSAGE}")


def _is_api(path: str) -> bool:
    return path == API or path.startswith(API + "/")


@web.middleware
async def fault_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Injected faults of /api/v2 (docs/simulator.md "Faults"): a REST request (not CometD) may
    be answered 503 before anything else happens; every reply may be held back (latency)."""
    if not _is_api(request.path):
        return await handler(request)
    core = request.app[CORE]
    if not _is_notifications(request.path) and core.faults.refuse_request():
        response: web.StreamResponse = replies.service_unavailable()
    else:
        response = await handler(request)
    delay = core.faults.latency_s()
    # Holds this reply only; the loop serves others meanwhile. Cut short if the node goes down.
    if delay > 0 and not await request.app[NODE].pause(delay):
        return cut_connection(request)
    return response


def cut_connection(request: web.Request) -> web.Response:
    """Close the connection without an answer (a node going down); the client sees a
    connection error. The returned response is never sent."""
    transport = request.transport
    if transport is not None:
        transport.close()
    return web.Response(status=503)


@web.middleware
async def gws_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Authentication, sessions and CSRF for /api/v2 (the version probe is open)."""
    path = request.path
    if not _is_api(path) or path == VERSION_PATH:
        return await handler(request)
    core = request.app[CORE]
    node = request.app[NODE]
    try:
        caller = node.auth.authenticate(request)
    except AuthError as error:
        return replies.unauthorized(str(error))
    request[CALLER] = caller
    if request.method not in ("GET", "HEAD", "OPTIONS") and not _is_notifications(path):
        # CometD POSTs are exempt, as in GWS deployments (gws-api.md §3.2).
        if not node.auth.csrf_ok(request, caller):
            await _journal_csrf_refusal(request)
            response: web.StreamResponse = replies.csrf_refused()
            _finish(response, request, caller)
            return response
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = _from_http_exception(exc, core.config.errors_as_http_200)
    except Exception:
        log.exception("internal error on %s %s", request.method, path)
        response = replies.gws_error(replies.INTERNAL_ERROR, "Internal simulator error")
    _finish(response, request, caller)
    return response


def _finish(response: web.StreamResponse, request: web.Request, caller: Caller) -> None:
    session = caller.session
    if not session.valid:
        return  # invalidated by EndContactCenterSession: no cookie, no token
    if caller.new_session:
        response.set_cookie(SESSION_COOKIE, session.session_id, path="/", httponly=True)
    if request.method == "GET":
        response.headers["X-CSRF-HEADER"] = CSRF_HEADER
        response.headers[CSRF_HEADER] = session.csrf_token


# -- handlers -----------------------------------------------------------------------------------

async def version(request: web.Request) -> web.Response:
    return replies.ok(version=GWS_VERSION)


async def get_me(request: web.Request) -> web.Response:
    core = request.app[CORE]
    agent = core.world.agents[_caller(request).username]
    raw = request.query.get("subresources")
    wanted: set[str] = set()
    if raw is not None and raw.strip() == "*":
        wanted = set(STAR_SUBRESOURCES)
    elif raw is not None:
        wanted = {name.strip() for name in raw.split(",") if name.strip()}
        unknown = sorted(wanted - set(KNOWN_SUBRESOURCES))
        if unknown:
            return replies.gws_error(replies.INVALID_VALUE,
                                     f"Unknown subresources: {', '.join(unknown)}; known: "
                                     f"{', '.join(KNOWN_SUBRESOURCES)}",
                                     as_http_200=core.config.errors_as_http_200)
    return replies.ok(user=messages.user_json(agent, _base_url(request), wanted,
                                              core.interaction_workspace))


async def get_devices(request: web.Request) -> web.Response:
    core = request.app[CORE]
    agent = core.world.agents[_caller(request).username]
    fields = request.query.get("fields")
    if fields is None:
        return replies.ok(uris=[f"{_base_url(request)}{API}/devices/{agent.device_id}"])
    device = messages.device_json(agent)
    if fields.strip() != "*":
        names = [n.strip() for n in fields.split(",") if n.strip()]
        unknown = [n for n in names if n not in device]
        if unknown:
            return replies.gws_error(replies.INVALID_VALUE, f"Unknown device fields: {', '.join(unknown)}",
                                     as_http_200=core.config.errors_as_http_200)
        device = {n: device[n] for n in names}
    return replies.ok(devices=[device])


async def get_device(request: web.Request) -> web.Response:
    core = request.app[CORE]
    agent = core.world.agents[_caller(request).username]
    if request.match_info["device_id"] != agent.device_id:
        return replies.gws_error(replies.NOT_FOUND, "Device not found for this user",
                                 as_http_200=core.config.errors_as_http_200)
    return replies.ok(device=messages.device_json(agent))


async def post_me(request: web.Request) -> web.Response:
    """StartContactCenterSession / EndContactCenterSession."""
    core = request.app[CORE]
    caller = _caller(request)
    agent = core.world.agents[caller.username]
    operation: Optional[str] = None
    try:
        body = await read_json_object(request)
        operation = operation_name(body)
        if operation not in CONTACT_CENTER_OPERATIONS:
            raise Refusal(replies.INVALID_VALUE,
                          f"Unsupported operationName {operation!r} for /me; supported: "
                          f"{', '.join(CONTACT_CENTER_OPERATIONS)}")
        if operation == "StartContactCenterSession":
            check_start_session(body)
            check_device(body, agent.device_path)
    except Refusal as refusal:
        return _refuse(request, refusal, operation, None)
    node = request.app[NODE]
    if operation == "StartContactCenterSession":
        core.start_contact_center_session(agent, node)
    else:
        core.end_contact_center_session(agent)
        # Documented: EndContactCenterSession invalidates the HTTP session (cookie + CSRF token).
        node.auth.invalidate(caller.session)
    core.journal_write(node, caller.username, operation, None, body, "ok")
    return replies.ok()


def _check_privilege(core: SimCore, operation: str, params: dict[str, Any]) -> None:
    """Strict mode only (gap G12): a denied privilege refuses the operation (statusCode 5)."""
    if not core.config.enforce_privileges:
        return
    missing = missing_privilege(operation, params, core.config.denied_privileges)
    if missing is not None:
        raise Refusal(replies.NO_PERMISSION,
                      f"{operation} is not permitted: the user lacks {missing}")


async def post_outbound_record(request: web.Request) -> web.Response:
    """``POST /api/v2/me/outbound-records/<handle>``: an operation on one record."""
    return await _accept_outbound(request, request.match_info["handle"])


async def post_new_outbound_record(request: web.Request) -> web.Response:
    """``POST /api/v2/me/outbound-records`` (no handle): AddRecord."""
    return await _accept_outbound(request, None)


async def _accept_outbound(request: web.Request, handle_text: Optional[str]) -> web.Response:
    """The synchronous checks (gap G3), then the outcome is left to the core."""
    core = request.app[CORE]
    caller = _caller(request)
    agent = core.world.agents[caller.username]
    handle: Any = None
    if handle_text is not None:  # journaled as sent, even when it is no handle
        handle = int(handle_text) if handle_text.isascii() and handle_text.isdigit() else handle_text
    operation: Optional[str] = None
    try:
        body = await read_json_object(request)
        operation = operation_name(body)
        if handle_text is None:
            if operation == "DoNotCallRecord":
                raise Refusal(replies.INVALID_VALUE, "DoNotCallRecord by phone number is not "
                                                     "simulated: name the record in the URL")
            params = check_params(operation, body, NEW_RECORD_OPERATIONS)
        else:
            handle = parse_handle(handle_text)
            params = check_params(operation, body)
        _check_privilege(core, operation, params)
        check_device(params, agent.device_path)
    except Refusal as refusal:
        return _refuse(request, refusal, operation, handle)
    core.submit(OutboundRequest(caller.username, operation, handle, params, body),
                request.app[NODE])
    return replies.ok()


async def notifications(request: web.Request) -> web.Response:
    """CometD long-polling: one POST carries a batch of Bayeux messages."""
    try:
        body = await read_json(request, check_type=False)
    except Refusal as refusal:
        # Always an array of Bayeux messages, so that CometD clients can read it.
        status = refusal.http_status or 400
        return replies.json_response([{"successful": False, "error": f"{status}::{refusal.message}"}],
                                     status)
    batch = [body] if isinstance(body, dict) else body
    if not isinstance(batch, list):
        return replies.json_response(
            [{"successful": False, "error": "400::Body must be a JSON array of Bayeux messages"}], 400)
    try:
        reply = await request.app[NODE].bayeux.handle_batch(_caller(request).username, batch)
    except ConnectionDropped:
        return cut_connection(request)
    response = web.Response(text=encode_reply(reply), content_type="application/json")
    # Like CometD servers, mark the browser; not required by the simulator on later requests.
    if BROWSER_COOKIE not in request.cookies and any(
            isinstance(m, dict) and m.get("channel") == "/meta/handshake" for m in batch):
        response.set_cookie(BROWSER_COOKIE, secrets.token_hex(12), path="/", httponly=True)
    return response


def add_routes(app: web.Application) -> None:
    app.router.add_get(VERSION_PATH, version)
    app.router.add_get(API + "/me", get_me)
    app.router.add_post(API + "/me", post_me)
    app.router.add_get(API + "/me/devices", get_devices)
    app.router.add_get(API + "/me/devices/{device_id}", get_device)
    app.router.add_post(API + "/me/outbound-records", post_new_outbound_record)
    app.router.add_post(API + "/me/outbound-records/{handle}", post_outbound_record)
    app.router.add_post(NOTIFICATIONS_PATH, notifications)
    app.router.add_post(NOTIFICATIONS_PATH + "/{tail:.*}", notifications)
