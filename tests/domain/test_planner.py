"""The callback planner: calling intervals, the reasons a time is refused, the agent's load,
slot suggestions and callbacks at risk. (Daylight-saving edges: test_planner_dst.py; bulk moves:
test_bulk_plan.py.)"""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desktop.domain.planner import (
    AgentLoad,
    SlotSuggestion,
    callable_intervals,
    callbacks_at_risk,
    has_contact_clock,
    suggest_slots,
    why_not_callable,
)
from agent_desktop.domain.policy import CallingPolicy
from agent_desktop.domain.records import CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey
from agent_desktop.domain.rules import MIN_LEAD, RefusalReason, RescheduleRefused, validate_reschedule
from agent_desktop.domain.store import RecordStore

UTC = timezone.utc
NY = ZoneInfo("America/New_York")
MADRID = ZoneInfo("Europe/Madrid")
H = 3600
# Monday 2 March 2026, 07:00 in New York (EST, UTC-5): before the US clock change of 8 March.
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
WEEKDAYS = frozenset(range(5))


def contact(handle=9, *, window=(9 * H, 20 * H), zone="America/New_York", campaign="Win-back", **fields):
    return OutboundRecord(
        key=RecordKey(134, handle), campaign_name=campaign, contact_name=fields.pop("name", f"Contact {handle}"),
        contact_zone=ContactZone(ZoneInfo(zone), zone) if zone else None,
        calling_window=CallingWindow(*window) if window else None, **fields)


def personal(handle, at, **fields):
    return contact(handle, callback_type=CallbackType.PERSONAL, scheduled_at=at, **fields)


def ny(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=NY)


def hours_of(intervals):
    return sum((end - start for start, end in intervals), timedelta()) / timedelta(hours=1)


# -- callable intervals ----------------------------------------------------------------------
def test_intervals_are_the_window_and_the_campaign_hours_on_the_contacts_clock():
    policy = CallingPolicy(campaign_hours={"Win-back": CallingWindow(8 * H, 17 * H)})
    intervals = callable_intervals(contact(), policy, ny(2, 0), ny(4, 0))
    assert intervals == [(ny(2, 9).astimezone(UTC), ny(2, 17).astimezone(UTC)),
                         (ny(3, 9).astimezone(UTC), ny(3, 17).astimezone(UTC))]
    assert all(start.tzinfo is UTC for start, _ in intervals)


def test_the_campaigns_own_hours_win_over_the_default_hours():
    policy = CallingPolicy(campaign_hours={"*": CallingWindow(8 * H, 21 * H), "Collections": CallingWindow(10 * H, 12 * H)})
    assert hours_of(callable_intervals(contact(campaign="Collections"), policy, ny(2, 0), ny(3, 0))) == 2
    assert hours_of(callable_intervals(contact(campaign="Win-back"), policy, ny(2, 0), ny(3, 0))) == 11


def test_intervals_are_clipped_to_the_range_asked_for():
    intervals = callable_intervals(contact(), None, ny(2, 10, 30), ny(2, 11))
    assert intervals == [(ny(2, 10, 30).astimezone(UTC), ny(2, 11).astimezone(UTC))]
    assert callable_intervals(contact(), None, ny(2, 11), ny(2, 11)) == []


def test_calling_days_and_holidays_are_read_on_the_contacts_calendar():
    policy = CallingPolicy(calling_days=WEEKDAYS, holidays=frozenset({date(2026, 3, 3)}),
                           zone_holidays={"America/New_York": frozenset({date(2026, 3, 5)}),
                                          "Europe/Madrid": frozenset({date(2026, 3, 4)})})
    week = callable_intervals(contact(), policy, ny(2, 0), ny(9, 0))
    assert [start.astimezone(NY).day for start, _ in week] == [2, 4, 6]  # not Tue (all), Thu (NY), Sat, Sun


