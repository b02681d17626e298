"""Suggested slots, the agent's load and collisions, and the campaign's policy in the reschedule
dialog, driven as an agent would."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QStyleOptionViewItem

from agent_desktop.domain.agent import OutboundCapabilities
from agent_desktop.domain.planner import AgentLoad, SlotSuggestion
from agent_desktop.domain.policy import CallingPolicy
from agent_desktop.domain.records import CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey
from agent_desktop.ui.reschedule_dialog import RescheduleDialog
from agent_desktop.ui.slot_suggestions import NEAR_ROLE, SlotSuggestionList

UTC = timezone.utc
MADRID = ZoneInfo("Europe/Madrid")
NY = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 11, 27, 10, 7, tzinfo=UTC)  # Friday: 11:07 Madrid, 05:07 New York
BOTH = OutboundCapabilities(True, True, frozenset(CallbackType))
H = 3600


def grace(**fields):
    values = dict(key=RecordKey(134, 9), campaign_name="Win-back", phone="+12125550100", contact_name="Grace Walker",
                  contact_zone=ContactZone(NY, "America/New_York"), callback_type=CallbackType.PERSONAL,
                  scheduled_at=NOW + timedelta(hours=3), calling_window=CallingWindow(9 * H, 20 * H))
    values.update(fields)
    return OutboundRecord(**values)


def mine(handle, name, hour, minute, day=27):
    return OutboundRecord(key=RecordKey(134, handle), campaign_name="Win-back", contact_name=name,
                          callback_type=CallbackType.PERSONAL, scheduled_at=datetime(2026, 11, day, hour, minute, tzinfo=MADRID))


# The agent's afternoon in Madrid: 15:00-16:15 has a callback closer than 15 minutes to every slot start.
BUSY = [mine(20, "Ana Ruiz", 15, 5), mine(21, "Bo Li", 15, 20), mine(22, "Carla Díaz", 15, 40), mine(23, "Dev Patel", 16, 10)]


@pytest.fixture
def open_dialog(qtbot):
    def make(record=None, *, policy=None, load=None, clock=NOW, agent_tz=MADRID, working_hours=None):
        record = record or grace()
        dialog = RescheduleDialog(record, BOTH, agent_tz=agent_tz, clock=lambda: clock, policy=policy, load=load,
                                  working_hours=working_hours)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        return dialog
    return make


def lines(dialog):
    return [dialog.suggestions.item(row).text() for row in range(dialog.suggestions.count())]


def type_time(qtbot, dialog, text):
    dialog.time_combo.lineEdit().selectAll()
    qtbot.keyClicks(dialog.time_combo.lineEdit(), text)


# -- suggestions ----------------------------------------------------------------------------------
def test_suggestions_show_both_clocks_and_the_load_and_skip_the_busy_afternoon(open_dialog):
    dialog = open_dialog(load=AgentLoad(BUSY))
    assert dialog.suggestions.objectName() == "slotSuggestions" and dialog.suggestions.accessibleName()
    # Free times an hour apart: a choice across the day, not six slots in a row.
    assert lines(dialog)[:2] == ["Fri 27 Nov 10:30 New York  ·  16:30 you  ·  free",
                                 "Fri 27 Nov 11:30 New York  ·  17:30 you  ·  free"]
    assert len(lines(dialog)) == 6
    # The dialog opens on the best suggestion, not on 15:00 (09:00 in New York), which collides.
    assert dialog.time_combo.currentText() == "16:30" and not dialog.conflict_label.isVisible()
    assert dialog.load_label.text() == "Your slot 16:30–16:45: free."


def test_without_a_load_the_suggestions_say_nothing_about_it(open_dialog):
    dialog = open_dialog()
    assert lines(dialog)[0] == "Fri 27 Nov 09:00 New York  ·  15:00 you"
    assert not dialog.load_label.isVisible() and not dialog.conflict_label.isVisible()


def test_the_agents_day_is_named_when_it_differs_from_the_contacts(qtbot):
    widget = SlotSuggestionList()
    qtbot.addWidget(widget)
    late = SlotSuggestion(datetime(2026, 11, 28, 0, 30, tzinfo=UTC), 2, (RecordKey(1, 1), RecordKey(1, 2)))
    zone = ContactZone(NY, "America/New_York")
    assert widget.describe(late, contact_zone=zone, agent_tz=MADRID, show_load=True) == \
        "Fri 27 Nov 19:30 New York  ·  Sat 28 Nov 01:30 you  ·  ⚠ 2 callbacks"
    assert widget.describe(late, contact_zone=None, agent_tz=MADRID, show_load=False) == "Sat 28 Nov 01:30 you"


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, None])
def test_choosing_a_suggestion_fills_the_fields(qtbot, open_dialog, key):
    dialog = open_dialog(load=AgentLoad(BUSY))
    item = dialog.suggestions.item(3)  # 13:30 New York, 19:30 Madrid
    if key is None:
        rect = dialog.suggestions.visualItemRect(item)
        qtbot.mouseClick(dialog.suggestions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    else:
        dialog.suggestions.setFocus()
        dialog.suggestions.setCurrentItem(item)
        qtbot.keyClick(dialog.suggestions, key)
    assert dialog.date_edit.date() == QDate(2026, 11, 27) and dialog.time_combo.currentText() == "19:30"
    assert dialog.isVisible()  # Space and a click pick; they do not confirm


def test_enter_keeps_a_time_that_is_not_in_the_time_list(qtbot, open_dialog):
    # Slots are 15 minutes long, the time list has half hours: 11:15 is the default and stays.
    dialog = open_dialog(grace(calling_window=None), clock=datetime(2026, 11, 27, 10, 0, tzinfo=UTC))
    assert dialog.time_combo.currentText() == "11:15" and dialog.time_combo.findText("11:15") == -1
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.time_combo, Qt.Key.Key_Return)
    assert dialog.chosen()[0] == datetime(2026, 11, 27, 11, 15, tzinfo=MADRID)


def test_arrow_keys_read_the_list_without_changing_the_time(qtbot, open_dialog):
    dialog = open_dialog(load=AgentLoad(BUSY))
    dialog.suggestions.setFocus()
    dialog.suggestions.setCurrentRow(0)
    qtbot.keyClick(dialog.suggestions, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.suggestions, Qt.Key.Key_Down)
    assert dialog.suggestions.currentRow() == 2 and dialog.time_combo.currentText() == "16:30"


def test_enter_on_a_suggestion_picks_it_and_confirms(qtbot, open_dialog):
    dialog = open_dialog(load=AgentLoad(BUSY))
    dialog.suggestions.setFocus()
    dialog.suggestions.setCurrentRow(2)
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.keyClick(dialog.suggestions, Qt.Key.Key_Return)
    assert finished.args == [QDialog.DialogCode.Accepted]
    assert dialog.chosen() == (datetime(2026, 11, 27, 18, 30, tzinfo=MADRID), CallbackType.PERSONAL)


def test_the_keyboard_reaches_the_list_by_its_mnemonic_and_leaves_it_by_tab(qtbot, open_dialog):
    dialog = open_dialog(load=AgentLoad(BUSY))
    dialog.activateWindow()
    # Wait for this dialog's focus: an earlier test's window may still hold it for a moment.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Su&ggested
    assert QApplication.focusWidget() is dialog.suggestions
    qtbot.keyClick(dialog.suggestions, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.suggestions, Qt.Key.Key_Space)
    assert dialog.time_combo.currentText() == "17:30"
    qtbot.keyClick(dialog.suggestions, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.date_edit
    # Not a Tab stop: the dialog's Tab cycle is the one agents know, Cancel then the date.
    dialog.cancel_button.setFocus()
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.date_edit


def test_a_later_date_suggests_that_days_slots(qtbot, open_dialog):
    dialog = open_dialog(load=AgentLoad(BUSY))
    dialog.date_edit.setDate(QDate(2026, 12, 1))  # the agent types another day
    # From the start of the agent's Tuesday, which is Monday evening in New York.
    assert lines(dialog)[0] == "Mon 30 Nov 18:00 New York  ·  Tue 01 Dec 00:00 you  ·  free"


# -- load and collisions --------------------------------------------------------------------------
def test_a_collision_is_a_warning_naming_the_other_callback_and_confirming_still_works(qtbot, open_dialog):
    dialog = open_dialog(load=AgentLoad(BUSY))
    type_time(qtbot, dialog, "15:00")
    assert dialog.conflict_label.isVisible()
    assert dialog.conflict_label.text() == "⚠ Collides with your personal callback to Ana Ruiz at 15:05."
    assert dialog.load_label.text() == "Your slot 15:00–15:15: 1 personal callback."
    assert dialog.ok_button.isEnabled() and not dialog.error_label.isVisible()
    type_time(qtbot, dialog, "15:30")
    assert dialog.conflict_label.text() == "⚠ Collides with your personal callback to Bo Li at 15:20 and 1 more."
    assert dialog.load_label.text() == "Your slot 15:30–15:45: 1 personal callback."
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.keyClick(dialog.time_combo, Qt.Key.Key_Return)
    assert finished.args == [QDialog.DialogCode.Accepted]


def test_the_record_being_moved_does_not_collide_with_itself(qtbot, open_dialog):
    record = grace(scheduled_at=datetime(2026, 11, 27, 18, 0, tzinfo=MADRID))
    dialog = open_dialog(record, load=AgentLoad([record]))
    type_time(qtbot, dialog, "18:00")
    assert not dialog.conflict_label.isVisible() and dialog.load_label.text() == "Your slot 18:00–18:15: free."


def test_the_time_list_marks_the_times_that_collide(open_dialog):
    dialog = open_dialog(load=AgentLoad(BUSY))
    marks = {dialog.time_combo.itemText(i): dialog.time_combo.itemData(i, NEAR_ROLE)
             for i in range(dialog.time_combo.count())}
    assert marks["15:00"] == "⚠ 1 callback" and marks["15:30"] == "⚠ 2 callbacks" and marks["17:00"] is None
    # The popup draws the mark beside the time; the time field still takes "15:00" alone.
    index = dialog.time_combo.model().index(dialog.time_combo.findText("15:30"), 0)
    option = QStyleOptionViewItem()
    dialog.time_combo.itemDelegate().initStyleOption(option, index)
    assert option.text == "15:30   ⚠ 2 callbacks" and dialog.time_combo.itemText(index.row()) == "15:30"


def test_a_campaign_callback_shows_no_load_and_no_collision(qtbot, open_dialog):
    dialog = open_dialog(load=AgentLoad(BUSY))
    qtbot.keyClick(dialog.campaign_radio, Qt.Key.Key_Space)
    assert dialog.campaign_radio.isChecked()
    assert lines(dialog)[0] == "Fri 27 Nov 09:00 New York  ·  15:00 you"  # the busy afternoon is no longer in the way
    type_time(qtbot, dialog, "15:00")
    assert not dialog.conflict_label.isVisible() and not dialog.load_label.isVisible()
    assert all(dialog.time_combo.itemData(i, NEAR_ROLE) is None for i in range(dialog.time_combo.count()))


# -- the campaign's policy --------------------------------------------------------------------------
def test_policy_violations_are_refusals(qtbot, open_dialog):
    policy = CallingPolicy(campaign_hours={"Win-back": CallingWindow(10 * H, 18 * H)}, calling_days=frozenset(range(5)))
    dialog = open_dialog(policy=policy)
    assert dialog.time_combo.currentText() == "16:00"  # 10:00 in New York: the campaign's hours start then
    offered = [dialog.time_combo.itemText(i) for i in range(dialog.time_combo.count())]
    assert offered[0] == "16:00" and offered[-1] == "23:30"
    type_time(qtbot, dialog, "15:30")
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == "✗ 09:30 is outside the campaign's calling hours (10:00–18:00 America/New_York)."
    dialog.date_edit.setDate(QDate(2026, 11, 28))
    type_time(qtbot, dialog, "17:00")
    assert dialog.error_label.text() == "✗ Saturday 2026-11-28 is not a calling day for the contact (America/New_York)."
    assert lines(dialog)[0].startswith("Mon 30 Nov 10:00 New York")


def test_no_callable_time_at_all_says_so_in_the_list(open_dialog):
    dialog = open_dialog(policy=CallingPolicy(calling_days=frozenset()))
    assert dialog.suggestions.count() == 1 and dialog.suggestions.suggestions() == []
    assert "No time" in lines(dialog)[0]
    assert not dialog.ok_button.isEnabled()


# -- the agent's clock changes -----------------------------------------------------------------------
def tokyo_contact(window):
    return grace(contact_zone=ContactZone(TOKYO, "Asia/Tokyo"), calling_window=CallingWindow(*window),
                 scheduled_at=None, contact_name="Kenji Sato")


def test_a_suggestion_in_the_second_occurrence_of_a_repeated_hour_keeps_its_instant(open_dialog):
    # Madrid's clocks go back at 03:00 CEST on 25 October 2026: 02:00-03:00 happens twice. Tokyo's
    # 10:00-11:00 is the second time round (CET, 01:00-02:00 UTC).
    dialog = open_dialog(tokyo_contact((10 * H, 11 * H)), clock=datetime(2026, 10, 24, 20, 0, tzinfo=UTC))
    assert dialog.date_edit.date() == QDate(2026, 10, 25) and dialog.time_combo.currentText() == "02:00"
    assert dialog.chosen()[0] == datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
    assert dialog.ok_button.isEnabled()
    assert "this is the second one (CET)" in dialog.preview_label.text()


def test_a_typed_repeated_time_is_the_first_occurrence_and_says_so(qtbot, open_dialog):
    dialog = open_dialog(tokyo_contact((9 * H, 20 * H)), clock=datetime(2026, 10, 24, 20, 0, tzinfo=UTC))
    dialog.date_edit.setDate(QDate(2026, 10, 25))
    type_time(qtbot, dialog, "02:30")
    assert dialog.chosen()[0] == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert "Your clocks show 02:30 twice that night: this is the first one (CEST)." in dialog.preview_label.text()


def test_a_time_the_clocks_skip_is_not_offered_and_typed_moves_forward(qtbot, open_dialog):
    dialog = open_dialog(tokyo_contact((9 * H, 20 * H)), clock=datetime(2026, 3, 28, 12, 0, tzinfo=UTC))
    dialog.date_edit.setDate(QDate(2026, 3, 29))
    offered = [dialog.time_combo.itemText(i) for i in range(dialog.time_combo.count())]
    assert "01:30" in offered and "02:00" not in offered and "02:30" not in offered and "03:00" in offered
    type_time(qtbot, dialog, "02:30")
    assert dialog.chosen()[0] == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST, 10:30 in Tokyo
    assert "Your clocks skip 02:30 that night: this is 03:30." in dialog.preview_label.text()
    assert dialog.ok_button.isEnabled()


def test_contact_and_agent_changing_clocks_on_different_dates(open_dialog):
    # 2 November: Madrid is on winter time since 25 October, New York since 1 November: 6 hours again.
    dialog = open_dialog(grace(calling_window=CallingWindow(9 * H, 12 * H)), clock=datetime(2026, 10, 27, 10, 0, tzinfo=UTC))
    assert lines(dialog)[0] == "Tue 27 Oct 09:00 New York  ·  14:00 you"  # 5 hours apart this week
    dialog.date_edit.setDate(QDate(2026, 11, 2))
    assert lines(dialog)[0] == "Mon 02 Nov 09:00 New York  ·  15:00 you"
    assert date(2026, 11, 2) == dialog.date_edit.date().toPython()


def test_personal_suggestions_keep_to_the_agents_working_hours(open_dialog):
    from agent_desktop.domain.records import CallingWindow
    from agent_desktop.domain.working_hours import WorkingHours

    hours = WorkingHours(CallingWindow(16 * 3600, 18 * 3600), MADRID)  # a short afternoon
    dialog = open_dialog(working_hours=hours)
    starts = [s.start.astimezone(MADRID) for s in dialog.suggestions.suggestions()]
    assert starts and all(16 <= moment.hour < 18 for moment in starts)
    chosen, _ = dialog.chosen()  # the dialog opens on the best of them
    assert 16 <= chosen.astimezone(MADRID).hour < 18
