"""Status colours that stay readable on the user's palette: light, dark or high contrast.

Each meaning has a shade for light backgrounds and one for dark ones; the one with the better
contrast against the window's background is used (WCAG's relative luminance). The colour only
helps: every state is also said in words and a symbol.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

SHADES = {  # meaning: (on a light background, on a dark background)
    "ok": ("#2e7d32", "#81c784"),
    "warning": ("#8a5300", "#ffb74d"),
    "error": ("#c62828", "#ef9a9a"),
    "neutral": ("#5f5f5f", "#bdbdbd"),
}


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def status_colour(meaning: str, palette: QPalette,
                  against: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    background = palette.color(against)
    return max((QColor(shade) for shade in SHADES[meaning]), key=lambda shade: contrast(shade, background))


def status_style(meaning: str, palette: QPalette, *, bold: bool = True) -> str:
    weight = " font-weight: bold;" if bold else ""
    return f"color: {status_colour(meaning, palette).name()};{weight}"
