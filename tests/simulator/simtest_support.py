"""Helpers of the simulator tests: a small GWS client speaking to the simulator over real sockets
(aiohttp), golden-sample loading and time helpers, written without any simulator code."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional
from zoneinfo import ZoneInfo

import aiohttp

WIRE_SAMPLES = Path(__file__).resolve().parents[1] / "wire_samples"
PASSWORD = "s3cret-pw"


async def until_refused(request: Any, timeout_s: float = 5.0) -> None:
    """Wait until a listener is really down: the /sim/ endpoints answer first and stop after,
    so a fixed pause would be a race. ``request`` is a coroutine function making one request."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            await request()
        except aiohttp.ClientConnectionError:
            return
        assert time.monotonic() < deadline, "the listener kept answering"
        await asyncio.sleep(0.02)


async def until_true(predicate: Any, timeout_s: float = 5.0) -> None:
    """Wait for a condition the test can only observe from outside (a file, another process)."""
    deadline = time.monotonic() + timeout_s
    while True:
        held = predicate()
        if asyncio.iscoroutine(held):
            held = await held
        if held:
            return
        assert time.monotonic() < deadline, "the condition never held"
        await asyncio.sleep(0.02)


def load_sample(name: str) -> Any:
    return json.loads((WIRE_SAMPLES / name).read_text(encoding="utf-8"))


def key_tree(value: Any) -> Any:
    """The keys of a JSON value, recursively (lists: the key tree of each element)."""
    if isinstance(value, dict):
        return {k: key_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [key_tree(v) for v in value]
    return None


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def gsw_date_time(epoch_s: int) -> str:
    return dt.datetime.fromtimestamp(epoch_s, dt.timezone.utc).strftime("%m/%d/%Y %H:%M")


def local_epoch(zone_name: str, days_ahead: int, seconds_after_midnight: int) -> int:
    """Epoch seconds of a wall-clock time ``days_ahead`` local days from today in that zone."""
    zone = ZoneInfo(zone_name)
    day = dt.datetime.now(zone).date() + dt.timedelta(days=days_ahead)
    local = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds_after_midnight)
    return int(local.replace(tzinfo=zone).timestamp())


def time_in_window(user_data: dict[str, Any], days_ahead: int = 2) -> int:
    """A time inside the contact's calling window, a few days ahead (never in the past)."""
    middle = (user_data["GSW_FROM"] + user_data["GSW_UNTIL"]) // 2 // 300 * 300
    return local_epoch(user_data["contact_time_zone"], days_ahead, middle)


@dataclass
class Reply:
    status: int
    headers: Any
    text: str

    @property
    def json(self) -> Any:
        return json.loads(self.text)

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0]


