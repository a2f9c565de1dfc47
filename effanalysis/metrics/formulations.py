"""Numbers that are formulations, not measurements.

GB/T 15835-2011 (the use of numerals in publications) writes statistics and measurements in
Arabic numerals and keeps Chinese numerals for fixed expressions and formulations (四个现代化,
两个确立, 三大攻坚战). Reports of the 1950s-1970s write their statistics in Chinese numerals
too, so the script alone decides nothing: a small Chinese numeral is a formulation only when
its context says so — the segmenter reads it as part of a longer word, no verb or measure governs it and it restates the names before it
(美苏两个超级大国, 修正主义两条路线), or the words around it are those of a class, a
threshold or a source rather than of a figure. Counts inside fixed names go too, whatever the
script: places counted without 个 (四省藏区), a whole of N kinds (56个民族大家庭), a document
by its articles (四十条纲要, 20条措施), ideas counted (两大主题, 三个优势).
"""
from __future__ import annotations

import re

from .context import boundaries, following, tags
from .units import KIND

_CN_SMALL = frozenset("一二两三四五六七八九十")
# Measure words of things counted one by one; a formulation counts its items with them.
_ITEM_WORDS = frozenset("个 条 项 件 种 类 次 国".split())
# 亩产达到一百斤以上的有四十五个县, 至于六十斤以下的，…: the bound of a class of things
# (the 的 stands for them), not a figure; also the first bound of 八十斤到九十九斤的有.
_CLASS_AFTER = re.compile(r"(?:(?:、|到|至|或者|或|和)[0-9０-９.．零〇一二两三四五六七八九十百千万亿点]+[\u4e00-\u9fff/]{1,5}?)*"
                          r"(?:以上|以下|以内)?的(?:有|共有|占|，|,)")
# 以四十斤为界, 以一百元为限: a threshold a count is made with; 100万元至300万元部分: a bracket.
_THRESHOLD_AFTER = re.compile(r"(?:为界|为限|为起点|为基数|为单位)")
_BRACKET_AFTER = re.compile(r"(?:(?:至|到)[0-9０-９.．零〇一二两三四五六七八九十百千万亿]+[^\s，。；]{0,2})?的?部分")
# 据十二个省的不完全统计: how many places a source covers, not a figure about them.
_SOURCE_AFTER = re.compile(r"[^，。；]{0,10}?(?:统计|调查|抽样|测算|监测)")
# 在我们这样一个近八亿人口的国家, 十亿人口的大国: a nation described by its people.
_NATION_AFTER = re.compile(r"口?的(?:发展中)?(?:大国|国家)")
# 全市七个民主评议单位, 青川县三个乡镇: a scope or a place with its level is no set of names the count restates.
_SCOPE = re.compile(r"^[全各本我该]|[省市县区镇乡村州旗]$")
_NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "j", "l")
# 四省藏区, 东北三省, 三省一市: places counted without 个 name a grouping of regions; a count of
# them as a figure is written 4个省.
_PLACE_UNITS = frozenset("省 市 县 区 乡 镇 村 州".split())
# 56个民族大家庭: the count qualifies a whole that is one (a family, a community), not a figure.
_COLLECTIVE_HEADS = ("大家庭", "共同体", "大团结")
_COLLECTIVE_RX = re.compile("|".join(_COLLECTIVE_HEADS))
# 四十条纲要, 20条措施, 国务院十条意见: a document named by its number of articles.
_DOCUMENT_AFTER = ("纲要", "意见", "措施", "规定", "办法", "举措", "政策", "细则", "决定", "要求", "建议")
# Abstract nouns: counting ideas (两大主题, 三大战略, 四个优势) names a formulation; a count of
# industries, clusters or bases (四大主导产业) counts things of the economy a reader can check.
ABSTRACT_NOUNS = ("主题", "主线", "战略", "理念", "矛盾", "课题", "难题", "挑战", "机遇", "优势", "趋势", "法宝",
                  "特征", "作风", "成就", "目标", "使命", "方向", "思想", "精神")
# 年综合能耗5万吨标准煤以上的企业: the bound of a class with the noun of its unit between.
_NOUN_CLASS_AFTER = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:以上|以下)的[\u4e00-\u9fff]")
# 十种有色金属108万吨: the kinds name the basket whose amount follows.
_BASKET_AFTER = re.compile(r"[^\s，。；、,;0-9０-９零〇一二两三四五六七八九十百千万亿]{1,6}[0-9０-９零〇一二两三四五六七八九十百千万亿]")


