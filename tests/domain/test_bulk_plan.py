"""Bulk moves: many records into a day or a time range, each inside its own contact's hours,
spread so the agent's personal callbacks do not collide."""

import random
from datetime import date, datetime, timedelta, timezone
from itertools import combinations
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desktop.domain.planner import AgentLoad, BulkPlan, callable_intervals, plan_bulk, why_not_callable
from agent_desktop.domain.policy import CallingPolicy
from agent_desktop.domain.records import CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey
from agent_desktop.domain.rules import MIN_LEAD

UTC = timezone.utc
MADRID = ZoneInfo("Europe/Madrid")
NY = ZoneInfo("America/New_York")
H = 3600
SLOT = timedelta(minutes=15)
NOW = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)  # Monday; New York already on summer time, Madrid not yet
WEEKDAYS = CallingPolicy(calling_days=frozenset(range(5)))
ZONES = ["America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Madrid", "Asia/Tokyo"]


def record(handle, *, zone="America/New_York", window=(9 * H, 20 * H), kind=CallbackType.PERSONAL, at=None):
    return OutboundRecord(
        key=RecordKey(7, handle), campaign_name="Renewals", contact_name=f"Contact {handle}",
        contact_zone=ContactZone(ZoneInfo(zone), zone) if zone else None,
        calling_window=CallingWindow(*window) if window else None, callback_type=kind,
        scheduled_at=at or NOW + timedelta(days=1, minutes=handle))


def madrid(day, hour=0, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=MADRID)


def ny(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=NY)


def hhmm(moment, zone=NY):
    return f"{moment.astimezone(zone):%H:%M}"


def assert_sound(plan: BulkPlan, records, policy, load, *, start, end, kind=None):
    """What every plan must be: each record placed or explained, inside its own callable time
    and the range; personal callbacks closer than a slot only where the plan says it stacked."""
    by_key = {r.key: r for r in records}
    assert set(plan.assignments) | set(plan.unplaceable) == set(by_key)
    assert not set(plan.assignments) & set(plan.unplaceable)
    first = max(start, NOW + MIN_LEAD)
    for key, moment in plan.assignments.items():
        assert first <= moment < end and moment.tzinfo is UTC
        assert why_not_callable(by_key[key], policy, moment) is None, (key, moment)
    personal = {k: m for k, m in plan.assignments.items()
                if (kind or by_key[k].callback_type or CallbackType.PERSONAL) is CallbackType.PERSONAL}
    for (a, at), (b, bt) in combinations(personal.items(), 2):
        if abs(at - bt) < load.slot_length:
            assert a in plan.stacked or b in plan.stacked, (a, at, b, bt)
    for key, moment in personal.items():
        if load.conflicts(moment, exclude=set(by_key)):
            assert key in plan.stacked
    for key in plan.unplaceable:
        assert callable_intervals(by_key[key], policy, first, end) == []


# -- the rules of placement -------------------------------------------------------------------------
def test_two_hundred_records_across_five_zones_fit_without_a_collision():
    rng = random.Random(2026)
    moving = [record(i, zone=ZONES[i % 5], window=(rng.choice([8, 9, 10]) * H, rng.choice([18, 20, 21]) * H))
              for i in range(200)]
    staying = [record(1000 + i, at=madrid(10) + timedelta(minutes=rng.randrange(0, 3 * 24 * 60)))
               for i in range(40)]
    load = AgentLoad(moving + staying)
    start, end = madrid(10), madrid(13)  # Tuesday to Thursday, in the agent's zone
    plan = plan_bulk(moving, WEEKDAYS, load, start=start, end=end, now=NOW)
    assert len(plan.assignments) == 200 and plan.unplaceable == {} and plan.stacked == {}
    assert_sound(plan, moving, WEEKDAYS, load, start=start, end=end)
    assert list(plan.assignments) == [r.key for r in moving]  # in the order given
    # Deterministic: the same plan again, and the same plan whatever the order of the selection.
    assert plan_bulk(moving, WEEKDAYS, load, start=start, end=end, now=NOW) == plan
    shuffled = moving[:]
    rng.shuffle(shuffled)
    assert plan_bulk(shuffled, WEEKDAYS, load, start=start, end=end, now=NOW).assignments == plan.assignments


