"""The icons: every one loads, draws something at toolbar sizes, and the raster files are current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage

from agent_desktop.ui import icons

ROOT = Path(__file__).resolve().parents[2]


def painted_pixels(icon: QIcon, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> list[QColor]:
    image = icon.pixmap(QSize(size, size), 1.0, mode).toImage()
    assert (image.width(), image.height()) == (size, size)
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return [image.pixelColor(x, y) for y in range(size) for x in range(size) if image.pixelColor(x, y).alpha() > 128]


@pytest.mark.parametrize("name", icons.ACTION_ICONS)
@pytest.mark.parametrize("size", [16, 32])
def test_every_action_icon_loads_and_draws(qapp, name, size):
    icon = icons.action_icon(name)
    assert not icon.isNull()
    drawn = painted_pixels(icon, size)
    # A line drawing: clearly something, far from a filled square.
    assert size * size * 0.06 < len(drawn) < size * size * 0.7


@pytest.mark.parametrize("name", icons.ACTION_ICONS)
def test_action_icons_take_the_requested_colour_on_light_and_dark(qapp, name):
    for colour in ("#1f1f1f", "#f0f0f0"):  # a light theme's text, a dark theme's text
        drawn = painted_pixels(icons.action_icon(name, colour), 32)
        opaque = [c for c in drawn if c.alpha() == 255]
        assert opaque and all(c.name() == colour for c in opaque)


def test_action_icons_are_sharp_at_fractional_scaling(qapp):
    icon = icons.action_icon("reschedule")
    for logical, scale in ((16, 1.25), (16, 1.5), (24, 1.5), (16, 1.75), (32, 2.0)):
        pixmap = icon.pixmap(QSize(logical, logical), scale)
        # Rendered for that exact pixel size, not scaled from another one.
        assert pixmap.width() == round(logical * scale)
        assert pixmap.width() in icons._ACTION_PIXEL_SIZES


def test_disabled_action_icons_use_the_disabled_colour(qapp):
    from PySide6.QtGui import QGuiApplication, QPalette

    disabled = QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    drawn = painted_pixels(icons.action_icon("filter"), 32, QIcon.Mode.Disabled)
    assert any(c.name() == disabled.name() for c in drawn)


def test_unknown_action_icon_is_an_error(qapp):
    with pytest.raises(ValueError, match="no action icon"):
        icons.action_icon("no-such-icon")


def test_every_action_svg_is_monochrome_current_color():
    for name in icons.ACTION_ICONS:
        text = (icons.icons_dir() / "actions" / f"{name}.svg").read_text(encoding="utf-8")
        assert "currentColor" in text
        assert "#" not in text.split("<svg", 1)[1], f"{name}.svg has a fixed colour"


def test_app_icon_has_every_size(qapp):
    icon = icons.app_icon()
    assert not icon.isNull()
    assert [s.width() for s in icon.availableSizes()] == list(icons.APP_ICON_SIZES)
    for size in (16, 32, 256):
        assert len(painted_pixels(icon, size)) > size * size * 0.5  # a filled tile


def test_icons_are_found_in_a_bundle(monkeypatch, tmp_path):
    """In a PyInstaller bundle the data files sit under sys._MEIPASS, not beside the modules."""
    bundled = tmp_path / "agent_desktop" / "resources" / "icons"
    bundled.mkdir(parents=True)
    monkeypatch.setattr(icons, "__file__", str(tmp_path / "elsewhere" / "ui" / "icons.pyc"))
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert icons.icons_dir() == bundled


def test_the_icons_are_package_data():
    """pyproject.toml ships every file icons.py reads (a wheel without them has no icons)."""
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    package = ROOT / "agent_desktop"
    shipped = {p for pattern in patterns["agent_desktop"] for p in package.glob(pattern)}
    needed = {icons.icons_dir() / f"{icons.APP_ICON_NAME}-{s}.png" for s in icons.APP_ICON_SIZES}
    needed |= {icons.icons_dir() / "actions" / f"{n}.svg" for n in icons.ACTION_ICONS}
    assert needed <= shipped


def test_the_raster_icons_are_rendered_from_the_current_svg():
    """Whoever changes agent-desktop.svg must run tools/make_icons.py (and commit the result)."""
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_icons.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
