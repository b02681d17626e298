"""The simulator refuses CometD without credentials: handshake, every other Bayeux request, every
path under ``/api/v2/notifications``; and our client reports it as wrong credentials."""

from __future__ import annotations

import httpx
import pytest

from agent_desktop.services.errors import AuthenticationFailed
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.notifications import NotificationClient

HANDSHAKE = [{"channel": "/meta/handshake", "version": "1.0", "supportedConnectionTypes": ["long-polling"]}]


def test_cometd_without_credentials_is_refused(sim):
    notifications = f"{sim.url}/api/v2/notifications"
    with httpx.Client(timeout=10) as anonymous:
        for path in ("", "/handshake", "/connect", "/"):
            reply = anonymous.post(notifications + path, json=HANDSHAKE)
            assert reply.status_code == 401, (path, reply.status_code, reply.text)
            assert "successful\": true" not in reply.text.replace(" ", "")

    # A client id from an authenticated handshake does not let an anonymous request in either.
    with httpx.Client(timeout=10, auth=("agent1", sim.password)) as agent:
        shake = agent.post(notifications, json=HANDSHAKE).json()
        assert shake[0]["successful"] is True  # the control: with credentials it works
        client_id = shake[0]["clientId"]
    connect = [{"channel": "/meta/connect", "clientId": client_id, "connectionType": "long-polling",
                "advice": {"timeout": 0}}]
    subscribe = [{"channel": "/meta/subscribe", "clientId": client_id, "subscription": "/v2/me/*"}]
    with httpx.Client(timeout=10) as anonymous:
        for batch in (connect, subscribe):
            assert anonymous.post(notifications, json=batch).status_code == 401
    # Nor do wrong credentials.
    with httpx.Client(timeout=10, auth=("agent1", sim.password + "x")) as wrong:
        assert wrong.post(notifications, json=HANDSHAKE).status_code == 401


async def test_our_client_reports_refused_cometd_credentials_as_authentication_failed(sim):
    session = GwsSession(sim.url, "agent1", "not-the-password")
    client = NotificationClient(session, lambda event: None, connection_timeout_s=5)
    try:
        with pytest.raises(AuthenticationFailed):
            await client.open()
    finally:
        await client.close()
        await session.aclose()
