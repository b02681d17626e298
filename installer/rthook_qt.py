"""Run-time hook of the bundle, in place of PyInstaller's ``pyi_rth_pyside6``.

PyInstaller's hook imports ``PySide6.QtCore`` in every process the bundle starts, to register a
``qt.conf``: 0.2 s more for ``--version``, the headless commands and the demo's simulator process,
none of which use Qt. PySide6 registers the same ``qt.conf`` itself when QtCore is first imported,
so only the plugin path is set here (and the only Qt binding is PySide6 by construction).
"""

import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(
    sys._MEIPASS, "PySide6", *(() if sys.platform == "win32" else ("Qt",)), "plugins")
