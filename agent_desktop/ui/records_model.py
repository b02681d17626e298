"""The agent's records as a Qt table: a thin adapter over the domain's ``RecordStore``.

The model mirrors the store row for row. Store changes arrive in batches: consecutive additions
become one row insert, a changed record one ``dataChanged`` for its row — never a model reset,
so the selection and the scroll position stay where the agent left them.

Built for 100,000 rows: a row costs almost nothing until it is painted. Display strings are
made on first use and cached; sort keys are made per column when that column is sorted; only
the search text (for the filter box) is made on arrival.
"""

from __future__ import annotations

import enum
import unicodedata
from datetime import datetime, timezone, tzinfo
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey, RecordStatus
from agent_desktop.domain.schedule import Urgency, urgency
from agent_desktop.domain.store import ChangeKind, RecordChange, RecordStore
from agent_desktop.texts import QT_TRANSLATE_NOOP
from agent_desktop.ui import format as fmt
from agent_desktop.ui.colours import status_colour

RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

Clock = Callable[[], datetime]
AnyIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    """In the order an agent scans a row: when, how urgent, who, how to reach them."""

    WHEN = 0
    STATUS = 1
    CONTACT = 2
    PHONE = 3
    THEIR_TIME = 4
    TYPE = 5
    CAMPAIGN = 6
    ATTEMPTS = 7


HEADERS = {  # English; shown through the translators (context "Columns")
    Column.WHEN: QT_TRANSLATE_NOOP("Columns", "When (your time)"),
    Column.STATUS: QT_TRANSLATE_NOOP("Columns", "Status"),
    Column.CONTACT: QT_TRANSLATE_NOOP("Columns", "Contact"),
    Column.PHONE: QT_TRANSLATE_NOOP("Columns", "Phone"),
    Column.THEIR_TIME: QT_TRANSLATE_NOOP("Columns", "Their local time"),
    Column.TYPE: QT_TRANSLATE_NOOP("Columns", "Type"),
    Column.CAMPAIGN: QT_TRANSLATE_NOOP("Columns", "Campaign"),
    Column.ATTEMPTS: QT_TRANSLATE_NOOP("Columns", "Attempts"),
}


def header_text(column: Column) -> str:
    return QCoreApplication.translate("Columns", HEADERS[column])
COLUMNS = tuple(Column)

# Tints with transparency, so they read on light and dark palettes; text and symbols carry the
# meaning too (never colour alone).
_OVERDUE_TINT = QColor(220, 50, 47, 55)
_DUE_SOON_TINT = QColor(230, 160, 0, 60)
_BOLD = QFont()
_BOLD.setBold(True)
_NEVER = float("inf")
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
# The roles this model answers; a view asks for a dozen per cell, most of them unused here.
ANSWERED_ROLES = _ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _TOOLTIP, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
                    Qt.ItemDataRole.ForegroundRole, RECORD_ROLE})


