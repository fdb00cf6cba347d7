"""What a lazily loaded list asks of the service layer (pure Python, no Qt).

A list screen shows one *page source*: an object, usually written next to a service's
read-side query, that answers :class:`PageQuery` with at most ``limit`` rows, already
filtered and sorted by the database.  Pages follow each other by *keyset*: ``after`` is
the cursor of the last row already shown, ``(sort value, id)``, and the next page is
``WHERE (sort_col, id) > (:value, :id) ORDER BY sort_col, id LIMIT :limit`` (``<`` and
``DESC`` when ``descending``).  No ``OFFSET``: page 500 costs what page 1 costs.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Literal, Protocol, runtime_checkable

Alignment = Literal["left", "right", "center"]

DEFAULT_PAGE_SIZE = 80
"""Rows a list reads at a time: two screens of a tall window.  Every first show and every
key typed into a search reads a first page on the UI thread, and the rows' conversion costs
in proportion (200 rows made a complaint list's first show ~45 ms slower on the large data
set); a view that is not full yet asks for the next page itself."""


@dataclass(frozen=True)
class Column:
    """One column of a list: ``header`` is already translated text."""

    key: str
    header: str
    sortable: bool = True
    alignment: Alignment = "left"


@dataclass(frozen=True)
class PageQuery:
    """One request for a page of rows.

    ``after`` is ``None`` for the first page, else the cursor (``row_key``) of the last row
    the view holds; the source returns rows strictly after it in the requested order.
    """

    search: str = ""
    filters: Mapping[str, object] = field(default_factory=dict)
    sort_key: str = ""
    descending: bool = False
    after: tuple[Any, ...] | None = None
    limit: int = DEFAULT_PAGE_SIZE

    def __post_init__(self) -> None:
        object.__setattr__(self, "filters", MappingProxyType(dict(self.filters)))
        if self.limit < 1:
            raise ValueError("limit must be at least 1")

    def first_page(self) -> PageQuery:
        """The same query from its first row."""
        return replace(self, after=None)

    def next_page(self, after: tuple[Any, ...]) -> PageQuery:
        """The same query continuing after the row whose cursor is ``after``."""
        return replace(self, after=after)


@runtime_checkable
class PageSource(Protocol):
    """The read side of one list.  Implementations run SQL; tests use an in-memory fake."""

    @property
    def columns(self) -> Sequence[Column]:
        """The columns, in display order."""
        ...

    def fetch(self, query: PageQuery) -> list[Any]:
        """At most ``query.limit`` rows after ``query.after``, filtered and sorted."""
        ...

    def row_key(self, row: Any, sort_key: str) -> tuple[Any, ...]:
        """The keyset cursor of ``row`` under ``sort_key``: ``(sort value, id)``.

        The last element must be the row's unique, stable id.
        """
        ...

    def cell(self, row: Any, column_key: str) -> object:
        """The value shown in ``column_key`` (text or a number, formatted for the user)."""
        ...


@runtime_checkable
class DecoratingSource(Protocol):
    """Optional: colours cells (an overdue date in red, a blocked customer in grey)."""

    def decorate(self, row: Any, column_key: str) -> str | None:
        """A colour name Qt knows (``"red"``, ``"#b00020"``) or ``None``."""
        ...


@runtime_checkable
class FillingSource(Protocol):
    """Optional: fills cells (time left turning amber and red)."""

    def background(self, row: Any, column_key: str) -> str | None:
        """A colour name Qt knows (``"#f6c343"``) or ``None``."""
        ...


@runtime_checkable
class SortValueSource(Protocol):
    """Optional: the raw value behind a formatted cell (a ``Decimal`` behind ``"¥1,200.00"``)."""

    def sort_value(self, row: Any, column_key: str) -> object:
        """The unformatted value of ``column_key``."""
        ...


@runtime_checkable
class ReloadableSource(Protocol):
    """Optional: fetches one row again after it was edited."""

    def fetch_row(self, row_id: Hashable) -> Any | None:
        """The row with this id, or ``None`` when it was deleted."""
        ...
