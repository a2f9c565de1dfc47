"""The cleaning steps. Each finds *edits* (span → replacement) in the text it is
given, so that the pipeline can apply them and keep an offset map; each is also
usable on its own as a plain `str -> str` function (`step(text)`).

Steps never touch the author's wording: they remove what a scraping site added
(pinyin, chrome, zero-width characters), convert the script, and normalize
whitespace and half-width punctuation between Chinese characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from .convert import simplify, to_simplified
from .furniture import find_furniture
from .offsets import Edit, OffsetMap, apply_edits

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@dataclass(frozen=True)
class Step:
    """One cleaning step: `find(text, found) -> edits`; `found` collects what
    the step learnt about the document (metadata, related articles, chrome)."""

    name: str
    find: Callable[[str, dict], list[Edit] | str]  # a str: the text converted character for character
    what: str

    def __call__(self, text: str) -> str:
        return self.apply(text, {})[0]

    def apply(self, text: str, found: dict, base: OffsetMap | None = None) -> tuple[str, OffsetMap | None, int]:
        """(new text, its map — to `text`, or to the source of `base`, a map of
        `text` — or None when the map does not change, number of edits)."""
        edits = self.find(text, found)
        if isinstance(edits, str):
            return edits, None, found.get("converted_chars", 0)
        new, mapping = apply_edits(text, edits, base)
        return new, mapping, len(edits)


def _sub_edits(pattern: re.Pattern, text: str, repl: str | Callable[[re.Match], str], first: str = "") -> list[Edit]:
    """Edits replacing each match of `pattern`; `first` lists the characters a
    match can start with, to try the pattern only there."""
    matches = _matches_at(pattern, text, first) if first else pattern.finditer(text)
    if callable(repl):
        return [(m.start(), m.end(), repl(m)) for m in matches]
    return [(m.start(), m.end(), repl) for m in matches]


def _matches_at(pattern: re.Pattern, text: str, first: str) -> Iterator[re.Match]:
    """Like `pattern.finditer`, for patterns that start with one of the rare
    characters `first`: a str.find scan per character is several times faster
    than the regex engine stepping through every character of a long text."""
    starts = []
    for ch in first:
        i = text.find(ch)
        while i >= 0:
            starts.append(i)
            i = text.find(ch, i + 1)
    end = -1
    for pos in sorted(starts):
        if pos >= end and (m := pattern.match(text, pos)):
            end = m.end()
            yield m


# --- 1. invisible characters and line ends ---------------------------------
_INVISIBLE_CHARS = "\r\u200b\u200c\u200d\u2060\ufeff\u00ad\xa0"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")
_INVISIBLE_MAP = str.maketrans({"\r": "\n", "\xa0": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "",
                                "\ufeff": "", "\u00ad": ""})


def _invisible(text: str, found: dict) -> list[Edit]:
    def repl(m: re.Match) -> str:
        out = m.group().translate(_INVISIBLE_MAP)
        # In "\r\n" the "\n" that follows already ends the line.
        return out[:-1] if m.group().endswith("\r") and text.startswith("\n", m.end()) else out

    return _sub_edits(_INVISIBLE, text, repl, first=_INVISIBLE_CHARS)


# --- 2. pinyin annotations left by converting sites: 相關(guān) -------------
# A Han character followed by one parenthesized lower-case syllable with a
# tone mark (or ü). Legitimate parentheses — (一), (试行), (2023), (GDP) —
# never have this shape.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_PINYIN = re.compile(rf"[(（](?<=[{HAN}][(（])([a-z{_TONED}]{{1,6}})[)）]")
_HAS_TONE = re.compile(f"[{_TONED}]")


def _pinyin(text: str, found: dict) -> list[Edit]:
    edits = [(m.start(), m.end(), "") for m in _matches_at(_PINYIN, text, "(（") if _HAS_TONE.search(m.group(1))]
    found["pinyin_removed"] = len(edits)
    return edits


# --- 3. Traditional → Simplified, where the text is Traditional -------------
def _t2s(text: str, found: dict) -> str | list[Edit]:
    """OpenCC t2s where the text is Traditional (see `convert.simplify`). When it
    maps character for character (the usual case) the converted text itself is
    returned: the offset map stays the identity."""
    simple, script = simplify(text)
    found["script"] = script
    if simple is not None:
        found["converted_chars"] = _count_changed(text, simple)
        return simple
    # A phrase changed length: convert line by line, replacing whole lines.
    edits, pos = [], 0
    for line in text.split("\n"):
        conv = simplify(line)[0] or to_simplified(line)
        if conv != line:
            edits.append((pos, pos + len(line), conv))
        pos += len(line) + 1
    found["converted_chars"] = sum(len(e[2]) for e in edits)
    return edits


def _count_changed(a: str, b: str) -> int:
    if a == b:
        return 0
    import numpy as np

    return int(np.count_nonzero(np.frombuffer(a.encode("utf-32-le"), np.uint32)
                                != np.frombuffer(b.encode("utf-32-le"), np.uint32)))


# --- 4. site chrome: page furniture around the body ---------------------------
def _chrome(text: str, found: dict) -> list[Edit]:
    """Navigation, toolbars, share widgets, counters, credits, related-link tails
    (see `furniture`): each run of furniture lines is one deletion; the removed
    lines are listed in `found["chrome"]`, a tail's links in `found["related"]`."""
    spans, removed, related = find_furniture(text)
    found["chrome"] = removed
    found["related"] = related
    return [(a, b, "") for a, b in spans]


