"""Institutional mechanisms a report lists (首问责任制, 季度工作汇报机制 …) and how often they run.

Found from lexicons/mechanisms.txt and by pattern: X制/X制度/X机制 after 建立/实行/
推行/落实/抓好 …, or as an item of a 、-list of X制. The frequency (每月, 每季度,
每半年, 常年 …) is taken from the name itself, or, when the mechanism heads an
enumerated item (二是建立季度工作汇报机制。每季度召开…), from that item's text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import columns, lexicon

COLUMNS = ["name", "frequency", "count"]
_HAN = "\u4e00-\u9fff"
_END = r"(?:责任制|制度|机制|制)"
# Words ending in 制 that are no mechanism; leading words that belong to the sentence, not the name.
_NOT = ("控制", "抑制", "限制", "编制", "管制", "遏制", "节制", "专制", "研制", "强制", "复制", "压制", "法制", "改制")
_LEAD = re.compile(r"^(?:和|及|与|并|完善|健全|建立|优化|改革|创新|加快|推进|推动|深化)+")
_VERBS = ("建立健全", "建立", "实行", "推行", "实施", "落实", "抓好", "健全", "完善")
_INTRO = re.compile(rf"{lexicon.alternation(_VERBS)}[了好起着]?(?P<name>[{_HAN}]{{2,12}}?{_END})(?![{_HAN}])")
_HEAD = re.compile(r"[一二三四五六七八九十]是$")
_LISTED = re.compile(rf"、(?P<name>[{_HAN}]{{2,8}}(?<![机体])制)(?=[、等])")  # opens on 、: fast to scan
_FREQ = re.compile(r"每月|每季度|每半年|每年|每周|每旬|常年|定期")
_FREQ_IN_NAME = re.compile(r"每月|每季度|每半年|每年|每周|每旬|常年|定期|月度|季度|半年")
_ITEM_END = re.compile(r"\n|[一二三四五六七八九十]是")
_CANON = {"季度": "每季度", "半年": "每半年", "月度": "每月"}


@lru_cache(maxsize=None)
def _known() -> re.Pattern:
    return re.compile(lexicon.alternation(lexicon.words("mechanisms.txt")))


def _frequency(name: str, text: str, end: int, heads_item: bool) -> str:
    found = _FREQ_IN_NAME.findall(name)
    if not found and heads_item:
        stop = _ITEM_END.search(text, end)
        found = _FREQ.findall(text, end, stop.start() if stop else len(text))
    seen = dict.fromkeys(_CANON.get(f, f) for f in found)
    return "、".join(seen)


def find(text: str) -> dict:
    """Mechanisms named in `text`: columns name, frequency, count."""
    spans: dict[tuple[int, int], tuple[str, bool]] = {}
    for m in _known().finditer(text):
        spans[(m.start(), m.end())] = (m.group(), False)
    for m in _INTRO.finditer(text):
        heads_item = _HEAD.search(text, max(0, m.start() - 2), m.start()) is not None  # 二是建立…
        spans[(m.start("name"), m.end("name"))] = (m.group("name"), heads_item)
    for m in _LISTED.finditer(text):
        spans.setdefault((m.start("name"), m.end("name")), (m.group("name"), False))
    # Keep the longest of overlapping finds (领导目标责任制 over 目标责任制).
    found: dict[str, list] = {}  # name → [frequency, count]
    last_end = -1
    for (start, end), (name, head) in sorted(spans.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        lead = _LEAD.match(name)
        if lead:
            name, start = name[lead.end():], start + lead.end()
        if start < last_end or name.endswith(_NOT) or len(name) < 3 or name in ("机制", "制度"):
            continue
        last_end = end
        freq = _frequency(name, text, end, head)
        entry = found.setdefault(name, [freq, 0])
        entry[0] = max(entry[0], freq, key=len)
        entry[1] += 1
    return columns.from_rows([(n, f, c) for n, (f, c) in found.items()], COLUMNS)
