"""Users through the services: the first owner, logging in (the growing delay and the lock,
on a clock the test moves), the owner's upkeep, custom roles, PCs without a login, and the
audit trail of all of it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from retailerp.domain.errors import FieldError, NotFoundError, PermissionDenied, ValidationError
from retailerp.domain.security import NOBODY, Actor, Permission, Role
from retailerp.domain.users import LOCK_AFTER, LoginRefused, UserState
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database
from retailerp.persistence.unit_of_work import read
from retailerp.services import Services
from support.dbtools import TODAY, audit_entries

PASSWORD = "correct horse"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def as_who(db: Database, actor: Actor, clock: Clock) -> Services:
    return Services.over(db, actor=actor, today=lambda: TODAY, clock=clock)


@pytest.fixture
def owner(db: Database, clock: Clock) -> Services:
    """A new database's first start: the owner's account made, the owner acting."""
    actor = as_who(db, NOBODY, clock).users.create_first_owner("Boss", "Wang Fang", PASSWORD)
    return as_who(db, actor, clock)


def test_the_first_start_makes_the_owner_once(db: Database, clock: Clock) -> None:
    door = as_who(db, NOBODY, clock).users
    assert door.has_users() is False
    boss = door.create_first_owner("Boss", "Wang Fang", PASSWORD)
    assert (boss.username, boss.role, boss.display_name) == ("boss", Role.OWNER, "Wang Fang")
    assert door.has_users() is True
    with pytest.raises(FieldError, match="exists already"):
        door.create_first_owner("other", "", PASSWORD)
    stored = read(db, lambda uow: uow.session.execute(select(t.users.c.password_hash)).all())
    assert len(stored) == 1 and stored[0][0].startswith("$argon2id$")
    assert PASSWORD not in stored[0][0]
    assert audit_entries(db, "boss") == [("boss", "user_added", "boss")]


def test_nobody_may_not_add_users(db: Database, clock: Clock) -> None:
    with pytest.raises(PermissionDenied):
        as_who(db, NOBODY, clock).users.add("li", "", "sales", PASSWORD)


def test_a_login_gives_the_users_role(owner: Services, clock: Clock) -> None:
    owner.users.add("Li", "Li Lei", "sales", PASSWORD)
    li = as_who(owner.ctx.db, NOBODY, clock).users.login(" LI ", PASSWORD)
    assert (li.username, li.role, li.display_name) == ("li", Role.SALES, "Li Lei")
    assert li.may(Permission.EDIT_ORDERS) and not li.may(Permission.INVOICE)
    assert ("li", "login", "li") in audit_entries(owner.ctx.db, "li")


def test_failed_logins_wait_longer_each_time_then_lock(owner: Services, clock: Clock) -> None:
    owner.users.add("li", "", "sales", PASSWORD)
    door = as_who(owner.ctx.db, NOBODY, clock).users
    waits = []
    for _ in range(LOCK_AFTER - 1):
        with pytest.raises(LoginRefused) as info:
            door.login("li", "wrong password")
        waits.append(info.value.wait_seconds)
        with pytest.raises(LoginRefused, match="wait"):  # too soon: not even looked at
            door.login("li", PASSWORD)
        clock.wait(info.value.wait_seconds)
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    with pytest.raises(LoginRefused, match="now locked"):
        door.login("li", "wrong password")
    clock.wait(3600 * 24)
    with pytest.raises(LoginRefused, match="locked after 10"):
        door.login("li", PASSWORD)  # even the right password: locked
    [row] = [r for r in owner.users.users() if r.username == "li"]
    assert row.state is UserState.LOCKED and row.failed_logins == LOCK_AFTER
    owner.users.unlock("li")
    assert door.login("li", PASSWORD).username == "li"
    actions = [a for _u, a, _e in audit_entries(owner.ctx.db, "li")]
    assert actions.count("login_failed") == 2 * (LOCK_AFTER - 1) + 2
    assert actions[-2:] == ["user_unlocked", "login"]


def test_an_unknown_user_reads_like_a_wrong_password(owner: Services, clock: Clock) -> None:
    door = as_who(owner.ctx.db, NOBODY, clock).users
    with pytest.raises(LoginRefused) as unknown:
        door.login("nobody", PASSWORD)
    with pytest.raises(LoginRefused) as wrong:
        door.login("boss", "not it at all")
    assert str(unknown.value) == "Wrong user name or password."
    assert str(wrong.value).startswith("Wrong user name or password.")
    assert audit_entries(owner.ctx.db, "nobody") == [("nobody", "login_failed", "nobody")]


def test_the_owner_resets_a_password_and_the_user_changes_it(owner: Services, clock: Clock) -> None:
    owner.users.add("li", "", "sales", PASSWORD)
    owner.users.reset_password("li", "a new secret")
    door = as_who(owner.ctx.db, NOBODY, clock).users
    with pytest.raises(LoginRefused):
        door.login("li", PASSWORD)
    clock.wait(1)
    li = door.login("li", "a new secret")
    mine = as_who(owner.ctx.db, li, clock).users
    with pytest.raises(FieldError) as info:
        mine.change_password("wrong", "another secret")
    assert info.value.field == "current"
    with pytest.raises(FieldError) as short:
        mine.change_password("a new secret", "short")
    assert short.value.field == "new"
    mine.change_password("a new secret", "another secret")
    assert door.login("li", "another secret").username == "li"
    with pytest.raises(PermissionDenied):
        mine.reset_password("boss", "taken over!")
    assert ("boss", "password_reset", "li") in audit_entries(owner.ctx.db, "li")


def test_an_ended_user_cannot_log_in_and_stays_on_record(owner: Services, clock: Clock) -> None:
    owner.users.add("li", "", "sales", PASSWORD)
    owner.users.end("li")
    with pytest.raises(LoginRefused, match="ended"):
        as_who(owner.ctx.db, NOBODY, clock).users.login("li", PASSWORD)
    [row] = [r for r in owner.users.users() if r.username == "li"]
    assert row.state is UserState.ENDED and row.ended_at == clock.now
    with pytest.raises(FieldError, match="ended already"):
        owner.users.end("li")
    assert ("boss", "user_ended", "li") in audit_entries(owner.ctx.db, "li")


def test_the_only_owner_is_neither_ended_nor_demoted(owner: Services) -> None:
    with pytest.raises(FieldError, match="only owner"):
        owner.users.end("boss")
    with pytest.raises(FieldError, match="only owner"):
        owner.users.change_role("boss", "sales")
    owner.users.add("wife", "", "owner", PASSWORD)
    owner.users.change_role("boss", "finance")
    assert {r.username: r.role for r in owner.users.users()} == {"boss": "finance", "wife": "owner"}


def test_bad_new_users_are_refused_naming_the_field(owner: Services) -> None:
    with pytest.raises(ValidationError) as info:
        owner.users.add("li lei", "", "sales", "short")
    assert {e.field for e in info.value.errors} == {"username", "password"}
    with pytest.raises(FieldError) as no_role:
        owner.users.add("li", "", "", PASSWORD)
    assert no_role.value.field == "role"
    with pytest.raises(FieldError, match="no role Boss"):
        owner.users.add("li", "", "Boss", PASSWORD)
    with pytest.raises(FieldError, match="taken"):
        owner.users.add("BOSS", "", "sales", PASSWORD)
    with pytest.raises(NotFoundError):
        owner.users.unlock("ghost")


def test_custom_roles_are_saved_changed_and_removed_when_unused(
    owner: Services, clock: Clock
) -> None:
    owner.users.save_role("Cashier", ["finance.payments"])
    owner.users.save_role("Cashier", ["finance.payments", "customers.edit"])
    roles = {r.name: r for r in owner.users.roles()}
    assert [r.name for r in owner.users.roles()][:4] == ["owner", "sales", "warehouse", "finance"]
    assert roles["Cashier"].permissions == {Permission.RECORD_PAYMENTS, Permission.EDIT_CUSTOMERS}
    owner.users.add("mei", "", "Cashier", PASSWORD)
    mei = as_who(owner.ctx.db, NOBODY, clock).users.login("mei", PASSWORD)
    assert mei.granted == roles["Cashier"].permissions
    with pytest.raises(FieldError, match="held by mei"):
        owner.users.delete_role("Cashier")
    with pytest.raises(FieldError, match="built-in"):
        owner.users.delete_role("sales")
    owner.users.change_role("mei", "sales")
    owner.users.delete_role("Cashier")
    assert "Cashier" not in {r.name for r in owner.users.roles()}
    assert ("boss", "role_saved", "Cashier") in audit_entries(owner.ctx.db, "Cashier")


def test_a_pc_may_start_without_a_login_until_the_owner_turns_it_off(
    db: Database, clock: Clock
) -> None:
    door = as_who(db, NOBODY, clock).users
    boss = door.create_first_owner("boss", "", PASSWORD, pc="SHOP-PC")
    assert door.pcs_without_login() == {"SHOP-PC": "boss"}
    assert door.login_without_password("SHOP-PC") == boss
    assert door.login_without_password("OTHER-PC") is None
    as_who(db, boss, clock).users.set_login_free("SHOP-PC", False)
    assert door.login_without_password("SHOP-PC") is None
    entries = audit_entries(db, "boss")
    assert ("boss", "login", "boss") in entries and ("boss", "login_free", "boss") in entries


def test_a_very_long_name_is_a_failed_login_like_any_other(owner: Services, clock: Clock) -> None:
    long_name = "x" * 300
    with pytest.raises(LoginRefused, match="Wrong user name or password"):
        as_who(owner.ctx.db, NOBODY, clock).users.login(long_name, PASSWORD)
    assert audit_entries(owner.ctx.db, "x" * 40) == [("x" * 40, "login_failed", "x" * 40)]
