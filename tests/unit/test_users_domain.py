"""Users and roles without a database: the card's rules, custom roles, and the brake on
failed logins (growing delay, lock after many), all decided from a clock given in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from retailerp.domain import users as u
from retailerp.domain.errors import FieldError, PermissionDenied, ValidationError
from retailerp.domain.security import (
    NOBODY,
    ROLE_PERMISSIONS,
    Actor,
    Permission,
    Role,
    clean_role,
    parse_permissions,
    store_permissions,
)

T0 = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)


def user(**changes: object) -> u.User:
    base = u.User("li", "Li Lei", "sales", "hash", T0)
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def test_the_delay_doubles_from_one_second_and_stops_growing() -> None:
    assert [u.login_delay(n) for n in range(8)] == [0, 1, 2, 4, 8, 16, 32, 60]
    assert u.login_delay(30) == u.MAX_DELAY_SECONDS


def test_an_attempt_before_the_delay_is_over_is_refused_saying_how_long_to_wait() -> None:
    li = user()
    for _ in range(3):
        u.record_failure(li, T0)
    assert li.failed_logins == 3  # next try after 4 s
    with pytest.raises(u.LoginRefused) as info:
        u.may_try(li, T0 + timedelta(seconds=1))
    assert info.value.wait_seconds == 3
    assert "wait 3 s" in str(info.value)
    u.may_try(li, T0 + timedelta(seconds=4))  # on time: allowed


def test_the_tenth_failure_locks_until_the_owner_unlocks() -> None:
    li = user()
    refusals = [u.record_failure(li, T0 + timedelta(minutes=n)) for n in range(u.LOCK_AFTER)]
    assert "now locked" in str(refusals[-1])
    assert "locked" not in str(refusals[-2])
    later = T0 + timedelta(days=365)
    assert li.state(later) is u.UserState.LOCKED
    with pytest.raises(u.LoginRefused, match="locked after 10 failed logins"):
        u.may_try(li, later)
    u.unlock(li)
    assert li.state(later) is u.UserState.ACTIVE and li.failed_logins == 0
    u.may_try(li, later)


def test_a_success_clears_the_count() -> None:
    li = user()
    u.record_failure(li, T0)
    u.record_success(li)
    assert (li.failed_logins, li.last_failed_at) == (0, None)
    u.may_try(li, T0)


def test_an_ended_user_cannot_log_in_and_is_not_ended_twice() -> None:
    li = user()
    u.end(li, T0)
    assert li.state(T0) is u.UserState.ENDED
    with pytest.raises(u.LoginRefused, match="ended"):
        u.may_try(li, T0)
    with pytest.raises(FieldError, match="ended already"):
        u.end(li, T0)


def test_unknown_user_and_wrong_password_read_the_same() -> None:
    assert str(u.wrong_password()) == "Wrong user name or password."
    assert str(u.record_failure(user(), T0)) == str(u.wrong_password(1))


@pytest.mark.parametrize(
    ("name", "shown", "password", "fields"),
    [
        ("", "", "", {"username", "password"}),
        ("li lei", "", "long enough", {"username"}),
        ("x" * 41, "", "long enough", {"username"}),
        ("li", "y" * 81, "long enough", {"display_name"}),
        ("li", "", "short", {"password"}),
        ("li", "", "LI", {"password"}),
        ("lilei", "", " LILEI ", {"password"}),
    ],
)
def test_a_new_user_is_checked_field_by_field(
    name: str, shown: str, password: str, fields: set[str]
) -> None:
    with pytest.raises(ValidationError) as info:
        u.check_new_user(name, shown, password)
    assert {e.field for e in info.value.errors} == fields


def test_a_user_name_is_kept_in_lower_case_and_the_display_name_defaults_to_it() -> None:
    assert u.check_new_user(" Li.Lei ", "", "correct horse") == ("li.lei", "li.lei")


def test_a_custom_role_grants_exactly_what_was_ticked() -> None:
    role = clean_role(" Cashier ", ["finance.payments", "customers.edit"])
    assert role.name == "Cashier" and not role.built_in
    assert role.permissions == {Permission.RECORD_PAYMENTS, Permission.EDIT_CUSTOMERS}
    actor = Actor("mei", role.name, role.permissions)
    assert actor.may(Permission.RECORD_PAYMENTS)
    assert not actor.may(Permission.INVOICE)
    with pytest.raises(PermissionDenied, match=r"User mei \(Cashier\) may not make invoices"):
        actor.require(Permission.INVOICE)
    assert parse_permissions(store_permissions(role.permissions)) == role.permissions


@pytest.mark.parametrize(
    ("name", "permissions", "field"),
    [
        ("", [], "name"),
        ("Owner", [], "name"),
        ("x" * 41, [], "name"),
        ("Helper", ["no.such"], "permissions"),
        ("Helper", ["admin.users"], "permissions"),  # only the owner manages users
    ],
)
def test_a_custom_role_is_refused_naming_the_field(
    name: str, permissions: list[str], field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        clean_role(name, permissions)
    assert info.value.errors[0].field == field


def test_built_in_roles_keep_their_permissions_and_nobody_has_none() -> None:
    assert Actor("li", "sales").role is Role.SALES  # a stored name becomes the role
    assert Actor("li", "sales").granted == ROLE_PERMISSIONS[Role.SALES]
    assert Actor("boss").is_owner and Actor("boss").granted == frozenset(Permission)
    assert NOBODY.granted == frozenset()
    assert not Actor("x", "unknown role").granted
