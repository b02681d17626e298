"""Marking user-visible texts of the layers below the UI for translation, without Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; ``pyside6-lupdate`` finds the
calls by name and puts the texts in the translation files. A :class:`Message` keeps the English
template and its parameters apart, so the UI can translate the template and fill it in, while logs
and the command line use the English ``str()``.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


class Message(str):
    """An English text that also remembers its template, translation context and parameters."""

    context: str
    template: str
    params: dict[str, Any]

    def __new__(cls, context: str, template: str, **params: Any) -> "Message":
        text = super().__new__(cls, template.format(**params) if params else template)
        text.context, text.template, text.params = context, template, params
        return text
