"""Claim extraction: a compiled regex anchored on numerals finds every number
with its unit in one pass over the text (the C engine skips ahead to the next
numeral character); small per-match rules then decide the kind, qualifier, bounds,
subject, relation and part-of link.

Things that look like numbers but are not claims: names and slogans (三个代表),
short quotations (“百家企业寻找科技靠山”) and book titles are spans found by a second
regex, and any number starting inside one is dropped; calendar years (2025年, 二〇三五年),
plan periods (五年计划), time windows (过去五年, 五年来), sessions and numbered events
(第九届, 第三次会议), campaign names (三年行动), anniversaries (60周年), project phases
(二期工程), enumerations of 方面 and the indefinite 一 (一支队伍) are dropped by the
per-match rules. Three small regexes find what has no unit after it: ranks (居全省第二, 首位),
counts of named sets (四大主导产业) and fractions (三分之一).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from . import numbers as N
from .formulations import ABSTRACT_NOUNS, is_formulation, is_window
from .context import (GROWTH_REL, RANK_TAIL, clause_tail, direction_of, first_tag, following, growth_tail,
                      percent_kind, split_items, subject_of)
from .units import KIND, MULTIPLE, MULTIPLIERS, ORDINAL_UNITS, PERCENT, PERIODS, RANK_UNITS, alternation

if TYPE_CHECKING:
    import pandas as pd

CLAIM_COLUMNS = ["doc", "section", "sentence", "start", "end", "surface", "value", "multiplier", "norm_value",
                 "unit", "kind", "qualifier", "low", "high", "subject", "relation", "part_of", "direction"]

NAN = float("nan")
_ARABIC_DIGITS = "0123456789０１２３４５６７８９"

# Names, slogans and idioms whose numerals are not quantities.
NAMES = ("三个代表 三个面向 三个有利于 三个世界 三个务必 三个确保 四个现代化 四项基本原则 两个务必 两个凡是 两个基本点 "
         "一个中心 两个一百年 四个全面 四个意识 四个自信 四个坚持 两个维护 两个确立 两个毫不动摇 两个大局 两个结合 "
         "五个一工程 和平共处五项原则 八项规定 八项注意 三大纪律 千家万户 百家争鸣 成千上万 成百上千 千千万万 千方百计 三番五次 "
         "千军万马 万众一心 百年大计 三门峡 七台河 一把手 两学一做 一带一路 一国两制 两个市场 两种资源 三大攻坚战 两条腿 两个积极性 两条道路 "
         "两头").split()  # 抓两头: both ends, an idiom

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
# The only ordinals kept as claims: batches of designations (入选第二批国家级示范区).
ORDINAL_KEPT = ("批",)
_UNITS = alternation(list(KIND) + list(ORDINAL_ONLY) + ["番"])
_ONE_KEPT = PERCENT + MULTIPLE + ("次", "期", "番")  # 一倍, 每半年召开一次, 翻一番
_YEAR_DIGITS = frozenset("0123456789０１２３４５６７８９〇○零一二三四五六七八九")
_PRE_LAST = frozenset(w[-1] for w in OVER + UNDER + APPROX + ["上"])
_PRE_RX = re.compile(rf"(?:{alternation(OVER + UNDER + APPROX)}|上)$")
_NUM1 = rf"(?P<num>{_AR}(?P<amult>{_AMULT})?|{_CN})"
_NUM2 = rf"(?P<num2>{_AR}(?P<amult2>{_AMULT})?|{_CN})"
_POST = "以上|以下|以内|左右|上下|之多|有余"
_CJK = "\u4e00-\u9fff"

# The lookahead on a numeral character lets the regex engine jump from numeral to numeral.
AMOUNT_RX = re.compile(
    rf"(?=[0-9０-９{N.CN_CHARS}数])(?:百分之(?P<pct>{_AR}|{_CN})(?:{N.RANGE_SEP}(?:百分之)?(?P<pct2>{_AR}|{_CN}))?"
    rf"|{_NUM1}(?:[%％]?{N.RANGE_SEP}{_NUM2})?(?P<mid>余|多|来)?(?P<mult2>万亿|亿|万)?(?P<mid2>余|多)?(?P<unit>{_UNITS})"
    # 12.4万低收入人口, 960多万贫困人口, 减少6800多万: a bare 万/亿 counts what follows or precedes it
    rf"|(?P<bnum>{_AR})(?P<bmid>余|多)?(?P<bmult>万亿|亿|万)(?P<bmid2>余|多)?(?=[{_CJK}，。；、,;]))"
    rf"(?P<post>{_POST})?")
# Ranks without a unit (居全省第二, 位居全市首位), counts of named sets (四大主导产业), fractions
# (三分之一): each regex starts with a literal, so the engine skips ahead to it; the numeral
# before 大 and 分之 is checked by a lookbehind.
RANK_RX = re.compile(r"首位|榜首|第(?P<rk>[一二三四五六七八九十]{1,3}|[0-9０-９]{1,3})"
                     r"(?![0-9０-９一二三四五六七八九十百千万个位名届批次期轮部类条款项家章节代版号阶])")
BIG_RX = re.compile(rf"大(?<=[两三四五六七八九十2-9]大)(?![会])(?=[{_CJK}])")
FRACTION_RX = re.compile(r"分之(?<=[二三四五六七八九十2-9]分之)(?P<numr>[一二三四五六七八九十]{1,3}|[0-9]{1,2})")
_BEFORE_BIG = frozenset("第0123456789０１２３４５６７８９一二两三四五六七八九十百千万")
# A duration that is a time window (过去五年, 五年来, 今后五年, 经过八年), not a figure.
_WINDOW_BEFORE = ("过去", "这", "今后", "未来", "近", "经过", "前", "后", "最近", "此前", "这些", "头", "再用", "用", "的",
                  "已经", "已", "新", "以来", "一个")
_WINDOW_AFTER = ("来", "以来", "中", "间", "内", "里", "累计", "时间", "期间", "年均", "行动", "攻坚", "计划", "规划",
                 "纲要", "工程", "会战", "战役", "专项", "方案", "奋斗", "目标", "任务", "前", "后", "制", "义务教育")
_AGE_AFTER = re.compile(rf"的?[{_CJK}]{{0,2}}?(?:历程|征程|岁月)")
_NTH = re.compile(r"第(?:[一二三四五六七八九十]+个?|[0-9０-９]+个?)$")
# Abstract nouns an enumeration announces (采取四项措施：一是…): counting them states no figure.
STRUCTURE_NOUNS = ("措施", "工作", "任务", "原则", "条件", "方面", "问题", "要求", "举措", "关系", "重点", "环节", "方针",
                   "战线", "基本点", "观点", "内容", "特点", "意见", "途径", "转变", "突破口", "着力点", "标准", "主张",
                   "路线", "大事")
# 五项正义要求, 三项改革任务: a modifier the segmenter may read as a verb before the frame's noun.
_STRUCTURE_AFTER = re.compile(rf"[{_CJK}]{{1,3}}?(?:{alternation(list(STRUCTURE_NOUNS))})(?![{_CJK}])")
_LISTED_BEFORE = re.compile(r"(?:以下|下列|如下|下面)的?$")
_FRAME_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}[：:]")
_SESSION_AFTER = ("会议", "全会", "全体会议", "代表大会", "党代会", "常委会", "全国")
_LIST_GAP = re.compile(r"[、和及与以\s]*")
# 从3200家增至4100家, 占比重从48.2%提高到51.6%: the second figure of a before/after pair.
_TO_GAP = re.compile(r"(?:(?:提高|增加|增长|上升|下降|降低|减少|扩大|缩小|回落|提升|跃升|跃居|攀升)?(?:到|至|为)|"
                     r"增至|降至|升至|减至)(?:[^，。；]{0,10}?的)?")
_NOT_RANKED = ("季", "周", "年", "月", "日", "天", "层", "产业", "类", "方面", "步", "阶段", "部分", "批", "轮", "次")
_FROM_BEFORE = re.compile(r"[从由][^，。；从由]{0,14}$")
# 比一九五二年的二百七十亿元增长百分之一百四十一: the year the base amount is of is the relation.
_BASE_BEFORE = re.compile(r"比(?P<rel>[^，。；比]{1,12}?)的$")
_GROWTH_AFTER = re.compile(r"的?(?P<w>增长|增幅|增速|下降|降幅)")
_FREQ_RX = re.compile(rf"每(?P<per>{alternation(PERIODS)})[^，。；！？\n0-9每]{{0,12}}$")
_PLAN_AFTER = ("计划", "规划", "纲要", "设想")

_SENT_END = re.compile(r"[。！？!?\n]")
_CJK_RX = re.compile(f"[{_CJK}]")


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
    low, high, prefix, relation, subject, direction). `prefix` is the clause up to the number
    (for the subject); `subject` is set already for kinds that name it after the number."""
    skips = [m.span() for m in SKIP_RX.finditer(text)]
    skip_starts = [s for s, _ in skips]
    last_end = 0
    found = [(m.start(), 0, m) for m in AMOUNT_RX.finditer(text)]
    extras = [(m.start(), 1, m) for m in RANK_RX.finditer(text)]
    extras += [(m.start() - 1, 2, m) for m in BIG_RX.finditer(text)
               if m.start() < 2 or text[m.start() - 2] not in _BEFORE_BIG]
    extras += [(m.start() - 1, 3, m) for m in FRACTION_RX.finditer(text)]
    if extras:  # few: ranks, N大 and fractions are rare
        found = sorted(found + extras, key=lambda x: x[:2])
    for start, extra, m in found:
        end = m.end()
        if start < last_end:
            continue
        i = bisect_right(skip_starts, start) - 1
        if i >= 0 and start < skips[i][1]:
            continue  # inside a short quotation or a book title
        names = _NAME_AT.get(text[start:start + 2])
        if names and any(text.startswith(name, start - at) for name, at in names):
            continue  # inside a name or a slogan: 三个代表, 千家万户
        claim = _extra(extra, m, text, start, end) if extra else _claim(m, text, start, end)
        if claim is not None:
            last_end = claim[1]
            yield claim


