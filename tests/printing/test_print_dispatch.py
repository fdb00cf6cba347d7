"""``retailerp.printing.render`` picks the layout by kind and prints in the language asked for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from retailerp import i18n, printing
from retailerp.domain.money import Money
from retailerp.printing.model import Party, PrintDocument, PrintLine
from retailerp.printing.wording import Wording, currency_text, quantity_text

TITLES = {
    "delivery_note": "Delivery note",
    "picking_list": "Picking list",
    "invoice": "Sales settlement",
    "red_invoice": "Red sales settlement",
}


@pytest.mark.parametrize("kind", sorted(TITLES))
def test_each_kind_is_rendered_with_its_own_layout(
    kind: str, make_document: Callable[..., PrintDocument],
    pages_of: Callable[[bytes], list[str]],
) -> None:
    (text,) = pages_of(printing.render(make_document(kind), language="en"))
    lines = {line.strip() for line in text.splitlines()}
    assert {title for title in TITLES.values() if title in lines} == {TITLES[kind]}


@pytest.mark.parametrize("kind", ["goods_receipt", "stock_count"])
def test_kinds_without_a_layout_are_refused_clearly(kind: str) -> None:
    doc = PrintDocument(kind=kind, number="GR2026-000001",  # type: ignore[arg-type]
                        doc_date=date(2026, 1, 2), company=Party(name="Shop"))
    with pytest.raises(printing.UnsupportedDocument, match=kind):
        printing.render(doc)


def test_a_minimal_document_without_customer_or_prices_renders(
    pages_of: Callable[[bytes], list[str]],
) -> None:
    doc = PrintDocument(kind="delivery_note", number="DN1", doc_date=date(2026, 1, 2),
                        company=Party(name="Shop"),
                        lines=[PrintLine(no=1, code="A", name="Apple", quantity=Decimal(3))])
    (text,) = pages_of(printing.render(doc, language="en"))
    assert "Apple" in text and "Total quantity" in text


def test_rendering_in_chinese_leaves_the_program_language_alone(
    make_document: Callable[..., PrintDocument],
) -> None:
    before = i18n.current_language()
    printing.render(make_document("delivery_note"), language="zh_CN")
    printing.render(make_document("delivery_note"), language="en")
    assert i18n.current_language() == before


def test_unknown_language_is_refused(make_document: Callable[..., PrintDocument]) -> None:
    with pytest.raises(ValueError, match="language"):
        printing.render(make_document("delivery_note"), language="fr")


@pytest.mark.usefixtures("chinese_labels")
def test_wording_translates_print_labels_for_one_language_only() -> None:
    assert Wording("zh_CN")("Delivery note") == "送货单"
    assert Wording("zh_CN")("Page {page} of {pages}", page=2, pages=5) == "第 2 页 / 共 5 页"
    assert Wording("en")("Delivery note") == "Delivery note"
    assert Wording("zh_CN")("Not in the catalogue") == "Not in the catalogue"


def test_numbers_are_written_plainly() -> None:
    assert quantity_text(Decimal("12.000")) == "12"
    assert quantity_text(Decimal("2.500")) == "2.5"
    assert quantity_text(Decimal("100")) == "100"
    assert currency_text(Money.of("1234.5")) == "¥1,234.50"
    assert currency_text(Money.of("-481.38")) == "-¥481.38"
