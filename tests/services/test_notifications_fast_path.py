"""The bridge queues a reply's plain event messages itself (the library would await a ``put``
per message); what the library's transport ends up with must be what it does on its own."""

import asyncio
import copy
from types import SimpleNamespace

import httpx
import pytest
from aiocometd_noloop.transports.long_polling import LongPollingTransport

from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.notifications import _GwsBridge


def event(handle, **extra):
    return {"channel": "/v2/me/outbound", "data": {"notificationType": "PreviewRecord", "handle": handle}, **extra}


CONNECT_REPLY = {"channel": "/meta/connect", "successful": True, "id": "7",
                 "advice": {"reconnect": "retry", "interval": 0, "timeout": 30000}}
SUBSCRIBE_REPLY = {"channel": "/meta/subscribe", "successful": True, "subscription": "/v2/me/*", "id": "8"}


async def consume(payload, *, take: bool, maxsize: int = 0):
    """Run the library's _consume_payload with our bridge; ``take``: with the fast path."""
    session = GwsSession("http://127.0.0.1:8090", "agent1", "secret",
                         transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    queue: asyncio.Queue = asyncio.Queue(maxsize=maxsize)
    bridge = _GwsBridge(session, lambda: None)
    if take:
        bridge.attach(SimpleNamespace(_incoming_queue=queue))  # type: ignore[arg-type]
    transport = LongPollingTransport(url="http://127.0.0.1:8090/api/v2/notifications", incoming_queue=queue,
                                     http_session=None, extensions=[bridge])  # type: ignore[arg-type]
    result = await transport._consume_payload(payload, find_response_for={"channel": "/meta/connect", "id": "7"})
    queued = [queue.get_nowait() for _ in range(queue.qsize())]
    await session.aclose()
    return result, queued, transport.reconnect_advice, transport.subscriptions


@pytest.mark.parametrize("payload", [
    [event(1), event(2), event(3), CONNECT_REPLY],
    [CONNECT_REPLY, event(1), event(2)],
    [event(1), SUBSCRIBE_REPLY, event(2), CONNECT_REPLY],
    [event(1), event(2, id="x"), event(3), CONNECT_REPLY],  # not plain: the library keeps them all
    [event(1), event(2, advice={"interval": 500}), CONNECT_REPLY],
    [event(1), {"channel": "/service/echo", "data": {}, "id": "9"}, CONNECT_REPLY],
    [{"channel": "/v2/me/outbound"}, event(1), CONNECT_REPLY],  # no data: not an event
    [CONNECT_REPLY],
])
async def test_the_transport_sees_what_it_sees_without_the_fast_path(payload):
    fast = await consume(copy.deepcopy(payload), take=True)
    library = await consume(copy.deepcopy(payload), take=False)
    assert fast == library


async def test_plain_events_go_straight_to_the_queue_and_leave_the_payload():
    session = GwsSession("http://127.0.0.1:8090", "agent1", "secret",
                         transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    queue: asyncio.Queue = asyncio.Queue()
    bridge = _GwsBridge(session, lambda: None)
    bridge.attach(SimpleNamespace(_incoming_queue=queue))  # type: ignore[arg-type]
    payload = [event(1), event(2), dict(CONNECT_REPLY)]
    await bridge.incoming(payload, None)
    assert payload == [CONNECT_REPLY] and [queue.get_nowait()["data"]["handle"] for _ in range(2)] == [1, 2]
    await session.aclose()


async def test_a_bounded_queue_is_left_to_the_library():
    assert await consume([event(1), CONNECT_REPLY], take=True, maxsize=5) == \
        await consume([event(1), CONNECT_REPLY], take=False, maxsize=5)
