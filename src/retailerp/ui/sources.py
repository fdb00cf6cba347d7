"""Page sources over the services: what the list screens read through.

Each source turns a :class:`~retailerp.ui.models.PageQuery` into a service ``Page``, names
its columns with translated headers and formats cells for the user (money with two
decimals, quantities without trailing zeros, dates ISO, states and kinds translated).  The
keyset cursor of a row is the ``cursor`` the read side put on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from retailerp import i18n
from retailerp.domain.customers import STATUS_LABELS, CustomerStatus
from retailerp.domain.money import Money
from retailerp.domain.numbering import DOCUMENT_LABELS, DocumentType
from retailerp.services import PAGE_LIMIT_MAX, Page, Services
from retailerp.services.changes import ALL_CHANGES, Change
from retailerp.ui.models import Column, PageQuery

R = TypeVar("R")

ENDED_COLOUR = "gray"
BELOW_MINIMUM_COLOUR = "#b00020"


def money_text(value: Money | None) -> str:
    """``1,234.50``: two decimals with thousands separators."""
    return "" if value is None else f"{value.amount:,.2f}"


def quantity_text(value: Decimal | None) -> str:
    """``5`` for 5.000, ``2.5`` for 2.500 (never ``5E+1``)."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    return "0" if text in ("-0", "") else text


def date_text(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def term(text: str) -> str:
    """A shop term (state, class, kind) in the current language."""
    return i18n.translate("terms", text)


def to_page(query: PageQuery, limit: int | None = None) -> Page:
    """The service ``Page`` asking what ``query`` asks."""
    return Page(
        search=query.search,
        filters=dict(query.filters),
        sort_key=query.sort_key,
        descending=query.descending,
        after=query.after,
        limit=min(limit or query.limit, PAGE_LIMIT_MAX),
    )


def fetch_pages(fetch: Callable[[Page], Sequence[R]], query: PageQuery) -> list[R]:
    """Up to ``query.limit`` rows, asking several pages when the read side caps a page
    (a model's ``refresh()`` asks for as many rows as it had loaded)."""
    rows: list[R] = []
    page = to_page(query, query.limit)
    while len(rows) < query.limit:
        page = replace(page, limit=min(query.limit - len(rows), PAGE_LIMIT_MAX))
        batch = list(fetch(page))
        rows.extend(batch)
        if len(batch) < page.limit:
            break
        page = replace(page, after=tuple(batch[-1].cursor))
    return rows


class ServiceSource:
    """What every source shares: pages read through a service (``fetch``), the read side's
    cursor as row key, raw values by attribute.

    ``shows`` names the kinds of thing the rows show: a list reloads when one changes."""

    shows: frozenset[Change] = ALL_CHANGES

    def __init__(self, services: Services, fetch: Callable[[Page], Sequence[Any]]) -> None:
        self.services = services
        self._fetch = fetch

    def fetch(self, query: PageQuery) -> list[Any]:
        return fetch_pages(self._fetch, query)

    def row_key(self, row: Any, sort_key: str) -> tuple[Any, ...]:
        return tuple(row.cursor)

    def sort_value(self, row: Any, column_key: str) -> object:
        return getattr(row, column_key, None)


class CustomerSource(ServiceSource):
    """The customer list: filters ``status`` (active/ended), ``abc_class``, ``due_for_review``."""

    shows = frozenset({Change.CUSTOMERS})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.customers.page)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("code", QCoreApplication.translate("CustomerSource", "Code")),
            Column("name", QCoreApplication.translate("CustomerSource", "Name")),
            Column("phone", QCoreApplication.translate("CustomerSource", "Phone")),
            Column("contact", QCoreApplication.translate("CustomerSource", "Contact")),
            Column(
                "abc_class",
                QCoreApplication.translate("CustomerSource", "Class"),
                alignment="center",
            ),
            Column("status", QCoreApplication.translate("CustomerSource", "Status")),
            Column(
                "credit_limit",
                QCoreApplication.translate("CustomerSource", "Credit limit"),
                alignment="right",
            ),
            Column("salesperson", QCoreApplication.translate("CustomerSource", "Salesperson")),
            Column(
                "last_review_on",
                QCoreApplication.translate("CustomerSource", "Last review"),
                sortable=False,
            ),
        ]

    def cell(self, row: Any, column_key: str) -> object:
        if column_key == "abc_class":
            return class_text(row.abc_class, row.pinned)
        if column_key == "status":
            return status_text(row.status)
        if column_key == "credit_limit":
            return money_text(row.credit_limit)
        if column_key == "last_review_on":
            return date_text(row.last_review_on)
        return getattr(row, column_key)

    def decorate(self, row: Any, column_key: str) -> str | None:
        return ENDED_COLOUR if row.status == CustomerStatus.ENDED.value else None

    def chip(self, row: Any, column_key: str) -> str | None:
        """The status as a chip (``active`` / ``ended``)."""
        return str(row.status) if column_key == "status" else None


