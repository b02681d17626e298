"""What the callbacks table and the details pane repaint, and how: only what changed, drawn
exactly as the stock Qt table would draw it; the reschedule goes out before the window tidies up."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QStyledItemDelegate

from agent_desktop.domain.agent import OutboundCapabilities
from agent_desktop.domain.records import CallbackType, RecordStatus
from agent_desktop.domain.store import RecordStore
from agent_desktop.services.events import ConnectionState
from agent_desktop.ui.controller import MainController
from agent_desktop.ui.details_pane import DetailsPane
from agent_desktop.domain.reminders import ReminderTracker
from agent_desktop.ui.main_window import MainWindow
from ui.test_records_model import record

MADRID = ZoneInfo("Europe/Madrid")


class PaintLog(QObject):
    """The rectangles a widget is asked to paint."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.rects = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


@pytest.fixture
def window(qtbot):
    now = datetime.now(timezone.utc)
    records = [record(h, minutes=(h - 4) * 20, name=f"Person {h} with a long enough name") for h in range(1, 41)]
    records = [dataclasses.replace(r, scheduled_at=now + (r.scheduled_at - records[3].scheduled_at)) for r in records]
    records[6] = dataclasses.replace(records[6], status=RecordStatus.FAILED, status_reason="Outside the window")
    store = RecordStore()
    store.upsert_many(records)
    # No reminders here: a reminder banner appearing or going resizes the table (a full repaint).
    win = MainWindow(store, agent_tz=MADRID, reminder_tracker=ReminderTracker(lead_times=()))
    win.store = store
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.table.setFocus()
    qtbot.waitUntil(lambda: win.table.hasFocus())
    win.store = store
    return win


def settle():
    for _ in range(3):
        QApplication.processEvents()


def grab_both_ways(win):
    """The viewport drawn by the table's own painting, then by Qt's stock table and delegate."""
    table = win.table
    settle()
    before = table.fast_paints
    ours = table.viewport().grab().toImage()
    assert table.fast_paints > before, "the table's own row-by-row painting was not used"
    mine = table.itemDelegate()
    table.setItemDelegate(QStyledItemDelegate(table))  # the stock delegate: the stock paintEvent too
    settle()
    stock = table.viewport().grab().toImage()
    table.setItemDelegate(mine)
    settle()
    return ours, stock


def test_the_table_is_drawn_exactly_as_the_stock_table_draws_it(window):
    table = window.table
    cases = [
        ("focused, selected first row", lambda: None),
        ("moved with the keyboard", lambda: (QTest.keyClick(table, Qt.Key.Key_Down),
                                             QTest.keyClick(table, Qt.Key.Key_Down))),
        ("without the focus", lambda: window.filter_edit.setFocus()),
        ("scrolled", lambda: table.verticalScrollBar().setValue(5)),
        ("a narrow column (elided texts)", lambda: table.horizontalHeader().resizeSection(2, 70)),
        ("no alternating colours", lambda: table.setAlternatingRowColors(False)),
        ("no grid", lambda: table.setShowGrid(False)),
        ("nothing selected", lambda: table.selectionModel().clearSelection()),
    ]
    for name, change in cases:
        change()
        ours, stock = grab_both_ways(window)
        assert ours == stock, name


def test_a_row_is_read_from_the_model_once_per_paint(window):
    table = window.table
    delegate = table.records_delegate
    settle()
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    last = window.proxy.rowCount() - 1 if last < 0 else last
    before = delegate.rows_read
    table.viewport().repaint()
    assert delegate.rows_read - before == last - first + 1  # not once per cell (8 columns)


def test_a_changed_record_repaints_its_row_only(window):
    table = window.table
    settle()
    log = PaintLog(table.viewport())
    key = window.current_record().key
    window.store.update(key, status=RecordStatus.SENDING)
    settle()
    assert log.rects, "the changed row was not repainted"
    assert all(rect.height() <= table.rowHeight(0) + 1 for rect in log.rects)


def on_screen(win):
    """What the window's backing store holds for the table's viewport (not a fresh rendering)."""
    from PySide6.QtCore import QPoint

    settle()
    viewport = win.table.viewport()
    corner = viewport.mapTo(win, QPoint(0, 0))
    return win.screen().grabWindow(win.winId()).toImage().copy(corner.x(), corner.y(), viewport.width(),
                                                               viewport.height())


