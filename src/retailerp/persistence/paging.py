"""What a list asks for (:class:`Page`), apart from the queries that answer it.

The services' door, the list screens and every query module name :class:`Page`; it lives here
so that naming it does not load the queries (start-up reads none of the lists).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PAGE_LIMIT_MAX = 1000


@dataclass(frozen=True)
class Page:
    """What a list asks for: search text, filters, sort, the cursor after which to start."""

    search: str = ""
    filters: Mapping[str, Any] | None = None
    sort_key: str = ""
    descending: bool = False
    after: tuple | None = None
    limit: int = 200
