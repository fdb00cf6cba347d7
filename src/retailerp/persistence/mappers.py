"""Maps the pure domain classes onto the tables (imperative mapping: the domain stays plain)."""

from __future__ import annotations

import threading

from sqlalchemy import event
from sqlalchemy.orm import configure_mappers, registry, relationship

from retailerp.domain.complaints import HistoryEntry, ResolutionDocument, ServiceVisit, Ticket
from retailerp.domain.consignment import ConsignmentDocument, ConsignmentLine
from retailerp.domain.customers import Customer, CustomerReview
from retailerp.domain.exchanges import Exchange
from retailerp.domain.fulfilment import Delivery, DeliveryLine, PickingLine, PickingList
from retailerp.domain.inventory import StockDocument, StockDocumentLine
from retailerp.domain.invoicing import Invoice, InvoiceLine, Payment, PaymentAllocation, Refund
from retailerp.domain.items import Item
from retailerp.domain.pinyin import initials, sort_key
from retailerp.domain.red_invoices import RedInvoice, RedInvoiceLine
from retailerp.domain.returns import ReturnDocument, ReturnLine
from retailerp.domain.sales import OrderLine, SalesOrder
from retailerp.domain.stock import Location, StockMove
from retailerp.domain.units import Unit
from retailerp.persistence import tables as t

mapper_registry = registry(metadata=t.metadata)
_started = False
_mapping = threading.Lock()


def configure() -> None:
    """Map the classes and have SQLAlchemy configure them now (any thread)."""
    start_mappers()
    configure_mappers()


def configure_in_background() -> threading.Thread:
    """Map the classes and let SQLAlchemy configure them (their relationships and loaders,
    ~0.1-0.2 s of Python the first ORM query would otherwise do) on a thread of its own.
    SQLAlchemy configures under its own lock: a query meanwhile waits for it, or finds it
    done.  (The window does this, with more, in ``ui/app.warm_up``.)"""

    worker = threading.Thread(target=configure, name="configure-mappers", daemon=True)
    worker.start()
    return worker


def start_mappers() -> None:
    """Map every domain class once per process (any thread may be first)."""
    if _started:
        return
    with _mapping:
        _map_all()


def _map_all() -> None:
    global _started
    if _started:
        return
    _map_classes()
    _started = True  # only now: another thread must not see half the classes mapped


def _map_classes() -> None:
    mapper_registry.map_imperatively(Customer, t.customers, version_id_col=t.customers.c.version)
    mapper_registry.map_imperatively(CustomerReview, t.customer_reviews)
    mapper_registry.map_imperatively(Item, t.items, version_id_col=t.items.c.version)
    for named in (Customer, Item):
        event.listen(named, "before_insert", _spell_name)
        event.listen(named, "before_update", _spell_name)
    mapper_registry.map_imperatively(Location, t.locations)
    mapper_registry.map_imperatively(Unit, t.units)
    mapper_registry.map_imperatively(StockMove, t.stock_moves)
    mapper_registry.map_imperatively(StockDocumentLine, t.stock_document_lines)
    mapper_registry.map_imperatively(
        StockDocument,
        t.stock_documents,
        properties={
            "lines": relationship(
                StockDocumentLine,
                order_by=t.stock_document_lines.c.line_no,
                cascade="all, delete-orphan",
                lazy="selectin",
            )
        },
    )
    _map_sales()
    _map_complaints()
    event.listen(Payment, "before_insert", keep_unapplied)
    event.listen(Payment, "before_update", keep_unapplied)


def keep_unapplied(_mapper: object, _connection: object, payment: Payment) -> None:
    """Keep what of a payment is not applied yet (``payments.unapplied``) equal to its
    amount less its allocations, whenever it or its allocations are written (an appended
    allocation marks the payment for update).  Money on account is found by this column
    and its partial index, whatever the length of the customer's history."""
    payment.unapplied = payment.unallocated  # type: ignore[attr-defined]


def _spell_name(_mapper: object, _connection: object, record: Customer | Item) -> None:
    """Keep the pinyin sort key and initials of a customer's or item's name (saved with it)."""
    record.name_pinyin = sort_key(record.name)  # type: ignore[union-attr]
    record.name_initials = initials(record.name)  # type: ignore[union-attr]


def _with_lines(
    cls: type,
    table: object,
    line_cls: type,
    line_table: object,
    name: str = "lines",
    **kwargs: object,
) -> None:
    """Map a document whose lines load with it and live and die with it."""
    mapper_registry.map_imperatively(line_cls, line_table)
    mapper_registry.map_imperatively(
        cls,
        table,
        properties={
            name: relationship(
                line_cls,
                order_by=line_table.c.line_no if "line_no" in line_table.c else line_table.c.id,
                cascade="all, delete-orphan",
                lazy="selectin",
            )
        },
        **kwargs,
    )


def _map_sales() -> None:
    _with_lines(
        SalesOrder,
        t.sales_orders,
        OrderLine,
        t.sales_order_lines,
        version_id_col=t.sales_orders.c.version,
    )
    _with_lines(PickingList, t.picking_lists, PickingLine, t.picking_lines)
    _with_lines(Delivery, t.deliveries, DeliveryLine, t.delivery_lines)
    _with_lines(Invoice, t.invoices, InvoiceLine, t.invoice_lines)
    _with_lines(Payment, t.payments, PaymentAllocation, t.payment_allocations, name="allocations")
    _with_lines(
        ReturnDocument,
        t.returns,
        ReturnLine,
        t.return_lines,
        version_id_col=t.returns.c.version,
    )
    _with_lines(
        RedInvoice,
        t.red_invoices,
        RedInvoiceLine,
        t.red_invoice_lines,
        version_id_col=t.red_invoices.c.version,
    )
    mapper_registry.map_imperatively(Refund, t.refunds)
    mapper_registry.map_imperatively(Exchange, t.exchanges)
    _with_lines(
        ConsignmentDocument,
        t.consignment_documents,
        ConsignmentLine,
        t.consignment_lines,
        version_id_col=t.consignment_documents.c.version,
    )


def _map_complaints() -> None:
    mapper_registry.map_imperatively(HistoryEntry, t.complaint_history)
    mapper_registry.map_imperatively(ResolutionDocument, t.complaint_resolutions)
    mapper_registry.map_imperatively(ServiceVisit, t.service_visits)
    mapper_registry.map_imperatively(
        Ticket,
        t.complaint_tickets,
        properties={
            "history": relationship(
                HistoryEntry,
                order_by=t.complaint_history.c.id,
                cascade="all, delete-orphan",
                lazy="selectin",
            ),
            "resolutions": relationship(
                ResolutionDocument,
                order_by=t.complaint_resolutions.c.id,
                cascade="all, delete-orphan",
                lazy="selectin",
            ),
        },
        version_id_col=t.complaint_tickets.c.version,
    )
