"""The callbacks table view: draws its rows with ``RecordsDelegate`` (``records_delegate.py``)
and repaints only where something looks different, each pixel for pixel the same as the stock
table (``tests/ui/test_records_painting.py`` compares them).

* Focus. ``QAbstractItemView`` repaints the whole viewport (and ``QWidget`` the whole widget,
  scroll bars and header included) when the table gains or loses the focus, and when the
  window is activated or deactivated: each time a dialog opens or closes. Only the focus frame
  of the current row changes (and the selection, if the palette has inactive colours): those
  rows are repainted instead.
* Re-sorting. After the proxy re-sorts (a rescheduled callback moves to its new time), the
  stock view recomputes its geometry and repaints everything; this one repaints the visible
  rows that now show another record.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QEvent, QLineF, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from agent_desktop.ui.records_delegate import RecordsDelegate

_ACTIVATION = (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate)
_ACTIVE_GROUP, _INACTIVE_GROUP = QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive


def _looks_the_same_inactive(widget: QWidget) -> bool:
    return widget.palette().isEqual(_ACTIVE_GROUP, _INACTIVE_GROUP)


class RecordsHeaderView(QHeaderView):
    """A header that does not repaint itself when the window is (de)activated, unless the
    palette has inactive colours (see ``RecordsTableView.viewportEvent``)."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setSectionsClickable(True)  # as QTableView sets up its own header
        self.setHighlightSections(True)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() in _ACTIVATION and _looks_the_same_inactive(self):
            return False
        return super().viewportEvent(event)


