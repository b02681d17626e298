"""The reschedule dialog: pick a moment (in your time, shown in theirs too) and a callback type.

Validation is the domain's (``validate_reschedule``), run live as the agent types, so a time in
the past, outside the contact's calling hours or outside the campaign's policy is refused inline,
before anything is sent. The planner suggests the next good slots, and a personal callback that
would collide with another of the agent's is a warning (the agent may still confirm it).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.domain.agent import OutboundCapabilities
from agent_desktop.domain.planner import AgentLoad, SlotSuggestion, WorkingHours, suggest_slots
from agent_desktop.domain.policy import CallingPolicy
from agent_desktop.domain.records import CallbackType, OutboundRecord
from agent_desktop.domain.rules import RescheduleRefused, validate_reschedule
from agent_desktop.domain.schedule import WallClock, local_moment, next_business_day_at, next_valid_slot, slots_of_day
from agent_desktop.ui import format as fmt
from agent_desktop.ui.colours import status_style
from agent_desktop.ui.i18n import translated
from agent_desktop.ui.slot_suggestions import (
    NEAR_ROLE,
    CollisionMarkDelegate,
    SlotLoadNote,
    SlotSuggestionList,
    callbacks_near,
)

Clock = Callable[[], datetime]
# Suggested free times at least this far apart: a choice across the day, not six slots in a row.
SUGGESTION_SPACING = timedelta(hours=1)


def parse_clock_time(text: str) -> time | None:
    """"9:30", "09:30", "0930", "21.15" → a time; None if it is not one."""
    cleaned = text.strip().replace(".", ":").replace("h", ":")
    if cleaned.isdigit() and len(cleaned) in (3, 4):
        cleaned = f"{cleaned[:-2]}:{cleaned[-2:]}"
    parts = cleaned.split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    hour, minute = int(parts[0]), int(parts[1])
    if 0 <= hour < 24 and 0 <= minute < 60:
        return time(hour, minute)
    return None


class _DateEdit(QDateEdit):
    """One Tab stop, not one per date section: the arrow keys move between day, month and year,
    so an agent tabbing through the dialog is not held in the date for four key presses."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QWidget.focusNextPrevChild(self, next)


