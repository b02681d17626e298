"""The day view's timeline: the load strip, one lane per callback with the contact's callable
hours shaded, markers; keyboard and mouse to preview a move. Painting only maps the cached
``DayLayout``'s fractions to pixels."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Callable, Iterable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QWidget

from agent_desktop.domain.policy import NO_POLICY, CallingPolicy
from agent_desktop.domain.records import ContactZone, OutboundRecord, RecordKey
from agent_desktop.domain.store import RecordChange
from agent_desktop.ui import format as fmt
from agent_desktop.ui.colours import status_colour
from agent_desktop.ui.day_layout import DayLayout, Lane, build_layout, day_bounds, slot_floor

Clock = Callable[[], datetime]
UTC = timezone.utc
LABEL_CHARS = 34  # the contact column is this many average characters wide
STRIP_HEIGHT = 48
MARKER = 6  # half the marker's size


class DayTimeline(QWidget):
    """The painted timeline; lives in ``DayView``'s scroll area."""

    move_requested = Signal(object, object)  # OutboundRecord, aware datetime
    current_changed = Signal(object)  # OutboundRecord or None
    described = Signal(str)  # the current callback and its pending move, in words
    day_step_requested = Signal(int)  # Page Up / Page Down

    def __init__(self, *, agent_tz: tzinfo, policy: CallingPolicy = NO_POLICY,
                 slot_length: timedelta = timedelta(minutes=15), clock: Clock | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayTimeline")
        self.setAccessibleName(self.tr("Callbacks of the day on a timeline"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.agent_tz, self.policy, self.slot_length = agent_tz, policy, slot_length
        self.clock = clock or (lambda: datetime.now(UTC))
        self.day = self.clock().astimezone(agent_tz).date()
        self._records: dict[RecordKey, OutboundRecord] = {}
        self._layout: DayLayout | None = None
        self._current: RecordKey | None = None
        self.preview: datetime | None = None
        self._dragging = False
        self._hovered = -1  # the lane whose tooltip is set
        self.layouts_built = 0  # for tests: how often the day was laid out again
        self._zone_name = fmt.zone_short_name(ContactZone(agent_tz, str(agent_tz)))
        self._now_timer = QTimer(self, interval=60_000)  # the "now" line moves on
        self._now_timer.timeout.connect(self._now_moved)
        self._now_timer.start()

    def _now_moved(self) -> None:
        layout = self.day_layout()
        if layout.start <= self.clock() <= layout.end + timedelta(minutes=1):
            self.update()

    # -- data ----------------------------------------------------------------------------
    def show_records(self, day: date, records: Iterable[OutboundRecord]) -> None:
        """Show ``day`` with these records (those not on it are left out)."""
        self.day = day
        start, end = day_bounds(day, self.agent_tz)
        self._records = {r.key: r for r in records if r.scheduled_at is not None and start <= r.scheduled_at < end}
        if self._current not in self._records:
            self._current = None
        self.preview = None
        self.invalidate()

    def apply_changes(self, changes: list[RecordChange]) -> bool:
        """Take the store's changes; True (and a repaint) only if the shown day is affected."""
        start, end = day_bounds(self.day, self.agent_tz)
        touched = False
        for change in changes:
            record = change.record
            if record is not None and record.scheduled_at is not None and start <= record.scheduled_at < end:
                self._records[change.key] = record
                touched = True
            elif self._records.pop(change.key, None) is not None:
                touched = True
        if touched:
            if self._current not in self._records:
                self._current, self.preview = None, None
            self.invalidate()
        return touched

    def invalidate(self) -> None:
        """Lay the day out again before the next paint (not now: several changes may come first)."""
        self._layout, self._hovered = None, -1
        self.setMinimumHeight(self._lanes_top() + max(len(self._records), 1) * self._lane_height() + 8)
        self._announce()
        self.update()

    def day_layout(self) -> DayLayout:
        if self._layout is None:
            self._layout = build_layout(self.day, self._records.values(), agent_tz=self.agent_tz,
                                        policy=self.policy, slot_length=self.slot_length)
            self.layouts_built += 1
        return self._layout

    # -- geometry ------------------------------------------------------------------------
    def _label_width(self) -> int:
        return self.fontMetrics().averageCharWidth() * LABEL_CHARS

    def _lane_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _axis_height(self) -> int:
        return self.fontMetrics().height() + 6

    def _lanes_top(self) -> int:
        return self._axis_height() + STRIP_HEIGHT + 6

    def _span(self) -> tuple[float, float]:
        left = self._label_width() + 8
        return left, max(self.width() - 12 - left, 1)

    def x_at(self, fraction: float) -> float:
        left, width = self._span()
        return left + fraction * width

    def x_for(self, moment: datetime) -> float:
        return self.x_at(self.day_layout().fraction(moment))

    def lane_rect(self, index: int) -> QRectF:
        height = self._lane_height()
        return QRectF(0, self._lanes_top() + index * height, self.width(), height)

    def marker_point(self, key: RecordKey) -> QPointF:
        index = self.lane_index(key)
        return QPointF(self.x_at(self.day_layout().lanes[index].at), self.lane_rect(index).center().y())

    # -- selection and moving ------------------------------------------------------------
    def current_record(self) -> OutboundRecord | None:
        return self._records.get(self._current) if self._current is not None else None

    def select(self, key: RecordKey | None) -> None:
        if key is not None and key not in self._records:
            return
        if key != self._current:
            self._current, self.preview = key, None
            self.current_changed.emit(self.current_record())
            self._announce()
            self.update()

    def lane_index(self, key: RecordKey | None) -> int:
        return next((i for i, lane in enumerate(self.day_layout().lanes) if lane.record.key == key), -1)

    def _step_current(self, step: int) -> None:
        lanes = self.day_layout().lanes
        if lanes:
            index = self.lane_index(self._current)
            index = 0 if index < 0 else max(0, min(len(lanes) - 1, index + step))
            self.select(lanes[index].record.key)

    def _nudge(self, step: int) -> None:
        """Move the preview to the previous/next slot boundary, within the day."""
        record = self.current_record()
        if record is not None:
            base = self.preview or record.scheduled_at
            boundary = slot_floor(base, self.slot_length)
            self._set_preview(self._within_day(boundary + self.slot_length if step > 0
                                               else boundary if boundary < base else boundary - self.slot_length))

    def _within_day(self, moment: datetime) -> datetime:
        layout = self.day_layout()
        last = slot_floor(layout.end - timedelta(microseconds=1), self.slot_length)
        return min(max(moment, layout.start), last)

    def _set_preview(self, moment: datetime | None) -> None:
        self.preview = moment
        self._announce()
        self.update()

    def _request_move(self) -> None:
        record = self.current_record()
        if record is not None:
            when = (self.preview or record.scheduled_at).astimezone(self.agent_tz)
            self._set_preview(None)
            self.move_requested.emit(record, when)

    def _announce(self) -> None:
        """The current callback (and a pending move) in words, for screen readers and tests."""
        record = self.current_record()
        if record is None:
            text = (self.tr("{count} callbacks on this day. Up and Down choose one.").format(count=len(self._records))
                    if self._records else self.tr("No callbacks on this day."))
            self.setAccessibleDescription(text)
            self.described.emit(text)
            return
        text = self.tr("{who}, {type} callback at {when} your time ({theirs}).").format(
            who=record.contact_name or record.phone, type=fmt.callback_type_word(record),
            when=f"{record.scheduled_at.astimezone(self.agent_tz):%H:%M}",
            theirs=fmt.contact_time(record.scheduled_at, record.contact_zone, self.agent_tz))
        if self.preview is not None:
            text += " " + self.tr("Move to {when} your time ({theirs}): press Enter to reschedule.").format(
                when=f"{self.preview.astimezone(self.agent_tz):%H:%M}",
                theirs=fmt.contact_time(self.preview, record.contact_zone, self.agent_tz))
        self.setAccessibleDescription(text)
        self.described.emit(text)

    # -- input ---------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step_current(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._nudge(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._request_move()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.day_step_requested.emit(-1 if key == Qt.Key.Key_PageUp else 1)
        elif key == Qt.Key.Key_Escape and self.preview is not None:
            self._set_preview(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _lane_at(self, y: float) -> int:
        index = math.floor((y - self._lanes_top()) / self._lane_height())
        return index if 0 <= y - self._lanes_top() and index < len(self.day_layout().lanes) else -1

    def _on_marker(self, position: QPointF) -> bool:
        record = self.current_record()
        return record is not None and (self.marker_point(record.key) - position).manhattanLength() <= MARKER * 2 + 2

    def _moment_at(self, x: float) -> datetime:
        """The slot boundary nearest to ``x``."""
        layout = self.day_layout()
        left, width = self._span()
        moment = layout.start + layout.length * min(max((x - left) / width, 0.0), 1.0)
        return self._within_day(slot_floor(moment + self.slot_length / 2, self.slot_length))

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        index = self._lane_at(event.position().y())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self.select(self.day_layout().lanes[index].record.key)
            self._dragging = self._on_marker(event.position())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._dragging:
            self._set_preview(self._moment_at(event.position().x()))
        else:
            self.setCursor(Qt.CursorShape.SizeHorCursor if self._on_marker(event.position())
                           else Qt.CursorShape.ArrowCursor)
            # The lane's details as its tooltip, set when the pointer enters another lane (not in
            # an event() override: PySide would call that on a widget half destroyed).
            index = self._lane_at(event.position().y())
            if index != self._hovered:
                self._hovered = index
                self.setToolTip(self._lane_tip(self.day_layout().lanes[index]) if index >= 0 else "")

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        record = self.current_record()
        if self._dragging and record is not None:
            self._dragging = False
            if self.preview is not None and self.preview != record.scheduled_at:
                self._request_move()
            else:
                self._set_preview(None)
        super().mouseReleaseEvent(event)

    def _lane_tip(self, lane: Lane) -> str:
        record = lane.record
        hours = record.calling_window.describe() if record.calling_window else "—"
        return "\n".join((f"{record.contact_name or '—'}  {record.phone}",
                          self.tr("{when} your time · {theirs}").format(
                              when=fmt.agent_time(record.scheduled_at, self.agent_tz),
                              theirs=fmt.contact_time(record.scheduled_at, record.contact_zone, self.agent_tz)),
                          self.tr("{type} · {campaign} · calling hours {hours} their time").format(
                              type=fmt.callback_type_word(record), campaign=record.campaign_name, hours=hours)))

    # -- painting ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.invalidate()  # sizes follow the font
        super().changeEvent(event)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Back to front: lanes and shading, the hour grid, the load strip, now, then the labels
        and markers, so that no line crosses a marker or a name."""
        layout, colours = self.day_layout(), TimelineColours(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), colours.base)
        area = QRectF(event.rect())
        shown = [(i, lane, self.lane_rect(i)) for i, lane in enumerate(layout.lanes)
                 if self.lane_rect(i).intersects(area)]
        left, width = self._span()
        label_width = self._label_width()
        for index, lane, rect in shown:
            if index % 2:
                painter.fillRect(rect, colours.alternate)
            if lane.record.key == self._current:  # the name in selection colours, the lane only tinted
                painter.fillRect(rect, colours.current_tint)
                painter.fillRect(QRectF(0, rect.top(), label_width, rect.height()), colours.current)
            for start, end in lane.callable:
                painter.fillRect(QRectF(left + start * width, rect.top() + 3, (end - start) * width,
                                        rect.height() - 6), colours.callable)
        self._paint_hours(painter, layout, colours)
        self._paint_strip(painter, layout, colours)
        now = self.clock()
        if layout.start <= now < layout.end:
            painter.setPen(QPen(colours.now, 2))
            painter.drawLine(QPointF(self.x_for(now), self._axis_height()), QPointF(self.x_for(now), self.height()))
        for _, lane, rect in shown:
            self._paint_lane(painter, lane, rect, colours)
        if not layout.lanes:
            painter.setPen(QPen(colours.text))
            painter.drawText(self.lane_rect(0).adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                             self.tr("No callbacks on this day."))

    def _paint_hours(self, painter: QPainter, layout: DayLayout, colours: "TimelineColours") -> None:
        left, width = self._span()
        axis = self._axis_height()
        every = 1  # label every n-th hour so that labels never touch
        while every < 6 and width / len(layout.hours) * every < self.fontMetrics().horizontalAdvance("00") * 2:
            every += 1
        painter.setPen(QPen(colours.text))
        painter.drawText(QRectF(4, 0, self._label_width(), axis), Qt.AlignmentFlag.AlignVCenter,
                         self.tr("Your time ({zone})").format(zone=self._zone_name))
        for index, (fraction, label) in enumerate(layout.hours):
            x = left + fraction * width
            painter.setPen(QPen(colours.grid, 1))
            painter.drawLine(QPointF(x, axis - 2), QPointF(x, self.height()))
            if index % every == 0:
                painter.setPen(QPen(colours.text))
                painter.drawText(QRectF(x - 20, 0, 40, axis), Qt.AlignmentFlag.AlignCenter, label)

    def _paint_strip(self, painter: QPainter, layout: DayLayout, colours: "TimelineColours") -> None:
        bottom = self._axis_height() + STRIP_HEIGHT
        painter.setPen(QPen(colours.text))
        caption = self.tr("Callbacks per {minutes} min\n(hatched: campaign)").format(
            minutes=int(self.slot_length.total_seconds() // 60))
        painter.drawText(QRectF(4, self._axis_height(), self._label_width(), STRIP_HEIGHT),
                         Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, caption)
        number_height = self.fontMetrics().height()
        scale = (STRIP_HEIGHT - number_height - 2) / max([2, *(p + c for _, _, p, c in layout.slots)])
        for start, end, personal, campaign in layout.slots:
            x, width = self.x_at(start), max(self.x_at(end) - self.x_at(start) - 1, 1)
            top = bottom - (personal + campaign) * scale
            # Two personal callbacks in one slot collide: the warning colour, and the count above.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.crowded if personal > 1 else colours.load)
            painter.drawRect(QRectF(x, bottom - personal * scale, width, personal * scale))
            if campaign:  # campaign callbacks (whichever agent is free makes them) hatched on top
                painter.setPen(QPen(colours.load, 1))
                painter.setBrush(QBrush(colours.load, Qt.BrushStyle.BDiagPattern))
                painter.drawRect(QRectF(x + 0.5, top + 0.5, width - 1, campaign * scale - 1))
            if personal > 1:
                painter.setPen(QPen(colours.crowded))
                painter.drawText(QRectF(x - 10, top - number_height, width + 20, number_height),
                                 Qt.AlignmentFlag.AlignCenter, str(personal))
        painter.setPen(QPen(colours.grid, 1))
        painter.drawLine(QPointF(0, bottom + 0.5), QPointF(self.width(), bottom + 0.5))

    def _paint_lane(self, painter: QPainter, lane: Lane, rect: QRectF, colours: "TimelineColours") -> None:
        record, current = lane.record, lane.record.key == self._current
        label_width = self._label_width()
        painter.setPen(QPen(colours.current_text if current else colours.secondary))
        painter.drawText(QRectF(0, rect.top(), label_width - 4, rect.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, record.phone)
        font = QFont(self.font())
        font.setBold(current)
        painter.setFont(font)
        painter.setPen(QPen(colours.current_text if current else colours.text))
        room = label_width - self.fontMetrics().horizontalAdvance(record.phone) - 16
        name = QFontMetrics(font).elidedText(record.contact_name or "—", Qt.TextElideMode.ElideRight, room)
        painter.drawText(rect.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(self.font())
        x, y = self.x_at(lane.at), rect.center().y()
        if current and self.preview is not None:  # the old place dotted, a line to the new one
            target = self.x_for(self.preview)
            self._paint_marker(painter, lane.personal, x, y, colours.text, ghost=True)
            painter.setPen(QPen(colours.focus, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, y), QPointF(target, y))
            self._paint_marker(painter, lane.personal, target, y, colours.focus, base=colours.base)
            self._paint_time(painter, self.preview, target, rect, colours.focus)
        else:
            self._paint_marker(painter, lane.personal, x, y, colours.text, base=colours.base)
            self._paint_time(painter, record.scheduled_at, x, rect, colours.text)
        if current and self.hasFocus():
            painter.setPen(QPen(colours.focus, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))

    @staticmethod
    def _paint_marker(painter: QPainter, personal: bool, x: float, y: float, colour: QColor, *,
                      base: QColor | None = None, ghost: bool = False) -> None:
        """Personal: a filled diamond; campaign: a hollow circle (the shape says it, not colour)."""
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DotLine if ghost else Qt.PenStyle.SolidLine))
        if personal:
            painter.setBrush(Qt.BrushStyle.NoBrush if ghost else colour)
            size = MARKER + 1
            path = QPainterPath(QPointF(x, y - size))
            for point in ((x + size, y), (x, y + size), (x - size, y)):
                path.lineTo(*point)
            path.closeSubpath()
            painter.drawPath(path)
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush if ghost or base is None else base)
            painter.drawEllipse(QPointF(x, y), MARKER, MARKER)

    def _paint_time(self, painter: QPainter, moment: datetime, x: float, rect: QRectF, colour: QColor) -> None:
        text = f"{moment.astimezone(self.agent_tz):%H:%M}"
        advance = self.fontMetrics().horizontalAdvance(text)
        # Right of the marker, or left of it near the end of the day.
        text_x = x + MARKER + 5 if x + MARKER + 5 + advance < self.width() - 2 else x - MARKER - 5 - advance
        painter.setPen(QPen(colour))
        painter.drawText(QRectF(text_x, rect.top(), advance + 2, rect.height()), Qt.AlignmentFlag.AlignVCenter, text)


class TimelineColours:
    """The palette's colours for one paint; status shades chosen for contrast (colours.py)."""

    def __init__(self, palette: QPalette) -> None:
        role = QPalette.ColorRole
        self.base = palette.color(role.Base)
        self.text = palette.color(role.Text)
        self.secondary = palette.color(role.PlaceholderText)
        self.alternate = palette.color(role.AlternateBase)
        self.current = palette.color(role.Highlight)
        self.current_tint = QColor(self.current)
        self.current_tint.setAlpha(45)
        self.current_text = palette.color(role.HighlightedText)
        self.focus = palette.color(role.Highlight).darker(120) if self.base.lightness() > 128 \
            else palette.color(role.Highlight).lighter(140)
        self.grid = QColor(palette.color(role.Mid))
        self.grid.setAlpha(110)
        self.callable = status_colour("ok", palette, role.Base)
        self.callable.setAlpha(70)
        self.load = status_colour("neutral", palette, role.Base)
        self.crowded = status_colour("warning", palette, role.Base)
        self.now = status_colour("error", palette, role.Base)
