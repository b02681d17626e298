"""The status-bar badge that says whether the app is live: words and a symbol, not colour alone."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from agent_desktop.services.events import ConnectionState

_LOOK = {
    ConnectionState.CONNECTING: ("◌ Connecting…", "#6d6d6d"),
    ConnectionState.CONNECTED: ("● Connected", "#2e7d32"),
    ConnectionState.RECONNECTING: ("◐ Reconnecting…", "#b26a00"),
    ConnectionState.OFFLINE: ("○ Offline", "#c62828"),
    ConnectionState.CLOSED: ("○ Signed out", "#6d6d6d"),
}


class ConnectionBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBadge")
        self.state = ConnectionState.CONNECTING
        self.set_state(ConnectionState.CONNECTING)

    def set_state(self, state: ConnectionState, detail: str = "") -> None:
        self.state = state
        text, colour = _LOOK[state]
        self.setText(text)
        self.setStyleSheet(f"color: {colour}; font-weight: bold; padding: 0 6px;")
        self.setToolTip(detail or text)
        self.setAccessibleName(f"Connection: {text.split(' ', 1)[1].rstrip('…')}")