def test_a_re_sort_repaints_the_rows_that_moved_and_the_screen_stays_right(window, qtbot):
    table = window.table
    settle()
    log = PaintLog(table.viewport())
    relaid = table.rows_relaid
    key = window.current_record().key  # the first row: a reschedule moves it down a few rows
    window.store.update(key, scheduled_at=window.store.get(key).scheduled_at + timedelta(minutes=70),
                        status=RecordStatus.CONFIRMED)
    qtbot.waitUntil(lambda: table.rows_relaid > relaid)  # the proxy sorts it into place shortly after
    settle()
    moved = table.rows_relaid - relaid
    assert 0 < moved < 10
    # The changed row, then the rows that now show another record: never the whole viewport.
    assert log.rects and sum(rect.height() for rect in log.rects) <= (moved + 1) * (table.rowHeight(0) + 1)
    assert window.current_record().key == key  # the selection followed its record
    assert on_screen(window) == table.viewport().grab().toImage()  # no row left showing the old order
    # Rows that arrive and are sorted in before the view lays out again: all of them are shown.
    window.store.upsert_many([record(100 + h, minutes=-600 + h, name=f"New {h}") for h in range(3)])
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # sorted in at once, before any layout
    assert window.proxy.index(0, 2).data() == "New 0"
    assert on_screen(window) == table.viewport().grab().toImage()


def test_rows_that_arrive_just_before_a_re_sort_are_painted(qtbot):
    store = RecordStore()
    store.upsert_many([record(h, minutes=60 * h) for h in range(1, 4)])
    # No reminders here: a reminder banner appearing or going resizes the table (a full repaint).
    win = MainWindow(store, agent_tz=MADRID, reminder_tracker=ReminderTracker(lead_times=()))
    win.store = store
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle()
    store.upsert(record(9, minutes=60 * 9, name="Last Arrival"))  # the latest time: stays last
    win.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # sorted at once, before any layout
    assert win.proxy.index(3, 2).data() == "Last Arrival"
    assert on_screen(win) == win.table.viewport().grab().toImage()


def test_focus_coming_and_going_repaints_the_focused_row_not_the_viewport(window, qtbot):
    table = window.table
    settle()
    log = PaintLog(table.viewport())
    repaints = table.focus_repaints
    window.filter_edit.setFocus()
    qtbot.waitUntil(lambda: not table.hasFocus())
    settle()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    settle()
    assert table.focus_repaints > repaints
    assert log.rects and all(rect.height() <= table.rowHeight(0) for rect in log.rects)


def test_window_activation_repaints_nothing_unless_the_palette_has_inactive_colours(window):
    table = window.table
    viewport = table.viewport()
    settle()
    log = PaintLog(viewport)
    for kind in (QEvent.Type.WindowDeactivate, QEvent.Type.WindowActivate):
        QApplication.sendEvent(viewport, QEvent(kind))
    settle()
    assert log.rects == []
    palette = table.palette()
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor("gray"))
    table.setPalette(palette)
    settle()
    log.rects.clear()
    QApplication.sendEvent(viewport, QEvent(QEvent.Type.WindowDeactivate))
    settle()
    assert any(rect == viewport.rect() for rect in log.rects)  # the selection's colour changes: all of it


def test_the_current_row_changes_first_and_its_details_right_after(window):
    settle()
    key = window.current_record().key
    window.store.update(key, status=RecordStatus.FAILED, status_reason="Refused")
    assert "Refused" not in window.details.text()  # not before the row has been repainted ...
    settle()
    assert "Status\t✗ Failed: Refused" in window.details.text()  # ... but straight after it
    window.store.update(key, status=RecordStatus.CONFIRMED, status_reason="")
    other = window.model.record_at(0) if window.model.record_at(0).key != key else window.model.record_at(1)
    window.details.show_record(other)  # the agent moved on meanwhile: that one stays shown
    settle()
    assert other.contact_name in window.details.text() and "Refused" not in window.details.text()


def test_the_details_follow_the_rows_repaint_not_the_other_way_round(window, monkeypatch):
    settle()
    table, details = window.table, window.details
    key = window.current_record().key
    paints_when_shown = []
    show_record = details.show_record
    monkeypatch.setattr(details, "show_record", lambda r: (paints_when_shown.append(table.fast_paints), show_record(r)))
    before = table.fast_paints
    window.store.update(key, status=RecordStatus.FAILED, status_reason="Refused")
    settle()
    assert "Refused" in details.text()
    assert paints_when_shown and paints_when_shown[0] > before  # the row was painted first


def test_the_details_pane_rewrites_only_the_lines_that_changed(qtbot):
    pane = DetailsPane(MADRID)
    qtbot.addWidget(pane)
    shown = record(1, customer_fields={"account_number": "AC-1"})
    pane.show_record(shown)
    text = pane.text()
    assert "Ana Lopez" in text and "Phone\t+12125550001" in text and "Account number\tAC-1" in text
    written = pane.blocks_written
    pane.show_record(dataclasses.replace(shown, status=RecordStatus.SENDING))
    assert pane.blocks_written == written + 1
    assert "Status\t⟳ Sending…" in pane.text() and pane.text().count("\n") == text.count("\n")
    pane.show_record(dataclasses.replace(shown, status=RecordStatus.FAILED, status_reason="Outside the window"))
    assert "Status\t✗ Failed: Outside the window" in pane.text()
    written = pane.blocks_written
    pane.show_record(dataclasses.replace(shown, status=RecordStatus.FAILED, status_reason="Outside the window"))
    assert pane.blocks_written == written  # the same again: nothing to do
    other = record(2, name="Bo Chen")
    pane.show_record(other)
    assert "Bo Chen" in pane.text() and "Account number" not in pane.text()
    pane.show_record(None)
    assert pane.text() == "Select a callback to see its details."


