"""QR symbols: ReportLab's encoder, its choice of mask made quicker, each payload's kept.

A QR encoder tries all eight mask patterns and keeps the one with the fewest penalty points
(ISO/IEC 18004, 7.8.3).  ReportLab lays out the whole symbol for every trial and scores it
cell by cell in Python, most of a QR code's cost.  :class:`QuickMaskQR` scores the same
eight trials, by ReportLab's own rules (quirks included), on rows held as integers and
strings, and so picks the same mask; the symbol itself is then laid out by ReportLab as
before.  The modules of the last few hundred payloads are kept (:func:`symbol`), so a
document shown in the preview and then printed encodes its number once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode import qrencoder
from reportlab.platypus import Flowable

Modules = tuple[tuple[bool, ...], ...]

_FINDER = "10111010000"
"""The finder-like run ReportLab's rule 3 looks for (in this direction only)."""
_LONG_RUN = re.compile(r"0{5,}|1{5,}")


@lru_cache(maxsize=64)
def _mask_rows(count: int, pattern: int) -> tuple[int, ...]:
    """Mask ``pattern`` over a ``count``-wide symbol: one integer per row, column 0 the
    highest bit."""
    mask = qrencoder.QRUtil.getMask(pattern)
    return tuple(
        sum(1 << (count - 1 - col) for col in range(count) if mask(row, col))
        for row in range(count)
    )


def _as_int(cells: list[bool]) -> int:
    return int("".join("1" if cell else "0" for cell in cells), 2)


def _runs(lines: list[str]) -> int:
    """Rule 1: every run of five or more like cells costs its length less two.  The lines
    are searched as one text, a separator between them (a run never crosses it)."""
    found = _LONG_RUN.findall("|".join(lines))
    return sum(map(len, found)) - 2 * len(found)


_FINDERS = re.compile(_FINDER + "(?=[01])")
"""A finder-like run that is not the last 11 cells of its line (lines joined by ``|``)."""


def _finders(lines: list[str]) -> int:
    """Rule 3 as ReportLab counts it: 40 for each non-overlapping finder-like run that
    starts before the last 11 cells of its line, along rows only (ReportLab compares each
    column, a tuple, with a list, which is never equal).  The lines are searched as one
    text, a separator between them."""
    return 40 * len(_FINDERS.findall("|".join(lines)))


def _blocks(rows: list[int], count: int) -> int:
    """Rule 2: 3 for every 2×2 block of one colour."""
    full = (1 << (count - 1)) - 1
    score = 0
    for upper, lower in zip(rows, rows[1:], strict=False):
        same = ~(upper ^ lower)
        across = ~(lower ^ (lower >> 1))
        score += 3 * (same & (same >> 1) & across & full).bit_count()
    return score


