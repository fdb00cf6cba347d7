"""Customer use cases against a real database: register, edit, classify, review, search, list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from retailerp.domain.customers import AbcClass
from retailerp.domain.errors import (
    FieldError,
    PermissionDenied,
    StaleRecordError,
    StateError,
    ValidationError,
)
from retailerp.domain.money import Money
from retailerp.domain.pinyin import sort_key as pinyin_sort_key
from retailerp.domain.security import Role
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database
from retailerp.persistence.unit_of_work import write
from retailerp.services import Page, Services
from support.dbtools import TODAY, audit_entries, row_count, services_for

CARD = {
    "code": "sh001",
    "name": "上海华联超市有限公司",
    "contact": "王经理",
    "phone": "021-5555 1234",
    "address": "上海市浦东新区",
    "tax_id": "9144030071526726XG",
    "bank_name": "工商银行",
    "bank_account": "6222021234567890",
    "payment_terms_days": 45,
    "credit_limit": "50000",
    "salesperson": "李四",
}


def test_create_and_read_back_a_card(db: Database, services: Services) -> None:
    created = services.customers.create(CARD)
    assert created.id and created.version == 1
    loaded = services.customers.get(created.id)
    assert (loaded.code, loaded.name, loaded.tax_id) == (
        "SH001", "上海华联超市有限公司", "9144030071526726XG",
    )  # fmt: skip
    assert loaded.credit_limit == Money.of(50000)
    assert loaded.payment_terms_days == 45
    assert loaded.created_on == TODAY
    assert loaded.updated_by == "owner" and loaded.updated_at is not None
    assert loaded.abc_class == AbcClass.C and loaded.is_active
    assert audit_entries(db, created.id) == [("owner", "customer.create", str(created.id))]


def test_update_and_a_stale_edit_names_who_changed_it(db: Database) -> None:
    alice = services_for(db, user="alice")
    bob = services_for(db, user="bob")
    opened = alice.customers.create(CARD)  # both open version 1

    saved = alice.customers.update(opened.id, opened.version, {**CARD, "name": "华联（浦东）"})
    assert saved.version == 2

    with pytest.raises(StaleRecordError) as info:
        bob.customers.update(opened.id, opened.version, {**CARD, "name": "bob's name"})
    message = str(info.value)
    assert "Customer SH001 was changed by alice at" in message
    assert "Reload it" in message
    again = bob.customers.get(opened.id)
    assert (again.name, again.version, again.updated_by) == ("华联（浦东）", 2, "alice")
    assert [a for _, a, _ in audit_entries(db, opened.id)] == ["customer.create", "customer.update"]

    reloaded = bob.customers.update(again.id, again.version, {**CARD, "name": "bob's name"})
    assert reloaded.version == 3 and reloaded.updated_by == "bob"


def test_a_code_is_used_only_once(db: Database, services: Services) -> None:
    first = services.customers.create(CARD)
    with pytest.raises(ValidationError) as info:
        services.customers.create({**CARD, "code": " SH001 ", "name": "其他"})
    assert list(info.value.by_field()) == ["code"]
    assert "already used by 上海华联超市有限公司" in str(info.value)

    other = services.customers.create({"code": "BJ001", "name": "北京华联"})
    with pytest.raises(ValidationError) as info:
        services.customers.update(other.id, other.version, {"code": "sh001", "name": "x"})
    assert info.value.field == "code"
    # keeping its own code is of course fine
    assert services.customers.update(first.id, 1, {**CARD, "contact": "张"}).contact == "张"
    assert row_count(db, t.customers) == 2


def test_a_failed_validation_writes_nothing(db: Database, services: Services) -> None:
    services.customers.create(CARD)
    customers, audit = row_count(db, t.customers), row_count(db, t.audit_log)
    with pytest.raises(ValidationError) as info:
        services.customers.create({"code": "", "name": "", "phone": "x", "credit_limit": "-1"})
    assert set(info.value.by_field()) == {"code", "name", "phone", "credit_limit"}
    with pytest.raises(ValidationError):
        services.customers.create({**CARD, "name": "duplicate"})
    with pytest.raises(ValidationError):
        services.customers.update(1, 1, {**CARD, "tax_id": "914403007152672600"})
    assert (row_count(db, t.customers), row_count(db, t.audit_log)) == (customers, audit)
    assert services.customers.get(1).version == 1
    assert services.customers.check({"code": "A1", "name": "x", "phone": "abc"}) == {
        "phone": "'abc' is not a phone number (digits, spaces, + - and brackets)."
    }


def test_end_and_reactivate(db: Database, services: Services) -> None:
    c = services.customers.create(CARD)
    ended = services.customers.end(c.id, c.version, "停止合作", on=date(2026, 3, 1))
    assert (ended.is_active, ended.ended_on, ended.end_reason) == (False, date(2026, 3, 1),
                                                                   "停止合作")  # fmt: skip
    assert [r.code for r in services.customers.page(Page(filters={"status": "active"}))] == []
    assert [r.status for r in services.customers.page(Page(filters={"status": "ended"}))] == [
        "ended"
    ]
    with pytest.raises(StateError):
        services.customers.end(c.id, ended.version, "again")
    with pytest.raises(StaleRecordError):
        services.customers.reactivate(c.id, c.version)
    back = services.customers.reactivate(c.id, ended.version, "renewed contract")
    assert back.is_active and back.ended_on is None and back.version == ended.version + 1
    with pytest.raises(StateError):
        services.customers.reactivate(c.id, back.version)
    assert [a for _, a, _ in audit_entries(db, c.id)] == [
        "customer.create", "customer.end", "customer.reactivate",
    ]  # fmt: skip


def test_pin_and_unpin_a_class(db: Database, services: Services) -> None:
    c = services.customers.create(CARD)
    boss = services_for(db, user="boss")
    pinned = boss.customers.pin_class(c.id, c.version, AbcClass.A, "战略客户")
    assert (pinned.abc_class, pinned.pinned_by, pinned.pinned_reason) == (AbcClass.A, "boss",
                                                                          "战略客户")  # fmt: skip
    assert pinned.pinned_at is not None
    row = services.customers.page(Page())[0]
    assert (row.abc_class, row.pinned) == ("A", True)

    with pytest.raises(FieldError) as info:
        boss.customers.pin_class(c.id, pinned.version, AbcClass.B, "  ")
    assert info.value.field == "pinned_reason"
    assert services.customers.get(c.id).pinned_class == AbcClass.A

    sales = services_for(db, user="sam", role=Role.SALES)
    with pytest.raises(PermissionDenied) as denied:
        sales.customers.pin_class(c.id, pinned.version, AbcClass.C, "no")
    assert "sam (sales) may not pin a customer's class" in str(denied.value)

    unpinned = boss.customers.pin_class(c.id, pinned.version, None)
    assert unpinned.pinned_class is None and unpinned.abc_class == AbcClass.C
    row = services.customers.page(Page())[0]
    assert (row.abc_class, row.pinned) == ("C", False)
    assert [a for _, a, _ in audit_entries(db, c.id)].count("customer.pin_class") == 2


def test_record_a_review(db: Database) -> None:
    last_year = services_for(db, today=date(2025, 12, 1))
    ids = [last_year.customers.create({"code": f"R{i}", "name": f"客户{i}"}).id for i in range(3)]
    services = services_for(db, user="finn", role=Role.FINANCE)
    assert services.customers.due_for_review_count() == 3
    assert services.customers.page(Page(filters={"due_for_review": True}))[0].id == ids[0]

    review = services.customers.record_review(ids[0], 1, "信用良好", "80000", note="提高额度")
    assert (review.reviewer, review.reviewed_on) == ("finn", TODAY)
    assert (review.credit_limit_before, review.credit_limit_after) == (Money.zero(),
                                                                       Money.of(80000))  # fmt: skip
    customer = services.customers.get(ids[0])
    assert customer.credit_limit == Money.of(80000)
    assert customer.last_review_on == TODAY and customer.version == 2
    assert services.customers.due_for_review_count() == 2
    due = {r.id for r in services.customers.page(Page(filters={"due_for_review": True}))}
    assert due == set(ids[1:])
    assert [r.outcome for r in services.customers.reviews(ids[0])] == ["信用良好"]
    assert audit_entries(db, ids[0])[-1] == ("finn", "customer.review", str(ids[0]))

    with pytest.raises(FieldError) as info:
        services.customers.record_review(ids[1], 1, "  ", "100")
    assert info.value.field == "outcome"
    with pytest.raises(FieldError) as info:
        services.customers.record_review(ids[1], 1, "ok", "-100")
    assert info.value.field == "credit_limit"
    with pytest.raises(StaleRecordError):
        services.customers.record_review(ids[0], 1, "again", "1")
    assert services.customers.due_for_review_count() == 2
    assert row_count(db, t.customer_reviews) == 1
    # in August a new period begins and everyone is due again
    assert services_for(db, today=date(2026, 8, 1)).customers.due_for_review_count() == 3


def test_recompute_classes_from_revenue(db: Database, services: Services) -> None:
    ids = {
        code: services.customers.create({"code": code, "name": code}).id
        for code in ("A1", "A2", "B1", "B2", "C1", "C2", "NONE", "REFUND")
    }
    revenue = {"A1": 500, "A2": 300, "B1": 100, "B2": 50, "C1": 30, "C2": 20, "REFUND": -40}

    def book(uow) -> None:  # noqa: ANN001
        for code, amount in revenue.items():
            uow.customers.add_revenue(ids[code], TODAY - timedelta(days=10), Money.of(amount),
                                      "test")  # fmt: skip
        # outside the trailing twelve months: ignored
        uow.customers.add_revenue(ids["C2"], TODAY - timedelta(days=400), Money.of(99999), "old")
        uow.customers.add_revenue(ids["C1"], TODAY + timedelta(days=1), Money.of(99999), "future")

    write(db, book)
    result = services.customers.recompute_classes()
    assert result.counts == {"A": 2, "B": 2, "C": 4}
    assert result.changed == 4  # everyone started as C
    assert (result.period_start, result.period_end) == (TODAY - timedelta(days=365), TODAY)
    classes = {code: services.customers.get(cid).abc_class for code, cid in ids.items()}
    assert classes == {"A1": "A", "A2": "A", "B1": "B", "B2": "B", "C1": "C", "C2": "C",
                       "NONE": "C", "REFUND": "C"}  # fmt: skip
    assert services.customers.get(ids["A1"]).version == 1  # not a user edit

    pinned = services.customers.pin_class(ids["C1"], 1, AbcClass.A, "new flagship store")
    assert services.customers.recompute_classes().changed == 0
    assert services.customers.get(pinned.id).abc_class == AbcClass.A
    rows = services.customers.page(Page(filters={"abc_class": "A"}, sort_key="code"))
    assert [r.code for r in rows] == ["A1", "A2", "C1"]
    assert audit_entries(db, "*")[-1][1] == "customer.classify"


# --- search ------------------------------------------------------------------------------

NAMES = {
    "SH": ("上海华联超市有限公司", "021-5555 1234"),
    "BJ": ("北京华联综合超市", "010-6666 7788"),
    "GZ": ("广州百货", "+86 138 0013 8000"),
    "PCT": ("100% 纯果汁商行", "12345"),
    "UND": ("a_b 贸易", "23456"),
    "AB": ("ab 贸易", "34567"),
    "QT": ('说"好"的店', "45678"),
}
SEARCHES = [
    ("华联超", {"SH"}),  # three or more characters: full-text trigram on SQLite
    ("有限公司", {"SH"}),
    ("华联综合超市", {"BJ"}),
    ("华联", {"SH", "BJ"}),  # one or two characters: LIKE
    ("超", {"SH", "BJ"}),
    ("百", {"GZ"}),
    ("5555", {"SH"}),  # phone digits
    ("138", {"GZ"}),
    ("0013 8", {"GZ"}),
    ("78", {"BJ", "QT"}),
    ("%", {"PCT"}),  # % and _ are taken literally
    ("0%", {"PCT"}),
    ("0% 纯", {"PCT"}),
    ("_", {"UND"}),
    ("a_b", {"UND"}),
    ("A_B", {"UND"}),
    ('"好"', {"QT"}),
    ('"', {"QT"}),
    ("gz", {"GZ", "PCT"}),  # the code, any case, and the pinyin initials of 果汁
    ("bjhl", {"BJ"}),  # pinyin initials
    ("  华联超  ", {"SH"}),
    ("不存在的名字", set()),
    ("", set(NAMES)),
]


def found(services: Services, search: str) -> set[str]:
    return {r.code for r in services.customers.page(Page(search=search))}


def test_search(services: Services) -> None:
    for code, (name, phone) in NAMES.items():
        services.customers.create({"code": code, "name": name, "phone": phone})
    results = {search: found(services, search) for search, _ in SEARCHES}
    assert results == dict(SEARCHES)


def test_a_search_with_many_hits_walks_the_name_order_and_finds_the_same(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ``MANY_HITS`` trigram hits on, a search in name order compares each customer
    along the name index instead: the same customers, in both name orders."""
    from retailerp.persistence import queries

    for code, (name, phone) in NAMES.items():
        services.customers.create({"code": code, "name": name, "phone": phone})
    monkeypatch.setattr(queries, "MANY_HITS", 1)
    for sort_key in ("", "name"):
        results = {
            search: {
                r.code for r in services.customers.page(Page(search=search, sort_key=sort_key))
            }
            for search, _ in SEARCHES
        }
        assert results == dict(SEARCHES), sort_key
    # SQLite's LIKE folds ASCII letters only: other cased letters stay with the trigram
    # index, which folds them (PostgreSQL's ILIKE folds as the database's locale says)
    if services.ctx.db.engine.dialect.name == "sqlite":
        services.customers.create({"code": "EO", "name": "Émile Ölberg"})
        for search in ("ölb", "ÖLB", "émi", "Émile"):
            assert found(services, search) == {"EO"}, search

    sh = services.customers.page(Page(search="华联超"))[0]
    services.customers.update(sh.id, 1, {"code": "SH", "name": "东方明珠商店"})
    assert found(services, "华联超") == set()  # the search index follows the rename
    assert found(services, "明珠商") == {"SH"}
    assert found(services, "5555") == set()  # the card was saved without its phone