class FakeAgent:
    """Just enough of AgentSession for the controller: records what happened when."""

    def __init__(self, store) -> None:
        self.store = store
        self.local = None
        self.agent_state = "Ready"
        self.profile = SimpleNamespace(outbound=OutboundCapabilities(True, True, frozenset(CallbackType)))
        self.connection_state = ConnectionState.CONNECTED
        self.on_event = None
        self.calls = []
        self.on_sent = None
        self.finish = None

    async def reschedule(self, key, when, callback_type, *, on_sent=None):
        import asyncio

        self.calls.append(key)
        self.on_sent = on_sent
        self.finish = asyncio.get_running_loop().create_future()
        return await self.finish


def test_the_window_tidies_up_with_the_answer_not_during_the_round_trip(window, qtbot, qloop):
    agent = FakeAgent(window.store)
    controller = MainController(agent, window, agent_tz=MADRID)
    focused = []
    window.table_focus = lambda: focused.append(True)  # what the tidy-up does: focus back on the table
    record_now = window.current_record()
    controller.reschedule(record_now)
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    dialog = controller.dialog
    dialog.done(QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: bool(agent.calls))
    assert focused == []  # nothing repaints while the request is on its way out ...
    assert agent.on_sent is None  # ... nor once it is on the wire (nothing asks to hear of it) ...
    agent.finish.set_result(window.store.get(record_now.key))
    qtbot.waitUntil(lambda: "confirmed" in window.statusBar().currentMessage())
    assert focused == [True]  # ... but with the answer
    # The closed dialog goes when the next one opens, not while the agent waits for the answer.
    assert shiboken6.isValid(dialog) and dialog.objectName() == ""
    controller.reschedule(record_now)
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    assert window.findChild(QDialog, "rescheduleDialog") is controller.dialog
    controller.dialog.reject()
    qtbot.waitUntil(lambda: controller.dialog is None)


def test_a_slow_answer_does_not_keep_the_focus_from_the_table(window, qtbot, qloop):
    agent = FakeAgent(window.store)
    controller = MainController(agent, window, agent_tz=MADRID)
    focused = []
    window.table_focus = lambda: focused.append(True)
    record_now = window.current_record()
    controller.reschedule(record_now)
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    controller.dialog.done(QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: bool(agent.calls))
    qtbot.waitUntil(lambda: focused == [True], timeout=2000)  # TIDY_UP_AT_THE_LATEST_S, no answer yet
    assert not agent.finish.done()
    agent.finish.set_result(window.store.get(record_now.key))
    qtbot.waitUntil(lambda: "confirmed" in window.statusBar().currentMessage())
    assert focused == [True]  # once


def test_the_window_tidies_up_even_when_nothing_is_sent(window, qtbot, qloop):
    agent = FakeAgent(window.store)
    controller = MainController(agent, window, agent_tz=MADRID)
    focused = []
    window.table_focus = lambda: focused.append(True)
    controller.reschedule(window.current_record())
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    controller.dialog.done(QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: bool(agent.calls))
    queued = dataclasses.replace(window.current_record(), status=RecordStatus.QUEUED)
    agent.finish.set_result(queued)  # offline: queued, never on the wire
    qtbot.waitUntil(lambda: bool(focused))
    assert "saved on this computer" in window.statusBar().currentMessage()


def test_a_narrow_details_pane_puts_each_value_under_its_name(qtbot):
    pane = DetailsPane(MADRID)
    qtbot.addWidget(pane)
    shown = record(1)
    pane.show_record(shown)
    pane.resize(600, 400)
    pane.show()
    qtbot.waitExposed(pane)
    assert "Phone\t+12125550001" in pane.text()
    pane.resize(150, 400)  # narrower than twice the longest name: values would wrap a word a line
    qtbot.waitUntil(lambda: "\t" not in pane.text())
    plain = pane.text().replace("\u2028", "\n")
    assert "Phone\n+12125550001" in plain
    written = pane.blocks_written
    pane.show_record(dataclasses.replace(shown, status=RecordStatus.SENDING))
    assert pane.blocks_written == written + 1  # still edited in place
    assert "Status\n⟳ Sending…" in pane.text().replace("\u2028", "\n")
    pane.resize(600, 400)
    qtbot.waitUntil(lambda: "Status\t⟳ Sending…" in pane.text())
