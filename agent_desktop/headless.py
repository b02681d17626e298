"""Headless commands: ``agent-desktop reschedule`` and ``agent-desktop records``.

They use the same service layer as the window, so a script and an agent see the same behaviour.
Exit codes (also in the README): 0 done, 1 refused by the server, 2 bad input, 3 wrong
credentials or not permitted, 4 server unreachable or TLS failure, 5 no confirmation in time.
"""

from __future__ import annotations

import asyncio
import getpass
import json
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, TextIO

from agent_desktop import logs
from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey
from agent_desktop.domain.rules import RescheduleRefused, validate_reschedule
from agent_desktop.domain.store import RecordStore
from agent_desktop.services import credentials
from agent_desktop.services.agent_session import AgentSession, utc_now
from agent_desktop.services.errors import (
    AcknowledgementTimeout,
    AuthenticationFailed,
    GwsError,
    NotPermitted,
    OperationRefused,
    ServerUnreachable,
)
from agent_desktop.services.events import Event, RecordPushed
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.services.notifications import NotificationClient
from agent_desktop.services.outbound import OutboundOperations

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_AUTH, EXIT_UNREACHABLE, EXIT_TIMEOUT = 0, 1, 2, 3, 4, 5
PASSWORD_ENV = "AGENT_DESKTOP_PASSWORD"


class CommandFailed(Exception):
    def __init__(self, exit_code: int, message: str) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.message = message


@dataclass(frozen=True)
class Connection:
    server: str
    username: str
    ca_bundle: str | None = None
    allow_insecure_http: bool = False


def parse_moment(text: str) -> datetime:
    """ISO 8601; a time without an offset is taken in this computer's zone."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CommandFailed(EXIT_USAGE, f"{text!r} is not an ISO-8601 time like 2026-11-28T15:30+01:00") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # local zone of this machine
    return moment


async def obtain_password(conn: Connection, stdin: TextIO = sys.stdin) -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    vault = await credentials.read_password(conn.username, conn.server)
    if vault.password:
        return vault.password
    if stdin.isatty():
        return await asyncio.to_thread(getpass.getpass, f"Password for {conn.username}: ")
    why = f" ({vault.problem})" if vault.problem else ""
    raise CommandFailed(
        EXIT_USAGE, f"No password: set {PASSWORD_ENV} or store it in the keyring{why}."
    )


def _exit_code_for(exc: GwsError) -> int:
    if isinstance(exc, (AuthenticationFailed, NotPermitted)):
        return EXIT_AUTH
    if isinstance(exc, ServerUnreachable):
        return EXIT_UNREACHABLE
    if isinstance(exc, AcknowledgementTimeout):
        return EXIT_TIMEOUT
    return EXIT_REFUSED


async def _open_session(conn: Connection, password: str) -> GwsSession:
    logs.register_secret(password)  # every command's password passes here
    try:
        return GwsSession(
            conn.server,
            conn.username,
            password,
            ca_bundle=conn.ca_bundle,
            allow_insecure_http=conn.allow_insecure_http,
            on_secret=logs.register_secret,
        )
    except ValueError as exc:
        raise CommandFailed(EXIT_USAGE, str(exc)) from None


async def reschedule(
    conn: Connection,
    password: str,
    *,
    record_handle: int,
    application_id: int,
    campaign: str,
    when: datetime,
    callback_type: CallbackType,
    timeout_s: float,
) -> dict[str, Any]:
    """Reschedule one record by handle; returns the JSON-able acknowledgement."""
    session = await _open_session(conn, password)
    notifications = None
    try:
        profile = await session.login()
        validate_reschedule(when, callback_type, now=utc_now(), capabilities=profile.outbound)
        device = profile.preferred_device()
        if device is None:
            raise NotPermitted("No telephony device is assigned to you.")
        operations = OutboundOperations(session, ack_timeout_s=timeout_s)
        notifications = NotificationClient(session, operations.handle_event)
        await notifications.open()
        request, ack = await operations.reschedule(
            RecordKey(application_id, record_handle), campaign, when, callback_type, device_path=device.path
        )
        return {
            "event": "acknowledged",
            "notificationType": ack.notification_type,
            "referenceId": request.reference_id,
            "applicationId": application_id,
            "recordHandle": record_handle,
            "campaignName": campaign,
            "callbackType": callback_type.value,
            "timestamp": request.timestamp,
            "scheduledAt": when.astimezone(timezone.utc).isoformat(),
        }
    except RescheduleRefused as exc:
        raise CommandFailed(EXIT_USAGE, exc.message) from None
    except OperationRefused as exc:
        code = f" (server error {exc.error_code})" if exc.error_code is not None else ""
        raise CommandFailed(EXIT_REFUSED, f"Refused: {exc.message}{code}") from None
    except GwsError as exc:
        raise CommandFailed(_exit_code_for(exc), exc.message) from None
    finally:
        if notifications is not None:
            await notifications.close()
        await session.aclose()


async def collect_records(
    conn: Connection, password: str, *, settle_s: float = 1.0, timeout_s: float = 30.0
) -> list[OutboundRecord]:
    """Start a contact-center session and gather the records GWS pushes.

    GWS sends no "that was all" marker, so collection ends when no record has arrived for
    ``settle_s`` seconds (or at ``timeout_s``).
    """
    session = await _open_session(conn, password)
    store = RecordStore()
    arrived = asyncio.Event()

    def on_event(event: Event) -> None:
        if isinstance(event, RecordPushed):
            arrived.set()

    agent = AgentSession(session, store, on_event=on_event)
    try:
        await agent.start()
        deadline = asyncio.get_running_loop().time() + timeout_s
        while asyncio.get_running_loop().time() < deadline:
            arrived.clear()
            try:
                await asyncio.wait_for(arrived.wait(), settle_s)
            except asyncio.TimeoutError:
                break
        return sorted(store, key=lambda r: (r.scheduled_at or datetime.max.replace(tzinfo=timezone.utc)))
    except GwsError as exc:
        raise CommandFailed(_exit_code_for(exc), exc.message) from None
    finally:
        await agent.close()


def record_as_json(record: OutboundRecord) -> dict[str, Any]:
    return {
        "applicationId": record.key.application_id,
        "recordHandle": record.key.record_handle,
        "campaignName": record.campaign_name,
        "callingList": record.calling_list,
        "contactName": record.contact_name,
        "phone": record.phone,
        "contactTimeZone": record.contact_zone.label if record.contact_zone else None,
        "callbackType": record.callback_type.value if record.callback_type else None,
        "scheduledAt": record.scheduled_at.isoformat() if record.scheduled_at else None,
        "callingWindow": record.calling_window.describe() if record.calling_window else None,
        "attempts": record.attempts,
    }


def format_records_table(records: list[OutboundRecord]) -> str:
    rows = [("WHEN (your time)", "CONTACT", "PHONE", "CAMPAIGN", "TYPE", "THEIR TIME", "HANDLE")]
    for r in records:
        mine = r.scheduled_at.astimezone().strftime("%a %d %b %H:%M") if r.scheduled_at else "—"
        theirs = "—"
        if r.scheduled_at and r.contact_zone:
            theirs = f"{r.scheduled_at.astimezone(r.contact_zone.tz):%H:%M} {r.contact_zone.label}"
        rows.append((mine, r.contact_name or "—", r.phone or "—", r.campaign_name,
                     r.callback_type.value if r.callback_type else "—", theirs, str(r.key.record_handle)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.append(f"{len(records)} record(s)")
    return "\n".join(lines)


def print_json_line(payload: dict[str, Any], out: TextIO = sys.stdout) -> None:
    out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    out.flush()