# --- 5. whitespace -------------------------------------------------------------
_SPACE = " \t\u3000"
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
    """One edit per gap between two lines with content (line by line, not
    character by character): the gap becomes one line break, or nothing when
    the break is stray, i.e. inside a sentence."""
    blank_mode = _is_blank_separated(text)
    edits: list[Edit] = []
    joined = 0
    para_start = prev_end = -1  # current paragraph's start, previous line's content end
    newlines = pos = 0
    for line in text.split("\n"):
        content = line.strip(_SPACE)
        if content:
            start = pos + len(line) - len(line.lstrip(_SPACE))
            if prev_end < 0:
                if start:
                    edits.append((0, start, ""))
                para_start = start
            elif _is_stray(text, para_start, prev_end, start, newlines == 1 and start == pos, blank_mode):
                joined += 1
                edits.append((prev_end, start, ""))
            else:
                if text[prev_end:start] != "\n":
                    edits.append((prev_end, start, "\n"))
                para_start = start
            prev_end = start + len(content)
            newlines = 0
        newlines += 1
        pos += len(line) + 1
    if prev_end < 0:
        return [(0, len(text), "")] if text else []
    if prev_end < len(text):
        edits.append((prev_end, len(text), ""))
    if " 年" in text or " 月" in text or " 日" in text:
        edits = sorted(edits + _sub_edits(_DIGIT_SPACE, text, ""))
    found["joined_line_breaks"] = joined
    return edits


def _is_stray(text: str, para_start: int, prev_end: int, next_start: int, lone_break: bool, blank_mode: bool) -> bool:
    prev_char, next_char = text[prev_end - 1], text[next_start]
    if next_char in _CLOSING or prev_char in _OPENING:
        return True
    # A line that is only a marker ("一、") belongs with the next line.
    if prev_end - para_start <= 8 and _BARE_MARKER.fullmatch(text, para_start, prev_end):
        return True
    if not blank_mode or prev_char in _SENTENCE_END:
        return False
    # With blank-line paragraphs, a lone break inside a sentence is stray, and so is
    # a blank line after prose that stops mid-sentence (wikisource's "\n\u200b\n");
    # a heading, a title or a subtitle (no comma, no full stop) keeps its break.
    full_stop = text.find("。", para_start, prev_end) >= 0
    prose = full_stop or text.find("，", para_start, prev_end) >= 0
    if not (lone_break or (prev_end - para_start >= 20 and prose)):
        return False
    heading = _HEADING_START.match(text, para_start) and not full_stop
    return not heading and not _HEADING_START.match(text, next_start)


# --- 6. half-width punctuation inside Chinese prose -------------------------
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# After a number too (90%,其中), but never inside one (1,000).
_HALF_PUNCT = re.compile(rf"[,;:?!](?:(?<=[{HAN}”）》].)(?=[{HAN}“（《\n]|$)|(?<=[0-9%].)(?=[{HAN}“《]))", re.M)


def _punctuation(text: str, found: dict) -> list[Edit]:
    edits = _sub_edits(_HALF_PUNCT, text, lambda m: _HALF[m.group()], first=",;:?!")
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
