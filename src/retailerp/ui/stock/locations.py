"""Warehouses and bins (仓库 / 货位): the list, a new warehouse or bin, rename, take out of
use or bring back, and delete a place nothing ever referred to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.domain.stock import Location, LocationKind
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.list_view import list_view
from retailerp.ui.models import LazyTableModel
from retailerp.ui.permissions import allowed, gate
from retailerp.ui.stock.lines import location_text
from retailerp.ui.stock.sources import LocationSource
from retailerp.ui.styles import ERROR_STYLE
from retailerp.ui.widgets import FormPage, SearchBox


class LocationDialog(QDialog):
    """A new warehouse (``kind`` warehouse) or bin: code, name and, for a bin, its warehouse.

    ``created(location_id)`` follows the save; the dialog then closes.
    """

    created = Signal(int)

    def __init__(
        self, services: Services, kind: LocationKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.kind = kind
        self.location: Location | None = None
        self.setObjectName("location_dialog")
        is_bin = kind == LocationKind.BIN
        self.setWindowTitle(self.tr("New bin") if is_bin else self.tr("New warehouse"))
        self.form = FormPage(self)
        self.form.add_field("code", self.tr("&Code"), QLineEdit())
        self.form.add_field("name", self.tr("&Name"), QLineEdit())
        if is_bin:
            warehouses = QComboBox()
            for place in services.stock.locations([LocationKind.WAREHOUSE], active_only=True):
                warehouses.addItem(location_text(place), place.id)
            self.form.add_field("warehouse", self.tr("&Warehouse"), warehouses)
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.reject)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Add"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.clicked.connect(self.save)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.editor("code").setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> Location | None:
        values: dict[str, Any] = self.form.values()
        values["kind"] = self.kind.value
        values["warehouse_id"] = values.pop("warehouse", None)
        try:
            location = self.services.stock.add_location(values)
        except DomainError as error:
            self.form.show_domain_error(error, i18n.translate)
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged, the dialog stays
            show_error(self, error)
            return None
        self.location = location
        self.created.emit(location.id or 0)
        self.accept()
        return location


def place_filters(active: bool | None) -> dict[str, object]:
    """The list's filters for a choice of its filter box (``None``: all places)."""
    return {} if active is None else {"active": active}


class LocationsTab(QWidget):
    """The list of places and what may be done with the selected one."""

    changed = Signal()

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, deferred: bool = False
    ) -> None:
        """``deferred``: read the places only when :meth:`LazyTableModel.refresh` asks (a tab
        not shown yet)."""
        super().__init__(parent)
        self.services = services
        self.model = LazyTableModel(
            LocationSource(services), sort_key="code",
            filters=place_filters(True),  # the filter box's first choice: in use
            autoload=not deferred, parent=self,
        )  # fmt: skip
        if deferred:
            self.model.defer()
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.search = SearchBox(self)
        self.search.setObjectName("location_search")
        self.search.search_changed.connect(self.model.set_search)
        self.active_filter = QComboBox(self)
        self.active_filter.setObjectName("location_active_filter")
        self.active_filter.addItem(self.tr("In use"), True)
        self.active_filter.addItem(self.tr("Out of use"), False)
        self.active_filter.addItem(self.tr("All places"), None)
        self.active_filter.currentIndexChanged.connect(self._apply_filters)
        self.view = list_view(self.model, "location_table", {"name": 200}, self)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.message = QLabel()
        self.message.setObjectName("location_message")
        self.message.setWordWrap(True)
        self.new_warehouse_button = self._button(
            self.tr("New &warehouse…"), lambda: self.new_location(LocationKind.WAREHOUSE)
        )
        self.new_bin_button = self._button(
            self.tr("New &bin…"), lambda: self.new_location(LocationKind.BIN)
        )
        self.rename_button = self._button(self.tr("Re&name…"), self.rename_selected)
        self.active_button = self._button(self.tr("&Take out of use"), self.toggle_selected)
        self.delete_button = self._button(self.tr("&Delete"), self.delete_selected)
        for button, method in (
            (self.new_warehouse_button, "StockService.add_location"),
            (self.new_bin_button, "StockService.add_location"),
            (self.rename_button, "StockService.rename_location"),
            (self.active_button, "StockService.set_location_active"),
            (self.delete_button, "StockService.delete_location"),
        ):
            gate(button, services, method)
        for button in (self.rename_button, self.active_button, self.delete_button):
            button.setProperty("needs_selection", True)  # enabled again by a selection
        self._lay_out()
        self.dialogs: list[QDialog] = []
        self._apply_filters()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda: slot())
        return button

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.active_filter, 1)
        actions = QHBoxLayout()
        for button in (
            self.new_warehouse_button,
            self.new_bin_button,
            self.rename_button,
            self.active_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

    def _apply_filters(self) -> None:  # the first call finds the model's own filter: no read
        self.model.set_filters(place_filters(self.active_filter.currentData()))
        self._update_actions()

    def refresh(self) -> None:
        self.model.refresh()
        self._update_actions()

    def selected(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0]) if rows else None

    def select_code(self, code: str) -> bool:
        """Select the row of the place with this code (reading on past the first page);
        ``False`` if it is not in the list (filtered out)."""
        row = self.model.find_row(lambda place: place.code == code)
        if row >= 0:
            self.view.selectRow(row)
        return row >= 0

    def _update_actions(self) -> None:
        row = self.selected()
        editable = row is not None and row.kind in (LocationKind.WAREHOUSE, LocationKind.BIN)
        self.rename_button.setEnabled(row is not None and allowed(self.rename_button))
        self.active_button.setEnabled(editable and allowed(self.active_button))
        self.delete_button.setEnabled(editable and allowed(self.delete_button))
        in_use = row is None or row.active
        self.active_button.setText(
            self.tr("&Take out of use") if in_use else self.tr("Bring &back into use")
        )

    # -- actions -------------------------------------------------------------------------

    def new_location(self, kind: LocationKind) -> LocationDialog:
        dialog = LocationDialog(self.services, kind, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda _id, d=dialog: self._created(d))
        dialog.finished.connect(lambda _r, d=dialog: self.dialogs.remove(d))
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def _created(self, dialog: LocationDialog) -> None:
        location = dialog.location
        self.done(self.tr("Added {code}.").format(code=location.code if location else ""))
        if location is not None:
            self.select_code(location.code)

    def rename_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        name = prompts.ask_reason(
            self,
            self.tr("Rename {code}").format(code=row.code),
            self.tr("New name of {code}:").format(code=row.code),
            row.name,
        )
        if name is None:
            return False
        return self._run(
            lambda: self.services.stock.rename_location(row.id, name),
            self.tr("Renamed {code}.").format(code=row.code),
        )

    def toggle_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        done = (
            self.tr("{code} is out of use.") if row.active else self.tr("{code} is in use again.")
        )
        return self._run(
            lambda: self.services.stock.set_location_active(row.id, not row.active),
            done.format(code=row.code),
        )

    def delete_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete {code}").format(code=row.code),
            self.tr("Delete {code}? Only a place nothing ever referred to can be deleted.").format(
                code=row.code
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._run(
            lambda: self.services.stock.delete_location(row.id),
            self.tr("Deleted {code}.").format(code=row.code),
        )

    def _run(self, action: Callable[[], object], done: str) -> bool:
        try:
            action()
        except DomainError as error:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(message_for(error, i18n.translate))
            return False
        except Exception as error:  # noqa: BLE001 - shown and logged, like every other action
            show_error(self, error)
            return False
        self.done(done)
        return True

    def done(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.model.refresh()
        self._update_actions()
        self.changed.emit()
