"""Test aids under /sim/ — NOT part of the GWS API. Loopback peers only, no credentials.

GET  /sim/records[?agent=agentN]   the simulator's record state
GET  /sim/clients                  the CometD clients and their subscriptions
POST /sim/forget-clients           drop every CometD client (next request: 402 + handshake)
POST /sim/set-schedule             {"handle", "timestamp", "callbackType"?}: move a record's
                                   time without the GWS checks (to make a callback come due)
"""

from __future__ import annotations

import ipaddress
import json
from typing import Any

from aiohttp import web

from .rest import CORE
from .state import CALLBACK_TYPES
from .timeutil import MAX_EPOCH_SECONDS


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


async def records(request: web.Request) -> web.Response:
    core = request.app[CORE]
    agent = request.query.get("agent")
    if agent is not None and agent not in core.world.agents:
        return _json({"error": f"unknown agent {agent!r}"}, 404)
    chosen = [r for r in core.world.records.values() if agent is None or r.agent == agent]
    return _json({"agent": agent, "records": [core.record_view(r) for r in chosen]})


async def clients(request: web.Request) -> web.Response:
    core = request.app[CORE]
    return _json({"clients": [
        {"clientId": c.client_id, "user": c.username, "subscriptions": sorted(c.subscriptions),
         "queued": len(c.queue), "polling": c.waiter is not None}
        for c in core.bayeux.clients.values()]})


async def forget_clients(request: web.Request) -> web.Response:
    return _json({"forgotten": request.app[CORE].bayeux.forget_all()})


async def set_schedule(request: web.Request) -> web.Response:
    core = request.app[CORE]
    try:
        body = json.loads(await request.text())
    except ValueError:
        return _json({"error": "body must be JSON"}, 400)
    if not isinstance(body, dict):
        return _json({"error": "body must be a JSON object"}, 400)
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


def add_routes(app: web.Application) -> None:
    app.router.add_get("/sim/records", records)
    app.router.add_get("/sim/clients", clients)
    app.router.add_post("/sim/forget-clients", forget_clients)
    app.router.add_post("/sim/set-schedule", set_schedule)