class RecordsTableView(QTableView):
    """The callbacks table: draws its rows itself and repaints only what looks different (see
    the module's description)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeader(RecordsHeaderView(Qt.Orientation.Horizontal, self))
        self.records_delegate = RecordsDelegate(self)
        self.setItemDelegate(self.records_delegate)
        self._has_spans = False
        self._rows_shown: tuple[int, int, list[int]] | None = None
        self._full_layout_due = True
        self._model_connections: list[tuple[str, Any]] = []
        self.focus_repaints = 0  # rows repainted for focus changes (for tests)
        self.rows_relaid = 0  # rows repainted after a re-sort (for tests)
        self.fast_paints = 0  # paints drawn row by row (for tests)

    # -- a re-sort repaints the rows that show another record, not the viewport ------------
    def setModel(self, model: Any) -> None:  # noqa: N802 - Qt's name
        previous = self.model()
        if previous is not None:
            for signal, slot in self._model_connections:
                getattr(previous, signal).disconnect(slot)
        self._model_connections = []
        super().setModel(model)
        if model is not None:
            forget = self._forget_rows_shown
            self._model_connections = [("layoutAboutToBeChanged", self._remember_rows_shown),
                                       ("modelAboutToBeReset", forget), ("modelReset", forget),
                                       ("rowsInserted", forget), ("rowsRemoved", forget),
                                       ("columnsInserted", forget), ("columnsRemoved", forget)]
            for signal, slot in self._model_connections:
                getattr(model, signal).connect(slot)

    def _source_row(self, model: Any, row: int) -> int:
        return model.mapToSource(model.index(row, 0)).row()

    def _visible_rows(self) -> tuple[int, int]:
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        if first >= 0 and last < 0:
            last = self.model().rowCount() - 1
        return first, last

    def _remember_rows_shown(self, *_: Any) -> None:
        """Before a layout change: which record each visible row shows (by source row).

        What is on the screen: a second layout change before the view lays out again (which it
        does before any paint) keeps the first picture."""
        if self._rows_shown is not None or self._full_layout_due:
            return
        model = self.model()
        first, last = self._visible_rows()
        if not isinstance(model, QAbstractProxyModel) or first < 0:
            self._rows_shown = None
            return
        self._rows_shown = (model.rowCount(), first, [self._source_row(model, row) for row in range(first, last + 1)])

    def _forget_rows_shown(self, *_: Any) -> None:
        """Rows came or went, or everything changed: the next layout is a whole one."""
        self._rows_shown = None
        self._full_layout_due = True

    def doItemsLayout(self) -> None:  # noqa: N802 - Qt's name
        """After a re-sort (the same rows, of the same height, in another order), repaint the
        visible rows that now show another record, instead of what QAbstractItemView does:
        recompute the geometry of the headers and scroll bars (unchanged) and repaint the whole
        viewport (with the scroll bars and the frame, ~7 ms here).

        Anything else, or anything it cannot be sure of, is laid out the stock way."""
        shown, self._rows_shown = self._rows_shown, None
        due, self._full_layout_due = self._full_layout_due, False
        model = self.model()
        vertical = self.verticalHeader()
        if (due or shown is None or model is None or shown[0] != model.rowCount()
                or self._visible_rows()[0] != shown[1]
                or vertical.length() != vertical.count() * vertical.defaultSectionSize()):
            super().doItemsLayout()
            return
        if not vertical.updatesEnabled():  # what QTableView::doItemsLayout adds
            vertical.setUpdatesEnabled(True)
        _, first, before = shown
        viewport = self.viewport()
        width = viewport.width()
        for offset, was in enumerate(before):
            row = first + offset
            if self._source_row(model, row) != was:
                viewport.update(0, self.rowViewportPosition(row), width, self.rowHeight(row))
                self.rows_relaid += 1

    def setSpan(self, row: int, column: int, rows: int, columns: int) -> None:  # noqa: N802 - Qt's name
        self._has_spans = True  # the fast path draws no spans
        super().setSpan(row, column, rows, columns)

    def paintEvent(self, event: QPaintEvent) -> None:
        delegate = self.records_delegate
        delegate.begin_paint()
        try:
            if self._can_paint_rows():
                self._paint_rows(event)
                self.fast_paints += 1
            else:
                super().paintEvent(event)
        finally:
            delegate.end_paint()

    def _can_paint_rows(self) -> bool:
        """Whether this table is one ``_paint_rows`` draws exactly as QTableView would: left to
        right, no spans, sections neither moved nor hidden, no word wrap, no drag in progress,
        this view's own delegate, and a model whose rows it can read."""
        if (self._has_spans or not self.isLeftToRight() or self.wordWrap()
                or self.itemDelegate() is not self.records_delegate):
            return False
        if self.state() is QAbstractItemView.State.DraggingState:
            return False
        horizontal, vertical = self.horizontalHeader(), self.verticalHeader()
        if (horizontal.sectionsMoved() or horizontal.sectionsHidden()
                or vertical.sectionsMoved() or vertical.sectionsHidden()):
            return False
        model = self.model()
        return isinstance(model, QAbstractProxyModel) and hasattr(model.sourceModel(), "data_at")

    def _paint_rows(self, event: QPaintEvent) -> None:
        """QTableView::paintEvent (Qt 6) for this table, row by row: the same cells, colours,
        grid and focus frame, drawn from one read of each row instead of a dozen calls into
        Python per cell (the model's index, flags, parent, each role, the delegate)."""
        model = self.model()
        horizontal, vertical = self.horizontalHeader(), self.verticalHeader()
        viewport = self.viewport()
        painter = QPainter(viewport)
        columns, rows = horizontal.count(), vertical.count()
        if columns == 0 or rows == 0:
            return
        delegate = self.records_delegate
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        style = self.style()
        grid = 1 if self.showGrid() else 0
        state = option.state.value
        colours = delegate.colours_for(state, option.palette)
        alternate = self.alternatingRowColors()
        right_edge = horizontal.length() - horizontal.offset() - 1
        bottom_edge = vertical.length() - vertical.offset() - 1
        current = self.currentIndex()
        focus = current.isValid() and (self.hasFocus() or viewport.hasFocus())
        focus_cell = (current.row(), current.column()) if focus else None
        selection = self.selectionModel()
        ranges = ([(r.top(), r.bottom(), r.left(), r.right()) for r in selection.selection() if r.isValid()]
                  if selection is not None else [])
        column_geometry = [(self.columnViewportPosition(column), self.columnWidth(column) - grid)
                           for column in range(columns)]
        for area in event.region():
            area.setBottom(min(area.bottom(), bottom_edge))
            area.setRight(min(area.right(), right_edge))
            if not area.isValid():
                continue
            left = horizontal.visualIndexAt(area.left())
            right = horizontal.visualIndexAt(area.right())
            left = 0 if left == -1 else left
            right = columns - 1 if right == -1 else right
            bottom = vertical.visualIndexAt(area.bottom())
            bottom = rows - 1 if bottom == -1 else bottom
            top = vertical.visualIndexAt(area.top())
            if top == -1 or top > bottom:
                continue
            alternate_base = bool(top & 1) and alternate
            for row in range(top, bottom + 1):
                row_y = self.rowViewportPosition(row)
                row_height = self.rowHeight(row) - grid
                index = model.index(row, 0)
                cells = delegate.cells_of(index)
                picked = [(r_left, r_right) for r_top, r_bottom, r_left, r_right in ranges if r_top <= row <= r_bottom]
                for column in range(left, right + 1):
                    x, width = column_geometry[column]
                    selected = any(r_left <= column <= r_right for r_left, r_right in picked)
                    if cells is None:  # a row the delegate cannot read: the stock way, one cell
                        self._paint_cell_stock(painter, option, model.index(row, column), x, row_y, width,
                                               row_height, selected, alternate_base, focus_cell == (row, column))
                        continue
                    delegate.draw_cell(painter, x, row_y, width, row_height, cells[column], selected,
                                       alternate_base, colours, self)
                    if focus_cell == (row, column):
                        cell_option = QStyleOptionViewItem(option)
                        cell_option.rect = QRect(x, row_y, width, row_height)
                        cell_option.state = option.state | QStyle.StateFlag.State_HasFocus | (
                            QStyle.StateFlag.State_Selected if selected else QStyle.StateFlag.State_None)
                        delegate.paint_focus(painter, cell_option, cell_option.rect, cell_option.state.value, self)
                alternate_base = not alternate_base and alternate
            if grid:
                self._paint_grid(painter, option, style, area, top, bottom, left, right, column_geometry)

    def _paint_cell_stock(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex, x: int, y: int,
                          width: int, height: int, selected: bool, alternate: bool, focus: bool) -> None:
        """QTableViewPrivate::drawCell: the row panel, then the delegate's stock painting."""
        cell = QStyleOptionViewItem(option)
        cell.rect = QRect(x, y, width, height)
        if alternate:
            cell.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
        flags = QStyle.StateFlag.State_None
        if selected:
            flags |= QStyle.StateFlag.State_Selected
        if focus:
            flags |= QStyle.StateFlag.State_HasFocus
        cell.state = option.state | flags
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, cell, painter, self)
        QStyledItemDelegate.paint(self.records_delegate, painter, cell, index)

    def _paint_grid(self, painter: QPainter, option: QStyleOptionViewItem, style: QStyle, area: QRect, top: int,
                    bottom: int, left: int, right: int, column_geometry: list[tuple[int, int]]) -> None:
        """The grid lines over ``area``, as QTableView draws them (each line half a pixel in)."""
        colour = QColor.fromRgba(style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self) & 0xFFFFFFFF)
        old = painter.pen()
        painter.setPen(QPen(colour, 1, self.gridStyle()))
        for row in range(top, bottom + 1):
            line_y = self.rowViewportPosition(row) + self.rowHeight(row) - 1
            painter.drawLine(QLineF(area.left(), line_y, area.right(), line_y).translated(0.5, 0.5))
        for column in range(left, right + 1):
            x, width = column_geometry[column]
            line_x = x + width
            painter.drawLine(QLineF(line_x, area.top(), line_x, area.bottom()).translated(0.5, 0.5))
        draw_left_top = style.styleHint(QStyle.StyleHint.SH_Table_AlwaysDrawLeftTopGridLines, option, self)
        if draw_left_top and self.horizontalHeader().isHidden():
            row_y = self.rowViewportPosition(top)
            if row_y == area.top():
                painter.drawLine(area.left(), row_y, area.right(), row_y)
        if draw_left_top and self.verticalHeader().isHidden():
            column_x = column_geometry[left][0]
            if column_x == area.left():
                painter.drawLine(column_x, area.top(), column_x, area.bottom())
        painter.setPen(old)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self.records_delegate.invalidate()
            self._forget_rows_shown()
        super().changeEvent(event)

    def _update_focus_rows(self) -> None:
        viewport = self.viewport()
        width = viewport.width()
        rows = {self.currentIndex().row()}
        model = self.selectionModel()
        if model is not None:
            rows.update(index.row() for index in model.selectedRows())
        for row in rows:
            if row < 0:
                continue
            top = self.rowViewportPosition(row)
            height = self.rowHeight(row)
            if top + height >= 0 and top < viewport.height():
                viewport.update(0, top, width, height)
                self.focus_repaints += 1

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() in _ACTIVATION and _looks_the_same_inactive(self):
            # QAbstractItemView repaints the whole viewport when the window is (de)activated (a
            # dialog opens or closes), for the selection's inactive colours. With a palette that
            # has none, nothing looks different: let the viewport handle the event as the base
            # class would otherwise (QAbstractScrollArea passes these on), minus the repaint.
            return False
        return super().viewportEvent(event)

    def focusInEvent(self, event: Any) -> None:
        if not self.currentIndex().isValid():
            # QAbstractItemView picks a current item here: let it (and its full repaint) happen.
            super().focusInEvent(event)
            return
        # What QAbstractItemView::focusInEvent and QWidget::focusInEvent do, minus repainting
        # everything: only the current row (its focus frame) and the selected rows look
        # different with the focus. (QWidget repaints the whole widget for a focus drawn on the
        # frame: Fusion and Windows draw none there; macOS draws its ring in a QFocusFrame,
        # a widget of its own.)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled,
                          bool(self.currentIndex().flags() & Qt.ItemFlag.ItemIsEditable))
        self._update_focus_rows()

    def focusOutEvent(self, event: Any) -> None:
        # What QWidget::focusOutEvent does besides repainting everything.
        app = QApplication.instance()
        if app is not None and app.autoSipEnabled() and self.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
            QGuiApplication.inputMethod().hide()
        self._update_focus_rows()
