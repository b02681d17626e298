"""What the agent reads when an action on a record did not go through, whatever the action."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from agent_desktop.domain.rules import RescheduleRefused
from agent_desktop.services.errors import AcknowledgementTimeout, GwsError
from agent_desktop.ui.i18n import translated

log = logging.getLogger(__name__)


def failure_notice(error: Exception, who: str) -> str:
    """One line for the status bar; an unexpected error is logged with its traceback."""
    if isinstance(error, RescheduleRefused):
        return QCoreApplication.translate("MainController", "✗ Not sent: {reason}").format(
            reason=translated(error.message))
    if isinstance(error, AcknowledgementTimeout):
        return QCoreApplication.translate(
            "MainController", "? No confirmation yet for {who}: the server has not answered.").format(who=who)
    if isinstance(error, GwsError):
        return QCoreApplication.translate("MainController", "✗ {who}: {reason}").format(
            who=who, reason=translated(error.message))
    if isinstance(error, KeyError):
        return QCoreApplication.translate("MainController", "✗ {who} is no longer in your list.").format(who=who)
    if isinstance(error, ValueError):  # a value the dialogs let through and the session refuses
        return QCoreApplication.translate("MainController", "✗ {who}: {reason}").format(
            who=who, reason=translated(str(error)))
    log.error("action on %s failed unexpectedly", who, exc_info=error)
    return QCoreApplication.translate("MainController", "✗ {who}: something went wrong; see the log.").format(who=who)
