"""The reschedule dialog, driven by the keyboard as an agent would."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from agent_desktop.domain.agent import OutboundCapabilities
from agent_desktop.domain.records import CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey
from agent_desktop.ui.reschedule_dialog import RescheduleDialog, parse_clock_time

MADRID = ZoneInfo("Europe/Madrid")
NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 27, 10, 7, tzinfo=timezone.utc)  # 11:07 Madrid, 05:07 New York
BOTH = OutboundCapabilities(True, True, frozenset(CallbackType))


def record(kind=CallbackType.PERSONAL):
    return OutboundRecord(
        key=RecordKey(134, 9), campaign_name="Win-back", phone="+12125550100", contact_name="Grace Walker",
        contact_zone=ContactZone(NY, "America/New_York"), callback_type=kind,
        scheduled_at=NOW + timedelta(hours=3), calling_window=CallingWindow(9 * 3600, 20 * 3600))


@pytest.fixture
def open_dialog(qtbot):
    def make(capabilities=BOTH, kind=CallbackType.PERSONAL):
        dialog = RescheduleDialog(record(kind), capabilities, agent_tz=MADRID, clock=lambda: NOW)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        return dialog
    return make


def type_time(qtbot, dialog, text):
    combo = dialog.time_combo
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), text)


def test_opens_with_the_next_valid_slot_inside_their_window(open_dialog):
    dialog = open_dialog()
    # The first half-hour after now+1 min whose New York time is inside 09:00-20:00: 15:00 Madrid = 09:00 NY.
    assert dialog.date_edit.date() == QDate(2026, 11, 27)
    assert dialog.time_combo.currentText() == "15:00"
    assert dialog.ok_button.isEnabled() and not dialog.error_label.isVisible()
    assert "09:00 New York" in dialog.preview_label.text() and "15:00 your time" in dialog.preview_label.text()
    assert dialog.objectName() == "rescheduleDialog"


def test_enter_accepts_with_the_chosen_moment_and_type(qtbot, open_dialog):
    dialog = open_dialog()
    type_time(qtbot, dialog, "16:30")
    qtbot.keyClick(dialog.campaign_radio, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.keyClick(dialog.time_combo, Qt.Key.Key_Return)
    assert finished.args == [QDialog.DialogCode.Accepted]
    when, kind = dialog.chosen()
    assert when == datetime(2026, 11, 27, 16, 30, tzinfo=MADRID) and kind is CallbackType.CAMPAIGN


def test_escape_cancels(qtbot, open_dialog):
    dialog = open_dialog()
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert finished.args == [QDialog.DialogCode.Rejected]


@pytest.mark.parametrize("typed, words", [
    ("10:30", "from now"),           # in the past (now is 11:07 Madrid)
    ("13:00", "outside the contact's calling hours"),  # 07:00 in New York
    ("25:99", "type a time"),
])
def test_bad_times_are_refused_inline_and_enter_does_not_send(qtbot, open_dialog, typed, words):
    dialog = open_dialog()
    type_time(qtbot, dialog, typed)
    assert not dialog.ok_button.isEnabled()
    assert words in dialog.error_label.text().lower()
    qtbot.keyClick(dialog.time_combo, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted


def test_slot_list_offers_only_valid_times(open_dialog):
    dialog = open_dialog()
    offered = [dialog.time_combo.itemText(i) for i in range(dialog.time_combo.count())]
    assert offered[0] == "15:00" and offered[-1] == "23:30"  # 09:00-17:30 New York; day ends at Madrid midnight
    assert "14:30" not in offered


def test_quick_picks(qtbot, open_dialog):
    dialog = open_dialog()
    qtbot.mouseClick(dialog.plus_hour_button, Qt.MouseButton.LeftButton)
    assert dialog.time_combo.currentText() == "16:00"
    qtbot.mouseClick(dialog.tomorrow_button, Qt.MouseButton.LeftButton)
    assert dialog.date_edit.date() == QDate(2026, 11, 28) and dialog.time_combo.currentText() == "16:00"
    qtbot.mouseClick(dialog.business_day_button, Qt.MouseButton.LeftButton)
    # Friday now → Monday 09:00 in New York = 15:00 Madrid.
    assert dialog.chosen()[0] == datetime(2026, 11, 30, 9, 0, tzinfo=NY)
    assert dialog.ok_button.isEnabled()


def test_forced_personal_locks_the_choice(open_dialog):
    dialog = open_dialog(OutboundCapabilities(True, True, frozenset({CallbackType.PERSONAL})), CallbackType.CAMPAIGN)
    assert dialog.personal_radio.isChecked() and not dialog.campaign_radio.isEnabled()
    assert "personal" in dialog.type_note.text()
    assert dialog.chosen()[1] is CallbackType.PERSONAL


def test_forced_campaign_hides_the_choice(open_dialog):
    dialog = open_dialog(OutboundCapabilities(True, True, frozenset({CallbackType.CAMPAIGN})))
    assert dialog.type_row.isHidden() and dialog.chosen()[1] is CallbackType.CAMPAIGN


@pytest.mark.parametrize("text, expected", [("9:30", (9, 30)), ("0930", (9, 30)), ("21.15", (21, 15)),
                                            ("24:00", None), ("noon", None), ("", None)])
def test_parse_clock_time(text, expected):
    parsed = parse_clock_time(text)
    assert ((parsed.hour, parsed.minute) if parsed else None) == expected


def test_enter_confirms_after_tabbing_past_cancel_and_cancels_on_cancel(qtbot, open_dialog):
    from PySide6.QtWidgets import QApplication

    dialog = open_dialog()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    passed_cancel = False
    for _ in range(20):  # round the dialog: past Cancel and on to the type
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        passed_cancel = passed_cancel or QApplication.focusWidget() is dialog.cancel_button
        if passed_cancel and QApplication.focusWidget() is dialog.personal_radio:
            break
    assert passed_cancel and QApplication.focusWidget() is dialog.personal_radio
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    other = open_dialog()
    other.cancel_button.setFocus()
    qtbot.keyClick(other.cancel_button, Qt.Key.Key_Return)
    assert other.result() == QDialog.DialogCode.Rejected and not other.isVisible()
