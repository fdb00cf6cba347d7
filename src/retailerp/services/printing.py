"""Printing use cases: gather a posted document into plain print data, render it to PDF.

``pdf("DN2026-000001")`` finds the document by its number (picking list, delivery note,
invoice; more kinds as later issues add them) and returns the PDF bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from retailerp import i18n
from retailerp.domain.complaints import bad_batches
from retailerp.domain.consignment import KIND_TYPES
from retailerp.domain.customers import Customer
from retailerp.domain.document_links import LinkRole, by_role
from retailerp.domain.errors import FieldError
from retailerp.domain.fulfilment import Delivery, PickingList
from retailerp.domain.invoicing import Invoice
from retailerp.domain.items import Item
from retailerp.domain.numbering import DocumentType, parse_number
from retailerp.domain.red_invoices import RED_KIND_LABELS, RedInvoice
from retailerp.domain.returns import (
    RETURN_CONDITION_LABELS,
    RETURN_FLOW,
    RETURN_REASON_LABELS,
    ReturnState,
)
from retailerp.domain.sales import ORDER_FLOW, PAYMENT_MODE_LABELS, OrderState, SalesOrder
from retailerp.domain.text import DOCUMENT, QT_TRANSLATE_NOOP
from retailerp.persistence.document_links import links_of
from retailerp.persistence.unit_of_work import UnitOfWork, read
from retailerp.printing import PRESETS, render
from retailerp.printing import model as pm
from retailerp.printing.model import ComplaintPrint
from retailerp.services.complaint_printing import DISPOSITION_SUFFIX, complaint_print
from retailerp.services.complaints import load_settings as complaint_settings
from retailerp.services.consignment import print_data as consignment_print_data
from retailerp.services.context import ServiceContext, not_found
from retailerp.services.door import door
from retailerp.services.print_parties import company_party as _company
from retailerp.services.print_parties import customer_party as _party

CONSIGNMENT_TYPES = tuple(KIND_TYPES.values())
PRINTABLE = (
    DocumentType.PICKING_LIST,
    DocumentType.DELIVERY,
    DocumentType.INVOICE,
    DocumentType.RETURN,
    DocumentType.COMPLAINT,
    DocumentType.RED_INVOICE,
    *CONSIGNMENT_TYPES,
)


class PrintService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @door
    def document(self, number: str) -> pm.PrintDocument:
        """The print data of a posted document, found by its number."""
        parsed = parse_number(number.strip().upper().removesuffix(DISPOSITION_SUFFIX))
        if parsed is None or parsed[0] not in PRINTABLE:
            raise FieldError(
                "number",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{number} is not the number of a printable document (picking list "
                    "PK…, delivery note DN…, invoice IV…, return note RT…, red invoice RI…, "
                    "complaint CP… or CP…/D, consignment CF…, CI…, CK…, CR…, CC…).",
                ),
                number=number,
            )
        kind = parsed[0]
        if kind is DocumentType.COMPLAINT:
            return self.complaint_form(number).document
        builders = {
            DocumentType.PICKING_LIST: _picking,
            DocumentType.DELIVERY: _delivery,
            DocumentType.INVOICE: _invoice,
            DocumentType.RETURN: _return_note,
            DocumentType.RED_INVOICE: _red_invoice,
            **{t: consignment_print_data for t in CONSIGNMENT_TYPES},
        }
        return read(self.ctx.db, lambda uow: builders[kind](uow, number.strip().upper()))

    @door
    def pdf(
        self, number: str, preset: str = "A4", copies: int = 1, language: str | None = None
    ) -> bytes:
        """The document as PDF bytes, on the given paper and in the given language."""
        if preset not in PRESETS:
            raise FieldError(
                "preset",
                QT_TRANSLATE_NOOP("errors", "Paper must be one of {presets}."),
                presets=", ".join(PRESETS),
            )
        if copies not in (1, 2, 3):
            raise FieldError("copies", QT_TRANSLATE_NOOP("errors", "Print 1, 2 or 3 parts."))
        options = {
            "preset": PRESETS[preset],
            "copies": copies,
            "language": language or i18n.current_language(),
        }
        clean = number.strip().upper()
        if clean.startswith(DocumentType.COMPLAINT.value):
            from retailerp.printing.complaint_forms import render_form  # ReportLab: on print

            return render_form(self.complaint_form(clean), **options)
        return render(self.document(number), **options)

    @door
    def complaint_form(self, number: str) -> ComplaintPrint:
        """A complaint's registration form (``CP…``) or disposition form (``CP…/D``)."""
        clean = number.strip().upper()
        disposition = clean.endswith(DISPOSITION_SUFFIX)
        ticket_number = clean.removesuffix(DISPOSITION_SUFFIX)

        def work(uow: UnitOfWork) -> ComplaintPrint:
            ticket = uow.complaints.by_number(ticket_number)
            if ticket is None:
                raise not_found(DOCUMENT, ticket_number)
            customer = uow.customers.get(ticket.customer_id)
            party = _party(customer) if customer else None
            return complaint_print(uow, ticket_number, disposition, _company(uow), party)

        return read(self.ctx.db, work)


