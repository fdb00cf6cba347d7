"""Field rules of the master records: codes, phones, tax ids, barcodes, text lengths."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError


def refusal(call, *args, **kwargs) -> FieldError:  # noqa: ANN001
    with pytest.raises(FieldError) as info:
        call(*args, **kwargs)
    return info.value


# --- texts -------------------------------------------------------------------------------


def test_required_text_is_stripped_and_must_be_given() -> None:
    assert v.required_text("  上海华联  ", "name", 10) == "上海华联"
    for empty in ("", "   ", None):
        error = refusal(v.required_text, empty, "name", 10)
        assert error.field == "name"
        assert "required" in str(error)


def test_oversized_text_is_refused_saying_how_long_it_is() -> None:
    error = refusal(v.required_text, "x" * 11, "name", 10)
    assert error.field == "name"
    assert str(error) == "At most 10 characters are allowed (you typed 11)."
    assert v.optional_text("字" * 10, "address", 10) == "字" * 10  # characters, not bytes
    assert refusal(v.optional_text, "字" * 11, "address", 10).params == {"max": 10, "n": 11}
    assert v.optional_text(None, "address", 10) == ""


# --- codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "clean"),
    [("c001", "C001"), ("  ab-1 ", "AB-1"), ("A.B_C/D-9", "A.B_C/D-9"), ("9", "9")],
)
def test_codes_are_upper_cased(typed: str, clean: str) -> None:
    assert v.code(typed) == clean


@pytest.mark.parametrize("bad", ["-ab", "_x", "a b", "客户1", "a#1", "a,b"])
def test_codes_hold_only_letters_digits_and_a_few_symbols(bad: str) -> None:
    error = refusal(v.code, bad, "sku")
    assert error.field == "sku"
    assert "only letters, digits" in str(error)


def test_codes_are_required_and_fit_their_column() -> None:
    assert "required" in str(refusal(v.code, ""))
    assert refusal(v.code, "A" * 21).field == "code"
    assert v.code("A" * 32, "sku", 32) == "A" * 32
    assert refusal(v.code, "A" * 33, "sku", 32).params["n"] == 33


# --- phones ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    ["021-5555 1234", "+86 138 0013 8000", "13800138000", "(021) 5555-1234", "12345", ""],
)
def test_phone_numbers_that_are_accepted(phone: str) -> None:
    assert v.phone(phone) == phone


@pytest.mark.parametrize(
    "phone",
    ["1234", "1" * 21, "tel 12345", "12345-", "abc", "138.0013.8000", "+", "++8612345"],
)
def test_phone_numbers_that_are_refused(phone: str) -> None:
    error = refusal(v.phone, phone, "phone")
    assert error.field == "phone"
    assert phone in str(error)


def test_a_phone_longer_than_its_column_is_refused() -> None:
    assert "At most 30" in str(refusal(v.phone, "1 " * 16))


# --- tax ids (统一社会信用代码) --------------------------------------------------------------

REAL_USCC = ["914403001922038216", "9144030071526726XG", "91330100799655058B"]


@pytest.mark.parametrize("code", REAL_USCC)
def test_real_unified_social_credit_codes_are_accepted(code: str) -> None:
    assert v.tax_id(code) == code
    assert v.tax_id(code.lower()) == code
    assert v.tax_id(f" {code[:8]} {code[8:]} ") == code


@pytest.mark.parametrize("code", REAL_USCC)
def test_a_wrong_check_character_is_refused(code: str) -> None:
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    error = refusal(v.tax_id, wrong)
    assert error.field == "tax_id"
    assert "check character does not match" in str(error)


def test_letters_outside_the_uscc_alphabet_are_refused() -> None:
    body = "91440300I1526726X"  # I is not used in the code
    assert "check character" in str(refusal(v.tax_id, body + "G"))


@given(st.text(alphabet=v.USCC_ALPHABET, min_size=17, max_size=17))
def test_any_body_with_its_computed_check_character_is_valid(body: str) -> None:
    code = body + v.uscc_check_char(body)
    assert v.tax_id(code) == code
    for other in v.USCC_ALPHABET:
        if other != code[17]:
            with pytest.raises(FieldError):
                v.tax_id(body + other)
            break


@pytest.mark.parametrize("legacy", ["110108000000016", "44030011122233344455", "11010800000001X"])
def test_older_15_and_20_character_registrations_are_accepted(legacy: str) -> None:
    assert v.tax_id(legacy) == legacy.upper()


@pytest.mark.parametrize("length", [1, 14, 16, 17, 19])
def test_a_tax_id_of_the_wrong_length_is_refused_saying_its_length(length: int) -> None:
    error = refusal(v.tax_id, "1" * length, "buyer_tax_id")
    assert error.field == "buyer_tax_id"
    assert error.params["n"] == length
    assert f"has {length}." in str(error)


def test_tax_id_oddities() -> None:
    assert v.tax_id("") == "" and v.tax_id(None) == ""
    assert refusal(v.tax_id, "1" * 21).field == "tax_id"  # longer than the column
    assert refusal(v.tax_id, "11010800000001-").field == "tax_id"  # 15, not alphanumeric
    assert refusal(v.tax_id, "１１０１０８０００００００１６").field == "tax_id"  # full-width


# --- barcodes (GTIN) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    ["4006381333931", "6901234567892", "036000291452", "96385074", "10012345678902"],
)
def test_gtins_with_the_right_check_digit_are_accepted(code: str) -> None:
    assert v.barcode(code) == code


@pytest.mark.parametrize(
    ("code", "digit"),
    [("4006381333932", "1"), ("036000291453", "2"), ("96385070", "4"), ("10012345678900", "2")],
)
def test_a_wrong_check_digit_is_refused_saying_the_right_one(code: str, digit: str) -> None:
    error = refusal(v.barcode, code)
    assert error.field == "barcode"
    assert str(error) == f"Barcode {code}: the check digit should be {digit}."


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_every_ean13_body_has_exactly_one_check_digit(body: str) -> None:
    good = [d for d in "0123456789" if _accepted(body + d)]
    assert good == [v.gtin_check_digit(body)]


def _accepted(code: str) -> bool:
    try:
        v.barcode(code)
    except FieldError:
        return False
    return True


def test_other_barcodes_are_printable_ascii_without_spaces() -> None:
    assert v.barcode("ABC-123/x") == "ABC-123/x"
    assert v.barcode("1234567890") == "1234567890"  # ten digits: not a GTIN length
    assert v.barcode("") == ""
    assert "no spaces" in str(refusal(v.barcode, "ABC 123"))
    assert "no spaces" in str(refusal(v.barcode, "条码123"))
    assert "At most 32" in str(refusal(v.barcode, "A" * 33))


# --- the one text rule: what is stripped, what is refused, which fields are multi-line ----

TODAY = date(2026, 3, 16)


@pytest.mark.parametrize(
    ("field", "given", "kept"),
    [
        ("name", "  上海华联  ", "上海华联"),
        ("name", "\ufeff上海华联", "上海华联"),  # byte-order mark from a pasted CSV cell
        ("name", "华\u200b联", "华联"),  # zero-width space
        ("name", "ACME\n", "ACME"),  # a trailing line break is surrounding space
        ("name", "Cafe\u0301", "Café"),  # composed (NFC)
        ("name", "👩\u200d👩\u200d👧", "👩\u200d👩\u200d👧"),  # joiners that emoji need
        ("note", "first line\r\nsecond line", "first line\nsecond line"),
        ("note", "a\rb\u2028c", "a\nb\nc"),
        ("rows.3.note", "a\tb\nc", "a\tb\nc"),  # the last part of the name decides
        ("address", "上海市\n黄浦区", "上海市\n黄浦区"),
        ("credit_note", "line 1\nline 2", "line 1\nline 2"),
        ("name", None, ""),
    ],
)
def test_text_is_cleaned_by_the_one_rule(field: str, given: str | None, kept: str) -> None:
    assert v.clean_text(given, field) == kept


@pytest.mark.parametrize(
    ("field", "given", "words"),
    [
        ("name", "ACME\x00Ltd", "invisible control character (U+0000)"),
        ("name", "\x1b[31mRED\x1b[0m", "invisible control character (U+001B)"),
        ("name", "ACME\x7f", "U+007F"),
        ("name", "AC\x85ME", "U+0085"),  # a C1 control
        ("name", "gpj.\u202eexe", "changes the writing direction"),
        ("name", "\u2066abc\u2069", "changes the writing direction"),
        ("name", "a\u200fb", "changes the writing direction"),
        ("name", "a\u061cb", "changes the writing direction"),
        ("name", "soft\u00adhyphen", "invisible control character (U+00AD)"),
        ("name", "a\ud800b", "invisible control character (U+D800)"),  # a lone surrogate
        ("name", "two\nlines", "takes one line"),
        ("lines.2.batch", "L1\r\nL2", "takes one line"),
        ("name", "a\u2028b", "takes one line"),
        ("name", "tab\there", "U+0009"),
        ("note", "bell\x07", "U+0007"),  # a multi-line field still refuses controls
        ("note", "x\u202e", "changes the writing direction"),
        ("name", 42, "Enter text"),  # a name given as a number
        ("name", ["a"], "Enter text"),
        ("name", b"bytes", "Enter text"),
    ],
)
def test_implausible_text_is_refused_naming_the_field(
    field: str, given: object, words: str
) -> None:
    error = refusal(v.clean_text, given, field)
    assert error.field == field
    assert words in str(error)


def test_every_text_field_rule_applies_the_text_rule() -> None:
    for rule in (v.required_text, v.optional_text):
        assert refusal(rule, "a\x00", "name", 10).field == "name"
        assert refusal(rule, "a\u202eb", "contact", 10).field == "contact"
        assert refusal(rule, 7, "name", 10).field == "name"
    assert refusal(v.code, "C\x1b1").field == "code"
    assert refusal(v.phone, "138\u202e0013800").field == "phone"
    assert v.optional_text("a\nb", "note", 10) == "a\nb"


@given(st.text(max_size=20))
def test_the_text_rule_either_refuses_or_leaves_nothing_invisible(text: str) -> None:
    for field in ("name", "note"):
        try:
            clean = v.clean_text(text, field)
        except FieldError as error:
            assert error.field == field
            continue
        assert clean == clean.strip()
        assert not any(
            unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t" for ch in clean
        )
        assert not set(clean) & v.BIDI_CONTROLS
        if field == "name":
            assert "\n" not in clean and "\t" not in clean


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "day"),
    [
        (date(2026, 3, 16), date(2026, 3, 16)),
        (date(2000, 1, 1), date(2000, 1, 1)),
        (date(2027, 3, 17), date(2027, 3, 17)),  # 366 days ahead
        ("2026-12-05", date(2026, 12, 5)),
        (" 2025-01-31 ", date(2025, 1, 31)),
    ],
)
def test_plausible_document_dates_are_taken(given: object, day: date) -> None:
    assert v.document_date(given, "doc_date", TODAY) == day


@pytest.mark.parametrize(
    ("given", "words"),
    [
        (
            date(1900, 1, 1),
            "1900-01-01 is not a plausible date: give one from 2000-01-01 to 2027-03-17.",
        ),
        (date(1999, 12, 31), "not a plausible date"),
        (date(2099, 1, 1), "not a plausible date"),
        (date(2027, 3, 18), "not a plausible date"),
        ("2026-02-30", "Enter a date such as 2026-12-05."),
        ("16.03.2026", "Enter a date"),
        ("yesterday", "Enter a date"),
        ("20260316", "Enter a date"),
        (20260316, "Enter a date"),
        (None, "Enter a date"),
        (datetime(2026, 3, 16, 12, 0), "Enter a date"),
    ],
)
def test_implausible_document_dates_are_refused(given: object, words: str) -> None:
    error = refusal(v.document_date, given, "doc_date", TODAY)
    assert error.field == "doc_date"
    assert words in str(error)
