"""Font subsets made from what each glyph needs, read once.

Every document embeds the subset of the CJK face it prints (its own glyphs renumbered from
1, "missing" as 0).  ReportLab's ``TTFontFile.makeSubset`` works it out afresh each time:
for every glyph it seeks into the font to see whether it is made of other glyphs, slices
its outline and its metrics, and renumbers the parts of a composite glyph, one short at a
time, about a tenth of a one-page note.  :class:`Subsetter` reads each glyph once (its
outline padded as it is written, the places of the glyph numbers of its parts, its
metrics) and the tables every subset copies unchanged once, and writes the same file
ReportLab writes, byte for byte (a test compares them): the tables ``name``, ``OS/2``,
``cvt``, ``fpgm``, ``prep`` copied, ``post`` as version 3, ``hmtx`` with the trailing run
of one advance shortened, ``hhea`` and ``maxp`` with the new counts, a format 6 ``cmap``,
``glyf``, ``loca`` (short when it fits) and ``head``, put together by ReportLab's own
``TTFontMaker``.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFontFace,
    TTFontMaker,
)

COPIED = ("name", "OS/2", "cvt ", "fpgm", "prep")
"""The tables a subset takes from the font as they are (those the font has)."""


@dataclass(frozen=True)
class Glyph:
    """What a subset needs of one glyph of the font."""

    outline: bytes
    """Its ``glyf`` entry, padded with zeros to a multiple of four bytes."""
    parts: tuple[tuple[int, int], ...]
    """(place in ``outline`` of a part's glyph number, that glyph) for each part of a
    composite glyph, in order; empty for a simple one."""
    renumbered: bool
    """Whether the parts' numbers are rewritten in the subset (ReportLab rewrites them only
    in an entry longer than two bytes)."""
    metrics: tuple[int, int]
    """Advance width and left side bearing, as the subset's ``hmtx`` has them."""


def _set_ushort(data: bytes, place: int, value: int) -> bytes:
    return data[:place] + struct.pack(">H", value) + data[place + 2 :]


class Subsetter:
    """``makeSubset`` for one face (set it as the face's ``makeSubset``): the subset of the
    character codes given, as ReportLab's own makes it, from glyphs read once."""

    def __init__(self, face: TTFontFace) -> None:
        self.face = face
        self._glyphs: dict[int, Glyph] = {}
        self._copied: list[tuple[str, bytes]] | None = None

    def glyph(self, index: int) -> Glyph:
        """Glyph ``index`` of the font (read on first use)."""
        found = self._glyphs.get(index)
        if found is None:
            found = self._glyphs[index] = self._read(index)
        return found

    def _read(self, index: int) -> Glyph:
        face = self.face
        start, end = face.glyphPos[index], face.glyphPos[index + 1]
        outline = bytes(face.get_table("glyf")[start:end])
        length = end - start
        composite = length > 0 and struct.unpack_from(">h", outline, 0)[0] < 0
        parts = _parts(outline) if composite else ()
        advance, bearing = face.hmetrics[index]
        return Glyph(
            outline=outline + b"\0" * (-length % 4),
            parts=parts,
            renumbered=length > 2,
            metrics=(int(advance), int(bearing)),
        )

    def copied(self) -> list[tuple[str, bytes]]:
        """The tables every subset has as they are (``post`` as version 3)."""
        if self._copied is None:
            face, tables = self.face, []
            for tag in COPIED:
                if tag in face.table:  # cvt, fpgm and prep are optional
                    tables.append((tag, face.get_table(tag)))
            post = face.get_table("post")
            tables.append(("post", b"\x00\x03\x00\x00" + post[4:16] + b"\x00" * 16))
            self._copied = tables
        return self._copied

    def __call__(self, subset: Sequence[int]) -> bytes:
        """The TrueType file of the subset of character codes ``subset``, in their order
        (code ``subset[i]`` is character ``i`` of the subset)."""
        glyphs, numbers = self._glyph_map(subset)
        output = TTFontMaker()
        for tag, data in self.copied():
            output.add(tag, data)
        read = [self.glyph(index) for index in glyphs]
        metrics, full = _metrics([glyph.metrics for glyph in read])
        output.add("hmtx", metrics)
        output.add("hhea", _set_ushort(self.face.get_table("hhea"), 34, full))
        output.add("maxp", _set_ushort(self.face.get_table("maxp"), 4, len(glyphs)))
        output.add("cmap", _cmap([numbers[code] for code in subset]))
        outlines, offsets = _outlines(read, {index: n for n, index in enumerate(glyphs)})
        output.add("glyf", outlines)
        location, long_format = _location(offsets)
        output.add("loca", location)
        output.add("head", _set_ushort(self.face.get_table("head"), 50, long_format))
        return output.makeStream()

    def _glyph_map(self, subset: Sequence[int]) -> tuple[list[int], dict[int, int]]:
        """The font's glyphs in the subset's order (0 first, each character's glyph as it
        first comes, then the parts of composite glyphs as they are found) and each code's
        glyph number in the subset."""
        to_glyph = self.face.charToGlyph
        glyphs, number, numbers = [0], {0: 0}, {}
        for code in subset:
            index = to_glyph.get(code, 0)
            if index not in number:
                number[index] = len(glyphs)
                glyphs.append(index)
            numbers[code] = number[index]
        n = 0
        while n < len(glyphs):
            for _, part in self.glyph(glyphs[n]).parts:
                if part not in number:
                    number[part] = len(glyphs)
                    glyphs.append(part)
            n += 1
        return glyphs, numbers


