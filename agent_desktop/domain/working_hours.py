"""The agent's working hours, on the agent's own clock: a personal callback is one the agent
makes, so it belongs inside them; the planner only suggests and plans personal callbacks there
(a campaign callback is for any agent, at any of the contact's hours)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from agent_desktop.domain.calling_times import Interval, callable_intervals
from agent_desktop.domain.policy import NO_POLICY
from agent_desktop.domain.records import CallingWindow, ContactZone, OutboundRecord, RecordKey


@dataclass(frozen=True)
class WorkingHours:
    window: CallingWindow  # seconds after the agent's local midnight; may span midnight (night shift)
    tz: tzinfo

    def intervals(self, start: datetime, end: datetime) -> list[Interval]:
        """The agent's working time within [start, end), UTC, day by day on the agent's clock
        (a daylight-saving day in the agent's zone has the hours it really has)."""
        # The agent's clock obeys the same wall-clock arithmetic as a contact's: reuse it.
        agent_as_contact = OutboundRecord(key=RecordKey(0, 0), campaign_name="",
                                          contact_zone=ContactZone(self.tz, "agent"), calling_window=self.window)
        return callable_intervals(agent_as_contact, NO_POLICY, start, end)


def intersect(first: list[Interval], second: list[Interval]) -> list[Interval]:
    """The common parts of two sorted lists of disjoint intervals."""
    common: list[Interval] = []
    i = j = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        if start < end:
            common.append((start, end))
        if first[i][1] <= second[j][1]:
            i += 1
        else:
            j += 1
    return common
