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

from . import columns, lexicon, segment

HAN = "\u4e00-\u9fff"
# Characters that end a name rather than continue it (为组长, 出席, 、).
_NAME_STOP = "为出等和与在的是同主任到来率参带作对就也将亲说指及并向被由从所市省县区局厅部委党政府讲表视会陪"
_NOUN_TAGS = {"n", "ns", "nt", "nz", "nr", "nrt", "nrfg", "j", ""}  # "": user-dictionary words
_PROPER_TAGS = {"ns", "nt", "nz", "nr", "nrt", "nrfg", "j"}
_LEVELS = "省市州盟县区镇乡村"
_JOINS = re.compile("[和与及同、]")
_BOUNDARY = set("\n 。，、；：“（,;")  # what may precede a name written before its title


@lru_cache(maxsize=None)
def _title_parts() -> tuple[str, str]:
    """(titles, unit prefixes) as trie alternations. A title may be preceded by its unit
    (市书记, 局党组书记, 县委副书记, 纪检组长): [unit][organ][副] is composed from
    titles.txt's @unit and @organ lines, so no unit-prefixed title is listed by hand."""
    g = lexicon.groups("titles.txt")
    units, organs = ("",) + g.get("@unit", ()), g.get("@organ", ())
    # A one-character organ (委) only after its unit: 市委书记, not 委主任 out of 发改委主任.
    with_organ = {u + o for u in units + g.get("@department", ()) for o in organs if u or len(o) > 1}
    prefixes = {p + d for p in with_organ | set(units) for d in ("", "副")} - {""}
    return lexicon.alternation(g[""]), lexicon.alternation(prefixes)


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(chain of titles, the unit prefix ending where a title starts, name): searching bare
    titles first and extending them backwards to their unit, then names next to them, is
    much faster than a pattern that opens with optional parts (it cannot skip ahead)."""
    title, prefix = _title_parts()
    surnames = lexicon.words("surnames.txt")
    # A character class for the one-character surnames: an alternation of 400 is slow.
    single = "".join(s for s in surnames if len(s) == 1)
    double = "|".join(s for s in surnames if len(s) > 1)
    given = f"(?![{_NAME_STOP}])[{HAN}]"
    # Names on pages and signature lines are often spaced out: 周 明远, 周　明远.
    name = f"(?:{double}|[{single}])[ \u3000]?{given}(?:[ \u3000]?{given})?"
    return (re.compile(f"{title}(?:、(?:{prefix})?{title})*"), re.compile(f"(?:{prefix})$"), re.compile(name))


@lru_cache(maxsize=None)
def _tag(word: str) -> str:
    tagged = segment.tokenizer().tag(word)
    return tagged[0][1] if len(tagged) == 1 else "?"


@lru_cache(maxsize=None)
def _is_name(name: str) -> bool:
    """A known name (别必雄), or a surname the dictionary leaves on its own
    (肖/爱国, 曹/信君); not an ordinary word (信箱) or one that starts the
    candidate (严厉/查 in 严厉查处长期)."""
    tagged = segment.tokenizer().tag(name)
    if len(tagged) == 1:
        return tagged[0][1].startswith("nr")
    return tagged[0][0] in lexicon.words("surnames.txt")


def people(text: str, speaker: tuple[str, str] | None = None) -> tuple[columns.Columns, list]:
    """One row per person (name, title as written with the name, count) and the mention spans.
    `speaker`: (name, title) of the report's speaker from its metadata, always among them."""
    titles_rx, prefix_rx, name_rx = _patterns()
    titles: dict[str, Counter] = {}
    spans = []
    for m in titles_rx.finditer(text):
        unit = prefix_rx.search(text, max(0, m.start() - 8), m.start())  # 市 + 书记, 局党组 + 书记
        # A title that names its level already takes no unit (我市市长, 县人民政府县长 are 市长,
        # 县长), only 副.
        if unit and m.group()[0] in _LEVELS and unit.group() != "副":
            unit = re.search("副$", unit.group()) and prefix_rx.search(text, m.start() - 1, m.start())
        start = unit.start() if unit else m.start()
        title = text[start:m.end()]
        found = []
        pos = m.end() + (text[m.end():m.end() + 1] in (" ", "\u3000", "：", ":"))  # 县长　周明远, 区长：赵丽
        after = name_rx.match(text, pos)  # 局长肖爱国, and the name ends there (not 伏罗希|洛夫)
        if after and (after.end() == len(text) or not "\u4e00" <= text[after.end()] <= "\u9fff"
                      or text[after.end()] in _NAME_STOP):
            found.append((after.group(), start, after.end()))
        for k in (3, 2):  # 王延觉厅长, with a boundary before the name
            s0 = start - k
            if s0 >= 0 and (s0 == 0 or text[s0 - 1] in _BOUNDARY) and name_rx.fullmatch(text, s0, start):
                found.append((text[s0:start], s0, m.end()))
                break
        for name, s1, e1 in found:
            name = re.sub(r"[ \u3000]", "", name)
            if len(name) >= 2 and _is_name(name):
                titles.setdefault(name, Counter())[title] += 1
                spans.append((s1, e1))
    # Mentions: the name as written whole, or spaced out next to a title.
    counts = {n: max(text.count(n), sum(t.values())) for n, t in titles.items()}
    if speaker and speaker[0]:
        name = re.sub(r"\s", "", speaker[0])
        titles.setdefault(name, Counter())[speaker[1] or ""] += 10 ** 6  # the metadata's title wins
        counts[name] = max(counts.get(name, 0), 1)
    rows = [(n, t.most_common(1)[0][0], counts[n]) for n, t in titles.items()]
    return columns.from_rows(rows, ["name", "title", "count"]), spans


