"""The CometD bridge extension: shared cookie jar, reply guard, advice repair, fast first connect."""

import httpx
import pytest
from multidict import CIMultiDict

from agent_desktop.services.errors import AuthenticationFailed, NotificationsError
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.notifications import _GwsBridge


def bridge():
    session = GwsSession("http://127.0.0.1:8090", "agent1", "secret",
                         transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    renewals = []
    return session, _GwsBridge(session, lambda: renewals.append(1)), renewals


async def test_outgoing_carries_auth_and_cookies_from_the_rest_jar():
    session, ext, _ = bridge()
    session.store_cookies(session.notifications_url, ["JSESSIONID=j1; Path=/", "AWSELB=lb; Path=/"])
    headers = {}
    await ext.outgoing([{"channel": "/meta/connect"}], headers)
    assert headers["Authorization"] == httpx.BasicAuth("agent1", "secret")._auth_header
    assert set(headers["Cookie"].split("; ")) == {"JSESSIONID=j1", "AWSELB=lb"}
    await session.aclose()


async def test_cookies_set_by_the_cometd_server_reach_rest():
    session, ext, _ = bridge()
    reply_headers = CIMultiDict([("Set-Cookie", "BAYEUX_BROWSER=b1; Path=/"), ("Content-Type", "application/json")])
    await ext.incoming([{"channel": "/meta/handshake", "successful": True}], reply_headers)
    assert session.request_headers(f"{session.base_url}/api/v2/me")["Cookie"] == "BAYEUX_BROWSER=b1"
    await session.aclose()


async def test_first_connect_after_each_handshake_asks_for_an_immediate_reply():
    session, ext, _ = bridge()
    await ext.outgoing([{"channel": "/meta/handshake"}], {})
    first = [{"channel": "/meta/connect"}, {"channel": "/meta/subscribe"}]
    await ext.outgoing(first, {})
    assert first[0]["advice"] == {"timeout": 0}
    later = [{"channel": "/meta/connect"}]
    await ext.outgoing(later, {})
    assert "advice" not in later[0]
    await session.aclose()


@pytest.mark.parametrize("payload", [{"error": "nope"}, "text", [1, 2], [{"no": "channel"}], None])
async def test_a_reply_that_is_not_bayeux_is_a_clear_error(payload):
    session, ext, _ = bridge()
    with pytest.raises(NotificationsError, match="not CometD"):
        await ext.incoming(payload, None)
    await session.aclose()


async def test_a_401_body_is_an_authentication_error():
    session, ext, _ = bridge()
    with pytest.raises(AuthenticationFailed):
        await ext.incoming({"statusCode": 20, "statusMessage": "Access denied"}, None)
    await session.aclose()


async def test_renewal_is_announced_only_once_resubscribed():
    session, ext, renewals = bridge()
    handshake = [{"channel": "/meta/handshake", "successful": True}]
    connect = [{"channel": "/meta/connect", "successful": True}]
    await ext.incoming(handshake, None)
    await ext.incoming(connect, None)
    assert renewals == []  # the first session is not a renewal
    await ext.incoming([{"channel": "/meta/handshake", "successful": True}], None)
    assert renewals == []  # re-handshook, but the re-subscribe has not been answered yet
    await ext.incoming([{"channel": "/meta/connect", "successful": False}], None)
    assert renewals == []
    await ext.incoming([{"channel": "/meta/connect", "successful": True}], None)
    await ext.incoming([{"channel": "/meta/connect", "successful": True}], None)
    assert renewals == [1]
    await session.aclose()


async def test_advice_interval_becomes_seconds_and_timeout_survives_partial_advice():
    session, ext, _ = bridge()
    full = {"reconnect": "retry", "interval": 2000, "timeout": 30000}
    await ext.incoming([{"channel": "/meta/handshake", "successful": True, "advice": full}], None)
    assert full["interval"] == 2.0
    partial = {"reconnect": "retry", "interval": 0}
    await ext.incoming([{"channel": "/meta/connect", "successful": True, "advice": partial}], None)
    assert partial == {"reconnect": "retry", "interval": 0.0, "timeout": 30000.0}
    await session.aclose()
