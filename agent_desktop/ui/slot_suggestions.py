"""The planner's pieces of the reschedule dialog: the suggested times, one line per slot on the
contact's clock and the agent's with the agent's own load there ("Tue 10 Mar 09:00 New York ·
15:00 you · free"); the note under the time field (the load of the chosen slot, and a warning
naming the personal callback it would collide with); and the mark a colliding time carries in
the time list.

Choosing a line (click, Enter or Space) emits ``slot_chosen`` with the slot's instant; the dialog
fills its fields from it. Moving through the list with the arrow keys chooses nothing, so the
agent can read the lines without changing the time.

The keyboard reaches the list by its label's mnemonic (Alt+G in English), not by Tab: the
dialog's Tab cycle stays the eight stops agents (and the accessibility test) know.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.domain.planner import AgentLoad, SlotSuggestion
from agent_desktop.domain.records import ContactZone, RecordKey
from agent_desktop.ui import format as fmt
from agent_desktop.ui.colours import status_style

SLOT_ROLE = Qt.ItemDataRole.UserRole + 1  # the item's SlotSuggestion
NEAR_ROLE = Qt.ItemDataRole.UserRole + 2  # a time's collisions, as the time list shows them
VISIBLE_ROWS = 6


def callbacks_near(count: int) -> str:
    """"⚠ 2 callbacks": how many of the agent's personal callbacks a time would collide with."""
    if count == 1:
        return QCoreApplication.translate("SlotSuggestions", "⚠ 1 callback")
    return QCoreApplication.translate("SlotSuggestions", "⚠ {count} callbacks").format(count=count)


class SlotSuggestionList(QListWidget):
    slot_chosen = Signal(object)  # datetime, aware (UTC)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slotSuggestions")
        self.setAccessibleName(self.tr("Suggested times"))
        self.setAccessibleDescription(self.tr(
            "The next times inside the contact's calling hours, free ones first. "
            "Space picks one, Enter picks it and reschedules."))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the mnemonic and the mouse reach it; Tab does not
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemClicked.connect(self._choose)
        self.itemActivated.connect(self._choose)
        self._fit_height()

    # -- content ---------------------------------------------------------------------------------
    def set_suggestions(self, suggestions: Sequence[SlotSuggestion], *, contact_zone: ContactZone | None,
                        agent_tz: tzinfo, show_load: bool) -> None:
        """Show ``suggestions`` in their order; ``show_load`` for a personal callback (a campaign
        callback is not the agent's to make, so their load says nothing about it)."""
        self.clear()
        for suggestion in suggestions:
            line = self.describe(suggestion, contact_zone=contact_zone, agent_tz=agent_tz, show_load=show_load)
            item = QListWidgetItem(line)
            item.setData(SLOT_ROLE, suggestion)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, line)
            self.addItem(item)
        if not suggestions:
            empty = QListWidgetItem(self.tr("No time in the next two weeks is inside their calling hours."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(empty)
        self._fit_height()

    def describe(self, suggestion: SlotSuggestion, *, contact_zone: ContactZone | None, agent_tz: tzinfo,
                 show_load: bool) -> str:
        mine = suggestion.in_zone(agent_tz)
        if contact_zone is None:
            parts = [self.tr("{time} you").format(time=fmt.agent_time(mine, agent_tz))]
        else:
            theirs = suggestion.in_zone(contact_zone.tz)
            # The agent's day only when it is not the contact's: the line stays short.
            yours = f"{mine:%H:%M}" if mine.date() == theirs.date() else fmt.agent_time(mine, agent_tz)
            parts = [f"{fmt.agent_time(theirs, contact_zone.tz)} {fmt.zone_short_name(contact_zone)}",
                     self.tr("{time} you").format(time=yours)]
        if show_load:
            parts.append(self.tr("free") if suggestion.is_free else callbacks_near(len(suggestion.conflicts)))
        return "  ·  ".join(parts)

    def suggestions(self) -> list[SlotSuggestion]:
        return [s for s in (self.item(row).data(SLOT_ROLE) for row in range(self.count())) if s is not None]

    # -- choosing ------------------------------------------------------------------------------
    def _choose(self, item: QListWidgetItem | None) -> None:
        suggestion = item.data(SLOT_ROLE) if item is not None else None
        if suggestion is not None:
            self.slot_chosen.emit(suggestion.start)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Space picks the current line (Enter does too, through itemActivated, and then goes on
        # to the dialog, which confirms: Enter confirms from anywhere but Cancel).
        if event.key() == Qt.Key.Key_Space and self.currentItem() is not None:
            self._choose(self.currentItem())
            return
        super().keyPressEvent(event)

    def _fit_height(self) -> None:
        """Room for six lines whatever the count, so the dialog does not jump as the list changes."""
        row = self.sizeHintForRow(0) if self.count() else -1
        if row <= 0:
            row = self.fontMetrics().height() + 4
        self.setFixedHeight(row * VISIBLE_ROWS + 2 * self.frameWidth())



class SlotLoadNote(QWidget):
    """Under the time field: the agent's load in the chosen slot, and whom it collides with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slotLoadNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.load_label = QLabel()
        self.load_label.setObjectName("loadLabel")
        self.load_label.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict_label = QLabel()
        self.conflict_label.setObjectName("conflictLabel")
        self.conflict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet(status_style("warning", self.palette()))
        self.conflict_label.setAccessibleName(self.tr("Collision with your callbacks"))
        layout.addWidget(self.load_label)
        layout.addWidget(self.conflict_label)
        self.clear()

    def clear(self) -> None:
        self.hide()  # the whole row folds away: no blank line under the time field

    def show_load(self, moment: datetime, load: AgentLoad, *, moving: RecordKey, agent_tz: tzinfo) -> None:
        """The load of ``moment``'s slot and its collisions, not counting the record ``moving``.
        A collision is a warning, never a refusal: the agent may have a reason."""
        slot = load.slot_start(moment)
        bounds = {"start": f"{slot.astimezone(agent_tz):%H:%M}",
                  "end": f"{(slot + load.slot_length).astimezone(agent_tz):%H:%M}"}
        count = load.load_at(moment, exclude=moving)
        if count == 0:
            text = self.tr("Your slot {start}–{end}: free.").format(**bounds)
        elif count == 1:
            text = self.tr("Your slot {start}–{end}: 1 personal callback.").format(**bounds)
        else:
            text = self.tr("Your slot {start}–{end}: {count} personal callbacks.").format(count=count, **bounds)
        self.load_label.setText(text)
        self.show()
        clashes = load.conflicts(moment, exclude=moving)
        if clashes:
            first = clashes[0]
            words = {"who": first.contact_name or first.phone or str(first.key),
                     "time": f"{first.scheduled_at.astimezone(agent_tz):%H:%M}"}  # type: ignore[union-attr]
            if len(clashes) == 1:
                text = self.tr("⚠ Collides with your personal callback to {who} at {time}.").format(**words)
            else:
                text = self.tr("⚠ Collides with your personal callback to {who} at {time} and {more} more.").format(
                    more=len(clashes) - 1, **words)
            self.conflict_label.setText(text)
        self.conflict_label.setVisible(bool(clashes))


class CollisionMarkDelegate(QStyledItemDelegate):
    """Shows a time's collisions beside it in the time list ("14:30   ⚠ 2 callbacks"), while the
    item's text, which the time field takes when it is chosen, stays "14:30"."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        near = index.data(NEAR_ROLE)
        if near:
            option.text = f"{option.text}   {near}"
