"""First pages and searches on the data set, as the lists ask for them (``DEFAULT_PAGE_SIZE``
rows a page; 200 before the tenth pass).

The customer list asks in its own order, the name's pinyin (``sort_key="name"``); the items
list by SKU, the documents newest first (their pages' defaults)."""

from __future__ import annotations

from dataclasses import replace

from benchmarks.harness import Report, Row, Scale, median_ms
from retailerp.domain.security import Actor
from retailerp.persistence.engine import Database
from retailerp.services import Page, Services
from retailerp.ui.models.page_source import DEFAULT_PAGE_SIZE

SEARCHES = (
    ("1 character, Chinese", "上"),
    ("2 characters, Chinese", "华联"),
    ("4 characters, Chinese", "上海华联"),
    ("Latin word", "Lotus"),
    ("phone digits", "138"),
    ("pinyin initials", "shhl"),
)


def bench(scale: Scale, db: Database, report: Report) -> None:
    s = Services.over(db, actor=Actor("owner"))
    repeat = max(3, scale.repeat * 2)
    pages = {
        "customers": lambda page: s.customers.page(replace(page, sort_key="name")),
        "items": s.items.page,
        "orders": s.orders.page,
        "deliveries": s.orders.deliveries_page,
        "invoices": s.invoices.page,
    }
    for name, page in pages.items():
        ms = median_ms(lambda page=page: page(Page(limit=DEFAULT_PAGE_SIZE)), repeat)
        report.add(Row(f"first page of {name} ({scale.dataset} data set)", ms, "ms"))
    for label, text in SEARCHES:
        search = Page(search=text, limit=DEFAULT_PAGE_SIZE, sort_key="name")
        ms = median_ms(lambda search=search: s.customers.page(search), repeat)
        report.add(Row(f"customer search, {label} {text!r}", ms, "ms"))
    ms = median_ms(lambda: s.items.page(Page(search="绿茶", limit=DEFAULT_PAGE_SIZE)), repeat)
    report.add(Row("item search '绿茶'", ms, "ms"))
    ms = median_ms(s.customers.recompute_classes, max(1, scale.repeat))
    report.add(Row(f"ABC reclassification of every customer ({scale.dataset} data set)", ms, "ms"))
    order = s.orders.page(Page(limit=1))[0]
    ms = median_ms(lambda: s.orders.documents(order.id), repeat)
    report.add(Row("open an order's documents", ms, "ms"))
