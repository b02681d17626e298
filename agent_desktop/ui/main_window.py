"""The agent's main window: the callbacks table, filters, details, connection badge and notices.

A view: it shows the store through the table model and raises ``reschedule_requested`` for
the controller, which talks to the services.
"""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.domain.records import CallbackType, OutboundRecord
from agent_desktop.domain.store import RecordStore
from agent_desktop.services.events import ConnectionState
from agent_desktop.ui.connection_badge import ConnectionBadge
from agent_desktop.ui.details_pane import DetailsPane
from agent_desktop.ui.records_view import RecordsTableView
from agent_desktop.domain.records import RecordKey
from agent_desktop.domain.reminders import Reminder, ReminderTracker
from agent_desktop.ui import app_settings
from agent_desktop.ui import format as fmt
from agent_desktop.ui.icons import action_icon, app_icon
from agent_desktop.ui.records_model import RECORD_ROLE, Column, RecordsTableModel, header_text
from agent_desktop.ui.records_proxy import RecordsFilterProxy
from agent_desktop.ui.reminders_view import ReminderBanner, ReminderCenter, ReminderTray
from agent_desktop.ui.undo_bar import UndoBar
from agent_desktop.ui.window_menus import WindowMenus
from agent_desktop.ui.at_risk_view import AtRiskBanner

NOTICE_MS = 10_000
# The widest text each column usually holds (bold: overdue rows are bold).
_COLUMN_SAMPLES = {
    Column.WHEN: "Wed 30 Dec 23:59",
    Column.STATUS: "⚠ Overdue 23 h 59 min",
    Column.CONTACT: "Dimitris Konstantinou",
    Column.PHONE: "+441614960932",
    Column.THEIR_TIME: "23:59 Wed · New York",
    Column.TYPE: "Campaign",
    Column.CAMPAIGN: "Satisfaction Survey",
    Column.ATTEMPTS: "99",
}
TIME_REFRESH_MS = 30_000
ALL = "__all__"


