"""Blue invoices show VAT per line and in total; red invoices print negative and name the
invoice they reverse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest

from retailerp.domain.money import Money
from retailerp.printing import invoice
from retailerp.printing.model import ORIGINAL_INVOICE_NUMBER, PrintDocument, PrintLine


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_blue_invoice_shows_net_vat_and_gross_per_line_and_in_total(
    blue_invoice: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    (text,) = pages_of(invoice.render(blue_invoice, language="en"))
    for figure in ("426.00", "55.38", "481.38", "13%", "2,320.00", "301.60", "¥2,621.60"):
        assert figure in text
    assert "Sales settlement" in text
    assert "Red sales settlement" not in text


def test_chinese_invoice_writes_the_gross_total_in_capitals(
    blue_invoice: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    (text,) = pages_of(invoice.render(blue_invoice, language="zh_CN"))
    assert "贰仟陆佰贰拾壹元陆角" in squeezed(text)


def test_red_invoice_prints_negative_totals_and_the_original_invoice(
    red_invoice: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    (text,) = pages_of(invoice.render(red_invoice, language="en"))
    for figure in ("-12", "-426.00", "-55.38", "-481.38", "-¥481.38"):
        assert figure in text
    assert "Red sales settlement" in text
    assert "IN2026-000077" in text
    assert "440320260000" + "1234" in squeezed(text)  # red-letter confirmation number
    assert "Originalinvoiceno." in squeezed(text)


def test_red_invoice_in_chinese_writes_the_negative_amount_in_capitals(
    red_invoice: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    (text,) = pages_of(invoice.render(red_invoice, language="zh_CN"))
    assert "负肆佰捌拾壹元叁角捌分" in squeezed(text)


def test_red_invoice_given_negative_figures_prints_them_negative_once(
    red_invoice: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    line = red_invoice.lines[0]
    assert line.amount is not None and line.vat is not None and red_invoice.totals is not None
    negative = replace(
        red_invoice,
        lines=[replace(line, quantity=-line.quantity, amount=-line.amount, vat=-line.vat)],
        totals=replace(red_invoice.totals, net=-red_invoice.totals.net,
                       vat=-red_invoice.totals.vat, gross=-red_invoice.totals.gross),
    )
    (text,) = pages_of(invoice.render(negative, language="en"))
    assert "-481.38" in text
    assert "--" not in text


def test_a_red_invoice_without_its_original_invoice_is_refused(
    red_invoice: PrintDocument,
) -> None:
    references = {k: v for k, v in red_invoice.references.items()
                  if k != ORIGINAL_INVOICE_NUMBER}
    with pytest.raises(ValueError, match="original invoice"):
        invoice.render(replace(red_invoice, references=references))


def test_line_vat_is_derived_from_net_and_rate_when_not_given() -> None:
    line = PrintLine(no=1, code="X", name="x", quantity=Decimal(3),
                     amount=Money.of("10.05"), vat_rate=Decimal("0.13"))
    amounts = invoice.line_totals(line)
    assert amounts is not None
    assert amounts.vat == Money.of("1.31")  # 1.3065 rounded half up
    assert amounts.gross == Money.of("11.36")
    assert invoice.rate_text(Decimal("0.09")) == "9%"
    assert invoice.rate_text(Decimal("0")) == "0%"
