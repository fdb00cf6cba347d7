"""Start-up does not import what only printing, exporting or signing in needs (issue 12).

ReportLab, openpyxl, pypdfium2 and argon2 are imported on the first print, export, preview
or password check; alembic only when a migration is due; a module's screen and a service's
module when they are first used.  Each check runs in a fresh interpreter: this process has
long imported them all.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from retailerp.domain.security import NOBODY
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.printing import CONSIGNMENT_KINDS, LAYOUT_MODULES, renderer_for
from retailerp.services import ServiceContext, Services

HEAVY = ("reportlab", "openpyxl", "pypdfium2", "argon2")
PC = "till-1"
"""The PC the fresh interpreters run as (the owner's shop below starts on it without a login)."""

NOT_AT_START = (
    *HEAVY,
    "alembic",
    "sqlalchemy.orm",
    "sqlalchemy.dialects.postgresql",
    "retailerp.domain.consignment",
    "retailerp.domain.exchanges",
    "retailerp.domain.invoicing",
    "retailerp.domain.red_invoices",
    "retailerp.domain.returns",
    "retailerp.persistence.unit_of_work",
    "retailerp.persistence.mappers",
    "retailerp.persistence.repositories",
    "retailerp.persistence.stock_queries",
    "retailerp.printing.export",
    "retailerp.services.sales",
    "retailerp.services.complaints",
    "retailerp.ui.customers.list_page",
    "retailerp.ui.sales.orders_page",
    "retailerp.ui.stock.page",
    "retailerp.ui.audit.page",
    "retailerp.ui.settings_dialog",
)
"""What the main window does not need until the user prints, upgrades or opens a module: the
start (login, its audit entry, the office, the audit check, the home counts, the backups)
runs on SQLAlchemy Core; the ORM and the mappings come with the warm-up or the first screen."""

START_AND_REPORT = """
import json, sys
from retailerp.ui.app import run_gui
code = run_gui(sys.argv[1], language="en", exit_after=0.2)
print(json.dumps({"code": code, "loaded": [m for m in sys.argv[2:] if m in sys.modules]}))
"""

PRINT_AND_REPORT = """
import json, sys
from retailerp.printing import A4, PrintDocument, render
from retailerp.printing.model import Party
before = "reportlab" in sys.modules
from datetime import date
doc = PrintDocument(kind="delivery_note", number="DN2026-000001", doc_date=date(2026, 12, 2),
                    company=Party(name="Shop"), customer=Party(name="Customer"), lines=[])
pdf = render(doc, preset=A4)
print(json.dumps({"before": before, "after": "reportlab" in sys.modules,
                  "pdf": pdf.startswith(b"%PDF")}))
"""


def _run(script: str, *args: str, tmp_path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               RETAILERP_DATA_DIR=str(tmp_path / "data"),
               RETAILERP_CONFIG_DIR=str(tmp_path / "config"),
               RETAILERP_PC_NAME=PC)  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True, text=True, env=env, timeout=300, check=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_main_window_starts_without_reportlab_openpyxl_pypdfium2_or_argon2(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shop.db"
    db = open_database(path)
    migrate.upgrade(db)
    db.dispose()

    report = _run(START_AND_REPORT, str(path), *HEAVY, tmp_path=tmp_path)

    assert report == {"code": 0, "loaded": []}


def test_printing_imports_reportlab_when_it_prints(tmp_path: Path) -> None:
    report = _run(PRINT_AND_REPORT, tmp_path=tmp_path)

    assert report == {"before": False, "after": True, "pdf": True}


def test_every_consignment_layout_has_a_renderer() -> None:
    from retailerp.printing import consignment

    assert set(CONSIGNMENT_KINDS) == set(consignment.KINDS)
    for kind in LAYOUT_MODULES:
        assert renderer_for(kind) is not None, kind
    assert renderer_for("no_such_document") is None


KNOWN_AND_REPORT = """
import json, sys
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
db = open_database(sys.argv[1])
revision = migrate.require_known(db)  # what the daily backup asks on every start
print(json.dumps({"revision": revision, "alembic": "alembic" in sys.modules}))
"""


def test_a_database_at_the_head_is_known_without_alembic(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    db = open_database(path)
    migrate.upgrade(db)
    head = migrate.head_revision()
    db.dispose()

    report = _run(KNOWN_AND_REPORT, str(path), tmp_path=tmp_path)

    assert report == {"revision": head, "alembic": False}


OWNER_START_AND_REPORT = """
import json, sys
from retailerp.ui.app import run_gui
code = run_gui(sys.argv[1], language="en", exit_after=0.2)
print(json.dumps({"code": code, "loaded": [m for m in sys.argv[2:] if m in sys.modules]}))
"""


def _shop_with_owner(tmp_path: Path) -> Path:
    """A shop at the head whose owner starts on :data:`PC` without a login."""
    path = tmp_path / "shop.db"
    db = open_database(path)
    migrate.upgrade(db)
    door = Services.over(db, actor=NOBODY)
    door.users.create_first_owner("owner", "Owner", "start-pass-1", pc=PC)
    db.dispose()
    return path


def _logins(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT count(*) FROM audit_log WHERE action = 'login'").fetchone()[0]


def test_the_owners_window_starts_and_closes_without_alembic_or_the_unopened_screens(
    tmp_path: Path,
) -> None:
    path = _shop_with_owner(tmp_path)

    report = _run(OWNER_START_AND_REPORT, str(path), *NOT_AT_START, tmp_path=tmp_path)

    assert report == {"code": 0, "loaded": []}
    assert _logins(path) == 1  # the main window was built (its start audits the login)
    backups = list((tmp_path / "data").rglob("shop-*.db"))
    assert backups, "the daily backup and the one on closing checked the copy (no alembic)"


def test_services_are_made_on_first_use_once_each() -> None:
    services = Services(ServiceContext(None, NOBODY))  # type: ignore[arg-type]

    assert "orders" not in vars(services)
    assert services.orders is services.orders
    assert type(services.orders).__name__ == "OrderService"
    assert {"customers", "orders", "home", "audit", "office", "users"} <= set(Services.names())
    assert len(Services.names()) == 19


def test_the_partial_indexes_are_partial_on_postgresql_once_it_is_opened() -> None:
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex

    from retailerp.persistence import tables

    tables.partial_indexes_on_postgresql()
    tables.partial_indexes_on_postgresql()  # a second PostgreSQL database: the same clauses
    index = next(i for i in tables.items.indexes if i.name == "uq_items_barcode")

    ddl = str(CreateIndex(index).compile(dialect=postgresql.dialect()))

    assert ddl.endswith("WHERE barcode <> ''")
