"""``retailerp user add|passwd|end|list|unlock``: the users of a database from the command line.

Passwords are never taken from the command line (they would stay in the shell's history and
the process list): they are asked with ``getpass``, or, with ``--password-stdin``, read one a
line from standard input (for scripts): first the acting user's password (when ``--user`` is
given), then the new password.  The acting user is ``--user NAME`` with that user's
password; without it, the user this PC starts as without a login (if the owner set one).  On
a database without users, ``user add NAME --role owner`` makes the owner's account.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from retailerp import i18n
from retailerp.config import pc_name
from retailerp.domain.errors import FieldError
from retailerp.domain.security import NOBODY, Actor, Role
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.domain.users import USER_STATE_LABELS

Open = Callable[..., object]


def tr(text: str) -> str:
    return i18n.translate("cli", text)


def add_user_commands(commands: argparse._SubParsersAction, common: list) -> None:  # type: ignore[type-arg]
    user = commands.add_parser("user", help="the users who log in: add, passwd, end, list, unlock")
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("--user", dest="acting_user", metavar="NAME",
                        help="act as this user (an owner); asks for the password")  # fmt: skip
    acting.add_argument("--password-stdin", action="store_true",
                        help="read the passwords from standard input, one a line")  # fmt: skip
    parents = [*common, acting]
    add = actions.add_parser("add", help="add a user (the first one is the owner)", parents=parents)
    add.add_argument("username")
    add.add_argument(
        "--role", required=True, help="owner, sales, warehouse, finance or a custom role"
    )
    add.add_argument("--name", default="", help="the name shown (default: the user name)")
    passwd = actions.add_parser("passwd", help="set a user's password", parents=parents)
    passwd.add_argument("username")
    end = actions.add_parser("end", help="end a user (never deleted)", parents=parents)
    end.add_argument("username")
    unlock = actions.add_parser("unlock", help="unlock a user after failed logins",
                                parents=parents)  # fmt: skip
    unlock.add_argument("username")
    actions.add_parser("list", help="list the users", parents=common)


def run_user_command(args: argparse.Namespace, open_db: Callable[[], object]) -> int:
    from retailerp.services import Services

    db = open_db()
    try:
        anonymous = Services.over(db, actor=NOBODY)  # type: ignore[arg-type]
        command = args.user_command
        if command == "list":
            return _list(anonymous)
        secrets = Secrets(args.password_stdin)
        if command == "add" and not anonymous.users.has_users():
            return _first_owner(anonymous, args, secrets)
        actor = _acting(anonymous, args, secrets)
        services = Services.over(db, actor=actor)  # type: ignore[arg-type]
        return _change(services, args, secrets, actor)
    finally:
        db.dispose()  # type: ignore[attr-defined]


class Secrets:
    """Passwords from ``getpass`` or, for scripts, from standard input one a line."""

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin
        self.acting = ""
        """The acting user's password, once read."""

    def read(self, prompt: str) -> str:
        if self.from_stdin:
            line = sys.stdin.readline()
            if not line:
                raise FieldError(
                    "password",
                    QT_TRANSLATE_NOOP("errors", "Standard input ended before the password."),
                )
            return line.rstrip("\r\n")
        return getpass.getpass(prompt)

    def new(self, username: str) -> str:
        prompt = tr(QT_TRANSLATE_NOOP("cli", "New password for {user}: ")).format(user=username)
        first = self.read(prompt)
        if not self.from_stdin:
            again = self.read(tr(QT_TRANSLATE_NOOP("cli", "The same password again: ")))
            if again != first:
                raise FieldError(
                    "password", QT_TRANSLATE_NOOP("errors", "The two passwords differ.")
                )
        return first


def _acting(anonymous: object, args: argparse.Namespace, secrets: Secrets) -> Actor:
    users = anonymous.users  # type: ignore[attr-defined]
    if args.acting_user:
        prompt = tr(QT_TRANSLATE_NOOP("cli", "Password for {user}: "))
        secrets.acting = secrets.read(prompt.format(user=args.acting_user))
        return users.login(args.acting_user, secrets.acting)
    actor = users.login_without_password(pc_name())
    if actor is None:
        raise FieldError(
            "user",
            QT_TRANSLATE_NOOP(
                "errors", "Say who acts with --user NAME (an owner); the password is asked."
            ),
        )
    return actor


def _first_owner(anonymous: object, args: argparse.Namespace, secrets: Secrets) -> int:
    if args.role.strip().lower() != Role.OWNER:
        raise FieldError(
            "role",
            QT_TRANSLATE_NOOP(
                "errors",
                "The database has no users yet: the first one is the owner "
                "(retailerp user add NAME --role owner).",
            ),
        )
    password = secrets.new(args.username)
    actor = anonymous.users.create_first_owner(args.username, args.name, password)  # type: ignore[attr-defined]
    print(tr(QT_TRANSLATE_NOOP("cli", "Owner account made:")), actor.username)
    return 0


def _change(services: object, args: argparse.Namespace, secrets: Secrets, actor: Actor) -> int:
    users = services.users  # type: ignore[attr-defined]
    name = args.username
    command = args.user_command
    if command == "add":
        row = users.add(name, args.name, args.role, secrets.new(name.strip().lower()))
        print(tr(QT_TRANSLATE_NOOP("cli", "User added:")), row.username, f"({row.role})")
    elif command == "passwd":
        new = secrets.new(name.strip().lower())
        if name.strip().lower() == actor.username and secrets.acting:
            users.change_password(secrets.acting, new)  # one's own: the current one proves it
        else:
            users.reset_password(name, new)  # the owner's reset
        print(tr(QT_TRANSLATE_NOOP("cli", "Password set:")), name.strip().lower())
    elif command == "end":
        users.end(name)
        print(tr(QT_TRANSLATE_NOOP("cli", "User ended:")), name.strip().lower())
    else:
        users.unlock(name)
        print(tr(QT_TRANSLATE_NOOP("cli", "User unlocked:")), name.strip().lower())
    return 0


def _list(anonymous: object) -> int:
    rows = anonymous.users.users()  # type: ignore[attr-defined]
    if not rows:
        print(tr(QT_TRANSLATE_NOOP("cli", "No users yet: retailerp user add NAME --role owner")))
        return 0
    for row in rows:
        state = i18n.translate("terms", USER_STATE_LABELS[row.state])
        role = i18n.translate("terms", row.role_label)
        print(f"{row.username}\t{row.display_name}\t{role}\t{state}")
    return 0
