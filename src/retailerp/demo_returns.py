"""Returns in the demo: every reason, condition and policy outcome over the demo's year.

Made after the sales, through the services, each on its own day after its delivery: quality
defects to quarantine, wrong goods back to stock, transit damage to scrap, a change of mind
in time and one too late (refused and cancelled, another refused and left as a draft to
post), one the owner accepted against the policy with a reason, an old unsellable return
with the packaging-loss deduction, a dealer's late return at the dealer rate, a posted
return reversed, and (today, the last) a quality defect exchanged and the exchange cancelled
before its replacement shipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from retailerp.domain.errors import DomainError, OverridableRefusal
from retailerp.domain.returns import default_policy
from retailerp.services import Page, ServiceContext, Services

DEALER_RULE = ("A 类经销商：3 个月后退 60 %", "Class A dealers after 3 months: 60 %")
TEXTS = {
    "received": ("仓库 李娜", "Warehouse, Lina"),
    "override": ("老客户，店主同意按 50 % 退款", "Long-standing customer: owner agreed to 50 %"),
    "refused": ("超过 7 天，按政策不予退货", "More than 7 days: refused by the policy"),
    "reverse": ("误收，货物已退回客户", "Received by mistake, goods sent back"),
    "money": ("客户改为要求退款，换货取消", "Customer wants the money instead of the exchange"),
}


@dataclass(frozen=True)
class Case:
    reason: str
    condition: str
    days: int
    outcome: str  # post, override, refuse (cancelled), draft, reverse


CASES = (
    Case("quality_defect", "defective", 5, "post"),
    Case("wrong_goods", "resellable", 2, "post"),
    Case("transit_damage", "scrap", 1, "post"),
    Case("changed_mind", "resellable", 3, "post"),
    Case("expired", "scrap", 60, "post"),
    Case("unsellable", "resellable", 200, "post"),
    Case("unsellable", "resellable", 120, "dealer"),
    Case("changed_mind", "resellable", 30, "override"),
    Case("changed_mind", "resellable", 20, "refuse"),
    Case("quality_defect", "defective", 10, "reverse"),
    Case("changed_mind", "resellable", 12, "draft"),
)


def _on(services: Services, day: date) -> Services:
    ctx = services.ctx
    return Services(ServiceContext(ctx.db, ctx.actor, lambda d=day: d))


def _word(key: str, chinese: bool) -> str:
    return TEXTS[key][0 if chinese else 1]


def add_returns(services: Services, chinese: bool) -> int:
    """Make the demo's returns (in date order, so their numbers follow the dates); returns
    how many were made."""
    _dealer_policy(services, chinese)
    today = services.ctx.today()
    deliveries = services.orders.deliveries_page(Page(limit=1000, sort_key="delivery_date"))
    classes = {row.id: row.abc_class for row in services.customers.page(Page(limit=1000))}
    used: set[int] = set()
    plans = []
    for case in CASES:
        row = _pick(deliveries, case, today, classes, used)
        if row is not None:
            used.add(row.id)
            plans.append((row.delivery_date + timedelta(days=case.days), row.id, case))
    for day, delivery_id, case in sorted(plans, key=lambda p: (p[0], p[1])):
        _make(_on(services, day), delivery_id, case, chinese)
    exchanged = _cancelled_exchange(services, deliveries, used, chinese)
    return len(plans) + exchanged


def _cancelled_exchange(services: Services, deliveries, used: set[int], chinese: bool) -> int:  # noqa: ANN001
    """Today (after every other return, so numbers follow dates): a quality defect on the
    latest delivery exchanged, then the exchange cancelled before the replacement shipped —
    the customer wanted the money instead.  1 if made."""
    for row in sorted(deliveries, key=lambda r: (r.delivery_date, r.id), reverse=True):
        source = next((r for r in services.returns.returnable(row.id) if r.open > 0), None)
        if row.id in used or source is None:
            continue
        line = {"delivery_line_id": source.delivery_line_id, "quantity": "1",
                "condition": "defective"}  # fmt: skip
        header = {"reason": "quality_defect", "received_by": _word("received", chinese)}
        try:
            draft = services.returns.create(row.id, header, [line])
            posted = services.returns.post(draft.id or 0, draft.version)
            services.exchanges.exchange(posted.id or 0)
            services.exchanges.cancel(posted.id or 0, _word("money", chinese))
        except DomainError:
            return 0
        used.add(row.id)
        return 1
    return 0


def _pick(deliveries, case: Case, today: date, classes, used):  # noqa: ANN001, ANN202
    """A delivery old enough for the case, spread over the year (dealers: a class A one)."""
    fits = [
        row for row in deliveries
        if row.id not in used and row.delivery_date + timedelta(days=case.days) <= today
        and (case.outcome != "dealer" or classes.get(row.customer_id) == "A")
        and (case.outcome == "dealer" or classes.get(row.customer_id) != "A"
             or case.days <= 90)
    ]  # fmt: skip
    if not fits:
        return None
    return fits[(CASES.index(case) * 7919) % len(fits)]


def _make(s: Services, delivery_id: int, case: Case, chinese: bool) -> None:
    source = next((r for r in s.returns.returnable(delivery_id) if r.open > 0), None)
    if source is None:
        return
    line = {"delivery_line_id": source.delivery_line_id, "quantity": "1",
            "condition": case.condition}  # fmt: skip
    header = {"reason": case.reason, "received_by": _word("received", chinese)}
    draft = s.returns.create(delivery_id, header, [line])
    if case.outcome == "draft":
        return
    try:
        posted = s.returns.post(draft.id or 0, draft.version)
    except OverridableRefusal:
        if case.outcome == "override":
            s.returns.post(draft.id or 0, draft.version, _word("override", chinese), {1: "0.5"})
        else:
            s.returns.cancel(draft.id or 0, draft.version, _word("refused", chinese))
        return
    except DomainError:
        return
    if case.outcome == "reverse":
        s.returns.reverse(posted.id or 0, _word("reverse", chinese))


def _dealer_policy(services: Services, chinese: bool) -> None:
    """The shipped policy with a class A dealer rule before the general ones."""
    rules = [
        {"name": r.name, "rate": "" if r.rate is None else str(r.rate),
         "reasons": ",".join(sorted(x.value for x in r.reasons)),
         "from_day": r.from_day, "to_day": r.to_day}
        for r in default_policy().rules
    ]  # fmt: skip
    dealer = {"name": DEALER_RULE[0 if chinese else 1], "rate": "0.6", "from_day": 91,
              "customer_class": "A"}  # fmt: skip
    rules.insert(4, dealer)
    services.returns.save_policy(rules, [], "")
