"""GwsSession against httpx.MockTransport: auth, cookies, CSRF and error mapping."""

import json
import ssl

import httpx
import pytest

from agent_desktop.services.errors import (
    AuthenticationFailed,
    CsrfRejected,
    NotPermitted,
    ProtocolError,
    RequestRefused,
    ServerUnreachable,
    TlsVerificationFailed,
)
from agent_desktop.services.gws_session import GwsSession, normalise_server_url


TOKEN = "4a92be65-ec55-4aa2-b9df-9518fd870f2f"


def gws_like(me_reply, seen):
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("Authorization") != httpx.BasicAuth("agent1", "secret")._auth_header:
            return httpx.Response(401, json={"statusCode": 20, "statusMessage": "Access denied"})
        if request.method == "GET":
            return httpx.Response(
                200, json=me_reply,
                headers={"Set-Cookie": "JSESSIONID=abc; Path=/", "X-CSRF-HEADER": "X-CSRF-TOKEN", "X-CSRF-TOKEN": TOKEN},
            )
        if request.headers.get("X-CSRF-TOKEN") != TOKEN or "JSESSIONID=abc" not in request.headers.get("Cookie", ""):
            return httpx.Response(403, text="Missing or invalid Csrf token")
        body = json.loads(request.content)
        if body.get("operationName") == "Broken":
            return httpx.Response(400, json={"statusCode": 1, "statusMessage": "Missing required parameter: campaignName"})
        return httpx.Response(200, json={"statusCode": 0})
    return handler


def session(handler, password="secret", url="http://127.0.0.1:8090"):
    return GwsSession(url, "agent1", password, transport=httpx.MockTransport(handler))


async def test_login_then_post_carries_cookie_and_csrf(wire_sample):
    seen = []
    gws = session(gws_like(wire_sample("me_reply.json"), seen))
    profile = await gws.login()
    assert profile.username == "agent1"
    assert seen[0].url.raw_path == b"/api/v2/me?subresources=*"
    await gws.start_contact_center_session()
    post = seen[-1]
    assert post.headers["X-CSRF-TOKEN"] == TOKEN and "JSESSIONID=abc" in post.headers["Cookie"]
    assert json.loads(post.content) == {"operationName": "StartContactCenterSession", "channels": ["voice"]}
    headers = gws.request_headers(gws.notifications_url)
    assert headers["Authorization"].startswith("Basic ") and headers["Cookie"] == "JSESSIONID=abc"
    assert headers["X-CSRF-TOKEN"] == TOKEN
    await gws.aclose()


async def test_wrong_password_is_authentication_failed(wire_sample):
    gws = session(gws_like(wire_sample("me_reply.json"), []), password="nope")
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        await gws.login()
    await gws.aclose()


async def test_status_code_20_in_a_200_reply_is_also_authentication_failed():
    gws = session(lambda r: httpx.Response(200, json={"statusCode": 20, "statusMessage": "x"}))
    with pytest.raises(AuthenticationFailed):
        await gws.login()
    await gws.aclose()


async def test_refused_csrf_token_renews_the_session_once_and_retries(wire_sample):
    seen = []
    gws = session(gws_like(wire_sample("me_reply.json"), seen))
    await gws.start_contact_center_session()  # no GET yet: refused, then GET, then accepted
    assert [r.method for r in seen] == ["POST", "GET", "POST"]
    await gws.aclose()


async def test_csrf_refused_again_after_renewal_is_an_error_not_a_storm():
    seen = []

    def always_refuse(request):
        seen.append(request.method)
        if request.method == "GET":
            return httpx.Response(200, json={"statusCode": 0, "user": {"userName": "agent1"}})
        return httpx.Response(403, text="Missing or invalid Csrf token")

    gws = session(always_refuse)
    with pytest.raises(CsrfRejected):
        await gws.start_contact_center_session()
    assert seen == ["POST", "GET", "POST"]
    await gws.aclose()