def _extra(which: int, m: re.Match, text: str, start: int, end: int):
    """居全省第二 and 首位 (rank, which=1), 四大主导产业 (count, 2), 三分之一 (share, 3), or None."""
    if which == 3:
        den, num = _small(text[start]), _small(m.group("numr"))
        if not den or not num or num >= den:
            return None
        v = float(round(Decimal(num) / Decimal(den) * 100, 6))
        subject = following(text, end + 1) if text.startswith("的", end) else None
        return start, end, v, 1, v, "%", "share", "exact", v, v, clause_tail(text, start), \
            "", subject, ""
    if which == 2:
        v = _small(text[start])
        noun = following(text, end)
        if noun.startswith(STRUCTURE_NOUNS) or noun.endswith(ABSTRACT_NOUNS) or _restates_list(text, start, v or 0):
            return None  # 两大任务, 两大主题: ideas; 塑料、合成纤维、合成橡胶三大…: the list restated
        if not v or not noun or len(segment_cut(text[end - 1:end + 3])[0]) > 1:
            return None  # 三大力: 大 starts a word of its own
        return start, end, v, 1, v, "大", "count", "exact", v, v, "", "", noun, ""
    prefix = clause_tail(text, start)
    r = RANK_TAIL.search(prefix)
    if r is None or r.group().startswith(("从", "由")) or text.startswith(_NOT_RANKED, end):
        return None  # 第一，加强领导: an enumeration; 从今年第四季度: a time
    v = 1 if m.group("rk") is None else _small(m.group("rk"))
    if not v:
        return None
    unit = "位" if m.group().endswith("位") else ""
    return start, end, v, 1, v, unit, "rank", "exact", v, v, prefix, r.group("rel"), None, ""


