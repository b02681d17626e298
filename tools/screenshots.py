"""Regenerates the README's screenshots in docs/: the demo's main window (in English and in
Spanish), the day view, the reschedule dialog, the bulk move and the settings dialog.

Run with a real display (e.g. Xvfb) or offscreen:
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from agent_desktop.simulator import SimulatorConfig, SimulatorThread
from agent_desktop.domain.records import CallbackType
from agent_desktop.domain.store import RecordStore
from agent_desktop.localzone import local_zone
from agent_desktop.services.agent_session import AgentSession
from agent_desktop.services.gws_session import GwsSession
from agent_desktop.ui.controller import MainController
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.records_model import RECORD_ROLE

DOCS = Path(__file__).resolve().parent.parent / "docs"


async def shoot(app: QApplication) -> None:
    # The demo's planner settings: campaign hours, Monday to Saturday, two holidays.
    config = SimulatorConfig(agents=3, records_per_agent=25, seed=1, campaign_hours="*=08:00-21:00",
                             calling_days="mon-sat", holidays=None)
    with SimulatorThread(config) as sim:
        agent = AgentSession(GwsSession(sim.url, sim.usernames[0], sim.password), RecordStore())
        await agent.start()
        while len(agent.store) < 25:
            await asyncio.sleep(0.05)
        tz = local_zone()
        window = MainWindow(agent.store, agent_tz=tz, agent_name=agent.profile.display_name)
        from agent_desktop.ui.app_settings import Preferences

        # As the app makes it: the default working hours (the undo time stays 0 for the shots).
        controller = MainController(agent, window, agent_tz=tz, working_hours=Preferences().working_hours(tz))
        window.show()
        # Show one confirmed row, as an agent sees it after a reschedule.
        for row in range(3, window.proxy.rowCount()):
            record = window.proxy.index(row, 0).data(RECORD_ROLE)
            if record.callback_type is CallbackType.PERSONAL:
                window.table.selectRow(row)
                break
        await asyncio.sleep(0.3)
        window.grab().save(str(DOCS / "main-window.png"))
        task = controller.reschedule(window.current_record())
        while controller.dialog is None:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
        controller.dialog.grab().save(str(DOCS / "reschedule-dialog.png"))
        controller.dialog.reject()
        await task
        window.views.setCurrentIndex(1)  # the day view, on the day of the selected callback
        await asyncio.sleep(0.3)
        window.grab().save(str(DOCS / "day-view.png"))
        window.views.setCurrentIndex(0)
        window.table.selectAll()
        controller.planner.open_bulk_move(window.selected_records()[:12])
        await asyncio.sleep(0.3)
        controller.planner.bulk_dialog.grab().save(str(DOCS / "bulk-move.png"))
        controller.planner.bulk_dialog.reject()
        from agent_desktop.ui.settings_dialog import SettingsDialog

        settings = SettingsDialog(Preferences(nodes=["https://gws1.example.com", "https://gws2.example.com"]), window)
        settings.show()
        await asyncio.sleep(0.3)
        settings.grab().save(str(DOCS / "settings-dialog.png"))
        settings.close()
        window.close()
        # The same window in Spanish.
        from agent_desktop.ui import format as fmt
        from agent_desktop.ui.i18n import install_translators

        translators = install_translators(app, "es")
        fmt.reset_texts()
        spanish = MainWindow(agent.store, agent_tz=tz, agent_name=agent.profile.display_name)
        spanish.set_connection_state(agent.connection_state)
        spanish.show()
        await asyncio.sleep(0.3)
        spanish.grab().save(str(DOCS / "main-window-es.png"))
        spanish.close()
        for translator in translators:
            app.removeTranslator(translator)
        await agent.close()


def main() -> int:
    argparse.ArgumentParser(description=__doc__).parse_args()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(shoot(app))
    print(f"saved main-window(-es), day-view, reschedule-dialog, bulk-move and settings-dialog PNGs in {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
