"""Fault injection: HTTP 503s, dropped and delayed acknowledgements, reply latency.

``Faults`` is one immutable set of switches (validated); ``FaultInjector`` holds the current set,
replaces it live (``/sim/faults``) and makes the random draws from seeded ``random.Random``
objects, one per kind of fault, so a run with the same seed and the same request order injects
the same faults, and changing one rate does not shift the draws of another.
"""

from __future__ import annotations

import dataclasses
import math
import random
from dataclasses import dataclass
from typing import Any, Mapping

# Upper bound of every *_ms switch (10 minutes): larger values are surely typos.
MAX_MS = 600_000

RATE_FIELDS = ("http_5xx_rate", "drop_ack_rate")
MS_FIELDS = ("ack_delay_ms", "ack_jitter_ms", "latency_ms")


class FaultsError(ValueError):
    """A refused change of the switches (the message names the field)."""


def _check_rate(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FaultsError(f"{name} must be a number from 0 to 1")
    value = float(value)
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise FaultsError(f"{name} must be a number from 0 to 1")
    return value


def _check_ms(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FaultsError(f"{name} must be an integer number of milliseconds")
    if not 0 <= value <= MAX_MS:
        raise FaultsError(f"{name} must be from 0 to {MAX_MS}")
    return value


@dataclass(frozen=True)
class Faults:
    """The switches. Rates are fractions (0..1), times whole milliseconds (0..600000)."""

    # Fraction of /api/v2 REST requests (not CometD) answered HTTP 503 before anything is done.
    http_5xx_rate: float = 0.0
    # Fraction of accepted outbound operations whose outcome pair is never published (the
    # operation is applied all the same).
    drop_ack_rate: float = 0.0
    # Delay between accepting an outbound operation and its outcome, plus a uniform random extra
    # of 0..ack_jitter_ms. Outcomes of one agent keep their order whatever the jitter.
    ack_delay_ms: int = 0
    ack_jitter_ms: int = 0
    # Added to every /api/v2 reply, REST and CometD (the reply is held back, the loop is not).
    latency_ms: int = 0

    def __post_init__(self) -> None:
        for name in RATE_FIELDS:
            object.__setattr__(self, name, _check_rate(name, getattr(self, name)))
        for name in MS_FIELDS:
            _check_ms(name, getattr(self, name))

    def updated(self, changes: Mapping[str, Any]) -> "Faults":
        """A copy with ``changes`` applied (a partial set); unknown names are refused."""
        known = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise FaultsError(f"unknown fault switch(es): {', '.join(unknown)}; known: "
                              f"{', '.join(sorted(known))}")
        return dataclasses.replace(self, **dict(changes))

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class FaultInjector:
    """The current switches, the seeded draws and counters of what was injected."""

    def __init__(self, faults: Faults, seed: int) -> None:
        self.faults = faults
        # String seeds are hashed deterministically (random.seed version 2).
        self._rng_5xx = random.Random(f"gws-sim:{seed}:http_5xx")
        self._rng_drop = random.Random(f"gws-sim:{seed}:drop_ack")
        self._rng_jitter = random.Random(f"gws-sim:{seed}:ack_jitter")
        self.counters = {"http_5xx": 0, "acks_dropped": 0}

    def update(self, changes: Mapping[str, Any]) -> Faults:
        self.faults = self.faults.updated(changes)
        return self.faults

    def refuse_request(self) -> bool:
        """Whether this REST request gets the injected 503 (one draw when the rate is > 0)."""
        rate = self.faults.http_5xx_rate
        if rate > 0 and self._rng_5xx.random() < rate:
            self.counters["http_5xx"] += 1
            return True
        return False

    def drop_outcome(self) -> bool:
        rate = self.faults.drop_ack_rate
        if rate > 0 and self._rng_drop.random() < rate:
            self.counters["acks_dropped"] += 1
            return True
        return False

    def ack_delay_s(self) -> float:
        faults = self.faults
        extra = self._rng_jitter.uniform(0, faults.ack_jitter_ms) if faults.ack_jitter_ms else 0.0
        return (faults.ack_delay_ms + extra) / 1000

    def latency_s(self) -> float:
        return self.faults.latency_ms / 1000
