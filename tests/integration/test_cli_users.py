"""``retailerp user …``: the first owner, users added, passwords set, ended, unlocked and
listed from the command line; passwords from standard input, never from the arguments."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from retailerp import cli, i18n
from retailerp.domain.security import NOBODY, Role
from retailerp.domain.users import LOCK_AFTER, LoginRefused
from retailerp.persistence.engine import open_database
from retailerp.services import Services
from support.dbtools import audit_entries


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RETAILERP_PC_NAME", "TEST-PC")
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def target(tmp_path: Path) -> str:
    return str(tmp_path / "shop.db")


def user(monkeypatch: pytest.MonkeyPatch, target: str, stdin: str, *argv: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(["user", *argv, "--database", target])


def login(target: str, name: str, password: str):  # noqa: ANN201
    db = open_database(target, must_exist=True)
    try:
        return Services.over(db, actor=NOBODY).users.login(name, password)
    finally:
        db.dispose()


@pytest.fixture
def shop(monkeypatch: pytest.MonkeyPatch, target: str) -> str:
    assert user(monkeypatch, target, "boss secret\n", "add", "boss", "--role", "owner",
                "--password-stdin") == 0  # fmt: skip
    return target


def test_the_first_user_is_the_owner_made_without_logging_in(
    monkeypatch: pytest.MonkeyPatch, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = user(monkeypatch, target, "x\n", "add", "li", "--role", "sales", "--password-stdin")
    assert code == 2
    assert "the first one is the owner" in capsys.readouterr().err
    assert user(monkeypatch, target, "boss secret\n", "add", "Boss", "--role", "owner",
                "--name", "Wang Fang", "--password-stdin") == 0  # fmt: skip
    assert "Owner account made: boss" in capsys.readouterr().out
    assert login(target, "boss", "boss secret").role is Role.OWNER


def test_the_owner_adds_and_lists_users(
    monkeypatch: pytest.MonkeyPatch, shop: str, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = "boss secret\nli's secret\n"
    assert user(monkeypatch, shop, stdin, "add", "li", "--role", "sales", "--name", "Li Lei",
                "--user", "boss", "--password-stdin") == 0  # fmt: skip
    assert login(shop, "li", "li's secret").role is Role.SALES
    capsys.readouterr()
    assert user(monkeypatch, shop, "", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["boss\tboss\towner\tactive", "li\tLi Lei\tsales\tactive"]


def test_getpass_asks_twice_when_not_scripted(
    monkeypatch: pytest.MonkeyPatch, shop: str, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["boss secret", "new secret 1", "new secret 2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert user(monkeypatch, shop, "", "add", "li", "--role", "sales", "--user", "boss") == 2
    assert "The two passwords differ" in capsys.readouterr().err
    answers = iter(["boss secret", "new secret 1", "new secret 1"])
    assert user(monkeypatch, shop, "", "add", "li", "--role", "sales", "--user", "boss") == 0
    assert login(shop, "li", "new secret 1").username == "li"


def test_a_wrong_acting_password_or_role_is_refused(
    monkeypatch: pytest.MonkeyPatch, shop: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert user(monkeypatch, shop, "wrong\nx secret\n", "add", "li", "--role", "sales",
                "--user", "boss", "--password-stdin") == 2  # fmt: skip
    assert "Wrong user name or password" in capsys.readouterr().err
    time.sleep(1.1)  # the wait after one failed login (1 s) must be over
    assert user(monkeypatch, shop, "boss secret\nli's secret\n", "add", "li", "--role", "sales",
         "--user", "boss", "--password-stdin") == 0  # fmt: skip
    capsys.readouterr()
    code = user(monkeypatch, shop, "li's secret\n", "end", "boss", "--user", "li",
                "--password-stdin")  # fmt: skip
    assert code == 2
    assert "may not manage users and roles" in capsys.readouterr().err
    assert user(monkeypatch, shop, "", "end", "li") == 2  # no --user, no login-free PC
    assert "--user NAME" in capsys.readouterr().err


def test_passwd_end_and_unlock(monkeypatch: pytest.MonkeyPatch, shop: str) -> None:
    user(monkeypatch, shop, "boss secret\nli's secret\n", "add", "li", "--role", "sales",
         "--user", "boss", "--password-stdin")  # fmt: skip
    assert user(monkeypatch, shop, "boss secret\nreset secret\n", "passwd", "li",
                "--user", "boss", "--password-stdin") == 0  # fmt: skip
    assert login(shop, "li", "reset secret").username == "li"
    assert user(monkeypatch, shop, "reset secret\nmy own secret\n", "passwd", "li",
                "--user", "li", "--password-stdin") == 0  # fmt: skip
    assert login(shop, "li", "my own secret").username == "li"
    db = open_database(shop, must_exist=True)
    try:  # lock li: ten failures, each after its delay (the clock moved on by hand)
        from datetime import UTC, datetime, timedelta

        moments = iter(datetime(2030, 1, 1, tzinfo=UTC) + timedelta(hours=n) for n in range(99))
        door = Services.over(db, actor=NOBODY, clock=lambda: next(moments)).users
        for _ in range(LOCK_AFTER):
            with pytest.raises(LoginRefused):
                door.login("li", "wrong")
    finally:
        db.dispose()
    with pytest.raises(LoginRefused, match="locked"):
        login(shop, "li", "my own secret")
    assert user(monkeypatch, shop, "boss secret\n", "unlock", "li", "--user", "boss",
                "--password-stdin") == 0  # fmt: skip
    assert login(shop, "li", "my own secret").username == "li"
    assert user(monkeypatch, shop, "boss secret\n", "end", "li", "--user", "boss",
                "--password-stdin") == 0  # fmt: skip
    with pytest.raises(LoginRefused, match="ended"):
        login(shop, "li", "my own secret")
    db = open_database(shop, must_exist=True)
    try:
        actions = [a for _u, a, _e in audit_entries(db, "li")]
    finally:
        db.dispose()
    for action in ("user_added", "password_reset", "password_changed", "user_unlocked",
                   "user_ended", "login", "login_failed"):  # fmt: skip
        assert action in actions


def test_a_password_is_never_an_argument(
    monkeypatch: pytest.MonkeyPatch, shop: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["user", "add", "li", "--role", "sales", "--password", "x", "--database", shop])
    assert exit_.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err
