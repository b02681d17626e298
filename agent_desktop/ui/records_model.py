"""The agent's records as a Qt table: a thin adapter over the domain's ``RecordStore``.

The model mirrors the store row for row and caches each row's display strings, so ``data()``
is a lookup. Store changes arrive in batches: consecutive additions become one row insert, a
changed record one ``dataChanged`` for its row — never a model reset, so the selection and the
scroll position stay where the agent left them.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from agent_desktop.domain.records import OutboundRecord, RecordKey, RecordStatus
from agent_desktop.domain.schedule import Urgency, urgency
from agent_desktop.domain.store import ChangeKind, RecordChange, RecordStore
from agent_desktop.ui import format as fmt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 3

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


HEADERS = {
    Column.WHEN: "When (your time)",
    Column.CONTACT: "Contact",
    Column.PHONE: "Phone",
    Column.CAMPAIGN: "Campaign",
    Column.THEIR_TIME: "Their local time",
    Column.TYPE: "Type",
    Column.STATUS: "Status",
    Column.ATTEMPTS: "Attempts",
}

# Tints with transparency, so they read on light and dark palettes; text and symbols carry the
# meaning too (never colour alone).
_OVERDUE_TINT = QColor(220, 50, 47, 55)
_DUE_SOON_TINT = QColor(230, 160, 0, 60)
_FAILED_TEXT = QColor(200, 30, 30)
_BOLD = QFont()
_BOLD.setBold(True)


def _name_key(name: str) -> str:
    """Sort "Ángel" with the A's: accents off, case folded."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass
class _Row:
    record: OutboundRecord
    display: tuple[str, ...]
    sort_keys: tuple[Any, ...]
    search_text: str
    urgency: Urgency


class RecordsTableModel(QAbstractTableModel):
    def __init__(self, store: RecordStore, *, agent_tz: tzinfo | None = None,
                 clock: Clock | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._agent_tz = agent_tz or datetime.now().astimezone().tzinfo or timezone.utc
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        now = self._clock()
        self._rows: list[_Row] = [self._make_row(record, now) for record in store]
        self._unsubscribe = store.subscribe(self._on_store_changes)

    def detach(self) -> None:
        """Stop following the store (the window is closing)."""
        self._unsubscribe()

    # -- building rows ---------------------------------------------------------------------
    def _make_row(self, record: OutboundRecord, now: datetime) -> _Row:
        when = record.scheduled_at
        type_text = record.callback_type.value if record.callback_type else "—"
        status = fmt.status_text(record, now)
        display_by_column = {
            Column.WHEN: fmt.agent_time(when, self._agent_tz),
            Column.STATUS: status,
            Column.CONTACT: record.contact_name or "—",
            Column.PHONE: record.phone or "—",
            Column.THEIR_TIME: fmt.contact_time(when, record.contact_zone, self._agent_tz),
            Column.TYPE: type_text,
            Column.CAMPAIGN: record.campaign_name or "—",
            Column.ATTEMPTS: str(record.attempts),
        }
        epoch = when.timestamp() if when else float("inf")
        their_clock = -1
        if when and record.contact_zone:
            local = when.astimezone(record.contact_zone.tz)
            their_clock = local.hour * 60 + local.minute
        sort_by_column = {
            Column.WHEN: epoch,
            Column.STATUS: (status, epoch),
            Column.CONTACT: _name_key(record.contact_name),
            Column.PHONE: record.phone,
            Column.THEIR_TIME: their_clock,
            Column.TYPE: type_text,
            Column.CAMPAIGN: record.campaign_name.casefold(),
            Column.ATTEMPTS: record.attempts,
        }
        display = tuple(display_by_column[c] for c in Column)
        sort_keys = tuple(sort_by_column[c] for c in Column)
        searchable = (Column.WHEN, Column.CONTACT, Column.PHONE, Column.THEIR_TIME, Column.TYPE, Column.CAMPAIGN)
        search_text = " ".join([display_by_column[c] for c in searchable] + [record.calling_list or ""]).casefold()
        return _Row(record, display, sort_keys, search_text, urgency(record, now))

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS.get(Column(section)) if 0 <= section < len(Column) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if not 0 <= column < len(Column):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.display[column]
        if role == SORT_ROLE:
            return row.sort_keys[column]
        if role == RECORD_ROLE:
            return row.record
        if role == URGENCY_ROLE:
            return row.urgency
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        pressing = row.record.status is RecordStatus.SCHEDULED and row.urgency in (Urgency.OVERDUE, Urgency.DUE_SOON)
        if role == Qt.ItemDataRole.BackgroundRole and pressing:
            return _OVERDUE_TINT if row.urgency is Urgency.OVERDUE else _DUE_SOON_TINT
        if role == Qt.ItemDataRole.FontRole and (pressing and column in (Column.WHEN, Column.STATUS)):
            return _BOLD
        if role == Qt.ItemDataRole.ForegroundRole and row.record.status is RecordStatus.FAILED and column == Column.STATUS:
            return _FAILED_TEXT
        return None

    def _tooltip(self, row: _Row, column: int) -> str | None:
        record = row.record
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

    def row_of(self, key: RecordKey) -> int | None:
        return self._store.position_of(key)

    # -- following the store ---------------------------------------------------------------
    def _on_store_changes(self, changes: list[RecordChange]) -> None:
        now = self._clock()
        pending_adds: list[OutboundRecord] = []
        for change in changes:
            if change.kind is ChangeKind.ADDED:
                pending_adds.append(change.record)  # type: ignore[arg-type]
                continue
            self._flush_adds(pending_adds, now)
            pending_adds = []
            if change.kind is ChangeKind.CHANGED:
                self._rows[change.position] = self._make_row(change.record, now)  # type: ignore[arg-type]
                self._emit_row_changed(change.position)
            else:
                self.beginRemoveRows(QModelIndex(), change.position, change.position)
                del self._rows[change.position]
                self.endRemoveRows()
        self._flush_adds(pending_adds, now)

    def _flush_adds(self, records: list[OutboundRecord], now: datetime) -> None:
        if not records:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        self._rows.extend(self._make_row(record, now) for record in records)
        self.endInsertRows()

    def _emit_row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def refresh_time_dependent(self) -> int:
        """Re-evaluate "due in …"/"overdue" as the clock moves; returns how many rows changed."""
        now = self._clock()
        changed = 0
        for position, row in enumerate(self._rows):
            record = row.record
            new_urgency = urgency(record, now)
            new_status = fmt.status_text(record, now)
            if new_urgency is not row.urgency or new_status != row.display[Column.STATUS]:
                self._rows[position] = self._make_row(record, now)
                self._emit_row_changed(position)
                changed += 1
        return changed