_CHAIN_LABELS = {
    LinkRole.EXCHANGE_FOR: pm.EXCHANGE_FOR_NUMBER,
    LinkRole.RETURN: pm.RETURN_NUMBER,
    LinkRole.RED_INVOICE: pm.RED_INVOICE_NUMBER,
    LinkRole.REFUND: pm.REFUND_NUMBER,
    LinkRole.REPLACEMENT_ORDER: pm.REPLACEMENT_ORDER_NUMBER,
    LinkRole.REPLACEMENT_DELIVERY: pm.REPLACEMENT_DELIVERY_NUMBER,
}
"""What the return chain adds to a printout's references (order, delivery and invoice are
printed by each document already)."""


@dataclass(frozen=True)
class _Chain:
    references: dict[str, str]
    cancelled: frozenset[str]


_CANCELLED_STATES = frozenset(
    {ORDER_FLOW.state_labels[OrderState.CANCELLED], RETURN_FLOW.state_labels[ReturnState.CANCELLED]}
)


def _chain_references(
    uow: UnitOfWork, number: str, also: Mapping[LinkRole, str] | None = None
) -> _Chain:
    """The linked documents of the return chain as printed references, through the one
    link read the screens use: "Return no. RT…", "Red invoice no. RI…", "Replacement order
    no. SO…" (and the roles in ``also``); a replacement delivery also names the original
    delivery.  The cancelled ones (the replacement order of a cancelled exchange) are named
    so they print marked "(cancelled)"."""
    links = links_of(uow.session, number)
    found = by_role(links)
    labels = {**(also or {}), **_CHAIN_LABELS}
    references = {label: ", ".join(found[role]) for role, label in labels.items() if role in found}
    if LinkRole.EXCHANGE_FOR in found and LinkRole.DELIVERY in found:
        references[pm.ORIGINAL_DELIVERY_NUMBER] = ", ".join(found[LinkRole.DELIVERY])
    cancelled = frozenset(link.number for link in links if link.state in _CANCELLED_STATES)
    return _Chain(references, cancelled)


def _item_line(item: Item, no: int, quantity: Decimal, **details: Any) -> pm.PrintLine:
    """A printed line: the item's code, name, spec, unit and barcode, plus ``details``."""
    return pm.PrintLine(
        no=no,
        code=item.sku,
        name=item.name,
        quantity=quantity,
        spec=item.spec,
        unit=item.unit,
        barcode=item.barcode,
        **details,
    )


def _order_details(order: SalesOrder, customer: Customer | None) -> dict[str, str]:
    """Salesperson (the customer's, else who entered the order) and requested date."""
    salesperson = (customer.salesperson if customer else "") or order.created_by
    requested = order.requested_date.isoformat() if order.requested_date else ""
    return {pm.SALESPERSON: salesperson, pm.REQUESTED_DATE: requested}


def _picking(uow: UnitOfWork, number: str) -> pm.PrintDocument:
    picking: PickingList | None = uow.sales.picking_by_number(number)
    if picking is None:
        raise not_found(DOCUMENT, number)
    order = uow.sales.order(picking.order_id)
    assert order is not None
    customer = uow.customers.get(order.customer_id)
    items = uow.items.by_ids(p.item_id for p in picking.lines)
    lines = [
        _item_line(
            items[p.item_id],
            p.line_no,
            p.quantity,
            batch=p.batch,
            expiry=p.expiry,
            serial=p.serial,
            bin=p.bin_code,
        )
        for p in picking.lines
    ]
    shipped = [
        d for d in uow.sales.deliveries_of_order(order.id or 0) if d.picking_id == picking.id
    ]
    return pm.PrintDocument(
        kind="picking_list",
        number=picking.number,
        doc_date=picking.created_at.date(),
        company=_company(uow),
        customer=_party(customer) if customer else None,
        lines=lines,
        references={pm.ORDER_NUMBER: order.number, **_bad_batches(uow, picking)},
        payment_mode=PAYMENT_MODE_LABELS[order.payment_mode],
        note=order.note,
        picker=picking.created_by,
        checker=shipped[0].posted_by if shipped else "",
        details={**_order_details(order, customer), pm.PREPARED_BY: picking.created_by},
    )


