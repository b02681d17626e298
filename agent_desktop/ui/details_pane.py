"""The selected record in full: who, when in both zones, calling hours, status, customer fields.

A read-only ``QTextBrowser`` whose document is built with a text cursor and then edited in
place: when the record shown changes only in some values (its status while a reschedule goes
through, its time once confirmed), only those lines are replaced and laid out again. The first
version, a word-wrapped rich-text ``QLabel`` in a ``QScrollArea``, made the scroll area
renegotiate its size on every new text, laying the whole document out at several widths: ~15 ms
per change with software rendering, twice per reschedule ("sending", then "confirmed").

Each line is "name<tab>value" with a hanging indent, so the values line up in a column and a
long value wraps under itself, as the table of the first version did.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone, tzinfo

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey
from agent_desktop.texts import QT_TRANSLATE_NOOP
from agent_desktop.ui import format as fmt

_PLACEHOLDER = QT_TRANSLATE_NOOP("DetailsPane", "Select a callback to see its details.")
_NAMES = (QT_TRANSLATE_NOOP("DetailsPane", "Phone"), QT_TRANSLATE_NOOP("DetailsPane", "Campaign"),
          QT_TRANSLATE_NOOP("DetailsPane", "Calling list"), QT_TRANSLATE_NOOP("DetailsPane", "Your time"),
          QT_TRANSLATE_NOOP("DetailsPane", "Their time"), QT_TRANSLATE_NOOP("DetailsPane", "Their zone"),
          QT_TRANSLATE_NOOP("DetailsPane", "Calling hours"), QT_TRANSLATE_NOOP("DetailsPane", "Type"),
          QT_TRANSLATE_NOOP("DetailsPane", "Status"), QT_TRANSLATE_NOOP("DetailsPane", "Attempts"),
          QT_TRANSLATE_NOOP("DetailsPane", "Record"))
_GAP = 12  # pixels between the longest name and the values


def _utf16_length(text: str) -> int:
    """Positions in a QTextDocument count UTF-16 code units (a character beyond the BMP is two)."""
    return len(text.encode("utf-16-le")) // 2


class _AfterRepaints(QObject):
    """Calls ``action`` after the repaints Qt has pending when ``post`` is called.

    Qt posts a window's repaint (``UpdateRequest``) at ``LowEventPriority``, below every ordinary
    posted event: a zero timer (a queued call) ran *before* it. An event posted lower still is
    delivered after it, in the same pass over the posted events."""

    _TYPE = QEvent.Type(QEvent.registerEventType())
    _PRIORITY = Qt.EventPriority.LowEventPriority.value - 1

    def __init__(self, action: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def post(self) -> None:
        QCoreApplication.postEvent(self, QEvent(self._TYPE), self._PRIORITY)

    def event(self, event: QEvent) -> bool:
        if event.type() == self._TYPE:
            self._action()
            return True
        return super().event(event)


class DetailsPane(QTextBrowser):
    def __init__(self, agent_tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self.setAccessibleName(self.tr("Record details"))
        self._names = {name: QCoreApplication.translate("DetailsPane", name) for name in _NAMES}
        self._agent_tz = agent_tz
        self.setOpenLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.document().setDocumentMargin(8)
        self._lines: list[tuple[str, str, str]] = []  # (kind, name, value) per block, as shown
        self._record: OutboundRecord | None = None
        self._after_the_row: OutboundRecord | None = None
        self._after_repaints = _AfterRepaints(self._show_after_the_row, self)
        self._history_key: RecordKey | None = None
        self._history: list[str] = []  # the shown record's history, one line per entry, newest first
        self.blocks_written = 0  # blocks (re)written since creation (for tests)
        self._make_formats()
        self.show_record(None)

    def _make_formats(self) -> None:
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        indent = max(QFontMetrics(bold).horizontalAdvance(name) for name in self._names.values()) + _GAP
        self._indent = indent
        self._stacked = False
        self._stacked_format = QTextBlockFormat()
        self._stacked_format.setLeftMargin(_GAP)
        self._stacked_format.setTextIndent(-_GAP)  # the name, then the value on the next line below it
        self._name_format = QTextCharFormat()
        self._name_format.setFont(bold)
        self._value_format = QTextCharFormat()
        self._value_format.setFont(base)
        self._italic_format = QTextCharFormat()
        italic = QFont(base)
        italic.setItalic(True)
        self._italic_format.setFont(italic)
        self._line_format = QTextBlockFormat()
        self._line_format.setLeftMargin(indent)
        self._line_format.setTextIndent(-indent)  # the name hangs out to the left of the values
        self._line_format.setTabPositions([QTextOption.Tab(indent, QTextOption.TabType.LeftTab)])
        self._title_formats: dict[str, tuple[QTextBlockFormat, QTextCharFormat]] = {}
        for kind, grow in (("title", 4), ("heading", 2)):
            block = QTextBlockFormat()
            block.setTopMargin(6 if kind == "heading" else 0)
            block.setBottomMargin(6)
            font = QFont(bold)
            if base.pointSizeF() > 0:
                font.setPointSizeF(base.pointSizeF() + grow)
            chars = QTextCharFormat()
            chars.setFont(font)
            self._title_formats[kind] = (block, chars)

    # -- what is shown ---------------------------------------------------------------------
    def text(self) -> str:
        """What the pane shows, as plain text (for tests and automation)."""
        return self.toPlainText()

    def _lines_of(self, record: OutboundRecord | None) -> list[tuple[str, str, str]]:
        if record is None:
            return [("placeholder", "", QCoreApplication.translate("DetailsPane", _PLACEHOLDER))]
        when = record.scheduled_at
        n = self._names
        lines = [
            ("title", "", record.contact_name or record.phone or self.tr("Contact")),
            ("line", n["Phone"], record.phone or "—"),
            ("line", n["Campaign"], record.campaign_name or "—"),
            ("line", n["Calling list"], record.calling_list or "—"),
            ("line", n["Your time"], fmt.agent_time(when, self._agent_tz)),
            ("line", n["Their time"], fmt.contact_time(when, record.contact_zone, self._agent_tz)),
            ("line", n["Their zone"], fmt.zone_detail(when, record.contact_zone)),
            ("line", n["Calling hours"], self.tr("{hours} their time").format(hours=record.calling_window.describe())
             if record.calling_window else "—"),
            ("line", n["Type"], self._type_word(record)),
            ("line", n["Status"], fmt.status_text(record, datetime.now(timezone.utc))),
            ("line", n["Attempts"], str(record.attempts)),
            ("line", n["Record"], self.tr("handle {handle}, application {application}").format(
                handle=record.key.record_handle, application=record.key.application_id)),
        ]
        custom = sorted(record.customer_fields.items())
        if custom:
            lines.append(("heading", "", self.tr("Customer")))
            lines.extend(("line", name.replace("_", " ").capitalize(), str(value)) for name, value in custom)
        if self._history_key == record.key and self._history:
            lines.append(("heading", "", self.tr("History")))
            lines.extend(("note", "", text) for text in self._history)
        return lines

    def show_history(self, key: RecordKey, lines: list[str]) -> None:
        """The record's history as lines already worded (newest first); shown under its details."""
        self._history_key, self._history = key, list(lines)
        if self._record is not None and self._record.key == key:
            self.show_record(self._record)

    def _type_word(self, record: OutboundRecord) -> str:
        if record.callback_type is CallbackType.PERSONAL:
            return self.tr("Personal")
        if record.callback_type is CallbackType.CAMPAIGN:
            return self.tr("Campaign")
        return "—"

    def show_record_after_the_row(self, record: OutboundRecord) -> None:
        """``show_record`` once the table has repainted the record's row: the row the agent looks
        at changes first, the pane (~0.5–1 ms of layout and paint) right after. A ``show_record``
        meanwhile wins."""
        if self._after_the_row is None:
            self._after_repaints.post()
        self._after_the_row = record

    def _show_after_the_row(self) -> None:
        record, self._after_the_row = self._after_the_row, None
        if record is not None:
            self.show_record(record)

    def show_record(self, record: OutboundRecord | None) -> None:
        self._after_the_row = None
        self._record = record
        lines = self._lines_of(record)
        shown = self._lines
        if lines == shown:
            return
        if len(lines) == len(shown) and all(new[:2] == old[:2] for new, old in zip(lines, shown)):
            # The same lines with other values: replace those values where they stand.
            # One edit block for them all: the document lays itself out once (~0.3 ms each).
            document = self.document()
            cursor = QTextCursor(document)
            cursor.beginEditBlock()
            for number, (new, old) in enumerate(zip(lines, shown)):
                if new != old:
                    self._replace_value(cursor, document.findBlockByNumber(number), new)
            cursor.endEditBlock()
        else:
            self._rebuild(lines)
        self._lines = lines

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        # Values need room beside the names (Spanish names are long); below them when there is none.
        stacked = self.viewport().width() < self._indent * 2.2
        if stacked != self._stacked:
            self._stacked = stacked
            self._rebuild(self._lines)

    def _rebuild(self, lines: list[tuple[str, str, str]]) -> None:
        document = self.document()
        document.clear()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for number, line in enumerate(lines):
            block_format, first_format = self._formats_of(line)
            if number == 0:
                cursor.setBlockFormat(block_format)
                cursor.setBlockCharFormat(first_format)
            else:
                cursor.insertBlock(block_format, first_format)
            self._write(cursor, line)
        cursor.endEditBlock()
        self.verticalScrollBar().setValue(0)

    def _formats_of(self, line: tuple[str, str, str]) -> tuple[QTextBlockFormat, QTextCharFormat]:
        kind = line[0]
        if kind in self._title_formats:
            return self._title_formats[kind]
        if kind == "placeholder":
            return QTextBlockFormat(), self._italic_format
        if kind == "note":
            return QTextBlockFormat(), self._value_format
        return (self._stacked_format if self._stacked else self._line_format), self._value_format

    def _write(self, cursor: QTextCursor, line: tuple[str, str, str]) -> None:
        kind, name, value = line
        self.blocks_written += 1
        if kind == "line":
            # Side by side when the pane is wide enough; else the value under its name (a line
            # separator: the same block, so a value is still edited in place).
            cursor.insertText(name + ("\u2028" if self._stacked else "\t"), self._name_format)
            cursor.insertText(value, self._value_format)
        else:
            cursor.insertText(value, self._formats_of(line)[1])

    def _replace_value(self, cursor: QTextCursor, block, line: tuple[str, str, str]) -> None:  # block: QTextBlock
        kind, name, value = line
        start = block.position() + (_utf16_length(name) + 1 if kind == "line" else 0)
        cursor.setPosition(start)
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(value, self._value_format if kind == "line" else self._formats_of(line)[1])
        self.blocks_written += 1
