"""The table model mirrors the store row by row, without resets; the proxy filters and sorts."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from agent_desktop.domain.records import (
    CallbackType,
    CallingWindow,
    ContactZone,
    OutboundRecord,
    RecordKey,
    RecordStatus,
)
from agent_desktop.domain.store import RecordStore
from agent_desktop.ui.records_model import RECORD_ROLE, Column, RecordsTableModel
from agent_desktop.ui.records_proxy import RecordsFilterProxy

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)
NY = ContactZone(ZoneInfo("America/New_York"), "America/New_York")


def record(handle, *, minutes=120, name="Ana Lopez", campaign="Win-back", kind=CallbackType.PERSONAL, **kw):
    return OutboundRecord(
        key=RecordKey(134, handle), campaign_name=campaign, phone=f"+1212555{handle:04d}",
        contact_name=name, contact_zone=NY, callback_type=kind,
        scheduled_at=NOW + timedelta(minutes=minutes), calling_window=CallingWindow(9 * 3600, 20 * 3600), **kw)


def make_model(store):
    model = RecordsTableModel(store, agent_tz=ZoneInfo("Europe/Madrid"), clock=lambda: NOW)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return model


def test_rows_follow_store_changes_without_resets(qtbot):
    store = RecordStore()
    model = make_model(store)
    resets, inserts, changed = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserts.append((first, last)))
    model.dataChanged.connect(lambda tl, br: changed.append((tl.row(), br.row())))

    store.upsert_many([record(h, minutes=60 * h) for h in range(1, 6)])
    assert inserts == [(0, 4)] and model.rowCount() == 5  # one insert for the batch
    store.update(RecordKey(134, 3), status=RecordStatus.SENDING)
    assert changed == [(2, 2)]  # exactly that row
    assert model.index(2, Column.STATUS).data() == "⟳ Sending…"
    store.remove(RecordKey(134, 1))
    assert model.rowCount() == 4 and model.index(0, Column.CONTACT).data(RECORD_ROLE).key == RecordKey(134, 2)
    assert resets == []


def test_display_texts_in_both_zones_and_urgency():
    store = RecordStore()
    store.upsert_many([record(1, minutes=-30), record(2, minutes=10), record(3, minutes=180)])
    model = make_model(store)
    assert model.index(0, Column.WHEN).data() == "Fri 27 Nov 12:30"  # Madrid = UTC+1
    assert model.index(0, Column.THEIR_TIME).data() == "06:30 · New York"
    assert model.index(0, Column.STATUS).data() == "⚠ Overdue 30 min"
    assert model.index(1, Column.STATUS).data() == "◷ Due in 10 min"
    assert model.index(2, Column.STATUS).data() == "Scheduled"
    assert model.index(0, Column.STATUS).data(Qt.ItemDataRole.FontRole).bold()  # not colour alone
    assert "UTC−05:00" in model.index(0, Column.THEIR_TIME).data(Qt.ItemDataRole.ToolTipRole)


def test_time_moving_on_updates_only_rows_whose_status_changes():
    store = RecordStore()
    store.upsert_many([record(1, minutes=20), record(2, minutes=600)])
    now = [NOW]
    model = RecordsTableModel(store, agent_tz=ZoneInfo("UTC"), clock=lambda: now[0])
    changed = []
    model.dataChanged.connect(lambda tl, br: changed.append(tl.row()))
    assert [model.index(r, Column.STATUS).data() for r in range(2)] == ["Scheduled", "Scheduled"]  # painted
    now[0] = NOW + timedelta(minutes=10)
    assert model.refresh_time_dependent() == 1 and changed == [0]
    assert model.index(0, Column.STATUS).data() == "◷ Due in 10 min"


def test_proxy_keeps_order_and_selection_through_arrivals_changes_and_removals(qtbot):
    from PySide6.QtCore import QItemSelectionModel

    store = RecordStore()
    store.upsert_many([record(h, minutes=100 * h) for h in (5, 3, 9)])
    proxy = RecordsFilterProxy()
    proxy.setSourceModel(make_model(store))
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy.sort(Column.WHEN, Qt.SortOrder.AscendingOrder)
    selection = QItemSelectionModel(proxy)
    selection.setCurrentIndex(proxy.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    handles = lambda: [proxy.index(r, 0).data(RECORD_ROLE).key.record_handle for r in range(proxy.rowCount())]
    assert handles() == [3, 5, 9]
    store.upsert_many([record(h, minutes=100 * h) for h in (1, 7)])  # arrivals, sorted in shortly
    qtbot.waitUntil(lambda: handles() == [1, 3, 5, 7, 9])
    assert selection.currentIndex().data(RECORD_ROLE).key.record_handle == 5  # the current record followed
    store.update(RecordKey(134, 5), scheduled_at=NOW + timedelta(minutes=1000))  # moved to the end
    qtbot.waitUntil(lambda: handles() == [1, 3, 7, 9, 5])
    assert selection.currentIndex().row() == 4
    store.remove(RecordKey(134, 3))
    assert handles() == [1, 7, 9, 5]
    proxy.set_text("+12125550007")
    assert handles() == [7]
    proxy.set_text("")
    assert handles() == [1, 7, 9, 5]


def test_proxy_filters_by_words_type_and_campaign():
    store = RecordStore()
    store.upsert_many([
        record(1, name="Ana Lopez", campaign="Win-back"),
        record(2, name="Bo Chen", campaign="Card Activation", kind=CallbackType.CAMPAIGN),
        record(3, name="Ana Smith", campaign="Card Activation"),
    ])
    proxy = RecordsFilterProxy()
    proxy.setSourceModel(make_model(store))
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy.set_text("ana")
    assert proxy.rowCount() == 2
    proxy.set_text("ana card")
    assert proxy.rowCount() == 1
    proxy.set_text("+12125550002")
    assert proxy.rowCount() == 1
    proxy.set_text("")
    proxy.set_callback_type(CallbackType.CAMPAIGN)
    assert proxy.rowCount() == 1
    proxy.set_callback_type(None)
    proxy.set_campaign("Card Activation")
    assert proxy.rowCount() == 2


def test_sorting_uses_native_values():
    store = RecordStore()
    store.upsert_many([record(1, minutes=300, name="zoe"), record(2, minutes=100, name="Ángel"),
                       record(3, minutes=200, name="bob")])
    proxy = RecordsFilterProxy()
    proxy.setSourceModel(make_model(store))
    proxy.sort(Column.WHEN, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, Column.CONTACT).data() for r in range(3)] == ["Ángel", "bob", "zoe"]
    proxy.sort(Column.CONTACT, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, Column.CONTACT).data() == "zoe"


def test_a_burst_of_arrivals_reaches_the_view_in_few_insertions_and_sorted(qtbot):
    store = RecordStore()
    proxy = RecordsFilterProxy()
    proxy.setSourceModel(make_model(store))
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy.sort(Column.WHEN, Qt.SortOrder.AscendingOrder)
    inserts = []
    proxy.rowsInserted.connect(lambda _p, first, last: inserts.append(last - first + 1))
    handles = lambda: [proxy.index(r, 0).data(RECORD_ROLE).key.record_handle for r in range(proxy.rowCount())]

    store.upsert_many([record(50, minutes=500)])
    assert handles() == [50]  # a lone arrival is shown at once
    for start in range(1, 41, 4):  # then a burst: ten batches in quick succession
        store.upsert_many([record(h, minutes=1000 - h) for h in range(start, start + 4)])
    store.update(RecordKey(134, 2), status=RecordStatus.SENDING)  # a change to a row still waiting
    store.remove(RecordKey(134, 3))  # and a removal of one
    assert proxy.rowCount() == 1 and not proxy.settled()  # the burst waits for the coming sort ...
    qtbot.waitUntil(proxy.settled)
    assert len(inserts) == 2  # ... and arrives in one insertion, not ten
    expected = [50] + sorted((h for h in range(1, 41) if h != 3), reverse=True)
    assert handles() == expected
    row_of_2 = expected.index(2)
    assert proxy.index(row_of_2, Column.STATUS).data() == "⟳ Sending…"


def test_a_filter_typed_during_a_burst_sees_the_waiting_rows(qtbot):
    store = RecordStore()
    proxy = RecordsFilterProxy()
    proxy.setSourceModel(make_model(store))
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    store.upsert_many([record(1)])
    store.upsert_many([record(7), record(8)])  # waiting for the burst's sort
    proxy.set_text("+12125550007")
    assert proxy.rowCount() == 1
    proxy.set_text("")
    assert proxy.rowCount() == 3


def test_a_row_with_a_reminder_showing_carries_a_bell_and_bold_text():
    store = RecordStore()
    store.upsert_many([record(1, minutes=10), record(2, minutes=300)])
    model = make_model(store)
    changed = []
    model.dataChanged.connect(lambda tl, br: changed.append(tl.row()))
    assert model.index(1, Column.STATUS).data() == "Scheduled"
    model.set_reminded({RecordKey(134, 2)})
    assert changed == [1]
    assert model.index(1, Column.STATUS).data() == "⚑ Scheduled"
    assert model.index(1, Column.CONTACT).data(Qt.ItemDataRole.FontRole).bold()
    model.set_reminded(set())
    assert model.index(1, Column.STATUS).data() == "Scheduled" and changed == [1, 1]
