"""Preferences survive a restart, bad stored values fall back to defaults, the dialog refuses bad
input in place and keeps what was typed."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings

from agent_desktop.ui.app_settings import Preferences, load_preferences, parse_minutes, parse_nodes, save_preferences
from agent_desktop.ui.settings_dialog import SettingsDialog


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "agent-desktop.ini"), QSettings.Format.IniFormat)


def test_preferences_round_trip_through_a_new_settings_object(settings, tmp_path):
    chosen = Preferences(nodes=["https://gws1.example.com", "https://gws2.example.com"], ca_bundle="/etc/ca.pem",
                         ack_timeout_s=45, reminder_minutes=[10], first_zone="contact", language="es")
    save_preferences(settings, chosen)
    again = load_preferences(QSettings(str(tmp_path / "agent-desktop.ini"), QSettings.Format.IniFormat))
    assert again == chosen
    assert again.reminder_leads == (timedelta(minutes=10),)


def test_defaults_and_junk_fall_back(settings):
    assert load_preferences(settings) == Preferences()
    settings.setValue("gws/ackTimeoutSeconds", "forever")
    settings.setValue("reminders/minutes", ["15", "-3", "x", "99999"])
    settings.setValue("view/firstZone", "moon")
    settings.setValue("view/language", "klingon")
    settings.setValue("login/servers", ["https://remembered.example.com"])
    loaded = load_preferences(settings)
    assert loaded.ack_timeout_s == 30 and loaded.reminder_minutes == [15]
    assert loaded.first_zone == "agent" and loaded.language == "system"
    assert loaded.nodes == ["https://remembered.example.com"]


def test_no_reminders_is_a_choice_that_is_kept(settings):
    save_preferences(settings, Preferences(reminder_minutes=[]))
    assert load_preferences(settings).reminder_minutes == []


def test_parsers_explain_what_is_wrong():
    assert parse_minutes(" 5, 15;15 ") == [15, 5]
    assert parse_nodes("https://a.example.com/\nhttps://b.example.com, https://a.example.com") == [
        "https://a.example.com", "https://b.example.com"]
    with pytest.raises(ValueError, match="minutes"):
        parse_minutes("5, soon")
    with pytest.raises(ValueError, match="server address"):
        parse_nodes("gws.example.com")


def test_the_dialog_refuses_bad_input_in_place_then_accepts(qtbot):
    dialog = SettingsDialog(Preferences(nodes=["https://gws1.example.com"]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reminders_edit.setText("15, later")
    dialog.accept()
    assert dialog.isVisible() and dialog.preferences() is None
    assert "later" in dialog.error_label.text() and dialog.error_label.isVisible()
    assert dialog.nodes_edit.toPlainText() == "https://gws1.example.com"  # nothing typed is lost
    dialog.reminders_edit.setText("20")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.preferences() == Preferences(nodes=["https://gws1.example.com"], reminder_minutes=[20], language="es")
    for widget in (dialog.nodes_edit, dialog.ca_edit, dialog.ack_spin, dialog.reminders_edit,
                   dialog.zone_combo, dialog.language_combo):
        assert widget.accessibleName()
