"""One PC of the concurrency proof: postings of every kind on the shared database.

Run as ``python posting_worker.py JSON`` with ``target``, ``ids`` (``postings.ShopIds``),
``count``, ``seed`` and ``user``.  The worker opens the database, prints ``ready``, waits for
a line on stdin (so that every PC starts at once), then makes ``count`` postings, cycling
through ``postings.POSTINGS`` from a place its seed chooses.  It prints one JSON line:
``results`` (kind, ``ok`` or ``refused``, the numbers posted or the refusal's message) and
``errors`` (anything that was neither: a raw Python error, a traceback).
"""

from __future__ import annotations

import json
import random
import sys
import traceback
from typing import Any

import postings  # tests/support: this script's own folder is on sys.path
import race

from retailerp.domain.errors import DomainError


def main() -> None:
    args = json.loads(sys.argv[1])
    db = race.open_target(args["target"])
    services = postings.services_as(db, args["user"])
    ids = postings.ShopIds(**args["ids"])
    rng = random.Random(args["seed"])
    kinds = list(postings.POSTINGS)
    results: list[dict[str, Any]] = []
    errors: list[str] = []
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        for n in range(args["count"]):
            kind = kinds[(n + args["seed"]) % len(kinds)]
            try:
                numbers = postings.POSTINGS[kind](services, ids, rng)
            except DomainError as refusal:
                results.append({"kind": kind, "outcome": "refused", "message": refusal.render()})
            except Exception:  # noqa: BLE001 - reported to the test, which fails on it
                errors.append(f"{kind}: {traceback.format_exc(limit=6)}")
            else:
                results.append({"kind": kind, "outcome": "ok", "numbers": numbers})
    finally:
        db.dispose()
    race.finish({"results": results, "errors": errors, "journal_mode": db.journal_mode})


if __name__ == "__main__":
    main()
