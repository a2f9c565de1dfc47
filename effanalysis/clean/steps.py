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
from .furniture import FIELD, find_furniture, is_info_line
from .offsets import Edit, OffsetMap, apply_edits

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@dataclass(frozen=True)
class Step:
    """One cleaning step: `find(text, found) -> edits`; `found` collects what
    the step learnt about the document (metadata, related articles, chrome)."""

    name: str
    find: Callable[[str, dict], list[Edit] | str]  # a str: the text converted character for character
    what: str
    changed: str = "converted_chars"   # for a str result: the key of `found` that counts the changed characters

    def __call__(self, text: str) -> str:
        return self.apply(text, {})[0]

    def apply(self, text: str, found: dict, base: OffsetMap | None = None) -> tuple[str, OffsetMap | None, int]:
        """(new text, its map — to `text`, or to the source of `base`, a map of
        `text` — or None when the map does not change, number of edits)."""
        edits = self.find(text, found)
        if isinstance(edits, str):
            return edits, None, found.get(self.changed, 0)
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


# --- 4. full-width digits: ２０２５ → 2025, １４．８ → 14.8 ----------------------
# Once here, so that every later step and every analysis sees ASCII digits. One
# character for one: the offsets stay the identity. A full-width point between
# digits becomes "."; other full-width punctuation (，％) is the author's, and so
# are full-width letters (二Ｏ二五年 writes its zero with one).
_WIDE_NUMBER = re.compile("[０-９](?:[０-９]|．(?=[０-９]))*")
_NARROW = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _digits(text: str, found: dict) -> str:
    changed = 0
    if not any(d in text for d in "０１２３４５６７８９"):   # ten fast scans beat one regex scan
        found["digits_changed"] = 0
        return text

    def narrow(m: re.Match) -> str:   # the numbers only: translating a whole report costs more
        nonlocal changed
        changed += len(m.group())
        return m.group().translate(_NARROW)

    out = _WIDE_NUMBER.sub(narrow, text)
    found["digits_changed"] = changed
    return out


# --- 5. site chrome: page furniture around the body ---------------------------
def _chrome(text: str, found: dict) -> list[Edit]:
    """Navigation, toolbars, share widgets, counters, credits, related-link tails
    (see `furniture`): each run of furniture lines is one deletion; the removed
    lines are listed in `found["chrome"]`, a tail's links in `found["related"]`."""
    spans, removed, related = find_furniture(text)
    found["chrome"] = removed
    found["related"] = related
    return [(a, b, "") for a, b in spans]


# --- 6. whitespace -------------------------------------------------------------
_SPACE = " \t\u3000"
_HEADING_START = re.compile(
    r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+[.．、](?![0-9])|[（(][0-9]+[）)]"
    r"|第[一二三四五六七八九十]+[部章节]分?|[一二三四五六七八九十]+是"
)
_BARE_MARKER = re.compile(f"(?:{_HEADING_START.pattern})")
_SENTENCE_END = "。！？：；!?:;…”’」』）)"
_CLOSING = "。，、；：！？）》”’」』"
_OPENING = "《（“‘「『"
# "2023 年" → "2023年"; never between two digits, which may be two numbers.
_DIGIT_SPACE = re.compile(r"(?<=[0-9]) +(?=[年月日])")


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


# --- 7. half-width punctuation inside Chinese prose -------------------------
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# After a number too (90%,其中), but never inside one (1,000).
_HALF_PUNCT = re.compile(rf"[,;:?!](?:(?<=[{HAN}”）》].)(?=[{HAN}“（《\n]|$)|(?<=[0-9%].)(?=[{HAN}“《]))", re.M)


def _punctuation(text: str, found: dict) -> list[Edit]:
    edits = _sub_edits(_HALF_PUNCT, text, lambda m: _HALF[m.group()], first=",;:?!")
    found["punctuation_fixed"] = len(edits)
    return edits


# --- 8. document head: title, occasion, speaker, source, date -----------------
# "label：value" fields of an info line: 发布时间：2026-02-03 09:02 来源：临河日报 作者：…
_FIELD_KEY = {"来源": "source", "来自": "source", "出处": "source", "信息来源": "source", "稿源": "source",
              "作者": "author"}
_SUBTITLE = re.compile(r"^(?:——|--|—)\s*(.+)$")
# An occasion line without the dash: "1957年6月26日在第一届全国人民代表大会第四次会议上".
_OCCASION = re.compile(r"^[（(]?(\S{6,16}日在\S{4,40}(?:会议|大会)上)[）)]?$")
_NUM = "[0-9]{1,4}|[一二三四五六七八九十〇零○]{1,4}"
_DATE = re.compile(rf"({_NUM})\s*[年\-/.]\s*({_NUM})\s*[月\-/.]\s*(?:({_NUM})\s*日?)?")
_TIME = re.compile(r"(?<![0-9])([0-2]?[0-9])[:：]([0-5][0-9])(?::[0-5][0-9])?")
_OFFICE = ("总理|副总理|主席|副主席|委员长|省长|市长|县长|区长|州长|盟长|旗长|镇长|乡长|局长|部长|厅长"
           "|书记|主任|院长|署长|行长")