@lru_cache(maxsize=None)
def _bodies() -> tuple[tuple[str, ...], set, tuple[str, ...], tuple[str, ...]]:
    """Body endings, bodies that stand alone, body-ending words that are not bodies,
    and words a name does not extend over."""
    g = lexicon.groups("bodies.txt")
    return g[""], set(g.get("@alone", ())), g.get("@not", ()), g.get("@stop", ())


def body_word(word: str) -> bool:
    """Can this token end an organisation name (科技厅, 研发中心; not 干部, 布局)?"""
    endings, _, not_bodies, _ = _bodies()
    return word.endswith(endings) and not word.endswith(not_bodies)


def media_word(word: str) -> bool:
    """Can this token end a medium's name (日报, 频道, 网; not 电网, 管网)?"""
    g = lexicon.groups("media.txt")
    return word.endswith(g[""]) and not word.endswith(g.get("@not", ()))


def _ending_at(tokens: list[str], test) -> np.ndarray:
    return np.array([i for i, t in enumerate(tokens) if test(t)], dtype=np.int64)


def organizations(tokens, starts, idx=None) -> tuple[columns.Columns, list]:
    """Organisations named in a token list (`idx`: the tokens that are body_word, if known)."""
    alone = _bodies()[1]
    idx = _ending_at(tokens, body_word) if idx is None else idx
    found = []
    for name, start, end, parts in _runs_at(tokens, starts, idx, min_len=2):
        # A lone ending word (部门, 中心) names no body; a proper or admin part, or a known body, does.
        if name in alone or (len(parts) > 1 and (name[0] in "省市县区" or any(_tag(t) in _PROPER_TAGS for t in parts))):
            found.append((name, start, end))
    return _count(found), [f[1:3] for f in found]


def media(tokens, starts, text, idx=None) -> tuple[columns.Columns, list]:
    """Media named in a text: 《X》 papers and programmes, and token runs ending in a
    media_word (`idx`: those tokens, if known)."""
    endings = lexicon.groups("media.txt")[""]
    found = []
    for m in re.finditer(r"《([^《》\n]{1,20})》(栏目|节目|专栏)?", text):
        if m.group(2) or m.group(1).endswith(endings):
            found.append((f"《{m.group(1)}》", m.start(), m.end()))
    idx = _ending_at(tokens, media_word) if idx is None else idx
    # The whole run is checked too: 邮电通讯 + 网 is a network, not a medium.
    found += [f[:3] for f in _runs_at(tokens, starts, idx, min_len=3)
              if (_tag(f[3][0]) in ("ns", "nt") or f[3][0] in _LEVELS) and (f[1] == 0 or text[f[1] - 1] != "《")
              and media_word(f[0])]
    return _count(found), [f[1:3] for f in found]


def _name_part(token: str, stop: tuple[str, ...]) -> bool:
    """Can `token` be part of a body's name: a noun of two or more Han characters,
    or an administrative level (省, 市 …), and no verb or adverb (stop)?"""
    # Not an attribute (区域性, 综合性) nor a token that joins two names (委和, 及市).
    if token in "省市县区乡镇村":
        return True  # the segmenter tags a lone 县 as a morpheme (zg)
    return (len(token) > 1 and re.fullmatch(f"[{HAN}]+", token) is not None
            and not token.startswith(stop) and not token.endswith("性") and not _JOINS.search(token)
            and _tag(token) in _NOUN_TAGS)


def _runs_at(tokens, starts, idx, min_len):
    """Runs of up to four noun tokens ending at each index: (name, start, end, tokens)."""
    out, stop = [], _bodies()[3]
    for i in idx.tolist():
        j = i
        while j > 0 and i - j < 3 and _name_part(tokens[j - 1], stop):
            j -= 1
        parts = tokens[j:i + 1]
        name = "".join(parts)
        if len(name) >= min_len:
            out.append((name, int(starts[j]), int(starts[i]) + len(tokens[i]), parts))
    return out


_QUOTED = re.compile(r"“([^“”、，,。；\n]{3,20})”")
_CAMPAIGN_BEFORE = ("开展", "实施", "启动", "组织", "通过", "推进", "深化")
_CAMPAIGN_AFTER = re.compile(r"(?:宣传日|宣传月|宣传周)?(?:活动|行动|工程|计划|竞赛|专项|试点|评比)")


def campaigns(text: str, slogan_rx: re.Pattern) -> tuple[columns.Columns, list]:
    """Quoted programme names introduced by 开展/实施 … or followed by 活动/行动/工程 …"""
    found = []
    for m in _QUOTED.finditer(text):
        name = m.group(1)
        named = text.endswith(_CAMPAIGN_BEFORE, 0, m.start()) or _CAMPAIGN_AFTER.match(text, m.end())
        if named and not slogan_rx.search(name):
            found.append((name, m.start(), m.end()))
    return _count(found), [f[1:3] for f in found]


def _count(found) -> columns.Columns:
    return columns.from_rows(Counter(f[0] for f in found).most_common(), ["name", "count"])
