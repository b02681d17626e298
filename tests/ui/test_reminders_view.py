"""The reminder center follows the store and wakes when a reminder is due; the banner says it in
words; the tray tooltip counts overdue callbacks."""

from datetime import datetime, timedelta, timezone

from agent_desktop.domain.records import OutboundRecord, RecordKey
from agent_desktop.domain.store import RecordStore
from agent_desktop.ui.reminders_view import ReminderBanner, ReminderCenter, tooltip_text

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)
MIN = timedelta(minutes=1)


def record(handle, due, name="Ana Lopez"):
    return OutboundRecord(key=RecordKey(1, handle), campaign_name="C", contact_name=name, scheduled_at=due)


def test_center_reminds_from_store_changes_and_forgets_answered_reminders(qtbot):
    now = [T0]
    store = RecordStore()
    store.upsert_many([record(1, T0 + 10 * MIN), record(2, T0 + 40 * MIN, "Bob"), record(3, T0 - MIN)])
    center = ReminderCenter(store, clock=lambda: now[0])
    seen, overdue = [], []
    center.reminded.connect(seen.append)
    center.overdue_changed.connect(overdue.append)
    center.check()
    assert [r.record.key.record_handle for r in seen[-1]] == [1] and overdue == [1]
    assert set(center.showing) == {RecordKey(1, 1)}
    store.update(RecordKey(1, 1), scheduled_at=T0 + 120 * MIN)  # rescheduled: the reminder is answered
    assert center.showing == {} and seen[-1] == []
    store.upsert(record(4, T0 + 3 * MIN, "Cleo"))  # a new callback inside the lead time
    center.check()
    assert [r.record.contact_name for r in seen[-1]] == ["Cleo"]
    center.snooze(RecordKey(1, 4), 2 * MIN)
    assert center.showing == {}
    now[0] = T0 + 2 * MIN
    center.check()
    assert seen[-1][0].snoozed and seen[-1][0].record.contact_name == "Cleo"
    now[0] = T0 + 30 * MIN
    center.check()
    assert [r.record.contact_name for r in seen[-1]] == ["Bob"] and overdue[-1] == 2  # 3 and 4 are overdue
    center.detach()


def test_center_wakes_by_itself_when_a_reminder_comes_due(qtbot):
    store = RecordStore()
    store.upsert(record(1, datetime.now(timezone.utc) + 15 * MIN + timedelta(milliseconds=300)))
    center = ReminderCenter(store)
    with qtbot.waitSignal(center.reminded, timeout=5000) as blocker:
        pass
    assert blocker.args[0][0].record.key == RecordKey(1, 1)
    center.detach()


def test_banner_names_the_most_urgent_and_counts_the_others(qtbot):
    from agent_desktop.domain.reminders import Reminder

    banner = ReminderBanner()
    qtbot.addWidget(banner)
    banner.show_reminders([Reminder(record(1, T0 + 14 * MIN, "Bob"), 15 * MIN, 14 * MIN),
                           Reminder(record(2, T0 + 5 * MIN), 5 * MIN, 5 * MIN)], T0)
    assert banner.text.text().startswith("◷ Ana Lopez is due in 5 min") and "1 more" in banner.text.text()
    assert banner.key == RecordKey(1, 2) and not banner.isHidden()
    with qtbot.waitSignal(banner.snooze) as blocker:
        banner.snooze_button.click()
    assert blocker.args == [RecordKey(1, 2)]
    banner.show_reminders([], T0)
    assert banner.isHidden()
    assert tooltip_text(0).endswith("no overdue callbacks") and tooltip_text(2).endswith("overdue callbacks: 2")
