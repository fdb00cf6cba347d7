"""Column types that keep money and quantities exact on SQLite and PostgreSQL alike.

SQLite has no decimal type (SQLAlchemy's Numeric binds floats there), so money is stored as
integer minor units, quantities as integer thousandths and VAT rates as basis points.
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, String
from sqlalchemy.types import TypeDecorator

from retailerp.domain.money import Money

THOUSAND = Decimal(1000)
TEN_THOUSAND = Decimal(10000)


class MoneyType(TypeDecorator[Money]):
    """Money as a BIGINT count of cents."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        return value.minor if isinstance(value, Money) else Money.of(value).minor

    def process_result_value(self, value: Any, dialect: Any) -> Money | None:
        return None if value is None else Money(int(value))


class QuantityType(TypeDecorator[Decimal]):
    """A quantity with up to three decimals as a BIGINT count of thousandths."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        return int((Decimal(value) * THOUSAND).to_integral_value())

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / THOUSAND).quantize(Decimal("0.001"))


class RateType(TypeDecorator[Decimal]):
    """A rate such as VAT 0.13 as an INTEGER count of basis points (1300)."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        return int((Decimal(value) * TEN_THOUSAND).to_integral_value())

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / TEN_THOUSAND).normalize()


class EnumText(TypeDecorator[StrEnum]):
    """A StrEnum stored as its value in a VARCHAR (no database enum type to migrate)."""

    impl = String(20)
    cache_ok = True

    def __init__(self, enum: type[StrEnum] | str) -> None:
        """``enum`` is the class or ``"module:Class"``, imported on the first value stored or
        read (a table whose module only later screens use leaves it unloaded at start)."""
        super().__init__()
        self.__dict__["enum"] = enum  # SQLAlchemy's cache key reads the argument from here

    @property
    def enum(self) -> type[StrEnum]:
        named = self.__dict__["enum"]
        if isinstance(named, str):
            module, _, name = named.partition(":")
            named = self.__dict__["enum"] = getattr(importlib.import_module(module), name)
        return named

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: Any, dialect: Any) -> StrEnum | None:
        return None if value is None else self.enum(value)


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC without zone; read back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)
