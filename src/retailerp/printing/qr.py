"""QR symbols: ReportLab's encoder, its choice of mask made quicker, each payload's kept.

A QR encoder tries all eight mask patterns and keeps the one with the fewest penalty points
(ISO/IEC 18004, 7.8.3).  ReportLab lays out the whole symbol for every trial and scores it
cell by cell in Python, most of a QR code's cost.  :class:`QuickMaskQR` scores the same
eight trials, by ReportLab's own rules (quirks included), on the whole symbol held as one
integer (a few bit operations per rule), and so picks the same mask.  Its codewords are
ReportLab's too (:func:`codewords`: the same bits, the Reed–Solomon remainder taken with a
generator polynomial made once per degree).  The modules of the last few hundred payloads
are kept (:func:`symbol`), so a document shown in the preview and then printed encodes its
number once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode import qrencoder
from reportlab.platypus import Flowable

Modules = tuple[tuple[bool, ...], ...]

_FINDER = "10111010000"
"""The finder-like run ReportLab's rule 3 looks for (in this direction only)."""


@lru_cache(maxsize=64)
def _packed_mask(count: int, pattern: int) -> int:
    """Mask ``pattern`` over a ``count``-wide symbol, packed (:func:`_pack`)."""
    return _pack(_mask_rows(count, pattern), count)


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


# A symbol is scored as one integer: row r in the bits from r × (count + 1) up, column 0
# the highest of them, and one bit always clear above each row so that nothing shifted
# along a row crosses into the next.


def _pack(rows: Sequence[int], count: int) -> int:
    """``rows`` (column 0 the highest bit of each) as one integer, a row to a slot."""
    slot = count + 1
    return sum(row << (r * slot) for r, row in enumerate(rows))


@dataclass(frozen=True)
class _Slots:
    """The bit masks over the slots of a ``count``-wide symbol that the rules use."""

    cells: int
    """Every cell."""
    pairs: int
    """A cell and the one right of it, in every row."""
    above: int
    """A cell and the one below it, every row but the last."""
    finders: int
    """The last cell of a finder-like run that starts before the last 11 of its row."""


@lru_cache(maxsize=64)
def _slots(count: int) -> _Slots:
    slot = count + 1

    def rows(bits: int, number: int = count) -> int:
        return sum(bits << (r * slot) for r in range(number))

    finders = ((1 << max(0, count - 11)) - 1) << 1  # (bit 0 is a row's last cell)
    return _Slots(
        cells=rows((1 << count) - 1),
        pairs=rows((1 << (count - 1)) - 1),
        above=rows((1 << count) - 1, count - 1),
        finders=rows(finders),
    )


def _run_points(same: int, step: int) -> int:
    """Rule 1 along one direction, ``same`` having a bit for each cell like its neighbour
    ``step`` bits on: a run of n ≥ 5 like cells is n − 1 such bits in a row and costs
    n − 2, that is the bits that start four of them (n − 4) and 2 for the run."""
    four = same & (same >> step) & (same >> 2 * step) & (same >> 3 * step)
    return four.bit_count() + 2 * (four & ~(four >> step)).bit_count()