def test_records_take_the_earliest_free_slots_of_their_own_window():
    records = [record(1), record(2), record(3, zone="Europe/London", window=(14 * H, 15 * H))]
    plan = plan_bulk(records, None, AgentLoad(), start=madrid(10), end=madrid(11), now=NOW)
    # The agent's Tuesday starts at 19:00 on Monday in New York, still inside 09:00-20:00 there;
    # London's 14:00-15:00 is 15:00-16:00 in Madrid.
    assert [f"{plan.assignments[r.key].astimezone(NY):%a %H:%M}" for r in records[:2]] == ["Mon 19:00", "Mon 19:15"]
    assert hhmm(plan.assignments[records[2].key], MADRID) == "15:00"


def test_the_most_constrained_record_is_placed_first():
    wide = [record(i, window=(9 * H, 17 * H)) for i in range(1, 5)]
    narrow = record(9, window=(9 * H, 9 * H + 15 * 60))  # one slot only
    plan = plan_bulk(wide + [narrow], None, AgentLoad(), start=ny(10, 0), end=ny(11, 0), now=NOW)
    assert hhmm(plan.assignments[narrow.key]) == "09:00"
    assert sorted(hhmm(plan.assignments[r.key]) for r in wide) == ["09:15", "09:30", "09:45", "10:00"]


def test_the_agents_other_callbacks_are_avoided_but_the_moved_ones_old_times_are_not():
    staying = record(50, at=ny(10, 9, 0))
    moved = record(1, at=ny(10, 9, 30))
    load = AgentLoad([staying, moved])
    mover = record(2, at=ny(12, 15, 0))
    plan = plan_bulk([moved, mover], None, load, start=ny(10, 0), end=ny(11, 0), now=NOW)
    # 09:00 collides with the staying callback; 09:15 is a whole slot after it. The moved
    # record's own 09:30 is free for the taking.
    assert [hhmm(plan.assignments[r.key]) for r in (moved, mover)] == ["09:15", "09:30"]
    assert plan.stacked == {}


def test_campaign_callbacks_ignore_the_agents_load_but_are_spread_among_themselves():
    load = AgentLoad([record(50, at=ny(10, 9, 0))])
    campaign = [record(1, kind=CallbackType.CAMPAIGN), record(2, kind=CallbackType.CAMPAIGN)]
    plan = plan_bulk(campaign, None, load, start=ny(10, 0), end=ny(11, 0), now=NOW)
    assert [hhmm(plan.assignments[r.key]) for r in campaign] == ["09:00", "09:15"]
    as_personal = plan_bulk(campaign, None, load, start=ny(10, 0), end=ny(11, 0), now=NOW,
                            callback_type=CallbackType.PERSONAL)
    assert [hhmm(as_personal.assignments[r.key]) for r in campaign] == ["09:15", "09:30"]


def test_a_range_too_full_stacks_on_the_least_loaded_slots_and_says_so():
    records = [record(i, window=(9 * H, 10 * H)) for i in range(1, 11)]  # ten records, four slots
    plan = plan_bulk(records, None, AgentLoad(), start=ny(10, 0), end=ny(11, 0), now=NOW)
    per_slot = {}
    for moment in plan.assignments.values():
        per_slot[hhmm(moment)] = per_slot.get(hhmm(moment), 0) + 1
    assert per_slot == {"09:00": 3, "09:15": 3, "09:30": 2, "09:45": 2}
    assert len(plan.stacked) == 6 and len(plan.assignments) == 10
    third_at_nine = [key for key, others in plan.stacked.items() if len(others) == 2]
    assert len(third_at_nine) == 2  # the third record of 09:00 and of 09:15 share with two others
    assert_sound(plan, records, None, AgentLoad(), start=ny(10, 0), end=ny(11, 0))


def test_a_longer_slot_spreads_further():
    records = [record(i) for i in range(1, 4)]
    plan = plan_bulk(records, None, AgentLoad(), start=ny(10, 0), end=ny(11, 0), now=NOW,
                     slot_length=timedelta(minutes=30))
    assert sorted(hhmm(m) for m in plan.assignments.values()) == ["09:00", "09:30", "10:00"]


