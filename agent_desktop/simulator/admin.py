"""Test aids under /sim/ — NOT part of the GWS API. Loopback peers only, no credentials.
Every node serves them; they act on the whole simulator (all nodes, the shared world).

GET  /sim/records[?agent=agentN]   the simulator's record state
GET  /sim/clients                  the CometD clients (of every node) and their subscriptions
POST /sim/forget-clients           drop every CometD client (next request: 402 + handshake)
POST /sim/set-schedule             {"handle", "timestamp", "callbackType"?}: move a record's
                                   time without the GWS checks (to make a callback come due)
POST /sim/agent-state              {"agent", "state": Ready|NotReady|LoggedOut}: set the
                                   device's user state, told by DeviceStateChangeMessage
GET  /sim/faults                   the fault switches
POST /sim/faults                   {switch: value, ...} (partial): change them; the full set back
GET  /sim/stats                    counters of injected faults, duplicates, restarts
GET  /sim/nodes                    the nodes: port, listening, sessions, clients
POST /sim/restart                  {"down_ms"?, "node"?}: answer, then restart node(s)
POST /sim/node-down, /sim/node-up  {"node": i}: stop / start one node's listener
"""

from __future__ import annotations

import ipaddress
import json
from typing import Any, Optional, Protocol

from aiohttp import web

from .faults import MAX_MS, FaultsError
from .rest import CORE
from .messages import device_json
from .state import CALLBACK_TYPES, USER_STATES
from .timeutil import MAX_EPOCH_SECONDS


class Control(Protocol):
    """What the admin endpoints need of the running simulator (``server.Simulator``)."""

    @property
    def urls(self) -> list[str]: ...

    async def restart(self, down_s: float = 0.0, node: Optional[int] = None) -> None: ...

    async def node_down(self, index: int) -> None: ...

    async def node_up(self, index: int) -> None: ...

    def spawn(self, coroutine: Any) -> None: ...


CONTROL = web.AppKey("control", Control)


class BadRequest(Exception):
    pass


def _json(body: Any, status: int = 200) -> web.Response:
    return web.Response(status=status, text=json.dumps(body, ensure_ascii=False),
                        content_type="application/json")


def _is_loopback(remote: Any) -> bool:
    try:
        return ipaddress.ip_address(str(remote).split("%")[0]).is_loopback
    except ValueError:
        return False


@web.middleware
async def loopback_only(request: web.Request, handler: Any) -> web.StreamResponse:
    if request.path.startswith("/sim/") and not _is_loopback(request.remote):
        return _json({"error": "the /sim/ test endpoints answer loopback peers only"}, 403)
    return await handler(request)


async def _body(request: web.Request, *, empty_ok: bool = False) -> dict[str, Any]:
    text = await request.text()
    if empty_ok and not text.strip():
        return {}
    try:
        body = json.loads(text)
    except ValueError:
        raise BadRequest("body must be JSON") from None
    if not isinstance(body, dict):
        raise BadRequest("body must be a JSON object")
    return body


def _node_index(request: web.Request, body: dict[str, Any], *, required: bool) -> Optional[int]:
    if "node" not in body and not required:
        return None
    index = body.get("node")
    count = len(request.app[CORE].nodes)
    if type(index) is not int or not 0 <= index < count:
        raise BadRequest(f"node must be an integer from 0 to {count - 1}")
    return index


async def _answer_then(request: web.Request, body: Any, action: Any) -> web.StreamResponse:
    """Send the reply completely, then run ``action`` (which may stop this very listener)."""
    response = _json(body)
    await response.prepare(request)
    await response.write_eof()
    request.app[CONTROL].spawn(action)
    return response


def _handler(function: Any) -> Any:
    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await function(request)
        except BadRequest as error:
            return _json({"error": str(error)}, 400)
    return wrapped


async def records(request: web.Request) -> web.Response:
    core = request.app[CORE]
    agent = request.query.get("agent")
    if agent is not None and agent not in core.world.agents:
        return _json({"error": f"unknown agent {agent!r}"}, 404)
    chosen = core.world.records.values() if agent is None else core.world.records_of(agent)
    return _json({"agent": agent, "records": [core.record_view(r) for r in chosen]})


async def clients(request: web.Request) -> web.Response:
    core = request.app[CORE]
    return _json({"clients": [
        {"clientId": c.client_id, "user": c.username, "subscriptions": sorted(c.subscriptions),
         "queued": len(c.queue), "polling": c.waiter is not None, "node": node.index}
        for node in core.nodes for c in node.bayeux.clients.values()]})


