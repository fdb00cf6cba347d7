"""One "PC" writing audit entries at the same time as another (a separate OS process).

Run as ``python audit_worker.py TARGET PC COUNT``: opens the database as PC ``PC``, prints
``ready``, waits for a line on stdin, then creates ``COUNT`` customers (each one audit entry,
in its own transaction) and prints one JSON line: the codes made and any errors.
"""

from __future__ import annotations

import json
import os
import sys
import traceback

from retailerp.domain.security import Actor
from retailerp.persistence.engine import open_database
from retailerp.services import Services

OWNER = Actor("owner")


def main() -> None:
    target, pc, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.environ["RETAILERP_PC"] = pc
    db = open_database(target) if "://" in target else open_database(target, journal_mode="delete")
    services = Services.over(db, actor=OWNER)
    print("ready", flush=True)
    sys.stdin.readline()
    made, errors = [], []
    for n in range(count):
        code = f"{pc}-{n:03d}"
        try:
            services.customers.create({"code": code, "name": f"Customer {code}"})
            made.append(code)
        except Exception:  # noqa: BLE001 - reported to the test, which fails on it
            errors.append(traceback.format_exc(limit=3))
    db.dispose()
    print(json.dumps({"made": made, "errors": errors}), flush=True)


if __name__ == "__main__":
    main()