def _name_key(name: str) -> str:
    """Sort "Ángel" with the A's: accents off, case folded."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


# Plain strings, looked up by member: formatting an Enum member in a hot loop is slow.
_TYPE_WORD = {member: member.value for member in CallbackType}


def search_text_of(record: OutboundRecord) -> str:
    """What the filter box searches: who, how to reach them, campaign, list, their zone, type."""
    zone = record.contact_zone
    return " ".join((record.contact_name, record.phone, record.campaign_name, record.calling_list or "",
                     zone.label if zone else "", _TYPE_WORD.get(record.callback_type, ""))).casefold()


def _when_key(record: OutboundRecord) -> float:
    when = record.scheduled_at
    return when.timestamp() if when else _NEVER


def _status_key(record: OutboundRecord) -> tuple[str, float]:
    return (record.status.value, _when_key(record))


def _their_time_key(record: OutboundRecord) -> int:
    when = record.scheduled_at
    if when is None or record.contact_zone is None:
        return -1
    local = when.astimezone(record.contact_zone.tz)
    return local.hour * 60 + local.minute


# The sort key of a record per column: one function each, so that a batch of arrivals
# extends a column's keys with one call per record (no dispatch on the column per record).
_SORT_KEY: dict[Column, Callable[[OutboundRecord], Any]] = {
    Column.WHEN: _when_key,
    Column.STATUS: _status_key,
    Column.CONTACT: lambda record: _name_key(record.contact_name),
    Column.PHONE: lambda record: record.phone,
    Column.THEIR_TIME: _their_time_key,
    Column.TYPE: lambda record: record.callback_type.value if record.callback_type else "",
    Column.CAMPAIGN: lambda record: record.campaign_name.casefold(),
    Column.ATTEMPTS: lambda record: record.attempts,
}


class _Row:
    """One record and what has been worked out about it so far."""

    __slots__ = ("record", "search_text", "display", "urgency")

    def __init__(self, record: OutboundRecord) -> None:
        self.record = record
        self.search_text = search_text_of(record)
        self.display: tuple[str, ...] | None = None  # made when first painted
        self.urgency: Urgency | None = None


class RecordsTableModel(QAbstractTableModel):
    def __init__(self, store: RecordStore, *, agent_tz: tzinfo | None = None,
                 clock: Clock | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._agent_tz = agent_tz or datetime.now().astimezone().tzinfo or timezone.utc
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._rows: list[_Row] = [_Row(record) for record in store]
        self.search_texts: list[str] = [row.search_text for row in self._rows]  # for the filter, by row
        self._sort_keys: dict[Column, list[Any]] = {}
        self._reminded: set[RecordKey] = set()  # rows with a reminder showing: marked with a flag (⚑)
        self._unsubscribe = store.subscribe(self._on_store_changes)

    def detach(self) -> None:
        """Stop following the store (the window is closing)."""
        self._unsubscribe()

    # -- what a row shows ------------------------------------------------------------------
    def _display(self, row: _Row) -> tuple[str, ...]:
        if row.display is None:
            record, now = row.record, self._clock()
            when = record.scheduled_at
            row.urgency = urgency(record, now)
            status = fmt.status_text(record, now)
            row.display = (
                fmt.agent_time(when, self._agent_tz),
                f"⚑ {status}" if record.key in self._reminded else status,
                record.contact_name or "—",
                record.phone or "—",
                fmt.contact_time(when, record.contact_zone, self._agent_tz),
                fmt.callback_type_word(record),
                record.campaign_name or "—",
                str(record.attempts),
            )
        return row.display

    @staticmethod
    def _sort_key(record: OutboundRecord, column: Column) -> Any:
        return _SORT_KEY[column](record)

    def sort_keys(self, column: Column) -> list[Any]:
        """The sort key of every row for ``column`` (made once, then kept up to date)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = list(map(_SORT_KEY[column], [row.record for row in self._rows]))
        return keys

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_text(Column(section)) if 0 <= section < len(COLUMNS) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.data_at(index.row(), index.column(), role)

    def data_at(self, row_number: int, column: int, role: int) -> Any:
        """``data()`` without a model index: the proxy calls this directly for every painted
        cell, which saves building and mapping an index per cell and role."""
        if role not in _ROLES or not 0 <= row_number < len(self._rows) or not 0 <= column < len(COLUMNS):
            return None
        row = self._rows[row_number]
        if role == _DISPLAY or role == _ACCESSIBLE:
            return (row.display or self._display(row))[column]
        if role == RECORD_ROLE:
            return row.record
        if role == _TOOLTIP:
            return self._tooltip(row.record, column)
        return self._decoration(row, column, role)

    def _decoration(self, row: _Row, column: int, role: int) -> Any:
        self._display(row)
        record = row.record
        pressing = record.status is RecordStatus.SCHEDULED and row.urgency in (Urgency.OVERDUE, Urgency.DUE_SOON)
        if role == Qt.ItemDataRole.BackgroundRole and pressing:
            return _OVERDUE_TINT if row.urgency is Urgency.OVERDUE else _DUE_SOON_TINT
        if role == Qt.ItemDataRole.FontRole and (
                record.key in self._reminded or (pressing and column in (Column.WHEN, Column.STATUS))):
            return _BOLD
        if role == Qt.ItemDataRole.ForegroundRole and record.status is RecordStatus.FAILED and column == Column.STATUS:
            return status_colour("error", QGuiApplication.palette(), QPalette.ColorRole.Base)
        return None

    @staticmethod
    def _tooltip(record: OutboundRecord, column: int) -> str | None:
        if column == Column.THEIR_TIME:
            return fmt.zone_detail(record.scheduled_at, record.contact_zone)
        if column == Column.STATUS and record.status_reason:
            return record.status_reason
        return None

    # -- access for views ------------------------------------------------------------------
    def record_at(self, row: int) -> OutboundRecord:
        return self._rows[row].record

    def search_text_at(self, row: int) -> str:
        return self._rows[row].search_text

    def campaigns_in(self, first: int, last: int) -> set[str]:
        return {row.record.campaign_name for row in self._rows[first:last + 1]}

    def row_of(self, key: RecordKey) -> int | None:
        return self._store.position_of(key)

    def set_reminded(self, keys: set[RecordKey]) -> None:
        """Mark the rows whose reminder is showing (a flag ⚑ and bold), unmark the others."""
        changed, self._reminded = self._reminded ^ keys, set(keys)
        for key in changed:
            position = self._store.position_of(key)
            if position is not None:
                self._rows[position].display = None
                self._emit_row_changed(position)

    # -- following the store ---------------------------------------------------------------
    def _on_store_changes(self, changes: list[RecordChange]) -> None:
        pending_adds: list[OutboundRecord] = []
        added, changed = ChangeKind.ADDED, ChangeKind.CHANGED
        for change in changes:
            if change.kind is added:
                pending_adds.append(change.record)  # type: ignore[arg-type]
                continue
            self._flush_adds(pending_adds)
            pending_adds = []
            position = change.position
            if change.kind is changed:
                row = self._rows[position] = _Row(change.record)  # type: ignore[arg-type]
                self.search_texts[position] = row.search_text
                for column, keys in self._sort_keys.items():
                    keys[position] = self._sort_key(change.record, column)  # type: ignore[arg-type]
                self._emit_row_changed(position)
            else:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                del self.search_texts[position]
                for keys in self._sort_keys.values():
                    del keys[position]
                self.endRemoveRows()
        self._flush_adds(pending_adds)

    def _flush_adds(self, records: list[OutboundRecord]) -> None:
        if not records:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        rows = list(map(_Row, records))
        self._rows.extend(rows)
        self.search_texts.extend(row.search_text for row in rows)
        for column, keys in self._sort_keys.items():
            keys.extend(map(_SORT_KEY[column], records))
        self.endInsertRows()

    def _emit_row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def refresh_time_dependent(self) -> int:
        """Re-evaluate "due in …"/"overdue" as the clock moves; returns how many rows changed.

        Only rows already shown have texts to refresh; the others are worked out when shown.
        """
        now = self._clock()
        changed = 0
        for position, row in enumerate(self._rows):
            if row.display is None:
                continue
            record = row.record
            if urgency(record, now) is not row.urgency or fmt.status_text(record, now) != row.display[Column.STATUS]:
                row.display = None
                self._emit_row_changed(position)
                changed += 1
        return changed
