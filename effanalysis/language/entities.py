"""Named people (with titles), organisations, media and campaigns.

jieba's POS tags split 肖/爱国 and tag 邓小平理论 as a person, so people come from
a title lexicon plus patterns instead: titles before the name, chained with 、
(局党组书记、局长肖爱国), or after it (王延觉厅长). A name is a surname from
lexicons/surnames.txt and one or two more characters; a candidate the dictionary
knows as an ordinary word (局长信箱 → 信箱) is rejected.

Organisations and media are runs of noun tokens ending in a body or medium word
(省 + 科技厅, 天门 + 网); campaigns are quoted programme names (“科技服务民生”活动).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from . import lexicon, segment

HAN = "\u4e00-\u9fff"
# Characters that end a name rather than continue it (为组长, 出席, 、).
_NAME_STOP = "为出等和与在的是同主任到来率参带作对就也将亲说指及并向被由从所"
_NOUN_TAGS = {"n", "ns", "nt", "nz", "nr", "nrt", "nrfg", "j", ""}  # "": user-dictionary words
_PROPER_TAGS = {"ns", "nt", "nz", "nr", "nrt", "nrfg", "j"}


@lru_cache(maxsize=None)
def _patterns():
    titles = sorted(lexicon.words("titles.txt"), key=len, reverse=True)
    title = "副?(?:" + "|".join(map(re.escape, titles)) + ")"
    surnames = sorted(lexicon.words("surnames.txt"), key=len, reverse=True)
    name = (f"(?:{'|'.join(surnames)})[{HAN}](?:(?![{_NAME_STOP}])[{HAN}])?")
    before = re.compile(f"(?P<title>{title}(?:、{title})*)(?P<name>{name})")
    after = re.compile(f"(?:^|(?<=[\\s。，、；：“（,;]))(?P<name>{name})(?P<title>{title})")
    return before, after


@lru_cache(maxsize=None)
def _tag(word: str) -> str:
    tagged = segment.tokenizer().tag(word)
    return tagged[0][1] if len(tagged) == 1 else "?"


def _is_name(name: str) -> bool:
    # A known name, or no single dictionary word: 肖爱国 (肖/爱国) yes, 信箱 (n) no.
    tag = _tag(name)
    return tag.startswith("nr") or tag == "?"


def people(text: str) -> tuple[pd.DataFrame, list]:
    """One row per person (name, title as written with the name, count) and the mention spans."""
    before, after = _patterns()
    titles: dict[str, Counter] = {}
    spans = []
    for rx in (before, after):
        for m in rx.finditer(text):
            name = m.group("name")
            if len(name) < 2 or not _is_name(name):
                continue
            titles.setdefault(name, Counter())[m.group("title")] += 1
            spans.append((m.start(), m.end()))
    rows = [{"name": n, "title": t.most_common(1)[0][0], "count": text.count(n)} for n, t in titles.items()]
    return _frame(rows, ["name", "title", "count"]), spans


def _candidates(tokens, starts, text, endings):
    """Indices of tokens ending in one of `endings` (found by regex on the text, fast)."""
    rx = re.compile("(?:" + "|".join(map(re.escape, sorted(endings, key=len, reverse=True))) + ")")
    ends = starts + np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    at = np.array([m.end() for m in rx.finditer(text)], dtype=np.int64)
    idx = np.searchsorted(ends, at)
    ok = (idx < len(ends)) & (ends[np.minimum(idx, len(ends) - 1)] == at)
    return np.unique(idx[ok])


def _bodies() -> tuple[tuple[str, ...], set, set]:
    """Body endings, bodies that stand alone, and body-ending words that are not bodies."""
    groups: dict[str, list] = {"": [], "@alone": [], "@not": []}
    for line in lexicon.path("bodies.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].split()
        if line:
            key = line[0] if line[0].startswith("@") else ""
            groups[key].extend(line[1:] if key else line)
    return tuple(groups[""]), set(groups["@alone"]), set(groups["@not"])


def organizations(tokens, starts, text) -> tuple[pd.DataFrame, list]:
    endings, alone, not_bodies = _bodies()
    idx = _candidates(tokens, starts, text, endings)
    not_bodies = tuple(not_bodies)
    idx = np.array([i for i in idx.tolist() if not tokens[i].endswith(not_bodies)], dtype=np.int64)
    found = []
    for name, start, end, parts in _runs_at(tokens, starts, idx, min_len=2):
        # A lone ending word (部门, 中心) names no body; a proper or admin part, or a known body, does.
        if name in alone or (len(parts) > 1 and (name[0] in "省市县区" or any(_tag(t) in _PROPER_TAGS for t in parts))):
            found.append((name, start, end))
    return _count(found), [f[1:3] for f in found]


def media(tokens, starts, text) -> tuple[pd.DataFrame, list]:
    endings = lexicon.words("media.txt")
    found = []
    for m in re.finditer(r"《([^《》\n]{1,20})》(栏目|节目|专栏)?", text):
        if m.group(2) or m.group(1).endswith(endings):
            found.append((f"《{m.group(1)}》", m.start(), m.end()))
    idx = _candidates(tokens, starts, text, endings)
    found += [f[:3] for f in _runs_at(tokens, starts, idx, min_len=3)
              if _tag(f[3][0]) in ("ns", "nt") and (f[1] == 0 or text[f[1] - 1] != "《")]
    return _count(found), [f[1:3] for f in found]


def _runs_at(tokens, starts, idx, min_len):
    """Runs of up to four noun tokens ending at each index: (name, start, end, tokens)."""
    out = []
    for i in idx.tolist():
        j = i
        while j > 0 and i - j < 3 and re.fullmatch(f"[{HAN}]+", tokens[j - 1]) and _tag(tokens[j - 1]) in _NOUN_TAGS:
            j -= 1
        parts = tokens[j:i + 1]
        name = "".join(parts)
        if len(name) >= min_len:
            out.append((name, int(starts[j]), int(starts[i]) + len(tokens[i]), parts))
    return out


_CAMPAIGN = re.compile(r"(?P<before>开展|实施|启动|组织|通过|推进|深化)?“(?P<name>[^“”、，,。；\n]{3,20})”"
                       r"(?P<after>(?:宣传日|宣传月|宣传周)?(?:活动|行动|工程|计划|竞赛|专项|试点|评比))?")


def campaigns(text: str, slogan_rx: re.Pattern) -> tuple[pd.DataFrame, list]:
    """Quoted programme names introduced by 开展/实施 … or followed by 活动/行动/工程 …"""
    found = []
    for m in _CAMPAIGN.finditer(text):
        name = m.group("name")
        if (m.group("before") or m.group("after")) and not slogan_rx.search(name):
            found.append((name, m.start("name") - 1, m.end("name") + 1))
    return _count(found), [f[1:3] for f in found]


def _count(found) -> pd.DataFrame:
    counts = Counter(f[0] for f in found)
    return _frame([{"name": n, "count": c} for n, c in counts.most_common()], ["name", "count"])


def _frame(rows, columns) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)
