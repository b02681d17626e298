"""Capped exponential backoff with jitter, for every retry loop of the app.

Jitter spreads 500 desktops that lost the same server, so they do not all come back in the
same second.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base_s: float = 0.5
    cap_s: float = 30.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt`` (1, 2, …): between half and all of
        ``min(cap, base·2^(attempt-1))``."""
        ceiling = min(self.cap_s, self.base_s * 2 ** max(0, attempt - 1))
        return ceiling * self.rng.uniform(0.5, 1.0)
