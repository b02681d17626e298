"""``agent-desktop --demo``: the built-in GWS simulator on loopback, and the app against it.

Part of the composition root (with ``app.py``): the only client-side module that loads the
simulator. Until the agent window exists this runs the headless flow: list the demo agent's
records, reschedule one, print the acknowledgement.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

from agent_desktop import headless
from agent_desktop.domain.records import CallbackType
from agent_desktop.domain.rules import next_valid_slot
from agent_desktop.simulator import SimulatorConfig, SimulatorThread

DEMO_CONFIG = SimulatorConfig(host="127.0.0.1", port=0, agents=3, records_per_agent=25, seed=1)


def run_headless_demo(config: SimulatorConfig = DEMO_CONFIG) -> int:
    with SimulatorThread(config) as sim:
        conn = headless.Connection(server=sim.url, username=sim.usernames[0])
        print(f"GWS simulator on {sim.url}; logged in as {conn.username}\n")
        try:
            records = asyncio.run(headless.collect_records(conn, sim.password, settle_s=0.5))
            print(headless.format_records_table(records))
            now = datetime.now(timezone.utc)
            for record in records:
                if record.callback_type is not CallbackType.PERSONAL:
                    continue
                slot = next_valid_slot(now + timedelta(hours=1), record=record)
                if slot is None:
                    continue
                print(
                    f"\nRescheduling {record.contact_name} (handle {record.key.record_handle}) to "
                    f"{slot.astimezone():%a %d %b %H:%M} your time, "
                    f"{slot.astimezone(record.contact_zone.tz) if record.contact_zone else slot:%H:%M} theirs…"
                )
                ack = asyncio.run(
                    headless.reschedule(
                        conn,
                        sim.password,
                        record_handle=record.key.record_handle,
                        application_id=record.key.application_id,
                        campaign=record.campaign_name,
                        when=slot,
                        callback_type=CallbackType.PERSONAL,
                        timeout_s=10.0,
                    )
                )
                headless.print_json_line(ack)
                return headless.EXIT_OK
            print("No personal callback to reschedule.")
            return headless.EXIT_OK
        except headless.CommandFailed as exc:
            print(f"agent-desktop: {exc.message}")
            return exc.exit_code
