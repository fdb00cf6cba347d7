"""A PC posting documents of every kind in a loop, to be killed (SIGKILL) at any moment.

Run as ``python crash_driver.py JSON`` with ``target``, ``journal_mode``, ``ids`` (the
``postings.ShopIds`` of the prepared shop), ``seed``, ``user`` and ``rounds`` (0: until killed).
It opens the database, prints ``ready``, then posts round after round — receipt, sale
(order → confirm → pick → ship → invoice → payment), return, red invoice, consignment
fill-up and issue, the first round starting at kind number ``seed`` mod 5 — printing
``posted <kind> <numbers>`` after each, or ``refused <kind> <message>`` for a refusal.
Anything else raised ends the run with exit code 1.
"""

from __future__ import annotations

import json
import random
import sys

import postings  # tests/support: this script's own folder is on sys.path
import race

from retailerp.domain.errors import DomainError


def main() -> int:
    args = json.loads(sys.argv[1])
    db = race.open_target(args["target"], args.get("journal_mode", "delete"))
    services = postings.services_as(db, args["user"])
    ids = postings.ShopIds(**args["ids"])
    rng = random.Random(args["seed"])
    print("ready", flush=True)
    first = args["seed"] % len(postings.EVERY_DOCUMENT)  # so that kills land in every kind
    kinds = postings.EVERY_DOCUMENT[first:] + postings.EVERY_DOCUMENT[:first]
    rounds = 0
    try:
        while not args["rounds"] or rounds < args["rounds"]:
            for kind in kinds:
                try:
                    numbers = postings.POSTINGS[kind](services, ids, rng)
                except DomainError as refusal:
                    print("refused", kind, " ".join(refusal.render().split()), flush=True)
                else:
                    print("posted", kind, *numbers, flush=True)
            rounds += 1
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
