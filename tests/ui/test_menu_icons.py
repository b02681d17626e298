"""The menus' icons are made when a menu first opens (not before the window shows), and follow
the palette afterwards like the toolbar's."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent

from agent_desktop.domain.reminders import ReminderTracker
from agent_desktop.domain.store import RecordStore
from agent_desktop.ui.main_window import MainWindow


def make_window(qtbot):
    window = MainWindow(RecordStore(), agent_tz=ZoneInfo("UTC"), agent_name="Ana",
                        reminder_tracker=ReminderTracker(lead_times=()))
    qtbot.addWidget(window)
    return window


def menu(window, title):
    return next(action.menu() for action in window.menuBar().actions() if action.text() == title)


def test_the_menus_icons_are_made_when_a_menu_first_opens(qtbot):
    window = make_window(qtbot)
    assert window.settings_action.icon().isNull() and window.log_folder_action.icon().isNull()
    assert not window.reschedule_action.icon().isNull()  # the toolbar's: seen at once
    menu(window, "&Help").aboutToShow.emit()
    assert not window.settings_action.icon().isNull() and not window.log_folder_action.icon().isNull()
    made = window.settings_action.icon().cacheKey()
    menu(window, "&File").aboutToShow.emit()
    assert window.settings_action.icon().cacheKey() == made  # once only


def test_the_file_menu_opening_makes_them_too_and_a_palette_change_redraws_them(qtbot):
    window = make_window(qtbot)
    window.changeEvent(QEvent(QEvent.Type.PaletteChange))
    assert window.settings_action.icon().isNull()  # still left to the first opening
    menu(window, "&File").aboutToShow.emit()
    made = window.settings_action.icon().cacheKey()
    assert not window.log_folder_action.icon().isNull()
    window.changeEvent(QEvent(QEvent.Type.PaletteChange))
    assert window.settings_action.icon().cacheKey() != made  # drawn again in the new colours
