"""The planner in the window: the agent's load per slot kept current for the reschedule dialog,
the day view (built the first time it is shown), the bulk move of the selected rows, and the
banner for personal callbacks at risk while the agent is Not Ready or logged out."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from qasync import asyncSlot

from agent_desktop.domain.planner import AgentLoad, callbacks_at_risk
from agent_desktop.domain.policy import NO_POLICY, CallingPolicy
from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordKey
from agent_desktop.domain.rules import MIN_LEAD
from agent_desktop.domain.working_hours import WorkingHours
from agent_desktop.services.bulk_move import BulkMove, BulkSummary
from agent_desktop.services.events import DeviceStateChanged, Event
from agent_desktop.ui import format as fmt
from agent_desktop.ui.at_risk_view import AtRiskWatch
from agent_desktop.ui.i18n import translated

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from agent_desktop.ui.controller import MainController
    from agent_desktop.ui.day_view import DayView

log = logging.getLogger(__name__)

# A callback handed to the campaign this close to its time still needs the server's lead time.
HAND_OVER_LEAD = MIN_LEAD + timedelta(minutes=1)


class PlannerWiring(QObject):
    def __init__(self, controller: "MainController", *, slot_length: timedelta,
                 working_hours: WorkingHours | None = None) -> None:
        super().__init__(controller)
        self.controller = controller
        self.agent = agent = controller.agent
        self.window = window = controller.window
        self.load = AgentLoad(agent.store, slot_length=slot_length)
        self.working_hours = working_hours  # personal callbacks are suggested and planned in them
        self._unsubscribe = agent.store.subscribe(self.load.apply)
        self.day_view: DayView | None = None
        self.bulk_dialog = None
        self.quit_question: QMessageBox | None = None
        self._quit_confirmed = False
        window.bulk_move_requested.connect(self.open_bulk_move)
        window.day_view_shown.connect(self._show_day_view)
        window.closed.connect(self.detach)
        self.at_risk = AtRiskWatch(agent.store, lambda: agent.agent_state, parent=self)
        self.at_risk.changed.connect(self._at_risk_changed)
        window.at_risk_banner.hand_to_campaign.connect(self.hand_to_campaign)
        window.at_risk_banner.go_to.connect(window.go_to_record)
        self._at_risk_changed(self.at_risk.at_risk)

    @property
    def policy(self) -> CallingPolicy:
        profile = self.agent.profile
        return getattr(profile, "calling_policy", NO_POLICY) if profile is not None else NO_POLICY

    def detach(self) -> None:
        self._unsubscribe()
        self.at_risk.detach()
        if self.bulk_dialog is not None and shiboken6.isValid(self.bulk_dialog):
            self.bulk_dialog.cancel_move()

    def on_event(self, event: Event) -> None:
        if isinstance(event, DeviceStateChanged):
            self.at_risk.check()

    def set_slot_length(self, slot_length: timedelta) -> None:
        if slot_length == self.load.slot_length:
            return
        self._unsubscribe()
        self.load = AgentLoad(self.agent.store, slot_length=slot_length)
        self._unsubscribe = self.agent.store.subscribe(self.load.apply)
        if self.day_view is not None:
            self.day_view.set_slot_length(slot_length)

    # -- the day view ----------------------------------------------------------------------
    def _show_day_view(self) -> None:
        if self.day_view is None:
            from agent_desktop.ui.day_view import DayView  # built when first asked for: start-up stays short

            self.day_view = DayView(self.agent.store, agent_tz=self.controller.agent_tz, policy=self.policy,
                                    slot_length=self.load.slot_length)
            self.day_view.move_requested.connect(self.controller.reschedule_at)
            self.window.set_day_view(self.day_view)
        current = self.window.current_record()
        if current is not None and current.scheduled_at is not None:
            self.day_view.set_day(current.scheduled_at.astimezone(self.controller.agent_tz).date())
            self.day_view.timeline.select(current.key)
        self.day_view.timeline.setFocus()

    # -- bulk move -------------------------------------------------------------------------
    def open_bulk_move(self, records: list[OutboundRecord]) -> None:
        from agent_desktop.ui.bulk_move_dialog import BulkMoveDialog  # loaded when first asked for

        if self.bulk_dialog is not None and shiboken6.isValid(self.bulk_dialog) and self.bulk_dialog.isVisible():
            self.bulk_dialog.raise_()
            return
        capabilities = self.agent.profile.outbound if self.agent.profile else None
        if capabilities is None or not capabilities.may_reschedule:
            self.window.notify(self.tr("✗ Your account is not allowed to reschedule callbacks."))
            return
        dialog = BulkMoveDialog(
            records, agent_tz=self.controller.agent_tz, policy=self.policy, load=self.load,
            capabilities=capabilities, slot_length=self.load.slot_length, parent=self.window,
            working_hours=self.working_hours,
            start_move=lambda plan, kind, progress: BulkMove.for_plan(self.agent, plan, kind, on_progress=progress))
        dialog.move_finished.connect(self._bulk_finished)
        dialog.finished.connect(dialog.deleteLater)
        self.bulk_dialog = dialog
        dialog.open()

    def _bulk_finished(self, summary: BulkSummary) -> None:
        self.window.notify(self._summary_text(summary))

    def _summary_text(self, summary: BulkSummary) -> str:
        text = self.tr("Moved: %n confirmed", "", len(summary.confirmed))
        if summary.queued:
            text += self.tr(", %n saved to send later", "", len(summary.queued))
        if summary.unconfirmed:
            text += self.tr(", %n not confirmed yet", "", len(summary.unconfirmed))
        if summary.failed:
            text += self.tr(", %n refused", "", len(summary.failed))
        if summary.not_sent or summary.unplaceable:
            text += self.tr(", %n not moved", "", len(summary.not_sent) + len(summary.unplaceable))
        return text + "."

    # -- callbacks at risk -----------------------------------------------------------------
    def _at_risk_changed(self, records: list[OutboundRecord]) -> None:
        if not shiboken6.isValid(self.window):
            return
        capabilities = self.agent.profile.outbound if self.agent.profile else None
        banner = self.window.at_risk_banner
        banner.show_at_risk(records, self.agent.agent_state,
                            lambda record: fmt.agent_time(record.scheduled_at, self.controller.agent_tz))
        if records and (capabilities is None or CallbackType.CAMPAIGN not in capabilities.allowed_callback_types
                        or not capabilities.may_reschedule):
            banner.hand_button.setEnabled(False)
            banner.hand_button.setToolTip(self.tr("Your account cannot hand callbacks to the campaign."))

    # -- leaving with personal callbacks still to come ---------------------------------------
    def confirm_quit(self) -> bool:
        """The window's close guard: True closes now. With personal callbacks coming due while
        the agent will be logged out, ask first (without blocking): hand them to the campaign and
        quit, quit anyway, or stay. The window closes itself once the agent has chosen to go."""
        if self._quit_confirmed or self.quit_question is not None:
            return self._quit_confirmed
        missed = callbacks_at_risk(self.agent.store, agent_state="LoggedOut", now=datetime.now(timezone.utc))
        if not missed:
            return True
        from PySide6.QtWidgets import QMessageBox  # its Python type costs ~2 ms to make: when needed

        question = QMessageBox(self.window)
        question.setObjectName("quitQuestion")
        question.setIcon(QMessageBox.Icon.Warning)
        question.setWindowTitle(self.tr("Personal callbacks still to come"))
        first = missed[0]
        question.setText(self.tr("%n personal callback(s) will come due while you are logged out: nobody would "
                                 "call them. First: {who} at {when}.", "", len(missed)).format(
            who=first.contact_name or first.phone,
            when=fmt.agent_time(first.scheduled_at, self.controller.agent_tz)))
        hand = question.addButton(self.tr("&Hand to campaign and quit"), QMessageBox.ButtonRole.AcceptRole)
        hand.setObjectName("quitHandButton")
        quit_anyway = question.addButton(self.tr("&Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        quit_anyway.setObjectName("quitAnywayButton")
        stay = question.addButton(self.tr("&Stay"), QMessageBox.ButtonRole.RejectRole)
        stay.setObjectName("quitStayButton")
        question.setDefaultButton(hand)
        capabilities = self.agent.profile.outbound if self.agent.profile else None
        if capabilities is None or CallbackType.CAMPAIGN not in capabilities.allowed_callback_types:
            hand.setEnabled(False)
            question.setDefaultButton(stay)
        self.quit_question = question
        question.finished.connect(lambda _result: self._quit_answered(question.clickedButton(), hand, quit_anyway,
                                                                      [r.key for r in missed]))
        question.open()
        return False

    def _quit_answered(self, clicked, hand, quit_anyway, keys: list[RecordKey]) -> None:  # type: ignore[no-untyped-def]
        self.quit_question = None
        if clicked is hand:
            self._spawn_hand_over_then_quit(keys)
        elif clicked is quit_anyway:
            self._quit_confirmed = True
            self.window.close()

    @asyncSlot(list)
    async def _spawn_hand_over_then_quit(self, keys: list[RecordKey]) -> None:
        try:
            await self._hand_over(keys)
        finally:
            self._quit_confirmed = True
            if shiboken6.isValid(self.window):
                self.window.close()

    @asyncSlot(list)
    async def hand_to_campaign(self, keys: list[RecordKey]) -> None:
        await self._hand_over(keys)

    async def _hand_over(self, keys: list[RecordKey]) -> None:
        """Each at its own time as a campaign callback (or a minute past the server's lead time
        when that is too close): any agent of the campaign will call them."""
        now = datetime.now(timezone.utc)
        plan = {}
        for key in keys:
            record = self.agent.store.get(key)
            if record is not None and record.scheduled_at is not None:
                plan[key] = max(record.scheduled_at, now + HAND_OVER_LEAD)
        if not plan:
            return
        banner = self.window.at_risk_banner
        banner.set_busy(True)
        try:
            summary = await BulkMove(self.agent, plan, CallbackType.CAMPAIGN).run()
        except Exception:  # noqa: BLE001 - the agent gets a notice, the log gets the details
            log.exception("handing callbacks to the campaign failed unexpectedly")
            self.window.notify(self.tr("✗ Handing over failed; see the log."))
            return
        finally:
            if shiboken6.isValid(banner):
                banner.set_busy(False)
        text = self.tr("Handed to the campaign: %n", "", len(summary.confirmed) + len(summary.queued))
        if summary.failed:
            first = next(iter(summary.failed.values()))
            text += self.tr("; %n refused", "", len(summary.failed)) + f" ({translated(first)})"
        self.window.notify(text)
        self.at_risk.check()
