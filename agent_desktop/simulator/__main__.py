"""``python -m agent_desktop.simulator`` runs the same entry point as ``agent-desktop-sim``."""

import gc

# This process is the simulator alone. Its start-up (aiohttp, the server, the world) makes tens
# of thousands of objects that live as long as it; the collector is off until they are made and
# then frozen out of its sight (``cli._tune_gc``), instead of walking them again and again while
# they are made. The ready line comes ~0.1 s sooner.
gc.disable()

from .cli import main  # noqa: E402

raise SystemExit(main())
