"""The returns page of the settings dialog: the return policy and the return-rate threshold.

The rules are read top to bottom and the first that matches a returned line decides its
refund, so the table keeps their order: rules are added, removed and moved up or down.  Each
rule has a name, the refund % (empty refuses), the reasons it is limited to (none: any),
a window of days after delivery, a customer class and a customer (by code).  Minimum
holdings say how much of an item a customer (or class) must keep.  Saving goes through the
returns service, which checks everything; a refusal marks the cell it names and says why
under the table.  "Shipped defaults" puts the shop's starting policy back in the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError, FieldError, ValidationError
from retailerp.domain.returns import (
    RETURN_REASON_LABELS,
    MinimumHolding,
    PolicyRule,
    ReturnPolicy,
    ReturnReason,
    default_policy,
)
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence.queries import Page
from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.line_table import clear_marks, mark_cell
from retailerp.ui.sources import term
from retailerp.ui.styles import ERROR_STYLE

ROW_FIELD = re.compile(r"^(rules|minimums)\.(\d+)\.(\w+)$")
RULE_COLUMNS = ("name", "rate", "reasons", "from_day", "to_day", "customer_class", "customer_id")
MINIMUM_COLUMNS = ("item_id", "quantity", "customer_id", "customer_class")
ORIGINAL_ROLE = Qt.ItemDataRole.UserRole + 1
CLASSES = ("", "A", "B", "C")


def percent_text(rate: Decimal | None) -> str:
    return "" if rate is None else f"{(rate * 100).normalize():f}"


def share_text(text: str) -> str:
    """A refund % typed (``60``) as the share the service takes (``0.6``); anything that is
    not a number goes as typed, for the service to refuse."""
    try:
        value = Decimal(text.replace("%", "").strip())
    except InvalidOperation:
        return text
    if not value.is_finite() or not 0 <= value <= 100:
        return text  # as typed: the service says what is wrong with it
    return str(value / 100)


class ReasonsButton(QToolButton):
    """The reasons a rule is limited to: a menu of check marks (none checked: any reason)."""

    def __init__(self, chosen: frozenset[ReturnReason], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rule_reasons")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.actions_by_reason: dict[ReturnReason, QAction] = {}
        for reason in ReturnReason:
            action = QAction(term(RETURN_REASON_LABELS[reason]), menu)
            action.setCheckable(True)
            action.setChecked(reason in chosen)
            action.toggled.connect(lambda _on: self._show())
            menu.addAction(action)
            self.actions_by_reason[reason] = action
        self.setMenu(menu)
        self._show()

    def reasons(self) -> list[ReturnReason]:
        return [r for r, action in self.actions_by_reason.items() if action.isChecked()]

    def set_reasons(self, reasons: Sequence[ReturnReason]) -> None:
        for reason, action in self.actions_by_reason.items():
            action.setChecked(reason in reasons)

    def _show(self) -> None:
        chosen = self.reasons()
        self.setText(
            ", ".join(term(RETURN_REASON_LABELS[r]) for r in chosen)
            or QCoreApplication.translate("ReturnPolicyPage", "any reason")
        )


def class_box(value: str, parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName("customer_class")
    for code in CLASSES:
        box.addItem(code or QCoreApplication.translate("ReturnPolicyPage", "any class"), code)
    box.setCurrentIndex(max(0, box.findData(value or "")))
    return box


class ReturnPolicyPage(QWidget):
    """The policy table, the minimum holdings and the threshold; :meth:`save` stores them."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("returns_page")
        self.rules = self._table(
            "policy_rules",
            [self.tr("Rule"), self.tr("Refund % (empty: refused)"), self.tr("Reasons"),
             self.tr("From day"), self.tr("To day"), self.tr("Class"), self.tr("Customer code")],
        )  # fmt: skip
        self.minimums = self._table(
            "policy_minimums",
            [self.tr("Item code"), self.tr("Must keep"), self.tr("Customer code"),
             self.tr("Class")],
        )  # fmt: skip
        self.threshold = QLineEdit(self)
        self.threshold.setObjectName("return_rate_threshold")
        self.errors = QLabel(self)
        self.errors.setObjectName("policy_errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self._build_layout()
        self.load()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _button(self, text: str, slot: Callable[[], object], name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        return button

    def _build_layout(self) -> None:
        heading = QLabel(
            self.tr(
                "Return policy: the first rule that matches a returned line decides its "
                "refund, so put rules for one customer or class above the general ones. "
                "Days count from the delivery (day 0). Quality defects are never held back "
                "by a minimum holding."
            ),
            self,
        )
        heading.setWordWrap(True)
        rule_buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("&Add rule"), self.add_rule, "add_rule"),
            (self.tr("&Remove rule"), self.remove_rule, "remove_rule"),
            (self.tr("Move &up"), lambda: self.move_rule(-1), "rule_up"),
            (self.tr("Move do&wn"), lambda: self.move_rule(1), "rule_down"),
            (self.tr("Shipped &defaults"), self.restore_defaults, "policy_defaults"),
        ):
            rule_buttons.addWidget(self._button(text, slot, name))
        rule_buttons.addStretch(1)
        minimum_buttons = QHBoxLayout()
        minimum_buttons.addWidget(self._button(self.tr("Add &minimum"), self.add_minimum,
                                               "add_minimum"))  # fmt: skip
        minimum_buttons.addWidget(self._button(self.tr("Remo&ve minimum"), self.remove_minimum,
                                               "remove_minimum"))  # fmt: skip
        minimum_buttons.addStretch(1)
        threshold_row = QHBoxLayout()
        threshold_label = QLabel(self.tr("&Flag customers who return more than (% of "
                                         "delivered net, last 12 months)"), self)  # fmt: skip
        threshold_label.setBuddy(self.threshold)
        threshold_row.addWidget(threshold_label)
        threshold_row.addWidget(self.threshold)
        threshold_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.rules, 3)
        layout.addLayout(rule_buttons)
        layout.addWidget(QLabel(self.tr("Minimum holdings a customer must keep"), self))
        layout.addWidget(self.minimums, 1)
        layout.addLayout(minimum_buttons)
        layout.addLayout(threshold_row)
        layout.addWidget(self.errors)

    # -- showing ---------------------------------------------------------------------------

    def load(self) -> None:
        self.policy = self.services.returns.policy()
        self.show_policy(self.policy)
        self.threshold.setText(percent_text(self.services.returns.threshold()))
        self.loaded = self._snapshot()

    def _snapshot(self) -> tuple[object, ...]:
        errors: list[FieldError] = []
        return (self.rule_values(errors), self.minimum_values(errors), self.threshold.text())

    def show_policy(self, policy: ReturnPolicy) -> None:
        self.rules.setRowCount(0)
        for rule in policy.rules:
            self.add_rule(rule)
        self.minimums.setRowCount(0)
        for minimum in policy.minimums:
            self.add_minimum(minimum)
        self.rules.resizeColumnsToContents()
        self.clear_errors()

    def restore_defaults(self) -> None:
        """The shipped policy in the table (saved with the dialog)."""
        self.show_policy(default_policy())

    def add_rule(self, rule: PolicyRule | None = None) -> int:
        """A rule row (a new one under the current row); returns its row."""
        table = self.rules
        row = table.rowCount() if rule is not None else table.currentRow() + 1 or table.rowCount()
        table.insertRow(row)
        rule = rule or PolicyRule(self.tr("new rule"), Decimal(1))
        name = QTableWidgetItem(term(rule.name))
        name.setData(ORIGINAL_ROLE, rule.name)
        table.setItem(row, 0, name)
        table.setItem(row, 1, QTableWidgetItem(percent_text(rule.rate)))
        table.setCellWidget(row, 2, ReasonsButton(rule.reasons, table))
        for column, value in ((3, rule.from_day), (4, rule.to_day)):
            table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))
        klass = rule.customer_class.value if rule.customer_class else ""
        table.setCellWidget(row, 5, class_box(klass, table))
        table.setItem(row, 6, QTableWidgetItem(self._customer_code(rule.customer_id)))
        table.setCurrentCell(row, 0)
        return row

    def remove_rule(self) -> None:
        if self.rules.currentRow() >= 0:
            self.rules.removeRow(self.rules.currentRow())

    def move_rule(self, step: int) -> None:
        """Move the current rule up (-1) or down (1): the order decides."""
        row = self.rules.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.rules.rowCount():
            return
        values = [self._rule_row(r) for r in range(self.rules.rowCount())]
        values[row], values[target] = values[target], values[row]
        for r, value in enumerate(values):
            self._set_rule_row(r, value)
        self.rules.setCurrentCell(target, self.rules.currentColumn())

    def add_minimum(self, minimum: MinimumHolding | None = None) -> int:
        table = self.minimums
        row = table.rowCount()
        table.insertRow(row)
        item = self._item_code(minimum.item_id) if minimum else ""
        quantity = f"{minimum.quantity.normalize():f}" if minimum else ""
        customer = self._customer_code(minimum.customer_id) if minimum else ""
        for column, value in enumerate((item, quantity, customer)):
            table.setItem(row, column, QTableWidgetItem(value))
        klass = minimum.customer_class.value if minimum and minimum.customer_class else ""
        table.setCellWidget(row, 3, class_box(klass, table))
        table.setCurrentCell(row, 0)
        return row

    def remove_minimum(self) -> None:
        if self.minimums.currentRow() >= 0:
            self.minimums.removeRow(self.minimums.currentRow())

    # -- reading the tables ----------------------------------------------------------------

    def _text(self, table: QTableWidget, row: int, column: int) -> str:
        cell = table.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def _rule_row(self, row: int) -> dict[str, Any]:
        table = self.rules
        name = table.item(row, 0)
        original = name.data(ORIGINAL_ROLE) if name is not None else None
        shown = self._text(table, row, 0)
        reasons = table.cellWidget(row, 2)
        klass = table.cellWidget(row, 5)
        return {
            "name": original if original and term(original) == shown else shown,
            "rate": self._text(table, row, 1),
            "reasons": reasons.reasons() if isinstance(reasons, ReasonsButton) else [],
            "from_day": self._text(table, row, 3),
            "to_day": self._text(table, row, 4),
            "customer_class": klass.currentData() if isinstance(klass, QComboBox) else "",
            "customer": self._text(table, row, 6),
        }

    def _set_rule_row(self, row: int, value: dict[str, Any]) -> None:
        table = self.rules
        name = QTableWidgetItem(term(value["name"]))
        name.setData(ORIGINAL_ROLE, value["name"])
        table.setItem(row, 0, name)
        table.setItem(row, 1, QTableWidgetItem(value["rate"]))
        reasons = table.cellWidget(row, 2)
        if isinstance(reasons, ReasonsButton):
            reasons.set_reasons(value["reasons"])
        table.setItem(row, 3, QTableWidgetItem(value["from_day"]))
        table.setItem(row, 4, QTableWidgetItem(value["to_day"]))
        klass = table.cellWidget(row, 5)
        if isinstance(klass, QComboBox):
            klass.setCurrentIndex(max(0, klass.findData(value["customer_class"])))
        table.setItem(row, 6, QTableWidgetItem(value["customer"]))

    def rule_values(self, errors: list[FieldError]) -> list[dict[str, Any]]:
        """The rules as the service takes them (customers by id, reasons as codes)."""
        rows = []
        for row in range(self.rules.rowCount()):
            value = self._rule_row(row)
            rows.append(
                {
                    "name": value["name"],
                    "rate": share_text(value["rate"]) if value["rate"] else "",
                    "reasons": ",".join(r.value for r in value["reasons"]),
                    "from_day": value["from_day"],
                    "to_day": value["to_day"],
                    "customer_class": value["customer_class"],
                    "customer_id": self._customer_id(
                        value["customer"], f"rules.{row + 1}.customer_id", errors
                    ),
                }
            )
        return rows

    def minimum_values(self, errors: list[FieldError]) -> list[dict[str, Any]]:
        rows = []
        for row in range(self.minimums.rowCount()):
            klass = self.minimums.cellWidget(row, 3)
            prefix = f"minimums.{row + 1}."
            rows.append(
                {
                    "item_id": self._item_id(self._text(self.minimums, row, 0),
                                             prefix + "item_id", errors),  # fmt: skip
                    "quantity": self._text(self.minimums, row, 1),
                    "customer_id": self._customer_id(
                        self._text(self.minimums, row, 2), prefix + "customer_id", errors
                    ),
                    "customer_class": klass.currentData() if isinstance(klass, QComboBox) else "",
                }
            )
        return rows

    # -- codes and ids ---------------------------------------------------------------------

    def _customer_code(self, customer_id: int | None) -> str:
        return self.services.customers.get(customer_id).code if customer_id else ""

    def _item_code(self, item_id: int | None) -> str:
        return self.services.items.get(item_id).sku if item_id else ""

    def _customer_id(self, code: str, field: str, errors: list[FieldError]) -> object:
        if not code:
            return ""
        rows = self.services.customers.page(Page(search=code, limit=50))
        found = next((r.id for r in rows if r.code.upper() == code.upper()), None)
        if found is None:
            errors.append(FieldError(field, _NO_CUSTOMER, code=code))
            return ""
        return found

    def _item_id(self, code: str, field: str, errors: list[FieldError]) -> object:
        if not code:
            return ""
        rows = self.services.items.page(Page(search=code, limit=50))
        found = next((r.id for r in rows if r.sku.upper() == code.upper()), None)
        if found is None:
            errors.append(FieldError(field, _NO_ITEM, code=code))
            return ""
        return found

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> ReturnPolicy | None:
        """Save through the returns service; refusals mark their cells."""
        self.clear_errors()
        errors: list[FieldError] = []
        rules = self.rule_values(errors)
        minimums = self.minimum_values(errors)
        if errors:
            self.show_errors(errors)
            return None
        if (rules, minimums, self.threshold.text()) == self.loaded:
            return self.policy  # nothing changed: nothing to save or audit
        try:
            self.policy = self.services.returns.save_policy(
                rules, minimums, self.threshold.text()
            )
            self.loaded = self._snapshot()
            return self.policy
        except DomainError as error:
            self.show_errors(error.errors if isinstance(error, ValidationError) else [error])
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged; the page stays
            show_error(self, error)
            return None

    def show_errors(self, errors: Sequence[DomainError]) -> None:
        lines = []
        for error in errors:
            message = error.render(i18n.translate)
            where = self._place(error.field or "")
            lines.append(f"{where}: {message}" if where else message)
            self._mark(error.field or "", message)
        self.errors.setText("\n".join(lines))

    def _place(self, field: str) -> str:
        match = ROW_FIELD.match(field)
        if match is None:
            return self.tr("Threshold") if field == "threshold" else ""
        kind, n, _key = match.groups()
        if kind == "rules":
            return self.tr("Rule {n}").format(n=n)
        return self.tr("Minimum {n}").format(n=n)

    def _mark(self, field: str, message: str) -> None:
        match = ROW_FIELD.match(field)
        if match is None:
            return
        kind, n, key = match.groups()
        table, columns = (
            (self.rules, RULE_COLUMNS) if kind == "rules" else (self.minimums, MINIMUM_COLUMNS)
        )
        column = columns.index(key) if key in columns else 0
        mark_cell(table, int(n) - 1, column, message)
        cell = table.item(int(n) - 1, column)
        if cell is not None:
            cell.setToolTip(message)
        widget = table.cellWidget(int(n) - 1, column)
        if widget is not None:
            widget.setToolTip(message)

    def clear_errors(self) -> None:
        self.errors.clear()
        clear_marks(self.rules)
        clear_marks(self.minimums)


_NO_CUSTOMER = QT_TRANSLATE_NOOP("errors", "No customer has the code {code}.")
_NO_ITEM = QT_TRANSLATE_NOOP("errors", "No item has the code {code}.")