def test_a_window_across_midnight_belongs_to_the_calendar_day_of_each_part():
    # 22:00-02:00, weekdays only: Friday night's last part (Saturday 00:00-02:00) is not a calling day.
    policy = CallingPolicy(calling_days=WEEKDAYS)
    intervals = callable_intervals(contact(window=(22 * H, 2 * H)), policy, ny(6, 12), ny(9, 12))
    assert intervals == [(ny(6, 22).astimezone(UTC), ny(7, 0).astimezone(UTC)),
                         (ny(9, 0).astimezone(UTC), ny(9, 2).astimezone(UTC))]


def test_adjacent_parts_merge_into_one_interval():
    intervals = callable_intervals(contact(window=(22 * H, 2 * H)), None, ny(2, 12), ny(3, 12))
    assert intervals == [(ny(2, 22).astimezone(UTC), ny(3, 2).astimezone(UTC))]


def test_no_window_means_the_policy_alone_and_no_zone_means_unrestricted():
    policy = CallingPolicy(campaign_hours={"*": CallingWindow(8 * H, 21 * H)}, calling_days=WEEKDAYS)
    assert hours_of(callable_intervals(contact(window=None), policy, ny(2, 0), ny(3, 0))) == 13
    no_zone = contact(zone=None)
    assert not has_contact_clock(no_zone) and has_contact_clock(contact())
    assert callable_intervals(no_zone, policy, NOW, NOW + timedelta(days=7)) == [(NOW, NOW + timedelta(days=7))]
    assert why_not_callable(no_zone, policy, ny(7, 3)) is None  # Saturday 03:00, but whose?


def test_hours_that_never_meet_leave_nothing():
    policy = CallingPolicy(campaign_hours={"*": CallingWindow(6 * H, 8 * H)})
    assert callable_intervals(contact(), policy, ny(2, 0), ny(9, 0)) == []


def test_naive_bounds_are_refused():
    with pytest.raises(ValueError):
        callable_intervals(contact(), None, datetime(2026, 3, 2), datetime(2026, 3, 3))


# -- why not -----------------------------------------------------------------------------------
POLICY = CallingPolicy(campaign_hours={"*": CallingWindow(10 * H, 18 * H)}, calling_days=WEEKDAYS,
                       zone_holidays={"America/New_York": frozenset({date(2026, 3, 3)})})


@pytest.mark.parametrize("moment, words", [
    (ny(2, 8, 15), "08:15 is outside the contact's calling hours (09:00–20:00 America/New_York)."),
    (ny(2, 9, 30), "09:30 is outside the campaign's calling hours (10:00–18:00 America/New_York)."),
    (ny(7, 12), "Saturday 2026-03-07 is not a calling day for the contact (America/New_York)."),
    (ny(3, 12), "2026-03-03 is a holiday for the contact (America/New_York)."),
])
def test_why_not_says_which_rule_in_words_an_agent_understands(moment, words):
    assert why_not_callable(contact(), POLICY, moment) == words
    assert why_not_callable(contact(), POLICY, ny(2, 12)) is None


def test_the_reasons_are_translatable_messages():
    reason = why_not_callable(contact(), POLICY, ny(8, 12))
    assert reason.context == "Rules" and reason.template.startswith("Sunday {date}")
    assert reason.params == {"date": "2026-03-08", "zone": "America/New_York"}


@pytest.mark.parametrize("moment, reason", [
    (ny(2, 9, 30), RefusalReason.OUTSIDE_CAMPAIGN_HOURS),
    (ny(7, 12), RefusalReason.NOT_A_CALLING_DAY),
    (ny(3, 12), RefusalReason.HOLIDAY),
    (ny(2, 21), RefusalReason.OUTSIDE_WINDOW),
])
def test_validate_reschedule_refuses_by_the_policy_when_given_one(moment, reason):
    with pytest.raises(RescheduleRefused) as refused:
        validate_reschedule(moment, CallbackType.CAMPAIGN, now=NOW, record=contact(), policy=POLICY)
    assert refused.value.reason is reason
    validate_reschedule(ny(2, 12), CallbackType.PERSONAL, now=NOW, record=contact(), policy=POLICY)


def test_validate_reschedule_without_a_policy_judges_as_before():
    validate_reschedule(ny(7, 9, 30), CallbackType.PERSONAL, now=NOW, record=contact())  # Saturday, early


