"""The planner across daylight-saving changes: the contact's day has the hours it really has, and
the agent's zone changing on another date (Madrid and New York do, in March and October) never
moves a contact's calling hours."""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desktop.domain.planner import AgentLoad, callable_intervals, suggest_slots, why_not_callable
from agent_desktop.domain.policy import CallingPolicy
from agent_desktop.domain.records import CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey
from agent_desktop.domain.rules import validate_reschedule
from agent_desktop.domain.schedule import WallClock, local_moment

UTC = timezone.utc
NY = ZoneInfo("America/New_York")
MADRID = ZoneInfo("Europe/Madrid")
H = 3600


def contact(window, zone="America/New_York", handle=9):
    return OutboundRecord(key=RecordKey(1, handle), campaign_name="C", contact_name="Dana",
                          contact_zone=ContactZone(ZoneInfo(zone), zone),
                          calling_window=CallingWindow(*window) if window else None)


def day_of(record, day):
    """The intervals of one local day of the contact."""
    zone = record.contact_zone.tz
    start = datetime.combine(day, time(), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
    return callable_intervals(record, None, start, end)


def hours(intervals):
    return sum((end - start for start, end in intervals), timedelta()) / timedelta(hours=1)


def utc(*parts):
    return datetime(*parts, tzinfo=UTC)


# -- the contact's own changes ------------------------------------------------------------------
def test_spring_forward_loses_the_gap():
    # New York, Sunday 8 March 2026: 02:00 EST becomes 03:00 EDT. 01:00-03:30 has 1.5 real hours.
    record = contact((1 * H, 3 * H + 1800))
    assert day_of(record, date(2026, 3, 8)) == [(utc(2026, 3, 8, 6, 0), utc(2026, 3, 8, 7, 30))]
    slots = suggest_slots(record, None, None, now=utc(2026, 3, 8, 0), count=6)
    assert [f"{s.in_zone(NY):%H:%M}" for s in slots] == ["01:00", "01:15", "01:30", "01:45", "03:00", "03:15"]


def test_fall_back_counts_the_repeated_hour_once_per_real_hour():
    # New York, Sunday 1 November 2026: 02:00 EDT becomes 01:00 EST; 01:00-01:30 happens twice.
    record = contact((1 * H, 1 * H + 1800))
    assert day_of(record, date(2026, 11, 1)) == [(utc(2026, 11, 1, 5, 0), utc(2026, 11, 1, 5, 30)),
                                                 (utc(2026, 11, 1, 6, 0), utc(2026, 11, 1, 6, 30))]
    slots = suggest_slots(record, None, None, now=utc(2026, 11, 1, 4), count=4)
    assert [f"{s.in_zone(NY):%H:%M %Z}" for s in slots] == ["01:00 EDT", "01:15 EDT", "01:00 EST", "01:15 EST"]
    assert len({s.start for s in slots}) == 4  # four different moments, none counted twice


@pytest.mark.parametrize("day, expected", [(date(2026, 3, 8), 23), (date(2026, 11, 1), 25), (date(2026, 11, 2), 24)])
def test_a_whole_day_has_the_hours_it_really_has(day, expected):
    assert hours(day_of(contact((0, 86400)), day)) == expected


@pytest.mark.parametrize("evening, expected", [(date(2026, 3, 7), 7), (date(2026, 10, 31), 9), (date(2026, 3, 14), 8)])
def test_a_night_window_spanning_the_change(evening, expected):
    record = contact((22 * H, 6 * H))
    start = datetime.combine(evening, time(12), tzinfo=NY)
    assert hours(callable_intervals(record, None, start, start + timedelta(days=1))) == expected


def test_a_zone_that_changes_at_midnight():
    # Santiago: Sunday 6 September 2026 starts at 01:00 (midnight never shows), and on Saturday
    # 4 April 2026 the hour before midnight happens twice.
    assert hours(day_of(contact((0, 1 * H + 1800), "America/Santiago"), date(2026, 9, 6))) == 0.5
    assert hours(day_of(contact((23 * H, 86400), "America/Santiago"), date(2026, 4, 4))) == 2
    assert hours(day_of(contact((0, 86400), "America/Santiago"), date(2026, 9, 6))) == 23


def test_a_half_hour_change():
    # Lord Howe Island moves its clocks by 30 minutes (Sunday 5 April 2026, 02:00 → 01:30).
    assert hours(day_of(contact((0, 86400), "Australia/Lord_Howe"), date(2026, 4, 5))) == 24.5


# -- the agent's zone changing on another date -----------------------------------------------------
@pytest.mark.parametrize("day, madrid_hour", [
    (date(2026, 3, 2), 15),   # both on winter time: 6 hours apart
    (date(2026, 3, 10), 14),  # New York already on summer time, Madrid not until 29 March: 5 hours
    (date(2026, 3, 30), 15),  # both on summer time
    (date(2026, 10, 27), 14),  # Madrid back on winter time since 25 October, New York not until 1 November
    (date(2026, 11, 3), 15),
])
def test_the_contacts_nine_oclock_moves_on_the_agents_clock_not_on_theirs(day, madrid_hour):
    record = contact((9 * H, 20 * H))
    first = suggest_slots(record, None, None, now=datetime.combine(day, time(7), tzinfo=NY), count=1)[0]
    assert f"{first.in_zone(NY):%H:%M}" == "09:00"
    assert first.in_zone(MADRID).hour == madrid_hour and first.in_zone(MADRID).minute == 0


def test_holidays_and_calling_days_follow_the_contacts_date_not_the_agents():
    tokyo = contact(None, "Asia/Tokyo")
    policy = CallingPolicy(zone_holidays={"Asia/Tokyo": frozenset({date(2026, 11, 3)})}, calling_days=frozenset(range(5)))
    # 15:30 UTC on 2 November is still the 2nd in Madrid but already the 3rd (a holiday) in Tokyo.
    assert why_not_callable(tokyo, policy, utc(2026, 11, 2, 15, 30)) == "2026-11-03 is a holiday for the contact (Asia/Tokyo)."
    assert why_not_callable(tokyo, policy, utc(2026, 11, 3, 15, 30)) is None  # the 4th there
    # Friday 16:00 UTC is Saturday 01:00 in Tokyo: not a calling day there.
    assert why_not_callable(tokyo, policy, utc(2026, 11, 6, 16, 0)).startswith("Saturday 2026-11-07")


def test_collisions_are_measured_in_real_time_across_the_fold():
    # 01:55 EDT and 01:05 EST are ten real minutes apart; 01:40 EDT and 01:40 EST an hour.
    load = AgentLoad([OutboundRecord(key=RecordKey(1, 1), campaign_name="C", callback_type=CallbackType.PERSONAL,
                                     scheduled_at=datetime(2026, 11, 1, 1, 55, tzinfo=NY))])  # fold=0: EDT
    assert load.conflicts(datetime(2026, 11, 1, 1, 5, tzinfo=NY, fold=1)) != []
    assert load.conflicts(datetime(2026, 11, 1, 1, 40, tzinfo=NY, fold=1)) == []


# -- wall-clock times the agent types --------------------------------------------------------------
def test_a_time_in_the_spring_gap_moves_forward_by_the_gap():
    moment, kind = local_moment(date(2026, 3, 29), time(2, 30), MADRID)
    assert kind is WallClock.SKIPPED and moment == utc(2026, 3, 29, 1, 30) and moment.tzinfo is UTC
    assert f"{moment.astimezone(MADRID):%H:%M %Z}" == "03:30 CEST"
    moment, kind = local_moment(date(2026, 3, 8), time(2, 15), NY)
    assert kind is WallClock.SKIPPED and f"{moment.astimezone(NY):%H:%M %Z}" == "03:15 EDT"


def test_a_time_in_the_autumn_fold_is_its_first_occurrence():
    moment, kind = local_moment(date(2026, 10, 25), time(2, 30), MADRID)
    assert kind is WallClock.REPEATED and moment == utc(2026, 10, 25, 0, 30)
    assert f"{moment.astimezone(MADRID):%H:%M %Z}" == "02:30 CEST"
    assert local_moment(date(2026, 10, 25), time(3, 30), MADRID)[1] is WallClock.NORMAL
    assert local_moment(date(2026, 7, 1), time(12, 0), timezone(timedelta(hours=-5)))[1] is WallClock.NORMAL


def test_validation_judges_the_real_instant_of_a_skipped_time():
    # The agent in Madrid types 02:30 on 29 March: it is 03:30 CEST = 21:30 EDT in New York, outside 09-20.
    moment, _ = local_moment(date(2026, 3, 29), time(2, 30), MADRID)
    refusal = why_not_callable(contact((9 * H, 20 * H)), None, moment)
    assert refusal is not None and refusal.startswith("21:30 is outside")
    validate_reschedule(local_moment(date(2026, 3, 29), time(16, 0), MADRID)[0], CallbackType.PERSONAL,
                        now=utc(2026, 3, 28), record=contact((9 * H, 20 * H)))


# -- properties across the change weeks ----------------------------------------------------------
CHANGE_ZONES = ["America/New_York", "Europe/Madrid", "America/Santiago", "Australia/Lord_Howe",
                "Australia/Sydney", "Asia/Kolkata"]
quarter_hours = st.integers(0, 96).map(lambda q: q * 900)


@settings(max_examples=80, deadline=None)
@given(zone=st.sampled_from(CHANGE_ZONES), start_q=quarter_hours, end_q=quarter_hours,
       base=st.sampled_from([utc(2026, 3, 1), utc(2026, 3, 25), utc(2026, 4, 1), utc(2026, 9, 3),
                             utc(2026, 10, 22), utc(2026, 10, 30)]),
       offset_s=st.integers(0, 6 * 86400 - 1))  # inside the range asked for
def test_intervals_agree_with_the_rules_at_every_moment_of_a_change_week(zone, start_q, end_q, base, offset_s):
    record = contact((start_q, end_q), zone)
    intervals = callable_intervals(record, None, base, base + timedelta(days=6))
    assert all(a < b for a, b in intervals) and all(b1 < a2 for (_, b1), (a2, _) in zip(intervals, intervals[1:]))
    moment = base + timedelta(seconds=offset_s)
    inside = any(lo <= moment < hi for lo, hi in intervals)
    local = moment.astimezone(ZoneInfo(zone))
    at_the_end = local.hour * H + local.minute * 60 + local.second == end_q  # the rules accept the end second
    refused = why_not_callable(record, None, moment)
    assert inside == (refused is None) or (refused is None and at_the_end), (moment, intervals, refused)
