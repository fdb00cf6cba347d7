"""The mappers configured on a thread of their own while the first query runs (issue 12).

The window has SQLAlchemy configure the domain mappings off the UI thread once it is idle;
a service called meanwhile on the UI thread must wait for it or find it done, never see
half the classes mapped.  Each run is a fresh interpreter (this one mapped long ago).
"""

from __future__ import annotations

import json
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