def _small(raw: str) -> int | None:
    """A small whole number written in Arabic or Chinese digits."""
    v = N.arabic_value(raw) if raw[0] in _ARABIC_DIGITS else (N.chinese_bounds(raw) or (None,))[0]
    return int(v) if v is not None and v == int(v) else None


def segment_cut(s: str) -> list[str]:
    from ..language.segment import cut

    return cut(s) or [""]


def _claim(m: re.Match, text: str, start: int, end: int):
    raw, unit = m.group("num", "unit")
    if unit == "年" and raw and len(raw) == 4 and not m.group("num2") and all(c in _YEAR_DIGITS for c in raw):
        return None  # 2025年, 一九五五年: a calendar year (the commonest match of all), before the rest is read
    g = m.groupdict()
    if g["pct"] is not None:  # 百分之九十五, 百分之八至九
        g["num"], g["num2"], g["amult2"], g["unit"] = g["pct"], g["pct2"], None, "%"
    elif g["bnum"] is not None:  # 12.4万低收入人口: no unit, the noun after the number is counted
        g["num"], g["amult"], g["mid"], g["unit"] = g["bnum"] + g["bmult"], g["bmult"], g["bmid"] or g["bmid2"], ""
        g["num2"] = g["mult2"] = None
    unit = g["unit"]
    raw = g["num"]
    before = text[start - 1] if start else ""
    if raw == "一" and not (g["post"] or g["mid"] or g["num2"] or g["mult2"]) and unit not in _ONE_KEPT \
            and before not in _PRE_LAST and before not in "第前翻":
        return None  # 一个机制, 一支队伍: the indefinite article
    if unit == "届" or unit == "周年" or before == "第" and unit == "轮":
        return None  # 第九届, 二十届四中全会, 第十二届运动会, 第二轮督察: sessions and numbered events; 60周年
    if unit == "个" and text.startswith("五年", end):
        return None  # 第一个五年计划, 三个五年计划: plan periods
    if unit in ("次", "个") and (text.startswith(_SESSION_AFTER, end) or text.startswith("中全会", end)):
        return None  # 第三次会议, 第三次全国经济普查
    if unit == "期" and text.startswith(("工程", "项目"), end) or unit == "个" and text.startswith("方面", end):
        return None  # 二期工程: a project phase; 八个方面工作: the plan's structure
    if before == "第" and unit not in ORDINAL_UNITS + RANK_UNITS + ORDINAL_ONLY + ("年", "个月", "天", "周", "个季度"):
        return None  # 第三支柱: a numbered name
    if (before == "第" and unit in ORDINAL_UNITS + RANK_UNITS + ORDINAL_ONLY
            or before == "前" and unit in RANK_UNITS or before == "翻" and unit == "番"):
        return _ordinal(g, text, start, end, unit, before)
    if unit in ORDINAL_ONLY or unit == "番":
        return None
    if KIND.get(unit) == "duration" and _time_window(text, start, end, unit):
        return None
    if unit == "倍" and text[end:end + 1] in ("多", "余") and not g["mid"]:
        g["mid"], end = text[end], end + 1  # 增长3倍多
    if unit in ("对", "列") and (text[end:end + 1].isdigit() or text.startswith(("列入", "列为"), end - 1)):
        return None  # 1对1帮扶; 3项列入
    f = _FREQ_RX.search(text, max(0, start - 16), start) if unit in ("次", "期") else None
    if f:  # 每半年召开一次: times per year
        n = _number(g["num"], None)
        if n is not None:
            per_year = n[0] * PERIODS[f.group("per")]
            return (f.start(), end, per_year, 1, per_year, "次/年", "frequency", "exact", per_year, per_year,
                    "", "", following(text, end), "")
    pre = _PRE_RX.search(text, max(0, start - 3), start)
    if pre and pre.group() == "上" and g["num"][0] not in "百千万亿":
        pre = None  # 上万 is "over ten thousand", but 上3个 is not
    if pre:
        start = pre.start()
    amount = _amount(g, pre.group() if pre else None, text, start, end, unit)
    if amount is None:
        return None
    value, mult, norm, unit, qual, lo, hi = amount
    prefix = clause_tail(text, start)
    kind = KIND.get(unit, "percent") if unit else "count"
    relation, direction, subject = "", "", None
    if g["post"] in ("以上", "以下") and kind != "percent" and _CJK_RX.match(text, end) \
            and not text.startswith(("的", "增长", "下降"), end):
        return None  # 亿元以上项目, 60岁以上老年人: a class in a name, not a figure
    if not unit and not following(text, end) and not growth_tail(prefix):
        return None  # 1.2万 before a verb or a word that is not a noun
    if kind in ("percent", "multiple"):
        kind, relation, prefix, direction = percent_kind(prefix, kind)
        after = _GROWTH_AFTER.match(text, end) if kind == "percent" else None
        if after:  # 保持15%以上增长
            kind, direction = "growth", "down" if after.group("w") in ("下降", "降幅") else "up"
        elif kind == "percent" and text.startswith("的", end) and following(text, end + 1):
            kind = "share"  # 75%以上的行政村
            relation = subject = following(text, end + 1)
    else:
        t = growth_tail(prefix)
        if t:  # 增加910元, 减少6800多万: a change
            direction = direction_of(t)
            r = GROWTH_REL.search(prefix)
            relation = (r.group(1) or r.group("rel")) if r else ""
        if not unit:
            subject = following(text, end) or None
    return start, end, value, mult, norm, unit, kind, qual, lo, hi, prefix, relation, subject, direction


