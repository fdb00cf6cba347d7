"""Start-up does not import what only printing, exporting or signing in needs (issue 12).

ReportLab, openpyxl, pypdfium2 and argon2 are imported on the first print, export, preview
or password check.  Each check runs in a fresh interpreter: this process has long imported
them all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.printing import CONSIGNMENT_KINDS, LAYOUT_MODULES, renderer_for

HEAVY = ("reportlab", "openpyxl", "pypdfium2", "argon2")

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
               RETAILERP_CONFIG_DIR=str(tmp_path / "config"))  # fmt: skip
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
