"""The main window's menus (File, Edit, View, Record, Help) and the record actions' state: a
mixin of ``MainWindow``, kept apart for size. Texts keep the "MainWindow" translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from agent_desktop.ui.icons import action_icon

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls too


class WindowMenus:
    """Builds the menu bar and keeps the record actions enabled as the row and privileges allow."""

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(translate("MainWindow", "&File"))
        # The menus' icons are drawn the first time a menu opens, not before the window shows:
        # each action icon renders its SVG at 14 sizes in 2 colours (~5 ms), and these two are
        # seen only in their menus.
        file_menu.aboutToShow.connect(self._make_menu_icons)
        self._menu_icons_made = False
        self.settings_action = QAction(translate("MainWindow", "&Settings…"), self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested.emit)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        quit_action = QAction(translate("MainWindow", "&Quit"), self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        # Menus in the usual order; each is filled below.
        edit_menu = menus.addMenu(translate("MainWindow", "&Edit"))
        view_menu = menus.addMenu(translate("MainWindow", "&View"))
        record_menu = menus.addMenu(translate("MainWindow", "&Record"))
        help_menu = menus.addMenu(translate("MainWindow", "&Help"))
        help_menu.aboutToShow.connect(self._make_menu_icons)
        self.record_menu = record_menu
        record_menu.addAction(self.reschedule_action)
        self.restore_action = QAction(translate("MainWindow", "Restore &previous time"), self)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.restore_action.setToolTip(
            translate("MainWindow", "Move the callback back to where your last reschedule took it from"))
        self.restore_action.setEnabled(False)
        self.restore_action.triggered.connect(self._request_restore)
        record_menu.addAction(self.restore_action)
        self.bulk_move_action = QAction(translate("MainWindow", "&Move selected…"), self)
        self.bulk_move_action.setObjectName("bulkMoveAction")
        self.bulk_move_action.setShortcut(QKeySequence("Ctrl+M"))
        self.bulk_move_action.setToolTip(
            translate("MainWindow", "Move the selected callbacks to a day or a time range (Ctrl+M)"))
        self.bulk_move_action.triggered.connect(self._request_bulk_move)
        record_menu.addAction(self.bulk_move_action)
        record_menu.addSeparator()
        self.record_actions: dict[str, QAction] = {}
        for name, text, shortcut in (
                ("new-number", translate("MainWindow", "Call back on another &number…"), "Ctrl+Shift+R"),
                ("cancel", translate("MainWindow", "&Cancel callback…"), ""),
                ("do-not-call", translate("MainWindow", "Mark &do not call…"), ""),
                ("complete", translate("MainWindow", "C&omplete with call result…"), "Ctrl+Shift+C")):
            action = QAction(text, self)
            action.setObjectName(f"{name}Action")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setEnabled(False)  # until the agent's privileges are known
            action.triggered.connect(lambda _checked=False, name=name: self._request_action(name))
            record_menu.addAction(action)
            self.record_actions[name] = action
        self._permitted: dict[str, bool] = {}
        for index, (name, text, shortcut) in enumerate((("listViewAction", translate("MainWindow", "&List"), "Ctrl+1"),
                                                       ("dayViewAction", translate("MainWindow", "&Day"), "Ctrl+2"))):
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, index=index: self.views.setCurrentIndex(index))
            view_menu.addAction(action)
        self.undo_action = QAction(translate("MainWindow", "&Undo reschedule"), self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_requested.emit)
        edit_menu.addAction(self.undo_action)
        self.log_folder_action = QAction(translate("MainWindow", "Open &log folder"), self)
        self.log_folder_action.setObjectName("logFolderAction")
        self.log_folder_action.triggered.connect(self.log_folder_requested.emit)
        help_menu.addAction(self.log_folder_action)

    def _make_menu_icons(self, *, again: bool = False) -> None:
        """The icons of the menus' actions: when a menu first opens, and ``again`` after a
        palette change (they are drawn in the palette's colours) once they exist."""
        if self._menu_icons_made and not again:
            return
        self._menu_icons_made = True
        self.settings_action.setIcon(action_icon("settings"))
        self.log_folder_action.setIcon(action_icon("log-folder"))

    def set_action_permissions(self, permitted: dict[str, bool]) -> None:
        """Which record actions the agent's account allows; the others stay greyed out, saying why."""
        self._permitted = dict(permitted)
        for name, action in self.record_actions.items():
            allowed = permitted.get(name)
            action.setToolTip("" if allowed else translate("MainWindow", "Your account is not allowed to do this."))
        self._enable_record_actions(self.current_record() is not None)

    def _enable_record_actions(self, has_record: bool) -> None:
        for name, action in self.record_actions.items():
            action.setEnabled(has_record and self._permitted.get(name, False))

    def _request_action(self, name: str) -> None:
        record = self.current_record()
        if record is not None:
            self.record_action_requested.emit(name, record)

    def _show_record_menu(self, position) -> None:  # position: QPoint in the viewport
        if self.table.indexAt(position).isValid():
            self.record_menu.popup(self.table.viewport().mapToGlobal(position))

    def _request_bulk_move(self) -> None:
        records = self.selected_records()
        if records:
            self.bulk_move_requested.emit(records)

    def _request_restore(self) -> None:
        record = self.current_record()
        if record is not None:
            self.restore_requested.emit(record)
