"""REST surface: version probe, authentication, cookie session, CSRF, /me, devices, errors."""

from __future__ import annotations

import aiohttp
import pytest

from simulator.simtest_support import PASSWORD, basic, key_tree, load_sample

pytestmark = pytest.mark.asyncio


async def test_version_needs_no_credentials(gws):
    reply = await gws().get("/api/v2/diagnostics/version", auth=False)
    assert reply.status == 200
    assert reply.json["statusCode"] == 0 and reply.json["version"]


@pytest.mark.parametrize("user,password", [("agent1", "wrong"), ("nobody", PASSWORD), ("", "")])
async def test_wrong_credentials_get_401_statuscode_20(gws, user, password):
    reply = await gws(user, password).get("/api/v2/me")
    assert reply.status == 401
    assert reply.headers["WWW-Authenticate"] == 'Basic realm="GWS"'
    assert reply.json["statusCode"] == 20 and reply.json["statusMessage"]


async def test_no_credentials_and_garbage_authorization_get_401(gws):
    client = gws()
    assert (await client.get("/api/v2/me", auth=False)).json["statusCode"] == 20
    garbage = await client.get("/api/v2/me", auth=False, headers={"Authorization": "Basic %%%"})
    assert garbage.status == 401 and garbage.json["statusCode"] == 20
    bearer = await client.get("/api/v2/me", auth=False, headers={"Authorization": "Bearer x"})
    assert bearer.status == 401


async def test_session_cookie_and_csrf_headers(gws):
    client = gws()
    first = await client.get("/api/v2/me")
    assert first.status == 200
    assert "JSESSIONID=" in first.headers["Set-Cookie"]
    assert "HttpOnly" in first.headers["Set-Cookie"]
    assert first.headers["X-CSRF-HEADER"] == "X-CSRF-TOKEN"
    token = first.headers["X-CSRF-TOKEN"]
    assert len(token) == 36  # a uuid
    # The cookie alone authenticates now, with the same session and token.
    again = await client.get("/api/v2/me", auth=False)
    assert again.status == 200
    assert again.headers["X-CSRF-TOKEN"] == token
    assert "Set-Cookie" not in again.headers


async def test_wrong_basic_credentials_fail_even_with_a_valid_cookie(gws):
    client = gws()
    await client.get("/api/v2/me")
    client.password = "wrong"
    assert (await client.get("/api/v2/me")).status == 401


async def test_post_without_csrf_token_is_403_plain_text(gws):
    client = gws()
    await client.login()
    body = {"operationName": "StartContactCenterSession", "channels": ["voice"]}
    missing = await client.post("/api/v2/me", body, csrf=False)
    assert missing.status == 403
    assert missing.content_type == "text/plain"
    assert missing.text == "Missing or invalid Csrf token"
    wrong = await client.post("/api/v2/me", body, csrf=False, headers={"X-CSRF-TOKEN": "nope"})
    assert wrong.status == 403
    # The simulator keeps serving, and the right token works.
    assert (await client.post("/api/v2/me", body)).json == {"statusCode": 0}


async def test_post_needs_the_session_cookie_not_only_basic(gws):
    client = gws()
    await client.login()
    stranger = gws()  # same user and the token, but no cookie
    reply = await stranger.post("/api/v2/me", {"operationName": "EndContactCenterSession"},
                                headers={"X-CSRF-TOKEN": client.csrf})
    assert reply.status == 403 and reply.text == "Missing or invalid Csrf token"


async def test_me_with_all_subresources_has_the_golden_shape(gws):
    reply = await gws().get("/api/v2/me?subresources=*")
    assert reply.status == 200
    golden = load_sample("me_reply.json")
    # The settings section holds the sample's options and the ones issue 7 added (planner,
    # call results, can-set-call-result): compared apart.
    body = reply.json
    served = body["user"]["settings"].pop("interaction-workspace")
    expected = golden["user"]["settings"].pop("interaction-workspace")
    assert key_tree(body) == key_tree(golden)
    assert set(served) == set(expected) | {
        "privilege.outbound.can-set-call-result", "outbound.call-result-values",
        "outbound.planner.campaign-hours", "outbound.planner.calling-days",
        "outbound.planner.holidays"}
    user = body["user"]
    assert user["userName"] == "agent1"
    assert user["uri"].endswith("/api/v2/users/" + user["id"])
    assert user["path"] == "/users/" + user["id"]
    assert served["outbound.callback-types"] == "personal,campaign"
    assert all(isinstance(v, str) for v in served.values())
    assert all(served[k] == "true" for k in served if k.startswith("privilege."))


async def test_me_without_and_with_named_subresources(gws):
    client = gws()
    plain = (await client.get("/api/v2/me")).json["user"]
    assert "devices" not in plain and "settings" not in plain
    some = (await client.get("/api/v2/me?subresources=features,devices,channels,settings")).json
    assert {"features", "devices", "channels", "settings"} <= set(some["user"])
    bad = await client.get("/api/v2/me?subresources=devices,skillz")
    assert bad.status == 400 and bad.json["statusCode"] == 10 and "skillz" in bad.json["statusMessage"]


