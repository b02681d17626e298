"""Sorting and filtering of the records table, done in Python on whole columns at once.

A ``QSortFilterProxyModel`` compares rows one pair at a time, calling back into the Python
model for every comparison: with 100,000 rows a sort or a keystroke in the filter takes
seconds. This proxy keeps its own order (a list of source rows): sorting is one ``list.sort``
on a column of precomputed keys, filtering one comprehension over precomputed search texts.
Qt only asks for the rows it paints.

Rules kept for the view: a change of sort order is a layout change (selection and current row
follow their records); new rows are inserted, then moved to their place by the next coalesced
sort; a filter change resets the proxy (the window puts the current record back).

Arrivals are coalesced: a row that arrives after a quiet spell is shown at once, but rows that
arrive while a burst is being taken in wait (in ``_pending``) for the next coalesced sort, which
inserts them all and sorts them into place in the same event-loop turn. Each insertion costs the
view a repaint (~20 ms of software rendering here), so a burst of 100,000 records pays for a few
dozen repaints instead of hundreds.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from agent_desktop.domain.records import CallbackType
from agent_desktop.ui.records_model import ANSWERED_ROLES, COLUMNS, Column, RecordsTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
RESORT_DELAY_MS = 50  # a lone arrival or a moved row is sorted into place this soon
BURST_DELAY_MS = 200  # while a burst lasts, rows are taken in (one repaint each time) this often
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
# A re-sort moves rows only: with this hint the horizontal header does not lay out and repaint
# its sections (~1 ms each time; a burst re-sorts dozens of times).
_ROWS_SORTED = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
_WITH_HINT = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"  # the signals' full overload
_FEW = 8  # followed rows found by a scan of the new order rather than a whole index


class RecordsFilterProxy(QAbstractProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._callback_type: CallbackType | None = None
        self._campaign: str | None = None
        self._sort_column: Column | None = None
        self._descending = False
        self._ordered: list[int] = []  # every source row, in sort order
        self._rows: list[int] = []  # the shown source rows, in sort order
        # source row → shown row (absent: not shown); None until needed after a change of the
        # shown rows (built from the whole order, ~8 ms for 100,000 rows: a burst's re-sorts
        # need it only when something asks).
        self._proxy_of_rows: dict[int, int] | None = {}
        self._scans = 0  # scans for a position since the shown rows last changed
        self._filtered_words: list[str] = []  # the words self._rows was filtered by
        self._pending: list[int] = []  # source rows arrived during a burst, not taken in yet
        self._unsorted = False  # rows were added or moved since the last sort
        self._resort_timer = QTimer(self)
        self._resort_timer.setSingleShot(True)
        self._resort_timer.setInterval(RESORT_DELAY_MS)
        self._resort_timer.timeout.connect(self._on_resort_timer)

    # -- wiring --------------------------------------------------------------------------------
    def source(self) -> RecordsTableModel:
        return self.sourceModel()  # type: ignore[return-value]

    def setSourceModel(self, model: RecordsTableModel) -> None:  # type: ignore[override]
        self.beginResetModel()
        super().setSourceModel(model)
        self._model = model
        model.rowsAboutToBeRemoved.connect(self._source_rows_about_to_be_removed)
        model.rowsRemoved.connect(self._source_rows_removed)
        model.rowsInserted.connect(self._source_rows_inserted)
        model.dataChanged.connect(self._source_data_changed)
        model.modelReset.connect(self._rebuild)
        model.layoutChanged.connect(self._rebuild)
        self._ordered = list(range(model.rowCount()))
        self._order_all()
        self._apply_filter()
        self.endResetModel()

    # -- the proxy's structure -------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._rows)

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        if not proxy_index.isValid() or proxy_index.row() >= len(self._rows):
            return QModelIndex()
        return self.source().index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._position_of(source_index.row())
        return self.createIndex(row, source_index.column()) if row >= 0 else QModelIndex()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every painted cell: the unused roles leave first.
        if role not in ANSWERED_ROLES:
            return None
        row, rows = index.row(), self._rows
        if not 0 <= row < len(rows):
            return None
        return self._model.data_at(rows[row], index.column(), role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return self.source().headerData(section, orientation, role)
        return None

    # -- sorting -------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = Column(column) if 0 <= column < len(COLUMNS) else None
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._take_pending()
        self._resort()

    def _order_all(self) -> None:
        if self._sort_column is not None:
            keys = self.source().sort_keys(self._sort_column)
            self._ordered.sort(key=keys.__getitem__, reverse=self._descending)

    def settled(self) -> bool:
        """Every row the source has is taken in and in its sorted place."""
        return not self._pending and not self._unsorted

    def _on_resort_timer(self) -> None:
        began = time.perf_counter()
        burst = bool(self._pending)
        self._take_pending()
        if self._unsorted:
            self._resort()
        # During a burst this runs at most every few times its own cost, so a large table
        # spends most of the burst taking rows in, not sorting and painting them.
        cost_ms = int((time.perf_counter() - began) * 4000)
        if burst:  # more may be on the way: keep gathering until a whole interval stays quiet
            self._resort_timer.start(max(BURST_DELAY_MS, cost_ms))
        else:
            self._resort_timer.setInterval(max(RESORT_DELAY_MS, cost_ms))

    def _resort(self) -> None:
        """Put every row in its place; the selection and current row follow their records."""
        self._resort_timer.stop()
        self._unsorted = False
        if self._sort_column is None:
            return
        self.layoutAboutToBeChanged[_WITH_HINT].emit([], _ROWS_SORTED)
        persistent = self.persistentIndexList()
        followed = [(self._rows[p.row()] if 0 <= p.row() < len(self._rows) else -1, p.column()) for p in persistent]
        self._order_all()
        if len(self._rows) == len(self._ordered):  # every row shown (no filter): the same list
            self._rows = list(self._ordered)
        else:
            shown = self._proxy_of
            self._rows = [row for row in self._ordered if row in shown]
        self._index_rows()
        self.changePersistentIndexList(persistent, self._new_indexes(followed))
        self.layoutChanged[_WITH_HINT].emit([], _ROWS_SORTED)

    def _new_indexes(self, followed: list[tuple[int, int]]) -> list[QModelIndex]:
        """Where the followed (source row, column)s are now shown."""
        distinct = {row for row, _ in followed if row >= 0}
        if len(distinct) > _FEW:
            shown = self._proxy_of
            return [self.createIndex(shown[r], c) if r in shown else QModelIndex() for r, c in followed]
        # The current row and a small selection: a scan each (in C, ~1 ms for 100,000 rows)
        # costs less than indexing every row.
        rows, found = self._rows, {}
        for row in distinct:
            try:
                found[row] = rows.index(row)
            except ValueError:
                pass
        return [self.createIndex(found[r], c) if r in found else QModelIndex() for r, c in followed]

    def _in_place(self, position: int) -> bool:
        """Whether the row at ``position`` still sorts between its neighbours (a status change
        does not move a row; a new time does)."""
        if self._sort_column is None:
            return True
        keys, rows = self.source().sort_keys(self._sort_column), self._rows
        key = keys[rows[position]]
        try:
            if self._descending:
                return ((position == 0 or keys[rows[position - 1]] >= key)
                        and (position == len(rows) - 1 or key >= keys[rows[position + 1]]))
            return ((position == 0 or keys[rows[position - 1]] <= key)
                    and (position == len(rows) - 1 or key <= keys[rows[position + 1]]))
        except TypeError:
            return False

    def _index_rows(self) -> None:
        """The shown rows changed: the index of them is made again when next needed."""
        self._proxy_of_rows = None
        self._scans = 0

    def _position_of(self, source_row: int) -> int:
        """Where ``source_row`` is shown (-1: not shown). The first few asks after a change of
        the shown rows (the window putting the current record back after a keystroke) scan the
        rows (in C, ~1 ms for 100,000) instead of indexing them all (~8 ms)."""
        if self._proxy_of_rows is None and self._scans < _FEW:
            self._scans += 1
            try:
                return self._rows.index(source_row)
            except ValueError:
                return -1
        return self._proxy_of.get(source_row, -1)

    @property
    def _proxy_of(self) -> dict[int, int]:
        shown = self._proxy_of_rows
        if shown is None:
            shown = self._proxy_of_rows = dict(zip(self._rows, range(len(self._rows))))  # built in C
        return shown

    # -- filtering -----------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Every word must appear in the row's contact, phone, campaign, list, zone or type."""
        words = text.casefold().split()
        if words != self._words:
            previous, self._words = self._words, words
            narrowing = (len(previous) == len(words) and bool(words)
                         and all(new.startswith(old) for old, new in zip(previous, words)))
            self._refilter(narrowing)

    def set_callback_type(self, callback_type: CallbackType | None) -> None:
        if callback_type != self._callback_type:
            self._callback_type = callback_type
            self._refilter()

    def set_campaign(self, campaign: str | None) -> None:
        if campaign != self._campaign:
            self._campaign = campaign
            self._refilter()

    def accepts(self, source_row: int) -> bool:
        model = self.source()
        if self._callback_type is not None or self._campaign is not None:
            record = model.record_at(source_row)
            if self._callback_type is not None and record.callback_type is not self._callback_type:
                return False
            if self._campaign is not None and record.campaign_name != self._campaign:
                return False
        if self._words:
            text = model.search_text_at(source_row)
            return all(word in text for word in self._words)
        return True

    def _apply_filter(self, narrowing: bool = False) -> None:
        """``narrowing``: the new filter only removes rows (a letter typed at the end of the
        word), so only the rows shown now need checking."""
        candidates = self._rows if narrowing else self._ordered
        if not self._words and self._callback_type is None and self._campaign is None:
            self._rows = list(self._ordered)
        elif len(self._words) == 1 and self._callback_type is None and self._campaign is None:
            word, texts = self._words[0], self.source().search_texts
            self._rows = [r for r in candidates if word in texts[r]]
        else:
            accepts = self.accepts
            self._rows = [r for r in candidates if accepts(r)]
        self._filtered_words = list(self._words)
        self._index_rows()

    def _refilter(self, narrowing: bool = False) -> None:
        self._take_pending()
        self.beginResetModel()
        self._apply_filter(narrowing)
        self.endResetModel()

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._pending = []
        self._ordered = list(range(self.source().rowCount()))
        self._order_all()
        self._apply_filter()
        self.endResetModel()

    # -- following the source ------------------------------------------------------------------
    def _source_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if first != len(self._ordered) + len(self._pending):  # the store only appends
            self._rebuild()
            return
        new_rows = range(first, last + 1)
        if self._resort_timer.isActive():  # a burst: taken in with the coming sort
            self._pending.extend(new_rows)
            return
        self._take(new_rows)
        self._resort_timer.start()  # the sort into place, and the end of the quiet spell

    def _take_pending(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, []
            self._take(pending)

    def _take(self, new_rows: range | list[int]) -> None:
        """Append source rows to the order, and those the filter accepts to the shown rows."""
        self._ordered.extend(new_rows)
        filtering = bool(self._words) or self._callback_type is not None or self._campaign is not None
        shown = [row for row in new_rows if self.accepts(row)] if filtering else list(new_rows)
        if shown:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(shown) - 1)
            self._rows.extend(shown)
            if self._proxy_of_rows is not None:
                self._proxy_of_rows.update(zip(shown, range(start, start + len(shown))))
            self.endInsertRows()
            self._unsorted = True

    def _source_rows_about_to_be_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(last, first - 1, -1):
            position = self._proxy_of.get(row, -1)
            if position >= 0:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self._index_rows()
                self.endRemoveRows()

    def _source_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        count = last - first + 1
        self._ordered = [r - count if r > last else r for r in self._ordered if not first <= r <= last]
        self._pending = [r - count if r > last else r for r in self._pending if not first <= r <= last]
        self._rows = [r - count if r > last else r for r in self._rows]
        self._index_rows()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = None) -> None:
        moved = False
        taken = len(self._ordered)  # the store only appends, so the pending rows are the last ones
        for row in range(top_left.row(), bottom_right.row() + 1):
            if row >= taken:  # pending: shown, as it is then, when the burst's rows are taken in
                break
            shown = row in self._proxy_of
            wanted = self.accepts(row)
            if shown and not wanted:
                position = self._proxy_of[row]
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self._index_rows()
                self.endRemoveRows()
            elif wanted and not shown:
                start = len(self._rows)
                self.beginInsertRows(QModelIndex(), start, start)
                self._rows.append(row)
                self._proxy_of[row] = start
                self.endInsertRows()
                moved = True
            elif shown:
                position = self._proxy_of[row]
                self.dataChanged.emit(self.index(position, top_left.column()),
                                      self.index(position, bottom_right.column()))
                moved = moved or not self._in_place(position)
        if moved and self._sort_column is not None:
            self._unsorted = True
            if not self._resort_timer.isActive():
                self._resort_timer.start()