def lost_points(rows: list[int], count: int) -> int:
    """The penalty of a symbol given as rows of bits, by ReportLab's ``getLostPoint``."""
    lines = [format(row, f"0{count}b") for row in rows]
    columns = ["".join(column) for column in zip(*lines, strict=True)]
    dark = sum(row.bit_count() for row in rows)
    score = _runs(lines) + _runs(columns)
    score += _blocks(rows, count)
    score += _finders(lines)  # ReportLab's rule 3 never matches a column
    return score + 10 * (abs(100 * dark // (count * count) - 50) // 5)


class QuickMaskQR(qrencoder.QRCode):
    """ReportLab's QR encoder choosing its mask as it does, with a quicker score, and
    keeping the chosen trial as the symbol (ReportLab lays it out once more)."""

    _trials: list[list[int]]

    def make(self) -> None:
        if self.version is None:
            self.version = self.calculate_version()
        best = self.getBestMaskPattern()
        count = self.moduleCount
        self.modules = [
            [bool(row >> (count - 1 - col) & 1) for col in range(count)]
            for row in self._trials[best]
        ]
        self.setupTypeInfo(False, best)  # what makeImpl(False, best) does beyond the trial
        if self.version >= 7:
            self.setupTypeNumber(False)

    def getBestMaskPattern(self) -> int:  # noqa: N802 - ReportLab's name
        count = self.moduleCount = self.version * 4 + 17
        plain = _unmasked(
            self.version, self.createData(self.version, self.errorCorrectLevel, self.dataList)
        )
        data = _layout(self.version).data
        best, least = 0, None
        self._trials = []
        for pattern in range(8):
            mask = _mask_rows(count, pattern)
            rows = [plain[r] ^ (mask[r] & data[r]) for r in range(count)]
            self._trials.append(rows)
            points = lost_points(rows, count)
            if least is None or points < least:
                best, least = pattern, points
        return best


@dataclass(frozen=True)
class _Layout:
    """What every symbol of one version shares: its function patterns with the format bits
    blank (as ReportLab lays them out to try masks), the place of each data module in the
    order the data fills them (row, bit of the row), and those places as one mask per row."""

    rows: tuple[int, ...]
    places: tuple[tuple[int, int], ...]
    data: tuple[int, ...]


@lru_cache(maxsize=40)
def _layout(version: int) -> _Layout:
    """The layout of ``version``, read once from ReportLab's own (function patterns laid out
    for trying masks, data places from its iterator)."""
    code = qrencoder.QRCode(version, qrencoder.QRErrorCorrectLevel.L)
    code.addData("0")
    code.makeImpl(True, 0)
    count = code.moduleCount
    places = tuple((row, 1 << (count - 1 - col)) for col, row in code.dataPosIterator())
    data = [0] * count
    for row, bit in places:
        data[row] |= bit
    rows = tuple(_as_int(cells) & ~data[r] for r, cells in enumerate(code.modules))
    return _Layout(rows=rows, places=places, data=tuple(data))


def _unmasked(version: int, codewords: list[int]) -> list[int]:
    """The rows of a ``version`` symbol holding ``codewords`` (data and error correction),
    before any mask: each codeword's bits, highest first, in the data places in order; the
    places left over stay light."""
    layout = _layout(version)
    rows = list(layout.rows)
    bits = format(int.from_bytes(bytes(codewords), "big"), f"0{8 * len(codewords)}b")
    places = layout.places
    index = bits.find("1")
    while index >= 0:
        row, bit = places[index]
        rows[row] |= bit
        index = bits.find("1", index + 1)
    return rows


@lru_cache(maxsize=512)
def symbol(value: str, level: str = "L") -> Modules:
    """The modules (rows of dark/light) of ``value``'s QR symbol at error level ``level``."""
    code = QuickMaskQR(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    code.addData(value)
    code.make()
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


@lru_cache(maxsize=512)
def dark_runs(value: str, level: str = "L") -> tuple[tuple[int, int, int], ...]:
    """(row, first column, length) of every run of dark modules of ``value``'s symbol."""
    runs = []
    for row, cells in enumerate(symbol(value, level)):
        column = 0
        for dark, group in groupby(cells):
            length = len(list(group))
            if dark:
                runs.append((row, column, length))
            column += length
    return tuple(runs)


class QrSymbol(Flowable):
    """A square QR code of ``value``, ``size`` points wide with its ``border`` (in modules),
    drawn as ReportLab's ``QrCode`` draws it: a filled rectangle per run of dark modules
    along a row, each a little taller than a module so rows print without gaps."""

    def __init__(self, value: str, size: float, border: int, level: str = "L") -> None:
        super().__init__()
        self.value, self.level, self.border = value, level, border
        self.width = self.height = size

    def draw(self) -> None:
        """Every run as a filled rectangle, written in module units under one transform
        (whole numbers, not a formatted float per corner): the rectangles ``canvas.rect``
        drew, at the same places."""
        count = len(symbol(self.value, self.level))
        module = self.width / (count + self.border * 2.0)
        canvas = self.canv
        canvas.saveState()
        canvas.transform(
            module, 0, 0, module, self.border * module, self.height - self.border * module
        )
        canvas._code.append(_runs_code(self.value, self.level))
        canvas.restoreState()


@lru_cache(maxsize=512)
def _runs_code(value: str, level: str) -> str:
    """The PDF operators filling every run of ``value``'s symbol, in module units with the
    origin at the symbol's top left corner: row ``r`` spans ``-(r + 1)`` to ``-r + 0.05``."""
    return " ".join(
        f"{column} -{row + 1} {length} 1.05 re f" for row, column, length in dark_runs(value, level)
    )
