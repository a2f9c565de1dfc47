"""The number grammar: regex pieces for Arabic and Chinese numerals, and the
value and bounds of a matched number (ranges 两三百, approximations 十几/几十/数百).
"""
from __future__ import annotations

import math
import re
from decimal import Decimal

from ..numerals import DIGITS, parse_arabic, parse_decimal

# 1,234 / １２３ / 6.66 / ２７，２０３，３１９，０００ (separators only before exactly three digits).
ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．·][0-9０-９]+)?"
# Chinese numerals incl. 几 (approximate) and a 点 fraction; 数 only before a place (数十, 数百万).
CN_CHARS = "零〇○一二两三四五六七八九十百千万亿几"
CHINESE = rf"(?:数(?=[十百千万亿]))?[{CN_CHARS}]+(?:点[零〇一二三四五六七八九]+)?"
RANGE_SEP = r"[—–－\-~～至到]"

BIG = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
# Pairs read as a range when written side by side: 两三, 三四, 三五, 七八.
_PAIR = re.compile(r"([一二两三四五六七八九])([二两三四五六七八九])")  # 一两, 两三, 七八
_NEXT = {"一": "二两", "二": "三", "两": "三", "三": "四五", "四": "五", "五": "六", "六": "七", "七": "八", "八": "九"}


def split_multiplier(cn: str) -> tuple[str, int]:
    """Trailing 万/亿/万亿 of a Chinese numeral is its multiplier: 一百二十万 → (一百二十, 10**4)."""
    for word in ("万亿", "亿", "万"):
        # 四亿六千万: a 万 after 亿 belongs to the lower section, not to the whole number
        if cn.endswith(word) and len(cn) > len(word) and cn[-len(word) - 1] not in "万亿" \
                and not (word == "万" and "亿" in cn):
            return cn[: -len(word)], BIG[word]
    if cn in BIG:  # 近万人, 上亿元: the bare word counts as one of it
        return "一", BIG[cn]
    return cn, 1


def chinese_bounds(cn: str) -> tuple[float, float, bool] | None:
    """(low, high, approximate) of a Chinese numeral without multiplier, or None.
    Exact numerals give low == high."""
    if cn.startswith("数"):
        cn = "几" + cn[1:]
    if cn and cn[0] in "百千":
        cn = "一" + cn
    if "几" in cn:
        if cn.count("几") > 1:
            return None
        i = cn.index("几")
        low_digit = "一" if i and cn[i - 1] == "十" else "二"  # 十几 = 11..19, 几十 = 20..90
        low, high = parse_decimal(cn.replace("几", low_digit)), parse_decimal(cn.replace("几", "九"))
        return (low, high, True) if low is not None and high is not None else None
    if len(cn) > 1 and all(ch in DIGITS for ch in cn) and (len(cn) > 2 or any(ch in "〇○零" for ch in cn)):
        return None  # digit by digit (二〇三五, 二〇〇九, codes): not an amount, nor a range 203–205
    m = _PAIR.search(cn)
    if m and m.group(2) in _NEXT.get(m.group(1), ""):
        a, b = cn[: m.start()] + m.group(1) + cn[m.end():], cn[: m.start()] + m.group(2) + cn[m.end():]
        low, high = parse_decimal(a), parse_decimal(b)
        if low is not None and high is not None and low < high:
            return low, high, True
        return None
    value = parse_decimal(cn)
    return None if value is None else (value, value, False)


def scale(value, mult, step=0) -> float:
    """value (+ step) × mult computed in decimal, so 2718.3亿 is 271830000000 exactly."""
    if isinstance(value, int) and isinstance(mult, int) and isinstance(step, int):
        return float((value + step) * mult)
    if not step and mult != 1:
        v = value * mult
        r = round(v)
        if abs(v - r) < 1e-7 * abs(v):  # 2718.3 × 10^8 is a whole number: the float error rounds away
            return float(r)
    elif not step:
        return float(value)
    return float((Decimal(repr(value)) + Decimal(repr(step))) * Decimal(repr(mult)))


def arabic_value(text: str) -> float | int | None:
    return parse_arabic(text)


def step(value: float) -> float:
    """The place of the last significant digit: 7000 → 1000, 30 → 10, 1.5 → 0.1.
    余/多 after a number means "up to the next step": 7000余 → 7000..8000."""
    if value <= 0:
        return 1
    if value != int(value):
        decimals = len(repr(float(value)).split(".")[1].rstrip("0"))
        return 10.0 ** -decimals
    n, s = int(value), 1
    while n % 10 == 0:
        n //= 10
        s *= 10
    return s


def is_year(value: float, raw: str) -> bool:
    """A four-digit Arabic number 1000–2999 before 年 is a calendar year."""
    digits = raw.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return digits.isdigit() and len(digits) == 4 and 1000 <= value < 3000 and not math.isnan(value)
