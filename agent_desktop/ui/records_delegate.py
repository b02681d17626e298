"""Painting the callbacks table cheaply, and only where something looks different.

With a software rasteriser (no GPU, as on this project's machine) the stock QTableView made one
repaint of the viewport cost 20-25 ms, and repainted all of it far more often than needed. What
this module changes, each pixel for pixel the same as the stock table (``tests/ui/
test_records_painting.py`` compares them):

* Cost of a paint. For every cell the stock table calls into the Python proxy several times
  (index, flags, parent for the selection) and ``QStyledItemDelegate`` asks for a dozen roles
  and lays the text out again (HarfBuzz shaping). ``RecordsTableView`` draws the rows itself:
  each row is read once from the table model (``data_at``, no model index, no ``QVariant``),
  and ``RecordsDelegate`` keeps each text elided and laid out (a ``QStaticText``): a cell is a
  fill and a blit. A full repaint went from ~20 ms to ~5 ms, a row from ~1.5 to ~0.5 ms.
  Tables it cannot draw exactly (right to left, spans, moved or hidden sections, another
  delegate or model) are left to QTableView.
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

from typing import Any, Callable

from PySide6.QtCore import QAbstractProxyModel, QEvent, QLineF, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QStaticText,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

AnyIndex = QModelIndex | QPersistentModelIndex
Cell = tuple[str, Any, bool, Any]  # text, background brush, bold, foreground colour

_DISPLAY = Qt.ItemDataRole.DisplayRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FONT = Qt.ItemDataRole.FontRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
# Plain ints: flag arithmetic on Python enum members costs microseconds, per cell.
_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ELIDE = Qt.TextElideMode.ElideRight
_ACTIVATION = (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate)
_ACTIVE_GROUP, _INACTIVE_GROUP = QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive
_DISABLED_GROUP = QPalette.ColorGroup.Disabled
TEXT_CACHE_SIZE = 8192  # laid-out texts kept (a screenful is ~200; scrolling 100,000 rows churns it)


class RecordsDelegate(QStyledItemDelegate):
    """Draws a cell as ``QStyledItemDelegate`` does for plain text: the background, the
    selection, the text (bold or not, its colour) elided on the right and centred vertically,
    and the focus frame. Right-to-left layouts are left to the stock delegate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: dict[tuple[str, int, bool], tuple[QStaticText, int]] = {}
        self._fonts: tuple[QFont, QFont, QFontMetrics, QFontMetrics] | None = None
        self._margin: int | None = None
        self._colours: dict[int, tuple[QBrush, QColor, QColor, QBrush]] = {}
        self._rows: dict[int, list[Cell] | None] | None = None  # during a paint: row → its cells
        self._painter_bold: bool | None = None
        self.rows_read = 0  # rows whose cells were read from the model (for tests)

    # -- what the view tells it --------------------------------------------------------------
    def begin_paint(self) -> None:
        """The view starts painting: rows read from now on may be reused until ``end_paint``."""
        self._rows = {}
        self._painter_bold = None

    def end_paint(self) -> None:
        self._rows = None

    def invalidate(self) -> None:
        """The view's font, style or palette changed: everything worked out is stale."""
        self._texts.clear()
        self._fonts = None
        self._margin = None
        self._colours.clear()

    # -- reading a row ---------------------------------------------------------------------
    def cells_of(self, index: AnyIndex) -> list[Cell] | None:
        """The cells of ``index``'s row (read once per paint), or None: not a model it can read."""
        return self._cells(index)

    def colours_for(self, state: int, palette: QPalette) -> tuple[QBrush, QColor, QColor, QBrush]:
        return self._colours_for(state, palette)

    def paint_focus(self, painter: QPainter, option: QStyleOptionViewItem, rect: Any, state: int,
                    view: QWidget) -> None:
        self._paint_focus(painter, option, rect, state, view)

    def _cells(self, index: AnyIndex) -> list[Cell] | None:
        rows = self._rows
        row = index.row()
        if rows is not None:
            cells = rows.get(row, False)
            if cells is not False:
                return cells  # type: ignore[return-value]
        cells = self._read_row(index)
        if rows is not None:
            rows[row] = cells
        return cells

    def _read_row(self, index: AnyIndex) -> list[Cell] | None:
        """All the cells of ``index``'s row, from the source model's ``data_at`` (the proxy's own
        shortcut). None when the model is not one this delegate knows: the stock way then."""
        proxy = index.model()
        if not isinstance(proxy, QAbstractProxyModel):
            return None
        model = proxy.sourceModel()
        data_at: Callable[[int, int, int], Any] | None = getattr(model, "data_at", None)
        if data_at is None:
            return None
        source_row = proxy.mapToSource(index).row()
        if source_row < 0:
            return None
        self.rows_read += 1
        cells = []
        for column in range(proxy.columnCount()):
            text = data_at(source_row, column, _DISPLAY)
            font = data_at(source_row, column, _FONT)
            cells.append((text if isinstance(text, str) else ("" if text is None else str(text)),
                          data_at(source_row, column, _BACKGROUND),
                          font is not None and font.bold(),
                          data_at(source_row, column, _FOREGROUND)))
        return cells

    # -- what painting needs, worked out once ----------------------------------------------
    def _font_set(self, view: QWidget) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        fonts = self._fonts
        if fonts is None:
            plain = QFont(view.font())
            bold = QFont(plain)
            bold.setBold(True)
            fonts = self._fonts = (plain, bold, QFontMetrics(plain), QFontMetrics(bold))
        return fonts

    def _colours_for(self, state: int, palette: QPalette) -> tuple[QBrush, QColor, QColor, QBrush]:
        """Highlight, highlighted text, text and alternate-row colours of the state's colour group
        (as QCommonStyle picks it: disabled, or active/inactive with the window)."""
        group = _DISABLED_GROUP if not state & _ENABLED else (_ACTIVE_GROUP if state & _ACTIVE else _INACTIVE_GROUP)
        key = group.value
        colours = self._colours.get(key)
        if colours is None:
            colours = self._colours[key] = (palette.brush(group, QPalette.ColorRole.Highlight),
                                            palette.color(group, QPalette.ColorRole.HighlightedText),
                                            palette.color(group, QPalette.ColorRole.Text),
                                            palette.brush(group, QPalette.ColorRole.AlternateBase))
        return colours

    def _laid_out(self, text: str, width: int, bold: bool, view: QWidget) -> tuple[QStaticText, int]:
        key = (text, width, bold)
        found = self._texts.get(key)
        if found is None:
            plain, strong, plain_metrics, strong_metrics = self._font_set(view)
            font, metrics = (strong, strong_metrics) if bold else (plain, plain_metrics)
            shown = metrics.elidedText(text, _ELIDE, width) if metrics.horizontalAdvance(text) > width else text
            static = QStaticText(shown)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=font)
            found = (static, metrics.height())
            if len(self._texts) >= TEXT_CACHE_SIZE:
                self._texts.clear()  # simple and bounded; the next paints fill it again
            self._texts[key] = found
        return found

    # -- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """One cell, as the view asks for it (the view's fast path draws whole rows instead)."""
        view = option.widget
        cells = self._cells(index) if view is not None and view.isLeftToRight() else None
        if cells is None:
            super().paint(painter, option, index)
            return
        rect = option.rect
        state = option.state.value
        # QTableView's own part of a cell (PE_PanelItemViewRow) has been drawn already.
        self.draw_cell(painter, rect.x(), rect.y(), rect.width(), rect.height(), cells[index.column()],
                       bool(state & _SELECTED), False, self._colours_for(state, option.palette), view)
        if state & _HAS_FOCUS:
            self._paint_focus(painter, option, rect, state, view)

    def draw_cell(self, painter: QPainter, x: int, y: int, width: int, height: int, cell: Cell,
                  selected: bool, alternate: bool, colours: tuple[QBrush, QColor, QColor, QBrush],
                  view: QWidget) -> None:
        """The background (the row's: selection or alternate colour; the cell's own), then the
        text, elided on the right and centred vertically, in the cell's font and colour."""
        text, background, bold, foreground = cell
        if selected:
            painter.fillRect(x, y, width, height, colours[0])
        else:
            if alternate:
                painter.fillRect(x, y, width, height, colours[3])
            if background is not None:
                painter.fillRect(x, y, width, height, background)
        if not text:
            return
        margin = self._margin
        if margin is None:
            margin = self._margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        inner = width - 2 * margin
        if inner <= 0:
            return
        static, text_height = self._laid_out(text, inner, bold, view)
        if bold is not self._painter_bold:
            fonts = self._font_set(view)
            painter.setFont(fonts[1] if bold else fonts[0])
            self._painter_bold = bold if self._rows is not None else None
        if selected:
            painter.setPen(colours[1])
        else:
            painter.setPen(foreground if foreground is not None else colours[2])
        painter.drawStaticText(x + margin, y + (height - text_height) // 2, static)

    @staticmethod
    def _paint_focus(painter: QPainter, option: QStyleOptionViewItem, rect: Any, state: int, view: QWidget) -> None:
        """As QCommonStyle draws an item's focus frame (the style decides whether to: Fusion
        shows it once the keyboard has been used)."""
        palette = option.palette
        focus = QStyleOptionFocusRect()
        focus.state = option.state | QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
        focus.direction = option.direction
        focus.rect = rect
        focus.palette = palette
        focus.fontMetrics = option.fontMetrics
        group = QPalette.ColorGroup.Normal if state & _ENABLED else _DISABLED_GROUP
        focus.backgroundColor = palette.color(group, QPalette.ColorRole.Highlight if state & _SELECTED
                                              else QPalette.ColorRole.Window)
        view.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, view)


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
