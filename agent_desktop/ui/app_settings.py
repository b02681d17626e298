"""The agent's preferences, typed, over ``QSettings`` (the registry on Windows, a plist on macOS,
an INI file under ~/.config on Linux).

Every value read back is checked: a hand-edited or old settings file gives the default, never
an exception. Passwords are never stored here (they live in the OS vault).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from agent_desktop.domain.records import CallingWindow
from agent_desktop.domain.working_hours import WorkingHours

LANGUAGES = ("system", "en", "es")
FIRST_ZONES = ("agent", "contact")  # which time the table shows first
MAX_LEAD_MINUTES = 24 * 60
SLOT_MINUTES = (5, 120)  # allowed range of the slot length
UNDO_GRACE_S = (0, 30)  # allowed range of the grace period


@dataclass
class Preferences:
    nodes: list[str] = field(default_factory=list)  # GWS node URLs, tried in order
    ca_bundle: str = ""  # PEM file of CA certificates; empty: the system's
    ack_timeout_s: int = 30
    reminder_minutes: list[int] = field(default_factory=lambda: [15, 5])
    first_zone: str = "agent"
    language: str = "system"
    slot_minutes: int = 15  # two personal callbacks closer than this collide
    undo_grace_s: int = 5  # a reschedule waits this long before it is sent (0: at once)
    # The agent's working hours (minutes after their midnight): personal callbacks are suggested
    # and planned inside them. Equal: no limit. The end may be before the start (a night shift).
    work_start_min: int = 8 * 60
    work_end_min: int = 18 * 60

    @property
    def reminder_leads(self) -> tuple[timedelta, ...]:
        return tuple(timedelta(minutes=m) for m in self.reminder_minutes)

    @property
    def slot_length(self) -> timedelta:
        return timedelta(minutes=self.slot_minutes)

    def working_hours(self, agent_tz: tzinfo) -> WorkingHours | None:
        if self.work_start_min == self.work_end_min:
            return None  # no limit
        return WorkingHours(CallingWindow(self.work_start_min * 60, self.work_end_min * 60), agent_tz)


def load_preferences(settings: QSettings) -> Preferences:
    default = Preferences()
    nodes = _string_list(settings.value("gws/nodes"))
    if not nodes:  # the login dialog's remembered servers, from before the settings dialog existed
        nodes = _string_list(settings.value("login/servers"))[:1]
    minutes = [m for m in (_int(v) for v in _string_list(settings.value("reminders/minutes")))
               if m is not None and 0 < m <= MAX_LEAD_MINUTES]
    return Preferences(
        nodes=nodes,
        ca_bundle=str(settings.value("gws/caBundle", "") or ""),
        ack_timeout_s=_bounded(settings.value("gws/ackTimeoutSeconds"), 5, 600, default.ack_timeout_s),
        reminder_minutes=sorted(set(minutes), reverse=True) if settings.contains("reminders/minutes")
        else default.reminder_minutes,
        first_zone=_choice(settings.value("view/firstZone"), FIRST_ZONES, default.first_zone),
        language=_choice(settings.value("view/language"), LANGUAGES, default.language),
        slot_minutes=_bounded(settings.value("planner/slotMinutes"), *SLOT_MINUTES, default.slot_minutes),
        undo_grace_s=_bounded(settings.value("planner/undoGraceSeconds"), *UNDO_GRACE_S, default.undo_grace_s),
        work_start_min=_bounded(settings.value("planner/workStartMinutes"), 0, 24 * 60 - 1, default.work_start_min),
        work_end_min=_bounded(settings.value("planner/workEndMinutes"), 0, 24 * 60 - 1, default.work_end_min),
    )


def save_preferences(settings: QSettings, preferences: Preferences) -> None:
    settings.setValue("gws/nodes", list(preferences.nodes))
    settings.setValue("gws/caBundle", preferences.ca_bundle)
    settings.setValue("gws/ackTimeoutSeconds", int(preferences.ack_timeout_s))
    # Stored as strings: QSettings' INI format gives a list of one item back as a bare string.
    settings.setValue("reminders/minutes", [str(m) for m in preferences.reminder_minutes])
    settings.setValue("view/firstZone", preferences.first_zone)
    settings.setValue("view/language", preferences.language)
    settings.setValue("planner/slotMinutes", int(preferences.slot_minutes))
    settings.setValue("planner/undoGraceSeconds", int(preferences.undo_grace_s))
    settings.setValue("planner/workStartMinutes", int(preferences.work_start_min))
    settings.setValue("planner/workEndMinutes", int(preferences.work_end_min))
    settings.sync()


def parse_minutes(text: str) -> list[int]:
    """"15, 5" → [15, 5]; raises ValueError with a sentence an agent understands."""
    values = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 0 < int(part) <= MAX_LEAD_MINUTES:
            raise ValueError(f"“{part}” is not a number of minutes between 1 and {MAX_LEAD_MINUTES}.")
        values.append(int(part))
    return sorted(set(values), reverse=True)


def parse_nodes(text: str) -> list[str]:
    """One URL per line or comma-separated; raises ValueError for anything that is not http(s)."""
    nodes = []
    for part in text.replace(",", "\n").splitlines():
        part = part.strip().rstrip("/")
        if not part:
            continue
        if not part.startswith(("https://", "http://")) or len(part) < 10:
            raise ValueError(f"“{part}” is not a server address (it should start with https://).")
        if part not in nodes:
            nodes.append(part)
    return nodes


# -- the window's own state (geometry, splitter, columns, sort) ---------------------------------
def save_window_state(settings: QSettings, name: str, state: dict[str, QByteArray | int]) -> None:
    for key, value in state.items():
        settings.setValue(f"window/{name}/{key}", value)


def load_window_state(settings: QSettings, name: str, keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: settings.value(f"window/{name}/{key}") for key in keys
            if settings.contains(f"window/{name}/{key}")}


def _string_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, (str, int)) and str(v)]
    return []


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _bounded(value: Any, low: int, high: int, default: int) -> int:
    number = _int(value)
    return number if number is not None and low <= number <= high else default


def _choice(value: Any, choices: tuple[str, ...], default: str) -> str:
    return value if isinstance(value, str) and value in choices else default
