"""Who the agent is and what the server's settings allow them to do with outbound records."""

from __future__ import annotations

from dataclasses import dataclass

from agent_desktop.domain.policy import NO_POLICY, CallingPolicy
from agent_desktop.domain.records import CallbackType


@dataclass(frozen=True)
class Device:
    device_id: str
    state: str = ""
    phone_number: str = ""
    user_state: str = ""

    @property
    def path(self) -> str:
        """The ``devicePath`` outbound operations name the device by."""
        return f"/devices/{self.device_id}"


@dataclass(frozen=True)
class OutboundCapabilities:
    """The outbound privileges and callback-type policy from the agent's settings."""

    can_use: bool = False
    can_reschedule: bool = False
    allowed_callback_types: frozenset[CallbackType] = frozenset(CallbackType)
    # The record actions beyond rescheduling (gws-api.md §8); each also needs ``can_use``.
    can_reschedule_on_new_number: bool = False
    can_cancel_record: bool = False
    can_mark_do_not_call: bool = False
    can_set_call_result: bool = False
    call_result_values: tuple[str, ...] = ()  # offered call results, in the server's order; () = the default list

    @property
    def forced_callback_type(self) -> CallbackType | None:
        """The only type allowed, when the environment forces one (WDE locks or hides the choice)."""
        if len(self.allowed_callback_types) == 1:
            return next(iter(self.allowed_callback_types))
        return None

    @property
    def may_reschedule(self) -> bool:
        return self.can_use and self.can_reschedule and bool(self.allowed_callback_types)

    @property
    def may_reschedule_on_new_number(self) -> bool:
        return self.may_reschedule and self.can_reschedule_on_new_number

    @property
    def may_cancel(self) -> bool:
        return self.can_use and self.can_cancel_record

    @property
    def may_mark_do_not_call(self) -> bool:
        return self.can_use and self.can_mark_do_not_call

    @property
    def may_complete(self) -> bool:
        return self.can_use and self.can_set_call_result


@dataclass(frozen=True)
class AgentProfile:
    user_id: str
    username: str
    first_name: str = ""
    last_name: str = ""
    roles: tuple[str, ...] = ()
    devices: tuple[Device, ...] = ()
    outbound: OutboundCapabilities = OutboundCapabilities()
    calling_policy: CallingPolicy = NO_POLICY  # the planner's options from the server's settings

    @property
    def display_name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return full or self.username

    @property
    def is_agent(self) -> bool:
        return "ROLE_AGENT" in self.roles

    def preferred_device(self) -> Device | None:
        """The device outbound requests go through: the active one, else the first."""
        for device in self.devices:
            if device.state == "Active":
                return device
        return self.devices[0] if self.devices else None