def class_text(abc_class: str, pinned: bool) -> str:
    """``A``, or ``A (pinned)`` when an owner pinned the class by hand."""
    if pinned:
        return QCoreApplication.translate("CustomerSource", "{cls} (pinned)").format(cls=abc_class)
    return abc_class


def status_text(status: str) -> str:
    try:
        return term(STATUS_LABELS[CustomerStatus(status)])
    except ValueError:
        return status


class ItemSource(ServiceSource):
    """The item list: filters ``active`` (True/False) and ``below_min``."""

    shows = frozenset({Change.ITEMS, Change.STOCK})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.items.page)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("sku", QCoreApplication.translate("ItemSource", "SKU")),
            Column("name", QCoreApplication.translate("ItemSource", "Name")),
            Column("spec", QCoreApplication.translate("ItemSource", "Specification")),
            Column("unit", QCoreApplication.translate("ItemSource", "Unit")),
            Column("barcode", QCoreApplication.translate("ItemSource", "Barcode")),
            Column("price", QCoreApplication.translate("ItemSource", "Price"), alignment="right"),
            Column(
                "vat_rate",
                QCoreApplication.translate("ItemSource", "VAT"),
                sortable=False,
                alignment="right",
            ),
            Column(
                "on_hand",
                QCoreApplication.translate("ItemSource", "On hand"),
                sortable=False,
                alignment="right",
            ),
            Column(
                "min_stock",
                QCoreApplication.translate("ItemSource", "Minimum"),
                sortable=False,
                alignment="right",
            ),
            Column("bin", QCoreApplication.translate("ItemSource", "Bin")),
            Column(
                "active",
                QCoreApplication.translate("ItemSource", "In use"),
                sortable=False,
                alignment="center",
            ),
        ]

    def cell(self, row: Any, column_key: str) -> object:
        if column_key == "price":
            return money_text(row.price)
        if column_key == "vat_rate":
            return vat_text(row.vat_rate)
        if column_key in ("on_hand", "min_stock"):
            return quantity_text(getattr(row, column_key))
        if column_key == "active":
            return (
                QCoreApplication.translate("ItemSource", "yes")
                if row.active
                else QCoreApplication.translate("ItemSource", "retired")
            )
        return getattr(row, column_key)

    def decorate(self, row: Any, column_key: str) -> str | None:
        if row.min_stock and row.on_hand < row.min_stock:
            return BELOW_MINIMUM_COLOUR
        return None if row.active else ENDED_COLOUR

    def chip(self, row: Any, column_key: str) -> str | None:
        """In use / retired as a chip; the quantity on hand when it is below the minimum."""
        if column_key == "active":
            return "active" if row.active else "retired"
        if column_key == "on_hand" and row.min_stock and row.on_hand < row.min_stock:
            return "below_minimum"
        return None


def vat_text(rate: Decimal) -> str:
    """``13%`` for 0.13."""
    return f"{quantity_text(Decimal(rate) * 100)}%"


