"""Chinese numerals → numbers.

`parse_int("一百二十")` → 120, `parse_int("两万零五")` → 20005, digit-by-digit
forms (`二〇〇九` → 2009) too. Returns None for anything that is not a numeral.
"""
from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
          "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
          "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def parse_int(text: str) -> int | None:
    if not text or any(ch not in NUMERAL_CHARS for ch in text):
        return None
    # Digit-by-digit (years, codes): 二〇〇九, 一九九八.
    if len(text) > 1 and all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, section, number = 0, 0, None
    big_seen: list[int] = []
    for ch in text:
        if ch in DIGITS:
            if number is not None:  # two digits in a row outside digit-by-digit form
                return None
            number = DIGITS[ch]
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            section += (1 if number is None else number) * unit
            number = None
        else:
            unit = BIG_UNITS[ch]
            section += number or 0
            number = None
            if section == 0 and total == 0:
                return None
            if unit == 10**4 and big_seen and big_seen[-1] == 10**4:
                return None  # 万万 is not a numeral we accept
            # 万亿: a 万 directly before 亿 multiplies the whole amount so far.
            if unit == 10**8:
                total = (total + section) * unit
            else:
                total += section * unit
            big_seen.append(unit)
            section = 0
        if number is not None and number == 0:
            number = None
    section += number or 0
    return total + section


FULLWIDTH = str.maketrans("０１２３４５６７８９．，％·", "0123456789.,%.")  # 5·8％: a middle dot for the point


def parse_arabic(text: str) -> float | int | None:
    """Arabic digits, full-width or not, with thousands separators and a
    decimal point: `２７，２０３，３１９，０００` → 27203319000, `6.66` → 6.66."""
    s = text.translate(FULLWIDTH).replace(",", "")
    try:
        return int(s) if "." not in s else float(s)
    except ValueError:
        return None


def parse_decimal(text: str) -> float | int | None:
    """A Chinese numeral with an optional 点 fraction: 七十七点五 → 77.5."""
    whole, dot, frac = text.partition("点")
    value = parse_int(whole)
    if not dot:
        return value
    if value is None or not frac or any(ch not in DIGITS for ch in frac):
        return None
    return float(f"{value}.{''.join(str(DIGITS[ch]) for ch in frac)}")
