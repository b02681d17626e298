"""Accessibility: every control has a name a screen reader can say, and the whole reschedule
flow works from the keyboard alone at 150 % scaling (run in a child process: the scale factor
must be set before Qt starts)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from agent_desktop.domain.records import RecordStatus
from ui.window_fixtures import logged_in, move_to_personal_row, sim, window  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2]
SCALED = os.environ.get("QT_SCALE_FACTOR") == "1.5"


def unnamed_controls(top: QWidget) -> list[str]:
    """Focusable controls a screen reader could not name (buttons are named by their text)."""
    missing = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QAbstractButton):
            if not (widget.text() or widget.accessibleName() or widget.toolTip()):
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
        elif isinstance(widget, (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit)):
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the editor inside a combo or spin box: the box carries the name
            if not widget.accessibleName():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_of_the_window_and_the_dialogs_has_a_name(window, qtbot):
    assert unnamed_controls(window) == []
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.dialog is not None and window.controller.dialog.isVisible())
    assert unnamed_controls(window.controller.dialog) == []
    window.controller.dialog.reject()
    from agent_desktop.ui.app_settings import Preferences
    from agent_desktop.ui.settings_dialog import SettingsDialog

    settings = SettingsDialog(Preferences())
    qtbot.addWidget(settings)
    settings.show()
    assert unnamed_controls(settings) == []


@pytest.mark.skipif(not SCALED, reason="runs in the child process started by the test below")
def test_keyboard_only_reschedule_at_150_percent(window, logged_in, qtbot):  # noqa: F811
    assert window.devicePixelRatio() == 1.5
    record = move_to_personal_row(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.dialog is not None and window.controller.dialog.isVisible())
    dialog = window.controller.dialog
    assert QApplication.focusWidget() in (dialog.time_combo, dialog.time_combo.lineEdit())
    # Tab visits the controls in reading order, each once, and focus is always somewhere visible.
    visited = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None and focused.isVisible() and focused.window() is dialog
        visited.append(focused.objectName() or type(focused).__name__)
    cycle = visited[: visited.index(visited[0], 1)] if visited.count(visited[0]) > 1 else visited
    start = cycle.index("dateEdit")
    reading = cycle[start:] + cycle[:start]
    assert reading[:1] == ["dateEdit"] and reading[2:8] == [
        "plusHourButton", "tomorrowButton", "businessDayButton", "personalRadio", "rescheduleButton", "cancelButton"], (visited, reading)
    # The dialog fits a 1366 x 768 laptop screen at 150 % (911 x 512 logical pixels), nothing cut short.
    assert dialog.frameGeometry().width() <= 1366 / 1.5 and dialog.frameGeometry().height() <= 768 / 1.5
    for widget in (dialog.plus_hour_button, dialog.tomorrow_button, dialog.business_day_button, dialog.ok_button):
        assert widget.width() >= widget.sizeHint().width(), widget.objectName()
    # Tomorrow, same time, by its mnemonic; then Enter.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    when, _kind = dialog.chosen()
    assert QApplication.focusWidget() is dialog.personal_radio  # Enter from anywhere but Cancel confirms
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: logged_in.store.get(record.key).status is RecordStatus.CONFIRMED, timeout=10_000)
    assert logged_in.store.get(record.key).scheduled_at == when
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)  # back where the work is


def test_the_keyboard_flow_at_150_percent_scaling():
    env = {**os.environ, "QT_SCALE_FACTOR": "1.5", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
                           f"{__file__}::test_keyboard_only_reschedule_at_150_percent"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=110)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base, "#17181a"),
                         (QPalette.ColorRole.AlternateBase, "#222326"), (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"), (QPalette.ColorRole.Button, "#2a2b2e"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_status_colours_stay_readable_on_light_and_dark_palettes(qtbot, scheme):
    from PySide6.QtGui import QColor, QPalette

    from agent_desktop.services.events import ConnectionState
    from agent_desktop.ui.colours import SHADES, contrast, status_colour
    from agent_desktop.ui.connection_badge import ConnectionBadge

    palette = dark_palette() if scheme == "dark" else QPalette(QColor("#f5f5f5"))
    for meaning in SHADES:
        colour = status_colour(meaning, palette)
        assert contrast(colour, palette.color(QPalette.ColorRole.Window)) >= 4.5, (scheme, meaning, colour.name())
    badge = ConnectionBadge()
    qtbot.addWidget(badge)
    badge.set_state(ConnectionState.OFFLINE)
    badge.setPalette(palette)  # the system switched scheme: the badge picks its colour again
    assert status_colour("error", palette).name() in badge.styleSheet()
    assert badge.text().startswith("○")  # and the state is in a symbol and words, not colour alone


def test_the_table_draws_with_the_palette_it_is_given(qtbot):
    from datetime import datetime, timedelta, timezone
    from zoneinfo import ZoneInfo

    from PySide6.QtGui import QPalette

    from agent_desktop.domain.records import OutboundRecord, RecordKey
    from agent_desktop.domain.reminders import ReminderTracker
    from agent_desktop.domain.store import RecordStore
    from agent_desktop.ui.main_window import MainWindow

    store = RecordStore()
    store.upsert(OutboundRecord(key=RecordKey(1, 1), campaign_name="C", contact_name="Dark Dora",
                                scheduled_at=datetime.now(timezone.utc) + timedelta(days=2)))
    window = MainWindow(store, agent_tz=ZoneInfo("UTC"), reminder_tracker=ReminderTracker(lead_times=()))
    qtbot.addWidget(window)
    window.setPalette(dark_palette())
    window.show()
    qtbot.waitExposed(window)
    image = window.table.viewport().grab().toImage()
    empty_area = image.pixelColor(image.width() - 5, image.height() - 5)  # below the one row
    assert empty_area.lightness() < 60  # the dark base, not a light default
    assert window.table.viewport().palette().color(QPalette.ColorRole.Text).lightness() > 200
