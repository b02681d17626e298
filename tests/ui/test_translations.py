"""Every text has its Spanish translation, the compiled catalogues match their sources, and the
window really speaks Spanish when the language is Spanish."""

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from agent_desktop.domain.records import CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey
from agent_desktop.domain.reminders import ReminderTracker
from agent_desktop.domain.rules import RescheduleRefused, validate_reschedule
from agent_desktop.domain.store import RecordStore
from agent_desktop.ui import format as fmt
from agent_desktop.ui.i18n import install_translators, language_for, translated
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.records_model import Column

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def spanish(qapp):
    fmt.reset_texts()
    translators = install_translators(qapp, "es")
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale("en"))
    fmt.reset_texts()


def test_every_text_is_translated_and_every_catalogue_compiled():
    done = subprocess.run([sys.executable, "tools/update_translations.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_language_follows_the_setting_then_the_system():
    assert language_for("es", QLocale("en_US")) == "es"
    assert language_for("system", QLocale("es_MX")) == "es"
    assert language_for("system", QLocale("de_DE")) == "en"


def test_the_window_in_spanish(qtbot, spanish):
    assert len(spanish) == 2  # ours and Qt's own (standard buttons)
    store = RecordStore()
    soon = datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc) + timedelta(days=3650)
    store.upsert(OutboundRecord(key=RecordKey(1, 1), campaign_name="Fidelización", contact_name="Lucía",
                                scheduled_at=soon))
    window = MainWindow(store, agent_tz=ZoneInfo("Europe/Madrid"), agent_name="Lucía",
                        reminder_tracker=ReminderTracker(lead_times=()))
    qtbot.addWidget(window)
    window.show()
    assert window.reschedule_action.text() == "&Reprogramar…"
    assert [a.text() for a in window.menuBar().actions()] == ["&Archivo", "&Edición", "&Ver", "&Registro", "A&yuda"]
    assert window.model.headerData(Column.STATUS, Qt.Orientation.Horizontal) == "Estado"
    assert window.proxy.index(0, Column.STATUS).data() == "Programada"
    assert window.proxy.index(0, Column.WHEN).data() == "lun 24 nov 10:00"  # Monday 24 November 2036, Madrid
    assert window.count_label.text() == "1 rellamadas"
    assert window.filter_edit.placeholderText().startswith("Filtrar")


def test_rule_refusals_reach_the_agent_in_spanish(spanish):
    ny = ContactZone(ZoneInfo("America/New_York"), "America/New_York")
    record = OutboundRecord(key=RecordKey(1, 1), campaign_name="C", contact_zone=ny,
                            calling_window=CallingWindow(9 * 3600, 17 * 3600))
    now = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)
    with pytest.raises(RescheduleRefused) as refused:
        validate_reschedule(datetime(2026, 11, 28, 3, 0, tzinfo=timezone.utc), CallbackType.PERSONAL,
                            now=now, record=record)
    assert str(refused.value.message).startswith("22:00 is outside")  # English for logs and the CLI
    assert translated(refused.value.message) == (
        "22:00 está fuera del horario de llamadas del contacto (09:00–17:00 America/New_York).")


def test_service_errors_shown_in_the_login_dialog_are_in_spanish(qtbot, spanish):
    from agent_desktop.services.credentials import ABSENT, _PROBLEMS
    from agent_desktop.services.gws_session import normalise_server_url
    from agent_desktop.ui.login_dialog import LoginDialog

    dialog = LoginDialog(["https://gws.example.com"], "agent1")
    qtbot.addWidget(dialog)
    dialog.show_error(_wrong_password_message())
    assert dialog.status_label.text() == "✗ Usuario o contraseña incorrectos."
    dialog.vault_unavailable(_PROBLEMS[ABSENT])
    assert dialog.vault_note.text() == ("No hay ningún almacén de contraseñas disponible en este equipo. "
                                        "Se pedirá tu contraseña cada vez.")
    with pytest.raises(ValueError) as bad:
        normalise_server_url("http://gws.example.com")
    assert str(bad.value).startswith("http://gws.example.com is not encrypted")  # English for logs and the CLI
    assert translated(bad.value.args[0]).startswith("http://gws.example.com no está cifrado")
    assert translated("The server's own words") == "The server's own words"  # a plain str passes unchanged


def _wrong_password_message() -> str:
    """What GwsSession raises for an HTTP 401 (through a mock transport: this test is about words)."""
    import asyncio

    import httpx

    from agent_desktop.services.errors import AuthenticationFailed
    from agent_desktop.services.gws_session import GwsSession

    async def attempt() -> str:
        session = GwsSession("https://gws.example.com", "agent1", "secret",
                             transport=httpx.MockTransport(lambda request: httpx.Response(401)))
        try:
            await session.login()
        except AuthenticationFailed as failure:
            return failure.message
        finally:
            await session.aclose()
        raise AssertionError("an HTTP 401 was not taken for a wrong password")

    return asyncio.run(attempt())
