"""The application's icons, from the files in ``agent_desktop/resources/icons/``.

- ``app_icon()``: the window and taskbar icon, from the PNG renders of ``agent-desktop.svg``
  (16 to 512 px; ``tools/make_icons.py`` makes them, they are committed, so nothing is rendered
  at start-up and no SVG plugin is needed for it).
- ``action_icon(name)``: a toolbar icon. The SVGs are monochrome, drawn in ``currentColor``; each
  is rendered in the palette's button-text colour (and its disabled colour), at every pixel size
  that 16 to 32 px icons need between 100 % and 200 % scaling, so it is sharp on every screen and
  readable on light and dark themes. Ask again after a palette change (``QEvent.PaletteChange``).
  (A plain ``QIcon("x.svg")`` would be as sharp but draw ``currentColor`` black on every theme.)

The folder is found next to this package in a source checkout and in an installed wheel (it is
package data), and under ``sys._MEIPASS`` in a PyInstaller bundle.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

APP_ICON_NAME = "agent-desktop"
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ACTION_ICONS = ("reschedule", "filter", "search", "refresh", "settings", "help", "log-folder")

# Every pixel size a 16, 20, 24 or 32 px icon needs at 100, 125, 150, 175 and 200 % scaling.
_ACTION_PIXEL_SIZES = tuple(sorted({round(base * scale) for base in (16, 20, 24, 32)
                                    for scale in (1.0, 1.25, 1.5, 1.75, 2.0)}))
_RESOURCES = Path("agent_desktop", "resources", "icons")


def icons_dir() -> Path:
    """The folder holding the icon files, in a checkout, an installed package or a bundle."""
    beside = Path(__file__).resolve().parent.parent / "resources" / "icons"
    if beside.is_dir():
        return beside
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / _RESOURCES).is_dir():
        return Path(bundle) / _RESOURCES
    return beside


def app_icon() -> QIcon:
    """The application icon at every size it is drawn in (window, taskbar, switcher)."""
    folder = icons_dir()
    icon = QIcon()
    for size in APP_ICON_SIZES:
        icon.addFile(str(folder / f"{APP_ICON_NAME}-{size}.png"), QSize(size, size))
    return icon


@lru_cache(maxsize=None)
def _action_svg(name: str) -> bytes:
    if name not in ACTION_ICONS:
        raise ValueError(f"no action icon named {name!r} (known: {', '.join(ACTION_ICONS)})")
    return (icons_dir() / "actions" / f"{name}.svg").read_bytes()


def action_icon(name: str, color: QColor | str | None = None) -> QIcon:
    """The toolbar icon ``name`` (one of ``ACTION_ICONS``), in ``color`` or the palette's.

    A QGuiApplication must exist. The disabled state uses the palette's disabled text colour.
    """
    from PySide6.QtSvg import QSvgRenderer  # loaded with the first action icon, not at start-up

    svg = _action_svg(name)
    palette = QGuiApplication.palette()
    normal = QColor(color) if color is not None else palette.color(
        QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    icon = QIcon()
    for mode, colour in ((QIcon.Mode.Normal, normal), (QIcon.Mode.Disabled, disabled)):
        renderer = QSvgRenderer(QByteArray(svg.replace(b"currentColor", colour.name().encode("ascii"))))
        for size in _ACTION_PIXEL_SIZES:
            pixmap = QPixmap(size, size)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setOpacity(colour.alphaF())  # the SVG takes #rrggbb; a translucent colour stays so
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon
