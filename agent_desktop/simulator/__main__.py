"""``python -m agent_desktop.simulator`` runs the same entry point as ``agent-desktop-sim``."""

from .cli import main

raise SystemExit(main())
