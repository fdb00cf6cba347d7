"""The return policy saved from Settings, the returns list, returns by reason / item /
month, the return-rate threshold and the home page's drafts-to-post queue."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from retailerp.domain.errors import PermissionDenied, ValidationError
from retailerp.domain.money import Money
from retailerp.domain.returns import ReturnReason
from retailerp.domain.security import Actor, Role
from retailerp.persistence import tables as t
from retailerp.persistence.queries import Page
from retailerp.persistence.unit_of_work import read
from retailerp.services import Services
from support.returns_shop import deliver, later
from support.shop import Shop

RULES = [
    {"name": "dealers A: 60 % after 90 days", "rate": "0.6", "from_day": "91",
     "customer_class": "A"},
    {"name": "quality: in full", "rate": "1", "reasons": "quality_defect"},
    {"name": "anything else: refused", "rate": ""},
]  # fmt: skip


def settings_rows(shop: Shop) -> dict[str, str]:
    keys = ("return_policy", "return_rate_threshold")
    return read(shop.s.ctx.db, lambda u: {k: u.settings.get(k, "") for k in keys})


def test_the_policy_saved_in_settings_is_the_one_returns_are_decided_by(shop: Shop) -> None:
    saved = shop.s.returns.save_policy(RULES, [], "15")
    assert [rule.name for rule in saved.rules] == [r["name"] for r in RULES]
    policy = shop.s.returns.policy()
    assert policy == saved
    assert policy.rules[1].reasons == frozenset({ReturnReason.QUALITY_DEFECT})
    assert policy.rules[0].rate == Decimal("0.6") and policy.rules[2].rate is None
    assert shop.s.returns.threshold() == Decimal("0.15")
    d = deliver(shop.s)
    lines = [{"delivery_line_id": d.line_id, "quantity": "1", "condition": "resellable"}]
    preview = later(shop.s, 10).returns.preview(d.delivery.id or 0, "changed_mind", lines)
    assert preview.decisions[0].rule == "anything else: refused"
    assert preview.needs_override


def test_a_bad_rule_is_refused_naming_its_row_and_field_and_nothing_is_saved(
    shop: Shop,
) -> None:
    before = settings_rows(shop)
    bad = [dict(RULES[0]), {"name": "", "rate": "150%", "from_day": "30", "to_day": "10"}]
    with pytest.raises(ValidationError) as caught:
        shop.s.returns.save_policy(bad, [{"item_id": "", "quantity": "-1"}], "0")
    fields = {e.field for e in caught.value.errors}
    assert {"rules.2.name", "rules.2.rate", "rules.2.to_day", "minimums.1.item_id",
            "minimums.1.quantity", "threshold"} <= fields  # fmt: skip
    assert settings_rows(shop) == before
    with pytest.raises(ValidationError) as empty:
        shop.s.returns.save_policy([])
    assert empty.value.errors[0].field == "rules"


def test_only_the_owner_saves_the_policy_and_it_is_audited(shop: Shop) -> None:
    sales = Services.over(shop.s.ctx.db, actor=Actor("zhao", Role.SALES))
    with pytest.raises(PermissionDenied):
        sales.returns.save_policy(RULES)
    shop.s.returns.save_policy(RULES)
    a = t.audit_log
    stmt = select(a.c.username, a.c.detail).where(a.c.action == "settings.return_policy")
    [(who, detail)] = read(shop.s.ctx.db, lambda u: list(u.session.execute(stmt)))
    assert who == "owner" and json.loads(detail)["rules"][0] == RULES[0]["name"]
    assert shop.s.returns.reset_policy().rules[0].name == "quality defects: always in full"
    assert shop.s.returns.policy().rules[0].name == "quality defects: always in full"


def test_the_returns_list_the_analysis_and_the_drafts_queue(any_shop: Shop) -> None:
    shop = any_shop
    d = deliver(shop.s)
    s = later(shop.s, 20)
    line = {"delivery_line_id": d.line_id, "condition": "defective"}
    first = s.returns.create(d.delivery.id or 0, {"reason": "quality_defect"},
                             [{**line, "quantity": "2"}])  # fmt: skip
    s.returns.post(first.id or 0, first.version)
    draft = s.returns.create(d.delivery.id or 0, {"reason": "wrong_goods"},
                             [{**line, "quantity": "1"}])  # fmt: skip
    rows = s.returns.page(Page(sort_key="number"))
    assert [(r.number, r.state, r.delivery_number) for r in rows] == [
        (first.number, "posted", d.delivery.number),
        (draft.number, "draft", d.delivery.number),
    ]
    assert rows[0].refund == Money.of("226") and rows[1].refund == Money.zero()
    assert [r.number for r in s.returns.page(Page(filters={"state": "draft"}))] == [draft.number]
    assert [r.number for r in s.returns.page(Page(search="华联"))] == [first.number, draft.number]
    assert s.returns.page(Page(search="nobody")) == []
    paged = s.returns.page(Page(sort_key="number", limit=1))
    after = s.returns.page(Page(sort_key="number", limit=1, after=paged[0].cursor))
    assert [r.number for r in paged + after] == [first.number, draft.number]
    overview = {q.key: q for q in s.home.overview().queues}
    assert overview["returns_to_post"].count == 1
    assert overview["returns_to_post"].module == "returns"
    queued = s.returns.page(Page(filters=dict(overview["returns_to_post"].filters)))
    assert [r.number for r in queued] == [draft.number]

    [month] = s.returns.analysis(Page())
    assert (month.month, month.reason, month.sku, month.returns, month.quantity) == (
        "2026-03", "quality_defect", "KET", 1, Decimal(2)
    )  # drafts do not count
    assert month.refund == Money.of("226")
    assert s.returns.analysis(Page(filters={"reason": "wrong_goods"})) == []
    assert s.returns.analysis(Page(filters={"date_from": "2026-04-01"})) == []
    assert len(s.returns.analysis(Page(search="KET"))) == 1


def test_the_return_rate_flags_a_customer_above_the_threshold(shop: Shop) -> None:
    d = deliver(shop.s)
    s = later(shop.s, 20)
    doc = s.returns.create(d.delivery.id or 0, {"reason": "quality_defect"},
                           [{"delivery_line_id": d.line_id, "quantity": "1",
                             "condition": "defective"}])  # fmt: skip
    s.returns.post(doc.id or 0, doc.version)
    rate = s.returns.return_rate(d.customer_id)
    assert rate.rate == Decimal("0.1667") and rate.frequent  # 1 of 6 > the default 10 %
    s.returns.save_policy(RULES, [], "20")
    assert not s.returns.return_rate(d.customer_id).frequent
