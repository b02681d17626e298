"""The window as a desktop application: reminders (banner, bell on the row, snooze, go to),
menus, and its layout kept between runs."""

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from unittest.mock import Mock
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings, Qt, QTime

from agent_desktop.domain.records import OutboundRecord, RecordKey
from agent_desktop.domain.reminders import ReminderTracker
from agent_desktop.domain.store import RecordStore
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.records_model import Column

UTC = ZoneInfo("UTC")


def record(handle, minutes, name):
    return OutboundRecord(key=RecordKey(7, handle), campaign_name="Win-back", contact_name=name,
                          phone=f"+3491000{handle:04d}",
                          scheduled_at=datetime.now(timezone.utc) + timedelta(minutes=minutes))


def make_window(qtbot, store, **kw):
    window = MainWindow(store, agent_tz=UTC, agent_name="Ana", **kw)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_callback_coming_due_shows_a_banner_a_bell_and_can_be_snoozed(qtbot):
    store = RecordStore()
    store.upsert_many([record(1, 300, "Later Larry"), record(2, 600, "Much Later"), record(3, 4, "Soon Sara")])
    window = make_window(qtbot, store)
    qtbot.waitUntil(lambda: window.reminder_banner.isVisible())
    assert "Soon Sara is due in 3 min" in window.reminder_banner.text.text()
    bell_row = [r for r in range(window.proxy.rowCount())
                if window.proxy.index(r, Column.STATUS).data().startswith("⚑")]
    assert [window.proxy.index(r, Column.CONTACT).data() for r in bell_row] == ["Soon Sara"]
    window.table.selectRow(2)
    window.reminder_banner.go_button.click()  # Go to: the row becomes current
    assert window.current_record().key == RecordKey(7, 3)
    window.reminder_banner.snooze_button.click()
    assert window.reminder_banner.isHidden()
    assert not window.proxy.index(0, Column.STATUS).data().startswith("⚑")
    assert RecordKey(7, 3) not in window.reminders.showing


def test_rescheduling_a_reminded_callback_answers_its_reminder(qtbot):
    store = RecordStore()
    store.upsert(record(3, 4, "Soon Sara"))
    window = make_window(qtbot, store)
    qtbot.waitUntil(lambda: window.reminder_banner.isVisible())
    store.update(RecordKey(7, 3), scheduled_at=datetime.now(timezone.utc) + timedelta(hours=3))
    assert window.reminder_banner.isHidden()


def test_menus_offer_settings_quit_and_the_log_folder(qtbot):
    window = make_window(qtbot, RecordStore(), reminder_tracker=ReminderTracker(lead_times=()))
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Record", "&Help"]
    with qtbot.waitSignal(window.settings_requested):
        window.settings_action.trigger()
    with qtbot.waitSignal(window.log_folder_requested):
        window.log_folder_action.trigger()
    assert window.settings_action.shortcut().toString() == "Ctrl+,"


def test_geometry_columns_and_sort_are_restored_at_the_next_start(qtbot, tmp_path):
    path = str(tmp_path / "ui.ini")
    store = RecordStore()
    store.upsert_many([record(h, 60 * h, f"Person {h}") for h in range(1, 6)])
    first = make_window(qtbot, store, settings=QSettings(path, QSettings.Format.IniFormat),
                        reminder_tracker=ReminderTracker(lead_times=()))
    first.resize(700, 450)  # inside the offscreen screen (800 x 600)
    first.table.horizontalHeader().resizeSection(Column.CONTACT, 333)
    first.table.sortByColumn(Column.CONTACT, Qt.SortOrder.DescendingOrder)
    first.close()
    again = make_window(qtbot, store, settings=QSettings(path, QSettings.Format.IniFormat),
                        reminder_tracker=ReminderTracker(lead_times=()))
    assert again.size().width() == 700
    assert again.table.horizontalHeader().sectionSize(Column.CONTACT) == 333
    assert again.table.horizontalHeader().sortIndicatorSection() == Column.CONTACT
    assert again.proxy.index(0, Column.CONTACT).data() == "Person 5"  # sorted as it was left


def test_settings_from_the_menu_are_saved_and_reminder_times_apply_at_once(qtbot, tmp_path):
    from datetime import timedelta as td

    from agent_desktop.gui import _open_settings
    from agent_desktop.ui.app_settings import load_preferences
    from agent_desktop.ui.settings_dialog import SettingsDialog

    settings = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    store = RecordStore()
    store.upsert(record(1, 40, "Forty Minutes"))
    window = make_window(qtbot, store)
    controller = SimpleNamespace(grace=SimpleNamespace(delay_s=5), planner=Mock(), agent_tz=ZoneInfo("UTC"))
    window.settings_requested.connect(lambda: _open_settings(window, settings, controller))
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reminders_edit.setText("60")
    dialog.grace_spin.setValue(0)
    dialog.slot_spin.setValue(20)
    dialog.work_start.setTime(QTime(22, 0))  # a night shift
    dialog.work_end.setTime(QTime(6, 30))
    dialog.zone_combo.setCurrentIndex(dialog.zone_combo.findData("contact"))
    dialog.accept()
    assert load_preferences(settings).reminder_minutes == [60]
    assert controller.grace.delay_s == 0  # the undo time and the slot length apply at once too
    controller.planner.set_slot_length.assert_called_once_with(td(minutes=20))
    assert (load_preferences(settings).undo_grace_s, load_preferences(settings).slot_minutes) == (0, 20)
    hours = controller.planner.working_hours
    assert (hours.window.start_s, hours.window.end_s) == (22 * 3600, 6 * 3600 + 1800)
    assert window.reminders.tracker.lead_times == (td(minutes=60),)
    qtbot.waitUntil(lambda: window.reminder_banner.isVisible())  # 40 minutes away: inside the new hour
    assert "Forty Minutes" in window.reminder_banner.text.text()
    header = window.table.horizontalHeader()  # the contact's time now comes first
    assert header.visualIndex(Column.THEIR_TIME) < header.visualIndex(Column.WHEN)
    window.show_first("agent")
    assert header.visualIndex(Column.WHEN) < header.visualIndex(Column.THEIR_TIME)


def test_closing_twice_is_harmless(qtbot):
    window = MainWindow(RecordStore(), agent_tz=ZoneInfo("UTC"))
    closed = []
    window.closed.connect(lambda: closed.append(True))
    window.close()
    window.close()  # used to raise inside closeEvent (a second unsubscribe) and crash the process
    assert closed == [True]
    window.deleteLater()