# --- keyset paging -----------------------------------------------------------------------


def all_pages(services: Services, sort_key: str, descending: bool, limit: int = 4) -> list:
    rows, after = [], None
    while True:
        page = services.customers.page(
            Page(sort_key=sort_key, descending=descending, after=after, limit=limit)
        )
        if not page:
            return rows
        assert len(page) <= limit
        rows.extend(page)
        after = page[-1].cursor


SORTS = {
    "name": lambda r: pinyin_sort_key(r.name),  # 百货 (baihuo) before 华联 (hualian)
    "credit_limit": lambda r: r.credit_limit.minor,
    "code": lambda r: r.code,
    "abc_class": lambda r: r.abc_class,
    "salesperson": lambda r: r.salesperson,
}


def test_keyset_paging_returns_every_row_exactly_once(services: Services) -> None:
    names = ["华联", "百货", "Zeta", "alpha", "华联"]
    for i in range(19):
        services.customers.create({
            "code": f"K{i:02d}", "name": names[i % len(names)],
            "credit_limit": str([0, 1000, 250.5, 1000][i % 4]),
            "salesperson": ["", "李四", "王五"][i % 3],
        })  # fmt: skip
    for cid, cls in ((3, AbcClass.A), (7, AbcClass.B), (8, AbcClass.A)):
        services.customers.pin_class(cid, 1, cls, "test")
    for sort_key, value in SORTS.items():
        for descending in (False, True):
            rows = all_pages(services, sort_key, descending)
            ids = [r.id for r in rows]
            assert sorted(ids) == list(range(1, 20)), (sort_key, descending)  # each once
            expected = sorted(rows, key=lambda r: (value(r), r.id), reverse=descending)
            assert ids == [r.id for r in expected], (sort_key, descending)
    # filters and search page the same way
    active_a = all_pages_filtered(services, {"abc_class": "A"})
    assert [r.id for r in active_a] == [3, 8]


