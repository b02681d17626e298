"""100,000 records pushed as notifications → all in the view; the longest event-loop stall meanwhile;
peak memory with them loaded; a keystroke in the filter box → view filtered.

The simulator runs in its own process (its memory and CPU are not the app's). This process runs
the real window (offscreen) on the qasync loop, logged in as the agent the records belong to.
"""

from __future__ import annotations

import asyncio
import os
import resource
import sys
import time

from benchmarks.harness import Metric, median, process_cpu_s, simulator


def run(quick: bool) -> list[Metric]:
    count = 20_000 if quick else 100_000
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from agent_desktop.domain.store import RecordStore
    from agent_desktop.localzone import local_zone
    from agent_desktop.services.agent_session import AgentSession
    from agent_desktop.services.gws_session import GwsSession
    from agent_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    results: dict[str, float] = {}

    async def scenario(sim) -> None:
        store = RecordStore()
        window = MainWindow(store, agent_tz=local_zone(), agent_name="bench")
        window.show()
        stalls: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            stalls.append(now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(beat)
        agent = AgentSession(GwsSession(sim.url, sim.username, sim.password), store)
        loaded = asyncio.Event()
        model = window.model
        model.rowsInserted.connect(lambda *_: loaded.set() if model.rowCount() >= count else None)
        heartbeat.start()
        started = time.perf_counter()
        cpu_started = time.process_time()
        sim_cpu_started = process_cpu_s(sim.process.pid)
        await agent.start()
        await loaded.wait()
        # "In the view": taken in and sorted into place by the proxy (it coalesces a burst), and painted.
        while not window.proxy.settled():
            await asyncio.sleep(0.005)
        window.table.viewport().repaint()
        results["ingest"] = time.perf_counter() - started
        # The app's own CPU time meanwhile: near the wall time, the app is the bottleneck;
        # well under it, the app waits (for the simulator, the network).
        results["ingest_cpu"] = time.process_time() - cpu_started
        results["sim_cpu"] = process_cpu_s(sim.process.pid) - sim_cpu_started
        heartbeat.stop()
        results["stall"] = max(stalls[1:] or [0]) * 1000
        results["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        assert window.proxy.rowCount() == count, window.proxy.rowCount()
        # Keystrokes in the filter box: the text grows a letter at a time, as typed.
        samples = []
        for word in ("a", "an", "ana", "m", "ma", "mar", "+1", "+13", "win", "card", "", "lo", "lop"):
            began = time.perf_counter()
            window.filter_edit.setText(word)
            window.table.doItemsLayout()  # the view takes the new rows ...
            window.table.viewport().repaint()  # ... and paints them, before the clock stops
            samples.append((time.perf_counter() - began) * 1000)
            await asyncio.sleep(0)
        results["filter"] = median(samples)
        results["filter_max"] = max(samples)
        window.close()
        await agent.close()

    with simulator("--agents", "1", "--records-per-agent", str(count), "--seed", "3") as sim:
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        if os.environ.get("BENCH_DEBUG_SLOW"):  # name the callbacks behind a stall
            import logging
            logging.basicConfig(level=logging.WARNING)
            loop.set_debug(True)
            loop.slow_callback_duration = 0.03
        with loop:
            loop.run_until_complete(scenario(sim))
    size = f"{count:,} records"
    return [
        Metric("ingest_100k_s", results["ingest"], "s", 3.0, "lower",
               f"{size}, CPU: app {results['ingest_cpu']:.1f} s, simulator {results['sim_cpu']:.1f} s"),
        Metric("ingest_max_stall_ms", results["stall"], "ms", 50.0, "lower", f"{size}, 5 ms heartbeat"),
        Metric("rss_100k_mb", results["rss"], "MB", 400.0, "lower", f"{size}, peak RSS of the app process"),
        Metric("filter_100k_ms", results["filter"], "ms", 50.0, "lower",
               f"{size}, median of 13 keystrokes (max {results['filter_max']:.0f} ms)"),
    ]