def _packed_points(symbol: int, count: int) -> int:
    """The penalty of a symbol packed by :func:`_pack`, by ReportLab's ``getLostPoint``."""
    slots, slot = _slots(count), count + 1
    across = ~(symbol ^ (symbol >> 1)) & slots.pairs
    down = ~(symbol ^ (symbol >> slot)) & slots.above
    score = _run_points(across, 1) + _run_points(down, slot)  # rule 1, rows and columns
    score += 3 * (down & (down >> 1) & (across >> slot)).bit_count()  # rule 2: 2×2 blocks
    score += 40 * _finder_count(symbol, slots)
    dark = symbol.bit_count()
    return score + 10 * (abs(100 * dark // (count * count) - 50) // 5)  # rule 4


def _finder_count(symbol: int, slots: _Slots) -> int:
    """Rule 3 as ReportLab counts it: each non-overlapping finder-like run that starts
    before the last 11 cells of its row, along rows only (ReportLab compares each column, a
    tuple, with a list, which is never equal).  The run cannot overlap itself, so every
    place it matches counts."""
    found = slots.finders
    light = ~symbol
    for offset, cell in enumerate(reversed(_FINDER)):
        found &= (symbol if cell == "1" else light) >> offset
    return found.bit_count()


def lost_points(rows: list[int], count: int) -> int:
    """The penalty of a symbol given as rows of bits, by ReportLab's ``getLostPoint``."""
    return _packed_points(_pack(rows, count), count)


class QuickMaskQR(qrencoder.QRCode):
    """ReportLab's QR encoder choosing its mask as it does, with a quicker score, and
    keeping the chosen trial as the symbol (ReportLab lays it out once more)."""

    _trials: list[int]

    def make(self) -> None:
        if self.version is None:
            self.version = self.calculate_version()
        best = self.getBestMaskPattern()
        count = self.moduleCount
        trial, slot = self._trials[best], count + 1
        self.modules = [
            [bool(trial >> (r * slot + count - 1 - col) & 1) for col in range(count)]
            for r in range(count)
        ]
        self.setupTypeInfo(False, best)  # what makeImpl(False, best) does beyond the trial
        if self.version >= 7:
            self.setupTypeNumber(False)

    def getBestMaskPattern(self) -> int:  # noqa: N802 - ReportLab's name
        count = self.moduleCount = self.version * 4 + 17
        words = codewords(self.version, self.errorCorrectLevel, self.dataList)
        plain = _pack(_unmasked(self.version, words), count)
        data = _layout(self.version).packed_data
        best, least = 0, None
        self._trials = []
        for pattern in range(8):
            trial = plain ^ (_packed_mask(count, pattern) & data)
            self._trials.append(trial)
            points = _packed_points(trial, count)
            if least is None or points < least:
                best, least = pattern, points
        return best


class _Bits:
    """The bit buffer ReportLab's data segments write themselves to (``put``, ``putBit``,
    ``getLengthInBits``), held as one integer."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def putBit(self, bit: bool) -> None:  # noqa: N802 - ReportLab's name
        self.put(1 if bit else 0, 1)

    def getLengthInBits(self) -> int:  # noqa: N802 - ReportLab's name
        return self.length


_PADS = (0xEC, 0x11)
"""The pad codewords that fill a symbol's data capacity, in turn (ISO/IEC 18004, 7.4.10)."""


def codewords(version: int, level: int, segments: list) -> list[int]:
    """The codewords of a symbol (data, then error correction, the blocks interleaved), as
    ReportLab's ``QRCode.createData`` makes them: the segments, a terminator of up to four
    bits, zero bits to a whole byte, the pad codewords, and each block's Reed–Solomon
    remainder (:func:`_remainder`)."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    capacity = 8 * sum(block.dataCount for block in blocks)
    bits = _Bits()
    for segment in segments:
        segment.write(bits, version)
    if bits.length > capacity:
        raise ValueError(f"code length overflow. ({bits.length} > {capacity})")
    bits.put(0, min(4, capacity - bits.length))
    bits.put(0, -bits.length % 8)
    data = list(bits.value.to_bytes(bits.length // 8, "big"))
    data += [_PADS[n % 2] for n in range(capacity // 8 - len(data))]
    data_blocks, error_blocks, offset = [], [], 0
    for block in blocks:
        words = data[offset : offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(words)
        error_blocks.append(_remainder(words, block.totalCount - block.dataCount))
    return _interleaved(data_blocks) + _interleaved(error_blocks)


def _interleaved(blocks: list[list[int]]) -> list[int]:
    """The first codeword of every block, then the second of every block, …"""
    longest = max(len(block) for block in blocks)
    return [block[i] for i in range(longest) for block in blocks if i < len(block)]


_EXP = qrencoder.EXP_TABLE
_LOG = qrencoder.LOG_TABLE


@lru_cache(maxsize=64)
def _generator(degree: int) -> tuple[int, ...]:
    """The logarithms of the Reed–Solomon generator polynomial of ``degree`` (the product
    of (x − α^i) for i below ``degree``) less its leading 1, highest power first."""
    poly = [1]
    for i in range(degree):
        root = _EXP[i]
        poly = [
            a ^ (_EXP[(_LOG[b] + _LOG[root]) % 255] if b else 0)
            for a, b in zip(poly + [0], [0] + poly, strict=True)
        ]
    return tuple(_LOG[c] for c in poly[1:])


def _remainder(data: list[int], degree: int) -> list[int]:
    """The ``degree`` error-correction codewords of ``data``: the remainder of data × x^degree
    divided by the generator polynomial, in GF(256) of x^8 + x^4 + x^3 + x^2 + 1."""
    generator = _generator(degree)
    rest = [0] * degree
    for word in data:
        lead = word ^ rest[0]
        rest = rest[1:] + [0]
        if lead:
            shift = _LOG[lead]
            rest = [r ^ _EXP[(shift + g) % 255] for r, g in zip(rest, generator, strict=True)]
    return rest


@dataclass(frozen=True)
class _Layout:
    """What every symbol of one version shares: its function patterns with the format bits
    blank (as ReportLab lays them out to try masks), the place of each data module in the
    order the data fills them (row, bit of the row), and those places as one mask per row."""

    rows: tuple[int, ...]
    places: tuple[tuple[int, int], ...]
    packed_data: int


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
    return _Layout(rows=rows, places=places, packed_data=_pack(data, count))


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
