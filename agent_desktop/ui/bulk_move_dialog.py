"""Moving several callbacks at once: to a day or a time range, each inside its contact's hours.

Three steps in one dialog, opened with ``open()``: choose where and as what (with a preview of
the plan: how many get a time, how many cannot and why, how many would share a slot), then a
progress bar with Cancel while the reschedules go out, then one summary. The plan is the
domain's (``plan_bulk``); the sending is whatever ``start_move`` returns (``BulkMove`` in the
application, a fake in tests), so the dialog itself never talks to the server.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from datetime import datetime, time, timedelta, timezone, tzinfo
from typing import Awaitable, Callable, Protocol, Sequence

from PySide6.QtCore import QDate, QDateTime, QTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.domain.agent import OutboundCapabilities
from agent_desktop.domain.planner import AgentLoad, BulkPlan, plan_bulk, WorkingHours
from agent_desktop.domain.policy import CallingPolicy
from agent_desktop.domain.records import CallbackType, OutboundRecord
from agent_desktop.domain.schedule import local_moment
from agent_desktop.services.bulk_move import BulkSummary
from agent_desktop.ui import format as fmt
from agent_desktop.ui.i18n import translated

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
ProgressCallback = Callable[[int, int], None]


class MoveJob(Protocol):
    """A bulk move under way (``services.bulk_move.BulkMove``)."""

    def run(self) -> Awaitable[BulkSummary]: ...

    def cancel(self) -> None: ...


# (plan, callback type, progress callback) -> the job; the dialog awaits job.run().
StartMove = Callable[[BulkPlan, CallbackType, ProgressCallback], MoveJob]
SETUP, PROGRESS, SUMMARY = range(3)
REASONS_SHOWN = 20  # failed records listed by name in the summary; the rest are counted


class BulkMoveDialog(QDialog):
    """Emits ``move_finished(BulkSummary)`` once the move is over (also after a cancel)."""

    move_finished = Signal(object)

    def __init__(self, records: Sequence[OutboundRecord], *, agent_tz: tzinfo, policy: CallingPolicy | None,
                 load: AgentLoad, capabilities: OutboundCapabilities, start_move: StartMove,
                 slot_length: timedelta | None = None, clock: Clock | None = None,
                 working_hours: WorkingHours | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkMoveDialog")
        self.setWindowTitle(self.tr("Move {count} callbacks").format(count=len(records)))
        self.setAccessibleName(self.tr("Move several callbacks"))
        self._records = list(records)
        self._names = {r.key: r.contact_name or r.phone or str(r.key) for r in self._records}
        self._agent_tz, self._policy, self._load = agent_tz, policy, load
        self._capabilities, self._start_move = capabilities, start_move
        self._slot_length = slot_length or load.slot_length
        self._working_hours = working_hours  # personal callbacks are planned only in them
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self.plan: BulkPlan | None = None
        self.summary: BulkSummary | None = None
        self._job: MoveJob | None = None
        self._task: asyncio.Task[None] | None = None

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_setup())
        self.pages.addWidget(self._build_progress())
        self.pages.addWidget(self._build_summary())
        self.buttons = QDialogButtonBox()
        self.move_button = self.buttons.addButton(self.tr("&Move"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.move_button.setObjectName("moveButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeButton")
        self.move_button.clicked.connect(self._start)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.resize(640, 340)

        # Several fields change at once (a date and its range): plan once, after they have.
        self._replan_timer = QTimer(self, singleShot=True, interval=0)
        self._replan_timer.timeout.connect(self.replan)
        for signal in (self.day_edit.dateChanged, self.from_edit.dateTimeChanged, self.to_edit.dateTimeChanged,
                       self.type_combo.currentIndexChanged, self._modes.buttonToggled):
            signal.connect(self._replan_timer.start)
        self._show_page(SETUP)
        self.replan()

    # -- building --------------------------------------------------------------------------
    def _build_setup(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        now = self._clock().astimezone(self._agent_tz)
        tomorrow = QDate(now.year, now.month, now.day).addDays(1)
        self.day_radio = QRadioButton(self.tr("A &day (your time):"))
        self.day_radio.setObjectName("dayRadio")
        self.day_edit = QDateEdit(tomorrow, calendarPopup=True)
        self.day_edit.setObjectName("bulkDayEdit")
        self.day_edit.setDisplayFormat("ddd d MMM yyyy")
        self.day_edit.setAccessibleName(self.tr("Day, your time"))
        self.range_radio = QRadioButton(self.tr("A time &range (your time):"))
        self.range_radio.setObjectName("rangeRadio")
        self.from_edit = QDateTimeEdit(QDateTime(tomorrow, QTime(9, 0)), calendarPopup=True)
        self.from_edit.setObjectName("fromEdit")
        self.from_edit.setAccessibleName(self.tr("From, your time"))
        self.to_edit = QDateTimeEdit(QDateTime(tomorrow, QTime(17, 0)), calendarPopup=True)
        self.to_edit.setObjectName("toEdit")
        self.to_edit.setAccessibleName(self.tr("Until, your time"))
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("ddd d MMM yyyy HH:mm")
        range_row = QHBoxLayout()
        range_row.addWidget(self.from_edit)
        range_row.addWidget(QLabel(self.tr("to")))
        range_row.addWidget(self.to_edit)
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.day_radio)
        self._modes.addButton(self.range_radio)
        self.day_radio.setChecked(True)
        form.addRow(self.day_radio, self.day_edit)
        form.addRow(self.range_radio, range_row)

        self.type_combo = QComboBox()
        self.type_combo.setObjectName("bulkTypeCombo")
        self.type_combo.setAccessibleName(self.tr("Callback type"))
        for kind, text in ((CallbackType.PERSONAL, self.tr("Personal (I call back)")),
                           (CallbackType.CAMPAIGN, self.tr("Campaign (any agent)"))):
            if kind in self._capabilities.allowed_callback_types:
                self.type_combo.addItem(text, kind)
        self.type_combo.setEnabled(self.type_combo.count() > 1)
        form.addRow(self.tr("Callback &type:"), self.type_combo)

        # A text box, not a label: the reasons may be many lines, and it scrolls.
        self.preview_text = QPlainTextEdit(readOnly=True)
        self.preview_text.setObjectName("planPreview")
        self.preview_text.setAccessibleName(self.tr("What the move would do"))
        self.preview_text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes from the fields to Move
        self.preview_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        form.addRow(self.tr("Plan:"), self.preview_text)
        return page

    def _build_progress(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("bulkProgress")
        self.progress_bar.setAccessibleName(self.tr("Callbacks moved so far"))
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addStretch()
        return page

    def _build_summary(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.reasons_view = QPlainTextEdit(readOnly=True)
        self.reasons_view.setObjectName("summaryReasons")
        self.reasons_view.setAccessibleName(self.tr("Callbacks that were not moved, and why"))
        layout.addWidget(self.summary_label)
        layout.addWidget(self.reasons_view)
        return page

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.move_button.setVisible(page == SETUP)
        self.cancel_button.setVisible(page != SUMMARY)
        self.cancel_button.setEnabled(True)
        self.close_button.setVisible(page == SUMMARY)
        (self.close_button if page == SUMMARY else self.cancel_button if page == PROGRESS else self.day_edit).setFocus()

    # -- the plan --------------------------------------------------------------------------
    def callback_type(self) -> CallbackType:
        # Qt hands the item's data back as a plain string (CallbackType is a StrEnum).
        return CallbackType(self.type_combo.currentData() or CallbackType.PERSONAL)

    def chosen_range(self) -> tuple[datetime, datetime]:
        """[start, end) as aware instants; a day is its local midnight to the next one."""
        if self.day_radio.isChecked():
            day = self.day_edit.date().toPython()
            return (local_moment(day, time(), self._agent_tz)[0],
                    local_moment(day + timedelta(days=1), time(), self._agent_tz)[0])
        start, end = (edit.dateTime().toPython() for edit in (self.from_edit, self.to_edit))
        return (local_moment(start.date(), start.time(), self._agent_tz)[0],
                local_moment(end.date(), end.time(), self._agent_tz)[0])

    def replan(self) -> None:
        """Plan again from the fields (and the clock) and show what the move would do."""
        self._replan_timer.stop()
        self.day_edit.setEnabled(self.day_radio.isChecked())
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(self.range_radio.isChecked())
        start, end = self.chosen_range()
        plan = plan_bulk(self._records, self._policy, self._load, start=start, end=end, now=self._clock(),
                         working_hours=self._working_hours,
                         slot_length=self._slot_length, callback_type=self.callback_type())
        self.plan = plan
        within_work = self._working_hours is not None and self.callback_type() is CallbackType.PERSONAL
        placed = (self.tr("{placed} of {total} callbacks get a time inside their contact's calling hours and "
                          "your working hours.") if within_work
                  else self.tr("{placed} of {total} callbacks get a time inside their contact's calling hours."))
        lines = [placed.format(placed=len(plan.assignments), total=len(self._records))]
        if plan.assignments:
            times = sorted(plan.assignments.values())
            lines.append(self.tr("First at {first}, last at {last} (your time).").format(
                first=fmt.agent_time(times[0], self._agent_tz), last=fmt.agent_time(times[-1], self._agent_tz)))
        if plan.stacked:
            lines.append(self.tr("⚠ {count} share a slot with another personal callback (the range is too full).")
                         .format(count=len(plan.stacked)))
        if plan.zone_unknown:
            lines.append(self.tr("{count} have no known time zone: their calling hours cannot be checked.")
                         .format(count=len(plan.zone_unknown)))
        if plan.unplaceable:
            lines.append(self.tr("✗ {count} cannot be placed:").format(count=len(plan.unplaceable)))
            by_reason = Counter(translated(reason) for reason in plan.unplaceable.values())
            lines += [f"    {count} × {reason}" for reason, count in by_reason.most_common()]
        if not self._capabilities.may_reschedule:
            lines.append(self.tr("✗ Your account is not allowed to reschedule callbacks."))
        self.preview_text.setPlainText("\n".join(lines))
        self.move_button.setEnabled(bool(plan.assignments) and self._capabilities.may_reschedule)

    # -- moving ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def _start(self) -> None:
        if self.running or self.pages.currentIndex() != SETUP:
            return
        self.replan()  # the clock has moved on since the preview: no time in the past goes out
        if not self.move_button.isEnabled():
            return
        plan, kind = self.plan, self.callback_type()
        self.progress_bar.setRange(0, len(plan.assignments))  # type: ignore[union-attr]
        self._progress(0, len(plan.assignments))  # type: ignore[union-attr]
        self._show_page(PROGRESS)
        self._job = self._start_move(plan, kind, self._progress)  # type: ignore[arg-type]
        self._task = asyncio.ensure_future(self._run(self._job))

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(done)
        self.progress_label.setText(self.tr("Moved {done} of {total} callbacks…").format(done=done, total=total))

    def cancel_move(self) -> None:
        """Stop sending; what is on the wire finishes and is counted."""
        if self.running and self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling: waiting for the answers to the requests already sent…"))

    async def _run(self, job: MoveJob) -> None:
        try:
            summary = await job.run()
        except Exception:  # noqa: BLE001 - the agent gets the summary page, the log the details
            log.exception("bulk move failed")
            self.summary_label.setText(self.tr("✗ The move stopped: something went wrong; see the log."))
            self._show_page(SUMMARY)
            return
        self.summary = summary
        self._show_summary(summary)
        self.move_finished.emit(summary)

    def _show_summary(self, summary: BulkSummary) -> None:
        lines = [self.tr("✓ {count} moved and confirmed.").format(count=len(summary.confirmed))]
        if summary.queued:
            lines.append(self.tr("❚❚ {count} saved on this computer: sent when the connection is back.")
                         .format(count=len(summary.queued)))
        if summary.unconfirmed:
            lines.append(self.tr("? {count} not confirmed yet: sent again by themselves.")
                         .format(count=len(summary.unconfirmed)))
        if summary.failed:
            lines.append(self.tr("✗ {count} failed.").format(count=len(summary.failed)))
        if summary.not_sent:
            lines.append(self.tr("— {count} not sent (cancelled): they keep their old time.")
                         .format(count=len(summary.not_sent)))
        if summary.unplaceable:
            lines.append(self.tr("— {count} not moved: no time in the chosen range fits them.")
                         .format(count=len(summary.unplaceable)))
        self.summary_label.setText("\n".join(lines))
        self.reasons_view.setPlainText("\n".join(self._reason_lines(summary)))
        self.reasons_view.setVisible(bool(summary.failed or summary.unplaceable))
        self._show_page(SUMMARY)

    def _reason_lines(self, summary: BulkSummary) -> list[str]:
        lines = []
        for title, reasons in ((self.tr("Failed:"), summary.failed), (self.tr("Not placed:"), summary.unplaceable)):
            if reasons:
                lines.append(title)
                lines += [f"  ✗ {self._names.get(key, str(key))}: {translated(reason)}"
                          for key, reason in list(reasons.items())[:REASONS_SHOWN]]
                if len(reasons) > REASONS_SHOWN:
                    lines.append("  " + self.tr("… and {count} more").format(count=len(reasons) - REASONS_SHOWN))
        return lines

    # -- closing ---------------------------------------------------------------------------
    def reject(self) -> None:
        """Escape, Cancel or the window's close button: while sending, that means stop sending
        (the dialog stays for the summary); otherwise close."""
        if self.running:
            self.cancel_move()
            return
        super().reject()