# -- the agent's load ----------------------------------------------------------------------------
def test_load_counts_personal_callbacks_per_slot_counted_from_the_epoch():
    load = AgentLoad([personal(1, ny(2, 14, 0)), personal(2, ny(2, 14, 14)), personal(3, ny(2, 14, 15)),
                      contact(4, callback_type=CallbackType.CAMPAIGN, scheduled_at=ny(2, 14, 5)),
                      contact(5, callback_type=CallbackType.PERSONAL)])  # no time: nothing to count
    assert len(load) == 3 and RecordKey(134, 4) not in load and RecordKey(134, 5) not in load
    assert load.load_at(ny(2, 14, 7)) == 2 and load.load_at(ny(2, 14, 15)) == 1 and load.load_at(ny(2, 13, 59)) == 0
    assert load.load_at(ny(2, 14, 7), exclude=RecordKey(134, 1)) == 1
    # The same slot seen from Madrid: slots are absolute, so both zones agree on where one starts.
    assert load.slot_index(ny(2, 14, 0)) == load.slot_index(datetime(2026, 3, 2, 20, 0, tzinfo=MADRID))
    assert load.slot_start(ny(2, 14, 10)) == ny(2, 14, 0)


def test_conflicts_are_personal_callbacks_closer_than_one_slot_length():
    load = AgentLoad([personal(1, ny(2, 14, 0), name="Ana"), personal(2, ny(2, 14, 20)), personal(3, ny(2, 14, 45))])
    assert [r.contact_name for r in load.conflicts(ny(2, 14, 10))] == ["Ana", "Contact 2"]
    assert load.conflicts(ny(2, 14, 30)) == [load_record(load, 2)]  # 14:45 is exactly a slot away: no collision
    assert load.conflicts(ny(2, 14, 10), exclude=RecordKey(134, 1)) == [load_record(load, 2)]
    assert load.conflicts(ny(2, 14, 10), exclude={RecordKey(134, 1), RecordKey(134, 2)}) == []
    longer = load.with_slot_length(timedelta(minutes=30))
    assert len(longer.conflicts(ny(2, 14, 30))) == 2 and longer.slot_length == timedelta(minutes=30)


def load_record(load, handle):
    return next(record for record in load.records() if record.key.record_handle == handle)


def test_load_follows_the_store_incrementally():
    store, load = RecordStore(), AgentLoad()
    store.subscribe(load.apply)
    store.upsert_many([personal(1, ny(2, 14, 0)), personal(2, ny(2, 14, 5))])
    assert load.load_at(ny(2, 14, 0)) == 2
    store.update(RecordKey(134, 1), scheduled_at=ny(2, 16, 0))  # moved: leaves its old slot
    assert load.load_at(ny(2, 14, 0)) == 1 and load.load_at(ny(2, 16, 0)) == 1
    store.update(RecordKey(134, 2), callback_type=CallbackType.CAMPAIGN)  # no longer the agent's own
    assert load.load_at(ny(2, 14, 0)) == 0
    store.remove(RecordKey(134, 1))
    assert len(load) == 0
    load.remove(RecordKey(134, 99))  # unknown: nothing happens


def test_due_between_visits_the_slots_in_the_range():
    load = AgentLoad([personal(1, ny(2, 14, 0)), personal(2, ny(2, 9, 0)), personal(3, ny(20, 9, 0))])
    assert [r.key.record_handle for r in load.due_between(ny(2, 8), ny(2, 14))] == [2]
    assert [r.key.record_handle for r in load.due_between(ny(1, 0), ny(31, 0))] == [2, 1, 3]


def test_a_slot_length_under_a_second_is_refused():
    with pytest.raises(ValueError):
        AgentLoad(slot_length=timedelta(0))