def _parts(outline: bytes) -> tuple[tuple[int, int], ...]:
    """The components of a composite glyph's entry: (place of the glyph number, glyph)."""
    parts, place, flags = [], 10, GF_MORE_COMPONENTS
    while flags & GF_MORE_COMPONENTS:
        flags, glyph = struct.unpack_from(">HH", outline, place)
        parts.append((place + 2, glyph))
        place += 8 if flags & GF_ARG_1_AND_2_ARE_WORDS else 6
        if flags & GF_WE_HAVE_A_SCALE:
            place += 2
        elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
            place += 4
        elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
            place += 8
    return tuple(parts)


def _metrics(metrics: list[tuple[int, int]]) -> tuple[bytes, int]:
    """``hmtx`` and its number of full entries: the glyphs at the end that share the last
    advance keep only their side bearing (at least the first glyph keeps both)."""
    full = len(metrics)
    while full > 1 and metrics[full - 1][0] == metrics[full - 2][0]:
        full -= 1
    values = [value for pair in metrics[:full] for value in pair]
    values += [bearing for _, bearing in metrics[full:]]
    return struct.pack(f">{len(values)}H", *values), full


def _cmap(numbers: list[int]) -> bytes:
    """A ``cmap`` of one format 6 table (Macintosh, Roman): character ``i`` is glyph
    ``numbers[i]``."""
    count = len(numbers)
    values = [0, 1, 1, 0, 0, 12, 6, 10 + 2 * count, 0, 0, count, *numbers]
    return struct.pack(f">{len(values)}H", *values)


def _outlines(glyphs: list[Glyph], number: dict[int, int]) -> tuple[bytes, list[int]]:
    """``glyf`` of the subset, each composite's parts renumbered, and where each entry
    starts (one more for the end)."""
    pieces, offsets, place = [], [], 0
    for glyph in glyphs:
        offsets.append(place)
        outline = glyph.outline
        if glyph.parts and glyph.renumbered:
            edited = bytearray(outline)
            for at, part in glyph.parts:
                struct.pack_into(">H", edited, at, number[part])
            outline = bytes(edited)
        pieces.append(outline)
        place += len(outline)
    offsets.append(place)
    return b"".join(pieces), offsets


def _location(offsets: list[int]) -> tuple[bytes, int]:
    """``loca`` and its format: short (offsets halved) when the last fits, else long."""
    if (offsets[-1] + 1) >> 1 > 0xFFFF:
        return struct.pack(f">{len(offsets)}L", *offsets), 1
    return struct.pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets)), 0


def subset_quickly(face: TTFontFace) -> None:
    """Make ``face`` subset itself with a :class:`Subsetter` of its own."""
    face.makeSubset = Subsetter(face)  # type: ignore[method-assign]
