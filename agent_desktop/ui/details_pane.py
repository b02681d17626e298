"""The selected record in full: who, when in both zones, calling hours, status, customer fields."""

from __future__ import annotations

from datetime import tzinfo
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from agent_desktop.domain.records import OutboundRecord
from agent_desktop.ui import format as fmt


class DetailsPane(QScrollArea):
    def __init__(self, agent_tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self.setAccessibleName("Record details")
        self.setWidgetResizable(True)
        self._agent_tz = agent_tz
        self.label = QLabel()
        self.label.setObjectName("detailsText")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setMargin(8)
        self.setWidget(self.label)
        self.show_record(None)

    def show_record(self, record: OutboundRecord | None) -> None:
        if record is None:
            self.label.setText("<i>Select a callback to see its details.</i>")
            return
        when = record.scheduled_at
        rows = [
            ("Phone", record.phone or "—"),
            ("Campaign", record.campaign_name or "—"),
            ("Calling list", record.calling_list or "—"),
            ("Your time", fmt.agent_time(when, self._agent_tz)),
            ("Their time", fmt.contact_time(when, record.contact_zone, self._agent_tz)),
            ("Their zone", fmt.zone_detail(when, record.contact_zone)),
            ("Calling hours", f"{record.calling_window.describe()} their time" if record.calling_window else "—"),
            ("Type", record.callback_type.value if record.callback_type else "—"),
            ("Status", record.status_reason and f"{record.status.value}: {record.status_reason}" or record.status.value),
            ("Attempts", str(record.attempts)),
            ("Record", f"handle {record.key.record_handle}, application {record.key.application_id}"),
        ]
        custom = [(name.replace("_", " ").capitalize(), value) for name, value in sorted(record.customer_fields.items())]
        html = [f"<h3>{escape(record.contact_name or record.phone or 'Contact')}</h3><table>"]
        for name, value in rows:
            html.append(f"<tr><td><b>{escape(name)}</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>")
        html.append("</table>")
        if custom:
            html.append("<h4>Customer</h4><table>")
            for name, value in custom:
                html.append(f"<tr><td><b>{escape(name)}</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>")
            html.append("</table>")
        self.label.setText("".join(html))
