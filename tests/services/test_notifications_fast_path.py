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


def bridge_with_pump(queue):
    session = GwsSession("http://127.0.0.1:8090", "agent1", "secret",
                         transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    bridge = _GwsBridge(session, lambda: None)
    handed: list[int] = []
    bridge.attach(SimpleNamespace(_incoming_queue=queue),  # type: ignore[arg-type]
                  lambda messages: handed.extend(m["data"]["handle"] for m in messages))
    return session, bridge, handed


async def with_idle_pump():
    """A bridge, and a pump waiting in the library's receive() with nothing queued."""
    queue: asyncio.Queue = asyncio.Queue()
    session, bridge, handed = bridge_with_pump(queue)
    waiting = asyncio.ensure_future(queue.get())
    await asyncio.sleep(0)
    return queue, session, bridge, handed, waiting


async def test_a_few_events_are_handed_over_at_once_when_the_pump_waits_with_nothing_queued():
    queue, session, bridge, handed, waiting = await with_idle_pump()
    payload = [event(1), event(2), dict(CONNECT_REPLY)]
    await bridge.incoming(payload, None)
    assert handed == [1, 2] and payload == [CONNECT_REPLY] and queue.empty() and not waiting.done()
    waiting.cancel()
    await session.aclose()


async def test_events_are_queued_behind_what_the_pump_has_not_handled_yet():
    queue: asyncio.Queue = asyncio.Queue()
    session, bridge, handed = bridge_with_pump(queue)
    await bridge.incoming([event(1)], None)  # no pump waiting (it is busy): queued
    await bridge.incoming([event(2)], None)  # one queued before it: queued behind it
    waiting = asyncio.ensure_future(queue.get())
    await asyncio.sleep(0)  # the pump took event 1 and has not handled it yet ...
    await bridge.incoming([event(3)], None)  # ... so event 3 must not overtake event 2
    assert handed == [] and waiting.result()["data"]["handle"] == 1
    assert [queue.get_nowait()["data"]["handle"] for _ in range(2)] == [2, 3]
    await session.aclose()


async def test_a_burst_goes_through_the_queue_even_when_the_pump_waits():
    queue, session, bridge, handed, waiting = await with_idle_pump()
    await bridge.incoming([event(n) for n in range(100)], None)
    await asyncio.sleep(0)
    assert handed == [] and waiting.result()["data"]["handle"] == 0 and queue.qsize() == 99
    await session.aclose()


async def test_an_event_waits_while_the_pump_holds_one_it_has_not_handled():
    queue, session, bridge, handed, waiting = await with_idle_pump()
    await queue.put(event(1))  # the library queued one (a reply that is not plain) ...
    await asyncio.sleep(0)  # ... the pump's getter took it, the pump has not handled it yet
    assert waiting.done() and queue.empty()
    await bridge.incoming([event(2)], None)  # event 2 must not overtake it
    assert handed == [] and queue.get_nowait()["data"]["handle"] == 2
    await session.aclose()


async def test_a_handler_that_fails_does_not_escape_into_the_library(caplog):
    from agent_desktop.services.notifications import NotificationClient

    session = GwsSession("http://127.0.0.1:8090", "agent1", "secret",
                         transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    seen = []

    def on_event(e):
        seen.append(e)
        raise RuntimeError("handler bug")

    client = NotificationClient(session, on_event)
    record = {"channel": "/v2/me/outbound", "data": {"messageType": "OutboundRecordMessage",
              "notificationType": "RecordCancel", "record": {"recordHandle": 5, "applicationId": 1}}}
    client._handle_now([record, copy.deepcopy(record)])
    # each message is handled on its own: the failure on the first does not stop the second
    assert type(seen[-1]).__name__ == "RecordWithdrawn" and len(seen) == 2
    assert caplog.text.count("a notification handler failed") == 2
    await session.aclose()


async def test_pushes_read_as_structs_reach_the_library_as_dicts_when_the_bridge_cannot_queue_them(monkeypatch):
    """A bounded queue is the library's to fill: the structs of the push decoder become dicts that
    read as the originals (the library and ``wire`` read dicts only)."""
    import json

    from agent_desktop.services import push_decoder, wire
    from services.test_push_decoder import push

    monkeypatch.setattr(push_decoder, "FAST_FROM_CHARS", 0)
    decoder = push_decoder.PushDecoder()
    text = json.dumps([push(1), push(2), CONNECT_REPLY])
    decoder.decode(text)  # learns the keys
    payload = decoder.decode(text)
    assert decoder.is_push(payload[0])
    session = GwsSession("http://127.0.0.1:8090", "agent1", "secret",
                         transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    queue: asyncio.Queue = asyncio.Queue(maxsize=5)
    bridge = _GwsBridge(session, lambda: None, decoder)
    bridge.attach(SimpleNamespace(_incoming_queue=queue))  # type: ignore[arg-type]
    await bridge.incoming(payload, None)
    assert all(isinstance(m, dict) for m in payload) and payload[-1] == CONNECT_REPLY
    originals = json.loads(text)
    assert [wire.parse_notification(m) for m in payload[:2]] == [wire.parse_notification(m) for m in originals[:2]]
    await session.aclose()
