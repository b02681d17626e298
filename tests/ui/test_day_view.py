"""The day view: a day on the agent's clock (daylight-saving days too), the contacts' calling
hours shaded, markers moved by keyboard and mouse, and live updates from the store."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette

from agent_desktop.domain.policy import CallingPolicy
from agent_desktop.domain.records import CallbackType, CallingWindow, ContactZone, OutboundRecord, RecordKey
from agent_desktop.domain.store import RecordStore
from agent_desktop.ui.day_view import DayView

UTC = timezone.utc
LONDON = ZoneInfo("Europe/London")
NY = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")
NINE_TO_FIVE = CallingWindow(9 * 3600, 17 * 3600)


def record(handle, at, *, zone=NY, kind=CallbackType.PERSONAL, name="Grace Walker", window=NINE_TO_FIVE):
    return OutboundRecord(RecordKey(134, handle), "Win-back", phone=f"+1212555{handle:04d}", contact_name=name,
                          contact_zone=ContactZone(zone, zone.key), callback_type=kind, scheduled_at=at,
                          calling_window=window)


@pytest.fixture
def make_view(qtbot):
    def make(source, *, agent_tz=UTC, now=datetime(2026, 6, 10, 8, 0, tzinfo=UTC), **options):
        view = DayView(source, agent_tz=agent_tz, clock=lambda: now, **options)
        qtbot.addWidget(view)
        view.resize(1200, 600)
        view.show()
        qtbot.waitExposed(view)
        return view
    return make


def test_a_spring_forward_day_has_23_hours_and_their_hours_are_converted_from_utc(make_view):
    # London springs forward at 01:00 GMT on 29 March 2026; New York is on EDT already.
    at = datetime(2026, 3, 29, 15, 0, tzinfo=UTC)  # 16:00 London, 11:00 New York
    view = make_view([record(1, at)], agent_tz=LONDON, now=at)
    layout = view.timeline.day_layout()
    assert layout.length == timedelta(hours=23)
    assert [label for _, label in layout.hours][:3] == ["00", "02", "03"] and layout.hours[-1][1] == "24"
    (lane,) = layout.lanes
    assert len(lane.callable) == 1 and lane.callable[0] == pytest.approx((13 / 23, 21 / 23))  # 09-17 EDT = 13-21 UTC
    assert lane.at == pytest.approx(15 / 23)
    assert view.timeline.x_for(at) == pytest.approx(view.timeline.x_at(15 / 23))


def test_the_contacts_clock_change_day_is_drawn_right(make_view):
    # New York springs forward at 07:00 UTC on 8 March 2026: 09:00 there is 13:00 UTC, not 14:00.
    at = datetime(2026, 3, 8, 16, 0, tzinfo=UTC)
    view = make_view([record(1, at)], now=at)
    (span,) = view.timeline.day_layout().lanes[0].callable
    assert span == pytest.approx((13 / 24, 21 / 24))


def test_policy_holidays_and_campaign_hours_narrow_the_shading(make_view):
    at = datetime(2026, 6, 10, 15, 0, tzinfo=UTC)
    view = make_view([record(1, at)], now=at)
    view.set_policy(CallingPolicy(campaign_hours={"*": CallingWindow(10 * 3600, 12 * 3600)}))
    (span,) = view.timeline.day_layout().lanes[0].callable
    assert span == pytest.approx((14 / 24, 16 / 24))
    view.set_policy(CallingPolicy(holidays=frozenset({date(2026, 6, 10)})))
    assert view.timeline.day_layout().lanes[0].callable == ()


def test_lanes_only_for_the_day_in_time_order_and_the_load_per_slot(make_view):
    day = datetime(2026, 6, 10, tzinfo=UTC)
    items = [record(1, day + timedelta(hours=15, minutes=5)), record(2, day + timedelta(hours=15, minutes=10)),
             record(3, day + timedelta(hours=14), kind=CallbackType.CAMPAIGN),
             record(4, day + timedelta(hours=15, minutes=12), kind=CallbackType.CAMPAIGN),
             record(5, day + timedelta(days=1, hours=1))]
    view = make_view(items)
    layout = view.timeline.day_layout()
    assert [lane.record.key.record_handle for lane in layout.lanes] == [3, 1, 2, 4]
    assert [(p, c) for _, _, p, c in layout.slots] == [(0, 1), (2, 1)]  # 14:00 and 15:00-15:15
    assert layout.slots[1][:2] == pytest.approx((15 / 24, 15.25 / 24))
    view.step_day(1)
    assert [lane.record.key.record_handle for lane in view.timeline.day_layout().lanes] == [5]


def test_keyboard_picks_moves_by_slot_and_enter_asks_to_reschedule(make_view, qtbot):
    day = datetime(2026, 6, 10, tzinfo=UTC)
    first, second = record(1, day + timedelta(hours=14, minutes=7)), record(2, day + timedelta(hours=16))
    view = make_view([first, second])
    timeline = view.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    assert timeline.current_record() == first
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert timeline.preview == day + timedelta(hours=14, minutes=15)  # to the next slot boundary
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert timeline.preview == day + timedelta(hours=13, minutes=45)
    assert "Move to 13:45 your time (09:45 · New York)" in view.status_label.text()
    with qtbot.waitSignal(view.move_requested) as asked:
        qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert asked.args == [first, day + timedelta(hours=13, minutes=45)]
    assert timeline.preview is None
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Escape)  # drops the preview
    with qtbot.waitSignal(view.move_requested) as asked:
        qtbot.keyClick(timeline, Qt.Key.Key_Enter)
    assert asked.args == [second, second.scheduled_at]


def test_dragging_a_marker_asks_to_reschedule_at_the_nearest_slot(make_view, qtbot):
    day = datetime(2026, 6, 10, tzinfo=UTC)
    shown = record(1, day + timedelta(hours=14))
    view = make_view([shown])
    timeline = view.timeline
    marker = timeline.marker_point(shown.key).toPoint()
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=marker)
    target = QPoint(round(timeline.x_for(day + timedelta(hours=16, minutes=33))), marker.y())
    qtbot.mouseMove(timeline, target)
    assert timeline.preview == day + timedelta(hours=16, minutes=30)
    with qtbot.waitSignal(view.move_requested) as asked:
        qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=target)
    assert asked.args == [shown, day + timedelta(hours=16, minutes=30)]


def test_a_click_off_the_marker_selects_without_asking(make_view, qtbot):
    day = datetime(2026, 6, 10, tzinfo=UTC)
    shown = record(1, day + timedelta(hours=14))
    view = make_view([shown])
    asked = []
    view.move_requested.connect(lambda *args: asked.append(args))
    lane = view.timeline.lane_rect(0)
    qtbot.mouseClick(view.timeline, Qt.MouseButton.LeftButton, pos=QPoint(40, int(lane.center().y())))
    assert view.timeline.current_record() == shown and asked == []


def test_only_changes_of_the_shown_day_lay_it_out_again(make_view):
    day = datetime(2026, 6, 10, tzinfo=UTC)
    store = RecordStore()
    store.upsert_many([record(1, day + timedelta(hours=14)), record(2, day + timedelta(days=3))])
    view = make_view(store)
    timeline = view.timeline
    timeline.day_layout()
    built = timeline.layouts_built
    store.update(RecordKey(134, 2), scheduled_at=day + timedelta(days=4))  # another day
    timeline.day_layout()
    assert timeline.layouts_built == built
    store.update(RecordKey(134, 2), scheduled_at=day + timedelta(hours=18))  # moves into the day
    assert [lane.record.key.record_handle for lane in timeline.day_layout().lanes] == [1, 2]
    assert timeline.layouts_built == built + 1
    store.remove(RecordKey(134, 1))
    assert [lane.record.key.record_handle for lane in timeline.day_layout().lanes] == [2]


def test_a_deleted_view_stops_listening_to_the_store(make_view):
    day = datetime(2026, 6, 10, tzinfo=UTC)
    store = RecordStore()
    store.upsert(record(1, day + timedelta(hours=14)))
    view = make_view(store)
    shiboken6.delete(view)
    store.update(RecordKey(134, 1), scheduled_at=day + timedelta(hours=15))  # no deleted widget is called


def test_day_navigation(make_view, qtbot):
    view = make_view([])
    assert view.day == date(2026, 6, 10)
    with qtbot.waitSignal(view.day_changed) as changed:
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert changed.args == [date(2026, 6, 11)]
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.day == date(2026, 6, 9)
    view.timeline.setFocus()
    qtbot.keyClick(view.timeline, Qt.Key.Key_PageDown)
    qtbot.keyClick(view.timeline, Qt.Key.Key_PageDown)
    assert view.day == date(2026, 6, 11)
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.day == date(2026, 6, 10)
    assert view.objectName() == "dayView" and view.accessibleName()
    assert view.timeline.objectName() == "dayTimeline" and view.timeline.accessibleName()


def test_shading_and_marker_shapes_are_painted(make_view):
    day = datetime(2026, 6, 10, tzinfo=UTC)
    personal = record(1, day + timedelta(hours=15))
    campaign = record(2, day + timedelta(hours=16), kind=CallbackType.CAMPAIGN)
    view = make_view([personal, campaign])
    timeline = view.timeline
    image = timeline.grab().toImage()
    lane = timeline.lane_rect(0)
    near_top = int(lane.top()) + 4

    def colour(x, y):
        return QColor(image.pixel(round(x), round(y)))

    inside = colour(timeline.x_for(day + timedelta(hours=18, minutes=20)), near_top)  # 14:20 New York
    outside = colour(timeline.x_for(day + timedelta(hours=22, minutes=20)), near_top)  # 18:20 New York
    assert inside != outside and outside == timeline.palette().color(QPalette.ColorRole.Base)
    text = timeline.palette().color(QPalette.ColorRole.Text)
    personal_centre = timeline.marker_point(personal.key)
    campaign_centre = timeline.marker_point(campaign.key)
    assert colour(personal_centre.x(), personal_centre.y()) == text  # filled diamond
    assert colour(campaign_centre.x(), campaign_centre.y()) != text  # hollow circle


def test_the_store_can_hold_other_days_and_no_zone(make_view):
    day = datetime(2026, 6, 10, tzinfo=UTC)
    unknown = OutboundRecord(RecordKey(134, 7), "Win-back", callback_type=CallbackType.PERSONAL,
                             scheduled_at=day + timedelta(hours=9))
    view = make_view([unknown, record(8, day + timedelta(hours=23, minutes=55), zone=SYDNEY)])
    lanes = view.timeline.day_layout().lanes
    assert lanes[0].callable == ((0.0, 1.0),)  # zone unknown: nothing to hold it to
    view.timeline.grab()  # a marker at the very end of the day paints without trouble
