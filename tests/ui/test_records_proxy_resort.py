"""The proxy's re-sort: announced as a vertical sort (the column header has nothing to redo),
the selection follows its records however many rows it spans, and source rows map to the rows
shown while a filter is on (the index of shown rows is made only when asked for)."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractItemModel, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from agent_desktop.domain.records import OutboundRecord, RecordKey
from agent_desktop.domain.store import RecordStore
from agent_desktop.ui.records_model import RECORD_ROLE, Column, RecordsTableModel
from agent_desktop.ui.records_proxy import RecordsFilterProxy

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


def record(handle: int, minutes: int, name: str = "Ana") -> OutboundRecord:
    return OutboundRecord(key=RecordKey(134, handle), campaign_name="C", contact_name=name,
                          phone=f"+1212555{handle:04d}", scheduled_at=NOW + timedelta(minutes=minutes))


def make(records: list[OutboundRecord]) -> tuple[RecordStore, RecordsFilterProxy]:
    store = RecordStore()
    store.upsert_many(records)
    proxy = RecordsFilterProxy()
    proxy.setSourceModel(RecordsTableModel(store, agent_tz=ZoneInfo("Europe/Madrid"), clock=lambda: NOW))
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return store, proxy


def handles(proxy: RecordsFilterProxy, rows: range | list[int]) -> list[int]:
    return [proxy.index(r, 0).data(RECORD_ROLE).key.record_handle for r in rows]


def test_a_resort_is_a_vertical_sort_and_a_large_selection_follows_its_records(qtbot):
    store, proxy = make([record(h, minutes=10 * h) for h in range(1, 31)])
    proxy.sort(Column.WHEN, Qt.SortOrder.DescendingOrder)
    hints = []
    full = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"
    proxy.layoutChanged[full].connect(lambda *args: hints.append(args))
    proxy.layoutAboutToBeChanged[full].connect(lambda *args: hints.append(args))
    selection = QItemSelectionModel(proxy)
    picked = QItemSelection(proxy.index(2, 0), proxy.index(14, Column.ATTEMPTS))  # 13 rows: more than a few
    selection.select(picked, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    selection.setCurrentIndex(proxy.index(5, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    chosen = set(handles(proxy, range(2, 15)))
    current = handles(proxy, [5])[0]

    proxy.sort(Column.WHEN, Qt.SortOrder.AscendingOrder)

    rows = sorted({index.row() for index in selection.selectedIndexes()})
    assert set(handles(proxy, rows)) == chosen and len(rows) == 13
    assert handles(proxy, [selection.currentIndex().row()]) == [current]
    assert len(hints) == 2 and all(hint == QAbstractItemModel.LayoutChangeHint.VerticalSortHint for _, hint in hints)


def test_source_rows_map_to_the_rows_shown_under_a_filter():
    store, proxy = make([record(h, minutes=10 * h, name="Bo" if h % 3 else "Ana") for h in range(1, 13)])
    proxy.sort(Column.WHEN, Qt.SortOrder.DescendingOrder)
    proxy.set_text("ana")
    model = proxy.sourceModel()
    assert proxy.rowCount() == 4
    for source_row in range(model.rowCount()):
        mapped = proxy.mapFromSource(model.index(source_row, 0))
        shown = model.record_at(source_row).contact_name == "Ana"
        assert mapped.isValid() == shown
        if shown:
            assert proxy.mapToSource(mapped).row() == source_row
    store.upsert_many([record(20, minutes=-5, name="Ana")])  # taken in at once: no burst
    assert proxy.rowCount() == 5
    assert proxy.mapFromSource(model.index(model.rowCount() - 1, 0)).row() == 4
