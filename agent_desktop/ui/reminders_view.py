"""Reminders on the desktop: a banner above the table, the tray icon's message and tooltip, and
the flag (⚑) on the rows.

``ReminderCenter`` feeds the domain's ``ReminderTracker`` from the store and wakes up exactly
when the next reminder or due time comes (one single-shot timer, re-armed; at least once a
minute so a suspended laptop or a clock change catches up).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QSystemTrayIcon, QWidget

from agent_desktop.domain.records import RecordKey
from agent_desktop.domain.reminders import Reminder, ReminderTracker
from agent_desktop.domain.store import ChangeKind, RecordChange, RecordStore
from agent_desktop.ui import format as fmt

Clock = Callable[[], datetime]
MAX_SLEEP_MS = 60_000
MIN_SLEEP_MS = 50


class ReminderCenter(QObject):
    reminded = Signal(list)  # list[Reminder], most urgent first
    overdue_changed = Signal(int)

    def __init__(self, store: RecordStore, tracker: ReminderTracker | None = None, *,
                 clock: Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker or ReminderTracker()
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._overdue = -1
        self.showing: dict[RecordKey, Reminder] = {}  # reminders the agent has not dealt with
        for record in store:
            self.tracker.track(record)
        self._unsubscribe = store.subscribe(self._on_changes)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._timer.start(0)

    def detach(self) -> None:
        self._unsubscribe()
        self._timer.stop()

    def _on_changes(self, changes: list[RecordChange]) -> None:
        track, forget, removed = self.tracker.track, self.tracker.forget, ChangeKind.REMOVED
        dropped = False
        for change in changes:
            if change.kind is removed:
                forget(change.key)
                dropped = self.showing.pop(change.key, None) is not None or dropped
            else:
                track(change.record)  # type: ignore[arg-type]
                shown = self.showing.get(change.key)
                if shown is not None and shown.record.scheduled_at != change.record.scheduled_at:
                    del self.showing[change.key]  # rescheduled: that reminder is answered
                    dropped = True
        if dropped:
            self.reminded.emit([])
        self._arm()

    def check(self) -> None:
        now = self._clock()
        fresh = self.tracker.due(now)
        for reminder in fresh:
            self.showing[reminder.record.key] = reminder
        if fresh:
            self.reminded.emit(fresh)
        overdue = self.tracker.overdue_count(now)
        if overdue != self._overdue:
            self._overdue = overdue
            self.overdue_changed.emit(overdue)
        self._arm()

    def _arm(self) -> None:
        moment = self.tracker.next_moment()
        wait_ms = MAX_SLEEP_MS
        if moment is not None:
            wait_ms = int((moment - self._clock()).total_seconds() * 1000) + 1
        wait_ms = max(MIN_SLEEP_MS, min(MAX_SLEEP_MS, wait_ms))
        if not self._timer.isActive() or self._timer.remainingTime() > wait_ms:
            self._timer.start(wait_ms)

    def snooze(self, key: RecordKey, length: timedelta | None = None) -> None:
        self.tracker.snooze(key, self._clock(), length)
        self.dismiss(key)

    def dismiss(self, key: RecordKey) -> None:
        if self.showing.pop(key, None) is not None:
            self.reminded.emit([])
        self._arm()


def reminder_text(reminder: Reminder, now: datetime) -> str:
    record = reminder.record
    who = record.contact_name or record.phone or str(record.key.record_handle)
    left = (record.scheduled_at - now) if record.scheduled_at else timedelta(0)
    if left <= timedelta(0):
        return QCoreApplication.translate("Reminders", "{who} is due now").format(who=who)
    return QCoreApplication.translate("Reminders", "{who} is due in {duration}").format(
        who=who, duration=fmt.duration(left))


class ReminderBanner(QFrame):
    """Above the table: the most urgent reminder, in words, with Go to / Snooze / Dismiss."""

    go_to = Signal(object)  # RecordKey
    snooze = Signal(object)
    dismiss = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Reminder"))
        self.text = QLabel()
        self.text.setObjectName("reminderText")
        self.go_button = QPushButton(self.tr("&Go to"))
        self.go_button.setObjectName("reminderGoTo")
        self.snooze_button = QPushButton(self.tr("&Snooze 5 min"))
        self.snooze_button.setObjectName("reminderSnooze")
        self.dismiss_button = QPushButton(self.tr("Dis&miss"))
        self.dismiss_button.setObjectName("reminderDismiss")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        for button in (self.go_button, self.snooze_button, self.dismiss_button):
            layout.addWidget(button)
        self._key: RecordKey | None = None
        self.go_button.clicked.connect(lambda: self._key and self.go_to.emit(self._key))
        self.snooze_button.clicked.connect(lambda: self._key and self.snooze.emit(self._key))
        self.dismiss_button.clicked.connect(lambda: self._key and self.dismiss.emit(self._key))
        self.hide()

    def show_reminders(self, reminders: list[Reminder], now: datetime) -> None:
        if not reminders:
            self._key = None
            self.hide()
            return
        first = min(reminders, key=lambda r: r.record.scheduled_at or now)
        self._key = first.record.key
        more = len(reminders) - 1
        text = "◷ " + reminder_text(first, now)
        if more:
            text += self.tr(" (and %n more)", "", more)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.show()

    @property
    def key(self) -> RecordKey | None:
        return self._key


class ReminderTray(QObject):
    """The tray icon: a message per reminder, the overdue count in its tooltip. On a desktop
    without a tray (or offscreen) it does nothing: the banner and the rows still remind."""

    activated = Signal()
    snooze_all = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setObjectName("trayIcon")
        menu = QMenu()
        menu.addAction(self.tr("Show Agent Desktop"), self.activated.emit)
        menu.addAction(self.tr("Snooze reminders 5 min"), self.snooze_all.emit)
        self._menu = menu  # the tray does not own its menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(lambda _reason: self.activated.emit())
        self.icon.messageClicked.connect(self.activated.emit)
        self.set_overdue(0)
        self.icon.show()

    def set_overdue(self, count: int) -> None:
        if self.icon is not None:
            self.icon.setToolTip(tooltip_text(count))

    def remind(self, reminders: list[Reminder], now: datetime) -> None:
        if self.icon is None or not reminders:
            return
        body = "\n".join(reminder_text(r, now) for r in reminders[:5])
        self.icon.showMessage(self.tr("Callback due soon"), body, QSystemTrayIcon.MessageIcon.Information, 10_000)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()


def tooltip_text(overdue: int) -> str:
    if overdue <= 0:
        return QCoreApplication.translate("Reminders", "Agent Desktop — no overdue callbacks")
    return QCoreApplication.translate("Reminders", "Agent Desktop — overdue callbacks: %n", "", overdue)

