"""Chinese and Arabic numeral parsing, with round trips over 0..10^12."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from effanalysis.numerals import parse_arabic, parse_decimal, parse_int

DIG = "零一二三四五六七八九"


def _four(x: int, first: bool, liang: bool, bare_ten: bool) -> str:
    """0 < x < 10000 as Chinese; `first` = nothing written before this section."""
    out, zero = "", False
    for d, unit in zip((x // 1000, x // 100 % 10, x // 10 % 10, x % 10), "千百十 "):
        unit = unit.strip()
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out, zero = out + "零", False
        if d == 1 and unit == "十" and not out and first and bare_ten:
            out += "十"  # 十五, 十万: no 一 at the very start
        else:
            out += ("两" if d == 2 and liang and unit in ("千", "百") else DIG[d]) + unit
    return out


def to_chinese(n: int, liang: bool = False, bare_ten: bool = True) -> str:
    """An independent writer of Chinese numerals (the parser's oracle)."""
    if n == 0:
        return "零"
    out = ""
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        part = n // big
        n %= big
        if big == 10**8 and part >= 10**4:  # 一万亿
            out += to_chinese(part, liang, bare_ten) + name
            continue
        if part:
            if out and part < 1000:
                out += "零"
            out += _four(part, not out, liang and part >= 100, bare_ten) + name
    return out


@pytest.mark.parametrize("text,value", [
    ("七", 7), ("两", 2), ("十", 10), ("十五", 15), ("一十五", 15), ("一百二十", 120), ("两万零五", 20005),
    ("一千零一十", 1010), ("三万五千", 35000), ("十万", 100000), ("一亿二千万", 120000000),
    ("四亿六千万", 460000000), ("一万亿", 10**12), ("二〇〇九", 2009), ("一九五四", 1954),
])
def test_parse_int_known_numerals(text, value):
    assert parse_int(text) == value


@pytest.mark.parametrize("text", ["", "一是", "万", "三个", "abc"])
def test_parse_int_rejects_non_numerals(text):
    assert parse_int(text) is None


def test_writer_matches_common_spellings():
    assert to_chinese(10005) == "一万零五"
    assert to_chinese(215, liang=True) == "两百一十五"
    assert to_chinese(100050000) == "一亿零五万"
    assert to_chinese(15) == "十五" and to_chinese(15, bare_ten=False) == "一十五"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.booleans(), st.booleans())
def test_round_trip_integer_to_chinese_and_back(n, liang, bare_ten):
    assert parse_int(to_chinese(n, liang, bare_ten)) == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_round_trip_arabic_with_separators_and_full_width(n):
    plain = f"{n:,}"
    full = plain.translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
    assert parse_arabic(plain) == n
    assert parse_arabic(full) == n


@pytest.mark.parametrize("text,value", [("七十七点五", 77.5), ("三点一四", 3.14), ("九十五", 95), ("零点五", 0.5)])
def test_parse_decimal(text, value):
    assert parse_decimal(text) == pytest.approx(value)


def test_parse_arabic_decimal_and_fullwidth_point():
    assert parse_arabic("１．７") == pytest.approx(1.7)
    assert parse_arabic("6.66") == pytest.approx(6.66)
    assert parse_arabic("１２a") is None
