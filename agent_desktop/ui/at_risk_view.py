"""Personal callbacks at risk: due while the agent is Not Ready or logged out, nobody would make
them. A banner above the table says how many and offers to hand them to the campaign (any agent
of the campaign calls them) in one click.

The device's agent state comes from the session (``DeviceStateChanged`` notifications); the
rule is the domain's (``planner.callbacks_at_risk``). Nothing is scanned while the agent is
Ready: the check costs nothing in the common case, even with 100,000 records.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from agent_desktop.domain.planner import callbacks_at_risk
from agent_desktop.domain.records import OutboundRecord, RecordKey
from agent_desktop.domain.store import RecordStore

RISKY_STATES = ("NotReady", "LoggedOut")
RECHECK_MS = 60_000  # time passes: a callback comes into the horizon without any event
SETTLE_MS = 500  # store changes come in bursts: one check after the burst


class AtRiskWatch(QObject):
    changed = Signal(list)  # list[OutboundRecord], soonest first; [] when none

    def __init__(self, store: RecordStore, agent_state: Callable[[], str], *,
                 clock: Callable[[], datetime] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._agent_state = agent_state
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self.at_risk: list[OutboundRecord] = []
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._recheck = QTimer(self)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self.check)
        self._recheck.start()
        self._unsubscribe = store.subscribe(self._store_changed)
        self.check()

    def detach(self) -> None:
        self._unsubscribe()
        self._settle.stop()
        self._recheck.stop()

    def _store_changed(self, _changes: object) -> None:
        if self.at_risk or self._agent_state() in RISKY_STATES:
            if not self._settle.isActive():
                self._settle.start()

    def check(self) -> None:
        state = self._agent_state()
        found = (callbacks_at_risk(self._store, agent_state=state, now=self._clock())
                 if state in RISKY_STATES else [])
        if found != self.at_risk:
            self.at_risk = found
            self.changed.emit(found)


class AtRiskBanner(QFrame):
    hand_to_campaign = Signal(list)  # list[RecordKey]
    go_to = Signal(object)  # RecordKey

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("atRiskBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Callbacks at risk"))
        self.text = QLabel()
        self.text.setObjectName("atRiskText")
        self.text.setWordWrap(True)
        self.hand_button = QPushButton(self.tr("&Hand to campaign"))
        self.hand_button.setObjectName("atRiskHandButton")
        self.hand_button.setToolTip(self.tr("Any agent of the campaign will call them at their time"))
        self.show_button = QPushButton(self.tr("Sho&w"))
        self.show_button.setObjectName("atRiskShowButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.hand_button)
        layout.addWidget(self.show_button)
        self._keys: list[RecordKey] = []
        self.hand_button.clicked.connect(lambda: self._keys and self.hand_to_campaign.emit(list(self._keys)))
        self.show_button.clicked.connect(lambda: self._keys and self.go_to.emit(self._keys[0]))
        self.hide()

    def show_at_risk(self, records: list[OutboundRecord], state: str, when_text: Callable[[OutboundRecord], str]) -> None:
        self._keys = [r.key for r in records]
        if not records:
            self.hide()
            return
        first = records[0]
        state_words = self.tr("Not Ready") if state == "NotReady" else self.tr("logged out")
        text = self.tr("⚠ %n personal callback(s) will come due while you are {state}: nobody would call them. "
                       "First: {who} at {when}.", "", len(records)).format(
            state=state_words, who=first.contact_name or first.phone, when=when_text(first))
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.hand_button.setEnabled(True)
        self.show()

    def set_busy(self, busy: bool) -> None:
        self.hand_button.setEnabled(not busy)
