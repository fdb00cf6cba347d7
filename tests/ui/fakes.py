"""An in-memory :class:`PageSource`: it filters and sorts in Python, standing in for SQL."""

from __future__ import annotations

import bisect
import functools
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
    """Rows sorted once per sort key; a page starts at a bisect of the cursor (an index seek)."""

    def __init__(self, count: int) -> None:
        self.rows = list(customers(count))
        self.queries: list[PageQuery] = []
        self.fail_next = False
        self._sorted: dict[str, tuple[list[Any], list[Customer]]] = {}

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
        keys, ordered = self._ordered(query.sort_key)
        if query.descending:
            end = len(keys) if query.after is None else bisect.bisect_left(keys, query.after)
            positions: range = range(end - 1, -1, -1)
        else:
            begin = 0 if query.after is None else bisect.bisect_right(keys, query.after)
            positions = range(begin, len(keys))
        page: list[Customer] = []
        for position in positions:
            row = ordered[position]
            if self._matches(row, query):
                page.append(row)
                if len(page) == query.limit:
                    break
        return page

    def _ordered(self, sort_key: str) -> tuple[list[Any], list[Customer]]:
        """Rows in ascending ``(sort value, id)`` order, like an index on the column."""
        if sort_key not in self._sorted:
            keyed = sorted((self.row_key(r, sort_key), r) for r in self.rows)
            self._sorted[sort_key] = ([k for k, _ in keyed], [r for _, r in keyed])
        return self._sorted[sort_key]

    @staticmethod
    def _matches(row: Customer, query: PageQuery) -> bool:
        if query.search and query.search not in row.name and query.search not in row.city:
            return False
        return all(getattr(row, key) == value for key, value in query.filters.items())


@functools.cache
def customers(count: int) -> tuple[Customer, ...]:
    return tuple(
        Customer(
            id=i,
            name=f"客户{(i * 7919) % count:06d}",
            city=CITIES[i % len(CITIES)],
            balance=Decimal(i % 1000) / 10,
            blocked=i % 97 == 0,
        )
        for i in range(1, count + 1)
    )
