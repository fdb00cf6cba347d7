"""The window's warm-up: mappers configured and screens imported off its thread (issue 12).

The window has SQLAlchemy configure the domain mappings off the UI thread once it is idle;
a service called meanwhile on the UI thread must wait for it or find it done, never see
half the classes mapped.  Each run is a fresh interpreter (this one mapped long ago).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database

RACE = """
import json, sys
from retailerp.domain.security import Actor
from retailerp.persistence import mappers
from retailerp.persistence.engine import open_database
from retailerp.services import Page, Services
services = Services.over(open_database(sys.argv[1]), actor=Actor("owner"))
worker = mappers.configure_in_background()
customer = services.customers.create({"code": "C1", "name": "华联"})  # races the worker
found = services.customers.get(customer.id)
worker.join(60)
print(json.dumps({
    "alive": worker.is_alive(),
    "configured": all(m.configured for m in mappers.mapper_registry.mappers),
    "found": [found.code, found.name],
    "listed": [r.code for r in services.customers.page(Page())],
}))
"""


def test_configuring_in_the_background_while_a_service_writes_and_reads(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    db = open_database(path)
    migrate.upgrade(db)
    db.dispose()
    for _ in range(3):  # the thread and the service meet at different moments each run
        done = subprocess.run(
            [sys.executable, "-c", RACE, str(path)],
            capture_output=True, text=True, timeout=300, check=True,
        )  # fmt: skip
        result = json.loads(done.stdout.strip().splitlines()[-1])
        assert result["alive"] is False and result["configured"] is True
        assert result["found"] == ["C1", "华联"]
        path.unlink()
        db = open_database(path)
        migrate.upgrade(db)
        db.dispose()


WARM_UP = """
import gc, json, os, sys
from retailerp import collector
collector.pause()  # as the retailerp command does before it imports the window
from retailerp.domain.security import Actor
from retailerp.persistence.engine import open_database
from retailerp.services import Services
from retailerp.ui.app import application, build_main_window, warm_up
app = application()
db = open_database(sys.argv[1])
window = build_main_window(Services.over(db, actor=Actor("owner")), db.label)
modules = window.screen_modules()
before = [m for m in modules if m in sys.modules]
orm = "retailerp.persistence.unit_of_work"
orm_before = orm in sys.modules
from reportlab.pdfbase import pdfmetrics
from retailerp.printing.styles import FONT
def printing():
    return ["retailerp.printing.delivery_note" in sys.modules,
            FONT in pdfmetrics.getRegisteredFontNames()]
printing_before = printing()
collecting_before = [gc.isenabled(), gc.get_freeze_count()]
warm_up(window).join(120)
print(json.dumps({
    "modules": modules, "before": before, "after": [m for m in modules if m in sys.modules],
    "configured": all(m.configured for m in sys.modules["retailerp.persistence.mappers"]
                      .mapper_registry.mappers),
    "orm": [orm_before, orm in sys.modules],
    "printing": [printing_before, printing()],
    "collector": [collecting_before, [gc.isenabled(), gc.get_freeze_count()]],
}))
"""


def test_the_window_warms_up_the_screens_and_the_mappers_off_its_thread(
    tmp_path: Path,
) -> None:
    """The screens not opened yet are imported, the ORM's unit of work too, the mappings
    configured and printing prepared, by the warm-up thread: none before it, all after it."""
    path = tmp_path / "shop.db"
    db = open_database(path)
    migrate.upgrade(db)
    db.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", WARM_UP, str(path)],
        capture_output=True, text=True, timeout=300, check=True, env=env,
    )  # fmt: skip
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "retailerp.ui.stock.page" in result["modules"]
    assert "retailerp.ui.consignment.page" in result["modules"]
    assert result["before"] == []
    assert result["after"] == result["modules"]
    assert result["configured"] is True
    assert result["orm"] == [False, True]  # the window was built on Core; the warm-up brings it
    # the first preview would import the layouts and read the CJK font: done here instead
    assert result["printing"] == [[False, False], [True, True]]
    # the start ran without the cycle collector; the warm-up froze what it made and resumed
    (enabled_before, frozen_before), (enabled_after, frozen_after) = result["collector"]
    assert (enabled_before, frozen_before) == (False, 0)
    assert enabled_after is True and frozen_after > 10_000
