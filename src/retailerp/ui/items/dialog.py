"""The item card: SKU, name, barcode, price, VAT rate, tracking, minimum stock, unit (from
the shop's list) and bin (from the warehouses and bins), and its movement ledger."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.items import ITEM_FIELDS, TRACKING_LABELS, Item, Tracking
from retailerp.domain.money import VAT_RATES
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.ui.permissions import gate
from retailerp.ui.record_dialog import RecordDialog
from retailerp.ui.sources import quantity_text, term, vat_text
from retailerp.ui.stock.ledger import LedgerDialog
from retailerp.ui.stock.lines import location_text, sorted_locations
from retailerp.ui.widgets import FormPage

DEFAULT_VAT = "0.13"


def vat_key(rate: Decimal | str) -> str:
    """The combo's data for a rate: ``"0.13"``, ``"0.00"``."""
    return f"{Decimal(rate):.2f}"


NEW_ITEM_DEFAULTS: dict[str, Any] = {
    **{key: "" for key in ITEM_FIELDS},
    "price": "0.00",
    "vat_rate": DEFAULT_VAT,
    "tracking": Tracking.NONE.value,
    "min_stock": "0",
    "bin_id": 0,
}
"""A new item's values; its unit is the default unit in the user's language."""


def form_values(item: Item) -> dict[str, Any]:
    """The card's values as the form's editors show them."""
    values = {key: getattr(item, key) for key in ITEM_FIELDS}
    values["price"] = f"{item.price.amount:.2f}"
    values["vat_rate"] = vat_key(item.vat_rate)
    values["tracking"] = Tracking(item.tracking).value
    values["shelf_life_days"] = str(item.shelf_life_days or "")
    values["min_stock"] = quantity_text(item.min_stock)
    values["bin_id"] = item.bin_id or 0
    return values


class ItemDialog(RecordDialog):
    """A new or an existing item.  Ctrl+S saves (the dialog stays open), Esc closes.

    ``saved(item_id)`` follows every change (save, retire, reactivate).
    """

    def __init__(
        self, services: Services, item_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.item: Item | None = None
        self.setObjectName("item_dialog")
        self.form = self._build_form()
        self.active_button = QPushButton()
        self.active_button.setAutoDefault(False)
        self.active_button.clicked.connect(self.toggle_active)
        self.ledger_button = QPushButton(self.tr("Stock m&ovements…"))
        self.ledger_button.setObjectName("ledger_button")
        self.ledger_button.setAutoDefault(False)
        self.ledger_button.clicked.connect(lambda: self.open_ledger())
        self.ledgers: list[QWidget] = []
        self._build_layout()
        self.follow(services.changes, {Change.ITEMS}, lambda: self.item, services.items.get)
        self.share_editing(services.office, services.changes, "item", lambda: self.item)
        if item_id is None:
            self.load(None)
        else:
            self.load(self.services.items.get(item_id))

    def _build_form(self) -> FormPage:
        form = FormPage(self)
        labels = {
            "sku": self.tr("S&KU"),
            "name": self.tr("&Name"),
            "spec": self.tr("S&pecification"),
            "unit": self.tr("&Unit"),
            "barcode": self.tr("&Barcode"),
            "price": self.tr("P&rice"),
            "vat_rate": self.tr("&VAT rate"),
            "tracking": self.tr("&Tracking"),
            "shelf_life_days": self.tr("Shelf &life (days)"),
            "min_stock": self.tr("&Minimum stock"),
            "bin_id": self.tr("B&in"),
        }
        for key in ITEM_FIELDS:
            form.add_field(key, labels[key], self._editor(key))
        form.set_validator(self.services.items.check)
        form.save_requested.connect(self.save)
        form.cancel_requested.connect(self.reject)
        return form

    def _editor(self, key: str) -> QWidget:
        if key == "vat_rate":
            combo = QComboBox()
            for rate in VAT_RATES:
                combo.addItem(vat_text(rate), vat_key(rate))
            return combo
        if key == "tracking":
            combo = QComboBox()
            for tracking in Tracking:
                combo.addItem(term(TRACKING_LABELS[tracking]), tracking.value)
            return combo
        if key in ("unit", "bin_id"):
            return QComboBox()
        return QLineEdit()

    def _fill_choices(self, item: Item | None) -> None:
        """Units from the shop's list and bins in use, plus what the item has now."""
        units = [u.name for u in self.services.items.units(active_only=True)]
        if item is not None and item.unit not in units:
            units.append(item.unit)
        combo = self.form.editor("unit")
        assert isinstance(combo, QComboBox)
        combo.blockSignals(True)
        combo.clear()
        for name in units:
            combo.addItem(name, name)
        combo.blockSignals(False)
        places = self.services.stock.places()
        if item is not None and item.bin_id and all(p.id != item.bin_id for p in places):
            places.append(self.services.stock.location(item.bin_id))
        bins = self.form.editor("bin_id")
        assert isinstance(bins, QComboBox)
        bins.blockSignals(True)
        bins.clear()
        bins.addItem(self.tr("(none)"), 0)
        for place in sorted_locations(places):
            bins.addItem(location_text(place), place.id)
        bins.blockSignals(False)

    def _build_layout(self) -> None:
        buttons = QDialogButtonBox()
        gate(self.add_save_button(buttons), self.services, "ItemService.update")
        buttons.addButton(self.active_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.ledger_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.info)
        layout.addWidget(buttons)

    def load(self, item: Item | None, *, keep_edits: bool = False) -> None:
        """Show ``item`` (``None``: a new one); with ``keep_edits`` a dirty form keeps what
        the user typed."""
        self.item = item
        if not (keep_edits and self.form.dirty):
            self._fill_choices(item)
        if item is None:
            self.setWindowTitle(self.tr("New item"))
            self.form.set_values({**NEW_ITEM_DEFAULTS, "unit": self.services.items.default_unit()})
            self.form.editor("sku").setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.setWindowTitle(self.tr("Item {sku} – {name}").format(sku=item.sku, name=item.name))
            if not (keep_edits and self.form.dirty):
                self.form.set_values(form_values(item))
        self.active_button.setEnabled(item is not None)
        self.ledger_button.setEnabled(item is not None)
        retire = item is None or item.active
        self.active_button.setText(self.tr("R&etire") if retire else self.tr("Re&activate"))

    def save(self) -> bool:
        """Create or update the item; refusals appear next to their fields."""
        items = self.services.items
        return self.save_record(self.item, items.create, items.update)

    def open_ledger(self) -> QWidget | None:
        """The item's movement ledger (库存流水) in a window of its own."""
        if self.item is None:
            return None
        dialog = LedgerDialog(self.services, self.item.id or 0, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget_ledger(d))
        self.ledgers.append(dialog)
        dialog.show()
        return dialog

    def _forget_ledger(self, dialog: QWidget) -> None:
        if dialog in self.ledgers:
            self.ledgers.remove(dialog)

    def toggle_active(self) -> None:
        """Retire the item from use (its history stays) or bring it back."""
        item = self.item
        if item is None:
            return
        self.run_service(
            lambda: self.services.items.set_active(item.id or 0, item.version, not item.active),
            keep_edits=True,
        )
