"""The audit trail list: newest first, filtered by user, document, dates and kind of action;
Enter shows an entry's detail; Export… writes what is shown to a CSV file."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QWidget

from retailerp.persistence.audit_queries import AuditRow
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.ui.errors import show_error
from retailerp.ui.models import Column
from retailerp.ui.sales.list_base import DocumentList
from retailerp.ui.sources import ServiceSource


class AuditSource(ServiceSource):
    """Filters: ``username``, ``document``, ``action`` (``order.`` for a kind), dates."""

    shows = frozenset({Change.AUDIT})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.audit.page)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("id", QCoreApplication.translate("AuditSource", "No."), alignment="right"),
            Column("at", QCoreApplication.translate("AuditSource", "Time"), sortable=False),
            Column("username", QCoreApplication.translate("AuditSource", "User"), sortable=False),
            Column("pc", QCoreApplication.translate("AuditSource", "PC"), sortable=False),
            Column("action", QCoreApplication.translate("AuditSource", "Action"), sortable=False),
            Column(
                "document", QCoreApplication.translate("AuditSource", "Document"), sortable=False
            ),
            Column("record", QCoreApplication.translate("AuditSource", "Record"), sortable=False),
            Column("detail", QCoreApplication.translate("AuditSource", "Detail"), sortable=False),
        ]

    def cell(self, row: AuditRow, column_key: str) -> object:
        if column_key == "at":
            return row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column_key == "record":
            return f"{row.entity} {row.entity_id}"
        if column_key == "detail":
            return row.detail if len(row.detail) <= 120 else row.detail[:117] + "…"
        return getattr(row, column_key)


def detail_lines(row: AuditRow) -> str:
    """An entry's detail, one field a line (before → after for changed fields)."""
    try:
        detail = json.loads(row.detail) if row.detail else {}
    except ValueError:
        return row.detail
    if not isinstance(detail, dict):
        return row.detail
    lines = []
    for key, value in detail.items():
        if key == "changes" and isinstance(value, dict):
            for field, change in value.items():
                if isinstance(change, dict):
                    lines.append(f"{field}: {change.get('before')} → {change.get('after')}")
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines)


class AuditPage(DocumentList):
    """Every audit entry, newest first; keyset-paged like every list."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, AuditSource(services), "audit", parent=parent)
        self.search.setPlaceholderText(self.tr("Search action, document, user, PC or detail…"))
        choices = services.audit.filters()
        self.user_filter = QComboBox(self)
        self.user_filter.setObjectName("audit_user_filter")
        self.user_filter.addItem(self.tr("Every user"), "")
        for user in choices.users:
            self.user_filter.addItem(user, user)
        self.action_filter = QComboBox(self)
        self.action_filter.setObjectName("audit_action_filter")
        self.action_filter.addItem(self.tr("Every action"), "")
        for group in choices.action_groups:
            self.action_filter.addItem(group, f"{group}.")
        self.document_filter = QLineEdit(self)
        self.document_filter.setObjectName("audit_document_filter")
        self.document_filter.setPlaceholderText(self.tr("Document number"))
        self.document_filter.setClearButtonEnabled(True)
        for combo in (self.user_filter, self.action_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.document_filter.textChanged.connect(lambda _t: self.apply_filters())
        self.show_button = self.add_button(self.tr("&Show detail"), self.show_current)
        self.export_button = self.add_button(self.tr("E&xport…"), self.export)
        self.build_layout(
            [self.user_filter, self.action_filter, self.document_filter],
            [self.show_button, self.export_button],
        )

    def extra_filters(self) -> dict[str, object]:
        filters: dict[str, object] = {}
        for key, value in (
            ("username", self.user_filter.currentData()),
            ("action", self.action_filter.currentData()),
            ("document", self.document_filter.text().strip()),
        ):
            if value:
                filters[key] = value
        return filters

    def open_row(self, row: AuditRow) -> None:
        """Show the entry's detail under the list."""
        text = detail_lines(row) or self.tr("(no detail)")
        self.message.setText(
            self.tr("Entry {id}, {action} by {user} on {pc}:").format(
                id=row.id, action=row.action, user=row.username, pc=row.pc or "?"
            )
            + "\n"
            + text
        )

    def show_current(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.open_row(rows[0])

    def export(self, target: Path | None = None) -> int | None:
        """Write the entries the filters show (oldest first) to a CSV file; returns how many."""
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the audit trail"),
                "audit.csv",
                self.tr("CSV files (*.csv);;Excel files (*.xlsx)"),
            )
            if not name:
                return None
            target = Path(name)
        filters = self.filters()
        try:
            written = self.services.audit.export(target, filters)
        except Exception as error:  # noqa: BLE001 - shown in words
            show_error(self, error)
            return None
        self.message.setText(
            self.tr("{n} entries written to {file}.").format(n=written, file=target)
        )
        return written
