"""Choosing the customer of an order by typing part of its code or name.

Typing (or an input method's commit) searches the active customers after a short pause and
lists them in a popup; Enter takes the highlighted one, the customer whose code was typed
exactly, or the only match.  Ended customers are offered only where asked for
(``include_ended``: the consignment page, which fetches goods back from them).  Under the field the
customer's class, credit limit, open balance and open orders are shown, with a warning
when its review is overdue.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.services import CustomerRow, Page, Services
from retailerp.services.invoicing import CustomerPosition
from retailerp.ui.sales.lookup import MAX_CANDIDATES, LookupPopup, is_enter, is_key
from retailerp.ui.sales.sources import customer_text
from retailerp.ui.sources import money_text
from retailerp.ui.styles import ERROR_STYLE
from retailerp.ui.widgets import SearchBox


class CustomerPicker(QWidget):
    """A form editor whose value is the chosen customer's id (``None`` until one is).

    ``valueChanged(id_or_None)`` follows every change; ``chosen(id)`` follows a choice the
    user made (the order dialog then moves on to the next field).
    """

    valueChanged = Signal(object)  # noqa: N815 - the name FormPage listens to
    chosen = Signal(int)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, include_ended: bool = False
    ) -> None:
        """``include_ended``: offer ended customers too (to fetch goods back from one)."""
        super().__init__(parent)
        self.services = services
        self.include_ended = include_ended
        self.position: CustomerPosition | None = None
        self._customer_id: int | None = None
        self._shown_text = ""
        self._rows: list[CustomerRow] = []
        self._quiet = False
        self.edit = SearchBox(self)
        self.edit.setObjectName("customer_search")
        self.edit.setPlaceholderText(self.tr("Type part of a customer's code or name, then Enter"))
        self.edit.search_changed.connect(self.search)
        self.edit.textEdited.connect(self._on_edited)
        self.popup = LookupPopup(self.edit)
        self.popup.chosen.connect(self._choose_row)
        self.info = QLabel(self)
        self.info.setObjectName("customer_info")
        self.info.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setObjectName("customer_warning")
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.edit, self.info, self.warning):
            self._layout.addWidget(widget)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)

    # -- the editor protocol FormPage uses ----------------------------------------------

    def value(self) -> int | None:
        return self._customer_id

    def setValue(self, customer_id: int | None) -> None:  # noqa: N802 - Qt editor style
        if customer_id is None:
            self._set(None)
            self.edit.clear()
        else:
            self._set(customer_id)

    def take_details(self) -> list[QLabel]:
        """The customer's figures and warning, for the caller to lay out elsewhere (a form
        row does not grow with wrapped text)."""
        for label in (self.info, self.warning):
            self._layout.removeWidget(label)
        return [self.info, self.warning]

    def set_editable(self, editable: bool) -> None:
        """Lock the choice (a saved order keeps its customer); the figures stay readable."""
        self.edit.setEnabled(editable)

    # -- searching -----------------------------------------------------------------------

    def candidates(self) -> list[CustomerRow]:
        """The customers the popup offers now."""
        return list(self._rows)

    def search(self, text: str) -> None:
        """Offer the active customers matching ``text``."""
        if not text or text == self._shown_text:
            self._rows = []
            self.popup.set_texts([], show=False)
            return
        filters = {} if self.include_ended else {"status": "active"}
        page = Page(search=text, filters=filters, sort_key="code", limit=MAX_CANDIDATES)
        self._rows = self.services.customers.page(page)
        texts = [customer_text(r.code, r.name) for r in self._rows]
        self.popup.set_texts(texts, show=self.edit.hasFocus() and not self._quiet)

    def choose(self) -> bool:
        """Take the highlighted, exactly typed or only candidate; ``False`` if none is."""
        self._quiet = True  # search what was typed, without flashing the popup
        try:
            self.edit.flush()
        finally:
            self._quiet = False
        row = self.popup.highlighted_row()
        if row is None:
            row = self._best_row()
        if row is None:
            self._explain_no_choice()
            return False
        self._choose_row(row)
        return True

    def _best_row(self) -> int | None:
        typed = self.edit.text().strip().upper()
        for n, r in enumerate(self._rows):
            if r.code.upper() == typed:
                return n
        return 0 if len(self._rows) == 1 else None

    def _explain_no_choice(self) -> None:
        if self._customer_id is not None and self.edit.text() == self._shown_text:
            self.chosen.emit(self._customer_id)  # Enter on the chosen customer: move on
        elif self._rows:
            self.warning.setText(self.tr("Several customers match: choose one with ↓ and Enter."))
            self.popup.show()
        elif self.edit.text().strip():
            self.warning.setText(
                self.tr("No active customer matches “{text}”.").format(text=self.edit.text())
            )

    def _choose_row(self, row: int) -> None:
        customer_id = self._rows[row].id
        self.popup.hide()
        self._set(customer_id)
        if self._customer_id == customer_id:
            self.chosen.emit(customer_id)

    # -- showing the customer ------------------------------------------------------------

    def _set(self, customer_id: int | None) -> None:
        position = None
        if customer_id is not None:
            try:
                position = self.services.invoices.position(customer_id)
            except DomainError as error:
                self.warning.setText(error.render(i18n.translate))
                return
        changed = customer_id != self._customer_id
        self._customer_id, self.position = customer_id, position
        self._show_position(position)
        if changed:
            self.valueChanged.emit(customer_id)

    def _show_position(self, position: CustomerPosition | None) -> None:
        self.warning.clear()
        self._rows = []
        self.popup.set_texts([], show=False)
        if position is None:
            self.info.clear()
            self._shown_text = ""
            return
        self._shown_text = customer_text(position.code, position.name)
        self.edit.setText(self._shown_text)
        self.edit.setCursorPosition(0)
        self.edit.flush()
        self.info.setText(
            self.tr(
                "Class {cls} · credit limit {limit} · open balance {balance} · open orders {orders}"
            ).format(
                cls=position.abc_class,
                limit=money_text(position.credit_limit),
                balance=money_text(position.balance),
                orders=money_text(position.open_orders),
            )
        )
        self.warning.setText(self._warning_text(position))

    def _warning_text(self, position: CustomerPosition) -> str:
        if not position.active:
            return self.tr("This customer has ended: reactivate it before selling to it.")
        if position.review_overdue:
            return self.tr("The customer's review is overdue: check its terms and credit limit.")
        from retailerp.ui.returns.rate import return_rate_text

        return return_rate_text(self.services, position.customer_id, only_frequent=True)

    def _on_edited(self, text: str) -> None:
        """Typing over a chosen customer lets go of it."""
        if self._customer_id is not None and text != self._shown_text:
            self._customer_id, self.position = None, None
            self.info.clear()
            self.warning.clear()
            self.valueChanged.emit(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.edit and is_enter(event):
            self.choose()
            return True
        if watched is self.edit and is_key(event, Qt.Key.Key_Down) and self._rows:
            self.popup.show()
            return True
        return super().eventFilter(watched, event)
