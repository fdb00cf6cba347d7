"""The small harness every benchmark uses: sizes, paired runs, medians, ratios, a table.

A figure is measured as a pair: RetailERP's way and a baseline doing the same work in the
same process (or the same shell session for start-up), run in turn A B A B …, so a ratio
stays meaningful on a busy machine whose speed drifts.  Quote the medians and the ratios.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scale:
    """How much work each benchmark does at one ``--size``."""

    name: str
    repeat: int
    orders: int
    """Orders per posting run."""
    history: tuple[int, int]
    """Payment histories compared (few, many)."""
    notes: int
    """Delivery notes in the printing batch."""
    startups: int
    dataset: str
    """The data set the list and search figures use (see ``benchmarks.dataset.SIZES``)."""


SCALES = {
    "tiny": Scale(
        "tiny", repeat=2, orders=3, history=(10, 100), notes=4, startups=1, dataset="tiny"
    ),
    "small": Scale(
        "small", repeat=5, orders=40, history=(10, 10_000), notes=200, startups=5, dataset="small"
    ),
    "large": Scale(
        "large", repeat=5, orders=100, history=(10, 10_000), notes=1000, startups=7, dataset="large"
    ),
}


@dataclass
class Row:
    """One line of the results: a figure, its median, and the ratio against its baseline."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    ratio: float | None = None
    note: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(format_row(row), flush=True)

    def table(self) -> str:
        head = "| figure | median | baseline | ratio | note |\n| --- | --- | --- | --- | --- |"
        body = [
            f"| {r.name} | {_num(r.value)} {r.unit} | "
            f"{'' if r.baseline is None else _num(r.baseline) + ' ' + r.unit} | "
            f"{'' if r.ratio is None else f'{r.ratio:.2f}'} | {r.note} |"
            for r in self.rows
        ]
        return "\n".join([head, *body])


def _num(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def format_row(row: Row) -> str:
    text = f"{row.name:<58} {_num(row.value):>10} {row.unit}"
    if row.baseline is not None:
        text += f"   baseline {_num(row.baseline)} {row.unit}"
    if row.ratio is not None:
        text += f"   ratio {row.ratio:.2f}"
    if row.note:
        text += f"   ({row.note})"
    return text


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def median_ms(work: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of ``work()`` over ``repeat`` runs (after one warm-up run)."""
    work()
    return statistics.median(seconds(work) * 1000 for _ in range(repeat))


@dataclass(frozen=True)
class Paired:
    """Medians of A and B run in turn, and the median of the pairwise ratios A/B."""

    a: float
    b: float
    ratio: float


def paired(a: Callable[[], float], b: Callable[[], float], repeat: int) -> Paired:
    """Run ``a`` and ``b`` in turn ``repeat`` times; each returns its own measured figure
    (seconds, or a rate).  The ratio is taken pair by pair, then its median."""
    return paired_figures(lambda: (a(),), lambda: (b(),), repeat)[0]


def paired_figures(
    a: Callable[[], tuple[float, ...]], b: Callable[[], tuple[float, ...]], repeat: int
) -> list[Paired]:
    """As :func:`paired` when one run yields several figures (the same number from ``a``
    and ``b``): one :class:`Paired` per figure, each from the same runs."""
    runs = [(a(), b()) for _ in range(repeat)]
    result = []
    for n in range(len(runs[0][0])):
        xs = [x[n] for x, _ in runs]
        ys = [y[n] for _, y in runs]
        ratios = [x / y if y else float("nan") for x, y in zip(xs, ys, strict=True)]
        result.append(
            Paired(statistics.median(xs), statistics.median(ys), statistics.median(ratios))
        )
    return result
