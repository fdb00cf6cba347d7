"""A customer's money in one line, as the receivables list and the customer card show it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.services.invoicing import CustomerPosition
from retailerp.ui.sales.sources import customer_text
from retailerp.ui.sources import money_text


def position_text(position: CustomerPosition) -> str:
    """One line on a customer's money: open invoices, money on account and held for
    orders, the balance, and what is overdue beyond the grace."""
    text = QCoreApplication.translate(
        "Receivables",
        "{customer}: open invoices {open} · money on account {on_account} · held for orders "
        "{held} · balance {balance}",
    ).format(
        customer=customer_text(position.code, position.name),
        open=money_text(position.open_balance),
        on_account=money_text(position.on_account),
        held=money_text(position.held_for_orders),
        balance=money_text(position.balance),
    )
    if position.overdue:
        text += " · " + QCoreApplication.translate(
            "Receivables", "{amount} overdue beyond the grace (oldest {invoice}, {days} days)"
        ).format(
            amount=money_text(position.overdue.amount),
            invoice=position.overdue.oldest_invoice,
            days=position.overdue.oldest_days,
        )
    return text