# -- suggestions -------------------------------------------------------------------------------
def test_suggestions_are_the_next_free_slots_inside_the_window_after_the_lead():
    now = ny(2, 8, 50)
    slots = suggest_slots(contact(), None, AgentLoad(), now=now, count=3)
    assert [s.start for s in slots] == [ny(2, 9, 0), ny(2, 9, 15), ny(2, 9, 30)]
    assert all(s.is_free and s.load == 0 and s.start.tzinfo is UTC for s in slots)
    assert slots[0].in_zone(MADRID) == datetime(2026, 3, 2, 15, 0, tzinfo=MADRID)
    assert slots[0].for_contact(contact()).hour == 9 and slots[0].for_contact(contact(zone=None)) is None
    # The minimum lead: at 08:59:30 the 09:00 slot is too close.
    assert suggest_slots(contact(), None, None, now=ny(2, 8, 59) + timedelta(seconds=30), count=1)[0].start == ny(2, 9, 15)


def test_suggestions_put_collisions_last_and_name_them():
    load = AgentLoad([personal(1, ny(2, 9, 5)), personal(2, ny(2, 9, 40)), personal(3, ny(2, 9, 44))])
    record = contact(window=(9 * H, 10 * H))
    # Every slot of today's 09:00-10:00 collides, so the six best are all tomorrow's and after.
    slots = suggest_slots(record, None, load, now=ny(2, 8), count=6)
    assert [s.start for s in slots[:4]] == [ny(3, 9, 0), ny(3, 9, 15), ny(3, 9, 30), ny(3, 9, 45)]
    assert all(s.is_free for s in slots)
    # Only today in reach: fewest collisions first, then the least loaded slot.
    crowded = suggest_slots(record, None, load, now=ny(2, 8), count=4, horizon=timedelta(hours=3))
    assert [(s.start.astimezone(NY).strftime("%H:%M"), len(s.conflicts), s.load) for s in crowded] == [
        ("09:15", 1, 0),  # 09:05 is ten minutes before it; nothing inside its own slot
        ("09:00", 1, 1),  # 09:05 is inside its slot
        ("09:45", 2, 0),  # 09:40 and 09:44
        ("09:30", 2, 2),
    ]
    assert crowded[0].conflicts == (RecordKey(134, 1),) and crowded[3].conflicts == (RecordKey(134, 2), RecordKey(134, 3))


def test_the_record_being_moved_does_not_collide_with_itself():
    moved = personal(9, ny(2, 9, 0))
    load = AgentLoad([moved])
    slots = suggest_slots(moved, None, load, now=ny(2, 8), count=1)
    assert slots[0].start == ny(2, 9, 0) and slots[0].is_free


def test_a_campaign_callback_ignores_the_agents_load():
    load = AgentLoad([personal(1, ny(2, 9, 0))])
    slots = suggest_slots(contact(), None, load, now=ny(2, 8), count=1, callback_type=CallbackType.CAMPAIGN)
    assert slots == [SlotSuggestion(ny(2, 9, 0).astimezone(UTC))]


def test_near_ranks_by_distance_and_after_starts_later():
    slots = suggest_slots(contact(), None, None, now=ny(2, 8), count=3, near=ny(4, 12, 5))
    assert [s.start for s in slots] == [ny(4, 12, 0), ny(4, 12, 15), ny(4, 11, 45)]
    later = suggest_slots(contact(), None, None, now=ny(2, 8), count=1, after=ny(5, 0))
    assert later[0].start == ny(5, 9, 0)


def test_suggestions_respect_the_policy_and_the_step():
    policy = CallingPolicy(calling_days=WEEKDAYS, zone_holidays={"America/New_York": frozenset({date(2026, 3, 9)})})
    slots = suggest_slots(contact(window=(9 * H, 10 * H)), policy, None, now=ny(6, 12), count=3,
                          step=timedelta(minutes=30))
    assert [s.start for s in slots] == [ny(10, 9, 0), ny(10, 9, 30), ny(11, 9, 0)]  # not Sat, Sun, the holiday


def test_a_window_too_short_for_a_slot_start_still_offers_its_first_minute():
    slots = suggest_slots(contact(window=(9 * H + 5 * 60, 9 * H + 10 * 60)), None, None, now=ny(2, 8), count=1)
    assert slots[0].start == ny(2, 9, 5)


def test_no_callable_time_in_the_horizon_means_no_suggestion():
    policy = CallingPolicy(calling_days=frozenset())
    assert suggest_slots(contact(), policy, None, now=NOW) == []


