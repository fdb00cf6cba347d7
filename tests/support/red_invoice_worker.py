"""One finance PC drafting a red invoice: a separate OS process on the shared database.

Run as ``python red_invoice_worker.py JSON`` with ``target``, ``invoice_id``, ``line_id``,
``net`` and ``pause``.  With ``pause`` the worker stops right after the red lines were
checked against what is credited already (inside the transaction, before anything is
written), prints ``checked`` and waits for a line on stdin: the moment another PC could
credit the same blue invoice.  Every worker prints ``started`` just before it asks.  It
prints one JSON line: the red invoice's number, or the refusal.
"""

from __future__ import annotations

import json
import sys
import traceback
from typing import Any

import race  # tests/support: this script's own folder is on sys.path

from retailerp.domain import red_invoices
from retailerp.domain.errors import DomainError
from retailerp.domain.security import Actor, Role
from retailerp.services import Services


def main() -> None:
    args = json.loads(sys.argv[1])
    target = args["target"]
    db = race.open_target(target)
    if args.get("pause"):
        race.pause_after(red_invoices, "credit_lines", "checked")
    services = Services.over(db, actor=Actor(args["user"], Role.FINANCE))
    result: dict[str, Any] = {"number": "", "refused": "", "errors": []}
    try:
        print("started", flush=True)
        lines = [{"invoice_line_id": args["line_id"], "net": args["net"]}]
        result["number"] = services.red_invoices.create(
            args["invoice_id"], "allowance", lines
        ).number
    except DomainError as refusal:
        result["refused"] = str(refusal)
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        result["errors"] = [traceback.format_exc(limit=4)]
    finally:
        db.dispose()
    race.finish(result)


if __name__ == "__main__":
    main()