def is_formulation(text: str, start: int, end: int, unit: str, value: float, chinese: bool, qualified: bool) -> bool:
    """True when the number at text[start:end] (its unit included) is not a figure."""
    after = text[end:end + 24]
    before1 = text[start - 1:start]
    # each test behind a character test: this runs for every number of a corpus
    if unit and "的" in after and _CLASS_AFTER.match(after):
        return True
    if before1 == "以" and _THRESHOLD_AFTER.match(after) or "部分" in after and _BRACKET_AFTER.match(after):
        return True
    if before1 == "据" and _SOURCE_AFTER.match(after):
        return True
    if unit in ("条", "项") and after.startswith(_DOCUMENT_AFTER):
        return True
    if unit == "个" and _COLLECTIVE_RX.search(after, 0, 12) \
            and following(text, end).endswith(_COLLECTIVE_HEADS):
        return True
    if "以" in after[:5] and KIND.get(unit) in ("quantity", "money") and _NOUN_CLASS_AFTER.match(after):
        return True  # (八百多个限额以上的企业 counts the firms of a class: the noun is the thing counted)
    if unit == "人" and (after.startswith("民") or _NATION_AFTER.match(after)):
        return True  # 六亿五千万人民: the people, not a head count
    if not chinese or qualified or value > 10 or value != int(value):
        return False
    if unit in _PLACE_UNITS and _names_places(text, start, after):
        return True
    if unit in ("种", "类") and _BASKET_AFTER.match(after):
        return True
    if unit not in _ITEM_WORDS:
        return False
    lo = max(0, start - 4)
    if end - lo not in boundaries(text[lo:end + 6]):
        return True  # 两条路线, 三次产业, 八项规定: the segmenter's word runs on past the measure word, a name
    if unit == "国":
        return True  # 中亚四国, 西方七国: a group named by its size (a count of countries is N个国家)
    if after.startswith(("不同", "种不同")):
        return True  # 三种不同的地区: the kinds a statement distinguishes
    before = text[max(0, start - 12):start]
    next_tag = _first_tag(after)
    prev_word, prev_tag = _last_word(before)
    if next_tag in _NOUN_TAGS and prev_tag in _NOUN_TAGS and not _SCOPE.search(prev_word):
        return True  # 美苏两个超级大国, 澳门两个基本法: the number restates the names before it
    if unit == "次" and _in_ordinal_series(text, start, end, after):
        return True  # 初次分配、再分配、三次分配: one of a series of rounds, not a count of them
    # 三次产业: 次 counts actions, and none follows (两次全面降准 counts two)
    return unit == "次" and next_tag in _NOUN_TAGS and not any(t.startswith("v") for _, t in tags(after[:4]))


def _in_ordinal_series(text: str, start: int, end: int, after: str) -> bool:
    """The word after N次 is listed (、和与及) with another round's ordinal of it (初次, 再, 二次)."""
    t = tags(after[:4]) if after else ()
    if not t or len(t[0][0]) < 2:
        return False
    word = t[0][0]
    other = rf"(?:初次|再|[一二三]次){word}"
    return (re.search(rf"{other}[、和与及]$", text[max(0, start - 12):start]) is not None
            or re.match(rf"{word}[、和与及]{other}", after) is not None)


def _names_places(text: str, start: int, after: str) -> bool:
    """四省藏区, 三省一市, 东北三省: a noun or another count of places follows, or a region's name
    comes before; 流经七省，… counts them."""
    if after[:1] in _CN_SMALL or _first_tag(after) in _NOUN_TAGS:
        return True
    return _last_word(text[max(0, start - 6):start])[1] in ("ns", "j")


def _first_tag(s: str) -> str:
    t = tags(s[:6]) if s else ()
    return t[0][1] if t else ""


_CLAUSE_SPLIT = re.compile(r"[，。；：！？、,;:!?\n“”]")


def _last_word(s: str) -> tuple[str, str]:
    s = _CLAUSE_SPLIT.split(s)[-1]
    t = tags(s) if s else ()
    return t[-1] if t else ("", "")


def _last_tag(s: str) -> str:
    return _last_word(s)[1]


# 三年大发展时期, 十年困难时期: a period named by its length.
_PERIOD_NAME = re.compile(r"[\u4e00-\u9fff]{0,4}时期")
_SPAN_FIGURE = re.compile(r"(?:新增|增长|增加|累计|共|完成|减少|下降)[约近超逾]?[0-9０-９]")
_SPAN_WITHIN = re.compile(r"(?:或者|或|到|至)[零〇一二两三四五六七八九十百]+年(?:之?内|以内|里)")


def is_window(text: str, start: int, end: int) -> bool:
    """A Chinese-numeral duration that is the time something took or a name's attribute, not a
    figure: 十年规划, 两年多试点 (a noun follows), 粮食两年增长百分之四十六, 长江十年禁渔 (the
    years an action of the noun before takes), 在七年或者十二年内 (a span to be within)."""
    after = text[end:end + 10]
    if _SPAN_WITHIN.match(after) or _PERIOD_NAME.match(after):
        return True
    before = text[max(0, start - 12):start]
    if after.startswith(("以上", "以下", "左右")) or re.search(r"年(?:到|至|或者?)$", before):
        return False  # 足够一年到两年食用: the other end of a span, read with its first
    first = _first_tag(after.lstrip("多余"))
    if first in _NOUN_TAGS:
        return True
    if _SPAN_FIGURE.match(after):
        return True  # 实施两年新增4万亿元投资: the years a figure after it took
    return first.startswith("v") and _last_tag(before) in _NOUN_TAGS
