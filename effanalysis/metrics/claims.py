"""Claim extraction: a compiled regex anchored on numerals finds every number
with its unit in one pass over the text (the C engine skips ahead to the next
numeral character); small per-match rules then decide the kind, qualifier, bounds,
subject, relation and part-of link.

Things that look like numbers but are not claims: names and slogans (三个代表),
short quotations (“百家企业寻找科技靠山”) and book titles are spans found by a second
regex, and any number starting inside one is dropped; calendar years, plan periods
(五年计划) and the indefinite 一 (一支队伍) are dropped by the per-match rules.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import pandas as pd

from . import numbers as N
from .context import CLAUSE_TAIL, GROWTH_TAIL, following, percent_kind, subject_of
from .units import KIND, MULTIPLE, MULTIPLIERS, ORDINAL_UNITS, PERCENT, PERIODS, RANK_UNITS, alternation

CLAIM_COLUMNS = ["doc", "section", "sentence", "start", "end", "surface", "value", "multiplier", "norm_value",
                 "unit", "kind", "qualifier", "low", "high", "subject", "relation", "part_of"]

NAN = float("nan")
_ARABIC_DIGITS = "0123456789０１２３４５６７８９"

# Names, slogans and idioms whose numerals are not quantities.
NAMES = ("三个代表 三个面向 三个有利于 三个世界 三个务必 三个确保 四个现代化 四项基本原则 两个务必 两个凡是 两个基本点 "
         "一个中心 两个一百年 四个全面 四个意识 四个自信 四个坚持 两个维护 两个确立 两个毫不动摇 两个大局 两个结合 "
         "五个一工程 和平共处五项原则 八项规定 八项注意 三大纪律 千家万户 百家争鸣 成千上万 成百上千 千千万万 千方百计 三番五次 "
         "千军万马 万众一心 百年大计 三门峡 七台河 一把手 两学一做 一带一路 一国两制").split()

OVER, UNDER, APPROX = ("超过 超出 不少于 不低于 多于 高于 大于 至少 逾 突破 超".split(),
                       "不超过 将近 接近 不足 不到 少于 低于 最多 至多 近".split(),
                       "大约 大概 约为 约".split())
QUALIFIER = {**{w: "over" for w in OVER}, **{w: "under" for w in UNDER}, **{w: "approx" for w in APPROX},
             "上": "over", "余": "over", "多": "over", "有余": "over", "来": "approx", "以上": "over",
             "以下": "under", "以内": "under", "左右": "approx", "上下": "approx", "之多": "exact"}

_AR, _CN = N.ARABIC, N.CHINESE
_AMULT = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![瓦克米卡]))"
SKIP_RX = re.compile(r"“[^”\n]{1,25}”|「[^」\n]{1,25}」|《[^》\n]{1,60}》")
# Names by the two characters from each numeral in them on, so a match looks itself up
# in a dict instead of the text being scanned once more for fifty names.
_NAME_AT: dict[str, list[tuple[str, int]]] = {}
for _name in NAMES:
    for _i, _ch in enumerate(_name):
        if _ch in N.CN_CHARS:
            _NAME_AT.setdefault(_name[_i:_i + 2], []).append((_name, _i))
ORDINAL_ONLY = ("代", "版", "号", "章", "节", "阶段")
_UNITS = alternation(list(KIND) + list(ORDINAL_ONLY) + ["番"])
_PRE_RX = re.compile(rf"(?:{alternation(OVER + UNDER + APPROX)}|上)$")
_NUM1 = rf"(?P<num>{_AR}(?P<amult>{_AMULT})?|{_CN})"
_NUM2 = rf"(?P<num2>{_AR}(?P<amult2>{_AMULT})?|{_CN})"
_POST = "以上|以下|以内|左右|上下|之多|有余"

# The lookahead on a numeral character lets the regex engine jump from numeral to numeral.
AMOUNT_RX = re.compile(
    rf"(?=[0-9０-９{N.CN_CHARS}数])(?:百分之(?P<pct>{_AR}|{_CN})(?:{N.RANGE_SEP}(?:百分之)?(?P<pct2>{_AR}|{_CN}))?"
    rf"|{_NUM1}(?:[%％]?{N.RANGE_SEP}{_NUM2})?(?P<mid>余|多|来)?(?P<mult2>万亿|亿|万)?(?P<mid2>余|多)?(?P<unit>{_UNITS}))"
    rf"(?P<post>{_POST})?")
_FREQ_RX = re.compile(rf"每(?P<per>{alternation(PERIODS)})[^，。；！？\n0-9每]{{0,12}}$")
_PLAN_AFTER = ("计划", "规划", "纲要", "设想")

_SENT_END = re.compile(r"[。！？!?\n]")


@lru_cache(maxsize=8192)  # the same few numerals (两, 三, 10) recur all through a corpus
def _number(raw: str, amult: str | None) -> tuple | None:
    """(value, low, high, multiplier, approximate, chinese) of one written number."""
    if raw[0] in _ARABIC_DIGITS:
        v = N.arabic_value(raw[: len(raw) - len(amult)] if amult else raw)
        if v is None:
            return None
        return v, v, v, MULTIPLIERS[amult] if amult else 1, False, False
    cn, mult = N.split_multiplier(raw)
    b = N.chinese_bounds(cn)
    if b is None:
        return None
    return b[0], b[0], b[1], mult, b[2], True


def _scan(text: str):
    """Yield a tuple per claim: (start, end, value, multiplier, norm, unit, kind, qualifier,
    low, high, prefix, relation, subject). `prefix` is the clause up to the number (for the
    subject); `subject` is set already for kinds that name it after the number."""
    skips = [m.span() for m in SKIP_RX.finditer(text)]
    skip_starts = [s for s, _ in skips]
    last_end = 0
    for m in AMOUNT_RX.finditer(text):
        start, end = m.span()
        if start < last_end:
            continue
        i = bisect_right(skip_starts, start) - 1
        if i >= 0 and start < skips[i][1]:
            continue  # inside a short quotation or a book title
        names = _NAME_AT.get(text[start:start + 2])
        if names and any(text.startswith(name, start - at) for name, at in names):
            continue  # inside a name or a slogan: 三个代表, 千家万户
        claim = _claim(m, text, start, end)
        if claim is not None:
            last_end = claim[1]
            yield claim


def _claim(m: re.Match, text: str, start: int, end: int):
    g = m.groupdict()
    if g["pct"] is not None:  # 百分之九十五, 百分之八至九
        g["num"], g["num2"], g["amult2"], g["unit"] = g["pct"], g["pct2"], None, "%"
    unit = g["unit"]
    before = text[start - 1] if start else ""
    if (before == "第" and unit in ORDINAL_UNITS + RANK_UNITS + ORDINAL_ONLY or unit == "届"
            or before == "前" and unit in RANK_UNITS or before == "翻" and unit == "番"):
        return _ordinal(g, text, start, end, unit, before)
    if unit in ORDINAL_ONLY or unit == "番":
        return None
    f = _FREQ_RX.search(text, max(0, start - 16), start) if unit in ("次", "期") else None
    if f:  # 每半年召开一次: times per year
        n = _number(g["num"], None)
        if n is not None:
            per_year = n[0] * PERIODS[f.group("per")]
            return (f.start(), end, per_year, 1, per_year, "次/年", "frequency", "exact", per_year, per_year,
                    "", "", following(text, end))
    pre = _PRE_RX.search(text, max(0, start - 3), start)
    if pre and pre.group() == "上" and g["num"][0] not in "百千万亿":
        pre = None  # 上万 is "over ten thousand", but 上3个 is not
    if pre:
        start = pre.start()
    amount = _amount(g, pre.group() if pre else None, text, start, end, unit)
    if amount is None:
        return None
    value, mult, norm, unit, qual, lo, hi = amount
    prefix = CLAUSE_TAIL.search(text, max(0, start - 40), start).group()
    kind, relation = KIND.get(unit, "percent"), ""
    if kind in ("percent", "multiple"):
        kind, relation, prefix = percent_kind(prefix, kind)
    return start, end, value, mult, norm, unit, kind, qual, lo, hi, prefix, relation, None


def _ordinal(g: dict, text: str, start: int, end: int, unit: str, before: str):
    """第八届, 第二批 (ordinal), 第3位, 前三名 (rank), 十四届 (ordinal), 翻两番 (multiple)."""
    raw = g["num"]
    if g["num2"] or g["mid"] or g["mult2"]:
        return None
    v = N.arabic_value(raw) if raw[0] in _ARABIC_DIGITS else (N.chinese_bounds(raw) or (None,))[0]
    if v is None or (unit == "个" and text.startswith("五年", end)):
        return None  # 第一个五年计划: a plan period
    if unit == "番":
        if before != "翻":
            return None
        v = 2 ** v
        return start - 1, end, v, 1, v, "倍", "multiple", "exact", v, v, "", "", ""
    kind = "rank" if unit in RANK_UNITS else "ordinal"
    if before in ("第", "前"):
        start -= 1
    return start, end, v, 1, v, unit, kind, "exact", v, v, "", "", following(text, end)


def _amount(g: dict, pre: str | None, text: str, start: int, end: int, unit: str):
    """(value, multiplier, norm, unit, qualifier, low, high) of a number with its unit, or None."""
    post, raw = g["post"], g["num"]
    amult, mult2, num2, mid = g.get("amult"), g.get("mult2"), g.get("num2"), g.get("mid") or g.get("mid2")
    if mult2 and raw[0] not in _ARABIC_DIGITS:
        raw, mult2 = raw + mult2, None  # 三亿三千五百多万: the 万 after 多 still belongs to the numeral
    num = _number(raw, amult)
    if num is None:
        return None
    value, low, high, mult, approx, chinese = num
    before = text[start - 1] if start else ""
    if before.isascii() and before.isalpha():
        return None  # G20, C919: part of a name
    if chinese and not pre and raw[0] in "百千万亿":
        return None  # 万人, 百家: a bare place word is a name, not an amount (unless 近万, 上万)
    if raw == "几" and mult == 1:
        return None  # 几个: "a few"
    if raw == "一" and not (pre or post or mid or num2) and unit not in PERCENT + MULTIPLE:
        return None  # 一个机制, 一支队伍: the indefinite article
    if unit == "年" and (not chinese and N.is_year(value, raw) or text[end:end + 1] in ("代", "级")
                        or text.startswith(_PLAN_AFTER, end)):
        return None  # 2025年, 2021—2025年, 五十年代, 五年计划
    if mult2:
        mult *= N.BIG[mult2]
    hi_range = None
    if num2 is not None:
        second = _number(num2, g["amult2"])
        if second is None:
            return None
        m2 = second[3] * (N.BIG[mult2] if mult2 else 1)
        if mult == 1 or mult2:
            mult = m2  # 2至3万元: the multiplier written once applies to both ends
        hi_range = second[2] * m2
    if unit == "％":
        unit = "%"
    elif unit == "成":  # 九成 = 90%
        mult *= 10
        unit = "%"
    norm = round(value * mult, 6)  # 4.94亿 is 494000000, not 494000000.00000006
    if hi_range is not None:
        hi_range = round(hi_range, 6)
        return value, mult, norm, unit, "range", norm, hi_range
    if approx:
        vague = "几" in raw or "数" in raw
        return value, mult, norm, unit, "approx" if vague else "range", round(low * mult, 6), round(high * mult, 6)
    if mid in ("余", "多"):
        return value, mult, norm, unit, "over", norm, round(norm + N.step(value) * mult, 6)
    if mid == "来":
        return value, mult, norm, unit, "approx", NAN, NAN
    if pre or post:
        qual = QUALIFIER[post or pre]
        return (value, mult, norm, unit, qual, norm if qual in ("over", "exact") else NAN,
                norm if qual in ("under", "exact") else NAN)
    return value, mult, norm, unit, "exact", norm, norm


def claim_rows(text: str, doc: str = "text", sentence_starts=None, sentence_ids=None,
               sections=None) -> list[list]:
    """Claim rows (lists in CLAIM_COLUMNS order) of a cleaned text.

    sentence_starts/sentence_ids/sections (parallel sequences) place each claim in
    the Report's sentences; without them sentences are split at 。！？ and line ends."""
    if sentence_starts is None:
        sentence_starts = [0] + [m.end() for m in _SENT_END.finditer(text)]
        sentence_ids, sections = range(len(sentence_starts)), None
    rows: list[list] = []
    deltas: list[bool] = []  # 比上年增加1500亿元: a change, never the whole of a 其中
    prev_end, prev_sent = -1, -1
    whole = None  # the row 其中 refers to, until the next ； or sentence
    for start, end, value, mult, norm, unit, kind, qual, lo, hi, prefix, relation, subject in _scan(text):
        si = max(0, bisect_right(sentence_starts, start) - 1)
        same_sentence = si == prev_sent
        gap = text[prev_end:start] if same_sentence else prefix
        if same_sentence and start - len(prefix) < prev_end:
            prefix = prefix[prev_end - start:] if prev_end < start else ""  # only words since the last claim
            prefix = prefix[prefix.rfind("、") + 1:]  # …1.4万亿斤新台阶、亩产提升10.1斤: a new item
        if same_sentence and rows and not gap.strip("、和及与以 ") and rows[-1][9] == unit:
            kind, relation = rows[-1][10], rows[-1][15]  # 分别降低16%和17%: both are declines
        if subject is None:
            subject = subject_of(text, start, end, kind, prefix, prev_end)
        if not subject and same_sentence and kind not in ("ordinal", "rank"):
            subject = rows[-1][14]  # 比去年同期增长160%, 分别…45亿元、28亿元: the subject just before
        if not same_sentence or "；" in gap or ";" in gap:
            whole = None
        part_of = None
        if kind in ("count", "money", "quantity"):
            if "其中" in gap:
                whole = _whole(rows, deltas, unit, subject)
            if whole is not None and rows[whole][9] == unit:
                part_of = whole
        rows.append([doc, sections[si] if sections is not None else "0", int(sentence_ids[si]), start, end,
                     text[start:end], value, mult, norm, unit, kind, qual, lo, hi, subject, relation, part_of])
        deltas.append(bool(GROWTH_TAIL.search(prefix)))
        prev_end, prev_sent = end, si
    return rows