def all_pages_filtered(services: Services, filters: dict) -> list:
    rows, after = [], None
    while page := services.customers.page(Page(filters=filters, after=after, limit=1)):
        rows.extend(page)
        after = page[-1].cursor
    return rows


def test_search_never_matches_across_two_fields(services) -> None:  # noqa: ANN001
    from retailerp.services import Page

    services.customers.create({"code": "ABC1", "name": "Lotus Mart", "phone": "021 5555"})
    assert [r.code for r in services.customers.page(Page(search="lotus"))] == ["ABC1"]
    assert services.customers.page(Page(search="ABC1 Lotus")) == []
    assert services.customers.page(Page(search="Mart 021")) == []


def test_pinyin_initials_find_a_chinese_name_and_names_sort_by_pinyin(
    services: Services,
) -> None:
    for code, name in [("C1", "上海华联超市"), ("C2", "北京百盛"), ("C3", "Harbour Stores")]:
        services.customers.create({"code": code, "name": name})
    found = services.customers.page(Page(search="hl"))
    assert [row.name for row in found] == ["上海华联超市"]
    assert [row.name for row in services.customers.page(Page(search="HUALIAN"))] == ["上海华联超市"]
    by_name = services.customers.page(Page(sort_key="name"))
    assert [row.name for row in by_name] == ["北京百盛", "Harbour Stores", "上海华联超市"]
    second = services.customers.page(Page(sort_key="name", after=by_name[0].cursor))
    assert [row.name for row in second] == ["Harbour Stores", "上海华联超市"]


def test_a_renamed_customer_is_found_by_the_new_names_initials(services: Services) -> None:
    customer = services.customers.create({"code": "C1", "name": "华联超市"})
    assert [row.code for row in services.customers.page(Page(search="hlcs"))] == ["C1"]
    services.customers.update(customer.id, customer.version, {"code": "C1", "name": "百盛商场"})
    # two letters are a LIKE, three or more the pinyin index: both follow the rename
    for gone in ("hl", "hlcs", "hualian", "Hualian"):
        assert services.customers.page(Page(search=gone)) == [], gone
    for new in ("bs", "bssc", "baisheng", "BAISHENG"):
        assert [row.code for row in services.customers.page(Page(search=new))] == ["C1"], new
