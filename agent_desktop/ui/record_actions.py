"""The record actions beyond rescheduling, from the Record menu and the table's context menu to
the session: cancel the callback, mark do-not-call, complete with a call result, call back on
another number. Each honours its privilege, asks before doing anything irreversible, and says
"done" only once the server acknowledged it."""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog
from qasync import asyncSlot

from agent_desktop.domain.records import CallbackType, OutboundRecord
from agent_desktop.ui import format as fmt
from agent_desktop.ui.failure_notice import failure_notice
from agent_desktop.ui.qt_async import run_dialog
from agent_desktop.ui.record_action_dialogs import (
    CancelCallbackDialog,
    CompleteDialog,
    DoNotCallDialog,
    NewNumberDialog,
    call_result_word,
)

if TYPE_CHECKING:
    from agent_desktop.ui.controller import MainController

log = logging.getLogger(__name__)

ACTIONS = ("new-number", "cancel", "do-not-call", "complete")


class RecordActions(QObject):
    def __init__(self, controller: "MainController") -> None:
        super().__init__(controller)
        self.controller = controller
        self.agent = controller.agent
        self.window = controller.window
        self.dialog: QDialog | None = None
        self.window.record_action_requested.connect(self.perform)
        capabilities = self.agent.profile.outbound if self.agent.profile else None
        if capabilities is not None:
            self.window.set_action_permissions({
                "new-number": capabilities.may_reschedule_on_new_number,
                "cancel": capabilities.may_cancel,
                "do-not-call": capabilities.may_mark_do_not_call,
                "complete": capabilities.may_complete,
            })

    @asyncSlot(str, object)
    async def perform(self, action: str, record: OutboundRecord) -> None:
        if self.dialog is not None or self.controller.dialog is not None:
            return  # one dialog at a time
        handler = {"new-number": self._new_number, "cancel": self._cancel,
                   "do-not-call": self._do_not_call, "complete": self._complete}[action]
        try:
            await handler(record)
        except Exception:  # noqa: BLE001 - the agent gets a notice, the log the details
            log.exception("record action %s failed unexpectedly", action)
            self.window.notify(self.tr("✗ {who}: something went wrong; see the log.").format(who=_who(record)))

    async def _ask(self, dialog: QDialog) -> bool:
        self.dialog = dialog
        try:
            return await run_dialog(dialog) == QDialog.DialogCode.Accepted
        finally:
            self.dialog = None
            if shiboken6.isValid(dialog):
                dialog.deleteLater()
            if shiboken6.isValid(self.window):
                self.window.table_focus()

    async def _run(self, record: OutboundRecord, work, done_text: str) -> None:  # type: ignore[no-untyped-def]
        """Await the action; the agent hears the outcome in words either way."""
        who = _who(record)
        try:
            await work
        except Exception as error:  # noqa: BLE001 - the agent gets a notice, the log any surprise
            self.window.notify(failure_notice(error, who))
        else:
            self.window.notify(done_text.format(who=who))

    async def _cancel(self, record: OutboundRecord) -> None:
        if await self._ask(CancelCallbackDialog(record, self.window)):
            await self._run(record, self.agent.cancel_callback(record.key),
                            self.tr("✓ {who}: callback cancelled."))

    async def _do_not_call(self, record: OutboundRecord) -> None:
        dialog = DoNotCallDialog(record, self.window)
        if await self._ask(dialog):
            whole_chain = dialog.chosen_whole_chain()
            await self._run(record, self.agent.mark_do_not_call(record.key, whole_chain=whole_chain),
                            self.tr("✓ {who}: every number marked do not call.") if whole_chain
                            else self.tr("✓ {who}: number marked do not call."))

    async def _complete(self, record: OutboundRecord) -> None:
        capabilities = self.agent.profile.outbound if self.agent.profile else None
        dialog = CompleteDialog(record, capabilities.call_result_values if capabilities else (), self.window)
        if await self._ask(dialog):
            result = dialog.chosen_result()
            await self._run(record, self.agent.complete(record.key, result),
                            self.tr("✓ {who}: completed ({result}).").replace("{result}", call_result_word(result)))

    async def _new_number(self, record: OutboundRecord) -> None:
        chain = [r.phone for r in self.agent.store
                 if record.chain_id is not None and r.chain_id == record.chain_id and r.key != record.key]
        number_dialog = NewNumberDialog(record, chain, self.window)
        if not await self._ask(number_dialog):
            return
        phone = number_dialog.chosen_phone()
        capabilities = self.agent.profile.outbound  # type: ignore[union-attr]
        # The same reschedule dialog, showing the number the callback moves to.
        dialog = self.controller.make_reschedule_dialog(dataclasses.replace(record, phone=phone), capabilities)
        if not await self._ask(dialog):
            return
        when, callback_type = dialog.chosen()
        text = (self.tr("✓ {who}: personal callback on {phone} confirmed for {when} your time.")
                if callback_type is CallbackType.PERSONAL
                else self.tr("✓ {who}: campaign callback on {phone} confirmed for {when} your time."))
        text = text.replace("{phone}", phone).replace("{when}", fmt.agent_time(when, self.controller.agent_tz))
        await self._run(record, self.agent.reschedule_on_new_number(record.key, phone, when, callback_type), text)


def _who(record: OutboundRecord) -> str:
    return record.contact_name or record.phone or str(record.key.record_handle)

