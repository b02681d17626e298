"""``trusted_record`` builds the same record as the dataclass constructor, for every field."""

import dataclasses
import inspect
from datetime import datetime, timezone
from types import MappingProxyType
from zoneinfo import ZoneInfo

import pytest

from agent_desktop.domain.records import (
    CallbackType,
    CallingWindow,
    ContactZone,
    OutboundRecord,
    RecordKey,
    RecordStatus,
    trusted_record,
)


def test_trusted_record_has_every_field_in_order():
    names = [f.name for f in dataclasses.fields(OutboundRecord)]
    assert list(inspect.signature(trusted_record).parameters) == names


def test_trusted_record_equals_the_constructor_and_stays_frozen():
    values = dict(
        key=RecordKey(134, 9), campaign_name="C", calling_list="L", phone="+1", contact_name="Ana",
        contact_zone=ContactZone(ZoneInfo("America/New_York"), "America/New_York"),
        callback_type=CallbackType.PERSONAL, scheduled_at=datetime(2030, 1, 1, tzinfo=timezone.utc),
        calling_window=CallingWindow(9 * 3600, 20 * 3600), attempts=2, chain_id=9,
        customer_fields=MappingProxyType({"a": "1"}), status=RecordStatus.SENDING, status_reason="why")
    fast = trusted_record(**values)
    assert fast == OutboundRecord(**values) and repr(fast) == repr(OutboundRecord(**values))
    assert dataclasses.replace(fast, phone="+2").phone == "+2"
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.phone = "x"  # type: ignore[misc]
    defaults = trusted_record(RecordKey(1, 2), "C", None, "", "", None, None, None, None, 0, None, MappingProxyType({}))
    assert defaults == OutboundRecord(key=RecordKey(1, 2), campaign_name="C")
