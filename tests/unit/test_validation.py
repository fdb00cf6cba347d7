"""Field rules of the master records: codes, phones, tax ids, barcodes, text lengths."""

from __future__ import annotations

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
