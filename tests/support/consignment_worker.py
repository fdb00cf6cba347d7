"""One PC posting a consignment issue: a separate OS process on the shared database.

Run as ``python consignment_worker.py JSON`` with ``target``, ``document_id``, ``user`` and
``pause``.  With ``pause`` the worker stops right after it has checked the issue against what
is at the customer (inside the transaction, before any move is written), prints ``checked``
and waits for a line on stdin.  Every worker prints ``started`` just before it posts, and at
the end one JSON line: ``posted`` true, or the refusal's text.
"""

from __future__ import annotations

import json
import sys
import traceback
from typing import Any

import race  # tests/support: this script's own folder is on sys.path

from retailerp.domain import consignment
from retailerp.domain.errors import DomainError
from retailerp.domain.security import Actor
from retailerp.services import Services


def main() -> None:
    args = json.loads(sys.argv[1])
    target = args["target"]
    db = race.open_target(target)
    if args.get("pause"):
        race.pause_after(consignment, "assign_lots", "checked")
    services = Services.over(db, actor=Actor(args["user"]))
    result: dict[str, Any] = {"posted": False, "refused": "", "errors": []}
    try:
        document = services.consignment.get(args["document_id"])
        print("started", flush=True)
        services.consignment.post_issue(document.id or 0, document.version)
        result["posted"] = True
    except DomainError as error:
        result["refused"] = error.render()
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        result["errors"] = [traceback.format_exc(limit=4)]
    finally:
        db.dispose()
    race.finish(result)


if __name__ == "__main__":
    main()
