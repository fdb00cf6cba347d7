"""An item's movement ledger (库存流水): every move in or out, with the running balance.

The ledger shows every real location together (the item's whole stock) or one place: a
warehouse with its bins, or a single bin.  It is a lazy keyset list like every other list;
the balance of each row is the balance after that move, computed by the database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from retailerp.domain.stock import LocationKind
from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.list_view import list_view
from retailerp.ui.models import LazyTableModel
from retailerp.ui.sources import quantity_text
from retailerp.ui.stock.lines import location_text, sorted_locations
from retailerp.ui.stock.sources import LedgerSource

LEDGER_KINDS = (
    LocationKind.WAREHOUSE,
    LocationKind.BIN,
    LocationKind.QUARANTINE,
    LocationKind.SCRAP,
    LocationKind.CONSIGNMENT,
)


LEDGER_WIDTHS = {
    "day": 90,
    "doc_number": 125,
    "doc_type": 80,
    "from_code": 110,
    "to_code": 110,
    "stock_key": 110,
    "quantity_in": 70,
    "quantity_out": 70,
    "balance": 80,
}


class LedgerDialog(QDialog):
    """The moves of one item, newest first, at every location or at the one chosen."""

    def __init__(
        self,
        services: Services,
        item_id: int,
        location_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.item = services.items.get(item_id)
        self.setObjectName("ledger_dialog")
        self.setWindowTitle(
            self.tr("Stock movements of {sku} – {name}").format(
                sku=self.item.sku, name=self.item.name
            )
        )
        self.model = LazyTableModel(
            LedgerSource(services), sort_key="day", descending=True, autoload=False, parent=self
        )
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.scope = QComboBox()
        self.scope.setObjectName("scope")
        self.scope.addItem(self.tr("All locations"), 0)
        for place in sorted_locations(services.stock.locations(LEDGER_KINDS)):
            self.scope.addItem(location_text(place), place.id)
        self.balance = QLabel()
        self.balance.setObjectName("balance")
        self.table = list_view(self.model, "ledger_table", LEDGER_WIDTHS, self)
        self._lay_out()
        if location_id and self.scope.findData(location_id) >= 0:
            self.scope.setCurrentIndex(self.scope.findData(location_id))
        self.scope.currentIndexChanged.connect(lambda _index: self.reload())
        self.reload()
        self.resize(980, 480)

    def _lay_out(self) -> None:
        fields = QFormLayout()
        fields.addRow(self.tr("&Location"), self.scope)
        fields.addRow(self.tr("On the books"), self.balance)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(self.table, 1)
        self.scope.setFocus(Qt.FocusReason.OtherFocusReason)

    def location_id(self) -> int | None:
        return int(self.scope.currentData() or 0) or None

    def reload(self) -> None:
        """Show the moves at the chosen place and what the books hold there now."""
        filters: dict[str, object] = {"item_id": self.item.id}
        if self.location_id():
            filters["location_id"] = self.location_id()
        self.model.set_filters(filters)
        held = self.services.stock.balance(self.item.id or 0, self.location_id())
        self.balance.setText(f"{quantity_text(held)} {self.item.unit}")

    def refresh(self) -> None:
        self.model.refresh()
        self.reload()