def test_records_with_no_callable_time_in_the_range_say_why():
    policy = CallingPolicy(calling_days=frozenset(range(5)), zone_holidays={"America/Los_Angeles": frozenset({date(2026, 3, 11)})})
    saturday = plan_bulk([record(1)], policy, AgentLoad(), start=madrid(14, 10), end=madrid(14, 20), now=NOW)
    assert saturday.unplaceable == {RecordKey(7, 1): "Saturday 2026-03-14 is not a calling day for the contact (America/New_York)."}
    holiday = plan_bulk([record(2, zone="America/Los_Angeles")], policy, AgentLoad(),
                        start=datetime(2026, 3, 11, tzinfo=ZoneInfo("America/Los_Angeles")),
                        end=datetime(2026, 3, 12, tzinfo=ZoneInfo("America/Los_Angeles")), now=NOW)
    assert holiday.unplaceable[RecordKey(7, 2)] == "2026-03-11 is a holiday for the contact (America/Los_Angeles)."
    # Madrid's morning is New York's night.
    night = plan_bulk([record(3), record(4, zone="Europe/Madrid")], policy, AgentLoad(),
                      start=madrid(10, 8), end=madrid(10, 12), now=NOW)
    assert night.unplaceable == {RecordKey(7, 3): "03:00 is outside the contact's calling hours (09:00–20:00 America/New_York)."}
    assert hhmm(night.assignments[RecordKey(7, 4)], MADRID) == "09:00"
    over = plan_bulk([record(5)], policy, AgentLoad(), start=NOW - timedelta(hours=3), end=NOW, now=NOW)
    assert over.unplaceable[RecordKey(7, 5)].template.startswith("The chosen range is over")


def test_a_record_without_a_zone_is_placed_and_flagged():
    plan = plan_bulk([record(1, zone=None), record(2)], None, AgentLoad(), start=madrid(10), end=madrid(11), now=NOW)
    assert plan.zone_unknown == frozenset({RecordKey(7, 1)})
    # No rules to keep, so it is the least constrained: New York takes the first slot, it the next.
    assert plan.assignments[RecordKey(7, 2)] == madrid(10) and plan.assignments[RecordKey(7, 1)] == madrid(10, 0, 15)


def test_a_record_selected_twice_is_planned_once():
    plan = plan_bulk([record(1), record(1), record(2)], None, AgentLoad(), start=ny(10, 0), end=ny(11, 0), now=NOW)
    assert list(plan.assignments) == [RecordKey(7, 1), RecordKey(7, 2)] and plan.stacked == {}


def test_two_thousand_records_are_planned_soundly():
    rng = random.Random(11)
    moving = [record(i, zone=ZONES[i % 5], window=(8 * H, 21 * H)) for i in range(2000)]
    load = AgentLoad(moving + [record(5000 + i, at=madrid(10) + timedelta(minutes=rng.randrange(0, 2880)))
                               for i in range(100)])
    plan = plan_bulk(moving, WEEKDAYS, load, start=madrid(10), end=madrid(12), now=NOW)
    assert len(plan.assignments) == 2000 and plan.stacked  # two days cannot hold 2,000 without stacking
    by_key = {r.key: r for r in moving}
    assert all(why_not_callable(by_key[k], WEEKDAYS, m) is None for k, m in plan.assignments.items())
    assert all(madrid(10) <= m < madrid(12) for m in plan.assignments.values())


# -- properties ----------------------------------------------------------------------------------------
quarter_hours = st.integers(0, 96).map(lambda q: q * 900)
records_strategy = st.lists(
    st.tuples(st.sampled_from(ZONES + [None]), quarter_hours, quarter_hours, st.booleans()), min_size=1, max_size=25)


@settings(max_examples=40, deadline=None)
@given(specs=records_strategy, busy=st.lists(st.integers(0, 4 * 24 * 4), max_size=20),
       start_h=st.integers(0, 72), length_h=st.integers(1, 48), days=st.frozensets(st.integers(0, 6), min_size=1))
def test_every_plan_is_sound(specs, busy, start_h, length_h, days):
    records = [record(i, zone=zone, window=(a, b), kind=CallbackType.PERSONAL if mine else CallbackType.CAMPAIGN)
               for i, (zone, a, b, mine) in enumerate(specs)]
    load = AgentLoad(records + [record(900 + i, at=madrid(9) + timedelta(minutes=11 * q)) for i, q in enumerate(busy)])
    policy = CallingPolicy(calling_days=days)
    start = madrid(9) + timedelta(hours=start_h)
    end = start + timedelta(hours=length_h)
    plan = plan_bulk(records, policy, load, start=start, end=end, now=NOW)
    assert_sound(plan, records, policy, load, start=start, end=end)
