"""A record's history from the local ledger, in words, and the time "Restore previous time"
goes back to."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication

from agent_desktop.domain.records import CallbackType, OutboundRecord
from agent_desktop.services.local_store import HistoryEntry
from agent_desktop.ui import format as fmt


def _type_word(callback_type: CallbackType) -> str:
    if callback_type is CallbackType.PERSONAL:
        return QCoreApplication.translate("RecordHistory", "personal")
    return QCoreApplication.translate("RecordHistory", "campaign")


def history_lines(entries: list[HistoryEntry], agent_tz: tzinfo) -> list[str]:
    """One line per entry, newest first, times in the agent's zone."""
    lines = []
    for entry in reversed(entries):
        when = fmt.agent_time(entry.settled_at, agent_tz)
        change = QCoreApplication.translate("RecordHistory", "{old} → {new}, {type}").format(
            old=fmt.agent_time(entry.previous_at, agent_tz) if entry.previous_at else "—",
            new=fmt.agent_time(entry.scheduled_at, agent_tz), type=_type_word(entry.callback_type))
        if entry.result == "confirmed":
            outcome = QCoreApplication.translate("RecordHistory", "✓ confirmed")
        elif entry.result == "failed":
            outcome = (QCoreApplication.translate("RecordHistory", "✗ refused: {reason}").format(reason=entry.reason)
                       if entry.reason else QCoreApplication.translate("RecordHistory", "✗ refused"))
        elif entry.result == "superseded":
            outcome = QCoreApplication.translate("RecordHistory", "replaced by a newer reschedule before it was sent")
        else:
            outcome = entry.result
        lines.append(QCoreApplication.translate("RecordHistory", "{when}: {change} ({outcome})").format(
            when=when, change=change, outcome=outcome))
    return lines


def restore_target(entries: list[HistoryEntry], record: OutboundRecord) -> tuple[datetime, CallbackType] | None:
    """The time and type before the last confirmed reschedule that moved the record to the time it
    has now; None when there is none (never rescheduled here, or moved since by someone else)."""
    confirmed = [e for e in entries if e.result == "confirmed"]
    if not confirmed:
        return None
    last = confirmed[-1]
    if last.previous_at is None or record.scheduled_at != last.scheduled_at:
        return None
    # The type it had before: written with the reschedule since schema 3; for older entries,
    # the type the confirmed reschedule before this one set, else (not known) the one it has.
    before = last.previous_type
    if before is None:
        before = confirmed[-2].callback_type if len(confirmed) > 1 else (record.callback_type or last.callback_type)
    return last.previous_at, before
