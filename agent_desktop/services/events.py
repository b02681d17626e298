"""Typed notifications, as the rest of the app sees what arrives over CometD."""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass
from typing import NamedTuple

from agent_desktop.domain.agent import Device
from agent_desktop.domain.records import OutboundRecord, RecordKey


class ConnectionState(enum.StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"
    CLOSED = "closed"


class RecordPushed(NamedTuple):
    """A record delivered to the agent: ``PreviewRecord`` or a due ``ScheduledCall``.

    A named tuple, not a frozen dataclass like the other events: a session start brings 100,000
    of these, and ``record_pushed`` makes one without any Python ``__init__``."""

    record: OutboundRecord
    notification_type: str


record_pushed = functools.partial(tuple.__new__, RecordPushed)  # RecordPushed((record, type)), fast


@dataclass(frozen=True)
class OperationAcknowledged:
    """An operation's acknowledgement; ``key`` is the record its ``record`` names: for an
    ``AddRecordAcknowledge`` the record the server just made (its new ``recordHandle``)."""

    reference_id: str | None
    notification_type: str
    key: RecordKey | None

    @property
    def added_key(self) -> RecordKey | None:
        """The new record's key when this acknowledges an AddRecord, else None."""
        return self.key if self.notification_type == "AddRecordAcknowledge" else None


@dataclass(frozen=True)
class OperationFailed:
    reference_id: str | None
    key: RecordKey | None
    error_code: int | None
    message: str


@dataclass(frozen=True)
class RecordWithdrawn:
    """OCS took the record back (``RecordCancel`` / ``RecordRemove``)."""

    key: RecordKey
    notification_type: str


@dataclass(frozen=True)
class DeviceStateChanged:
    devices: tuple[Device, ...]


@dataclass(frozen=True)
class ConnectionStateChanged:
    state: ConnectionState
    detail: str = ""
    needs_password: bool = False  # offline because the server refused the password


@dataclass(frozen=True)
class NotificationSessionRenewed:
    """The CometD server forgot us and we handshook again: events in the gap may be lost."""


Event = (
    RecordPushed
    | OperationAcknowledged
    | OperationFailed
    | RecordWithdrawn
    | DeviceStateChanged
    | ConnectionStateChanged
    | NotificationSessionRenewed
)
