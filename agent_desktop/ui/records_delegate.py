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

The view that uses it, and repaints only where something looks different: ``records_view.py``.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QStaticText,
)
from PySide6.QtWidgets import (
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
