from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from agent_desktop.domain.agent import OutboundCapabilities
from agent_desktop.domain.records import (
    CallbackType,
    CallingWindow,
    ContactZone,
    OutboundRecord,
    RecordKey,
)
from agent_desktop.domain.schedule import next_valid_slot
from agent_desktop.domain.rules import (
    RefusalReason,
    RescheduleRefused,
    RescheduleRequest,
    validate_reschedule,
)

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)


def record(window=(9 * 3600, 20 * 3600), zone=NY, label="America/New_York"):
    return OutboundRecord(
        key=RecordKey(134, 9),
        campaign_name="Campaign1",
        contact_zone=ContactZone(zone, label),
        calling_window=CallingWindow(*window) if window else None,
    )


def test_timestamp_is_epoch_seconds_as_in_the_seed_sample():
    when = datetime(2015, 6, 10, 6, 25, 52, tzinfo=timezone.utc)
    request = RescheduleRequest(RecordKey(134, 9), "Campaign1", when, CallbackType.PERSONAL, "123456789")
    assert request.timestamp == 1433917552


def test_a_future_time_inside_the_window_passes():
    validate_reschedule(datetime(2026, 3, 2, 15, 0, tzinfo=NY), CallbackType.PERSONAL, now=NOW, record=record())


@pytest.mark.parametrize("minutes_ahead", [-60, 0, 0.5])
def test_past_or_too_close_is_refused(minutes_ahead):
    with pytest.raises(RescheduleRefused) as refused:
        validate_reschedule(NOW + timedelta(minutes=minutes_ahead), CallbackType.PERSONAL, now=NOW)
    assert refused.value.reason is RefusalReason.IN_PAST


def test_naive_time_is_refused():
    with pytest.raises(RescheduleRefused) as refused:
        validate_reschedule(datetime(2030, 1, 1, 10, 0), CallbackType.PERSONAL, now=NOW)
    assert refused.value.reason is RefusalReason.NOT_AWARE


def test_outside_the_contacts_window_is_refused_with_their_local_time():
    late = datetime(2026, 3, 2, 21, 30, tzinfo=NY)
    with pytest.raises(RescheduleRefused) as refused:
        validate_reschedule(late, CallbackType.PERSONAL, now=NOW, record=record())
    assert refused.value.reason is RefusalReason.OUTSIDE_WINDOW
    assert "21:30" in refused.value.message and "09:00–20:00" in refused.value.message


def test_window_is_judged_on_the_contacts_wall_clock_across_dst():
    # US clocks go forward on 2026-03-08, UK clocks on 2026-03-29: in between, New York is UTC-4.
    # 13:30 UTC on 2026-03-10 is 09:30 in New York (EDT), inside 09:00-20:00 ...
    validate_reschedule(datetime(2026, 3, 10, 13, 30, tzinfo=timezone.utc), CallbackType.PERSONAL,
                        now=NOW, record=record())
    # ... while the same UTC time a week earlier (EST) is 08:30, outside.
    with pytest.raises(RescheduleRefused):
        validate_reschedule(datetime(2026, 3, 3, 13, 30, tzinfo=timezone.utc), CallbackType.PERSONAL,
                            now=NOW, record=record())


def test_window_spanning_midnight():
    night = record(window=(22 * 3600, 2 * 3600), zone=LONDON, label="Europe/London")
    validate_reschedule(datetime(2026, 3, 3, 23, 30, tzinfo=LONDON), CallbackType.PERSONAL, now=NOW, record=night)
    validate_reschedule(datetime(2026, 3, 4, 1, 30, tzinfo=LONDON), CallbackType.PERSONAL, now=NOW, record=night)
    with pytest.raises(RescheduleRefused):
        validate_reschedule(datetime(2026, 3, 4, 12, 0, tzinfo=LONDON), CallbackType.PERSONAL, now=NOW, record=night)


def test_type_not_allowed_by_settings():
    personal_only = OutboundCapabilities(True, True, frozenset({CallbackType.PERSONAL}))
    assert personal_only.forced_callback_type is CallbackType.PERSONAL
    with pytest.raises(RescheduleRefused) as refused:
        validate_reschedule(NOW + timedelta(hours=2), CallbackType.CAMPAIGN, now=NOW, capabilities=personal_only)
    assert refused.value.reason is RefusalReason.TYPE_NOT_ALLOWED


def test_no_reschedule_privilege():
    with pytest.raises(RescheduleRefused) as refused:
        validate_reschedule(NOW + timedelta(hours=2), CallbackType.PERSONAL, now=NOW,
                            capabilities=OutboundCapabilities(True, False))
    assert refused.value.reason is RefusalReason.NOT_PERMITTED


def test_next_valid_slot_is_the_next_half_hour_inside_the_window():
    slot = next_valid_slot(datetime(2026, 3, 2, 12, 10, tzinfo=timezone.utc))
    assert slot == datetime(2026, 3, 2, 12, 30, tzinfo=timezone.utc)
    # New York at 21:10 local: the next slot inside 09:00-20:00 is 09:00 the next morning.
    evening = datetime(2026, 3, 2, 21, 10, tzinfo=NY)
    slot = next_valid_slot(evening, record=record())
    assert slot is not None and slot.astimezone(NY) == datetime(2026, 3, 3, 9, 0, tzinfo=NY)
    validate_reschedule(slot, CallbackType.PERSONAL, now=evening, record=record())


def test_next_valid_slot_none_when_window_is_empty():
    assert next_valid_slot(NOW, record=record(window=(3610, 3620)), horizon=timedelta(days=1)) is None
