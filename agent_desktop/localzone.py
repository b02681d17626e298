"""The agent's own time zone, as an IANA zone when the system says which one.

A fixed offset (what ``datetime.now().astimezone()`` gives) would be wrong after the next
daylight-saving change, so the zone name is looked up first.
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name.strip().lstrip(":"))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def local_zone() -> tzinfo:
    zone = _zone(os.environ.get("TZ"))
    if zone:
        return zone
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            zone = _zone(target.split("zoneinfo/", 1)[1])
            if zone:
                return zone
    except OSError:
        pass
    try:
        zone = _zone(Path("/etc/timezone").read_text(encoding="utf-8"))
        if zone:
            return zone
    except OSError:
        pass
    return datetime.now().astimezone().tzinfo or ZoneInfo("UTC")