def _restates_list(text: str, start: int, n: float) -> bool:
    """True when the words before a count are a list of exactly that many items (A、B两个…)."""
    tail = clause_tail(text, start, 30)
    tail = tail[:-1] if tail.endswith("的") else tail
    if "、" not in tail and "和" not in tail:
        return False
    items = re.split("[、和与及]", tail)
    return len(items) == n and all(items) and max(map(len, items[1:])) <= 10


def _time_window(text: str, start: int, end: int, unit: str) -> bool:
    """过去五年, 五年来, 五年多来, 近三年来, 今后五年, 经过八年, 这五年, …的十一年中, 三年行动: not figures."""
    if unit == "岁":
        return False
    if text.startswith(_WINDOW_AFTER, end) or text.startswith(_WINDOW_AFTER, end + 1) and text[end] in "的多余":
        return True
    if _AGE_AFTER.match(text, end):
        return True  # 走过了60年光辉历程: an age, not a figure
    head = text[max(0, start - 4):start]
    if head.endswith("连续"):
        return False
    if text[start] not in _ARABIC_DIGITS and is_window(text, start, end):
        return True
    if head.endswith(_WINDOW_BEFORE + ("第",)) or _NTH.search(head):
        return True  # 过去五年, 第二年, 第八个五年
    clause = clause_tail(text, start, 12)
    return not clause and not text.startswith(("以上", "以内", "以下", "左右", "多"), end)  # 五年，…; 两年新增…


