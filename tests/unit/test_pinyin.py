"""Pinyin keys: Chinese names sort by their reading and are found by their initials."""

from __future__ import annotations

from retailerp.domain.pinyin import initials, is_initials_query, sort_key


def test_initials_of_a_chinese_name_are_the_first_letter_of_each_syllable() -> None:
    assert initials("华联") == "hl"
    assert initials("上海华联超市有限公司") == "shhlcsyxgs"


def test_a_reading_comes_from_the_phrase_the_character_stands_in() -> None:
    assert sort_key("重庆百货") == "chongqingbaihuo"
    assert initials("银行卡") == "yhk"


def test_latin_words_and_numbers_keep_their_letters_in_lower_case() -> None:
    assert sort_key("Golden Gate 超市 7") == "goldengatechaoshi7"
    assert initials("Golden Gate 超市") == "ggcs"


def test_names_sorted_by_the_key_follow_the_pinyin_alphabet() -> None:
    names = ["上海华联", "北京百盛", "Harbour Stores", "杭州鑫源", "安徽永辉"]
    assert sorted(names, key=sort_key) == [
        "安徽永辉",
        "北京百盛",
        "杭州鑫源",
        "Harbour Stores",
        "上海华联",
    ]


def test_only_latin_letters_are_taken_as_pinyin_typed_by_a_user() -> None:
    assert is_initials_query("hl")
    assert not is_initials_query("华联")
    assert not is_initials_query("C001")
    assert not is_initials_query("")
