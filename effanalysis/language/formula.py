"""How formulaic is a text: formula words, the 以X为Y frame, parallel headings.

Boilerplate density counts formula words (lexicons/formula.txt: 切实, 积极,
进一步 …) and the frame 以X为Y (以强化领导为重点) per 1,000 characters.
Parallel headings: sibling section titles that reduce to one template once
their content words are replaced by X, Y, Z (以X为Y，切实Z).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from . import lexicon, segment

# The Y of 以X为Y: the role words that make the frame a formula.
_ROLES = "重点|目标|根本|基础|指导|抓手|核心|主线|中心|导向|突破口|载体|动力|保障|纽带|龙头|主体|契机|依托|前提|关键|宗旨|方向|出发点|落脚点|支撑"
_FRAME = re.compile(rf"以[^，,。；;、\n以为]{{1,12}}为(?:{_ROLES})")
# Words kept in a heading template; runs of other tokens become X, Y, Z …
_SKELETON = {"以", "为", "把", "作为", "切实", "进一步", "全面", "着力", "大力", "努力", "坚持", "深入", "积极", "扎实", "不断"}


@lru_cache(maxsize=None)
def words() -> frozenset[str]:
    return frozenset(lexicon.words("formula.txt"))


@lru_cache(maxsize=None)
def _words_rx() -> re.Pattern:
    return re.compile(lexicon.alternation(words()))


def positions(text: str) -> np.ndarray:
    """Start offsets of every formula word and 以X为Y frame in `text`."""
    found = [m.start() for m in _words_rx().finditer(text)] + [m.start() for m in _FRAME.finditer(text)]
    return np.sort(np.array(found, dtype=np.int64))


def template(title: str) -> str:
    """以强化领导为重点，切实明确效能建设认识 → 以X为Y，切实Z."""
    out, slot = [], 0
    for tok in segment.cut(title.replace(",", "，")):
        if tok in _SKELETON or not re.match(r"[\u4e00-\u9fff]", tok):
            out.append(tok)
        elif not out or not out[-1].startswith("\0"):
            out.append("\0" + "XYZWUV"[min(slot, 5)])
            slot += 1
    return "".join(t.lstrip("\0") for t in out)


def parallel_templates(sections: pd.DataFrame) -> list[str]:
    """Per section: its heading template when a sibling heading shares it, else ""."""
    keys = [(parent, template(title)) for parent, title in zip(sections["parent"], sections["title"])]
    # A template of placeholders alone (X, X，Y) says nothing: it needs a skeleton word.
    shared = Counter(keys)
    return [t if shared[(p, t)] >= 2 and any(w in t for w in _SKELETON) else "" for p, t in keys]
