"""Above the table while a reschedule waits out its grace period: what will be sent, in how
many seconds, and Undo (Ctrl+Z)."""

from __future__ import annotations

import asyncio
import math

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from agent_desktop.services.grace import HeldAction

TICK_MS = 250  # the countdown shows whole seconds; a quarter second keeps it honest


class UndoBar(QFrame):
    undo_requested = Signal()  # the newest held action

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Waiting to send"))
        self.text = QLabel()
        self.text.setObjectName("undoText")
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(self.tr("Take the reschedule back before it is sent (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        self._held: list[HeldAction] = []
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._refresh)
        self.hide()

    def show_held(self, held: list[HeldAction]) -> None:
        self._held = held
        if not held:
            self._timer.stop()
            self.hide()
            return
        self._refresh()
        self.show()
        if not self._timer.isActive():
            self._timer.start()

    def _refresh(self) -> None:
        if not self._held:
            return
        newest = self._held[-1]
        try:
            now = asyncio.get_running_loop().time()
        except RuntimeError:  # no loop running (a test drawing the bar alone)
            now = newest.deadline
        seconds = max(0, math.ceil(newest.deadline - now))
        text = self.tr("Sending in {seconds} s: {what}").format(seconds=seconds, what=newest.label)
        others = len(self._held) - 1
        if others:
            text += self.tr(" (and %n more waiting)", "", others)
        if text != self.text.text():
            self.text.setText(text)
            self.text.setAccessibleName(text)
