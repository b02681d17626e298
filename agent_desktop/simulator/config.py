"""Settings of one simulator run (what the CLI options and the embedding app can choose)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import FrozenSet, Optional, Union

from . import settings
from .faults import Faults

# Bayeux timing. The seed page shows `timeout: 30000`, `interval: 0` in the /meta/connect advice.
DEFAULT_LONG_POLL_TIMEOUT_MS = 30_000
# A client that has not polled for this long is dropped (CometD's maxInterval, gws-api.md G8).
DEFAULT_MAX_INTERVAL_MS = DEFAULT_LONG_POLL_TIMEOUT_MS + 30_000


@dataclass(frozen=True)
class SimulatorConfig:
    """Everything a run depends on. Same values (and same start time) => same demo data."""

    host: str = "127.0.0.1"
    # 0 asks the OS for a free port (the embedded --demo mode and the tests want that);
    # the CLI's default is 8090.
    port: int = 0
    agents: int = 5
    records_per_agent: int = 25
    seed: int = 1
    # None -> a fresh random secret for every run (secrets.token_urlsafe(12)).
    password: Optional[str] = None
    # Path of the JSON-lines journal of REST operations, or None for no journal.
    journal: Optional[Union[str, "os.PathLike[str]"]] = None
    # Delay between accepting an outbound operation and publishing its outcome on CometD.
    ack_delay_ms: int = 0
    # Fault injection (docs/simulator.md "Faults"); all can be changed live via /sim/faults.
    # Extra random delay 0..ack_jitter_ms on top of ack_delay_ms.
    ack_jitter_ms: int = 0
    # Fraction (0..1) of /api/v2 REST requests (not CometD) answered HTTP 503, with no effect.
    http_5xx_rate: float = 0.0
    # Fraction (0..1) of accepted outbound operations that are applied but whose CometD outcome
    # (acknowledgement or error, with its companion) is never published.
    drop_ack_rate: float = 0.0
    # Added to every /api/v2 reply (REST and CometD).
    latency_ms: int = 0
    # Seed of the fault draws; None = ``seed``.
    fault_seed: Optional[int] = None
    # Number of GWS nodes: HTTP listeners sharing one world (records, agents, journal, applied
    # referenceIds) with node-local HTTP sessions, CSRF tokens, CometD clients and
    # contact-center sessions. Node i listens on port + i (or on any free port when port is 0).
    nodes: int = 1
    # How long a /meta/connect is held when nothing is queued (advice.timeout).
    long_poll_timeout_ms: int = DEFAULT_LONG_POLL_TIMEOUT_MS
    # A CometD client that has not polled for this long is forgotten (402 on its next request).
    max_interval_ms: int = DEFAULT_MAX_INTERVAL_MS
    # gws-api.md G1: answer refusals with HTTP 200 (statusCode only in the body), to test clients
    # against servers that do so. Off by default: the mapping in docs/simulator.md applies.
    errors_as_http_200: bool = False
    # settings["interaction-workspace"]["outbound.callback-types"] for every agent: "personal" or
    # "campaign" alone forces that type (the desktop locks or hides the choice).
    callback_types: str = "personal,campaign"
    # Privileges served as "false" (``can-x`` or ``privilege.outbound.can-x``); all others "true".
    denied_privileges: FrozenSet[str] = frozenset()
    # gws-api.md G12 strict mode: refuse an operation whose privilege is denied (statusCode 5).
    # Off by default: real GWS leaves privileges to the desktop, as far as is known.
    enforce_privileges: bool = False
    # settings: outbound.call-result-values (CompleteRecord's callResult names, in order).
    call_result_values: str = settings.DEFAULT_CALL_RESULT_VALUES
    # The callback planner's options (docs/planner.md); served, never enforced. Empty here (no
    # restriction), so that a test's times do not depend on today's weekday; the command line
    # (and so the demo) defaults to settings.DEFAULT_CAMPAIGN_HOURS / DEFAULT_CALLING_DAYS.
    campaign_hours: str = ""
    calling_days: str = ""
    # None: two demo holidays a few days after the start date (settings.demo_holidays); "" none.
    holidays: Optional[str] = ""

    def __post_init__(self) -> None:
        if self.agents < 1:
            raise ValueError("agents must be at least 1")
        if self.records_per_agent < 0:
            raise ValueError("records_per_agent must not be negative")
        if not 0 <= self.port <= 65535:
            raise ValueError("port must be in 0..65535")
        if self.ack_delay_ms < 0:
            raise ValueError("ack_delay_ms must not be negative")
        self.faults  # validates the fault switches (ValueError)
        if self.nodes < 1:
            raise ValueError("nodes must be at least 1")
        if self.port and self.port + self.nodes - 1 > 65535:
            raise ValueError("port + nodes - 1 must be at most 65535")
        if self.long_poll_timeout_ms < 0 or self.max_interval_ms <= 0:
            raise ValueError("long_poll_timeout_ms must be >= 0 and max_interval_ms > 0")
        types = [t.strip() for t in self.callback_types.split(",")]
        if not types or any(t not in ("personal", "campaign") for t in types):
            raise ValueError("callback_types must be personal, campaign or personal,campaign")
        if self.password is not None and not self.password:
            raise ValueError("password must not be empty (use None for a random one)")
        if isinstance(self.denied_privileges, str):
            raise ValueError("denied_privileges must be a collection of privilege names")
        # Frozen: normalised through object.__setattr__ (full option names).
        object.__setattr__(self, "denied_privileges",
                           frozenset(settings.privilege_name(p) for p in self.denied_privileges))
        settings.check_call_result_values(self.call_result_values)
        settings.check_campaign_hours(self.campaign_hours)
        settings.check_calling_days(self.calling_days)
        if self.holidays is not None:
            settings.check_holidays(self.holidays)

    @property
    def faults(self) -> Faults:
        """The fault switches at start (they can change later, see FaultInjector)."""
        return Faults(http_5xx_rate=self.http_5xx_rate, drop_ack_rate=self.drop_ack_rate,
                      ack_delay_ms=self.ack_delay_ms, ack_jitter_ms=self.ack_jitter_ms,
                      latency_ms=self.latency_ms)