def _bad_batches(uow: UnitOfWork, picking: PickingList) -> dict[str, str]:
    """``{"Batches with complaints": "K1: CP…, CP…"}`` when a batch on the list has the
    shop's limit of complaints or more (the warehouse checks those goods), else nothing."""
    found = uow.complaints.batch_tickets({line.item_id for line in picking.lines})
    limit = complaint_settings(uow).bad_batch_limit
    bad = set(bad_batches({key: len(numbers) for key, numbers in found.items()}, limit))
    wanted = dict.fromkeys((p.item_id, p.batch) for p in picking.lines if p.batch)
    shown = [f"{batch}: {', '.join(found[(item, batch)])}" for item, batch in wanted
             if (item, batch) in bad]  # fmt: skip
    return {pm.BAD_BATCHES: "; ".join(shown)} if shown else {}


def _delivery(uow: UnitOfWork, number: str) -> pm.PrintDocument:
    delivery: Delivery | None = uow.sales.delivery_by_number(number)
    if delivery is None:
        raise not_found(DOCUMENT, number)
    order = uow.sales.order(delivery.order_id)
    assert order is not None
    customer = uow.customers.get(delivery.customer_id)
    items = uow.items.by_ids(d.item_id for d in delivery.lines)
    lines = [
        _item_line(
            items[d.item_id],
            d.line_no,
            d.quantity,
            unit_price=d.unit_price,
            discount=d.discount,
            amount=d.amounts.net,
            vat_rate=d.vat_rate,
            vat=d.amounts.vat,
            batch=d.batch,
            expiry=d.expiry,
            serial=d.serial,
        )
        for d in delivery.lines
    ]
    totals = delivery.totals
    chain = _chain_references(uow, delivery.number)
    return pm.PrintDocument(
        kind="delivery_note",
        number=delivery.number,
        doc_date=delivery.delivery_date,
        company=_company(uow),
        customer=_party(customer) if customer else None,
        lines=lines,
        totals=pm.Totals(totals.net, totals.vat, totals.gross),
        references={pm.ORDER_NUMBER: order.number, **chain.references},
        cancelled=chain.cancelled,
        payment_mode=PAYMENT_MODE_LABELS[order.payment_mode],
        note=order.note,
        details={**_order_details(order, customer), pm.PREPARED_BY: delivery.posted_by},
    )


def _invoice(uow: UnitOfWork, number: str) -> pm.PrintDocument:
    invoice: Invoice | None = uow.sales.invoice_by_number(number)
    if invoice is None:
        raise not_found(DOCUMENT, number)
    customer = uow.customers.get(invoice.customer_id)
    items = uow.items.by_ids(line.item_id for line in invoice.lines)
    lines = [
        _item_line(
            items[line.item_id],
            line.line_no,
            line.quantity,
            unit_price=line.unit_price,
            discount=line.discount,
            amount=line.net,
            vat_rate=line.vat_rate,
            vat=line.vat,
        )
        for line in invoice.lines
    ]
    deliveries = ", ".join(
        sorted({d.number for d in uow.sales.deliveries_of_invoice(invoice.id or 0)})
    )
    days = (invoice.due_date - invoice.invoice_date).days
    return pm.PrintDocument(
        kind="invoice",
        number=invoice.number,
        doc_date=invoice.invoice_date,
        company=_company(uow),
        customer=_party(customer) if customer else None,
        lines=lines,
        totals=pm.Totals(invoice.net, invoice.vat, invoice.gross),
        references={
            pm.DELIVERY_NUMBERS: deliveries,
            pm.E_INVOICE_NUMBER: invoice.e_invoice_number or "",
        },
        details={
            pm.DUE_DATE: invoice.due_date.isoformat(),
            pm.PREPARED_BY: invoice.posted_by,
        },
        paid=invoice.paid,
        payment_terms_days=days,
    )