_OFFICE_END = re.compile(f"(?:{_OFFICE})$")
# "县长　周 明远", "国务院总理　李克强", "代省长 王建国": an office, then a name of two to
# four characters that may be spaced out.
_SPEAKER = re.compile(rf"^([{HAN}]{{0,12}}?(?:{_OFFICE}))[ \u3000]*((?:[{HAN}][ \u3000]?){{1,3}}[{HAN}])$")
_NAME = re.compile(f"[{HAN}][{HAN}\u3000 ]{{1,4}}")
_SALUTATION = re.compile(r"^(?:各位代表|同志们|各位委员)")
HEAD_LINES = 10


def iso_date(text: str) -> str:
    """The first date of `text` as YYYY-MM-DD (YYYY-MM without a day), or ""."""
    from ..numerals import parse_int

    for m in _DATE.finditer(text):
        y, mo, d = (parse_int(g) if g and not g.isascii() else (int(g) if g else None)
                    for g in m.groups())
        if y and 1900 <= y <= 2200 and mo and 1 <= mo <= 12:
            return f"{y:04d}-{mo:02d}-{d:02d}" if d and 1 <= d <= 31 else f"{y:04d}-{mo:02d}"
    return ""


def _info_fields(line: str) -> dict:
    """source, author, date, time of an info line."""
    out: dict = {}
    marks = list(FIELD.finditer(line))
    for k, m in enumerate(marks):
        value = line[m.end():marks[k + 1].start() if k + 1 < len(marks) else len(line)]
        value = re.split(r"[\s\u3000]{1,}|【|\|", value.strip(_SPACE + "【】[]"), maxsplit=1)[0] if value.strip() else ""
        key = _FIELD_KEY.get(m.group(1))
        if key and value:
            out.setdefault(key, value)
    if d := iso_date(line):
        out["date"] = d
        if t := _TIME.search(line[line.find(d[:4]):]):
            out["time"] = f"{int(t.group(1)):02d}:{t.group(2)}"
    return out


def _head(text: str, found: dict) -> list[Edit]:
    meta: dict = {}
    edits: list[Edit] = []
    pos = 0
    lines = text.split("\n")
    first = True   # the first line that is not an info line may be the title
    block, head_end = True, 0   # the head's run of fact lines (title, occasion, speaker, info) and its end
    for i, line in enumerate(lines[:HEAD_LINES]):
        end = pos + len(line)
        stripped = line.strip()
        known = len(meta) + len(edits)
        if is_info_line(stripped):
            for k, v in _info_fields(stripped).items():
                meta.setdefault(k, v)
            edits.append((pos, min(end + 1, len(text)), ""))
        elif m := _SUBTITLE.match(stripped) or _OCCASION.match(stripped):
            meta.setdefault("subtitle", stripped)
            meta.setdefault("occasion", m.group(1).strip())
        elif first and stripped and len(stripped) <= 60 and not _SALUTATION.match(stripped) \
                and not re.search("[。，；！？：]", stripped[:-1] if stripped.endswith("）") else stripped) \
                and not _HEADING_START.match(stripped):
            meta["title"] = stripped
        elif "speaker" not in meta and (m := _SPEAKER.match(stripped)):
            meta["speaker_title"], meta["speaker"] = m.group(1), re.sub("[ \u3000]", "", m.group(2))
        elif i > 0 and "subtitle" in meta and "speaker" not in meta and 2 <= len(stripped) <= 20 \
                and not re.search("[。，：；]", stripped):
            # "国务院总理\n李克强": the name on a line of its own joins its office.
            name = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if _OFFICE_END.search(stripped) and _NAME.fullmatch(name):
                meta["speaker_title"], meta["speaker"] = stripped, re.sub("[ \u3000]", "", name)
                edits.append((end, end + 1, ""))
            else:
                meta["speaker"] = stripped
        if stripped and not is_info_line(stripped):
            first = False
        if block and stripped:
            block = len(meta) + len(edits) > known
            head_end = min(end + 1, len(text)) if block else head_end
        pos = end + 1
    occasion_date = iso_date(meta.get("occasion", ""))
    if occasion_date:
        meta.setdefault("date", occasion_date)
    if "date" not in meta:
        m = re.search(r"[（(](\d{4}年\d{1,2}月\d{1,2}日)", text[:300])
        if m:
            meta["date"] = iso_date(m.group(1))
    found["meta"] = meta
    # Where the body starts in the text this step leaves: the facts are metadata, not body.
    found["head_end"] = head_end - sum(b - a for a, b, _ in edits if b <= head_end)
    return edits


STEPS: tuple[Step, ...] = (
    Step("invisible", _invisible, "line ends normalized, zero-width characters removed"),
    Step("pinyin", _pinyin, "pinyin annotations removed (相關(guān) → 相關)"),
    Step("simplified", _t2s, "Traditional characters converted to Simplified (OpenCC t2s)"),
    Step("digits", _digits, "full-width digits made ASCII (２０２５ → 2025)", "digits_changed"),
    Step("chrome", _chrome, "site chrome removed (header widgets, related-article footers)"),
    Step("whitespace", _whitespace, "indentation, blank lines and stray line breaks normalized"),
    Step("punctuation", _punctuation, "half-width punctuation between Chinese characters made full-width"),
    Step("head", _head, "document metadata read from the head (source/date lines removed)"),
)

# textacy-style plain functions
normalize_invisible, remove_pinyin, convert_to_simplified, normalize_digits, remove_chrome, normalize_whitespace, \
    normalize_punctuation, read_head = STEPS