def _ordinal(g: dict, text: str, start: int, end: int, unit: str, before: str):
    """第八届, 第二批 (ordinal), 第3位, 前三名 (rank), 十四届 (ordinal), 翻两番 (multiple)."""
    raw = g["num"]
    if g["num2"] or g["mid"] or g["mult2"]:
        return None
    v = N.arabic_value(raw) if raw[0] in _ARABIC_DIGITS else (N.chinese_bounds(raw) or (None,))[0]
    if v is None:
        return None
    if unit == "番":
        if before != "翻":
            return None
        v = 2 ** v
        return start - 1, end, v, 1, v, "倍", "multiple", "exact", v, v, "", "", "", "up"
    kind = "rank" if unit in RANK_UNITS else "ordinal"
    if kind == "ordinal" and unit not in ORDINAL_KEPT:
        return None  # 第三部分, 第一个百年奋斗目标, 第四代移动通信: numbers naming things, not figures
    if before in ("第", "前"):
        start -= 1
    if kind == "rank":  # 居全省前5位: the field is the relation, the thing ranked comes before it
        prefix = clause_tail(text, start)
        r = RANK_TAIL.search(prefix)
        if r is None and before == "第" and unit == "位":
            return None  # 把人民利益放在第一位: a priority, not a ranking
        rel = r.group("rel") if r else ""
        if before == "前":
            return start, end, v, 1, v, unit, kind, "under", NAN, v, prefix, rel, None, ""
        return start, end, v, 1, v, unit, kind, "exact", v, v, prefix, rel, None, ""
    return start, end, v, 1, v, unit, kind, "exact", v, v, "", "", following(text, end), ""


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
    if raw in ("零", "〇") or is_formulation(text, start, end, unit, value, chinese, bool(pre or post or mid or num2)):
        return None  # 零部件; 美苏两个超级大国, 一百斤以上的有…: no figure
    before = text[start - 1] if start else ""
    if before.isascii() and before.isalpha():
        return None  # G20, C919: part of a name
    if chinese and not pre and raw[0] in "百千万亿":
        return None  # 万人, 百家: a bare place word is a name, not an amount (unless 近万, 上万)
    if raw == "几" and mult == 1:
        return None  # 几个: "a few"
    if raw == "一" and (not (pre or post or mid or num2) and unit not in PERCENT + MULTIPLE or unit in ("批", "些")):
        return None  # 一个机制, 一支队伍, 突破一批: the indefinite article
    if chinese and raw[0] == "一" and num2 is None and low != high and low == 1:
        return None  # 一两个重点企业: "one or two", a few
    if chinese and value <= 10 and (text.startswith(STRUCTURE_NOUNS, end) or _LISTED_BEFORE.search(text, max(0, start - 4), start)
                                    or mult == 1 and KIND.get(unit) == "count" and _STRUCTURE_AFTER.match(text, end)
                                    or _FRAME_AFTER.match(text, end) or following(text, end).endswith(STRUCTURE_NOUNS + ABSTRACT_NOUNS)):
        # 采取四项措施, 以下三类企业, 抓好三件事：一是…: the frame of an enumeration, not a figure;
        # 八项新举措, 六条政治标准, 五项正义要求: the head of the noun phrase counted is such a word
        return None
    if chinese and (text[start - 1:start] in ("这", "那", "该", "此") or text[max(0, start - 2):start] in ("这些", "上述")):
        return None  # 这两类私商: a reference back to things named before
    if chinese and 2 <= value <= 10 and _restates_list(text, start, value):
        return None  # 香港、澳门两个特别行政区: the number restates the list just written
    if post in ("以上", "以下") and KIND.get(unit) != "percent" and text.startswith("的", end) and following(text, end + 1):
        return None  # 年产石油一亿吨以上的国家: a class, not a figure
    if unit == "国" and (value == 2 or text.startswith("集团", end)):
        return None  # 中日两国: the two countries named; 二十国集团: a name
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
        hi_range = N.scale(second[2], m2)
    if unit == "％":
        unit = "%"
    elif unit == "成":  # 九成 = 90%
        mult *= 10
        unit = "%"
    norm = N.scale(value, mult)  # 2718.3亿 is 271830000000, not 271830000000.00003
    if hi_range is not None:
        return value, mult, norm, unit, "range", norm, hi_range
    if approx:
        vague = "几" in raw or "数" in raw
        return value, mult, norm, unit, "approx" if vague else "range", N.scale(low, mult), N.scale(high, mult)
    if mid in ("余", "多"):
        return value, mult, norm, unit, "over", norm, N.scale(value, mult, N.step(value))
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
    before_of: dict[int, int] = {}  # the "after" row of a before/after pair -> its "before" row
    prev_end, prev_sent = -1, -1
    whole = None  # the row 其中 refers to, until the next ；, sentence or new item
    items: list[str] = []  # 县财政收入、支出分别…: the subjects 分别 hands out in turn
    for start, end, value, mult, norm, unit, kind, qual, lo, hi, prefix, relation, subject, direction in _scan(text):
        si = max(0, bisect_right(sentence_starts, start) - 1)
        same_sentence = si == prev_sent
        gap = text[prev_end:start] if same_sentence else prefix
        if same_sentence and start - 40 < prev_end:
            clause_start = start - len(clause_tail(text, start))
            if clause_start < prev_end:
                prefix = prefix[prev_end - clause_start:]  # only words since the last claim
                prefix = prefix[prefix.rfind("、") + 1:]  # …1.4万亿斤新台阶、亩产提升10.1斤: a new item
        prev = rows[-1] if same_sentence and rows else None
        listed = prev is not None and _LIST_GAP.fullmatch(gap) is not None and gap != ""
        paired = prev is not None and prev[9] == unit and _TO_GAP.fullmatch(gap) is not None \
            and _FROM_BEFORE.search(text, max(0, prev[3] - 16), prev[3]) is not None
        if paired:  # 从3200家增至4100家: the after figure of the same thing
            kind, relation, subject, direction = prev[10], prev[15], prev[14], ""
            before_of[len(rows)] = len(rows) - 1
        elif listed and prev[9] == unit:
            kind, relation, direction = prev[10], prev[15], prev[17] or direction  # 分别降低16%和17%
            if qual == "exact" and prev[11] in ("over", "under", "approx") and prev[5][:1] in _PRE_FIRST:
                qual = prev[11]  # 分别突破20亿元和60亿元: the qualifier written once holds for both
                lo, hi = (norm if qual == "over" else NAN), (norm if qual == "under" else NAN)
        if subject is None:
            subject = subject_of(text, start, end, kind, prefix, prev_end)
            if "分别" in prefix and len(split_items(subject)) > 1:
                items = split_items(subject)  # 化学需氧量、二氧化硫排放总量分别下降15.7%和17.5%
                subject = items.pop(0)
            elif listed and items and not paired:
                subject = items.pop(0)
            else:
                items = [] if not listed else items
        if kind == "growth" and not relation and prev is not None and prev[10] in ("count", "money", "quantity"):
            b = _BASE_BEFORE.search(text, max(0, prev[3] - 16), prev[3])
            relation = b.group("rel") if b else ""
        if not subject and prev is not None and kind != "ordinal":
            subject = prev[14]  # 比去年同期增长160%, 分别…45亿元、28亿元: the subject just before
        if not same_sentence or "；" in gap or ";" in gap or (whole is not None and _new_item(gap)):
            whole = None
        part_of = None
        if kind in ("count", "money", "quantity"):
            if "其中" in gap:
                whole = _whole(rows, deltas, unit, subject)
                if whole in before_of and _FROM_BEFORE.search(text, max(0, start - 16), start):
                    whole = before_of[whole]  # 其中企业从4800户…: part of the "before" whole
            if whole is not None and rows[whole][9] == unit:
                part_of = whole
                if len(rows) in before_of and rows[-1][16] is not None:
                    after = next((a for a, b in before_of.items() if b == rows[-1][16]), None)
                    part_of = after if after is not None else whole  # …增加到7600户: part of the "after" whole
        rows.append([doc, sections[si] if sections is not None else "0", int(sentence_ids[si]), start, end,
                     text[start:end], value, mult, norm, unit, kind, qual, lo, hi, subject, relation, part_of,
                     direction])
        deltas.append(bool(direction))
        prev_end, prev_sent = end, si
    return rows


