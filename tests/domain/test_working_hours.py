"""Personal callbacks only in the agent's working hours (their own clock): suggestions and bulk
plans, across the agent's daylight-saving change; campaign callbacks are not bound by them."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.domain.planner import AgentLoad, WorkingHours, plan_bulk, suggest_slots
from agent_desktop.domain.policy import NO_POLICY
from agent_desktop.domain.records import CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey
from agent_desktop.domain.working_hours import intersect

UTC = timezone.utc
MADRID = ZoneInfo("Europe/Madrid")
H = 3600
NINE_TO_SIX = WorkingHours(CallingWindow(9 * H, 18 * H), MADRID)


def at(day, hour, minute=0, zone=UTC):
    return datetime(2026, 3, day, hour, minute, tzinfo=zone)


def record(handle, zone, window=(8 * H, 21 * H), kind=CallbackType.PERSONAL):
    return OutboundRecord(key=RecordKey(1, handle), campaign_name="Win-back", contact_name=f"C{handle}",
                          contact_zone=ContactZone(ZoneInfo(zone), zone), calling_window=CallingWindow(*window),
                          callback_type=kind, scheduled_at=at(20, 12))


def inside_working_hours(moment):
    local = moment.astimezone(MADRID)
    return 9 <= local.hour < 18


def test_intersect_keeps_only_the_common_parts():
    a = [(at(1, 8), at(1, 12)), (at(1, 14), at(1, 20))]
    b = [(at(1, 10), at(1, 15)), (at(1, 19), at(1, 23))]
    assert intersect(a, b) == [(at(1, 10), at(1, 12)), (at(1, 14), at(1, 15)), (at(1, 19), at(1, 20))]
    assert intersect(a, []) == []


def test_working_hours_follow_the_agents_clock_across_its_spring_change():
    # Madrid moves to summer time on Sunday 29 March 2026: 09:00 is 08:00 UTC before, 07:00 UTC after.
    days = NINE_TO_SIX.intervals(at(28, 0), at(31, 0))
    assert days == [(at(28, 8), at(28, 17)), (at(29, 7), at(29, 16)), (at(30, 7), at(30, 16))]


def test_personal_suggestions_fall_in_both_the_contacts_hours_and_the_agents():
    sydney = record(1, "Australia/Sydney")  # 08:00-21:00 Sydney overlaps Madrid 09:00-18:00 only a little
    now = at(20, 10)
    suggestions = suggest_slots(sydney, NO_POLICY, AgentLoad(), now=now, count=8, working_hours=NINE_TO_SIX)
    assert len(suggestions) == 8
    for suggestion in suggestions:
        assert inside_working_hours(suggestion.start)
        local = suggestion.start.astimezone(ZoneInfo("Australia/Sydney"))
        assert 8 <= local.hour < 21
    campaign = suggest_slots(sydney, NO_POLICY, AgentLoad(), now=now, count=8, working_hours=NINE_TO_SIX,
                             callback_type=CallbackType.CAMPAIGN)
    assert not all(inside_working_hours(s.start) for s in campaign)  # any agent may make those


@given(st.lists(st.sampled_from(["America/New_York", "Europe/London", "Asia/Tokyo", "Europe/Madrid"]),
                min_size=1, max_size=30))
def test_a_bulk_day_of_personal_callbacks_stays_in_working_hours(zones):
    records = [record(i, zone) for i, zone in enumerate(zones)]
    plan = plan_bulk(records, NO_POLICY, AgentLoad(), start=at(23, 0, zone=MADRID), end=at(24, 0, zone=MADRID),
                     now=at(20, 10), working_hours=NINE_TO_SIX)
    assert all(inside_working_hours(moment) for moment in plan.assignments.values())
    assert set(plan.assignments) | set(plan.unplaceable) == {r.key for r in records}


def test_a_contact_never_reachable_in_working_hours_is_not_placed_and_says_why():
    honolulu = record(1, "Pacific/Honolulu", window=(9 * H, 17 * H))  # 20:00-04:00 in Madrid
    plan = plan_bulk([honolulu], NO_POLICY, AgentLoad(), start=at(23, 0, zone=MADRID), end=at(24, 0, zone=MADRID),
                     now=at(20, 10), working_hours=NINE_TO_SIX)
    assert not plan.assignments
    assert "outside your working hours" in plan.unplaceable[honolulu.key]
    as_campaign = plan_bulk([honolulu], NO_POLICY, AgentLoad(), start=at(23, 0, zone=MADRID),
                            end=at(24, 0, zone=MADRID), now=at(20, 10), working_hours=NINE_TO_SIX,
                            callback_type=CallbackType.CAMPAIGN)
    assert honolulu.key in as_campaign.assignments
    placed = as_campaign.assignments[honolulu.key]
    assert 9 <= placed.astimezone(ZoneInfo("Pacific/Honolulu")).hour < 17 and not inside_working_hours(placed)


def test_spaced_suggestions_are_an_hour_apart_and_still_the_earliest_free():
    contact = record(1, "Europe/London")
    now = at(20, 9)
    plain = suggest_slots(contact, NO_POLICY, AgentLoad(), now=now, count=4)
    spaced = suggest_slots(contact, NO_POLICY, AgentLoad(), now=now, count=4, spacing=timedelta(hours=1))
    assert spaced[0].start == plain[0].start  # the best one is the same
    gaps = [b.start - a.start for a, b in zip(spaced, spaced[1:])]
    assert gaps and all(gap >= timedelta(hours=1) for gap in gaps)
    assert [b.start - a.start for a, b in zip(plain, plain[1:])] == [timedelta(minutes=15)] * 3
