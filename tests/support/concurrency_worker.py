"""One "PC" of the concurrency tests: a separate OS process writing the shared database.

Run as ``python concurrency_worker.py TASK JSON``.  The worker opens the database, does its
preparation, prints ``ready``, waits for a line on stdin (so that all workers start at
once), does the task and prints one JSON line with what happened.  Every exception is caught
and reported in that line (``errors``), never lost in a traceback.

Tasks:
- ``receive``: post ``count`` goods receipts of ``quantity`` of ``item_id`` into ``WH``.
- ``take``: in one transaction read what ``WH`` holds, wait ``pause`` seconds, then post a
  move of ``quantity`` from ``WH`` to ``CUSTOMERS`` with the conditional balance decrement.
- ``edit``: load customer ``customer_id`` before the start signal, then save it renamed.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from datetime import date
from decimal import Decimal
from typing import Any

from retailerp.domain.errors import InsufficientStockError, StaleRecordError
from retailerp.domain.numbering import DocumentType
from retailerp.domain.security import Actor
from retailerp.domain.stock import CUSTOMERS, MAIN_WAREHOUSE, StockMove
from retailerp.persistence.engine import Database, open_database
from retailerp.persistence.unit_of_work import UnitOfWork, now, write
from retailerp.services import Services

TODAY = date(2026, 3, 16)


def open_target(args: dict[str, Any]) -> Database:
    target = args["target"]
    if "://" in target:
        return open_database(target)
    return open_database(target, journal_mode=args.get("journal_mode", "delete"))


def wait_for_start() -> None:
    print("ready", flush=True)
    sys.stdin.readline()


def receive(db: Database, args: dict[str, Any]) -> dict[str, Any]:
    services = Services.over(db, actor=Actor(args["user"]), today=lambda: TODAY)
    wh = next(loc.id for loc in services.stock.locations() if loc.code == MAIN_WAREHOUSE)
    line = [{"item_id": args["item_id"], "quantity": args["quantity"]}]
    wait_for_start()
    numbers, errors = [], []
    for _ in range(args["count"]):
        try:
            numbers.append(services.stock.receive(wh, line).number)
        except Exception:  # noqa: BLE001 - reported to the test, which fails on it
            errors.append(traceback.format_exc(limit=3))
    return {"numbers": numbers, "errors": errors}


def take(db: Database, args: dict[str, Any]) -> dict[str, Any]:
    quantity = Decimal(args["quantity"])
    seen: list[str] = []

    def work(uow: UnitOfWork) -> str:
        wh = uow.locations.require(MAIN_WAREHOUSE)
        sold = uow.locations.require(CUSTOMERS)
        seen.append(str(uow.stock.quantity(args["item_id"], wh.id or 0)))  # looks enough …
        time.sleep(args["pause"])  # … while the other PC takes the same units
        number = uow.documents.next_number(DocumentType.GOODS_RECEIPT, TODAY.year)
        move = StockMove(
            item_id=args["item_id"], quantity=quantity, from_location_id=wh.id or 0,
            to_location_id=sold.id or 0, doc_type="GR", doc_number=number,
            user=args["user"], at=now(),
        )  # fmt: skip
        uow.stock.post([move], allow_negative_stock=False)
        return number

    wait_for_start()
    try:
        number = write(db, work)
    except InsufficientStockError as error:
        return {"outcome": "insufficient", "message": str(error), "seen": seen, "errors": []}
    except Exception:  # noqa: BLE001
        return {"outcome": "error", "seen": seen, "errors": [traceback.format_exc(limit=3)]}
    return {"outcome": "ok", "number": number, "seen": seen, "errors": []}


def edit(db: Database, args: dict[str, Any]) -> dict[str, Any]:
    services = Services.over(db, actor=Actor(args["user"]), today=lambda: TODAY)
    opened = services.customers.get(args["customer_id"])
    wait_for_start()
    try:
        saved = services.customers.update(
            opened.id or 0, opened.version, {"code": opened.code, "name": args["name"]}
        )
    except StaleRecordError as error:
        return {"outcome": "stale", "message": str(error), "errors": []}
    except Exception:  # noqa: BLE001
        return {"outcome": "error", "errors": [traceback.format_exc(limit=3)]}
    return {"outcome": "ok", "version": saved.version, "errors": []}


TASKS = {"receive": receive, "take": take, "edit": edit}


def main() -> None:
    task, args = sys.argv[1], json.loads(sys.argv[2])
    db = open_target(args)
    try:
        result = TASKS[task](db, args)
        result["journal_mode"] = db.journal_mode
    finally:
        db.dispose()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
