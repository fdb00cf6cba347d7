"""The benchmark suite: ``python -m benchmarks run [--size tiny|small|large]``.

Prints each figure's median and its ratio against a baseline run in the same process (or,
for start-up, the same shell session), and at the end the whole table in Markdown.  Also
``python -m benchmarks dataset --size large --out FILE`` writes the large data set alone.
See docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import dataset, dataset_later
from benchmarks.harness import SCALES, Report, Row

PARTS = ("posting", "history", "printing", "startup", "lists", "documents", "ui")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the suite")
    run.add_argument("--size", choices=sorted(SCALES), default="small")
    run.add_argument("--only", default=",".join(PARTS), help="comma-separated: " + ",".join(PARTS))
    run.add_argument("--dataset", type=Path, help="an existing data set file (else one is made)")
    run.add_argument("--markdown", type=Path, help="also write the table to this file")
    run.add_argument(
        "--pg",
        metavar="URL",
        help="also post on PostgreSQL (postgresql+psycopg://user@host:port/db of a server "
        "where databases may be created) against raw psycopg",
    )
    make = commands.add_parser("dataset", help="write a data set file")
    make.add_argument("--size", choices=sorted(dataset.SIZES), default="large")
    make.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "dataset":
        made_path = make_dataset(args.size, args.out)
        print(f"{made_path}: {made_path.stat().st_size / 2**20:.0f} MiB")
        return 0
    return run_suite(args)


def make_dataset(size: str, out: Path) -> Path:
    from retailerp.persistence import migrate
    from retailerp.persistence.engine import open_database

    if out.exists():
        raise SystemExit(f"{out} exists already")
    db = open_database(out, journal_mode="wal")
    migrate.upgrade(db)
    say = lambda text: print(" ", text, flush=True)  # noqa: E731
    made = dataset.generate(db, dataset.SIZES[size], progress=say)
    print(made.line())
    start = time.perf_counter()
    later = dataset_later.add(db, dataset.SIZES[size].orders, progress=say)
    print(f"{later.line()} in {time.perf_counter() - start:.1f} s (through the services)")
    db.dispose()
    return out


def run_suite(args: argparse.Namespace) -> int:
    scale = SCALES[args.size]
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise SystemExit(f"unknown parts: {', '.join(sorted(unknown))}")
    print(_machine(scale.name), flush=True)
    report = Report()
    with tempfile.TemporaryDirectory(prefix="retailerp-bench-") as tmp:
        folder = Path(tmp)
        data = args.dataset
        if data is not None:  # a file from an older build: at this program's schema first
            from retailerp.persistence import migrate
            from retailerp.persistence.engine import open_database

            db = open_database(data)
            migrate.upgrade(db)
            db.dispose()
        if data is None and {"lists", "startup", "documents", "ui"} & set(parts):
            start = time.perf_counter()
            data = make_dataset(scale.dataset, folder / f"dataset-{scale.dataset}.db")
            report.add(
                Row(
                    f"data set {scale.dataset}: generate",
                    time.perf_counter() - start,
                    "s",
                    note=f"{data.stat().st_size / 2**20:.0f} MiB",
                )
            )
        if "posting" in parts:
            from benchmarks import posting

            posting.bench(scale, folder, report)
            if args.pg:
                posting.bench_postgres(scale, args.pg, report)
        if "history" in parts:
            from benchmarks import history

            history.bench(scale, folder, report)
        if "printing" in parts:
            from benchmarks import print_docs

            print_docs.bench(scale, report)
        if "startup" in parts:
            from benchmarks import startup

            startup.bench(scale, folder, data, report)
        if "lists" in parts:
            from benchmarks import lists
            from retailerp.persistence.engine import open_database

            db = open_database(data)
            lists.bench(scale, db, report)
            db.dispose()
        if "documents" in parts:
            from benchmarks import documents
            from retailerp.persistence.engine import open_database

            db = open_database(data)
            documents.bench(scale, db, report)
            db.dispose()
        if "ui" in parts:
            from benchmarks import ui_stalls
            from retailerp.persistence.engine import open_database

            db = open_database(data)
            ui_stalls.bench(scale, db, report)
            db.dispose()
    mine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report.add(
        Row(
            "peak memory of the suite's process",
            mine,
            "MiB",
            note=f"largest child {children:.0f} MiB",
        )
    )
    table = report.table()
    print()
    print(table)
    if args.markdown:
        args.markdown.write_text(f"{_machine(scale.name)}\n\n{table}\n", encoding="utf-8")
    return 0


def _machine(size: str) -> str:
    import os

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"RetailERP benchmarks, size {size}: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{platform.machine()} {os.cpu_count()} cores, load {load}, "
        f"Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


if __name__ == "__main__":
    sys.exit(main())
