"""Reminders: each lead time once per callback time, the most urgent one when several are crossed,
snooze, moved and removed callbacks, overdue count."""

from datetime import datetime, timedelta, timezone

from agent_desktop.domain.records import OutboundRecord, RecordKey
from agent_desktop.domain.reminders import ReminderTracker

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)
MIN = timedelta(minutes=1)


def record(handle: int, due: datetime | None) -> OutboundRecord:
    return OutboundRecord(key=RecordKey(1, handle), campaign_name="C", scheduled_at=due)


def keys(reminders):
    return [(r.record.key.record_handle, r.lead // MIN) for r in reminders]


def test_each_lead_time_fires_once_as_the_callback_comes_due():
    tracker = ReminderTracker()
    tracker.track(record(1, T0 + 30 * MIN))
    assert tracker.due(T0) == []
    assert tracker.next_moment() == T0 + 15 * MIN
    assert keys(tracker.due(T0 + 15 * MIN)) == [(1, 15)]
    assert tracker.due(T0 + 16 * MIN) == []  # not again
    (reminder,) = tracker.due(T0 + 25 * MIN)
    assert reminder.lead == 5 * MIN and reminder.due_in == 5 * MIN
    assert tracker.due(T0 + 29 * MIN) == []
    assert tracker.due(T0 + 40 * MIN) == []  # overdue: counted, not reminded
    assert tracker.overdue_count(T0 + 40 * MIN) == 1


def test_only_the_most_urgent_lead_when_several_are_crossed_at_once():
    tracker = ReminderTracker()
    tracker.track(record(1, T0 + 3 * MIN))  # arrives three minutes before it is due
    assert keys(tracker.due(T0)) == [(1, 5)]
    assert tracker.due(T0 + MIN) == []


def test_a_moved_callback_is_reminded_again_for_its_new_time_and_a_removed_one_never():
    tracker = ReminderTracker()
    tracker.track(record(1, T0 + 10 * MIN))
    tracker.track(record(2, T0 + 10 * MIN))
    assert keys(tracker.due(T0)) == [(1, 15), (2, 15)]
    tracker.track(record(1, T0 + 60 * MIN))  # rescheduled an hour later
    tracker.forget(RecordKey(1, 2))
    assert tracker.due(T0 + 5 * MIN) == []  # neither the old time's 5-minute reminder nor record 2
    assert keys(tracker.due(T0 + 45 * MIN)) == [(1, 15)]
    assert tracker.overdue_count(T0 + 20 * MIN) == 0


def test_snooze_brings_a_reminder_back_after_the_snooze():
    tracker = ReminderTracker(snooze=3 * MIN)
    tracker.track(record(1, T0 + 20 * MIN))
    assert keys(tracker.due(T0 + 5 * MIN)) == [(1, 15)]
    tracker.snooze(RecordKey(1, 1), T0 + 5 * MIN)
    assert tracker.due(T0 + 7 * MIN) == []
    (again,) = tracker.due(T0 + 8 * MIN)
    assert again.snoozed and again.due_in == 12 * MIN


def test_lead_times_can_change_and_unscheduled_records_are_ignored():
    tracker = ReminderTracker()
    tracker.track(record(1, T0 + 50 * MIN))
    tracker.track(record(2, None))
    tracker.set_lead_times((timedelta(minutes=60), timedelta(0), -MIN))
    assert tracker.lead_times == (60 * MIN,)
    assert keys(tracker.due(T0)) == [(1, 60)]


def test_overdue_count_follows_reschedules():
    tracker = ReminderTracker()
    for handle in range(5):
        tracker.track(record(handle, T0 + handle * MIN))
    assert tracker.overdue_count(T0 + 2 * MIN) == 3  # due at +0, +1, +2
    tracker.track(record(0, T0 + 100 * MIN))  # one of them moved to later
    assert tracker.overdue_count(T0 + 2 * MIN) == 2
    tracker.forget(RecordKey(1, 1))
    assert tracker.overdue_count(T0 + 10 * MIN) == 3


def test_one_planned_entry_per_record_however_many_lead_times():
    tracker = ReminderTracker(lead_times=(30 * MIN, 15 * MIN, 5 * MIN))
    for handle in range(1000):
        tracker.track(record(handle, T0 + (60 + handle) * MIN))
    assert len(tracker._heap) == 1000  # 100,000 pushed records must not cost 400,000 entries
    assert len(tracker.due(T0 + 40 * MIN)) == 11  # due at +60..+70: their 30-minute reminder
    assert len(tracker._heap) == 1000  # each reminder that came up planned its record's next one
