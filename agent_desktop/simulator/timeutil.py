"""Wall-clock helpers: contact-local calling windows (DST-correct, via zoneinfo) and GSW time formats."""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc
# Largest epoch second we accept (9999-12-31T23:59:59Z). Anything above is most likely milliseconds.
MAX_EPOCH_SECONDS = 253_402_300_799


@functools.lru_cache(maxsize=None)
def zone_info(name: str) -> ZoneInfo:
    """``ZoneInfo(name)``, kept alive: ``ZoneInfo`` itself caches only the last few zones
    strongly, and reloading a zone file costs far more than a lookup (the demo data cycles
    through about twenty zones)."""
    return ZoneInfo(name)


def gsw_date_time(epoch_s: int) -> str:
    """``GSW_DATE_TIME`` as on the seed page: the instant in UTC as ``MM/DD/YYYY HH:MM``."""
    return dt.datetime.fromtimestamp(epoch_s, UTC).strftime("%m/%d/%Y %H:%M")


def utc_iso(epoch_s: int) -> str:
    return dt.datetime.fromtimestamp(epoch_s, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_seconds_after_midnight(epoch_s: float, zone: ZoneInfo) -> int:
    """Seconds since local midnight of the wall clock in ``zone`` at that instant."""
    local = dt.datetime.fromtimestamp(epoch_s, zone)
    return local.hour * 3600 + local.minute * 60 + local.second


def in_daily_window(epoch_s: float, zone: ZoneInfo, daily_from: int, daily_until: int) -> bool:
    """True when the contact's wall clock at ``epoch_s`` lies in [daily_from, daily_until]."""
    return daily_from <= local_seconds_after_midnight(epoch_s, zone) <= daily_until


def local_date(epoch_s: float, zone: ZoneInfo) -> dt.date:
    return dt.datetime.fromtimestamp(epoch_s, zone).date()


def epoch_at_local(day: dt.date, seconds_after_midnight: int, zone: ZoneInfo) -> int:
    """Epoch seconds of a wall-clock time on ``day`` in ``zone``.

    A time that does not exist (inside a spring-forward gap) is normalised by a round trip
    through UTC, i.e. moved forward by the gap, which is what a wall clock would show.
    """
    naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds_after_midnight)
    aware = naive.replace(tzinfo=zone)
    return int(aware.astimezone(UTC).timestamp())


def zone_abbreviation_and_offset(zone: ZoneInfo, at_epoch_s: float) -> tuple[str, int]:
    """``GSW_TZ_NAME`` / ``GSW_TZ_OFFSET``: the zone's abbreviation and UTC offset (s) at that moment."""
    local = dt.datetime.fromtimestamp(at_epoch_s, zone)
    offset = local.utcoffset() or dt.timedelta(0)
    return local.tzname() or zone.key, int(offset.total_seconds())