_PRE_FIRST = tuple({w[0] for w in OVER + UNDER + APPROX})


def _new_item(gap: str) -> bool:
    """…其中经济林3万亩，治理沙化土地25万亩: a clause that opens with a verb is a new item, so the
    span 其中 opened has ended (其中发明专利40件，实用新型100件 goes on listing parts)."""
    cut = max(gap.rfind("，"), gap.rfind(","), gap.rfind("、"))
    return cut >= 0 and first_tag(gap[cut + 1:]) == "v"


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
    import pandas as pd  # not at the top: `effanalysis metrics` writes the rows without a frame

    df = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    df["part_of"] = df["part_of"].astype("Int64")
    df["direction"] = df["direction"].astype(str)
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
    sections = section_at(report.section_columns, starts)
    # The head's facts (title, occasion, speaker: 第十四届…第五次会议) are metadata, not claims:
    # blanked with spaces, so that offsets stay those of the text.
    head = report.meta.get("head_end", 0)
    text = " " * head + report.text[head:] if head else report.text
    return claim_rows(text, report.doc, starts.tolist(), range(len(starts)), [str(x) for x in sections])


def extract_claims(report) -> pd.DataFrame:
    """One row per quantitative claim of a Report (columns CLAIM_COLUMNS)."""
    return to_frame(report_claim_rows(report))
