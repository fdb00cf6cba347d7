"""A customer's return rate in words, for the customer card and the order form."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from retailerp.domain.errors import DomainError
from retailerp.services import Services


def _percent(share: Decimal) -> str:
    return f"{(share * 100).quantize(Decimal('0.1')).normalize():f}"


def return_rate_text(services: Services, customer_id: int, *, only_frequent: bool = False) -> str:
    """ "Returns in the last 12 months: 16.7 % of delivered net (threshold 10 %)", starting
    "Frequent returner:" above the threshold; empty with ``only_frequent`` below it, or when
    nothing was delivered."""
    try:
        rate = services.returns.return_rate(customer_id)
    except DomainError:
        return ""
    if rate.delivered.minor <= 0 or (only_frequent and not rate.frequent):
        return ""
    values = {"rate": _percent(rate.rate), "threshold": _percent(rate.threshold)}
    if rate.frequent:
        return QCoreApplication.translate(
            "ReturnRate",
            "Frequent returner: {rate} % of the delivered net came back in the last 12 months "
            "(threshold {threshold} %).",
        ).format(**values)
    return QCoreApplication.translate(
        "ReturnRate",
        "Returns in the last 12 months: {rate} % of the delivered net (threshold {threshold} %).",
    ).format(**values)
