"""Seeded demo data: determinism, realistic and fictional contents, time-zone facts."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

from agent_desktop.simulator import Simulator, SimulatorConfig
from agent_desktop.simulator.demo_data import generate_world
from agent_desktop.simulator.timeutil import in_daily_window

NOW = 1_790_000_000.0  # a fixed start time: 2026-09-21T12:53:20Z


def identity(world):
    """What must not depend on the start time."""
    return ([(a.username, a.user_id, a.device_id, a.phone_number, a.first_name)
             for a in world.agents.values()],
            [(r.handle, r.agent, r.campaign.name, r.phone, r.contact_name, r.time_zone,
              r.daily_from, r.daily_until, r.callback_type, r.account_number)
             for r in world.records.values()])


def test_same_seed_same_world():
    first = generate_world(3, 4, 30, NOW)
    second = generate_world(3, 4, 30, NOW)
    assert identity(first) == identity(second)
    assert [r.scheduled for r in first.records.values()] == \
        [r.scheduled for r in second.records.values()]


def test_same_seed_other_start_time_same_identities():
    assert identity(generate_world(3, 4, 30, NOW)) == \
        identity(generate_world(3, 4, 30, NOW + 12_345))


def test_other_seed_other_world():
    assert identity(generate_world(3, 4, 30, NOW)) != identity(generate_world(4, 4, 30, NOW))


def test_two_simulators_with_one_seed_have_the_same_users_and_devices():
    config = SimulatorConfig(agents=3, records_per_agent=5, seed=11)
    one, two = Simulator(config), Simulator(config)
    assert one.usernames == two.usernames == ["agent1", "agent2", "agent3"]
    assert [a.device_id for a in one.core.world.agents.values()] == \
        [a.device_id for a in two.core.world.agents.values()]
    # No password given: a random one per run.
    assert one.password != two.password and len(one.password) >= 16


def test_agents_and_devices():
    world = generate_world(1, 5, 2, NOW)
    assert list(world.agents) == [f"agent{i}" for i in range(1, 6)]
    assert [a.phone_number for a in world.agents.values()] == ["5001", "5002", "5003", "5004", "5005"]
    device_ids = [a.device_id for a in world.agents.values()]
    assert len(set(device_ids)) == 5
    assert all(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", d)
               for d in device_ids)
    assert all(re.fullmatch(r"[0-9a-f]{32}", a.user_id) for a in world.agents.values())


FICTIONAL = [
    r"\+1\d{3}5550(1\d\d)",             # NANP 555-0100..0199
    r"\+4420794600\d\d|\+442079460\d{3}", r"\+441614960\d{3}", r"\+447700900\d{3}",  # Ofcom
    r"\+3319900\d{4}", r"\+3363998\d{4}",                                            # ARCEP
    r"\+468465004\d\d", r"\+467017406\d\d",                                          # PTS
    r"\+61[2378](5550|7010)\d{4}",                                                   # ACMA
]


def test_records_are_realistic_and_fictional():
    world = generate_world(1, 5, 40, NOW)
    records = list(world.records.values())
    assert len(records) == 200
    assert len({r.handle for r in records}) == 200
    assert all(isinstance(r.handle, int) and r.handle > 0 for r in records)
    for record in records:
        assert any(re.fullmatch(p, record.phone) for p in FICTIONAL), record.phone
        assert re.fullmatch(r"\+\d{8,15}", record.phone)
        assert re.fullmatch(r"AC-\d{4}-\d{4}", record.account_number)
        ZoneInfo(record.time_zone)
        assert 6 * 3600 <= record.daily_from < record.daily_until <= 22 * 3600
        assert record.campaign.application_id == 134
        assert record.record_type == {"Personal": 5, "Campaign": 6}[record.callback_type]
        assert " " in record.contact_name
    regions = {r.time_zone.split("/")[0] for r in records}
    assert {"America", "Europe", "Australia"} <= regions
    assert len({r.campaign.name for r in records}) == 4
    assert len({r.campaign.calling_list for r in records}) == 4
    types = Counter(r.callback_type for r in records)
    assert types["Personal"] > 40 and types["Campaign"] > 40
    assert len({r.contact_name.split()[-1] for r in records}) > 30  # many families, many cultures


def test_scheduled_times_relative_to_start_rounded_and_mostly_in_window():
    world = generate_world(1, 5, 40, NOW)
    base = int(NOW) // 300 * 300
    records = list(world.records.values())
    for record in records:
        assert record.scheduled % 300 == 0
        assert base - 2 * 3600 <= record.scheduled <= base + 8 * 86400
    overdue = [r for r in records if r.scheduled < NOW]
    assert 0 < len(overdue) < len(records) / 3
    inside = [r for r in records
              if in_daily_window(r.scheduled, ZoneInfo(r.time_zone), r.daily_from, r.daily_until)]
    assert len(inside) > 0.75 * len(records)


def test_a_large_world_is_complete():
    # How fast it is generated is the benchmarks' business (no timed assertions in tests).
    world = generate_world(1, 50, 100, NOW)
    assert len(world.records) == 5000 and len({r.handle for r in world.records.values()}) == 5000


@pytest.mark.parametrize("agents,records", [(1, 0), (2, 1)])
def test_small_worlds(agents, records):
    world = generate_world(1, agents, records, NOW)
    assert len(world.agents) == agents and len(world.records) == agents * records


# -- the fast generator against a plain reference -----------------------------------------------

def reference_world(seed, agents, records_per_agent, now):
    """The generator written plainly (rng.choice/randint field by field, zoneinfo for every
    record): ``generate_world`` must give exactly this world, draw for draw."""
    import random
    import uuid

    from agent_desktop.simulator import demo_data as dd
    from agent_desktop.simulator.state import Agent, Record, World
    from agent_desktop.simulator.timeutil import epoch_at_local, local_date

    def scheduled_time(rng, base, zone, daily_from, daily_until):
        overdue = rng.random() < 0.15
        minutes_ahead = rng.randint(10, 7 * 24 * 60)
        minutes_overdue = rng.randint(5, 120)
        fit = rng.random()
        when = base + ((-minutes_overdue if overdue else minutes_ahead) // 5) * 300
        if overdue or fit >= 0.85 or in_daily_window(when, zone, daily_from, daily_until):
            return when
        local_s = daily_from + int(fit / 0.85 * (daily_until - daily_from)) // 300 * 300
        fitted = epoch_at_local(local_date(when, zone), local_s, zone)
        if fitted <= base:
            fitted = epoch_at_local(local_date(when + 86_400, zone), local_s, zone)
        return fitted

    rng = random.Random(seed)
    base = int(now) // 300 * 300
    center = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    agent_map = {}
    for i in range(1, agents + 1):
        first, last = dd.AGENT_NAMES[(i - 1) % len(dd.AGENT_NAMES)]
        agent_map[f"agent{i}"] = Agent(
            username=f"agent{i}", user_id=uuid.UUID(int=rng.getrandbits(128)).hex,
            first_name=first, last_name=last,
            device_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            phone_number=str(5000 + i), contact_center_id=center)
    records = {}
    handle = rng.randint(1, 50)
    guid_prefix = "".join(rng.choice(dd._GUID_ALPHABET) for _ in range(20))
    for username in agent_map:
        for _ in range(records_per_agent):
            handle += rng.randint(1, 9)
            location = rng.choice(dd.LOCATIONS)
            culture = location.culture if rng.random() < 0.4 else rng.choice(list(dd.CULTURES))
            given, family = dd.CULTURES[culture]
            name = f"{rng.choice(given)} {rng.choice(family)}"
            zone = ZoneInfo(location.zone)
            daily_from = rng.choice(dd.WINDOW_STARTS)
            daily_until = rng.choice(dd.WINDOW_ENDS)
            personal = rng.random() < 0.6
            records[handle] = Record(
                handle=handle, agent=username, campaign=rng.choice(dd.CAMPAIGNS),
                phone=location.phone(rng), time_zone=location.zone, daily_from=daily_from,
                daily_until=daily_until, callback_type="Personal" if personal else "Campaign",
                scheduled=scheduled_time(rng, base, zone, daily_from, daily_until),
                contact_name=name,
                account_number=f"AC-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                attempts=rng.randint(1, 4), call_result=rng.choice([33, 33, 33, 7, 9, 28]),
                attempt_guid=f"{guid_prefix}{handle:012d}", chain=handle)
    return World(campaigns=list(dd.CAMPAIGNS), agents=agent_map, records=records, started_at=now)


def _utc(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.timezone.utc).timestamp()


@pytest.mark.parametrize("seed", [1, 7])
@pytest.mark.parametrize("now", [
    NOW, NOW + 3 * 86_400 + 1234,
    # around daylight-saving switches: US spring/fall, EU spring/fall, Australia spring/fall
    _utc("2026-03-07T18:00"), _utc("2026-03-28T23:40"), _utc("2026-04-04T15:55"),
    _utc("2026-10-03T16:05"), _utc("2026-10-24T23:10"), _utc("2026-10-31T20:00"),
])
def test_the_fast_generator_draws_exactly_as_the_plain_one(seed, now):
    assert generate_world(seed, 3, 250, now) == reference_world(seed, 3, 250, now)


def test_by_agent_lists_each_agents_records_in_handle_order():
    world = generate_world(2, 4, 30, NOW)
    for username, own in world.by_agent.items():
        assert own == sorted((r for r in world.records.values() if r.agent == username),
                             key=lambda r: r.handle)
        assert list(world.records_of(username)) == own
    assert sum(map(len, world.by_agent.values())) == len(world.records)
