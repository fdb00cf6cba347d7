"""Texts the consignment screens share (no rules: the services decide everything)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.domain.consignment import ConsignmentKind
from retailerp.domain.money import Money
from retailerp.ui.sources import money_text


def kind_text(kind: str) -> str:
    return {
        ConsignmentKind.FILL_UP: QCoreApplication.translate("Consignment", "Fill-up"),
        ConsignmentKind.ISSUE: QCoreApplication.translate("Consignment", "Issue"),
        ConsignmentKind.PICKUP: QCoreApplication.translate("Consignment", "Pickup"),
        ConsignmentKind.RETURN: QCoreApplication.translate("Consignment", "Return"),
        ConsignmentKind.COUNT: QCoreApplication.translate("Consignment", "Count"),
    }.get(ConsignmentKind(kind), kind)


def consignment_text(value: Money, oldest_days: int | None) -> str:
    """For the customer card: our goods at the customer (not part of the open balance)."""
    if oldest_days is None:
        return ""
    return QCoreApplication.translate(
        "Consignment", "Consignment stock at the customer {value} · oldest {days} days"
    ).format(value=money_text(value), days=oldest_days)