async def test_devices_uris_and_fields(gws):
    client = gws()
    uris = await client.get("/api/v2/me/devices")
    assert uris.status == 200 and uris.json["statusCode"] == 0
    assert len(uris.json["uris"]) == 1 and "/api/v2/devices/" in uris.json["uris"][0]
    full = await client.get("/api/v2/me/devices?fields=*")
    assert key_tree(full.json) == key_tree(load_sample("devices_reply.json"))
    device = full.json["devices"][0]
    one = await client.get("/api/v2/me/devices/" + device["id"])
    assert one.json == {"statusCode": 0, "device": device}
    assert (await client.get("/api/v2/me/devices/not-mine")).json["statusCode"] == 6
    some = await client.get("/api/v2/me/devices?fields=id,phoneNumber")
    assert some.json["devices"] == [{"id": device["id"], "phoneNumber": device["phoneNumber"]}]


async def test_each_agent_has_its_own_device(gws):
    ids = set()
    for user in ("agent1", "agent2", "agent3"):
        devices = (await gws(user).get("/api/v2/me/devices?fields=*")).json["devices"]
        ids.add(devices[0]["id"])
    assert len(ids) == 3


async def test_start_session_activates_the_device(gws):
    client = gws()
    await client.login()
    assert client.user["devices"][0]["deviceState"] == "Inactive"
    await client.start_session()
    device = (await client.get("/api/v2/me/devices?fields=*")).json["devices"][0]
    assert device["deviceState"] == "Active" and device["userState"]["state"] == "Ready"


async def test_end_session_invalidates_the_http_session(gws):
    client = gws()
    await client.login()
    await client.start_session()
    old_token = client.csrf
    end = await client.post("/api/v2/me", {"operationName": "EndContactCenterSession"})
    assert end.json == {"statusCode": 0}
    # The cookie no longer authenticates, and the old token is dead.
    assert (await client.get("/api/v2/me", auth=False)).status == 401
    dead = await client.post("/api/v2/me", {"operationName": "EndContactCenterSession"},
                             headers={"X-CSRF-TOKEN": old_token})
    assert dead.status == 403
    # Logging in again gives a new session and token.
    await client.login()
    assert client.csrf != old_token
    device = (await client.get("/api/v2/me/devices?fields=*")).json["devices"][0]
    assert device["deviceState"] == "Inactive"


@pytest.mark.parametrize("body,code", [
    ({"channels": ["voice"]}, 1),
    ({"operationName": "DanceParty"}, 10),
    ({"operationName": 7}, 10),
    ({"operationName": "StartContactCenterSession"}, 1),
    ({"operationName": "StartContactCenterSession", "channels": "voice"}, 10),
    ({"operationName": "StartContactCenterSession", "channels": ["chat"]}, 10),
])
async def test_bad_me_operations(gws, body, code):
    client = gws()
    await client.login()
    reply = await client.post("/api/v2/me", body)
    assert reply.status == 400
    assert reply.json["statusCode"] == code and reply.json["statusMessage"]


async def test_start_session_with_a_foreign_device_is_404(gws):
    client = gws()
    await client.login()
    reply = await client.post("/api/v2/me", {"operationName": "StartContactCenterSession",
                                             "channels": ["voice"], "devicePath": "/devices/x"})
    assert reply.status == 404 and reply.json["statusCode"] == 6


async def test_unknown_resource_and_method_give_json_errors(gws):
    client = gws()
    await client.login()
    missing = await client.get("/api/v2/me/skills")
    assert missing.status == 404 and missing.json["statusCode"] == 6
    wrong_method = await client.post("/api/v2/me/devices", {})
    assert wrong_method.status == 405 and wrong_method.json["statusCode"] == 3
    # Unauthenticated requests learn nothing about paths.
    assert (await client.get("/api/v2/me/skills", auth=False, headers={"Cookie": ""})).status in (401, 404)


async def test_body_problems_are_refused_cleanly(gws):
    client = gws()
    await client.login()
    path = "/api/v2/me"
    not_json = await client.post(path, data=b"{operationName: nope")
    assert not_json.status == 400 and not_json.json["statusCode"] == 10
    assert "JSON" in not_json.json["statusMessage"]
    array = await client.post(path, ["StartContactCenterSession"])
    assert array.status == 400 and "object" in array.json["statusMessage"]
    form = await client.post(path, data=b"operationName=x",
                             headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status == 415 and form.json["statusCode"] == 10
    huge = await client.post(path, {"operationName": "StartContactCenterSession",
                                    "channels": ["voice"], "pad": "x" * 70_000})
    assert huge.status == 413 and huge.json["statusCode"] == 10
    nan = await client.post(path, data=b'{"operationName": NaN}')
    assert nan.status == 400
    # Still serving.
    await client.start_session()


async def test_basic_header_format(gws):
    # The helper builds standard Basic credentials; a client with them gets in.
    client = gws()
    reply = await client.get("/api/v2/me", auth=False,
                             headers={"Authorization": basic("agent2", PASSWORD)})
    assert reply.json["user"]["userName"] == "agent2"


@pytest.mark.parametrize("form", ["a=b; JSESSIONID={id}; c=d", "JSESSIONID={id}",
                                  'x="q;r"; JSESSIONID="{id}"', "JSESSIONID=old; JSESSIONID={id}"])
async def test_the_session_cookie_is_found_among_others(gws, form):
    client = gws()
    first = await client.get("/api/v2/me")
    session_id = first.headers["Set-Cookie"].split("JSESSIONID=")[1].split(";")[0]
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as bare:
        async with bare.get(client.base_url + "/api/v2/me",
                            headers={"Cookie": form.format(id=session_id)}) as reply:
            assert reply.status == 200
            assert reply.headers["X-CSRF-TOKEN"] == first.headers["X-CSRF-TOKEN"]
            assert "Set-Cookie" not in reply.headers   # the same session, not a new one