async def forget_clients(request: web.Request) -> web.Response:
    return _json({"forgotten": sum(node.bayeux.forget_all() for node in request.app[CORE].nodes)})


async def set_schedule(request: web.Request) -> web.Response:
    core = request.app[CORE]
    body = await _body(request)
    handle, timestamp = body.get("handle"), body.get("timestamp")
    if type(handle) is not int or handle not in core.world.records:
        return _json({"error": "handle must be the integer handle of a known record"}, 400)
    if type(timestamp) is not int or not 0 <= timestamp <= MAX_EPOCH_SECONDS:
        return _json({"error": "timestamp must be epoch seconds"}, 400)
    record = core.world.records[handle]
    callback_type = body.get("callbackType", record.callback_type)
    if callback_type not in CALLBACK_TYPES:
        return _json({"error": "callbackType must be Personal or Campaign"}, 400)
    core.set_schedule(record, timestamp, callback_type)
    return _json({"record": core.record_view(record)})


async def agent_state(request: web.Request) -> web.Response:
    core = request.app[CORE]
    body = await _body(request)
    agent = core.world.agents.get(body.get("agent")) if isinstance(body.get("agent"), str) else None
    if agent is None:
        raise BadRequest("agent must be the user name of a known agent")
    state = body.get("state")
    if state not in USER_STATES:
        raise BadRequest(f"state must be one of {', '.join(USER_STATES)}")
    core.set_user_state(agent, state)
    return _json({"agent": agent.username, "device": device_json(agent)})


async def get_faults(request: web.Request) -> web.Response:
    return _json(request.app[CORE].faults.faults.as_json())


async def post_faults(request: web.Request) -> web.Response:
    injector = request.app[CORE].faults
    body = await _body(request)
    try:
        faults = injector.update(body)   # all or nothing
    except FaultsError as error:
        raise BadRequest(str(error)) from None
    return _json(faults.as_json())


async def stats(request: web.Request) -> web.Response:
    core = request.app[CORE]
    return _json({**core.faults.counters, **core.counters,
                  "applied_reference_ids": len(core.applied)})


async def nodes(request: web.Request) -> web.Response:
    control = request.app[CONTROL]
    return _json({"nodes": [{**node.view(), "url": url}
                            for node, url in zip(request.app[CORE].nodes, control.urls)]})


async def restart(request: web.Request) -> web.StreamResponse:
    body = await _body(request, empty_ok=True)
    down_ms = body.get("down_ms", 0)
    if type(down_ms) is not int or not 0 <= down_ms <= MAX_MS:
        raise BadRequest(f"down_ms must be an integer from 0 to {MAX_MS}")
    index = _node_index(request, body, required=False)
    targets = list(range(len(request.app[CORE].nodes))) if index is None else [index]
    return await _answer_then(request, {"restarting": targets, "down_ms": down_ms},
                              request.app[CONTROL].restart(down_ms / 1000, index))


async def node_down(request: web.Request) -> web.StreamResponse:
    core = request.app[CORE]
    index = _node_index(request, await _body(request), required=True)
    assert index is not None
    if all(not n.listening for n in core.nodes if n.index != index):
        return _json({"error": "this would leave no node listening (use /sim/restart with "
                               "down_ms for a while without any)"}, 409)
    return await _answer_then(request, {"node": index, "listening": False},
                              request.app[CONTROL].node_down(index))


async def node_up(request: web.Request) -> web.Response:
    index = _node_index(request, await _body(request), required=True)
    assert index is not None
    control = request.app[CONTROL]
    await control.node_up(index)
    return _json({"node": index, "listening": True, "url": control.urls[index]})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/sim/records", records)
    app.router.add_get("/sim/clients", clients)
    app.router.add_post("/sim/forget-clients", forget_clients)
    app.router.add_post("/sim/set-schedule", _handler(set_schedule))
    app.router.add_post("/sim/agent-state", _handler(agent_state))
    app.router.add_get("/sim/faults", get_faults)
    app.router.add_post("/sim/faults", _handler(post_faults))
    app.router.add_get("/sim/stats", stats)
    app.router.add_get("/sim/nodes", nodes)
    app.router.add_post("/sim/restart", _handler(restart))
    app.router.add_post("/sim/node-down", _handler(node_down))
    app.router.add_post("/sim/node-up", _handler(node_up))