class MainWindow(QMainWindow, WindowMenus):
    reschedule_requested = Signal(object)  # the OutboundRecord of the current row
    settings_requested = Signal()
    undo_requested = Signal()
    restore_requested = Signal(object)  # the OutboundRecord of the current row
    current_record_changed = Signal(object)  # OutboundRecord | None: another row, or the row changed
    record_action_requested = Signal(str, object)  # an action of record_actions.ACTIONS, the record
    bulk_move_requested = Signal(list)  # the selected OutboundRecords
    day_view_shown = Signal()
    log_folder_requested = Signal()
    closed = Signal()

    def __init__(self, store: RecordStore, *, agent_tz: tzinfo, agent_name: str = "",
                 settings: QSettings | None = None, reminder_tracker: ReminderTracker | None = None,
                 first_zone: str = "agent", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Agent Desktop — {agent}").format(agent=agent_name) if agent_name
                            else self.tr("Agent Desktop"))
        self.setWindowIcon(app_icon())
        self.resize(1280, 680)
        self._settings = settings
        self._detached = False
        # Asked before the window closes; False keeps it open (it will close itself once the agent
        # has answered). The app sets it; None closes at once (tests, automation).
        self.close_guard: Callable[[], bool] | None = None
        self.model = RecordsTableModel(store, agent_tz=agent_tz, parent=self)
        self.proxy = RecordsFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self._build_toolbar()
        self._build_menus()
        self.table = self._build_table()
        self.details = DetailsPane(agent_tz)
        self.reminder_banner = ReminderBanner()
        self.at_risk_banner = AtRiskBanner()
        self.undo_bar = UndoBar()
        self.undo_bar.undo_requested.connect(self.undo_requested.emit)
        # The list and the day view are two looks at the same callbacks; the day view is built
        # the first time it is shown (it is not needed to start working).
        self.views = QTabWidget()
        self.views.setObjectName("viewTabs")
        self.views.setDocumentMode(True)
        self.views.addTab(self.table, self.tr("&List"))
        self._day_placeholder = QWidget()
        self.views.addTab(self._day_placeholder, self.tr("&Day"))
        self.views.currentChanged.connect(self._view_changed)
        table_side = QWidget()
        table_layout = QVBoxLayout(table_side)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(4)
        table_layout.addWidget(self.reminder_banner)
        table_layout.addWidget(self.at_risk_banner)
        table_layout.addWidget(self.undo_bar)
        table_layout.addWidget(self.views)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        self.splitter = splitter
        splitter.addWidget(table_side)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1020, 260])
        self.setCentralWidget(splitter)

        self.badge = ConnectionBadge()
        self.agent_label = QLabel(agent_name)
        self.agent_label.setObjectName("agentLabel")
        self.statusBar().addPermanentWidget(self.agent_label)
        self.statusBar().addPermanentWidget(self.badge)

        self.model.rowsInserted.connect(self._rows_arrived)
        self.model.rowsRemoved.connect(lambda *_: self._update_count())
        self.model.dataChanged.connect(self._source_changed)
        self.proxy.rowsInserted.connect(lambda *_: self._update_count())
        self.proxy.rowsRemoved.connect(lambda *_: self._update_count())
        # A filter change resets the proxy: keep the agent on the same record when it is still shown.
        self.proxy.modelAboutToBeReset.connect(self._remember_current)
        self.proxy.modelReset.connect(self._restore_current)
        self.proxy.layoutChanged.connect(self._update_count)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(TIME_REFRESH_MS)
        self._clock_timer.timeout.connect(self.model.refresh_time_dependent)
        self._clock_timer.start()
        if self.model.rowCount():
            self._fit_columns()
            self._add_campaigns(0, self.model.rowCount() - 1)
            self.select_first_row()
        self._update_count()
        self._build_reminders(store, reminder_tracker)
        if settings is not None:
            self._restore_state(settings)
        self.show_first(first_zone)
        self.table.setFocus()

    # -- building --------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar("Callbacks")
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)

        self.reschedule_action = QAction(action_icon("reschedule"), self.tr("&Reschedule…"), self)
        self.reschedule_action.setObjectName("rescheduleAction")
        self.reschedule_action.setShortcut(QKeySequence("Ctrl+R"))
        self.reschedule_action.setToolTip(self.tr("Reschedule the selected callback (Ctrl+R)"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.reschedule_action.triggered.connect(self._request_reschedule)
        bar.addAction(self.reschedule_action)
        bar.widgetForAction(self.reschedule_action).setObjectName("rescheduleButton")
        bar.addSeparator()

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setPlaceholderText(self.tr("Filter: name, phone, campaign… (Ctrl+F)"))
        self.filter_edit.setAccessibleName(self.tr("Filter callbacks"))
        self.filter_edit.addAction(action_icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(280)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        bar.addWidget(self.filter_edit)
        focus_filter = QAction(self.tr("Filter"), self)
        focus_filter.setShortcut(QKeySequence("Ctrl+F"))
        focus_filter.triggered.connect(lambda: (self.filter_edit.setFocus(), self.filter_edit.selectAll()))
        self.addAction(focus_filter)
        # Escape in the filter goes back to the table, where the work happens.
        clear_filter = QAction(self.filter_edit)
        clear_filter.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear_filter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear_filter.triggered.connect(self.table_focus)
        self.filter_edit.addAction(clear_filter)

        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.type_filter.setAccessibleName(self.tr("Show callback type"))
        self.type_filter.addItem(self.tr("All types"), ALL)
        self.type_filter.addItem(self.tr("Personal"), CallbackType.PERSONAL)
        self.type_filter.addItem(self.tr("Campaign"), CallbackType.CAMPAIGN)
        self.type_filter.currentIndexChanged.connect(self._type_filter_changed)
        bar.addWidget(self.type_filter)

        self.campaign_filter = QComboBox()
        self.campaign_filter.setObjectName("campaignFilter")
        self.campaign_filter.setAccessibleName(self.tr("Show campaign"))
        self.campaign_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.campaign_filter.addItem(self.tr("All campaigns"), ALL)
        self.campaign_filter.currentIndexChanged.connect(self._campaign_filter_changed)
        bar.addWidget(self.campaign_filter)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setContentsMargins(12, 0, 6, 0)
        bar.addWidget(self.count_label)

    def _build_table(self) -> RecordsTableView:
        table = RecordsTableView()
        table.setObjectName("recordsTable")
        table.setAccessibleName(self.tr("Scheduled callbacks"))
        table.setAccessibleDescription(self.tr("Ctrl+R reschedules the selected callback."))
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows for a bulk move (Shift/Ctrl+click, Shift+arrows); one current row for the rest.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.WHEN, Qt.SortOrder.AscendingOrder)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setMinimumSectionSize(60)
        table.doubleClicked.connect(lambda _index: self._request_reschedule())
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_record_menu)
        return table

    def _build_reminders(self, store: RecordStore, tracker: ReminderTracker | None) -> None:
        self.reminders = ReminderCenter(store, tracker, parent=self)
        self.tray = ReminderTray(app_icon(), self)
        self.reminders.reminded.connect(self._reminders_changed)
        self.reminders.overdue_changed.connect(self.tray.set_overdue)
        self.reminder_banner.go_to.connect(self.go_to_record)
        self.reminder_banner.snooze.connect(self.reminders.snooze)
        self.reminder_banner.dismiss.connect(self.reminders.dismiss)
        self.tray.activated.connect(self._bring_to_front)
        self.tray.snooze_all.connect(self._snooze_all)

    def _reminders_changed(self, fresh: list[Reminder]) -> None:
        now = datetime.now(timezone.utc)
        showing = list(self.reminders.showing.values())
        self.reminder_banner.show_reminders(showing, now)
        self.model.set_reminded(set(self.reminders.showing))
        if fresh:
            self.tray.remind(fresh, now)
            self.notify(self.reminder_banner.text.text())

    def _snooze_all(self) -> None:
        for key in list(self.reminders.showing):
            self.reminders.snooze(key)

    def _bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def go_to_record(self, key: RecordKey) -> None:
        """Select the record's row (clearing a filter that hides it) and put focus on the table."""
        source_row = self.model.row_of(key)
        if source_row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid() and self.filter_edit.text():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        self._bring_to_front()
        self.table.setFocus()

    # -- the window's own state, kept between runs -------------------------------------------
    def _restore_state(self, settings: QSettings) -> None:
        state = app_settings.load_window_state(settings, "main", ("geometry", "splitter", "header"))
        if "geometry" in state:
            self.restoreGeometry(state["geometry"])
        if "splitter" in state:
            self.splitter.restoreState(state["splitter"])
        if "header" in state and self.table.horizontalHeader().restoreState(state["header"]):
            header = self.table.horizontalHeader()
            self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def show_first(self, zone: str) -> None:
        """"contact": the contact's local time is the first column; "agent": the agent's time."""
        header = self.table.horizontalHeader()
        theirs, mine = header.visualIndex(Column.THEIR_TIME), header.visualIndex(Column.WHEN)
        if (zone == "contact") != (theirs < mine):
            header.swapSections(theirs, mine)

    def _save_state(self, settings: QSettings) -> None:
        app_settings.save_window_state(settings, "main", {
            "geometry": self.saveGeometry(),
            "splitter": self.splitter.saveState(),
            "header": self.table.horizontalHeader().saveState(),
        })
        settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        # Icons are drawn in the palette's text colour: a light/dark switch redraws them.
        if event.type() == QEvent.Type.PaletteChange:
            self.reschedule_action.setIcon(action_icon("reschedule"))
            if getattr(self, "_menu_icons_made", False):  # else the menu makes them when it first opens
                self._make_menu_icons(again=True)
        super().changeEvent(event)

    # -- reacting --------------------------------------------------------------------------
    def _rows_arrived(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._add_campaigns(first, last)
        if first == 0:
            self._fit_columns()
        if not self.table.currentIndex().isValid():
            self.select_first_row()
        self._update_count()

    def _add_campaigns(self, first: int, last: int) -> None:
        campaigns = self.model.campaigns_in(first, last)
        known = {self.campaign_filter.itemData(i) for i in range(self.campaign_filter.count())}
        for name in sorted(campaigns - known):
            if name:
                self.campaign_filter.addItem(name, name)

    def _fit_columns(self) -> None:
        """Size columns for what they will hold, from the font: measuring the rows themselves
        would cost a pause the agent notices when 100,000 arrive."""
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        header = self.table.horizontalHeader()
        samples = {**_COLUMN_SAMPLES, Column.STATUS: fmt.widest_status_sample()}
        for column, sample in samples.items():
            width = max(bold_metrics.horizontalAdvance(sample), metrics.horizontalAdvance(header_text(column)) + 18)
            header.resizeSection(column, width + 10)

    def _source_changed(self, top_left: QModelIndex, _bottom_right: QModelIndex) -> None:
        current = self.current_record()
        if current is not None and current.key == self.model.record_at(top_left.row()).key:
            changed = self.model.record_at(top_left.row())
            self.details.show_record_after_the_row(changed)
            self.current_record_changed.emit(changed)

    def _remember_current(self) -> None:
        record = self.current_record()
        self._remembered = record.key if record is not None else None

    def _restore_current(self) -> None:
        key, self._remembered = getattr(self, "_remembered", None), None
        source_row = self.model.row_of(key) if key is not None else None
        index = self.proxy.mapFromSource(self.model.index(source_row, 0)) if source_row is not None else QModelIndex()
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        else:
            self.select_first_row()
        self._update_count()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = current.data(RECORD_ROLE) if current.isValid() else None
        self.details.show_record(record)
        self.reschedule_action.setEnabled(current.isValid())
        self.restore_action.setEnabled(False)  # until the record's history says there is one
        self._enable_record_actions(record is not None)
        self.current_record_changed.emit(record)

    def _type_filter_changed(self) -> None:
        data = self.type_filter.currentData()
        self.proxy.set_callback_type(None if data == ALL else data)

    def _campaign_filter_changed(self) -> None:
        data = self.campaign_filter.currentData()
        self.proxy.set_campaign(None if data == ALL else data)

    def _update_count(self, *_: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("{shown} of {total} shown").format(shown=shown, total=total)
                                 if shown != total else self.tr("{total} callbacks").format(total=total))
        if not self.table.currentIndex().isValid():
            self.reschedule_action.setEnabled(False)

    def selected_records(self) -> list[OutboundRecord]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(RECORD_ROLE) for index in sorted(rows, key=lambda index: index.row())]

    def _view_changed(self, index: int) -> None:
        if index == 1:
            self.day_view_shown.emit()
        else:
            self.table.setFocus()

    def set_day_view(self, day_view: QWidget) -> None:
        """Put the day view in its tab, in place of the placeholder it had until first shown."""
        index = self.views.indexOf(self._day_placeholder)
        text = self.views.tabText(index)
        self.views.blockSignals(True)
        self.views.removeTab(index)
        self.views.insertTab(index, day_view, text)
        self.views.setCurrentIndex(index)
        self.views.blockSignals(False)
        self._day_placeholder.deleteLater()

    def _request_reschedule(self) -> None:
        record = self.current_record()
        if record is not None:
            self.reschedule_requested.emit(record)

    # -- for the controller and tests ------------------------------------------------------
    def current_record(self) -> OutboundRecord | None:
        index = self.table.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def select_first_row(self) -> None:
        if self.proxy.rowCount():
            index = self.proxy.index(0, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def table_focus(self) -> None:
        """Back to the table (after a dialog or the filter), on the row the agent was on; or back
        to the day view when that is what the agent was working in."""
        self.activateWindow()
        current = self.views.currentWidget()
        if current is self.table or not hasattr(current, "timeline"):
            self.table.setFocus()
        else:
            current.timeline.setFocus()

    def set_connection_state(self, state: ConnectionState, detail: str = "") -> None:
        self.badge.set_state(state, detail)

    def notify(self, text: str) -> None:
        """A non-modal notice in the status bar (screen readers get it through the accessible name)."""
        self.statusBar().showMessage(text, NOTICE_MS)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._detached:  # closed again (a test harness, a second Ctrl+Q): nothing left to stop
            super().closeEvent(event)
            return
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self._detached = True
        if self._settings is not None:
            self._save_state(self._settings)
        self.reminders.detach()
        self.tray.hide()
        self._clock_timer.stop()
        self.model.detach()
        self.closed.emit()
        super().closeEvent(event)
