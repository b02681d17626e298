"""Agent Desktop: a Genesys outbound agent's scheduled callbacks, on the desktop."""

__version__ = "0.1.0"
