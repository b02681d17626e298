"""Turning what the wire says about a contact's zone into a tzinfo.

GWS gives a zone abbreviation (``GSW_TZ_NAME``) and the current offset in seconds
(``GSW_TZ_OFFSET``); a calling list may also carry an IANA name. An IANA zone is the only one that
is right across daylight-saving changes, so it wins; an abbreviation is mapped to its usual IANA
zone; a bare offset is the last resort (it is right today, perhaps not in six months).
"""

from __future__ import annotations

from datetime import timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent_desktop.domain.records import ContactZone

# OCS time-zone names commonly configured in Genesys, mapped to the IANA zone they stand for.
_ABBREVIATIONS = {
    "EST": "America/New_York", "EDT": "America/New_York",
    "CST": "America/Chicago", "CDT": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage",
    "HST": "Pacific/Honolulu",
    "GMT": "Etc/GMT", "UTC": "Etc/UTC",
    "BST": "Europe/London", "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
    "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow", "IST": "Asia/Kolkata",
    "SGT": "Asia/Singapore", "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide",
    "AWST": "Australia/Perth", "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
}

_MAX_OFFSET_S = 18 * 3600  # the widest offset any zone has ever used is ±14 h


def iana_zone(name: str) -> ZoneInfo | None:
    """The zone for an IANA name, or None when the name is not a known zone."""
    if not name or len(name) > 64 or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def resolve_contact_zone(
    iana_name: str | None, abbreviation: str | None, offset_s: int | None
) -> ContactZone | None:
    """Best zone for a contact from the three hints, strongest first; None if none is usable."""
    if iana_name:
        zone = iana_zone(iana_name)
        if zone is not None:
            return ContactZone(zone, iana_name)
    if abbreviation:
        mapped = _ABBREVIATIONS.get(abbreviation.strip().upper())
        if mapped:
            return ContactZone(ZoneInfo(mapped), mapped)
    if offset_s is not None and -_MAX_OFFSET_S <= offset_s <= _MAX_OFFSET_S:
        sign = "+" if offset_s >= 0 else "-"
        hours, minutes = divmod(abs(offset_s) // 60, 60)
        label = f"UTC{sign}{hours:02d}:{minutes:02d}"
        return ContactZone(timezone(timedelta(seconds=offset_s)), label)
    return None