# -- properties ----------------------------------------------------------------------------------
windows = st.tuples(st.integers(0, 96), st.integers(0, 96)).map(lambda q: CallingWindow(q[0] * 900, q[1] * 900))
zones = st.sampled_from(["America/New_York", "Europe/Madrid", "Asia/Kolkata", "Australia/Sydney", "UTC"])
days = st.frozensets(st.integers(0, 6), min_size=1)


@settings(max_examples=60, deadline=None)
@given(window=windows, hours=st.none() | windows, zone=zones, calling_days=days,
       offset_min=st.integers(0, 10 * 24 * 60), seconds=st.integers(0, 59))
def test_a_moment_is_in_the_intervals_exactly_when_no_rule_refuses_it(window, hours, zone, calling_days,
                                                                      offset_min, seconds):
    policy = CallingPolicy(campaign_hours={"*": hours} if hours else {}, calling_days=calling_days)
    record = contact(window=(window.start_s, window.end_s), zone=zone)
    start = datetime(2026, 3, 1, tzinfo=UTC)
    intervals = callable_intervals(record, policy, start, start + timedelta(days=11))
    moment = start + timedelta(minutes=offset_min, seconds=seconds)
    inside = any(lo <= moment < hi for lo, hi in intervals)
    refused = why_not_callable(record, policy, moment)
    local = moment.astimezone(ZoneInfo(zone))
    at_an_end = local.hour * H + local.minute * 60 + local.second in {window.end_s, hours.end_s if hours else -1}
    # The rules accept a window's end second itself; the intervals are half-open.
    assert inside == (refused is None) or (refused is None and at_an_end), (intervals, moment, refused)


@settings(max_examples=40, deadline=None)
@given(window=windows, zone=zones, calling_days=days, busy=st.lists(st.integers(0, 3 * 24 * 4), max_size=30))
def test_every_suggestion_is_callable_and_free_ones_really_are_free(window, zone, calling_days, busy):
    policy = CallingPolicy(calling_days=calling_days)
    load = AgentLoad([personal(100 + i, NOW + timedelta(minutes=7 * slot)) for i, slot in enumerate(busy)])
    record = contact(window=(window.start_s, window.end_s), zone=zone)
    slots = suggest_slots(record, policy, load, now=NOW, count=6, horizon=timedelta(days=3))
    for slot in slots:
        assert slot.start >= NOW + MIN_LEAD and why_not_callable(record, policy, slot.start) is None
        assert slot.conflicts == tuple(r.key for r in load.conflicts(slot.start))
    ranks = [(not s.is_free, len(s.conflicts), s.load) for s in slots]
    assert ranks == sorted(ranks)


# -- at risk -----------------------------------------------------------------------------------
def test_callbacks_at_risk_are_personal_ones_due_soon_while_the_agent_is_away():
    now = ny(2, 12)
    records = [personal(1, now + timedelta(hours=2)), personal(2, now - timedelta(minutes=3)),
               personal(3, now - timedelta(minutes=30)), personal(4, now + timedelta(hours=9)),
               contact(5, callback_type=CallbackType.CAMPAIGN, scheduled_at=now + timedelta(hours=1)),
               personal(6, now + timedelta(minutes=10))]
    for away in ("NotReady", "LoggedOut", "Not Ready", "loggedout"):
        assert [r.key.record_handle for r in callbacks_at_risk(records, agent_state=away, now=now)] == [2, 6, 1]
    for present in ("Ready", "", "Busy?"):
        assert callbacks_at_risk(records, agent_state=present, now=now) == []
    assert [r.key.record_handle for r in callbacks_at_risk(records, agent_state="NotReady", now=now,
                                                           horizon=timedelta(hours=10))] == [2, 6, 1, 4]


def test_at_risk_can_look_only_at_the_slots_in_question():
    now = ny(2, 12)
    load = AgentLoad([personal(1, now + timedelta(hours=2)), personal(4, now + timedelta(days=3))])
    window = load.due_between(now - timedelta(minutes=5), now + timedelta(hours=8))
    assert [r.key.record_handle for r in callbacks_at_risk(window, agent_state="LoggedOut", now=now)] == [1]
