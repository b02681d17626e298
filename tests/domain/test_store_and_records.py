from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from agent_desktop.domain.records import CallbackType, CallingWindow, OutboundRecord, RecordKey, RecordStatus
from agent_desktop.domain.store import ChangeKind, RecordStore
from agent_desktop.domain.timezones import resolve_contact_zone


def make(handle: int, **fields) -> OutboundRecord:
    return OutboundRecord(key=RecordKey(134, handle), campaign_name="C", **fields)


def test_store_batches_inserts_at_consecutive_positions_and_reports_changes():
    store = RecordStore()
    batches = []
    store.subscribe(batches.append)
    store.upsert_many([make(1), make(2), make(3)])
    assert [(c.kind, c.position) for c in batches[0]] == [(ChangeKind.ADDED, i) for i in range(3)]
    store.upsert(make(2, phone="+1"))
    assert batches[1][0].kind is ChangeKind.CHANGED and batches[1][0].position == 1
    assert batches[1][0].previous.phone == "" and batches[1][0].record.phone == "+1"
    store.upsert(make(2, phone="+1"))  # same content: no event
    assert len(batches) == 2


def test_store_update_and_remove_keep_positions_consistent():
    store = RecordStore()
    store.upsert_many([make(h) for h in range(1, 6)])
    changes = []
    store.subscribe(changes.extend)
    store.update(RecordKey(134, 4), status=RecordStatus.SENDING)
    assert changes[-1].position == 3 and store.get(RecordKey(134, 4)).status is RecordStatus.SENDING
    removed = store.remove(RecordKey(134, 2))
    assert removed.key.record_handle == 2 and changes[-1].position == 1
    assert [store.at(i).key.record_handle for i in range(len(store))] == [1, 3, 4, 5]
    assert store.position_of(RecordKey(134, 5)) == 3
    assert store.remove(RecordKey(134, 99)) is None
    with pytest.raises(KeyError):
        store.update(RecordKey(134, 99), phone="x")


def test_unsubscribe_stops_events():
    store = RecordStore()
    seen = []
    stop = store.subscribe(seen.append)
    stop()
    store.upsert(make(1))
    assert seen == []


def test_a_failing_listener_does_not_keep_the_change_from_the_others(caplog):
    store = RecordStore()
    seen = []

    def broken(changes):
        raise RuntimeError("a view's bug")

    store.subscribe(broken)
    store.subscribe(lambda changes: seen.extend(c.key for c in changes))
    store.upsert(OutboundRecord(key=RecordKey(1, 5), campaign_name="C"))
    assert seen == [RecordKey(1, 5)] and "a record store listener failed" in caplog.text


def test_record_rejects_naive_time_and_freezes_customer_fields():
    with pytest.raises(ValueError):
        make(1, scheduled_at=datetime(2030, 1, 1))
    record = make(1, customer_fields={"a": "1"})
    with pytest.raises(TypeError):
        record.customer_fields["b"] = "2"  # type: ignore[index]


def test_calling_window_bounds_are_checked():
    with pytest.raises(ValueError):
        CallingWindow(-1, 100)
    with pytest.raises(ValueError):
        CallingWindow(0, 90000)
    assert CallingWindow(32400, 75600).describe() == "09:00–21:00"


def test_callback_type_parse():
    assert CallbackType.parse("personal") is CallbackType.PERSONAL
    assert CallbackType.parse("Campaign") is CallbackType.CAMPAIGN
    with pytest.raises(ValueError):
        CallbackType.parse("team")


@pytest.mark.parametrize(
    "iana, abbrev, offset, label",
    [
        ("Asia/Tokyo", "JST", 32400, "Asia/Tokyo"),
        ("Not/AZone", "PST", -28800, "America/Los_Angeles"),
        ("../../etc/passwd", None, 3600, "UTC+01:00"),
        (None, "XYZ", -16200, "UTC-04:30"),
        (None, None, None, None),
        (None, None, 10**9, None),
    ],
)
def test_contact_zone_resolution(iana, abbrev, offset, label):
    zone = resolve_contact_zone(iana, abbrev, offset)
    assert (zone.label if zone else None) == label


def test_offset_zone_is_fixed():
    zone = resolve_contact_zone(None, None, -16200)
    moment = datetime(2026, 7, 1, 12, tzinfo=timezone.utc).astimezone(zone.tz)
    assert moment.utcoffset() == timedelta(hours=-4, minutes=-30)
    assert resolve_contact_zone("Europe/Madrid", None, None).tz == ZoneInfo("Europe/Madrid")
