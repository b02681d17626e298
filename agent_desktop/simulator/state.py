"""The simulator's world: campaigns, agents with their device, and outbound records.

Plain mutable dataclasses, touched only from the simulator's event loop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional
from zoneinfo import ZoneInfo

from .timeutil import zone_info

# OCS record types (gcti.h): 5 PersonalCallBack, 6 CampaignCallBack.
RECORD_TYPE_PERSONAL = 5
RECORD_TYPE_CAMPAIGN = 6
CALLBACK_TYPES = {"Personal": RECORD_TYPE_PERSONAL, "Campaign": RECORD_TYPE_CAMPAIGN}

# Record life cycle in the simulator. Only "scheduled" records accept operations.
STATUS_SCHEDULED = "scheduled"
STATUS_PROCESSED = "processed"        # CompleteRecord
STATUS_REJECTED = "rejected"          # RejectRecord
STATUS_CANCELLED = "cancelled"        # CancelRecord
STATUS_DO_NOT_CALL = "do_not_call"    # DoNotCallRecord
# Another record of its chain was rescheduled: it is no longer a callback (OCS record_status 7).
STATUS_CHAIN_UPDATED = "chain_updated"

USER_STATES = ("Ready", "NotReady", "LoggedOut")

# userState objects a device can show (ids are fixed so clients can compare them).
USER_STATE_LOGGED_OUT = {"id": "5D1A2F6E-0C4B-4B3E-9E1A-6B6B3C0F3A01", "displayName": "Logged Out",
                         "state": "LoggedOut"}
USER_STATE_NOT_READY = {"id": "900D55CC-2BB0-431F-8BF9-D3525B383BE6", "displayName": "Not Ready",
                        "state": "NotReady"}
USER_STATE_READY = {"id": "9430250E-0A1B-421F-B372-F29E69366DED", "displayName": "Ready",
                    "state": "Ready"}


@dataclass(frozen=True)
class Campaign:
    name: str
    calling_list: str
    group_name: str
    group_dbid: int
    calling_list_dbid: int
    application_id: int


@dataclass
class Agent:
    username: str
    user_id: str             # 32 hex digits, like GWS user ids
    first_name: str
    last_name: str
    device_id: str           # uuid
    phone_number: str        # the DN, e.g. "5001"
    contact_center_id: str
    # Device state; becomes Active/Ready with StartContactCenterSession.
    device_state: str = "Inactive"
    user_state: dict = field(default_factory=lambda: dict(USER_STATE_LOGGED_OUT))
    cc_session_active: bool = False

    @property
    def device_path(self) -> str:
        return "/devices/" + self.device_id

    @property
    def email(self) -> str:
        return f"{self.username}@example.com"


@dataclass
class Record:
    handle: int
    agent: str               # username the record is assigned to
    campaign: Campaign
    phone: str               # E.164
    time_zone: str           # IANA name
    daily_from: int          # seconds after local midnight
    daily_until: int
    callback_type: str       # "Personal" | "Campaign"
    scheduled: int           # epoch seconds (UTC instant)
    contact_name: str
    account_number: str
    attempts: int
    call_result: int
    attempt_guid: str
    status: str = STATUS_SCHEDULED
    # The scheduled time for which a ScheduledCall was already delivered (None: not yet).
    delivered_for: Optional[int] = None
    # The chain (OCS chain_id): the handle of the chain's first record. Demo records are each a
    # chain of their own; AddRecord with a chainId adds to one.
    chain: Optional[int] = None
    # AddRecord's otherFields: more userData of the record's notifications (None: none).
    other_fields: Optional[dict] = None

    @property
    def chain_id(self) -> int:
        return self.handle if self.chain is None else self.chain

    @property
    def record_type(self) -> int:
        return CALLBACK_TYPES[self.callback_type]

    @property
    def zone(self) -> ZoneInfo:
        return zone_info(self.time_zone)

    @property
    def due_delivered(self) -> bool:
        return self.delivered_for == self.scheduled


@dataclass
class World:
    campaigns: list[Campaign]
    agents: dict[str, Agent]
    records: dict[int, Record]
    started_at: float        # epoch seconds the demo data is relative to
    # username -> that agent's records in handle order (records never change hands).
    by_agent: dict[str, list[Record]] = field(init=False, repr=False)
    # chain id -> its records in handle order, only for chains of more than one record.
    chains: dict[int, list[Record]] = field(init=False, repr=False)
    next_handle: int = field(init=False)

    def __post_init__(self) -> None:
        self.by_agent = {username: [] for username in self.agents}
        self.chains = {}
        for record in self.records.values():
            self.by_agent.setdefault(record.agent, []).append(record)
            if record.chain_id != record.handle:
                self.chains.setdefault(record.chain_id, []).append(record)
        for own in self.by_agent.values():
            own.sort(key=lambda r: r.handle)
        for chain_id, members in self.chains.items():
            founder = self.records.get(chain_id)
            if founder is not None and founder not in members:
                members.append(founder)
            members.sort(key=lambda r: r.handle)
        self.next_handle = max(self.records, default=0) + 1

    def records_of(self, username: str) -> Iterator[Record]:
        """The agent's records in handle order."""
        return iter(self.by_agent.get(username, ()))

    def chain_of(self, record: Record) -> list[Record]:
        """Every record of ``record``'s chain (itself included), in handle order."""
        return list(self.chains.get(record.chain_id, (record,)))

    def add(self, record: Record) -> None:
        """A new record (AddRecord): its handle must be ``next_handle``."""
        assert record.handle == self.next_handle and record.handle not in self.records
        self.next_handle += 1
        self.records[record.handle] = record
        self.by_agent.setdefault(record.agent, []).append(record)  # handles only grow
        if record.chain_id != record.handle:
            members = self.chains.get(record.chain_id)
            if members is None:
                members = self.chains[record.chain_id] = [self.records[record.chain_id]]
            members.append(record)

    @property
    def usernames(self) -> list[str]:
        return list(self.agents)
