"""How documents of a return hang together: delivery ↔ return ↔ red invoice ↔ refund ↔
exchange (the replacement order and its deliveries).

Every screen and every printed document of that chain shows the others the same way: a
list of :class:`DocumentLink` (what the other document is to this one, its number, its
state), resolved once by ``persistence.document_links`` and handed out by
``services.document_links``.  Here are the roles, their words, the order they are shown in
and which role wins when one document is reached two ways.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from retailerp.domain.text import QT_TRANSLATE_NOOP, Term


class LinkRole(StrEnum):
    """What a linked document is to the one being looked at (in the order shown)."""

    ORDER = "order"
    DELIVERY = "delivery"
    INVOICE = "invoice"
    EXCHANGE_FOR = "exchange_for"
    RETURN = "return"
    RED_INVOICE = "red_invoice"
    REFUND = "refund"
    REPLACEMENT_ORDER = "replacement_order"
    REPLACEMENT_DELIVERY = "replacement_delivery"


LINK_ROLE_LABELS = {
    LinkRole.ORDER: Term(QT_TRANSLATE_NOOP("terms", "Order")),
    LinkRole.DELIVERY: Term(QT_TRANSLATE_NOOP("terms", "Delivery")),
    LinkRole.INVOICE: Term(QT_TRANSLATE_NOOP("terms", "Invoice")),
    LinkRole.EXCHANGE_FOR: Term(QT_TRANSLATE_NOOP("terms", "Replaces return")),
    LinkRole.RETURN: Term(QT_TRANSLATE_NOOP("terms", "Return")),
    LinkRole.RED_INVOICE: Term(QT_TRANSLATE_NOOP("terms", "Red invoice")),
    LinkRole.REFUND: Term(QT_TRANSLATE_NOOP("terms", "Refund")),
    LinkRole.REPLACEMENT_ORDER: Term(QT_TRANSLATE_NOOP("terms", "Replacement order")),
    LinkRole.REPLACEMENT_DELIVERY: Term(QT_TRANSLATE_NOOP("terms", "Replacement delivery")),
}

_SPECIFIC_FIRST = (
    LinkRole.EXCHANGE_FOR,
    LinkRole.REPLACEMENT_ORDER,
    LinkRole.REPLACEMENT_DELIVERY,
)
"""A replacement order is also "an order"; the exchange role is the one worth showing."""


@dataclass(frozen=True)
class DocumentLink:
    role: LinkRole
    number: str
    state: Term | str = ""
    """The linked document's state as a term (empty for documents without one)."""

    @property
    def label(self) -> Term:
        return LINK_ROLE_LABELS[self.role]


def arrange(links: Iterable[DocumentLink], own_number: str) -> list[DocumentLink]:
    """Each linked document once (never the document itself), in role order then number;
    a document reached in two roles keeps the exchange role if it has one, else the first."""
    chosen: dict[str, DocumentLink] = {}
    for link in links:
        if link.number == own_number or not link.number:
            continue
        held = chosen.get(link.number)
        if held is None or (link.role in _SPECIFIC_FIRST and held.role not in _SPECIFIC_FIRST):
            chosen[link.number] = link
    order = list(LinkRole)
    return sorted(chosen.values(), key=lambda x: (order.index(x.role), x.number))


def by_role(links: Iterable[DocumentLink]) -> dict[LinkRole, list[str]]:
    """The numbers per role, in order (what a printout lists after each label)."""
    result: dict[LinkRole, list[str]] = {}
    for link in links:
        result.setdefault(link.role, []).append(link.number)
    return result
