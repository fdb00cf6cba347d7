"""An in-memory :class:`PageSource`: it filters and sorts in Python, standing in for SQL."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from retailerp.ui.models import Column, PageQuery

CITIES = ["北京", "上海", "广州", "深圳", "杭州"]


@dataclass(frozen=True)
class Customer:
    id: int
    name: str
    city: str
    balance: Decimal
    blocked: bool


class FakeCustomerSource:
    """Rows sorted once per sort key; a page is a bisect from the cursor, like an index seek."""

    def __init__(self, count: int) -> None:
        self.rows = [
            Customer(
                id=i,
                name=f"客户{(i * 7919) % count:06d}",
                city=CITIES[i % len(CITIES)],
                balance=Decimal(i % 1000) / 10,
                blocked=i % 97 == 0,
            )
            for i in range(1, count + 1)
        ]
        self.queries: list[PageQuery] = []
        self.fail_next = False
        self._sorted: dict[tuple[str, bool], tuple[list[Any], list[Customer]]] = {}

    @property
    def columns(self) -> list[Column]:
        return [
            Column("name", "Name"),
            Column("city", "City"),
            Column("balance", "Balance", alignment="right"),
            Column("blocked", "Blocked", sortable=False, alignment="center"),
        ]

    def row_key(self, row: Customer, sort_key: str) -> tuple[Any, ...]:
        return (getattr(row, sort_key), row.id)

    def cell(self, row: Customer, column_key: str) -> object:
        value = getattr(row, column_key)
        if column_key == "balance":
            return f"¥{value:,.2f}"
        if column_key == "blocked":
            return "✓" if value else ""
        return value

    def sort_value(self, row: Customer, column_key: str) -> object:
        return getattr(row, column_key)

    def decorate(self, row: Customer, column_key: str) -> str | None:
        return "red" if row.blocked else None

    def fetch_row(self, row_id: int) -> Customer | None:
        return next((r for r in self.rows if r.id == row_id), None)

    def fetch(self, query: PageQuery) -> list[Customer]:
        self.queries.append(query)
        if self.fail_next:
            self.fail_next = False
            raise OSError("network share went away")
        keys, ordered = self._ordered(query.sort_key, query.descending)
        start = 0
        if query.after is not None:
            after = _invert(query.after) if query.descending else query.after
            start = bisect.bisect_right(keys, after)
        page: list[Customer] = []
        for row in ordered[start:]:
            if self._matches(row, query):
                page.append(row)
                if len(page) == query.limit:
                    break
        return page

    def _ordered(self, sort_key: str, descending: bool) -> tuple[list[Any], list[Customer]]:
        if (sort_key, descending) not in self._sorted:
            keyed = [(self.row_key(r, sort_key), r) for r in self.rows]
            keyed.sort(key=lambda pair: pair[0], reverse=descending)
            keys = [_invert(k) if descending else k for k, _ in keyed]
            self._sorted[(sort_key, descending)] = (keys, [r for _, r in keyed])
        return self._sorted[(sort_key, descending)]

    @staticmethod
    def _matches(row: Customer, query: PageQuery) -> bool:
        if query.search and query.search not in row.name and query.search not in row.city:
            return False
        return all(getattr(row, key) == value for key, value in query.filters.items())


class _Desc:
    """Reverses the order of a value, so descending keys bisect like ascending ones."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Desc) -> bool:
        return other.value < self.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)


def _invert(key: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(_Desc(v) for v in key)
