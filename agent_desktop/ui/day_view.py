"""The day view: the agent's callbacks of one day on a timeline of the agent's day.

On top, how many callbacks fall in each slot (crowded hours stand out); below, one lane per
callback with the contact's callable hours shaded and the callback as a marker. The axis is the
day's real length from local midnight to the next (23 or 25 hours on a daylight-saving day), so
every instant is placed by converting it, never by reading wall-clock numbers of another zone.

Up/Down pick a callback, Left/Right move its marker by one slot (a preview), Enter or releasing
a dragged marker emits ``move_requested``; the controller opens the reschedule dialog. Nothing
is sent from here. Everything the painting needs is computed once per change of the shown day
(``DayLayout``); a paint only maps fractions of the day to pixels.
"""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta, tzinfo
from typing import Callable, Iterable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from agent_desktop.domain.policy import NO_POLICY, CallingPolicy
from agent_desktop.domain.records import OutboundRecord
from agent_desktop.domain.store import RecordStore
from agent_desktop.ui import format as fmt
from agent_desktop.ui.day_timeline import DayTimeline, TimelineColours

Clock = Callable[[], datetime]


class DayView(QWidget):
    """Day navigation over a ``DayTimeline``; fed by a ``RecordStore`` (live) or a list."""

    move_requested = Signal(object, object)  # OutboundRecord, aware datetime (agent's zone)
    day_changed = Signal(object)  # datetime.date

    def __init__(self, source: RecordStore | Iterable[OutboundRecord], *, agent_tz: tzinfo,
                 policy: CallingPolicy = NO_POLICY, slot_length: timedelta = timedelta(minutes=15),
                 clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayView")
        self.setAccessibleName(self.tr("Day view"))
        self.timeline = DayTimeline(agent_tz=agent_tz, policy=policy, slot_length=slot_length, clock=clock)
        self._store = source if isinstance(source, RecordStore) else None
        self._records = None if self._store is not None else list(source)

        bar = QHBoxLayout()
        self.previous_button = self._button("previousDayButton", self.tr("◀ &Previous day"),
                                            self.tr("Previous day (Page Up)"), lambda: self.step_day(-1))
        self.today_button = self._button("todayButton", self.tr("&Today"), self.tr("Today"), self.show_today)
        self.next_button = self._button("nextDayButton", self.tr("&Next day ▶"),
                                        self.tr("Next day (Page Down)"), lambda: self.step_day(1))
        self.day_label = QLabel()
        self.day_label.setObjectName("dayLabel")
        self.day_label.setAccessibleName(self.tr("Day shown"))
        self.legend = QLabel()
        self.legend.setObjectName("dayLegend")
        self._show_legend()
        for widget in (self.previous_button, self.today_button, self.next_button, self.day_label):
            bar.addWidget(widget)
        bar.addStretch()
        bar.addWidget(self.legend)
        scroll = QScrollArea()
        scroll.setObjectName("dayScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)
        self.scroll = scroll
        self.status_label = QLabel()
        self.status_label.setObjectName("dayStatus")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status_label)

        self.timeline.move_requested.connect(self.move_requested)
        self.timeline.day_step_requested.connect(self.step_day)
        self.timeline.current_changed.connect(self._scroll_to)
        self.timeline.described.connect(self.status_label.setText)
        self._unsubscribe: Callable[[], None] | None = None
        if self._store is not None:
            self._unsubscribe = self._store.subscribe(self.timeline.apply_changes)
            # The store outlives the widget: stop listening when the widget goes.
            unsubscribe = self._unsubscribe
            self.destroyed.connect(lambda *_: unsubscribe())
        self.set_day(self.timeline.day)

    def _show_legend(self) -> None:
        colours = TimelineColours(self.palette())
        swatch = QColor(colours.callable)
        alpha = swatch.alphaF()  # the shade as painted over the base colour
        swatch.setRgbF(*(alpha * a + (1 - alpha) * b for a, b in zip(swatch.getRgbF()[:3], colours.base.getRgbF()[:3])))
        personal, campaign = html.escape(self.tr("personal")), html.escape(self.tr("campaign"))
        callable_text = html.escape(self.tr("the contact may be called"))
        self.legend.setText(f"◆ {personal} &nbsp; ○ {campaign} &nbsp; <span style='background-color:"
                            f"{swatch.name()}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> {callable_text}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._show_legend()
        super().changeEvent(event)

    def _button(self, name: str, text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    @property
    def day(self) -> date:
        return self.timeline.day

    def set_day(self, day: date) -> None:
        self.timeline.show_records(day, self._store if self._store is not None else self._records)
        self.day_label.setText(self._day_text(day))
        self.day_changed.emit(day)

    def _day_text(self, day: date) -> str:
        midnight = datetime(day.year, day.month, day.day, tzinfo=self.timeline.agent_tz)
        return fmt.agent_time(midnight, self.timeline.agent_tz).rsplit(" ", 1)[0] + f" {day.year}"

    def step_day(self, days: int) -> None:
        self.set_day(self.day + timedelta(days=days))

    def show_today(self) -> None:
        self.set_day(self.timeline.clock().astimezone(self.timeline.agent_tz).date())

    def set_records(self, records: Iterable[OutboundRecord]) -> None:
        """For a view over a list (not a store): show these records instead."""
        self._records = list(records)
        self.set_day(self.day)

    def set_policy(self, policy: CallingPolicy) -> None:
        self.timeline.policy = policy
        self.timeline.invalidate()

    def set_slot_length(self, slot_length: timedelta) -> None:
        self.timeline.slot_length = slot_length
        self.timeline.invalidate()

    def _scroll_to(self, record: OutboundRecord | None) -> None:
        if record is not None:
            rect = self.timeline.lane_rect(self.timeline.lane_index(record.key))
            self.scroll.ensureVisible(0, int(rect.center().y()), 0, int(rect.height()))
