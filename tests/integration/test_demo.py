"""The demo reads like a real shop's year, in the user's language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from retailerp import demo
from retailerp.domain.complaints import Severity, TicketState
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.services import Page
from support.dbtools import as_owner, services_for

TODAY = date(2026, 12, 1)
SIZE = demo.DemoSize(customers=40, items=48, orders=40)
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module", params=["zh_CN", "en"])
def filled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    path: Path = tmp_path_factory.mktemp(request.param) / "demo.db"
    db = open_database(path)
    migrate.upgrade(db)
    services = services_for(db, today=TODAY)
    made = demo.fill(services, SIZE, language=request.param)
    yield request.param, services, made
    db.dispose()


def test_names_are_in_the_language_of_the_program(filled) -> None:  # noqa: ANN001
    language, services, _made = filled
    chinese = language.startswith("zh")
    customers = services.customers.page(Page(sort_key="name", limit=1000))
    in_language = [bool(HAN.search(row.name)) == chinese for row in customers]
    assert sum(in_language) >= 0.8 * len(customers)
    items = services.items.page(Page(sort_key="name", limit=1000))
    assert all(bool(HAN.search(row.name)) == chinese for row in items)
    if not chinese:
        assert not any(HAN.search(row.spec) for row in items)


def test_specifications_fit_the_item(filled) -> None:  # noqa: ANN001
    language, services, _made = filled
    chinese = language.startswith("zh")
    by_name = {}
    for category in demo.CATEGORIES:
        specs = {s if isinstance(s, str) else demo.word(s, chinese) for s in category.specs}
        for name in category.names:
            by_name[demo.word(name, chinese)] = specs
    for row in services.items.page(Page(limit=1000)):
        product = next(n for n in by_name if row.name.startswith(n))
        assert row.spec in by_name[product], (row.name, row.spec)


def test_documents_are_spread_over_the_year_and_some_are_overdue(filled) -> None:  # noqa: ANN001
    _language, services, made = filled
    orders = services.orders.page(Page(limit=1000, sort_key="order_date"))
    dates = [row.order_date for row in orders]
    assert (max(dates) - min(dates)).days >= 300 and max(dates) <= TODAY
    assert {"draft", "confirmed", "paid"} <= {row.state for row in orders}
    invoices = services.invoices.page(Page(limit=1000, sort_key="number"))
    assert len({row.invoice_date for row in invoices}) > 10
    overdue = services.invoices.page(Page(filters={"overdue_on": TODAY}, limit=1000))
    assert 0 < len(overdue) < len(invoices) and made.overdue == len(overdue)
    ageing = services.invoices.ageing(TODAY)
    assert any(bucket != "current" for row in ageing for bucket in row.buckets)


def test_document_numbers_follow_their_dates(filled) -> None:  # noqa: ANN001
    _language, services, _made = filled
    for fetch, day in (
        (services.orders.page, "order_date"),
        (services.invoices.page, "invoice_date"),
        (services.orders.deliveries_page, "delivery_date"),
        (services.returns.page, "return_date"),
    ):
        rows = fetch(Page(limit=1000, sort_key="number"))
        by_year: dict[str, list[date]] = {}
        for row in rows:
            by_year.setdefault(row.number[2:6], []).append(getattr(row, day))
        for dates in by_year.values():
            assert dates == sorted(dates)


def test_the_home_page_has_work_waiting(filled) -> None:  # noqa: ANN001
    _language, services, _made = filled
    counts = {q.key: q.count for q in services.home.overview().queues}
    assert counts["drafts"] > 0 and counts["overdue"] > 0 and counts["below_minimum"] > 0


def test_the_summary_is_a_sentence(filled) -> None:  # noqa: ANN001
    _language, _services, made = filled
    text = demo.summary(made)
    assert "{" not in text and "40" in text and str(made.overdue) in text
    assert "Made(" not in text and "'customers'" not in text


def test_a_tiny_demo_still_fills(tmp_path: Path) -> None:
    db = open_database(tmp_path / "tiny.db")
    migrate.upgrade(db)
    made = demo.fill(as_owner(db), demo.DemoSize(customers=5, items=5, orders=6))
    assert made.orders == 6
    db.dispose()


def test_no_stock_has_expired_by_today(filled) -> None:  # noqa: ANN001
    _language, services, _made = filled
    rows = services.stock.page(Page(limit=1000))
    assert rows and all(row.expiry is None or row.expiry > TODAY for row in rows)


def test_returns_of_every_reason_condition_and_outcome(filled) -> None:  # noqa: ANN001
    _language, services, _made = filled
    rows = services.returns.page(Page(limit=1000))
    documents = [services.returns.get(row.id) for row in rows]
    assert {d.reason.value for d in documents} == {
        "quality_defect", "wrong_goods", "transit_damage", "unsellable", "expired",
        "changed_mind",
    }  # fmt: skip
    assert {line.condition.value for d in documents for line in d.lines} == {
        "resellable",
        "defective",
        "scrap",
    }
    assert {d.state.value for d in documents} == {"draft", "posted", "cancelled", "reversed"}
    assert any(d.override_reason for d in documents)  # the owner accepted one anyway
    rates = {line.refund_rate for d in documents if d.posted_at for line in d.lines}
    assert {1, 0.9, 0.6, 0.5} <= {float(rate) for rate in rates}
    assert len({d.return_date.month for d in documents}) >= 4  # spread over the year


def test_one_exchange_was_cancelled_before_its_replacement_shipped(filled) -> None:  # noqa: ANN001
    _language, services, _made = filled
    rows = services.returns.page(Page(limit=1000, sort_key="number"))
    exchanges = [x for x in (services.exchanges.of_return(r.id) for r in rows) if x]
    cancelled = [x for x in exchanges if x.state == "cancelled"]
    assert len(cancelled) == 1 and cancelled[0].cancel_reason
    replacement = services.orders.get(cancelled[0].order_id)
    assert replacement.state == "cancelled" and all(x.shipped == 0 for x in replacement.lines)
    document = services.returns.get(cancelled[0].return_id)
    assert document.state.value == "posted" and document.return_date == TODAY
    links = {link.number: str(link.state) for link in services.links.of(document.number)}
    assert links[replacement.number] == "cancelled"


def test_complaints_in_every_state_and_severity_with_a_bad_batch(filled) -> None:  # noqa: ANN001
    _language, services, _made = filled
    rows = services.complaints.tickets()
    assert {r.state for r in rows} == set(TicketState)
    assert {r.severity for r in rows} == set(Severity)
    assert any(r.time_left.overdue for r in rows)
    assert services.complaints.insight().bad_batches
    kinds = {d.kind for r in rows for d in services.complaints.get(r.id).resolutions}
    assert kinds >= {"return", "exchange", "replacement", "damages", "on_site", "allowance",
                     "compensation"}  # fmt: skip
    documents = [d for r in rows for d in services.complaints.detail(r.id).documents]
    allowances = {d.state for d in documents if d.document_kind == "red_invoice"}
    assert allowances == {"issued", "draft"}  # one issued and resolved, one waiting
    assert any(d.document_kind == "refund" and d.done for d in documents)


def test_three_consignment_customers_have_a_year_of_history(filled) -> None:  # noqa: ANN001
    _language, services, _made = filled
    overview = services.consignment.overview()
    assert len(overview) >= 3 and all(row.value.minor > 0 for row in overview)
    assert max(row.oldest_age or 0 for row in overview) > 300
    documents = services.consignment.documents()
    kinds = {d.kind for d in documents}
    assert kinds == {"fill_up", "issue", "pickup", "return", "count"}
    assert any(d.state == "reversed" for d in documents)
    [credited] = [d for d in documents if d.kind == "return"]
    red = services.red_invoices.get(credited.red_invoice_id)  # released: its red invoice
    assert (credited.billing_block, red.kind, red.state) == (False, "return", "awaiting")
    costs = [row.cost for row in overview]
    assert costs[0] is not None and costs[0] < overview[0].value and None in costs
    assert services.consignment.expiring()  # short-dated batches at the customers
    counts = {q.key: q.count for q in services.home.overview().queues}
    assert counts["consignment_expiring"] >= 3
    assert services.stock.ledger_mismatches() == []
