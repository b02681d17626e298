"""The built bundle (installer/build.sh, build.ps1, macos/build.sh), started as a user would.

Skipped unless the bundle exists: in ``dist/agent-desktop/`` or where ``AGENT_DESKTOP_BUNDLE``
points (its executable or its folder). Run just these with ``pytest -m bundle tests/installer``.
The same checks as installer/smoke.sh, in Python so that the Windows and macOS CI jobs run them too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agent_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "agent-desktop.exe" if sys.platform == "win32" else "agent-desktop"


def _bundle_executable() -> Path:
    given = Path(os.environ.get("AGENT_DESKTOP_BUNDLE") or ROOT / "dist" / "agent-desktop")
    return given / EXE_NAME if given.is_dir() else given


EXE = _bundle_executable()
pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not EXE.is_file(), reason=f"no bundle at {EXE} (installer/build.sh builds it)"),
]


@pytest.fixture
def environment(tmp_path):
    """Offscreen, and a private home: logs, settings and demo data never touch the user's."""
    env = {k: v for k, v in os.environ.items() if k != "AGENT_DESKTOP_PASSWORD" and not k.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
                 "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
        Path(env[name]).mkdir()
    return env


def test_version(environment):
    done = subprocess.run([str(EXE), "--version"], env=environment, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"agent-desktop {__version__}"


def test_demo_shows_the_window_with_the_demo_callbacks_and_exits_cleanly(environment):
    environment["AGENT_DESKTOP_EXIT_WHEN_SHOWN"] = "25"
    posix = sys.platform != "win32"
    started = time.monotonic()
    proc = subprocess.Popen([str(EXE), "--demo"], env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                            start_new_session=posix)  # its own process group: leftovers are visible
    try:
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, err[-3000:]
    assert "SHOWN" in out.splitlines(), (out[-2000:], err[-3000:])
    assert "Traceback" not in err, err[-3000:]
    print(f"--demo until SHOWN and exit: {elapsed:.2f} s")
    if posix:  # the simulator it started (same process group) must be gone as well
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail("a process of the demo outlived the app (the simulator?)")


def _top() -> Path:
    """The bundle's folder (for a macOS .app: its Contents)."""
    return EXE.parent.parent if sys.platform == "darwin" and EXE.parent.name == "MacOS" else EXE.parent


def _bundled_files() -> list[Path]:
    return [path for path in _top().rglob("*") if path.is_file()]


def test_the_icons_are_bundled():
    names = {path.name for path in _bundled_files()}
    assert {"agent-desktop-16.png", "agent-desktop-512.png", "reschedule.svg", "settings.svg"} <= names


def test_tests_and_unused_qt_are_left_out():
    relative = [path.relative_to(_top()).as_posix() for path in _bundled_files()]
    assert not [p for p in relative if "/tests/" in p or p.startswith("tests/")]
    # The modules are plain files in the bundle (noarchive): nothing of the benchmarks or tools.
    assert any(p.endswith("agent_desktop/gui.pyc") for p in relative)
    assert not [p for p in relative if p.split("/")[1:2] in (["benchmarks"], ["tools"])]
    # Of the catalogues, only the app's and Qt's base ones for the languages it ships.
    assert sorted(Path(p).name for p in relative if p.endswith(".qm")) == [
        "agent_desktop_en.qm", "agent_desktop_es.qm", "qtbase_en.qm", "qtbase_es.qm"]
    for unused in ("Qt6Quick", "Qt6Qml", "Qt6Network", "Qt6Pdf", "qeglfs", "qvnc", "qgtk3", "opengl32sw"):
        assert not [p for p in relative if unused.lower() in p.lower()], unused
    # What the app needs of Qt: the platforms it runs on and the SVG engines.
    kept = " ".join(relative)
    assert "qoffscreen" in kept and "qsvgicon" in kept and "qsvg" in kept
    if sys.platform.startswith("linux"):
        assert "libqxcb" in kept and "libqwayland" in kept
