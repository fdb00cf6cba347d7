"""The ``retailerp`` command: opens the window, or runs a database or demo command.

retailerp                          open the window on the default database
retailerp --database PATH|URL      open another database
retailerp db upgrade|check         migrate / check a database
retailerp db integrity             check the file and every business invariant, in words
retailerp db backup [--to FILE]    verified copy of a SQLite database (default: into this
                                   PC's backup folder, rotated 7 daily / 4 weekly / 12 monthly)
retailerp db backups               list the backups in this PC's backup folder
retailerp db restore FILE          replace the database with a backup
retailerp db migrate-to URL        copy a SQLite database into an empty PostgreSQL database
retailerp db journal-mode wal|delete  change the shared file's journal mode (everyone out)
retailerp demo --database FILE     fill a new database with demo data
retailerp audit verify             check the audit trail's seal (exit 1 when broken)
retailerp audit export --to FILE   the audit trail as a CSV file
retailerp user add|passwd|end|list|unlock  the users who log in (passwords asked, never typed
                                   on the command line; --password-stdin for scripts)

Every failure ends in one line on stderr (in the program's language) and a non-zero exit code:
2 for a refusal or bad input, 3 for an unexpected error (``RETAILERP_DEBUG=1`` shows its
traceback); nothing is half-written.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from retailerp import __version__, collector, i18n
from retailerp.cli_users import add_user_commands, run_user_command
from retailerp.config import LocalSettings, default_database
from retailerp.domain.errors import DomainError
from retailerp.domain.security import NOBODY, Actor, Role
from retailerp.domain.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the demo is imported only when it runs (start-up stays light)
    from retailerp.demo import Made
    from retailerp.persistence.engine import Database

log = logging.getLogger(__name__)

ARGPARSE_MESSAGES = frozenset(
    {
        QT_TRANSLATE_NOOP("cli", "the following arguments are required: %s"),
        QT_TRANSLATE_NOOP("cli", "unrecognized arguments: %s"),
        QT_TRANSLATE_NOOP("cli", "invalid choice: %(value)r (choose from %(choices)s)"),
        QT_TRANSLATE_NOOP("cli", "invalid %(type)s value: %(value)r"),
        QT_TRANSLATE_NOOP("cli", "argument %(argument_name)s: %(message)s"),
        QT_TRANSLATE_NOOP("cli", "expected one argument"),
        QT_TRANSLATE_NOOP("cli", "ambiguous option: %(option)s could match %(matches)s"),
        QT_TRANSLATE_NOOP("cli", "ignored explicit argument %r"),
        QT_TRANSLATE_NOOP("cli", "one of the arguments %s is required"),
    }
)
"""argparse's error templates, translated through the catalogue like our own messages."""

DEMO_MAX = 10_000
DEMO = Actor("demo", Role.OWNER)
CONSOLE = Actor("command line", Role.OWNER)
"""Who acts for the audit commands: whoever may open the file at the console."""
"""Who makes the demo's data: a new file that has no users yet (its first start asks for the
owner's account like any new database)."""


def tr(text: str) -> str:
    """Translate a command-line message marked with ``QT_TRANSLATE_NOOP("cli", …)``."""
    return i18n.translate("cli", text)


def fail(message: str, code: int = 2) -> int:
    """Print one line ``Error: …`` on stderr; returns the exit code."""
    print(tr(QT_TRANSLATE_NOOP("cli", "Error:")), " ".join(message.split()), file=sys.stderr)
    return code


class Parser(argparse.ArgumentParser):
    """An argument parser whose every complaint is one translated line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = tr(QT_TRANSLATE_NOOP("cli", "(see 'retailerp --help')"))
        sys.exit(fail(f"{message} {hint}"))


def _translated_argparse(text: str) -> str:
    return tr(text) if text in ARGPARSE_MESSAGES else text


def count(text: str) -> int:
    """A demo size: a whole number from 1 to 10000."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= DEMO_MAX:
        raise argparse.ArgumentTypeError(
            tr(QT_TRANSLATE_NOOP("cli", "'{value}' is not a whole number from 1 to {most}")).format(
                value=text, most=DEMO_MAX
            )
        )
    return value


