"""Connects the window to the agent's session: user actions become service calls, service
events become badge states, row states and notices. Every action is a tracked coroutine; no
exception escapes to Qt.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

import shiboken6

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QLineEdit
from qasync import asyncSlot

from agent_desktop import logs
from agent_desktop.domain.records import CallbackType, OutboundRecord, RecordStatus
from agent_desktop.domain.working_hours import WorkingHours
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.events import ConnectionStateChanged, Event, NotificationSessionRenewed
from agent_desktop.services.grace import GracePeriod
from agent_desktop.ui import format as fmt
from agent_desktop.ui.failure_notice import failure_notice
from agent_desktop.ui.i18n import translated
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.planner_wiring import PlannerWiring
from agent_desktop.ui.qt_async import run_dialog
from agent_desktop.ui.record_actions import RecordActions
from agent_desktop.ui.record_history import history_lines, restore_target

if TYPE_CHECKING:  # imported when the first dialog opens: not needed to show the window
    from PySide6.QtWidgets import QInputDialog

    from agent_desktop.ui.reschedule_dialog import RescheduleDialog

log = logging.getLogger(__name__)

# After accepting the dialog, the window puts the focus back on the table (a repaint) with the
# answer, in the same repaint as the confirmed row; at most this long after, if the answer is slow.
TIDY_UP_AT_THE_LATEST_S = 0.1


class MainController(QObject):
    def __init__(self, agent: AgentSession, window: MainWindow, *, agent_tz: tzinfo,
                 grace_s: float = 0.0, slot_length: timedelta = timedelta(minutes=15),
                 working_hours: WorkingHours | None = None) -> None:
        super().__init__(window)
        self.agent = agent
        self.window = window
        self.agent_tz = agent_tz
        self._tasks: set[asyncio.Task[object]] = set()
        # The app passes the agent's undo time (5 s unless changed); 0 sends at accept.
        self.grace = GracePeriod(grace_s, self._spawn, on_change=self._held_changed)
        window.undo_requested.connect(self.undo_last)
        window.restore_requested.connect(self.restore_previous)
        window.current_record_changed.connect(self._history_wanted)
        self._history_loading = False
        self._history_again: OutboundRecord | None = None
        self.record_actions = RecordActions(self)
        self.planner = PlannerWiring(self, slot_length=slot_length, working_hours=working_hours)
        self.dialog: "RescheduleDialog | None" = None
        self._spent_dialog: "RescheduleDialog | None" = None  # closed; deleted when the next one opens
        self.password_prompt: QInputDialog | None = None
        agent.on_event = self.on_event
        window.reschedule_requested.connect(self.reschedule)
        window.closed.connect(self.detach)
        window.set_connection_state(agent.connection_state)

    def _delete_spent_dialog(self) -> None:
        """Now, not later: a deleteLater() would be carried out while the next dialog is open,
        as likely as not just after it is accepted, while the agent waits for the answer."""
        spent, self._spent_dialog = self._spent_dialog, None
        if spent is not None and shiboken6.isValid(spent):
            shiboken6.delete(spent)

    def detach(self) -> None:
        """The window is going: events that still come (the session closing) go nowhere."""
        if self.agent.on_event == self.on_event:
            self.agent.on_event = None

    def _spawn(self, coro) -> None:  # type: ignore[no-untyped-def]
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def finish(self, timeout_s: float = 3.0) -> None:
        """Before the session closes: what waits out its undo time is sent now, and given a
        moment to reach the outbox (from there, the next start sends it if this one cannot)."""
        self.grace.send_all_now()
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout_s)

    def _held_changed(self) -> None:
        if shiboken6.isValid(self.window):
            self.window.undo_bar.show_held(self.grace.held)

    # -- history and "restore previous time" -----------------------------------------------
    def _history_wanted(self, record: OutboundRecord | None) -> None:
        if record is None or self.agent.local is None:
            return
        if self._history_loading:  # one read at a time; the newest wish is read next
            self._history_again = record
            return
        self._history_loading = True
        self._spawn(self._load_history(record))

    async def _history_of(self, record: OutboundRecord) -> list:
        local = self.agent.local
        return await local.history(self.agent.owner, record.key) if local is not None else []

    async def _load_history(self, record: OutboundRecord) -> None:
        try:
            entries = await self._history_of(record)
        except Exception:  # noqa: BLE001 - a history that cannot be read is not worth a crash
            log.exception("could not read the history of %s", record.key)
            entries = []
        finally:
            self._history_loading = False
        if shiboken6.isValid(self.window):
            self.window.details.show_history(record.key, history_lines(entries, self.agent_tz))
            current = self.window.current_record()
            if current is not None and current.key == record.key:
                self.window.restore_action.setEnabled(restore_target(entries, current) is not None)
        again, self._history_again = self._history_again, None
        if again is not None:
            self._history_wanted(again)

    @asyncSlot(object)
    async def restore_previous(self, record: OutboundRecord) -> None:
        target = restore_target(await self._history_of(record), self.agent.store.get(record.key) or record)
        if target is None:
            self.window.notify(self.tr("Nothing to restore: this callback has not been moved from here."))
            return
        when, callback_type = target
        who = record.contact_name or record.phone
        label = self.tr("{who} back to {when} your time").format(who=who, when=fmt.agent_time(when, self.agent_tz))
        self.grace.hold(record.key, label,
                        lambda: self._send_reschedule(record, when, callback_type))

    def undo_last(self) -> None:
        undone = self.grace.undo()
        if undone is None:
            self.window.notify(self.tr("Nothing to undo: what you confirmed has been sent."))
        else:
            self.window.notify(self.tr("↶ Undone, nothing was sent: {what}").format(what=undone.label))

    def on_event(self, event: Event) -> None:
        if isinstance(event, ConnectionStateChanged):
            self.window.set_connection_state(event.state, event.detail)
            if event.needs_password:
                self.ask_password_again(event.detail)
        elif isinstance(event, NotificationSessionRenewed):
            self.window.notify(self.tr("Reconnected to the server."))
        self.planner.on_event(event)

    @asyncSlot(str)
    async def ask_password_again(self, why: str) -> None:
        """The server refused the password while reconnecting: ask once, without blocking."""
        if self.password_prompt is not None:
            return
        from PySide6.QtWidgets import QInputDialog  # its Python type costs ~1 ms to make: when needed

        prompt = QInputDialog(self.window)
        prompt.setObjectName("passwordPrompt")
        prompt.setWindowTitle(self.tr("Password needed"))
        prompt.setLabelText(translated(why) + "\n" + self.tr("Type your password to reconnect. Your queued reschedules are kept."))
        prompt.setTextEchoMode(QLineEdit.EchoMode.Password)
        prompt.setOkButtonText(self.tr("Reconnect"))
        self.password_prompt = prompt
        try:
            accepted = await run_dialog(prompt) == QDialog.DialogCode.Accepted
            password = prompt.textValue()
        finally:
            self.password_prompt = None
            if shiboken6.isValid(prompt):
                prompt.deleteLater()
        if accepted and password:
            logs.register_secret(password)
            self.agent.retry_with_password(password)
            self.window.notify(self.tr("Reconnecting…"))
        else:
            self.window.notify(self.tr("Offline: your reschedules are kept and will be sent after you sign in."))

    @asyncSlot(object, object)
    async def reschedule_at(self, record: OutboundRecord, when: datetime) -> None:
        """The day view's move: the same reschedule flow, the dialog opened at ``when``."""
        await self._reschedule(record, when)

    @asyncSlot(object)
    async def reschedule(self, record: OutboundRecord) -> None:
        await self._reschedule(record, None)

    async def _reschedule(self, record: OutboundRecord, start_at: datetime | None) -> None:
        if self.dialog is not None:  # one dialog at a time; a second Ctrl+R just refocuses it
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        capabilities = self.agent.profile.outbound if self.agent.profile else None
        if capabilities is None or not capabilities.may_reschedule:
            self.window.notify(self.tr("✗ Your account is not allowed to reschedule callbacks."))
            return
        self._delete_spent_dialog()
        dialog = self.make_reschedule_dialog(record, capabilities)
        if start_at is not None:
            dialog.start_at(start_at)
        self.dialog = dialog
        tidied = False

        def tidy_up() -> None:
            """Focus back on the table (a repaint of its row). The closed dialog is deleted when
            the next one opens: destroying its widgets (~1 ms) is no work for the moment the
            agent waits for the confirmation."""
            nonlocal tidied
            if tidied:
                return
            tidied = True
            if shiboken6.isValid(dialog):
                dialog.setObjectName("")  # automation finds only the dialog that is open
                self._spent_dialog = dialog
            if shiboken6.isValid(self.window):
                self.window.table_focus()

        fallback: asyncio.TimerHandle | None = None
        try:
            try:
                result = await run_dialog(dialog)
                chosen = dialog.chosen() if result == QDialog.DialogCode.Accepted else None
            finally:
                self.dialog = None
            if chosen is None:
                return
            if self.grace.delay_s > 0:
                self._hold(record, *chosen)
                return
            # Nothing repaints before the answer (or TIDY_UP_AT_THE_LATEST_S): a repaint before
            # the request left held it back, one during the round trip held back the answer
            # (~1.5 ms of a ~10 ms reschedule); with the answer, it joins the row's repaint.
            fallback = asyncio.get_running_loop().call_later(TIDY_UP_AT_THE_LATEST_S, tidy_up)
            await self._send_reschedule(record, *chosen)
        finally:
            if fallback is not None:
                fallback.cancel()
            tidy_up()

    def make_reschedule_dialog(self, record: OutboundRecord, capabilities) -> "RescheduleDialog":  # type: ignore[no-untyped-def]
        from agent_desktop.ui.reschedule_dialog import RescheduleDialog

        return RescheduleDialog(record, capabilities, agent_tz=self.agent_tz, parent=self.window,
                                policy=self.planner.policy, load=self.planner.load,
                                working_hours=self.planner.working_hours)

    def _hold(self, record: OutboundRecord, when: datetime, callback_type: CallbackType) -> None:
        """Sent when the undo time is over, unless the agent takes it back first."""
        who = record.contact_name or record.phone
        label = (self.tr("{who} → {when} your time, personal") if callback_type is CallbackType.PERSONAL
                 else self.tr("{who} → {when} your time, campaign")).format(
            who=who, when=fmt.agent_time(when, self.agent_tz))
        self.grace.hold(record.key, label,
                        lambda: self._send_reschedule(record, when, callback_type))

    async def _send_reschedule(self, record: OutboundRecord, when: datetime, callback_type: CallbackType) -> None:
        who = record.contact_name or record.phone
        try:
            updated = await self.agent.reschedule(record.key, when, callback_type)
        except Exception as error:  # noqa: BLE001 - the agent gets a notice, the log any surprise
            self.window.notify(failure_notice(error, who))
        else:
            if updated is not None and updated.status is RecordStatus.QUEUED:
                self.window.notify(self.tr("❚❚ {who}: saved on this computer; it will be sent when the "
                                           "connection is back.").format(who=who))
                return
            confirmed = (self.tr("✓ {who}: personal callback confirmed for {when} your time.")
                         if callback_type is CallbackType.PERSONAL
                         else self.tr("✓ {who}: campaign callback confirmed for {when} your time."))
            self.window.notify(confirmed.format(who=who, when=fmt.agent_time(when, self.agent_tz)))
