"""The dialogs of the record actions beyond rescheduling: cancel the callback, mark do-not-call
(this number or the whole chain), complete with a call result, and the number for a reschedule
on another number. Each is opened with ``open()`` and awaited; none sends anything itself."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.domain.records import OutboundRecord
from agent_desktop.texts import QT_TRANSLATE_NOOP

# The call results offered when the server's settings name none (OCS names, gws-api.md §5.3).
DEFAULT_CALL_RESULTS = ("Answer", "NoAnswer", "Busy", "AnsweringMachine", "WrongParty", "WrongNumber")
_CALL_RESULT_WORDS = {
    "Answer": QT_TRANSLATE_NOOP("CallResult", "Answered"),
    "NoAnswer": QT_TRANSLATE_NOOP("CallResult", "No answer"),
    "Busy": QT_TRANSLATE_NOOP("CallResult", "Busy"),
    "AnsweringMachine": QT_TRANSLATE_NOOP("CallResult", "Answering machine"),
    "WrongParty": QT_TRANSLATE_NOOP("CallResult", "Wrong person"),
    "WrongNumber": QT_TRANSLATE_NOOP("CallResult", "Wrong number"),
    "DoNotCall": QT_TRANSLATE_NOOP("CallResult", "Do not call"),
    "Ok": QT_TRANSLATE_NOOP("CallResult", "Done"),
    "Fax": QT_TRANSLATE_NOOP("CallResult", "Fax"),
    "Silence": QT_TRANSLATE_NOOP("CallResult", "Silence"),
    "Dropped": QT_TRANSLATE_NOOP("CallResult", "Dropped"),
}
_PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{2,30}")


def call_result_word(name: str) -> str:
    """The agent's word for an OCS call result name; an unknown name is shown as it is."""
    word = _CALL_RESULT_WORDS.get(name)
    return QCoreApplication.translate("CallResult", word) if word else name


def normalise_phone(text: str) -> str | None:
    """"+1 (212) 555-0100" → "+12125550100"; None when it is not a phone number."""
    text = text.strip()
    if not _PHONE.fullmatch(text):
        return None
    digits = re.sub(r"[^0-9]", "", text)
    if not 3 <= len(digits) <= 20:
        return None
    return ("+" if text.startswith("+") else "") + digits


def _who(record: OutboundRecord) -> str:
    return record.contact_name or record.phone or str(record.key.record_handle)


class _ActionDialog(QDialog):
    """Title, an explanation, a form, and an OK button worded as the action (never "OK")."""

    def __init__(self, title: str, explanation: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.explanation = QLabel(explanation)
        self.explanation.setWordWrap(True)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("actionOkButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)


class CancelCallbackDialog(_ActionDialog):
    def __init__(self, record: OutboundRecord, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Cancel callback — {who}").format(who=_who(record)),
            self.tr("The campaign will not call {who} on {phone} for this record again. "
                    "This cannot be undone from here.").format(who=_who(record), phone=record.phone or "—"),
            self.tr("Cancel the &callback"), parent)
        self.setObjectName("cancelCallbackDialog")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Keep it"))
        # The safe answer is the default: Enter keeps the callback.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)


class DoNotCallDialog(_ActionDialog):
    def __init__(self, record: OutboundRecord, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Do not call — {who}").format(who=_who(record)),
            self.tr("The contact asked not to be called. Marked numbers are not dialled again by any "
                    "campaign."),
            self.tr("&Mark do not call"), parent)
        self.setObjectName("doNotCallDialog")
        self.record_only = QRadioButton(self.tr("&This number only ({phone})").format(phone=record.phone or "—"))
        self.record_only.setObjectName("dncRecordOnly")
        self.whole_chain = QRadioButton(self.tr("&Every number of this contact"))
        self.whole_chain.setObjectName("dncWholeChain")
        group = QButtonGroup(self)
        group.addButton(self.record_only)
        group.addButton(self.whole_chain)
        self.record_only.setChecked(True)
        self.whole_chain.setEnabled(record.chain_id is not None)
        self.form.addRow(self.record_only)
        self.form.addRow(self.whole_chain)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Keep calling"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)

    def chosen_whole_chain(self) -> bool:
        return self.whole_chain.isChecked()


class CompleteDialog(_ActionDialog):
    def __init__(self, record: OutboundRecord, call_results: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Complete — {who}").format(who=_who(record)),
            self.tr("The record is done: it leaves your list and the campaign does not call it again."),
            self.tr("&Complete"), parent)
        self.setObjectName("completeDialog")
        self.results = QListWidget()
        self.results.setObjectName("callResultList")
        self.results.setAccessibleName(self.tr("Call result"))
        for name in call_results or DEFAULT_CALL_RESULTS:
            item = QListWidgetItem(call_result_word(name))
            item.setData(0x0100, name)  # Qt.UserRole
            self.results.addItem(item)
        self.results.setCurrentRow(0)
        rows = min(self.results.count(), 8)
        self.results.setFixedHeight(self.results.sizeHintForRow(0) * rows + 2 * self.results.frameWidth() + 4)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        label = QLabel(self.tr("Call &result:"))
        label.setBuddy(self.results)
        self.form.addRow(label, self.results)
        self.ok_button.setDefault(True)

    def chosen_result(self) -> str:
        item = self.results.currentItem()
        return str(item.data(0x0100)) if item is not None else ""


class NewNumberDialog(_ActionDialog):
    """The number to call back on: another number of the contact's chain, or a new one typed in."""

    def __init__(self, record: OutboundRecord, chain_numbers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Call back on another number — {who}").format(who=_who(record)),
            self.tr("The new number joins this contact's records; you choose the time next."),
            self.tr("&Next…"), parent)
        self.setObjectName("newNumberDialog")
        self.number = QComboBox(editable=True)
        self.number.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.number.setObjectName("newNumberCombo")
        self.number.setAccessibleName(self.tr("Phone number to call back on"))
        for phone in chain_numbers:
            if phone and phone != record.phone:
                self.number.addItem(phone)
        self.number.setCurrentText("")
        self.number.lineEdit().setPlaceholderText(self.tr("+1 212 555 0100"))
        label = QLabel(self.tr("&Number:"))
        label.setBuddy(self.number)
        self.form.addRow(label, self.number)
        self.problem = QLabel()
        self.problem.setObjectName("newNumberProblem")
        self.problem.setWordWrap(True)
        self.form.addRow(self.problem)
        self._current_phone = record.phone
        self.number.currentTextChanged.connect(self._check)
        # An editable combo box keeps Enter to itself: Enter in the number goes on, when it may.
        self.number.lineEdit().returnPressed.connect(lambda: self.ok_button.isEnabled() and self.accept())
        self.ok_button.setDefault(True)
        self._check()

    def _check(self, *_: object) -> None:
        text = self.number.currentText()
        phone = normalise_phone(text)
        problem = ""
        if text.strip() and phone is None:
            problem = self.tr("That is not a phone number: digits, spaces and one leading + only.")
        elif phone is not None and phone == normalise_phone(self._current_phone or ""):
            problem = self.tr("That is the number the callback already has.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.ok_button.setEnabled(phone is not None and not problem)

    def chosen_phone(self) -> str:
        return normalise_phone(self.number.currentText()) or ""