class GwsClient:
    """What a GWS client does, kept minimal: Basic auth, cookies, CSRF, Bayeux long-polling."""

    def __init__(self, base_url: str, username: str, password: str) -> None:
        self.base_url = base_url
        self.username = username
        self.password = password
        # unsafe=True: keep cookies for an IP host.
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.csrf: Optional[str] = None
        self.user: dict[str, Any] = {}
        self.client_id: Optional[str] = None
        self._next_id = 0

    async def close(self) -> None:
        await self.http.close()

    def _headers(self, auth: bool, extra: Optional[dict[str, str]]) -> dict[str, str]:
        headers = {"Authorization": basic(self.username, self.password)} if auth else {}
        headers.update(extra or {})
        return headers

    async def get(self, path: str, *, auth: bool = True, headers: Optional[dict] = None) -> Reply:
        async with self.http.get(self.base_url + path, headers=self._headers(auth, headers)) as r:
            reply = Reply(r.status, r.headers, await r.text())
        if "X-CSRF-TOKEN" in r.headers:
            self.csrf = r.headers["X-CSRF-TOKEN"]
        return reply

    async def post(self, path: str, body: Any = None, *, auth: bool = True, csrf: bool = True,
                   data: Optional[bytes] = None, headers: Optional[dict] = None) -> Reply:
        extra = {"Content-Type": "application/json"}
        if csrf and self.csrf:
            extra["X-CSRF-TOKEN"] = self.csrf
        extra.update(headers or {})
        payload = data if data is not None else json.dumps(body).encode()
        async with self.http.post(self.base_url + path, data=payload,
                                  headers=self._headers(auth, extra)) as r:
            return Reply(r.status, r.headers, await r.text())

    async def login(self) -> dict[str, Any]:
        reply = await self.get("/api/v2/me?subresources=*")
        assert reply.status == 200, reply.text
        self.user = reply.json["user"]
        return self.user

    @property
    def device_path(self) -> str:
        return "/devices/" + self.user["devices"][0]["id"]

    # -- Bayeux ----------------------------------------------------------------------------

    def next_id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    async def bayeux(self, messages: Any, path: str = "/api/v2/notifications",
                     auth: bool = True) -> Reply:
        return await self.post(path, messages, auth=auth, csrf=False)

    async def handshake(self) -> dict[str, Any]:
        reply = await self.bayeux([{"channel": "/meta/handshake", "id": self.next_id(),
                                    "version": "1.0", "minimumVersion": "1.0",
                                    "supportedConnectionTypes": ["long-polling"]}],
                                  path="/api/v2/notifications/handshake")
        assert reply.status == 200, reply.text
        answer = reply.json[0]
        assert answer["successful"], answer
        self.client_id = answer["clientId"]
        return answer

    async def subscribe(self, *channels: str) -> list[dict[str, Any]]:
        reply = await self.bayeux([{"channel": "/meta/subscribe", "id": self.next_id(),
                                    "clientId": self.client_id, "subscription": c}
                                   for c in channels])
        assert all(m["successful"] for m in reply.json), reply.text
        return reply.json

    def connect_message(self, timeout: Optional[int] = None) -> dict[str, Any]:
        message: dict[str, Any] = {"channel": "/meta/connect", "id": self.next_id(),
                                   "clientId": self.client_id, "connectionType": "long-polling"}
        if timeout is not None:
            message["advice"] = {"timeout": timeout}
        return message

    async def connect_raw(self, timeout: Optional[int] = None) -> list[dict[str, Any]]:
        """One /meta/connect; the whole reply (data messages + the connect answer)."""
        reply = await self.bayeux([self.connect_message(timeout)],
                                  path="/api/v2/notifications/connect")
        assert reply.status == 200, reply.text
        return reply.json

    async def connect(self, timeout: Optional[int] = None) -> list[dict[str, Any]]:
        """One /meta/connect; only the data messages (the connect answer must be last and OK)."""
        messages = await self.connect_raw(timeout)
        assert messages[-1]["channel"] == "/meta/connect" and messages[-1]["successful"], messages
        return messages[:-1]

    async def start_session(self) -> Reply:
        reply = await self.post("/api/v2/me", {"operationName": "StartContactCenterSession",
                                               "channels": ["voice"]})
        assert reply.status == 200 and reply.json == {"statusCode": 0}, reply.text
        return reply

    async def go_online(self, *subscriptions: str) -> list[dict[str, Any]]:
        """Log in, handshake, subscribe, first connect, start the session; the pushed messages."""
        await self.login()
        await self.handshake()
        await self.subscribe(*(subscriptions or ("/v2/me/*",)))
        assert await self.connect() == []  # the first connect is answered at once
        await self.start_session()
        return await self.connect()

    async def reschedule(self, handle: int, **overrides: Any) -> Reply:
        body = {"operationName": "RescheduleRecord", **overrides}
        return await self.post(f"/api/v2/me/outbound-records/{handle}", body)


def previews(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m for m in messages if m["channel"] == "/v2/me/outbound"
            and m["data"]["notificationType"] == "PreviewRecord"]


def reschedule_body(preview: dict[str, Any], timestamp: int, callback_type: str = "Personal",
                    reference_id: Optional[str] = "ref-1") -> dict[str, Any]:
    record = preview["data"]["record"]
    body = {"operationName": "RescheduleRecord", "applicationId": record["applicationId"],
            "campaignName": record["campaignName"], "callbackType": callback_type,
            "timestamp": timestamp, "devicePath": record["devicePath"]}
    if reference_id is not None:
        body["referenceId"] = reference_id
    return body