def _return_note(uow: UnitOfWork, number: str) -> pm.PrintDocument:
    from retailerp.printing import return_note  # its labels; ReportLab, so on print only

    document = uow.returns.by_number(number)
    if document is None:
        raise not_found(DOCUMENT, number)
    [delivery] = uow.sales.deliveries([document.delivery_id])
    order = uow.sales.order(delivery.order_id)
    invoice = uow.sales.invoice(delivery.invoice_id) if delivery.invoice_id else None
    customer = uow.customers.get(document.customer_id)
    items = uow.items.by_ids(line.item_id for line in document.lines)
    places = {place.id: place.name for place in uow.locations.all()}
    lines = [
        return_note.ReturnPrintLine(
            no=line.line_no,
            code=items[line.item_id].sku,
            name=items[line.item_id].name,
            quantity=line.quantity,
            spec=items[line.item_id].spec,
            unit=items[line.item_id].unit,
            unit_price=line.unit_price,
            discount=line.discount,
            amount=line.amounts.gross,
            vat_rate=line.vat_rate,
            batch=line.batch,
            expiry=line.expiry,
            serial=line.serial,
            condition=RETURN_CONDITION_LABELS[line.condition],
            destination=places.get(line.location_id, "") if line.location_id else "",
            rule=line.rule,
            refund_rate=line.refund_rate if document.posted_at else None,
            refund=line.refund if document.posted_at else None,
        )
        for line in document.lines
    ]
    totals = document.totals
    references = {pm.DELIVERY_NUMBERS: delivery.number}
    if order is not None:
        references[pm.ORDER_NUMBER] = order.number
    if invoice is not None:
        references[pm.INVOICE_NUMBER] = invoice.number
    chain = _chain_references(uow, document.number)
    references.update(chain.references)
    details = {
        return_note.RETURN_REASON: RETURN_REASON_LABELS[document.reason],
        return_note.STATE: RETURN_FLOW.state_labels[document.state],
        return_note.RECEIVED_BY: document.received_by,
        return_note.OVERRIDE: document.override_by,
        return_note.OVERRIDE_REASON: document.override_reason,
    }
    return pm.PrintDocument(
        kind="return_note",
        number=document.number,
        doc_date=document.return_date,
        company=_company(uow),
        customer=_party(customer) if customer else None,
        lines=lines,
        totals=pm.Totals(totals.net, totals.vat, totals.gross),
        references=references,
        cancelled=chain.cancelled,
        note=document.note,
        checker=document.received_by,
        details=details,
    )


def _red_invoice(uow: UnitOfWork, number: str) -> pm.PrintDocument:
    """The red settlement: amounts kept positive in the register print negative; it names
    the blue invoice, the confirmation number and the reason."""
    from retailerp.printing.invoice import RedPrintLine  # ReportLab, so on print only

    document: RedInvoice | None = uow.red_invoices.by_number(number)
    if document is None:
        raise not_found(DOCUMENT, number)
    blue = uow.sales.invoice(document.invoice_id)
    assert blue is not None
    blue_lines = {line.id: line for line in blue.lines}
    customer = uow.customers.get(document.customer_id)
    items = uow.items.by_ids(line.item_id for line in document.lines)
    lines = [
        RedPrintLine(
            no=line.line_no,
            code=items[line.item_id].sku,
            name=items[line.item_id].name,
            quantity=line.quantity,
            spec=items[line.item_id].spec,
            unit=items[line.item_id].unit,
            unit_price=blue_lines[line.invoice_line_id].unit_price,
            amount=line.net,
            vat_rate=line.vat_rate,
            vat=line.vat,
            rule=line.rule,
            refund_rate=line.refund_rate,
        )
        for line in document.lines
    ]
    reason = str(RED_KIND_LABELS[document.kind])
    chain = _chain_references(uow, document.number, {LinkRole.DELIVERY: pm.DELIVERY_NUMBERS})
    return pm.PrintDocument(
        kind="red_invoice",
        number=document.number,
        doc_date=document.red_date,
        company=_company(uow),
        customer=_party(customer) if customer else None,
        lines=lines,
        totals=pm.Totals(document.net, document.vat, document.gross),
        references={
            pm.ORIGINAL_INVOICE_NUMBER: document.blue_number,
            pm.RED_CONFIRMATION_NUMBER: document.confirmation_number or "",
            **chain.references,
        },
        cancelled=chain.cancelled,
        details={
            pm.RED_REASON: f"{reason} {document.reason}".strip(),
            pm.PREPARED_BY: document.issued_by or document.created_by,
        },
    )
