"""When the contact centre allows contacts to be called, beyond each record's own daily window.

The server's settings may carry campaign hours, the days of the week that are calling days and
holidays (see ``docs/planner.md`` for the option names). Every rule here is read on the
*contact's* wall clock and calendar: that is where the law and the customer live. An empty
policy (the settings carry nothing) restricts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Mapping

from agent_desktop.domain.records import CallingWindow

ALL_DAYS = frozenset(range(7))  # datetime.weekday(): Monday is 0
ANY_CAMPAIGN = "*"


def _frozen_map(value: Mapping) -> MappingProxyType:  # type: ignore[type-arg]
    return value if isinstance(value, MappingProxyType) else MappingProxyType(dict(value))


@dataclass(frozen=True)
class CallingPolicy:
    """Campaign hours, calling days and holidays, each on the contact's local clock/calendar."""

    # campaign name -> daily hours; ANY_CAMPAIGN is the hours of campaigns not named
    campaign_hours: Mapping[str, CallingWindow] = field(default_factory=lambda: MappingProxyType({}))
    calling_days: frozenset[int] = ALL_DAYS
    holidays: frozenset[date] = frozenset()  # for every contact
    zone_holidays: Mapping[str, frozenset[date]] = field(  # IANA zone name -> extra dates there
        default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "campaign_hours", _frozen_map(self.campaign_hours))
        object.__setattr__(self, "zone_holidays", _frozen_map(self.zone_holidays))
        if not self.calling_days <= ALL_DAYS:
            raise ValueError(f"calling days must be weekday numbers 0..6, got {sorted(self.calling_days)}")

    def hours_for(self, campaign_name: str) -> CallingWindow | None:
        return self.campaign_hours.get(campaign_name) or self.campaign_hours.get(ANY_CAMPAIGN)

    def is_holiday(self, day: date, zone_name: str | None) -> bool:
        if day in self.holidays:
            return True
        return zone_name is not None and day in self.zone_holidays.get(zone_name, frozenset())

    @property
    def restricts(self) -> bool:
        return bool(self.campaign_hours) or self.calling_days != ALL_DAYS or bool(self.holidays) \
            or bool(self.zone_holidays)


NO_POLICY = CallingPolicy()
