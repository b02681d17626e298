"""The user's language: Qt translators for our texts and Qt's own (standard buttons, context
menus), chosen from the setting or the system locale.

Our ``.ts`` sources and compiled ``.qm`` files live in ``agent_desktop/resources/translations``
(``tools/update_translations.py`` refreshes both). Texts from the layers below the UI arrive as
:class:`agent_desktop.texts.Message`; :func:`translated` renders them in the user's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from agent_desktop.texts import Message

LANGUAGES = ("en", "es")  # what we ship; English is the source language
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def language_for(setting: str, system: QLocale | None = None) -> str:
    """``setting`` ("system", "en", "es") → the language to show."""
    if setting in LANGUAGES:
        return setting
    for name in (system or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and Qt's for ``language``; returns the translators (keep them alive)."""
    installed: list[QTranslator] = []
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(f"agent_desktop_{language}", str(TRANSLATIONS)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def translated(text: str) -> str:
    """A text from below the UI in the user's language (a plain ``str`` passes unchanged:
    the server's own words, say)."""
    if isinstance(text, Message):
        template = QCoreApplication.translate(text.context, text.template)
        try:
            return template.format(**text.params) if text.params else template
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
            return str(text)
    return text
