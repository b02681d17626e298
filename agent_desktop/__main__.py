"""``python -m agent_desktop`` runs the same entry point as ``agent-desktop``."""

from agent_desktop.app import main

raise SystemExit(main())
