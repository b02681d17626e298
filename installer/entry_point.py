"""The bundle's entry point (installer/agent_desktop.spec): the same as ``agent-desktop``."""

from agent_desktop.app import main

raise SystemExit(main())
