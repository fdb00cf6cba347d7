"""One warehouse PC starting picking: a separate OS process on the shared database.

Run as ``python picking_worker.py JSON`` with ``target``, ``order_id`` and ``pause``.  With
``pause`` the worker stops right after the picking plan is made (inside the transaction,
before anything is written), prints ``planned`` and waits for a line on stdin; this is the
moment another PC could plan the same bin.  Every worker prints ``started`` just before it
asks for the picking list.  It prints one JSON line: the bins and quantities
of its picking list, or the error.
"""

from __future__ import annotations

import json
import sys
import traceback
from typing import Any

import race  # tests/support: this script's own folder is on sys.path

from retailerp.domain import fulfilment
from retailerp.domain.security import Actor
from retailerp.services import Services


def main() -> None:
    args = json.loads(sys.argv[1])
    target = args["target"]
    db = race.open_target(target)
    if args.get("pause"):
        race.pause_after(fulfilment, "plan_picking", "planned")
    services = Services.over(db, actor=Actor(args["user"]))
    try:
        order = services.orders.get(args["order_id"])
        print("started", flush=True)
        picking = services.orders.start_picking(order.id or 0, order.version)
        result: dict[str, Any] = {
            "lines": [[p.bin_code, f"{p.quantity.normalize():f}"] for p in picking.lines],
            "errors": [],
        }
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        result = {"lines": [], "errors": [traceback.format_exc(limit=4)]}
    finally:
        db.dispose()
    race.finish(result)


if __name__ == "__main__":
    main()