class StockSource(ServiceSource):
    """Stock by item, location and batch/serial: filters ``location_id``, ``item_id``.  A
    batch with the shop's limit of complaints or more names its tickets in red."""

    shows = frozenset({Change.STOCK, Change.ITEMS, Change.LOCATIONS, Change.COMPLAINTS})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.stock.page)
        self.bad_batches: dict[tuple[int, str], list[str]] = {}

    def fetch(self, query: PageQuery) -> list[Any]:
        rows = super().fetch(query)
        if query.after is None:
            self.bad_batches = {}
        items = {row.item_id for row in rows}
        self.bad_batches.update(self.services.complaints.bad_batches_of(sorted(items)))
        return rows

    @property
    def columns(self) -> list[Column]:
        return [
            Column("sku", QCoreApplication.translate("StockSource", "SKU")),
            Column("item_name", QCoreApplication.translate("StockSource", "Item")),
            Column("location_code", QCoreApplication.translate("StockSource", "Location")),
            Column("stock_key", QCoreApplication.translate("StockSource", "Batch / serial")),
            Column(
                "quantity", QCoreApplication.translate("StockSource", "Quantity"), alignment="right"
            ),
            Column("unit", QCoreApplication.translate("StockSource", "Unit"), sortable=False),
            Column("expiry", QCoreApplication.translate("StockSource", "Expiry"), sortable=False),
            Column(
                "complaints",
                QCoreApplication.translate("StockSource", "Complaints"),
                sortable=False,
            ),
        ]

    def complaints_of(self, row: Any) -> list[str]:
        return self.bad_batches.get((row.item_id, row.stock_key), [])

    def cell(self, row: Any, column_key: str) -> object:
        if column_key == "location_code":
            return f"{row.location_code} – {term(row.location_name)}"
        if column_key == "quantity":
            return quantity_text(row.quantity)
        if column_key == "expiry":
            return date_text(row.expiry)
        if column_key == "complaints":
            return bad_batch_text(self.complaints_of(row), short=True)
        return getattr(row, column_key)

    def decorate(self, row: Any, column_key: str) -> str | None:
        if column_key == "complaints":
            return BELOW_MINIMUM_COLOUR if self.complaints_of(row) else None
        return BELOW_MINIMUM_COLOUR if row.quantity < 0 else None


def bad_batch_text(numbers: Sequence[str], short: bool = False) -> str:
    """``⚠ 3 complaints: CP2026-000001, …`` for a batch with many complaints ("" if none);
    ``short`` (a list's narrow column): ``⚠ 3: CP2026-000003 …``, the count and the newest."""
    if not numbers:
        return ""
    if short:
        more = " …" if len(numbers) > 1 else ""
        return f"⚠ {len(numbers)}: {numbers[-1]}{more}"
    return QCoreApplication.translate("StockSource", "⚠ {count} complaints: {numbers}").format(
        count=len(numbers), numbers=", ".join(numbers)
    )


class DocumentSource(ServiceSource):
    """Posted stock documents: filter ``doc_type`` (GR, SC, RV)."""

    shows = frozenset({Change.STOCK_DOCUMENTS, Change.LOCATIONS})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.stock.documents)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("number", QCoreApplication.translate("DocumentSource", "Number")),
            Column("doc_type", QCoreApplication.translate("DocumentSource", "Type")),
            Column("doc_date", QCoreApplication.translate("DocumentSource", "Date")),
            Column(
                "location_code",
                QCoreApplication.translate("DocumentSource", "Location"),
                sortable=False,
            ),
            Column("partner", QCoreApplication.translate("DocumentSource", "Supplier / customer")),
            Column("posted_by", QCoreApplication.translate("DocumentSource", "Posted by")),
            Column(
                "lines",
                QCoreApplication.translate("DocumentSource", "Lines"),
                sortable=False,
                alignment="right",
            ),
            Column(
                "reverses_number",
                QCoreApplication.translate("DocumentSource", "Reverses"),
                sortable=False,
            ),
        ]

    def cell(self, row: Any, column_key: str) -> object:
        if column_key == "doc_type":
            return document_type_text(row.doc_type)
        if column_key == "doc_date":
            return date_text(row.doc_date)
        return getattr(row, column_key)


def document_type_text(doc_type: str) -> str:
    try:
        return term(DOCUMENT_LABELS[DocumentType(doc_type)])
    except (ValueError, KeyError):
        return doc_type
