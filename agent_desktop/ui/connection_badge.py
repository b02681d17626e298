"""The status-bar badge that says whether the app is live: words and a symbol, not colour alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from agent_desktop.services.events import ConnectionState
from agent_desktop.texts import QT_TRANSLATE_NOOP

# symbol, words, colour: the symbol and the words carry the meaning, the colour only helps
_LOOK = {
    ConnectionState.CONNECTING: ("◌", QT_TRANSLATE_NOOP("ConnectionBadge", "Connecting…"), "#6d6d6d"),
    ConnectionState.CONNECTED: ("●", QT_TRANSLATE_NOOP("ConnectionBadge", "Connected"), "#2e7d32"),
    ConnectionState.RECONNECTING: ("◐", QT_TRANSLATE_NOOP("ConnectionBadge", "Reconnecting…"), "#b26a00"),
    ConnectionState.OFFLINE: ("○", QT_TRANSLATE_NOOP("ConnectionBadge", "Offline"), "#c62828"),
    ConnectionState.CLOSED: ("○", QT_TRANSLATE_NOOP("ConnectionBadge", "Signed out"), "#6d6d6d"),
}


class ConnectionBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBadge")
        self.state = ConnectionState.CONNECTING
        self.set_state(ConnectionState.CONNECTING)

    def set_state(self, state: ConnectionState, detail: str = "") -> None:
        self.state = state
        symbol, words, colour = _LOOK[state]
        words = QCoreApplication.translate("ConnectionBadge", words)
        text = f"{symbol} {words}"
        self.setText(text)
        self.setStyleSheet(f"color: {colour}; font-weight: bold; padding: 0 6px;")
        self.setToolTip(detail or text)
        self.setAccessibleName(self.tr("Connection: {state}").format(state=words.rstrip("…")))
