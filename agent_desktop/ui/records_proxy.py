"""Sorting and filtering of the records table: free text across columns, type and campaign."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from agent_desktop.domain.records import CallbackType
from agent_desktop.ui.records_model import SORT_ROLE, RecordsTableModel


class RecordsFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._callback_type: CallbackType | None = None
        self._campaign: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def source(self) -> RecordsTableModel:
        return self.sourceModel()  # type: ignore[return-value]

    def set_text(self, text: str) -> None:
        """Every word must appear somewhere in the row (contact, phone, campaign, times…)."""
        words = text.casefold().split()
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange()

    def set_callback_type(self, callback_type: CallbackType | None) -> None:
        if callback_type != self._callback_type:
            self.beginFilterChange()
            self._callback_type = callback_type
            self.endFilterChange()

    def set_campaign(self, campaign: str | None) -> None:
        if campaign != self._campaign:
            self.beginFilterChange()
            self._campaign = campaign
            self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.source()
        record = model.record_at(source_row)
        if self._callback_type is not None and record.callback_type is not self._callback_type:
            return False
        if self._campaign is not None and record.campaign_name != self._campaign:
            return False
        if self._words:
            text = model.search_text_at(source_row)
            return all(word in text for word in self._words)
        return True

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        # Python comparison of the native sort keys (tuples, floats, strings).
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