def _whole(rows: list[list], deltas: list[bool], unit: str, subject: str) -> int | None:
    """The claim 其中 refers to: among recent claims with this unit that are not parts
    themselves, the latest whose subject the part's subject contains (财政赤字 → 中央财政赤字),
    else the latest."""
    latest = None
    for i in range(len(rows) - 1, max(-1, len(rows) - 12), -1):
        r = rows[i]
        if r[9] == unit and r[16] is None and r[10] in ("count", "money", "quantity") and not deltas[i]:
            if len(r[14]) >= 2 and r[14] in subject:
                return i
            latest = i if latest is None else latest
    return latest


def to_frame(rows: list[list]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    df["part_of"] = df["part_of"].astype("Int64")
    for c in ("value", "multiplier", "norm_value", "low", "high"):
        df[c] = df[c].astype(float)
    df["sentence"] = df["sentence"].astype(int)
    return df


def claims_from_text(text: str, doc: str = "text") -> pd.DataFrame:
    """The claims table of a bare cleaned text (sentences split at 。！？ and line ends)."""
    return to_frame(claim_rows(text, doc))


def report_claim_rows(report) -> list[list]:
    """Claim rows of a Report, placed in its sentences and sections (from the sentences'
    starts alone: building the whole sentences table would cost more than the claims)."""
    from ..outline import section_at

    starts = report.sentence_spans[0]
    if not len(starts):
        return []
    sections = section_at(report.sections, starts)
    # The head's facts (title, occasion, speaker: 第十四届…第五次会议) are metadata, not claims:
    # blanked with spaces, so that offsets stay those of the text.
    head = report.meta.get("head_end", 0)
    text = " " * head + report.text[head:] if head else report.text
    return claim_rows(text, report.doc, starts.tolist(), range(len(starts)), [str(x) for x in sections])


def extract_claims(report) -> pd.DataFrame:
    """One row per quantitative claim of a Report (columns CLAIM_COLUMNS)."""
    return to_frame(report_claim_rows(report))
