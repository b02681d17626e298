"""``wire.parse_record`` takes each field's common case inline and caches values that repeat
across records; it must give exactly what the plain field-by-field reading gives (below, as it
was before the fast path), on arbitrary input and with warm caches."""

from datetime import datetime, timezone
from types import MappingProxyType
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desktop.domain.records import OutboundRecord
from agent_desktop.services import wire
from agent_desktop.services.wire import (
    MAX_TEXT,
    _callback_type,
    _calling_window,
    _customer_fields,
    _int,
    _record_key,
    _scheduled_at,
    _zone,
    as_mapping,
    as_text,
)


def plain_parse_record(record: Any) -> OutboundRecord | None:
    """The reference: every field through the typed getters, the dataclass constructor."""
    record = as_mapping(record)
    user_data = as_mapping(record.get("userData"))
    key = _record_key(record, user_data)
    if key is None:
        return None
    offset = _int(user_data.get("GSW_TZ_OFFSET"))
    zone = _zone(as_text(user_data.get("contact_time_zone"), 64), as_text(user_data.get("GSW_TZ_NAME"), 10), offset)
    attempts = _int(user_data.get("GSW_ATTEMPTS"))
    return OutboundRecord(
        key=key,
        campaign_name=as_text(record.get("campaignName")) or as_text(user_data.get("GSW_CAMPAIGN_NAME")) or "",
        calling_list=as_text(record.get("callingList")) or as_text(user_data.get("GSW_CALLING_LIST")),
        phone=as_text(user_data.get("GSW_PHONE"), 100) or as_text(user_data.get("contact_info"), 100) or "",
        contact_name=as_text(user_data.get("contact_name"), 200) or "",
        contact_zone=zone,
        callback_type=_callback_type(user_data),
        scheduled_at=_scheduled_at(user_data),
        calling_window=_calling_window(user_data),
        attempts=attempts if attempts is not None and attempts >= 0 else 0,
        chain_id=_int(user_data.get("GSW_CHAIN_ID")),
        customer_fields=_customer_fields(user_data),
    )


def same(a: OutboundRecord | None, b: OutboundRecord | None) -> bool:
    """Equal, and of the same types field by field (True == 1, but True is no attempt count)."""
    if a is None or b is None:
        return a is b
    fields = OutboundRecord.__dataclass_fields__
    return a == b and all(type(getattr(a, name)) is type(getattr(b, name)) for name in fields)


# Values a server (or a broken one) may put in each field: the right type, lookalikes that
# compare equal to it (True == 1 == 1.0), and junk.
lookalikes = st.sampled_from([None, True, False, 0, 1, 1.0, -1, 3600, 3600.0, "3600", "", " ", [], {}, [1]])
texts = st.one_of(st.text(max_size=12), st.text(min_size=MAX_TEXT - 2, max_size=MAX_TEXT + 3),
                  st.sampled_from(["Personal", "campaign", " PERSONAL ", "America/New_York", "PST", "EST",
                                   "Europe/Madrid", "Nowhere/Zone", "06/10/2015 06:25", "x" * 80]))
ints = st.one_of(st.integers(-2**40, 2**40), st.integers(0, 86400), st.integers(946684800, 7258118400),
                 st.sampled_from([3, 4, 5, 6, -18000, 50400, 60000]))
values = st.one_of(lookalikes, texts, ints, st.floats(allow_nan=True))
FIELDS = ["GSW_RECORD_HANDLE", "GSW_APPLICATION_ID", "GSW_CAMPAIGN_NAME", "GSW_CALLING_LIST", "GSW_PHONE",
          "contact_info", "contact_name", "contact_time_zone", "GSW_TZ_NAME", "GSW_TZ_OFFSET", "GSW_CALLBACK_TYPE",
          "GSW_RECORD_TYPE", "dial_sched_time", "GSW_DATE_TIME", "GSW_FROM", "GSW_UNTIL", "GSW_ATTEMPTS",
          "GSW_CHAIN_ID", "account_number", "note"]
user_datas = st.dictionaries(st.sampled_from(FIELDS), values, max_size=len(FIELDS))
records = st.fixed_dictionaries({}, optional={
    "recordHandle": st.one_of(values, ints), "applicationId": st.one_of(values, ints),
    "campaignName": st.one_of(values, texts), "callingList": st.one_of(values, texts),
    "userData": st.one_of(user_datas, values)})


@settings(max_examples=600, deadline=None)
@given(st.lists(records, min_size=1, max_size=4))
def test_fast_parse_is_the_plain_parse(batch):
    # Each record twice: the second time, whatever it put in the caches is read back.
    for record in batch + batch:
        assert same(wire.parse_record(record), plain_parse_record(record)), record


def test_lookalike_offsets_and_types_do_not_share_a_cache_entry():
    base = {"recordHandle": 1, "applicationId": 2, "userData": {}}
    for offset in (3600, True, 3600.0, 1, True, 1.0, None):
        record = {**base, "userData": {"GSW_TZ_OFFSET": offset, "GSW_RECORD_TYPE": offset}}
        assert same(wire.parse_record(record), plain_parse_record(record)), offset
    assert wire.parse_record({**base, "userData": {"GSW_TZ_OFFSET": True}}).contact_zone is None
    assert wire.parse_record({**base, "userData": {"GSW_TZ_OFFSET": 1}}).contact_zone is not None


def test_repeated_values_are_shared_and_the_caches_stay_bounded():
    user_data = {"dial_sched_time": 1433917552, "GSW_FROM": 32400, "GSW_UNTIL": 75600,
                 "contact_time_zone": "America/Los_Angeles", "account_number": "A1"}
    first = wire.parse_record({"recordHandle": 1, "applicationId": 2, "userData": user_data})
    second = wire.parse_record({"recordHandle": 2, "applicationId": 2, "userData": dict(user_data)})
    assert first.scheduled_at is second.scheduled_at == datetime.fromtimestamp(1433917552, timezone.utc)
    assert first.calling_window is second.calling_window and first.contact_zone is second.contact_zone
    assert isinstance(first.customer_fields, MappingProxyType) and first.customer_fields == {"account_number": "A1"}
    assert wire.parse_record({"recordHandle": 3, "applicationId": 2}).customer_fields == {}
    for epoch in range(946684800, 946684800 + 3 * wire._CACHE_LIMIT):
        wire.parse_record({"recordHandle": 1, "applicationId": 2, "userData": {"dial_sched_time": epoch}})
    assert len(wire._moments) <= wire._CACHE_LIMIT

