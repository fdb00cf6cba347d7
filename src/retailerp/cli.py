"""The ``retailerp`` command: opens the window, or runs a database or demo command.

retailerp                          open the window on the default database
retailerp --database PATH|URL      open another database
retailerp db upgrade|check         migrate / check a database
retailerp db backup --to FILE      consistent copy of a SQLite database
retailerp db restore FILE          replace the database with a backup
retailerp demo --database FILE     fill a new database with demo data
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from retailerp import __version__, i18n
from retailerp.config import LocalSettings, default_database
from retailerp.domain.errors import DomainError
from retailerp.domain.text import QT_TRANSLATE_NOOP


def tr(text: str) -> str:
    """Translate a command-line message marked with ``QT_TRANSLATE_NOOP("cli", …)``."""
    return i18n.translate("cli", text)


def common_options(defaults: bool) -> argparse.ArgumentParser:
    """--database, --journal-mode and --language, accepted before or after the command.

    After the command their default is SUPPRESS, so they only replace what was given before.
    """
    common = argparse.ArgumentParser(add_help=False)
    default = {} if defaults else {"default": argparse.SUPPRESS}
    common.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        help="SQLite file or postgresql+psycopg://user@host/db (default: the file in your "
        f"data folder, now {default_database()})",
        **default,
    )
    common.add_argument(
        "--journal-mode",
        choices=["auto", "wal", "delete"],
        help="SQLite journal: auto (WAL locally, DELETE on a network share)",
        **default,
    )
    common.add_argument(
        "--language", choices=["en", "zh_CN"], help="language of the program", **default
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="retailerp",
        description="RetailERP: customers, items, stock and sales for a shop or small office. "
        "Without a command, the window opens.",
        parents=[common_options(defaults=True)],
    )
    parser.add_argument("--version", action="version", version=f"RetailERP {__version__}")
    parser.add_argument("--exit-after", type=float, help=argparse.SUPPRESS)
    common = [common_options(defaults=False)]
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    db = commands.add_parser("db", help="database upkeep: upgrade, check, backup, restore")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser(
        "upgrade", help="create or migrate the database to this version", parents=common
    )
    db_commands.add_parser("check", help="check integrity, schema and stock ledger", parents=common)
    backup = db_commands.add_parser(
        "backup", help="write a consistent copy of a SQLite file", parents=common
    )
    backup.add_argument("--to", required=True, metavar="FILE", type=Path)
    restore = db_commands.add_parser(
        "restore", help="replace the SQLite file with a backup", parents=common
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    printing = commands.add_parser(
        "print", help="render a document (PK…, DN…, IV…) to PDF", parents=common
    )
    printing.add_argument("number", help="the document number, e.g. DN2026-000001")
    printing.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    printing.add_argument("--paper", default="A4", choices=["A4", "A5", "241x140", "241x93"])
    printing.add_argument(
        "--copies",
        type=int,
        default=1,
        choices=[1, 2, 3],
        help="parts of a multi-part form (2: stub/customer, 3: + return)",
    )
    demo = commands.add_parser(
        "demo", help="fill a new database with bilingual demo data", parents=common
    )
    demo.add_argument("--customers", type=int, default=240)
    demo.add_argument("--items", type=int, default=320)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    local = LocalSettings.load()
    i18n.set_language(args.language or local.language or i18n.system_language())
    journal = args.journal_mode or local.journal_mode or "auto"
    if args.command is None:
        from retailerp.ui.app import run_gui

        return run_gui(
            database=args.database or local.database or None,
            journal_mode=journal,
            language=args.language,
            exit_after=args.exit_after,
        )
    target = args.database or local.database or str(default_database())
    handlers: dict[str, Callable[[argparse.Namespace, str, str], int]] = {
        "upgrade": _db_upgrade,
        "check": _db_check,
        "backup": _db_backup,
        "restore": _db_restore,
        "demo": _demo,
        "print": _print,
    }
    handler = handlers[args.db_command if args.command == "db" else args.command]
    try:
        return handler(args, target, journal)
    except DomainError as error:
        print(tr(QT_TRANSLATE_NOOP("cli", "Error:")), error.render(i18n.translate), file=sys.stderr)
        return 2


def open_migrated(target: str, journal: str, *, must_exist: bool = False):  # noqa: ANN201
    """Open the database (making the default folder) and bring it to this version."""
    from retailerp.persistence import migrate
    from retailerp.persistence.engine import open_database

    if "://" not in target and target == str(default_database()):
        default_database().parent.mkdir(parents=True, exist_ok=True)
    db = open_database(target, journal_mode=journal, must_exist=must_exist)
    backup = migrate.upgrade(db)
    if backup:
        print(tr(QT_TRANSLATE_NOOP("cli", "Backup before upgrade:")), backup)
    return db


def _db_upgrade(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence import migrate

    db = open_migrated(target, journal)
    print(
        tr(QT_TRANSLATE_NOOP("cli", "Database is up to date:")),
        db.label,
        migrate.current_revision(db),
    )
    return 0


def _db_check(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence import health
    from retailerp.persistence.engine import open_database

    db = open_database(target, journal_mode=journal, must_exist=True)
    problems = health.check(db)
    for problem in problems:
        print(problem.render(i18n.translate))
    if problems:
        return 1
    print(tr(QT_TRANSLATE_NOOP("cli", "No problems found:")), db.label)
    return 0


def _db_backup(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.backup import backup
    from retailerp.persistence.engine import open_database

    db = open_database(target, journal_mode=journal, must_exist=True)
    print(tr(QT_TRANSLATE_NOOP("cli", "Backup written:")), backup(db, args.to))
    return 0


def _db_restore(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.backup import restore
    from retailerp.persistence.engine import resolve_url

    url = resolve_url(target)
    if url.get_backend_name() != "sqlite":
        print(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "Restore a PostgreSQL database with the server's tools (pg_restore)."
                )
            ),
            file=sys.stderr,
        )
        return 2
    kept = restore(args.file, Path(url.database or ""))
    if kept:
        print(tr(QT_TRANSLATE_NOOP("cli", "The replaced database was kept as:")), kept)
    print(tr(QT_TRANSLATE_NOOP("cli", "Restored:")), url.database)
    return 0


def _print(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.engine import open_database
    from retailerp.services import Services

    services = Services.over(open_database(target, journal_mode=journal, must_exist=True))
    pdf = services.printing.pdf(args.number, args.paper, args.copies, i18n.current_language())
    try:
        args.output.write_bytes(pdf)
    except OSError as error:
        print(tr(QT_TRANSLATE_NOOP("cli", "Cannot write the PDF:")), error, file=sys.stderr)
        return 2
    print(tr(QT_TRANSLATE_NOOP("cli", "Written:")), args.output)
    return 0


def _demo(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp import demo
    from retailerp.services import Page, Services

    services = Services.over(open_migrated(target, journal))
    if services.customers.page(Page(limit=1)) or services.items.page(Page(limit=1)):
        print(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "The database already has data; the demo fills only a new database."
                )
            ),
            file=sys.stderr,
        )
        return 2
    size = demo.DemoSize(customers=args.customers, items=args.items)
    made = demo.fill(
        services, size, progress=lambda step: print(tr(QT_TRANSLATE_NOOP("cli", "Demo:")), step)
    )
    print(demo.summary(made))
    return 0


if __name__ == "__main__":
    sys.exit(main())
