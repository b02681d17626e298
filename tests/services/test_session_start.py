"""AgentSession.start(): the login request goes out while the local store opens, and a failure of
either side closes everything the other opened."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from agent_desktop.domain.store import RecordStore
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.errors import AuthenticationFailed
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.local_store import LocalStore

GUARD_S = 10.0  # a hang guard only: a start that did things one after the other never ends


class WatchedStore(LocalStore):
    """A real local store whose ``open`` can wait for something and whose closing is seen."""

    def __init__(self, path, *, before_open=None, fail_open: Exception | None = None) -> None:
        super().__init__(path)
        self.before_open = before_open
        self.fail_open = fail_open
        self.closed = False

    async def open(self) -> None:
        if self.before_open is not None:
            await self.before_open()
        if self.fail_open is not None:
            raise self.fail_open
        await super().open()

    async def close(self) -> None:
        self.closed = True
        await super().close()


def session_with(handler) -> GwsSession:
    return GwsSession("http://127.0.0.1:9", "agent1", "secret", transport=httpx.MockTransport(handler))


async def test_the_login_request_is_sent_while_the_local_store_opens(tmp_path):
    login_sent = asyncio.Event()

    async def server(request: httpx.Request) -> httpx.Response:
        login_sent.set()
        return httpx.Response(401, json={"statusCode": 20, "statusMessage": "Access denied"})

    # The store opens only once the login request is out: started one after the other, the
    # start would wait for ever (the guard turns that into a failure).
    local = WatchedStore(tmp_path / "local.sqlite3", before_open=login_sent.wait)
    session = session_with(server)
    agent = AgentSession(session, RecordStore(), local=local)
    with pytest.raises(AuthenticationFailed):
        await asyncio.wait_for(agent.start(), GUARD_S)
    assert local.closed and session._client.is_closed


async def test_a_local_store_that_cannot_open_stops_the_login_too(tmp_path):
    requests: list[httpx.Request] = []
    never = asyncio.Event()

    async def server(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        await never.wait()  # the server never answers: the start must not wait for it
        return httpx.Response(500)

    async def login_on_the_wire() -> None:
        while not requests:
            await asyncio.sleep(0)

    local = WatchedStore(tmp_path / "local.sqlite3", before_open=login_on_the_wire,
                         fail_open=OSError("disk full"))
    session = session_with(server)
    agent = AgentSession(session, RecordStore(), local=local)
    with pytest.raises(OSError, match="disk full"):
        await asyncio.wait_for(agent.start(), GUARD_S)
    assert [r.url.path for r in requests] == ["/api/v2/me"]
    assert local.closed and session._client.is_closed
    assert agent.profile is None
