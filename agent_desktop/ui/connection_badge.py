"""The status-bar badge that says whether the app is live: words and a symbol, not colour alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from agent_desktop.services.events import ConnectionState
from agent_desktop.texts import QT_TRANSLATE_NOOP
from agent_desktop.ui.colours import status_style

# symbol, words, colour: the symbol and the words carry the meaning, the colour only helps
_LOOK = {
    ConnectionState.CONNECTING: ("◌", QT_TRANSLATE_NOOP("ConnectionBadge", "Connecting…"), "neutral"),
    ConnectionState.CONNECTED: ("●", QT_TRANSLATE_NOOP("ConnectionBadge", "Connected"), "ok"),
    ConnectionState.RECONNECTING: ("◐", QT_TRANSLATE_NOOP("ConnectionBadge", "Reconnecting…"), "warning"),
    ConnectionState.OFFLINE: ("○", QT_TRANSLATE_NOOP("ConnectionBadge", "Offline"), "error"),
    ConnectionState.CLOSED: ("○", QT_TRANSLATE_NOOP("ConnectionBadge", "Signed out"), "neutral"),
}


class ConnectionBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBadge")
        self.state = ConnectionState.CONNECTING
        self._restyling = False
        self.set_state(ConnectionState.CONNECTING)

    def set_state(self, state: ConnectionState, detail: str = "") -> None:
        self.state = state
        symbol, words, colour = _LOOK[state]
        words = QCoreApplication.translate("ConnectionBadge", words)
        text = f"{symbol} {words}"
        self.setText(text)
        self.setStyleSheet(status_style(colour, self.palette()) + " padding: 0 6px;")
        self.setToolTip(detail or text)
        self.setAccessibleName(self.tr("Connection: {state}").format(state=words.rstrip("…")))

    def changeEvent(self, event: QEvent) -> None:
        # A light/dark switch: the colour is picked again for the new background.
        if event.type() == QEvent.Type.PaletteChange and not self._restyling:
            self._restyling = True
            try:
                self.set_state(self.state, self.toolTip() if self.toolTip() != self.text() else "")
            finally:
                self._restyling = False
        super().changeEvent(event)
