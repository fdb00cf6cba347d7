"""Insight by cause, month and repeat customer against a hand-made set, and the complaint
settings saved from the settings screen's typed values — deadlines of new tickets follow,
bad input changes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from retailerp.domain.complaints import Severity
from retailerp.domain.errors import PermissionDenied, ValidationError
from retailerp.domain.security import Actor, Role
from retailerp.services import Services
from support.shop import Shop

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday


def as_user(shop: Shop, role: Role = Role.OWNER) -> Services:
    return Services.over(
        shop.s.ctx.db, actor=Actor("boss", role), today=lambda: date(2026, 3, 10),
        clock=lambda: NOW,
    )  # fmt: skip


def test_insight_by_cause_month_and_repeat_customers(shop: Shop):
    s = as_user(shop)
    a = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "9"})
    b = s.customers.create({"code": "C002", "name": "Other", "credit_limit": "9"})
    made = []
    for who, received, cause in (
        (a, "2026-01-20T10:00:00+00:00", "transport"),
        (a, "2026-02-03T10:00:00+00:00", "transport"),
        (a, "2026-03-09T10:00:00+00:00", "product"),
        (b, "2026-03-09T12:00:00+00:00", ""),
    ):
        ticket = s.complaints.create(
            {"customer_id": who.id, "description": "x", "received_at": received}
        )
        if cause:
            s.complaints.record_cause(ticket.id, ticket.version, {"cause_category": cause})
        made.append(ticket)
    insight = s.complaints.insight()
    assert insight.tickets == 4
    assert insight.by_cause == [("transport", 2), ("product", 1)]
    assert insight.by_month == [("2026-01", 1), ("2026-02", 1), ("2026-03", 2)]
    assert insight.repeat_customers == [("华联超市", 3)]
    recent = s.complaints.insight(days=30)
    assert recent.tickets == 2 and recent.repeat_customers == []


def test_settings_saved_from_the_screen_set_the_next_tickets_deadlines(shop: Shop):
    s = as_user(shop)
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "9"})
    shown = s.complaints.settings_text()
    assert shown["hours.1"] == "" and shown["resolution.minor"] == "120"
    s.complaints.save_settings(
        shown | {"resolution.minor": "90", "amount.general": "300", "hours.1": "08:00-18:00"}
    )
    assert s.complaints.settings_text()["hours.1"] == "08:00-18:00"
    assert s.complaints.suggest("300", 1) is Severity.GENERAL
    ticket = s.complaints.create({"customer_id": customer.id, "description": "x",
                                  "amount": "100"})  # fmt: skip
    assert ticket.resolution_due == NOW + timedelta(minutes=90)


def test_bad_settings_name_their_fields_and_change_nothing(shop: Shop):
    s = as_user(shop)
    shown = s.complaints.settings_text()
    with pytest.raises(ValidationError) as refused:
        s.complaints.save_settings(shown | {"hours.2": "18:00-08:00", "report.major": "x"})
    assert {e.field for e in refused.value.errors} == {"hours.2", "report.major"}
    assert s.complaints.settings_text() == shown
    with pytest.raises(PermissionDenied):
        as_user(shop, Role.SALES).complaints.save_settings(shown)
