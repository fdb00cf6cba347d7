"""One bookkeeper's PC applying a customer's money on account: a separate OS process.

Run as ``python money_worker.py JSON`` with ``target``, ``customer_id``, ``user`` and
``pause``.  With ``pause`` the worker stops right after the money is applied (inside the
transaction, before it commits), prints ``applied`` and waits for a line on stdin: the moment
another PC could apply the same money.  Every worker prints ``started`` just before it asks.
It prints one JSON line: the invoices that received money, or the error.
"""

from __future__ import annotations

import json
import sys
import traceback
from typing import Any

import race  # tests/support: this script's own folder is on sys.path

from retailerp.domain import invoicing
from retailerp.domain.security import Actor
from retailerp.services import Services


def main() -> None:
    args = json.loads(sys.argv[1])
    target = args["target"]
    db = race.open_target(target)
    if args.get("pause"):
        race.pause_after(invoicing, "apply_money", "applied")
    services = Services.over(db, actor=Actor(args["user"]))
    try:
        print("started", flush=True)
        paid = services.invoices.apply_credit(args["customer_id"])
        result: dict[str, Any] = {"paid": [i.number for i in paid], "errors": []}
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        result = {"paid": [], "errors": [traceback.format_exc(limit=4)]}
    finally:
        db.dispose()
    race.finish(result)


if __name__ == "__main__":
    main()
