"""Seeded demo data: agents, devices, campaigns and scheduled callback records.

Everything comes from one ``random.Random(seed)`` with a fixed number of draws per item, so the
same seed gives the same users, device ids, handles, names and phone numbers whatever the start
time. Scheduled times are relative to the start time (rounded down to 5 minutes) and then fitted
into the contact's calling window, so they depend on the start time as well.

Phone numbers come from ranges reserved for fiction by the national regulators (US/Canada
555-0100..0199, Ofcom drama numbers, ARCEP, PTS, ACMA), so no real person is ever called.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass
from typing import Callable

from .state import Agent, Campaign, Record, World
from .timeutil import epoch_at_local, zone_info

APPLICATION_ID = 134  # the OCS application of the samples; one for all campaigns

CAMPAIGNS = [
    Campaign("Spring Renewals", "SpringRenewals_List", "Spring Renewals@Retention Team", 42896, 104,
             APPLICATION_ID),
    Campaign("Card Activation", "CardActivation_List", "Card Activation@Onboarding Team", 42897, 105,
             APPLICATION_ID),
    Campaign("Win-back", "WinBack_List", "Win-back@Retention Team", 42898, 106, APPLICATION_ID),
    Campaign("Satisfaction Survey", "Survey_List", "Satisfaction Survey@Quality Team", 42899, 107,
             APPLICATION_ID),
]

# Given names and family names by culture; contacts mix them (people live everywhere).
CULTURES: dict[str, tuple[list[str], list[str]]] = {
    "hispanic": (["Ana", "Carlos", "Lucía", "Mateo", "Sofía", "Javier", "Valentina", "Diego"],
                 ["López", "García", "Martínez", "Hernández", "Ramírez", "Torres", "Flores"]),
    "anglo": (["Emily", "James", "Olivia", "Michael", "Hannah", "Robert", "Grace", "Daniel"],
              ["Smith", "Johnson", "Walker", "Taylor", "Brown", "Wilson", "Clarke"]),
    "irish": (["Siobhán", "Ciarán", "Aoife", "Declan", "Niamh", "Seán"],
              ["O'Brien", "Murphy", "Kelly", "Byrne", "Gallagher", "Doyle"]),
    "french": (["Camille", "Julien", "Chloé", "Antoine", "Léa", "Mathieu"],
               ["Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Fontaine"]),
    "chinese": (["Wei", "Mei", "Jun", "Xiu Ying", "Hao", "Lan"],
                ["Wang", "Li", "Zhang", "Chen", "Liu", "Huang"]),
    "vietnamese": (["Minh", "Linh", "Tuấn", "Thảo", "Huy", "Ngọc"],
                   ["Nguyễn", "Trần", "Lê", "Phạm", "Võ", "Đặng"]),
    "indian": (["Priya", "Arjun", "Ananya", "Rahul", "Kavya", "Vikram"],
               ["Sharma", "Patel", "Iyer", "Reddy", "Singh", "Nair"]),
    "arabic": (["Omar", "Layla", "Yusuf", "Amira", "Karim", "Nour"],
               ["Haddad", "Khalil", "Mansour", "Saleh", "Nasser", "Aziz"]),
    "nigerian": (["Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Folake"],
                 ["Okafor", "Adeyemi", "Nwosu", "Balogun", "Eze", "Okonkwo"]),
    "polish": (["Katarzyna", "Piotr", "Agnieszka", "Tomasz", "Magdalena", "Paweł"],
               ["Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski"]),
    "japanese": (["Yuki", "Haruto", "Sakura", "Ren", "Aoi", "Takumi"],
                 ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito"]),
    "swedish": (["Astrid", "Erik", "Ingrid", "Lars", "Freja", "Nils"],
                ["Andersson", "Johansson", "Lindqvist", "Berg", "Nilsson", "Holm"]),
    "greek": (["Eleni", "Nikos", "Sofia", "Giorgos", "Katerina", "Dimitris"],
              ["Papadopoulos", "Georgiou", "Dimitriou", "Nikolaou", "Konstantinou"]),
}


def _nanp(area: str) -> tuple[str, int, int, int]:
    # NANP numbers 555-0100..555-0199 are reserved for fictional use.
    return (f"+1{area}5550", 3, 100, 199)


def _fixed(prefix: str, digits: int, low: int, high: int) -> tuple[str, int, int, int]:
    return (prefix, digits, low, high)


@dataclass(frozen=True)
class Location:
    zone: str
    culture: str                                 # the locally most common culture
    # The number is prefix + one draw from low..high, zero-padded to ``digits``.
    phone_range: tuple[str, int, int, int]

    def phone(self, rng: random.Random) -> str:
        prefix, digits, low, high = self.phone_range
        return f"{prefix}{rng.randint(low, high):0{digits}d}"


LOCATIONS = [
    # Americas
    Location("America/New_York", "anglo", _nanp("212")),
    Location("America/New_York", "hispanic", _nanp("305")),
    Location("America/Chicago", "anglo", _nanp("312")),
    Location("America/Chicago", "hispanic", _nanp("713")),
    Location("America/Denver", "anglo", _nanp("303")),
    Location("America/Phoenix", "hispanic", _nanp("602")),
    Location("America/Los_Angeles", "hispanic", _nanp("213")),
    Location("America/Los_Angeles", "chinese", _nanp("415")),
    Location("America/Anchorage", "anglo", _nanp("907")),
    Location("Pacific/Honolulu", "japanese", _nanp("808")),
    Location("America/Toronto", "indian", _nanp("416")),
    Location("America/Vancouver", "chinese", _nanp("604")),
    Location("America/Halifax", "irish", _nanp("902")),
    Location("America/St_Johns", "irish", _nanp("709")),
    # Europe: Ofcom drama ranges (London 020 7946 0xxx, Manchester 0161 496 0xxx, mobile 07700 900xxx),
    # ARCEP (01 99 00 xx xx, 06 39 98 xx xx), PTS (08-465 004 00..99, 070-174 06 05..99).
    Location("Europe/London", "anglo", _fixed("+442079460", 3, 0, 999)),
    Location("Europe/London", "indian", _fixed("+441614960", 3, 0, 999)),
    Location("Europe/London", "nigerian", _fixed("+447700900", 3, 0, 999)),
    Location("Europe/Paris", "french", _fixed("+3319900", 4, 0, 9999)),
    Location("Europe/Paris", "arabic", _fixed("+3363998", 4, 0, 9999)),
    Location("Europe/Stockholm", "swedish", _fixed("+468465004", 2, 0, 99)),
    Location("Europe/Stockholm", "greek", _fixed("+467017406", 2, 5, 99)),
    # Asia-Pacific: ACMA fictional ranges (02 5550 xxxx, 03 7010 xxxx, 07 5550 xxxx, 08 5550/7010 xxxx).
    Location("Australia/Sydney", "vietnamese", _fixed("+6125550", 4, 0, 9999)),
    Location("Australia/Melbourne", "greek", _fixed("+6137010", 4, 0, 9999)),
    Location("Australia/Brisbane", "anglo", _fixed("+6175550", 4, 0, 9999)),
    Location("Australia/Perth", "chinese", _fixed("+6185550", 4, 0, 9999)),
    Location("Australia/Adelaide", "polish", _fixed("+6187010", 4, 0, 9999)),
]

# Daily calling windows (seconds after local midnight): starts 07:00-10:00, ends 18:00-22:00.
WINDOW_STARTS = [7 * 3600, 8 * 3600, 8 * 3600 + 1800, 9 * 3600, 10 * 3600]
WINDOW_ENDS = [18 * 3600, 19 * 3600 + 1800, 20 * 3600, 21 * 3600, 22 * 3600]

AGENT_NAMES = [("Ana", "Lopez"), ("Ben", "Okafor"), ("Chloé", "Martin"), ("Dev", "Patel"),
               ("Elena", "Rossi"), ("Farid", "Haddad"), ("Grace", "Kim"), ("Hiro", "Tanaka"),
               ("Ines", "Silva"), ("Jonas", "Berg"), ("Kemi", "Adeyemi"), ("Liam", "Walsh")]

FIVE_MINUTES = 300
_GUID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUV"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _below_function(rng: random.Random) -> Callable[[int], int]:
    """``below(n)``: a uniform int in [0, n) drawn exactly as ``Random.choice`` and
    ``Random.randint`` draw it (getrandbits of n's bit length, redrawn while too big), so
    ``seq[below(len(seq))]`` == ``rng.choice(seq)`` and ``a + below(b - a + 1)`` ==
    ``rng.randint(a, b)`` -- same sequence, without their per-call overhead."""
    getrandbits = rng.getrandbits

    def below(n: int) -> int:
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    return below


class _ZoneClock:
    """One contact zone's wall clock, memoised: the world's scheduled times fall on a 5-minute
    grid around the start time, so the same instants and local times come back again and
    again. Same answers as the plain ``timeutil`` functions."""

    __slots__ = ("zone", "_local", "_epoch")

    def __init__(self, name: str) -> None:
        self.zone = zone_info(name)
        self._local: dict[int, tuple[int, int]] = {}        # epoch -> (local s, local day)
        self._epoch: dict[tuple[int, int], int] = {}        # (local day, local s) -> epoch

    def local(self, epoch_s: int) -> tuple[int, int]:
        """(seconds after local midnight, local date as an ordinal) at that instant."""
        found = self._local.get(epoch_s)
        if found is None:
            local = dt.datetime.fromtimestamp(epoch_s, self.zone)
            found = (local.hour * 3600 + local.minute * 60 + local.second,
                     local.date().toordinal())
            self._local[epoch_s] = found
        return found

    def epoch_at(self, day_ordinal: int, seconds_after_midnight: int) -> int:
        key = (day_ordinal, seconds_after_midnight)
        found = self._epoch.get(key)
        if found is None:
            found = epoch_at_local(dt.date.fromordinal(day_ordinal), seconds_after_midnight,
                                   self.zone)
            self._epoch[key] = found
        return found


def _scheduled_time(rng: random.Random, base: int, clock: _ZoneClock, daily_from: int,
                    daily_until: int) -> int:
    """~15 % overdue by up to 2 h, the rest up to 7 days ahead; most fitted into the window.

    Exactly four draws whatever the outcome, so later records do not depend on the start time.
    """
    overdue = rng.random() < 0.15
    minutes_ahead = rng.randint(10, 7 * 24 * 60)
    minutes_overdue = rng.randint(5, 120)
    fit = rng.random()  # < 0.85: move into the window; also where in the window
    return _fitted_time(base, clock, daily_from, daily_until, overdue, minutes_ahead,
                        minutes_overdue, fit)


def _fitted_time(base: int, clock: _ZoneClock, daily_from: int, daily_until: int,
                 overdue: bool, minutes_ahead: int, minutes_overdue: int, fit: float) -> int:
    offset_min = -minutes_overdue if overdue else minutes_ahead
    when = base + (offset_min // 5) * FIVE_MINUTES
    if overdue or fit >= 0.85:
        return when
    local_s, day = clock.local(when)
    if daily_from <= local_s <= daily_until:
        return when
    span = daily_until - daily_from
    local_s = daily_from + int(fit / 0.85 * span) // FIVE_MINUTES * FIVE_MINUTES
    fitted = clock.epoch_at(day, local_s)
    if fitted <= base:  # earlier today and already gone: same time the next local day
        fitted = clock.epoch_at(clock.local(when + 86_400)[1], local_s)
    return fitted


def generate_world(seed: int, agents: int, records_per_agent: int, now: float) -> World:
    """Build the demo world for ``agents`` users agent1..agentN, each with their records.

    The draws are exactly those of ``rng.choice`` / ``rng.randint`` / ``rng.random`` in the
    order of the fields (see ``_below_function``); the loop only avoids their call overhead and
    repeated time-zone work, so a seed gives the same world as it always did.
    """
    rng = random.Random(seed)
    base = int(now) // FIVE_MINUTES * FIVE_MINUTES
    contact_center_id = _uuid(rng)
    agent_map: dict[str, Agent] = {}
    for i in range(1, agents + 1):
        first, last = AGENT_NAMES[(i - 1) % len(AGENT_NAMES)]
        username = f"agent{i}"
        agent_map[username] = Agent(
            username=username,
            user_id=uuid.UUID(int=rng.getrandbits(128)).hex,
            first_name=first,
            last_name=last,
            device_id=_uuid(rng),
            phone_number=str(5000 + i),
            contact_center_id=contact_center_id,
        )

    records: dict[int, Record] = {}
    below = _below_function(rng)
    draw = rng.random
    handle = 1 + below(50)
    culture_names = list(CULTURES)
    guid_prefix = "".join(_GUID_ALPHABET[below(len(_GUID_ALPHABET))] for _ in range(20))
    clocks = {name: _ZoneClock(name) for name in {loc.zone for loc in LOCATIONS}}
    # Per location: zone name, its clock, local culture, phone prefix/width/low/count.
    places = [(loc.zone, clocks[loc.zone], loc.culture, loc.phone_range[0], loc.phone_range[1],
               loc.phone_range[2], loc.phone_range[3] - loc.phone_range[2] + 1)
              for loc in LOCATIONS]
    n_places, n_cultures = len(places), len(culture_names)
    n_starts, n_ends, n_campaigns = len(WINDOW_STARTS), len(WINDOW_ENDS), len(CAMPAIGNS)
    call_results = [33, 33, 33, 7, 9, 28]  # mostly Answer: the contact asked for the callback
    n_results = len(call_results)
    names = {culture: (given, len(given), family, len(family))
             for culture, (given, family) in CULTURES.items()}
    ahead_count = 7 * 24 * 60 - 10 + 1    # randint(10, 7 days in minutes)
    for username in agent_map:
        for _ in range(records_per_agent):
            # One draw after another in the order of the original field-by-field code.
            handle += 1 + below(9)
            zone_name, clock, local_culture, prefix, digits, low, count = places[below(n_places)]
            culture = local_culture if draw() < 0.4 else culture_names[below(n_cultures)]
            given, n_given, family, n_family = names[culture]
            name = f"{given[below(n_given)]} {family[below(n_family)]}"
            daily_from = WINDOW_STARTS[below(n_starts)]
            daily_until = WINDOW_ENDS[below(n_ends)]
            personal = draw() < 0.6
            campaign = CAMPAIGNS[below(n_campaigns)]
            phone = f"{prefix}{low + below(count):0{digits}d}"
            overdue = draw() < 0.15
            minutes_ahead = 10 + below(ahead_count)
            minutes_overdue = 5 + below(116)
            fit = draw()
            scheduled = _fitted_time(base, clock, daily_from, daily_until, overdue,
                                     minutes_ahead, minutes_overdue, fit)
            account = f"AC-{1000 + below(9000)}-{1000 + below(9000)}"
            # Positional, in the order of Record's fields (much cheaper than 14 keywords).
            records[handle] = Record(
                handle,                                           # handle
                username,                                         # agent
                campaign,                                         # campaign
                phone,                                            # phone
                zone_name,                                        # time_zone
                daily_from,                                       # daily_from
                daily_until,                                      # daily_until
                "Personal" if personal else "Campaign",           # callback_type
                scheduled,                                        # scheduled
                name,                                             # contact_name
                account,                                          # account_number
                1 + below(4),                                     # attempts
                call_results[below(n_results)],                   # call_result
                f"{guid_prefix}{handle:012d}",                    # attempt_guid
                chain=handle,                                     # a chain of its own
            )
    return World(campaigns=list(CAMPAIGNS), agents=agent_map, records=records, started_at=now)
