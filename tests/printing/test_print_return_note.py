"""The return note (退货单) read back from the PDF: lines with condition, destination, rule and
refund, totals, the references and signatures, in English and in Chinese; and from the
command line as ``retailerp print RT…``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from retailerp import cli
from retailerp.domain.errors import OverridableRefusal
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.services import Services
from support.dbtools import as_owner
from support.returns_shop import deliver, later

Rows = Callable[[bytes], list[list[str]]]


@pytest.fixture
def posted(tmp_path: Path) -> tuple[Path, Services, str]:
    """A return of 2 defective kettles (quality defect, in full) and 1 resellable one that
    the policy refuses (changed mind after 7 days) but the owner accepted at 50 %."""
    path = tmp_path / "shop.db"
    db = open_database(path)
    migrate.upgrade(db)
    s = as_owner(db, today=lambda: date(2026, 3, 10))
    d = deliver(s)
    s = later(s, 20)
    one = [{"delivery_line_id": d.line_id, "quantity": "1", "condition": "resellable"}]
    draft = s.returns.create(d.delivery.id or 0, {"reason": "changed_mind",
                                                  "received_by": "Lin Wei"}, one)  # fmt: skip
    with pytest.raises(OverridableRefusal):
        s.returns.post(draft.id or 0, draft.version)
    s.returns.post(draft.id or 0, draft.version, "good customer, owner agreed", {1: "50"})
    return path, s, draft.number


def flat(rows: list[list[str]]) -> str:
    return "\n".join(row for page in rows for row in page)  # type: ignore[misc]


def test_the_return_note_in_english_names_rule_condition_place_and_refund(
    posted: tuple[Path, Services, str], rows_of: Rows
) -> None:
    _path, s, number = posted
    text = flat(rows_of(s.printing.pdf(number, language="en")))
    assert "Return note" in text and number in text
    assert "DN2026-000001 SO2026-000001" in text  # the delivery and its order
    line = next(row for row in text.splitlines() if row.startswith("1 KET"))
    # cells wrap: each row reads back the first line of every cell
    assert line.split()[-6:] == ["resellable", "A-01", "changed", "mind", "50%", "56.50"]
    assert "113.00" in line and "(back to" in text and "after 7 days:" in text
    assert "changed mind" in text and "Lin Wei" in text
    assert "good customer, owner agreed" in text and "owner" in text
    assert "Refund ¥56.50" in text and "Returned value incl. VAT 113.00" in text
    assert "(warehouse): Lin Wei Approved by: owner" in text  # the signature lines


def test_the_return_note_in_chinese(posted: tuple[Path, Services, str], rows_of: Rows) -> None:
    _path, s, number = posted
    text = flat(rows_of(s.printing.pdf(number, language="zh_CN")))
    assert "退货单" in text and number in text
    assert "可再销售" in text and "改变主意" in text and "退款" in text
    assert "伍拾陆元伍角" in text  # the refund in capital numerals


def test_print_rt_from_the_command_line(posted: tuple[Path, Services, str], tmp_path: Path,
                                        rows_of: Rows) -> None:  # fmt: skip
    path, _s, number = posted
    out = tmp_path / "rt.pdf"
    assert cli.main(["print", number, "--database", str(path), "-o", str(out),
                     "--language", "en"]) == 0  # fmt: skip
    assert number in flat(rows_of(out.read_bytes()))
