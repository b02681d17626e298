"""Renders the application icon's raster files from its SVG source.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py           # (re)write them
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py --check   # exit 1 if stale

From ``agent_desktop/resources/icons/agent-desktop.svg`` it writes, next to it:

- ``agent-desktop-<size>.png`` for 16, 24, 32, 48, 64, 128, 256 and 512 px (the window icon,
  and the hicolor theme icons of the .deb);
- ``agent-desktop.ico`` (Windows: the executable and the installer), PNG-compressed entries of
  16 to 256 px;
- ``agent-desktop.icns`` (macOS: the .app), PNG entries of 16 to 1024 px.

Only Qt is used (``QSvgRenderer`` from PySide6-Essentials); the .ico and .icns containers are
written here by hand (both are a small header and a table of PNG images), so no image library
is needed. The files are committed: the app never runs this at start-up.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "agent_desktop" / "resources" / "icons"
NAME = "agent-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types repeat a size).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file: ICONDIR, one 16-byte ICONDIRENTRY per image, then the PNG images."""
    sizes = [size for size in ICO_SIZES if size in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: 'icns' + total length, then (type, length incl. header, PNG) elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def ico_images(data: bytes) -> dict[int, bytes]:
    """The PNG images of an ICO file, by pixel size (raises ValueError if it is not one)."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1 or count == 0:
        raise ValueError("not an ICO file")
    images = {}
    for index in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        blob = data[offset:offset + length]
        if len(blob) != length or not blob.startswith(b"\x89PNG"):
            raise ValueError("ICO entry is not a whole PNG image")
        images[side or 256] = blob
    return images


def icns_images(data: bytes) -> dict[bytes, bytes]:
    """The elements of an ICNS file, by type (raises ValueError if it is not one)."""
    if data[:4] != b"icns" or struct.unpack_from(">I", data, 4)[0] != len(data):
        raise ValueError("not an ICNS file")
    images, offset = {}, 8
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        if length < 8 or offset + length > len(data):
            raise ValueError("ICNS element runs past the end")
        images[kind] = data[offset + 8:offset + length]
        offset += length
    return images


def build(source: Path) -> dict[str, bytes]:
    """Every raster file, by file name, rendered from ``source``."""
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG for Qt")
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: png_bytes(render(renderer, size)) for size in sizes}
    files = {f"{NAME}-{size}.png": pngs[size] for size in PNG_SIZES}
    files[f"{NAME}.ico"] = ico_bytes(pngs)
    files[f"{NAME}.icns"] = icns_bytes(pngs)
    return files


def _same_picture(old: bytes, new: bytes) -> bool:
    """PNGs may differ in bytes between Qt/zlib versions: compare the pixels, with a tolerance."""
    a, b = QImage.fromData(old), QImage.fromData(new)
    if a.isNull() or a.size() != b.size():
        return False
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    pa, pb = bytes(a.constBits()), bytes(b.constBits())
    worst = max(abs(x - y) for x, y in zip(pa, pb))
    return worst <= 24  # antialiasing may round differently; a changed drawing differs by far more


def check(folder: Path, files: dict[str, bytes]) -> list[str]:
    """What is missing or out of date in ``folder``, compared with freshly rendered ``files``."""
    stale = []
    for name, data in files.items():
        path = folder / name
        if not path.is_file():
            stale.append(f"{name}: missing")
            continue
        old = path.read_bytes()
        try:
            if name.endswith(".ico"):
                pairs = [(ico_images(old).get(size, b""), png) for size, png in ico_images(data).items()]
            elif name.endswith(".icns"):
                pairs = [(icns_images(old).get(kind, b""), png) for kind, png in icns_images(data).items()]
            else:
                pairs = [(old, data)]
        except (ValueError, struct.error) as error:
            stale.append(f"{name}: {error}")
            continue
        if not all(_same_picture(a, b) for a, b in pairs):
            stale.append(f"{name}: differs from the SVG")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed files instead of writing")
    parser.add_argument("--out", type=Path, default=ICONS, help="folder to write to (default: beside the SVG)")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QtSvg wants one for fonts
    files = build(ICONS / f"{NAME}.svg")
    if args.check:
        stale = check(args.out, files)
        for line in stale:
            print(f"make_icons: {line}", file=sys.stderr)
        if stale:
            print("make_icons: run tools/make_icons.py and commit the result", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (args.out / name).write_bytes(data)
        print(f"{args.out / name} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