class RescheduleDialog(QDialog):
    """Opened with ``open()`` and awaited (``qt_async.run_dialog``); read ``chosen()`` after.

    ``policy`` adds the campaign's hours, calling days and holidays to the rules; ``load`` (the
    agent's personal callbacks per slot) shows collisions. Both are optional.
    """

    def __init__(
        self,
        record: OutboundRecord,
        capabilities: OutboundCapabilities,
        *,
        agent_tz: tzinfo,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        policy: CallingPolicy | None = None,
        load: AgentLoad | None = None,
        working_hours: WorkingHours | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rescheduleDialog")
        self.setWindowTitle(self.tr("Reschedule — {who}").format(who=record.contact_name or record.phone))
        self.setAccessibleName(self.tr("Reschedule callback"))
        self._record = record
        self._capabilities = capabilities
        self._agent_tz = agent_tz
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._policy = policy
        self._load = load
        self._working_hours = working_hours  # personal callbacks are suggested only in them
        self._moment: datetime | None = None
        self._picked: datetime | None = None  # the exact instant last picked (a fold shows one wall time twice)

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_summary())
        form = QFormLayout()
        layout.addLayout(form)

        # First in the form: read top to bottom, a suggestion comes before typing a time of
        # one's own. Alt+G reaches it (see slot_suggestions: it is not a Tab stop).
        self.suggestions = SlotSuggestionList()
        form.addRow(self.tr("Su&ggested:"), self.suggestions)

        self.date_edit = _DateEdit(calendarPopup=True)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName(self.tr("Date, your time"))
        form.addRow(self.tr("&Date (your time):"), self.date_edit)

        self.time_combo = QComboBox(editable=True)
        self.time_combo.setObjectName("timeCombo")
        self.time_combo.setAccessibleName(self.tr("Time, your time"))
        self.time_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.time_combo.setMaxVisibleItems(12)
        self.time_combo.setItemDelegate(CollisionMarkDelegate(self.time_combo))
        form.addRow(self.tr("&Time (your time):"), self.time_combo)

        self.slot_note = SlotLoadNote()
        self.load_label, self.conflict_label = self.slot_note.load_label, self.slot_note.conflict_label
        form.addRow("", self.slot_note)

        picks = QHBoxLayout()
        self.plus_hour_button = QPushButton(self.tr("+1 &hour"))
        self.tomorrow_button = QPushButton(self.tr("Tomorrow, &same time"))
        self.business_day_button = QPushButton(self.tr("&Next business day 09:00 theirs"))
        for name, button in (("plusHourButton", self.plus_hour_button),
                             ("tomorrowButton", self.tomorrow_button),
                             ("businessDayButton", self.business_day_button)):
            button.setObjectName(name)
            button.setAutoDefault(False)
            picks.addWidget(button)
        form.addRow(self.tr("Quick picks:"), picks)

        self.preview_label = QLabel()
        self.preview_label.setObjectName("previewLabel")
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Callback at:"), self.preview_label)

        self.type_row = QWidget()
        type_layout = QHBoxLayout(self.type_row)
        type_layout.setContentsMargins(0, 0, 0, 0)
        self.personal_radio = QRadioButton(self.tr("&Personal (I call back)"))
        self.personal_radio.setObjectName("personalRadio")
        self.campaign_radio = QRadioButton(self.tr("&Campaign (any agent)"))
        self.campaign_radio.setObjectName("campaignRadio")
        self._types = QButtonGroup(self)
        self._types.addButton(self.personal_radio)
        self._types.addButton(self.campaign_radio)
        type_layout.addWidget(self.personal_radio)
        type_layout.addWidget(self.campaign_radio)
        type_layout.addStretch()
        self.type_note = QLabel()
        self.type_note.setObjectName("typeNote")
        form.addRow(self.tr("Callback type:"), self.type_row)
        form.addRow("", self.type_note)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(status_style("error", self.palette()))
        self.error_label.setAccessibleName(self.tr("Problem with the chosen time"))
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reschedule"))
        self.ok_button.setObjectName("rescheduleButton")
        # Enter confirms wherever the focus is; Enter on Cancel itself cancels (keyPressEvent).
        # No button is auto-default: Qt hands "default" to each auto-default button that Tab
        # passes and, after Cancel, to none, so Enter would cancel or do nothing.
        self.ok_button.setAutoDefault(False)
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAutoDefault(False)
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._apply_type_policy()
        self.date_edit.dateChanged.connect(self._date_changed)
        self.time_combo.currentTextChanged.connect(self._revalidate)
        # Enter in the time field confirms, whether or not the combo passes the key on to the
        # dialog's default button (it does not always).
        self.time_combo.lineEdit().returnPressed.connect(self._accept_if_valid)
        self._types.buttonToggled.connect(self._type_toggled)
        self.plus_hour_button.clicked.connect(lambda: self._pick(self._base() + timedelta(hours=1)))
        self.tomorrow_button.clicked.connect(lambda: self._pick(self._base() + timedelta(days=1)))
        self.business_day_button.clicked.connect(self._pick_business_day)
        self.suggestions.slot_chosen.connect(self._pick)
        self._set_default_moment()
        self._refresh_suggestions()
        self.time_combo.setFocus()

    # -- building --------------------------------------------------------------------------
    def _build_summary(self) -> QLabel:
        record = self._record
        now_theirs = ""
        if record.contact_zone:
            now_theirs = "  ·  " + self.tr("now {time} there").format(
                time=f"{self._clock().astimezone(record.contact_zone.tz):%H:%M}")
        window = ""
        if record.calling_window and record.contact_zone:
            window = "\n" + self.tr("Calling hours: {hours} {zone} time").format(
                hours=record.calling_window.describe(), zone=fmt.zone_short_name(record.contact_zone))
        text = (
            f"{record.contact_name or '—'}   {record.phone}\n"
            f"{record.campaign_name}  ·  {fmt.zone_detail(record.scheduled_at, record.contact_zone)}{now_theirs}\n"
            + self.tr("Now scheduled: {when} your time").format(when=fmt.agent_time(record.scheduled_at, self._agent_tz))
            + window
        )
        label = QLabel(text)
        label.setObjectName("recordSummary")
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _apply_type_policy(self) -> None:
        allowed = self._capabilities.allowed_callback_types
        forced = self._capabilities.forced_callback_type
        current = self._record.callback_type or CallbackType.PERSONAL
        if forced is CallbackType.CAMPAIGN:
            # WDE's rule: when campaign is forced the choice is hidden.
            self.type_row.hide()
            self.campaign_radio.setChecked(True)
            self.type_note.setText(self.tr("Your site sends every reschedule back to the campaign."))
        elif forced is CallbackType.PERSONAL:
            self.personal_radio.setChecked(True)
            self.campaign_radio.setEnabled(False)
            self.personal_radio.setEnabled(False)
            self.type_note.setText(self.tr("Your site makes every reschedule a personal callback."))
        else:
            chosen = current if current in allowed else CallbackType.PERSONAL
            (self.personal_radio if chosen is CallbackType.PERSONAL else self.campaign_radio).setChecked(True)
            self.type_note.hide()

    # -- choosing --------------------------------------------------------------------------
    def _base(self) -> datetime:
        """What quick picks start from: the chosen moment, or the current schedule, or now."""
        return self._moment or self._record.scheduled_at or self._clock()

    def _set_default_moment(self) -> None:
        """The best suggestion (inside every rule, free of collisions when one is); without one,
        the next slot inside the contact's window."""
        now = self._clock()
        best = self._suggest(now, count=1)
        slot = best[0].start if best else next_valid_slot(now, record=self._record) or next_valid_slot(now)
        self._pick(slot or now + timedelta(hours=1))

    def _suggest(self, now: datetime, *, count: int, after: datetime | None = None) -> list[SlotSuggestion]:
        return suggest_slots(self._record, self._policy, self._load, now=now, count=count,
                             callback_type=self._selected_type(), after=after,
                             working_hours=self._working_hours, spacing=SUGGESTION_SPACING)

    def _refresh_suggestions(self) -> None:
        """The next good slots from the day in the date field (from now, when that is today)."""
        day_start = local_moment(self.date_edit.date().toPython(), time(0), self._agent_tz)[0]
        now = self._clock()
        self.suggestions.set_suggestions(
            self._suggest(now, count=6, after=day_start if day_start > now else None),
            contact_zone=self._record.contact_zone, agent_tz=self._agent_tz, show_load=self._counts_load())

    def _counts_load(self) -> bool:
        return self._load is not None and self._selected_type() is CallbackType.PERSONAL

    def _type_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if not checked:  # the group reports the other button's release too: act once
            return
        self._fill_slots(self.date_edit.date().toPython())
        self._refresh_suggestions()
        self._revalidate()

    def _pick_business_day(self) -> None:
        zone = self._record.contact_zone
        self._pick(next_business_day_at(self._clock(), zone.tz if zone else self._agent_tz))

    def start_at(self, moment: datetime) -> None:
        """Open on ``moment`` instead of the best suggestion (the day view's drag or arrow keys)."""
        self._pick(moment)

    def _pick(self, moment: datetime) -> None:
        local = moment.astimezone(self._agent_tz)
        self._picked = moment
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(local.year, local.month, local.day))
        self.date_edit.blockSignals(False)
        self._fill_slots(local.date())
        self._show_time(f"{local:%H:%M}")
        self._revalidate()

    def _date_changed(self, _date: QDate) -> None:
        typed = self.time_combo.currentText()
        self._fill_slots(self.date_edit.date().toPython())
        self._show_time(typed)
        self._refresh_suggestions()
        self._revalidate()

    def _fill_slots(self, day: date) -> None:
        midnight = datetime(day.year, day.month, day.day, tzinfo=self._agent_tz)
        typed = self.time_combo.currentText()
        self.time_combo.blockSignals(True)
        self.time_combo.clear()
        now = self._clock()
        load = self._load if self._counts_load() else None
        for wall in slots_of_day(midnight):
            slot, kind = local_moment(day, wall.time(), self._agent_tz)
            if kind is WallClock.SKIPPED:  # the clocks jump over it that night: not a time to offer
                continue
            if self._problem(slot, self._selected_type(), now) is None:
                self.time_combo.addItem(f"{wall:%H:%M}")
                near = len(load.conflicts(slot, exclude=self._record.key)) if load is not None else 0
                if near:
                    self.time_combo.setItemData(self.time_combo.count() - 1, callbacks_near(near), NEAR_ROLE)
        self._show_time(typed)
        self.time_combo.blockSignals(False)

    def _show_time(self, text: str) -> None:
        """Put ``text`` in the time field as if typed. The completer must hear of it too: left
        with a stale prefix, Enter would swap a time that is not in the list (14:15, say) for
        the list's first time."""
        self.time_combo.setCurrentText(text)
        completer = self.time_combo.completer()
        if completer is not None:
            completer.setCompletionPrefix(text)

    def _selected_type(self) -> CallbackType:
        return CallbackType.CAMPAIGN if self.campaign_radio.isChecked() else CallbackType.PERSONAL

    def _moment_from_fields(self) -> tuple[datetime, WallClock] | None:
        """The instant the fields stand for (in UTC), and how the agent's clock treats it."""
        clock = parse_clock_time(self.time_combo.currentText())
        if clock is None:
            return None
        day = self.date_edit.date().toPython()
        moment, kind = local_moment(day, clock, self._agent_tz)
        picked = self._picked
        if kind is WallClock.REPEATED and picked is not None:
            shown = picked.astimezone(self._agent_tz)
            if (shown.date(), shown.hour, shown.minute) == (day, clock.hour, clock.minute):
                moment = picked  # picked, not typed: keep the occurrence that was picked
        return moment, kind

    def _problem(self, moment: datetime, callback_type: CallbackType, now: datetime) -> str | None:
        try:
            validate_reschedule(moment, callback_type, now=now, record=self._record,
                                capabilities=self._capabilities, policy=self._policy)
        except RescheduleRefused as refused:
            return translated(refused.message)
        return None

    def _revalidate(self, *_: object) -> None:
        fields = self._moment_from_fields()
        self._moment = fields[0] if fields else None
        if fields is None:
            self.preview_label.setText("—")
            self.slot_note.clear()
            self._show_problem(self.tr("Type a time like 14:30."))
            return
        moment, kind = fields
        zone = self._record.contact_zone
        theirs = (f"{fmt.agent_time(moment, zone.tz)} {fmt.zone_short_name(zone)}"
                  if zone else self.tr("their zone is unknown"))
        preview = self.tr("{mine} your time  ·  {theirs}").format(
            mine=fmt.agent_time(moment, self._agent_tz), theirs=theirs)
        note = self._clock_change_note(moment, kind)
        self.preview_label.setText(f"{preview}\n{note}" if note else preview)
        problem = self._problem(moment, self._selected_type(), self._clock())
        if problem is None and self._load is not None and self._counts_load():
            self.slot_note.show_load(moment, self._load, moving=self._record.key, agent_tz=self._agent_tz)
        else:
            self.slot_note.clear()  # a refused time has no load worth reading; a campaign callback none of the agent's
        self._show_problem(problem)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Make room for a warning that wraps onto a second line. Qt does not grow a window for
        a word-wrapped label by itself, and a squeezed form draws its rows over each other."""
        if not self.isVisible():
            return
        self.layout().activate()
        needed = self.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _clock_change_note(self, moment: datetime, kind: WallClock) -> str:
        """Say what a time the agent's clock skips or shows twice stands for."""
        local = moment.astimezone(self._agent_tz)
        typed = self.time_combo.currentText().strip()
        if kind is WallClock.SKIPPED:
            return self.tr("Your clocks skip {typed} that night: this is {time}.").format(
                typed=typed, time=f"{local:%H:%M}")
        if kind is WallClock.REPEATED:
            zone = local.tzname() or ""
            if local.fold:
                return self.tr("Your clocks show {time} twice that night: this is the second one ({zone}).").format(
                    time=f"{local:%H:%M}", zone=zone)
            return self.tr("Your clocks show {time} twice that night: this is the first one ({zone}).").format(
                time=f"{local:%H:%M}", zone=zone)
        return ""

    def _show_problem(self, problem: str | None) -> None:
        self.error_label.setText(f"✗ {problem}" if problem else "")
        self.error_label.setVisible(bool(problem))
        self.ok_button.setEnabled(problem is None)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() is self.cancel_button:
            self.reject()
            return
        super().keyPressEvent(event)

    def _accept_if_valid(self) -> None:
        if not self.isVisible():  # already finished (Enter reached both the field and the dialog)
            return
        self._revalidate()
        if self.ok_button.isEnabled():
            self.accept()

    # -- result ----------------------------------------------------------------------------
    def chosen(self) -> tuple[datetime, CallbackType]:
        """The accepted moment (aware) and type; only meaningful after the dialog was accepted."""
        if self._moment is None:
            raise ValueError("no valid time was chosen")
        return self._moment, self._selected_type()
