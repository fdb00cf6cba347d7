"""Texts the consignment screens share (no rules: the services decide everything)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.domain.consignment import ConsignmentKind
from retailerp.domain.money import Money
from retailerp.services.consignment import ConsignmentPosition
from retailerp.ui.sources import money_text


def kind_text(kind: str) -> str:
    return {
        ConsignmentKind.FILL_UP: QCoreApplication.translate("Consignment", "Fill-up"),
        ConsignmentKind.ISSUE: QCoreApplication.translate("Consignment", "Issue"),
        ConsignmentKind.PICKUP: QCoreApplication.translate("Consignment", "Pickup"),
        ConsignmentKind.RETURN: QCoreApplication.translate("Consignment", "Return"),
        ConsignmentKind.COUNT: QCoreApplication.translate("Consignment", "Count"),
    }.get(ConsignmentKind(kind), kind)


def cost_text(cost: Money | None) -> str:
    """An amount at cost, or plainly "unknown" where the goods' cost is not known."""
    if cost is None:
        return QCoreApplication.translate("Consignment", "unknown")
    return money_text(cost)


def consignment_text(position: ConsignmentPosition) -> str:
    """For the customer card: our goods at the customer (not part of the open balance), at
    price and at cost."""
    if position.oldest_age is None:
        return ""
    return QCoreApplication.translate(
        "Consignment",
        "Consignment stock at the customer {value} (at cost {cost}) · oldest {days} days",
    ).format(
        value=money_text(position.value), cost=cost_text(position.cost), days=position.oldest_age
    )
