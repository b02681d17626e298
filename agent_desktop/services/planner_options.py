"""The callback planner's options in the server's settings (docs/planner.md): campaign hours,
calling days and holidays, read from ``settings["interaction-workspace"]`` into a
``CallingPolicy``. Hostile input like everything from the wire: a malformed entry is logged and
skipped, never an exception."""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any, Mapping

from agent_desktop.domain.policy import ALL_DAYS, CallingPolicy
from agent_desktop.domain.records import CallingWindow
from agent_desktop.domain.timezones import iana_zone

log = logging.getLogger(__name__)

_WEEKDAYS = {name: number for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
_HOURS = re.compile(r"([01]?\d|2[0-4]):([0-5]\d)-([01]?\d|2[0-4]):([0-5]\d)")
_MAX_ENTRIES = 500


def _planner_entries(section: Mapping[str, Any], option: str) -> list[str]:
    value = section.get(option)
    if value is None:
        return []
    if not isinstance(value, str):
        log.warning("ignoring %s: not a string", option)
        return []
    return [part.strip() for part in value.split(",")[:_MAX_ENTRIES] if part.strip()]


def _skip(option: str, entry: str) -> None:
    # Settings are not secret, but a log line is no place for a long value: cut it.
    log.warning("ignoring malformed %s entry %r", option, entry[:60])


def _daily_hours(text: str) -> CallingWindow | None:
    match = _HOURS.fullmatch(text.strip())
    if match is None:
        return None
    start_h, start_m, end_h, end_m = (int(group) for group in match.groups())
    start, end = start_h * 3600 + start_m * 60, end_h * 3600 + end_m * 60
    if start == end or max(start, end) > 86400:
        return None
    return CallingWindow(start, end)  # may span midnight (end before start)


def _campaign_hours(section: Mapping[str, Any]) -> dict[str, CallingWindow]:
    option = "outbound.planner.campaign-hours"
    hours: dict[str, CallingWindow] = {}
    for entry in _planner_entries(section, option):
        name, sep, text = entry.rpartition("=")
        window = _daily_hours(text) if sep and name.strip() else None
        if window is None:
            _skip(option, entry)
            continue
        hours[name.strip()[:200]] = window
    return hours


def _calling_days(section: Mapping[str, Any]) -> frozenset[int]:
    option = "outbound.planner.calling-days"
    days: set[int] = set()
    entries = _planner_entries(section, option)
    for entry in entries:
        ends = [_WEEKDAYS.get(part.strip().lower()) for part in entry.split("-")]
        if len(ends) > 2 or None in ends:
            _skip(option, entry)
            continue
        first, last = ends[0], ends[-1]
        assert first is not None and last is not None
        days.update((first + step) % 7 for step in range((last - first) % 7 + 1))  # "fri-mon" wraps
    if entries and not days:
        # Nothing readable: no rule rather than a rule that forbids every day.
        log.warning("no usable %s: every day counts as a calling day", option)
    return frozenset(days) or ALL_DAYS


def _holidays(section: Mapping[str, Any]) -> tuple[frozenset[date], dict[str, frozenset[date]]]:
    option = "outbound.planner.holidays"
    everyone: set[date] = set()
    by_zone: dict[str, set[date]] = {}
    for entry in _planner_entries(section, option):
        zone, _, text = entry.rpartition("=")
        zone = zone.strip()
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            _skip(option, entry)
            continue
        if not zone:
            everyone.add(day)
        elif iana_zone(zone) is not None:
            by_zone.setdefault(zone, set()).add(day)
        else:
            _skip(option, entry)
    return frozenset(everyone), {zone: frozenset(days) for zone, days in by_zone.items()}


def calling_policy(section: Mapping[str, Any]) -> CallingPolicy:
    """Campaign hours, calling days and holidays from the ``interaction-workspace`` section.
    Missing or empty options restrict nothing; a malformed entry is logged and skipped, the
    others still apply."""
    holidays, zone_holidays = _holidays(section)
    return CallingPolicy(campaign_hours=_campaign_hours(section), calling_days=_calling_days(section),
                         holidays=holidays, zone_holidays=zone_holidays)
