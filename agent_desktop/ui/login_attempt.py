"""One login attempt: what the dialog, the command line or the demo hands to the connector.

Its own small module so that a start-up that needs no dialog (the demo, a saved password) does
not load the dialog's code (``login_dialog`` re-exports it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LoginAttempt:
    server: str
    username: str
    password: str
    remember: bool
