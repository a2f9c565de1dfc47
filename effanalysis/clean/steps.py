"""The cleaning steps. Each finds *edits* (span → replacement) in the text it is
given, so that the pipeline can apply them and keep an offset map; each is also
usable on its own as a plain `str -> str` function (`step(text)`).

Steps never touch the author's wording: they remove what a scraping site added
(pinyin, chrome, zero-width characters), convert the script, and normalize
whitespace and half-width punctuation between Chinese characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .convert import to_simplified
from .offsets import Edit, apply_edits

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@dataclass(frozen=True)
class Step:
    """One cleaning step: `find(text, found) -> edits`; `found` collects what
    the step learnt about the document (metadata, related articles, chrome)."""

    name: str
    find: Callable[[str, dict], list[Edit]]
    what: str

    def __call__(self, text: str) -> str:
        return apply_edits(text, self.find(text, {}))[0]


def _sub_edits(pattern: re.Pattern, text: str, repl: str | Callable[[re.Match], str]) -> list[Edit]:
    if callable(repl):
        return [(m.start(), m.end(), repl(m)) for m in pattern.finditer(text)]
    return [(m.start(), m.end(), repl) for m in pattern.finditer(text)]


# --- 1. invisible characters and line ends ---------------------------------
_INVISIBLE = re.compile(r"\r\n?|[\u200b-\u200d\u2060\ufeff\u00ad]+|\xa0")


def _invisible(text: str, found: dict) -> list[Edit]:
    return _sub_edits(_INVISIBLE, text, lambda m: "\n" if m.group()[0] == "\r" else (" " if m.group() == "\xa0" else ""))


# --- 2. pinyin annotations left by converting sites: 相關(guān) -------------
# A Han character followed by one parenthesized lower-case syllable with a
# tone mark (or ü). Legitimate parentheses — (一), (试行), (2023), (GDP) —
# never have this shape.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_PINYIN = re.compile(rf"(?<=[{HAN}])[(（]([a-z{_TONED}]{{1,6}})[)）]")
_HAS_TONE = re.compile(f"[{_TONED}]")


def _pinyin(text: str, found: dict) -> list[Edit]:
    if "(" not in text and "（" not in text:
        return []
    edits = [(m.start(), m.end(), "") for m in _PINYIN.finditer(text) if _HAS_TONE.search(m.group(1))]
    found["pinyin_removed"] = len(edits)
    return edits


# --- 3. Traditional → Simplified (handled specially by the pipeline) --------
def _t2s(text: str, found: dict) -> list[Edit]:
    simple = to_simplified(text)
    if simple == text:
        found["converted_chars"] = 0
        return []
    if len(simple) == len(text):
        # Character for character: express as one edit per changed run.
        edits, i, n = [], 0, len(text)
        diff = [j for j in range(n) if text[j] != simple[j]] if n < 2000 else None
        if diff is None:
            import numpy as np

            a = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
            b = np.frombuffer(simple.encode("utf-32-le"), dtype=np.uint32)
            diff = np.flatnonzero(a != b).tolist()
        found["converted_chars"] = len(diff)
        for j in diff:
            edits.append((j, j + 1, simple[j]))
        return edits
    # A phrase changed length: convert line by line, replacing whole lines.
    edits, pos = [], 0
    for line in text.split("\n"):
        conv = to_simplified(line)
        if conv != line:
            edits.append((pos, pos + len(line), conv))
        pos += len(line) + 1
    found["converted_chars"] = sum(len(e[2]) for e in edits)
    return edits


# --- 4. site chrome: header widgets and footers -----------------------------
_HEAD_CHROME = re.compile(
    r"^[ \t\u3000]*(?:[-–—·•]\s*)?(?:相关推荐|推荐阅读|热门推荐|当前位置[:：].*|首页\s*[>›».].*"
    r"|.*下载\s*打印.*|.*【?字号[:：].*|(?:分享到|收藏本页|加入收藏|打印本页|关闭窗口)(?:[:：].*)?)[ \t\u3000]*$"
)
_FOOT_START = re.compile(
    r"^[ \t\u3000]*(?:【[^】\n]*】\s*相关(?:文章|阅读|推荐)[:：]?|相关(?:文章|阅读|报道|推荐|链接|新闻)[:：]?"
    r"|责任编辑[:：].*|(?:分享到|扫一扫|上一篇[:：]|下一篇[:：]).*|本作品.*|Public domain)[ \t\u3000]*$"
)
_RELATED_ITEM = re.compile(r"^[ \t\u3000]*(?:[-–·•]\s*)?(.+?)\s*((?:\d{4}[-/.])?\d{1,2}[-/.]\d{1,2})?[ \t\u3000]*$")


def _chrome(text: str, found: dict) -> list[Edit]:
    edits: list[Edit] = []
    chrome: list[str] = []
    # Header: chrome lines among the first few non-empty lines.
    pos, seen = 0, 0
    for line in text.split("\n")[:12]:
        end = pos + len(line)
        if line.strip():
            seen += 1
            if _HEAD_CHROME.match(line):
                edits.append((pos, min(end + 1, len(text)), ""))
                chrome.append(line.strip())
            elif seen > 6:
                break
        pos = end + 1
    # Footer: from the first footer marker in the second half to the end.
    related: list[dict] = []
    half = len(text) // 2
    for m in re.finditer(r"(?m)^.*$", text[half:]):
        if m.group().strip() and _FOOT_START.match(m.group()):
            start = half + m.start()
            footer = text[start:]
            lines = [l for l in footer.split("\n") if l.strip()]
            chrome.append(lines[0].strip())
            if "相关" in lines[0] and ("文章" in lines[0] or "阅读" in lines[0] or "推荐" in lines[0]):
                for l in lines[1:]:
                    im = _RELATED_ITEM.match(l)
                    if im and not _FOOT_START.match(l):
                        related.append({"title": im.group(1).strip(), "date": im.group(2) or ""})
            chrome.extend(l.strip() for l in lines[1:] if not related)
            # Also drop the line break that ended the body.
            if start > 0 and text[start - 1] == "\n":
                start -= 1
            if not edits or edits[-1][1] <= start:
                edits.append((start, len(text), ""))
            break
    found["chrome"] = chrome
    found["related"] = related
    return edits


# --- 5. whitespace -------------------------------------------------------------
_EDGE_SPACE = re.compile(r"(?m)^[ \t\u3000]+|[ \t\u3000]+$")
_NEWLINES = re.compile(r"\n+")
_HEADING_START = re.compile(
    r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+[.．、](?![0-9０-９])|[（(][0-9０-９]+[）)]"
    r"|第[一二三四五六七八九十]+[部章节]分?|[一二三四五六七八九十]+是"
)
_BARE_MARKER = re.compile(f"(?:{_HEADING_START.pattern})")
_SENTENCE_END = "。！？：；!?:;…”’」』）)"
_CLOSING = "。，、；：！？）》”’」』"
_OPENING = "《（“‘「『"
# "2023 年" → "2023年"; never between two digits, which may be two numbers.
_DIGIT_SPACE = re.compile(r"(?<=[0-9０-９]) +(?=[年月日])")


def _is_blank_separated(text: str) -> bool:
    """Paragraphs separated by blank lines: then a lone line break is stray."""
    return len(re.findall(r"\n[ \t\u3000]*\n", text)) >= 3


def _whitespace(text: str, found: dict) -> list[Edit]:
    blank_mode = _is_blank_separated(text)
    edits = _sub_edits(_EDGE_SPACE, text, "")
    edits += _sub_edits(_DIGIT_SPACE, text, "")
    edits.sort()
    joined = 0
    nl_edits: list[Edit] = []
    para_start = 0
    for m in _NEWLINES.finditer(text):
        s, e = m.start(), m.end()
        # Whitespace-only lines count as blank: widen over edge spaces.
        while s > 0 and text[s - 1] in " \t\u3000":
            s -= 1
        while e < len(text) and text[e] in " \t\u3000\n":
            e += 1
        if s == 0 or e == len(text):
            nl_edits.append((s, e, ""))
            continue
        prev_char, next_char = text[s - 1], text[e]
        count = text.count("\n", s, e)
        indented = text[m.end():m.end() + 1] in (" ", "\u3000", "\t") if m.end() < len(text) else False
        para = text[para_start:s].strip()  # since the last kept break
        # A line that is only a marker ("一、") belongs with the next line.
        stray = next_char in _CLOSING or prev_char in _OPENING or _BARE_MARKER.fullmatch(para) is not None
        # With blank-line paragraphs, a lone break inside a sentence is stray, and so is
        # a blank line after prose that stops mid-sentence (wikisource's "\n\u200b\n");
        # a heading, a title or a subtitle (no comma, no full stop) keeps its break.
        prose = "，" in para or "。" in para
        if not stray and blank_mode and ((count == 1 and not indented) or (len(para) >= 20 and prose)):
            heading = _HEADING_START.match(para) and "。" not in para
            stray = not _HEADING_START.match(text, e) and not heading and prev_char not in _SENTENCE_END
        if stray:
            joined += 1
            nl_edits.append((s, e, ""))
        else:
            nl_edits.append((s, e, "\n"))
            para_start = e
    # Newline edits subsume the edge-space edits they overlap.
    merged: list[Edit] = []
    for ed in sorted(edits + nl_edits, key=lambda x: (x[0], -x[1])):
        if merged and ed[0] < merged[-1][1]:
            if ed[1] > merged[-1][1]:
                ps, pe, pr = merged[-1]
                merged[-1] = (ps, ed[1], pr + ed[2]) if pr or ed[2] else (ps, ed[1], "")
            continue
        merged.append(ed)
    found["joined_line_breaks"] = joined
    return merged


# --- 6. half-width punctuation inside Chinese prose -------------------------
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# After a number too (90%,其中), but never inside one (1,000).
_HALF_PUNCT = re.compile(rf"(?<=[{HAN}”）》])[,;:?!](?=[{HAN}“（《\n]|$)|(?<=[0-9%])[,;:?!](?=[{HAN}“《])", re.M)


def _punctuation(text: str, found: dict) -> list[Edit]:
    edits = _sub_edits(_HALF_PUNCT, text, lambda m: _HALF[m.group()])
    found["punctuation_fixed"] = len(edits)
    return edits


# --- 7. document head: title, subtitle, source, date, speaker --------------
_SOURCE = re.compile(r"^(?:来源|来自|出处|信息来源)[:：]\s*(.+)$")
_DATE_LINE = re.compile(r"^(?:时间|日期|发布时间|发布日期|更新时间)[:：]\s*(.+)$")
_SUBTITLE = re.compile(r"^(?:——|--|—)\s*(.+)$")
_DATE = re.compile(r"(\d{4}|[一二三四五六七八九〇零○]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})日)?")
_OFFICE_END = re.compile("(?:总理|主席|委员长|省长|市长|县长|区长|局长|部长|书记|主任)$")
_NAME = re.compile(f"[{HAN}][{HAN}\u3000 ]{{1,4}}")
_SALUTATION = re.compile(r"^(?:各位代表|同志们|各位委员)")


def _head(text: str, found: dict) -> list[Edit]:
    meta: dict = {}
    edits: list[Edit] = []
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines[:8]):
        end = pos + len(line)
        stripped = line.strip()
        if m := _SOURCE.match(stripped):
            meta["source"] = m.group(1).strip()
            edits.append((pos, min(end + 1, len(text)), ""))
        elif m := _DATE_LINE.match(stripped):
            meta["date"] = m.group(1).strip()
            edits.append((pos, min(end + 1, len(text)), ""))
        elif m := _SUBTITLE.match(stripped):
            meta.setdefault("subtitle", stripped)
            if d := _DATE.search(stripped):
                meta.setdefault("date", d.group())
        elif i == 0 and stripped and len(stripped) <= 60 and not _SALUTATION.match(stripped) \
                and not re.search("[。，；！？：]", stripped[:-1] if stripped.endswith("）") else stripped) \
                and not _HEADING_START.match(stripped):
            meta["title"] = stripped
        elif i > 0 and "subtitle" in meta and "speaker" not in meta and 2 <= len(stripped) <= 20 \
                and not re.search("[。，：；]", stripped):
            meta["speaker"] = stripped
            # "国务院总理\n李克强": the name on a line of its own joins its office.
            name = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if _OFFICE_END.search(stripped) and _NAME.fullmatch(name):
                meta["speaker"] = stripped + name
                edits.append((end, end + 1, ""))
        pos = end + 1
    if "date" not in meta:
        m = re.search(r"[（(](\d{4}年\d{1,2}月\d{1,2}日)", text[:300])
        if m:
            meta["date"] = m.group(1)
    found["meta"] = meta
    return edits


STEPS: tuple[Step, ...] = (
    Step("invisible", _invisible, "line ends normalized, zero-width characters removed"),
    Step("pinyin", _pinyin, "pinyin annotations removed (相關(guān) → 相關)"),
    Step("simplified", _t2s, "Traditional characters converted to Simplified (OpenCC t2s)"),
    Step("chrome", _chrome, "site chrome removed (header widgets, related-article footers)"),
    Step("whitespace", _whitespace, "indentation, blank lines and stray line breaks normalized"),
    Step("punctuation", _punctuation, "half-width punctuation between Chinese characters made full-width"),
    Step("head", _head, "document metadata read from the head (source/date lines removed)"),
)

# textacy-style plain functions
normalize_invisible, remove_pinyin, convert_to_simplified, remove_chrome, normalize_whitespace, \
    normalize_punctuation, read_head = STEPS