async def test_use_node_drops_the_old_nodes_session(wire_sample):
    seen = []
    gws = GwsSession(["http://127.0.0.1:8090", "http://127.0.0.1:8091"], "agent1", "secret",
                     transport=httpx.MockTransport(gws_like(wire_sample("me_reply.json"), seen)))
    await gws.login()
    assert gws.next_node() == "http://127.0.0.1:8091"
    gws.use_node(gws.next_node())
    assert "Cookie" not in gws.request_headers(gws.notifications_url)
    assert gws.notifications_url == "http://127.0.0.1:8091/api/v2/notifications"
    await gws.login()
    assert seen[-1].url.port == 8091
    await gws.aclose()


async def test_non_zero_status_code_is_refused_with_the_servers_words(wire_sample):
    gws = session(gws_like(wire_sample("me_reply.json"), []))
    await gws.login()
    with pytest.raises(RequestRefused) as refused:
        await gws.post_record_operation(9, {"operationName": "Broken"})
    assert refused.value.status_code == 1 and refused.value.http_status == 400
    assert "campaignName" in refused.value.message
    await gws.aclose()


async def test_not_an_agent_and_no_outbound_privilege(wire_sample):
    body = wire_sample("me_reply.json")
    body["user"]["roles"] = ["ROLE_ADMIN"]
    gws = session(gws_like(body, []))
    with pytest.raises(NotPermitted, match="not an agent"):
        await gws.login()
    body["user"]["roles"] = ["ROLE_AGENT"]
    body["user"]["settings"]["interaction-workspace"]["privilege.outbound.can-use"] = "false"
    with pytest.raises(NotPermitted, match="no outbound privilege"):
        await gws.login()
    await gws.aclose()


async def test_html_reply_is_a_protocol_error():
    gws = session(lambda r: httpx.Response(200, text="<html>proxy login</html>"))
    with pytest.raises(ProtocolError):
        await gws.login()
    await gws.aclose()


async def test_connection_refused_is_unreachable():
    def refuse(request):
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
    gws = session(refuse)
    with pytest.raises(ServerUnreachable, match="Cannot reach http://127.0.0.1:8090"):
        await gws.login()
    await gws.aclose()


async def test_certificate_failure_is_tls_verification_failed():
    def bad_cert(request):
        cause = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] self-signed certificate")
        raise httpx.ConnectError("certificate verify failed", request=request) from cause
    gws = session(bad_cert, url="https://gws.example.com")
    with pytest.raises(TlsVerificationFailed, match="could not be verified"):
        await gws.login()
    await gws.aclose()