def common_options(defaults: bool) -> argparse.ArgumentParser:
    """--database, --journal-mode and --language, accepted before or after the command.

    After the command their default is SUPPRESS, so they only replace what was given before.
    """
    common = Parser(add_help=False)
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
        help="SQLite journal mode of a new file: auto (WAL locally, DELETE on a network "
        "share); an existing file keeps the mode recorded in it (see 'db journal-mode')",
        **default,
    )
    common.add_argument(
        "--language", choices=["en", "zh_CN"], help="language of the program", **default
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    argparse._ = _translated_argparse  # type: ignore[attr-defined] # argparse's gettext hook
    parser = Parser(
        prog="retailerp",
        description="RetailERP: customers, items, stock and sales for a shop or small office. "
        "Without a command, the window opens.",
        parents=[common_options(defaults=True)],
    )
    parser.add_argument("--version", action="version", version=f"RetailERP {__version__}")
    parser.add_argument("--exit-after", type=float, help=argparse.SUPPRESS)
    # with --exit-after: print "idle <time.perf_counter()>" when the window is idle (benchmarks)
    parser.add_argument("--report-idle", action="store_true", help=argparse.SUPPRESS)
    common = [common_options(defaults=False)]
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    db = commands.add_parser("db", help="database upkeep: upgrade, check, backup, restore")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser(
        "upgrade", help="create or migrate the database to this version", parents=common
    )
    db_commands.add_parser("check", help="check integrity, schema and stock ledger", parents=common)
    db_commands.add_parser(
        "integrity",
        help="check the file and the business invariants (ledger = balances, numbers "
        "gapless, red ≤ blue, consignment balances, money, links); exit 1 on problems",
        parents=common,
    )
    backup = db_commands.add_parser(
        "backup",
        help="write a verified copy of a SQLite file (default: into this PC's backup folder)",
        parents=common,
    )
    backup.add_argument("--to", metavar="FILE", type=Path)
    db_commands.add_parser(
        "backups",
        help="list the backups of the database in this PC's backup folder",
        parents=common,
    )
    migrate_to = db_commands.add_parser(
        "migrate-to",
        help="copy the SQLite database into an empty PostgreSQL database and check the copy",
        parents=common,
    )
    migrate_to.add_argument("url", metavar="postgresql+psycopg://user@server/database")
    restore = db_commands.add_parser(
        "restore", help="replace the SQLite file with a backup", parents=common
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    journal = db_commands.add_parser(
        "journal-mode",
        help="change the shared file's journal mode: wal (one PC) or delete (network share); "
        "close RetailERP on every PC first",
        parents=common,
    )
    journal.add_argument("mode", choices=["wal", "delete"])
    printing = commands.add_parser(
        "print", help="render a document (PK…, DN…, IV…, RT…, RI…, CP…) to PDF", parents=common
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
    printing.add_argument(
        "--form",
        default="registration",
        choices=["registration", "disposition"],
        help="for a complaint (CP…): the registration or the after-sales disposition form",
    )
    audit = commands.add_parser("audit", help="the audit trail: verify its seal, export it")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audit_commands.add_parser(
        "verify",
        help="check that no audit entry was edited, deleted or reordered",
        parents=common,
    )
    export = audit_commands.add_parser(
        "export", help="write the audit trail to a CSV or Excel (.xlsx) file", parents=common
    )
    export.add_argument("--to", required=True, metavar="FILE.csv|FILE.xlsx", type=Path)
    add_user_commands(commands, common)
    demo = commands.add_parser(
        "demo", help="fill a new database with bilingual demo data", parents=common
    )
    demo.add_argument("--customers", type=count, default=240)
    demo.add_argument("--items", type=count, default=320)
    return parser


def early_language(argv: Sequence[str] | None, local: LocalSettings) -> str:
    """The language to complain in, known before the arguments are checked."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--language")
    given = pre.parse_known_args(argv)[0].language
    known = {code for code, _name in i18n.available_languages()}
    for candidate in (given, local.language):
        if candidate in known:
            return candidate
    return i18n.system_language()


def main(argv: Sequence[str] | None = None) -> int:
    local = LocalSettings.load()
    i18n.set_language(early_language(argv, local))
    args = build_parser().parse_args(argv)
    journal = args.journal_mode or local.journal_mode or "auto"
    if args.command is None:
        collector.pause()  # the start makes little garbage; the warm-up resumes it
        from retailerp.ui.app import run_gui

        code = run_gui(
            database=args.database or local.database or None,
            journal_mode=journal,
            language=args.language,
            exit_after=args.exit_after,
            report_idle=args.report_idle,
        )
        collector.before_exit()
        return code
    target = args.database or local.database or str(default_database())
    handlers: dict[str, Callable[[argparse.Namespace, str, str], int]] = {
        "upgrade": _db_upgrade,
        "check": _db_check,
        "integrity": _db_integrity,
        "backup": _db_backup,
        "backups": _db_backups,
        "migrate-to": _db_migrate_to,
        "restore": _db_restore,
        "journal-mode": _db_journal_mode,
        "demo": _demo,
        "print": _print,
        "audit verify": _audit_verify,
        "audit export": _audit_export,
        "user": _user,
    }
    if args.command == "db":
        handler = handlers[args.db_command]
    elif args.command == "audit":
        handler = handlers[f"audit {args.audit_command}"]
    else:
        handler = handlers[args.command]
    return run_handler(handler, args, target, journal)


def run_handler(
    handler: Callable[[argparse.Namespace, str, str], int],
    args: argparse.Namespace,
    target: str,
    journal: str,
) -> int:
    """Run a command; whatever goes wrong ends in one line and a non-zero exit code."""
    try:
        return handler(args, target, journal)
    except DomainError as error:
        return fail(error.render(i18n.translate))
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        return fail(f"{error.strerror or error}{where}")
    except KeyboardInterrupt:
        return fail(tr(QT_TRANSLATE_NOOP("cli", "Interrupted; nothing more was done.")), 130)
    except Exception as error:  # noqa: BLE001 - one line for the user
        if os.environ.get("RETAILERP_DEBUG"):
            raise  # the whole traceback, for a bug report
        log.debug("The command failed", exc_info=error)
        text = tr(QT_TRANSLATE_NOOP("cli", "Something went wrong ({kind}: {detail})."))
        return fail(text.format(kind=type(error).__name__, detail=error), 3)


def open_migrated(target: str, journal: str, *, must_exist: bool = False):  # noqa: ANN201
    """Open the database (making the default folder) and bring it to this version."""
    from retailerp.persistence import migrate
    from retailerp.persistence.engine import open_database

    if "://" not in target and target == str(default_database()):
        default_database().parent.mkdir(parents=True, exist_ok=True)
    db = open_database(target, journal_mode=journal, must_exist=must_exist)
    try:
        backup = migrate.upgrade(db, backup_dir=upgrade_backup_folder(db))
    except BaseException:
        db.dispose()
        raise
    if backup:
        print(tr(QT_TRANSLATE_NOOP("cli", "Backup before upgrade:")), backup)
    return db


def _db_upgrade(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence import migrate

    db = open_migrated(target, journal)
    try:
        revision = migrate.current_revision(db)
    finally:
        db.dispose()
    print(tr(QT_TRANSLATE_NOOP("cli", "Database is up to date:")), db.label, revision)
    return 0


def _db_check(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence import health
    from retailerp.persistence.engine import open_database

    db = open_database(target, journal_mode=journal, must_exist=True)
    try:
        problems = health.check(db)
    finally:
        db.dispose()
    for problem in problems:
        print(problem.render(i18n.translate))
    if problems:
        return 1
    print(tr(QT_TRANSLATE_NOOP("cli", "No problems found:")), db.label)
    return 0


def _db_integrity(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence import integrity
    from retailerp.persistence.engine import open_database

    db = open_database(target, journal_mode=journal, must_exist=True)
    try:
        problems = integrity.check(db)
    finally:
        db.dispose()
    for problem in problems:
        print(problem.render(i18n.translate))
    if problems:
        print(
            tr(QT_TRANSLATE_NOOP("cli", "{count} problems found:")).format(count=len(problems)),
            db.label,
        )
        return 1
    print(tr(QT_TRANSLATE_NOOP("cli", "No problems found:")), db.label)
    return 0


def upgrade_backup_folder(db: Database) -> Path | None:
    """Where the copy before a migration goes: the database's folder in this PC's backups."""
    from retailerp.persistence.backup import folder_for

    if db.path is None:
        return None
    return folder_for(LocalSettings.load().backup_root(), db.path)


def _db_backup(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.backup import automatic_backup, backup, postgres_refusal
    from retailerp.persistence.engine import open_database, resolve_url

    if resolve_url(target).get_backend_name() != "sqlite":
        raise postgres_refusal()  # the server's pg_dump, said before connecting
    db = open_database(target, journal_mode=journal, must_exist=True)
    try:
        if args.to is not None:
            written = backup(db, args.to)
        else:
            written = automatic_backup(db, LocalSettings.load().backup_root()).path
    finally:
        db.dispose()
    print(tr(QT_TRANSLATE_NOOP("cli", "Backup written and checked:")), written)
    return 0


def _db_backups(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.backup import BEFORE_UPGRADE, database_backups, postgres_refusal
    from retailerp.persistence.engine import resolve_url

    url = resolve_url(target)
    if url.get_backend_name() != "sqlite":
        raise postgres_refusal()
    root = LocalSettings.load().backup_root()
    found = database_backups(root, Path(url.database or ""))
    if not found:
        print(
            tr(QT_TRANSLATE_NOOP("cli", "No backups of {database} in {folder} yet.")).format(
                database=url.database, folder=root
            )
        )
        return 0
    before = tr(QT_TRANSLATE_NOOP("cli", "before an upgrade"))
    for item in found:
        kind = f"  ({before})" if item.kind == BEFORE_UPGRADE else ""
        print(f"{item.made:%Y-%m-%d %H:%M:%S}  {item.size / 1_000_000:8.1f} MB  {item.path}{kind}")
    return 0


def _db_migrate_to(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.migrate_to import migrate_to

    shown: set[str] = set()

    def say(table: str, done: int, total: int) -> None:
        if done == total and table not in shown:
            shown.add(table)
            line = tr(QT_TRANSLATE_NOOP("cli", "Copied {table}: {rows} rows"))
            print(line.format(table=table, rows=f"{total:,}"), flush=True)
        elif done and done % 50_000 == 0:
            line = tr(QT_TRANSLATE_NOOP("cli", "Copying {table}: {done} of {rows} rows…"))
            print(line.format(table=table, done=f"{done:,}", rows=f"{total:,}"), flush=True)

    from retailerp.persistence.backup import in_use
    from retailerp.persistence.engine import resolve_url

    source = resolve_url(target)
    if source.get_backend_name() == "sqlite" and in_use(Path(source.database or "")):
        print(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Warning: another PC (or program) has the database open. What it saves "
                    "from now on will not be in the copy; close RetailERP everywhere first.",
                )
            ),
            file=sys.stderr,
        )
    outcome = migrate_to(target, args.url, say)
    for line in migrate_report(outcome, args.url):
        print(line)
    return 0


def migrate_report(outcome: object, url: str) -> list[str]:
    """The checked copy in words."""
    from sqlalchemy.engine import make_url

    from retailerp.persistence.migrate_to import Outcome

    assert isinstance(outcome, Outcome)
    shown_url = make_url(url).render_as_string(hide_password=True)
    money = ", ".join(
        f"{i18n.translate('terms', words)} {amount.amount:,.2f}"
        for words, amount in outcome.money.items()
    )
    texts = (
        tr(QT_TRANSLATE_NOOP("cli", "Copied {rows} rows of {tables} tables into {database}.")),
        tr(
            QT_TRANSLATE_NOOP("cli", "Checked: every table has as many rows as in the SQLite file.")
        ),
        tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "Checked: the stock of every item at each of its {places} places is the same.",
            )
        ),
        tr(QT_TRANSLATE_NOOP("cli", "Checked: the money totals are the same ({money}).")),
        tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "{sequences} id counters continue after the highest id; document numbers continue "
                "where the SQLite database left off.",
            )
        ),
        tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "Now point every PC at the server: start RetailERP with --database {database}, "
                "or enter it under Settings, Database. Keep the SQLite file as it is, as a last "
                "backup.",
            )
        ),
    )
    values = {
        "rows": f"{sum(outcome.rows.values()):,}",
        "tables": len(outcome.rows),
        "database": shown_url,
        "places": f"{outcome.stock_places:,}",
        "money": money,
        "sequences": outcome.sequences,
    }
    return [line.format(**values) for line in texts]


def _db_restore(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.backup import restore
    from retailerp.persistence.engine import resolve_url

    url = resolve_url(target)
    if url.get_backend_name() != "sqlite":
        return fail(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "Restore a PostgreSQL database with the server's tools (pg_restore)."
                )
            )
        )
    kept = restore(args.file, Path(url.database or ""), journal)
    if kept:
        print(tr(QT_TRANSLATE_NOOP("cli", "The replaced database was kept as:")), kept)
    print(tr(QT_TRANSLATE_NOOP("cli", "Restored:")), url.database)
    return 0


def _db_journal_mode(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.journal import change_mode

    before = change_mode(target, args.mode)
    done = tr(QT_TRANSLATE_NOOP("cli", "The database now uses {mode} mode (it was in {before})."))
    print(done.format(mode=args.mode.upper(), before=before.upper()))
    if args.mode == "wal":
        print(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Only programs on this computer can use it now; PCs that reach it over the "
                    "network will refuse to open it.",
                )
            )
        )
    if journal != "auto" and journal != args.mode:
        print(
            tr(QT_TRANSLATE_NOOP("cli", "Set the journal mode in this PC's settings to Automatic."))
        )
    return 0


def _user(args: argparse.Namespace, target: str, journal: str) -> int:
    must_exist = args.user_command != "add"
    return run_user_command(args, lambda: open_migrated(target, journal, must_exist=must_exist))


def _print(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.engine import open_database
    from retailerp.persistence.migrate import require_current
    from retailerp.services import Services

    db = open_database(target, journal_mode=journal, must_exist=True)
    try:
        require_current(db)
        number = args.number + ("/D" if args.form == "disposition" else "")
        pdf = Services.over(db, actor=NOBODY).printing.pdf(  # printing is a read
            number, args.paper, args.copies, i18n.current_language()
        )
    finally:
        db.dispose()
    try:
        write_whole(args.output, pdf)
    except OSError as error:
        return fail(f"{tr(QT_TRANSLATE_NOOP('cli', 'Cannot write the PDF:'))} {error}")
    print(tr(QT_TRANSLATE_NOOP("cli", "Written:")), args.output)
    return 0


def _audit_verify(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.engine import open_database
    from retailerp.persistence.migrate import require_current
    from retailerp.services import Services

    db = open_database(target, journal_mode=journal, must_exist=True)
    try:
        require_current(db)
        result = Services.over(db, actor=CONSOLE).audit.verify()
    finally:
        db.dispose()
    for finding in result.findings:
        print(finding.render(i18n.translate))
    if not result.ok:
        text = tr(
            QT_TRANSLATE_NOOP(
                "cli", "The audit trail was tampered with: {n} problem(s) in {checked} entries."
            )
        )
        print(text.format(n=len(result.findings), checked=result.checked))
        return 1
    text = tr(QT_TRANSLATE_NOOP("cli", "Audit trail OK: {checked} entries, none changed."))
    print(text.format(checked=result.checked), db.label)
    return 0


def _audit_export(args: argparse.Namespace, target: str, journal: str) -> int:
    from retailerp.persistence.engine import open_database
    from retailerp.persistence.migrate import require_current
    from retailerp.services import Services

    db = open_database(target, journal_mode=journal, must_exist=True)
    try:
        require_current(db)
        written = Services.over(db, actor=CONSOLE).audit.export(args.to)
    finally:
        db.dispose()
    print(tr(QT_TRANSLATE_NOOP("cli", "{n} audit entries written to {file}.")).format(
        n=written, file=args.to
    ))
    return 0


def write_whole(path: Path, data: bytes) -> None:
    """Write a file completely or not at all (a temporary file renamed into place); a pipe
    or device (``-o /dev/stdout``) is written to directly, never replaced."""
    if path.exists() and not path.is_file():
        path.write_bytes(data)
        return
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _demo(args: argparse.Namespace, target: str, journal: str) -> int:
    """Build the demo in a file beside the target and move it into place only when complete."""
    from retailerp.persistence.engine import check_sqlite_path, resolve_url

    url = resolve_url(target)
    if url.get_backend_name() != "sqlite":
        return fail(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "The demo makes a new SQLite file; give a file with --database."
                )
            )
        )
    path = Path(url.database or "")
    if target == str(default_database()):
        path.parent.mkdir(parents=True, exist_ok=True)
    check_sqlite_path(path, must_exist=False)
    mode = _demo_target_mode(path, journal)
    if mode is None:
        return fail(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "The database already has data; the demo fills only a new database."
                )
            )
        )
    partial = path.with_name(path.name + ".demo-partial")
    try:
        made = _fill_demo(partial, mode, args)
        _remove_sidecars(path)
        os.replace(partial, path)
    except BaseException:
        _remove_sidecars(partial)
        partial.unlink(missing_ok=True)
        raise
    from retailerp import demo

    print(demo.summary(made))
    return 0


def _demo_target_mode(path: Path, journal: str) -> str | None:
    """The journal mode for the demo file, or None when the target already holds data."""
    from retailerp.persistence import journal as journal_mode
    from retailerp.services import Page, Services

    if journal_mode.is_empty(path):
        return journal
    db = open_migrated(str(path), journal)
    try:
        services = Services.over(db, actor=NOBODY)
        if services.customers.page(Page(limit=1)) or services.items.page(Page(limit=1)):
            return None
        return db.journal_mode
    finally:
        db.dispose()


def _fill_demo(partial: Path, mode: str, args: argparse.Namespace) -> Made:
    from retailerp import demo
    from retailerp.services import Services

    _remove_sidecars(partial)
    partial.unlink(missing_ok=True)  # a leftover of an interrupted run
    db = open_migrated(str(partial), mode)
    try:
        size = demo.DemoSize(customers=args.customers, items=args.items)
        return demo.fill(
            Services.over(db, actor=DEMO),
            size,
            progress=lambda step: print(tr(QT_TRANSLATE_NOOP("cli", "Demo:")), step),
        )
    finally:
        db.dispose()  # the last connection closing folds the WAL into the file


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
