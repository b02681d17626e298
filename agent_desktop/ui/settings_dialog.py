"""The settings dialog: GWS nodes, CA bundle, acknowledgement timeout, reminder lead times, which
time the table shows first, language. A bad value is refused in place, with its reason; nothing
already typed is lost."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.ui.app_settings import SLOT_MINUTES, UNDO_GRACE_S, Preferences, parse_minutes, parse_nodes


class SettingsDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._base = preferences

        self.nodes_edit = QPlainTextEdit("\n".join(preferences.nodes))
        self.nodes_edit.setObjectName("nodesEdit")
        self.nodes_edit.setTabChangesFocus(True)
        self.nodes_edit.setPlaceholderText("https://gws1.example.com\nhttps://gws2.example.com")
        self.nodes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.nodes_edit.setAccessibleName(self.tr("GWS server addresses"))
        self.nodes_edit.setAccessibleDescription(self.tr("One address per line, tried in this order."))

        self.ca_edit = QLineEdit(preferences.ca_bundle)
        self.ca_edit.setObjectName("caBundleEdit")
        self.ca_edit.setPlaceholderText(self.tr("The system's certificates"))
        self.ca_edit.setAccessibleName(self.tr("CA bundle file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("caBundleBrowse")
        browse.setAccessibleName(self.tr("Choose the CA bundle file"))
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(browse)

        self.ack_spin = QSpinBox()
        self.ack_spin.setObjectName("ackTimeoutSpin")
        self.ack_spin.setRange(5, 600)
        self.ack_spin.setSuffix(self.tr(" s"))
        self.ack_spin.setValue(preferences.ack_timeout_s)
        self.ack_spin.setAccessibleName(self.tr("Acknowledgement timeout in seconds"))

        self.reminders_edit = QLineEdit(", ".join(str(m) for m in preferences.reminder_minutes))
        self.reminders_edit.setObjectName("reminderMinutesEdit")
        self.reminders_edit.setPlaceholderText(self.tr("none"))
        self.reminders_edit.setAccessibleName(self.tr("Reminder lead times in minutes"))
        self.reminders_edit.setAccessibleDescription(
            self.tr("Minutes before a callback is due, separated by commas. Empty: no reminders."))

        self.slot_spin = QSpinBox()
        self.slot_spin.setObjectName("slotMinutesSpin")
        self.slot_spin.setRange(*SLOT_MINUTES)
        self.slot_spin.setSuffix(self.tr(" min"))
        self.slot_spin.setValue(preferences.slot_minutes)
        self.slot_spin.setAccessibleName(self.tr("Callback slot length in minutes"))
        self.slot_spin.setAccessibleDescription(
            self.tr("Two of your personal callbacks closer than this are shown as a conflict."))

        self.grace_spin = QSpinBox()
        self.grace_spin.setObjectName("undoGraceSpin")
        self.grace_spin.setRange(*UNDO_GRACE_S)
        self.grace_spin.setSuffix(self.tr(" s"))
        self.grace_spin.setSpecialValueText(self.tr("Send at once"))
        self.grace_spin.setValue(preferences.undo_grace_s)
        self.grace_spin.setAccessibleName(self.tr("Undo time in seconds"))
        self.grace_spin.setAccessibleDescription(
            self.tr("A reschedule waits this long before it is sent, so that you can undo it."))

        self.work_start = QTimeEdit(QTime(preferences.work_start_min // 60, preferences.work_start_min % 60))
        self.work_start.setObjectName("workStartEdit")
        self.work_start.setDisplayFormat("HH:mm")
        self.work_start.setAccessibleName(self.tr("Working hours from"))
        self.work_end = QTimeEdit(QTime(preferences.work_end_min // 60, preferences.work_end_min % 60))
        self.work_end.setObjectName("workEndEdit")
        self.work_end.setDisplayFormat("HH:mm")
        self.work_end.setAccessibleName(self.tr("Working hours until"))
        work_row = QHBoxLayout()
        work_row.addWidget(self.work_start)
        work_row.addWidget(QLabel(self.tr("to")))
        work_row.addWidget(self.work_end)
        work_row.addStretch(1)

        self.zone_combo = QComboBox()
        self.zone_combo.setObjectName("firstZoneCombo")
        self.zone_combo.addItem(self.tr("My time"), "agent")
        self.zone_combo.addItem(self.tr("The contact's time"), "contact")
        self.zone_combo.setCurrentIndex(max(0, self.zone_combo.findData(preferences.first_zone)))
        self.zone_combo.setAccessibleName(self.tr("Time shown first"))

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem(self.tr("As the system"), "system")
        self.language_combo.addItem("English", "en")  # each language in its own words
        self.language_combo.addItem("Español", "es")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(preferences.language)))
        self.language_combo.setAccessibleName(self.tr("Language"))

        form = QFormLayout()
        form.addRow(self._label(self.tr("GWS &servers:"), self.nodes_edit), self.nodes_edit)
        form.addRow(self._label(self.tr("&CA bundle:"), self.ca_edit), ca_row)
        form.addRow(self._label(self.tr("&Acknowledgement timeout:"), self.ack_spin), self.ack_spin)
        form.addRow(self._label(self.tr("&Remind me (minutes before):"), self.reminders_edit), self.reminders_edit)
        form.addRow(self._label(self.tr("Callback sl&ot length:"), self.slot_spin), self.slot_spin)
        form.addRow(self._label(self.tr("&Undo time before sending:"), self.grace_spin), self.grace_spin)
        work_label = self._label(self.tr("My &working hours:"), self.work_start)
        work_label.setToolTip(self.tr("Personal callbacks are suggested and planned inside them."))
        form.addRow(work_label, work_row)
        form.addRow(self._label(self.tr("Show &first:"), self.zone_combo), self.zone_combo)
        form.addRow(self._label(self.tr("&Language:"), self.language_combo), self.language_combo)

        self.note = QLabel(self.tr("Server and language changes apply at the next start."))
        self.note.setObjectName("settingsNote")
        self.note.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("settingsError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Error"))
        self.error_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("settingsButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._result: Preferences | None = None

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _browse_ca(self) -> None:
        # Not exec(): the file dialog is window-modal and answers through a signal.
        picker = QFileDialog(self, self.tr("CA bundle"), self.ca_edit.text(),
                             self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        picker.setObjectName("caBundlePicker")
        picker.setFileMode(QFileDialog.FileMode.ExistingFile)
        picker.fileSelected.connect(self.ca_edit.setText)
        picker.open()

    def preferences(self) -> Preferences | None:
        """The preferences as entered, once accepted."""
        return self._result

    def accept(self) -> None:
        try:
            nodes = parse_nodes(self.nodes_edit.toPlainText())
            minutes = parse_minutes(self.reminders_edit.text())
        except ValueError as bad:
            self.error_label.setText(str(bad))
            self.error_label.show()
            return
        self._result = Preferences(
            nodes=nodes,
            ca_bundle=self.ca_edit.text().strip(),
            ack_timeout_s=self.ack_spin.value(),
            reminder_minutes=minutes,
            first_zone=str(self.zone_combo.currentData()),
            language=str(self.language_combo.currentData()),
            slot_minutes=self.slot_spin.value(),
            undo_grace_s=self.grace_spin.value(),
            work_start_min=self.work_start.time().hour() * 60 + self.work_start.time().minute(),
            work_end_min=self.work_end.time().hour() * 60 + self.work_end.time().minute(),
        )
        super().accept()
