"""The print data of a complaint's two forms (registration, after-sales disposition).

``PrintService.pdf("CP2026-000001")`` prints the registration form and
``PrintService.pdf("CP2026-000001/D")`` the disposition form (``retailerp print … --form
disposition`` says the same); this module gathers what they show in one read.
"""

from __future__ import annotations

from retailerp.domain import complaints as c
from retailerp.domain.complaints import Ticket
from retailerp.domain.text import DOCUMENT
from retailerp.persistence.unit_of_work import UnitOfWork
from retailerp.printing import model as pm
from retailerp.services.complaints import _statuses

DISPOSITION_SUFFIX = "/D"


def _moment(value: object) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""  # type: ignore[attr-defined]


def complaint_print(
    uow: UnitOfWork, number: str, disposition: bool, company: pm.Party, customer_party: object
) -> pm.ComplaintPrint:
    """The form of ticket ``number`` (``disposition``: the after-sales disposition form)."""
    from retailerp.printing import complaint_forms as cf  # ReportLab: only when printing
    from retailerp.services.context import not_found

    ticket = uow.complaints.by_number(number)
    if ticket is None:
        raise not_found(DOCUMENT, number)
    customer = uow.customers.get(ticket.customer_id)
    refs = _references(uow, ticket)
    details = {
        cf.CUSTOMER_CLASS: str(customer.abc_class) if customer else "",
        cf.CHANNEL: c.CHANNEL_LABELS[ticket.channel],
        cf.RECEIVED: _moment(ticket.received_at),
        cf.SEVERITY: c.SEVERITY_LABELS[ticket.severity],
        cf.REQUESTED: c.RESOLUTION_LABELS[ticket.requested],
        cf.AMOUNT_AT_STAKE: str(ticket.amount) if ticket.amount else "",
        cf.SHIP_DATE: ticket.ship_date.isoformat() if ticket.ship_date else "",
        cf.RESPOND_BY: _moment(ticket.response_due),
        cf.RESOLVE_BY: _moment(ticket.resolution_due),
        cf.ASSIGNEE: ticket.assignee,
        cf.STATE: c.COMPLAINT_FLOW.state_labels[ticket.state],
    }
    kind = cf.DISPOSITION if disposition else cf.REGISTRATION
    document = pm.PrintDocument(
        kind=kind,  # type: ignore[arg-type]
        number=ticket.number,
        doc_date=ticket.received_at.astimezone().date(),
        company=company,
        customer=customer_party,  # type: ignore[arg-type]
        lines=_document_lines(uow, ticket) if disposition else _goods_lines(uow, ticket),
        references=refs,
        details=details,
    )
    if disposition:
        return pm.ComplaintPrint(document, _disposition_sections(ticket), [
            (cf.HANDLED_BY, ticket.assignee), (cf.APPROVED_BY, ticket.approved_by),
            (cf.CUSTOMER_SIGNATURE, ""),
        ])  # fmt: skip
    return pm.ComplaintPrint(
        document,
        {cf.DESCRIPTION: ticket.description},
        [(cf.RECEIVED_BY, ticket.created_by), (cf.CUSTOMER_SIGNATURE, "")],
    )


def _references(uow: UnitOfWork, ticket: Ticket) -> dict[str, str]:
    refs: dict[str, str] = {}
    for label, header, key in (
        (pm.ORDER_NUMBER, uow.complaints.order_header, ticket.order_id),
        (pm.DELIVERY_NUMBERS, uow.complaints.delivery_header, ticket.delivery_id),
        (pm.INVOICE_NUMBER, uow.complaints.invoice_header, ticket.invoice_id),
    ):
        row = header(key) if key else None
        if row:
            refs[label] = row["number"]
    return refs


def _goods_lines(uow: UnitOfWork, ticket: Ticket) -> list[pm.PrintLine]:
    item = uow.items.get(ticket.item_id) if ticket.item_id else None
    if item is None:
        return []
    return [pm.PrintLine(no=1, code=item.sku, name=item.name, quantity=ticket.quantity,
                         unit=item.unit, batch=ticket.batch, serial=ticket.serial)]  # fmt: skip


def _document_lines(uow: UnitOfWork, ticket: Ticket) -> list[pm.PrintLine]:
    from decimal import Decimal

    from retailerp import i18n

    return [
        pm.PrintLine(
            no=n,
            code=s.number,
            name=i18n.translate("terms", c.RESOLUTION_LABELS[s.kind]),
            quantity=Decimal(0),
            remark=s.state,
            amount=s.amount or None,
        )  # fmt: skip
        for n, s in enumerate(_statuses(uow, ticket), start=1)
    ]


def _disposition_sections(ticket: Ticket) -> dict[str, str]:
    from retailerp.printing import complaint_forms as cf

    action = "\n".join(t for t in (ticket.corrective_action, ticket.preventive_action) if t)
    follow = ""
    if ticket.satisfaction:
        follow = f"{ticket.satisfaction}/5 {ticket.follow_up_comment}".strip()
    return {
        cf.DESCRIPTION: ticket.description,
        cf.DECISION: ticket.solution,
        cf.CAUSE: ticket.root_cause,
        cf.CORRECTIVE: action,
        cf.FOLLOW_UP: follow,
    }