def test_server_url_rules():
    assert normalise_server_url("https://gws.example.com/api/v2/") == "https://gws.example.com"
    assert normalise_server_url("http://localhost:8090") == "http://localhost:8090"
    with pytest.raises(ValueError, match="not encrypted"):
        normalise_server_url("http://gws.example.com")
    assert normalise_server_url("http://gws.example.com", allow_insecure_http=True)
    with pytest.raises(ValueError):
        normalise_server_url("gws.example.com")


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from agent_desktop.services.errors import GwsError  # noqa: E402

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=20,
)
replies = st.one_of(
    st.builds(lambda status, body: httpx.Response(status, json=body), st.integers(100, 599).filter(
        lambda s: s not in (101, 204, 304) and not 100 <= s < 200), json_values),
    st.builds(lambda status, raw: httpx.Response(status, content=raw), st.sampled_from([200, 400, 403, 500, 502]),
              st.binary(max_size=200)),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(replies)
async def test_any_rest_reply_is_a_result_or_a_gws_error(reply):
    gws = session(lambda request: reply)
    try:
        try:
            body = await gws.request("GET", "/api/v2/me")
        except GwsError as error:
            assert error.message  # something to show a person
        else:
            assert isinstance(body, dict)
        try:
            await gws.login()
        except GwsError:
            pass
    finally:
        await gws.aclose()


def test_a_comma_separated_address_is_a_list_of_nodes():
    gws = GwsSession("https://gws1.example.com, https://gws2.example.com/api/v2", "agent1", "pw")
    assert gws.nodes == ["https://gws1.example.com", "https://gws2.example.com"]
    with pytest.raises(ValueError):
        GwsSession(" , ", "agent1", "pw")


async def test_the_cometd_headers_follow_every_change_of_cookies_token_and_password(wire_sample):
    """request_headers is kept between CometD requests, but never goes stale."""
    gws = session(gws_like(wire_sample("me_reply.json"), []))
    await gws.login()
    first = gws.request_headers(gws.notifications_url)
    assert gws.request_headers(gws.notifications_url) == first
    gws.store_cookies(gws.notifications_url, ["BAYEUX_BROWSER=b1; Path=/"])
    assert "BAYEUX_BROWSER=b1" in gws.request_headers(gws.notifications_url)["Cookie"]
    gws.set_password("another")
    renewed = gws.request_headers(gws.notifications_url)["Authorization"]
    assert renewed == httpx.BasicAuth("agent1", "another")._auth_header
    gws._csrf_token = "a-new-token"  # what a reply carrying a new token does (_remember_csrf)
    assert gws.request_headers(gws.notifications_url)["X-CSRF-TOKEN"] == "a-new-token"
    gws.use_node("http://127.0.0.1:8091")
    assert "Cookie" not in gws.request_headers("http://127.0.0.1:8091/api/v2/notifications")
    await gws.aclose()


async def test_an_expired_cookie_leaves_the_cometd_headers():
    import time as clock
    from http.cookiejar import Cookie

    gws = GwsSession("http://127.0.0.1:8090", "agent1", "secret")
    soon = int(clock.time()) - 1  # already expired: the policy drops it, and so must the cache
    gws._client.cookies.jar.set_cookie(Cookie(0, "OLD", "x", None, False, "127.0.0.1", False, False, "/", True,
                                              False, soon + 3600, False, None, None, {}))
    assert "OLD=x" in gws.request_headers(gws.notifications_url)["Cookie"]
    for cookie in gws._client.cookies.jar:
        cookie.expires = soon
    assert "Cookie" not in gws.request_headers(gws.notifications_url)
    await gws.aclose()


async def test_on_sent_comes_once_the_request_is_on_the_wire_before_the_reply():
    """The caller hears that the request went out while the server is still working on it."""
    import asyncio

    release = asyncio.Event()
    received = asyncio.Event()

    async def server(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length"))
        await reader.readexactly(length)
        received.set()
        await release.wait()  # the server "works" until the test lets it answer
        body = b'{"statusCode": 0}'
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                     % (len(body), body))
        await writer.drain()
        writer.close()

    listener = await asyncio.start_server(server, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    gws = GwsSession(f"http://127.0.0.1:{port}", "agent1", "secret")
    sent = []
    posting = asyncio.ensure_future(gws.post_record_operation(9, {"operationName": "RescheduleRecord"},
                                                              on_sent=lambda: sent.append(received.is_set())))
    await received.wait()
    while not sent:  # the client side runs on: its trace event comes right after the write
        await asyncio.sleep(0)
    assert not posting.done() and len(sent) == 1
    release.set()
    await posting
    assert len(sent) == 1  # once, not again with the reply
    await gws.aclose()
    listener.close()
    await listener.wait_closed()


async def test_on_sent_is_not_called_when_the_request_never_left():
    gws = GwsSession("http://127.0.0.1:9", "agent1", "secret")  # the discard port: nobody listens
    sent = []
    with pytest.raises(ServerUnreachable):
        await gws.post_record_operation(9, {"operationName": "RescheduleRecord"}, on_sent=lambda: sent.append(1))
    assert sent == []
    await gws.aclose()


async def test_on_sent_still_comes_with_a_transport_that_reports_no_progress(wire_sample):
    gws = session(gws_like(wire_sample("me_reply.json"), []))  # MockTransport: no httpcore trace events
    await gws.login()
    sent = []
    await gws.post_record_operation(9, {"operationName": "RescheduleRecord"}, on_sent=lambda: sent.append(1))
    assert sent == [1]
    await gws.aclose()
