"""The Qt binding must not corrupt the interpreter.

PySide6 6.12.0 drops one reference to ``None`` on every call of a method that returns void; on
Python 3.11 (where ``None`` is not immortal) the app then dies with "deallocating None" after a
few thousand calls, minutes into a shift. pyproject.toml excludes that release; this test fails
on any binding with the same defect.
"""

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(1000):
    label.setText("x")   # a member function returning void
    label.update()
    QApplication.processEvents()   # a static one
print(sys.getrefcount(None) - before)
"""


def test_void_calls_keep_the_reference_count_of_none():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    lost = -int(done.stdout.strip().splitlines()[-1])
    assert lost < 100, f"3,000 void calls lost {lost} references to None (a broken PySide6 build)"
