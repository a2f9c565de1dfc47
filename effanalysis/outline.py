"""Structure of a cleaned report (its digits ASCII): headings, lead sentences, 一是… items, sentences.

Headings are recognised at the start of a line by their marker: 第X部分, 一、,
（一）, 1./1．, （1）, 第X、. A marker is a heading only when it starts a series
or continues an open one, which keeps numbered prose from posing as headings.
A heading's `level` is its depth in the tree, which follows the document: in
the common case 一、 is level 1, （一） 2, 1. 3 and （1） 4, while a report that
opens with （一） has it on top. Reports divided by unnumbered titles (关于外交工作,
结束语) get those as top-level parts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from .numerals import parse_int

if TYPE_CHECKING:
    import pandas as pd

_CN = "一二三四五六七八九十百零〇两"
_MARKERS = (
    # (rank: the kind of marker, regex for the label at line start)
    (0, re.compile(rf"第([{_CN}]+|\d+)(?:部分|篇|章)")),
    # Not 二、三产业 or 一、二、三 (lists of numbers), but 一、一年来工作回顾 is a heading.
    (1, re.compile(rf"([{_CN}]+)、(?![{_CN}]+(?:、|产业))")),
    (2, re.compile(rf"[（(]([{_CN}]+)[）)]")),
    (3, re.compile(r"([0-9]{1,2})[.．、](?![0-9])")),
    (4, re.compile(r"[（(]([0-9]{1,2})[）)]")),
    (5, re.compile(rf"第([{_CN}]+)、")),
)
# The characters a marker can open with: a line that opens otherwise (most lines) is spared
# the six regexes.
_MARKER_FIRST = frozenset("第（(0123456789" + _CN)


def _markers(line: str) -> tuple:
    """The markers that may open `line`: all of them, or none for a line no marker opens."""
    return _MARKERS if line[:1] in _MARKER_FIRST else ()


# An unnumbered part heading: a short line with no punctuation but 、 and quotes, with at
# least two Han characters (not 2.5 or a unit left over from a broken sentence).
_PART = re.compile(r"(?=(?:[^\n]*[\u4e00-\u9fff]){2})[^\s。，；：！？,;:!?（(]{2,24}")
# Where the body ends and an appendix, glossary or notes begin: no headings after that.
_BACK_HEAD = re.compile(r"(?:附件|附表|附录|名词解释|注释|注解|说明|备注)[0-9一二三四五六七八九十]*[：:]?$|附[：:]|注[：:]")
# A line ends a paragraph (a heading may follow it) when it ends with these.
_PARA_END = tuple("。！？!?：:；;”」』）)")
# A line continues the one before when it opens with these.
_CONTINUES = tuple("，,、。；;：:）)”」%％")
_ENUM = re.compile(rf"([{_CN}]{{1,3}})是(?=[^的])")  # at a line or clause start, see _ENUM_AT
# 一是 after a line, sentence or clause break: matching the break itself lets the regex engine
# skip ahead by the first character instead of testing a look-behind at every position.
_ENUM_AT = re.compile(rf"[\n。；！？：，]([{_CN}]{{1,3}})是(?=[^的])")
_CLAUSE_END = re.compile(r"[^，,；;：:。！？!?\n]*(?:[，,；;：:。！？!?]+[”’」』）)]*|\n|$)")

# `rank` is the kind of marker: -1 an unnumbered part, then the order of _MARKERS;
# `level` is the depth in the tree (1 = top).
SECTION_COLUMNS = ["section", "level", "rank", "label", "title", "start", "end", "heading_end", "parent"]


@dataclass
class Outline:
    title: str
    preamble: tuple[int, int]
    # one dict per heading, keys SECTION_COLUMNS: the claims of a corpus read these plain
    # columns, so the metrics command never imports pandas nor builds a frame per document
    section_rows: list[dict]
    text: str = field(default="", repr=False)

    @cached_property
    def sections(self) -> pd.DataFrame:
        """One row per heading, columns SECTION_COLUMNS."""
        import pandas as pd

        return pd.DataFrame(self.section_rows, columns=SECTION_COLUMNS)

    @cached_property
    def section_columns(self) -> dict[str, list]:
        """The sections as plain columns (SECTION_COLUMNS → list), what `section_at` and the
        claims' status read without a frame."""
        return {c: [r[c] for r in self.section_rows] for c in SECTION_COLUMNS}

    @cached_property
    def items(self) -> pd.DataFrame:
        """Lead sentences and 一是 items: section, kind, label, text, start, end. Found on first
        use: the claims of a corpus need the sections only, and the items cost as much again."""
        return _items(self.text, self.sections)

    def to_dict(self) -> dict:
        def node(i: int) -> dict:
            row = self.sections.iloc[i]
            sub = self.items[self.items["section"] == row["section"]]
            return {
                "level": int(row["level"]), "label": row["label"], "title": row["title"],
                "start": int(row["start"]), "end": int(row["end"]),
                "leads": [{"text": r.text, "start": int(r.start), "end": int(r.end)}
                          for r in sub[sub["kind"] == "lead"].itertuples()],
                "enumeration": [{"label": r.label, "text": r.text, "start": int(r.start), "end": int(r.end)}
                                for r in sub[sub["kind"] == "enum"].itertuples()],
                "children": [node(j) for j in np.flatnonzero(self.sections["parent"].to_numpy() == row["section"])],
            }

        roots = np.flatnonzero(self.sections["parent"].to_numpy() == "0") if len(self.sections) else []
        pre = self.items[self.items["section"] == "0"]
        return {"title": self.title,
                "preamble": {"start": self.preamble[0], "end": self.preamble[1],
                             "enumeration": [{"label": r.label, "text": r.text, "start": int(r.start), "end": int(r.end)}
                                             for r in pre[pre["kind"] == "enum"].itertuples()]},
                "sections": [node(i) for i in roots]}


def _number(label: str) -> int | None:
    if label.isdigit():
        return int(label)
    return parse_int(label)


def _heading_title(line: str, m: re.Match, pos: int) -> tuple[str, int]:
    """The heading's title and where it ends: the whole of a short line, else
    the first sentence of a line that runs on into the section's text."""
    body = line[m.end():].strip()
    if len(line) > 60 or re.search(r"。.", body):
        cut = re.search(r"[。！？]", body)
        title = body[: cut.start()] if cut else body[:60]
        return title, pos + m.end() + line[m.end():].find(title) + len(title)
    return body.rstrip("。"), pos + len(line)


# A first line that names the document (its title), never a part heading.
_DOC_TITLE = re.compile(r".*(?:报告|总结|讲话|意见|通知|方案|规划|纲要|决定|公报|说明|汇报|发言)$")


def _headings(text: str, parts: bool = False, first_line_part: bool = False) -> list[dict]:
    """Numbered headings with their depth. A marker is a heading when it starts a
    series (一、, （一）, 1. …) or continues an open one, so numbered prose is not
    taken for headings, and the depth follows the document rather than a fixed
    ranking of marker types (some reports put （一） above 一、). A new series
    nests below a heading that is a title line, and stands beside a list item
    (a paragraph that opens with its number). With `parts`, short unnumbered
    title lines (关于外交工作, 结束语) are top-level parts: used when the numbering
    restarts below them, or when a report has no numbered headings at all."""
    found: list[dict] = []
    path: list[dict] = []  # the open headings, outermost first
    pos = 0
    part_like = False  # an unnumbered title line since the last heading
    part_lines = 0
    lines = text.split("\n")
    skip_to = -1  # a heading's second line, joined to it
    for lineno, line in enumerate(lines):
        if lineno <= skip_to:
            pos += len(line) + 1
            continue
        # 附件, 名词解释, 注释 … after the body: what follows is no part of the outline. (A text
        # that opens with 附件1 is the attachment itself.)
        if (found or pos > len(text) // 2) and _BACK_HEAD.match(line.strip()) and len(line.strip()) <= 30:
            break
        head = None
        for rank, rx in _markers(line):
            m = rx.match(line)
            if not m:
                continue
            n = _number(m.group(1))
            # Not a number that a broken sentence left at a line start (增长\n2.\n5%), nor a
            # marker with nothing but a continuation after it.
            if n is None or _broken_off(lines, lineno, m):
                break
            # Continue the innermost open series of this kind that expects n …
            at = next((i for i in range(len(path) - 1, -1, -1)
                       if path[i]["rank"] == rank and path[i]["number"] == n - 1), None)
            if at is None and n == 1:
                # … or start a new series. One that starts after an unnumbered title
                # line, below earlier headings, means the report is divided into parts.
                if not parts and part_like and (path or part_lines >= 2):
                    return _headings(text, True, first_line_part)
                inner = path[-1] if path else None
                at = len(path) - 1 if inner and inner["rank"] == rank and not inner["title_line"] else len(path)
            if at is not None:
                title, heading_end = _heading_title(line, m, pos)
                nxt = _continuation(lines, lineno, m, heading_end == pos + len(line))
                if nxt:  # a heading broken across two lines
                    title, heading_end, skip_to = title + nxt, pos + len(line) + 1 + len(nxt), lineno + 1
                head = {"rank": rank, "label": m.group(0), "number": n, "title": title, "start": pos,
                        "heading_end": heading_end, "depth": at + 1,
                        "title_line": heading_end == pos + len(line) and not line.endswith(("。", "；", ";"))}
            break
        else:
            if (lineno > 0 or first_line_part) and _PART.fullmatch(line) and _stands_alone(lines, lineno):
                part_like = True
                part_lines += 1
            if parts and part_like:
                at = 0
                head = {"rank": -1, "label": "", "number": None, "title": line, "start": pos,
                        "heading_end": pos + len(line), "depth": 1, "title_line": True}
        if head is not None:
            part_like = False
            del path[at:]
            path.append(head)
            found.append(head)
        pos += len(line) + 1
    # Parts also when numbering restarts at the top, or when there is no numbering at all.
    if not parts and (_restarts_at_top(found) or (not found and part_lines >= 2)):
        return _headings(text, True, first_line_part)
    return found


def _stands_alone(lines: list[str], i: int) -> bool:
    """A line set apart as a heading: after a finished paragraph (or a heading, or a blank
    line), and not continued by the next line (中华人民共和国宪法 cut out of a sentence by a
    link, 2.5 and %左右 from a broken one, are not)."""
    prev = lines[i - 1].rstrip() if i > 0 else ""
    nxt = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
    prev_ok = not prev or prev.endswith(_PARA_END) or bool(_PART.fullmatch(prev)) or _is_marked(prev)
    # Followed by prose (a sentence, a long line), a numbered heading or the end, not by
    # another fragment (a table's or a caption's cells).
    next_ok = (not nxt or _is_marked(nxt) or len(nxt) > 30 or any(p in nxt for p in "。！？；")
               or nxt.endswith(("：", ":")))
    return prev_ok and next_ok and not nxt.startswith(_CONTINUES)


def _broken_off(lines: list[str], i: int, m: re.Match) -> bool:
    """A marker-like start of a line that continues a sentence: the line before stops
    mid-sentence (on a Han character or digit, not a punctuation mark), and the marker has
    no title after it or the next line carries on (％, 、 …)."""
    prev = lines[i - 1].rstrip() if i > 0 else ""
    if not prev or prev.endswith(_PARA_END) or _PART.fullmatch(prev) or _is_marked(prev):
        return False
    rest = lines[i][m.end():].strip()
    nxt = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
    return not rest or nxt.startswith(_CONTINUES)


def _is_marked(line: str) -> bool:
    return any(rx.match(line) for _, rx in _markers(line)) and len(line) <= 40 and not line.endswith("。")


def _continuation(lines: list[str], i: int, m: re.Match, whole_line: bool) -> str:
    """The second line of a heading broken in two: the first is a whole title line that
    stops on a comma or a joining word, the next a short line that no marker opens and that
    ends the title (一、坚持以人民为中心，\n切实办好民生实事); or two short unpunctuated lines
    with a paragraph after them."""
    if not whole_line or i + 1 >= len(lines):
        return ""
    line, nxt = lines[i], lines[i + 1]
    if "。" in nxt[:-1] or any(rx.match(nxt) for _, rx in _markers(nxt)):
        return ""
    if line.endswith(("，", ",", "、", "和", "与", "及", "的")) and 2 <= len(nxt) <= 30:
        return nxt.rstrip("。")
    # Two short title lines without punctuation, prose after them (一、坚持创新驱动发展\n全面塑造
    # 发展新优势\n正文。): one title wrapped by the page.
    after = lines[i + 2] if i + 2 < len(lines) else ""
    if (len(line) - m.end() <= 20 and 2 <= len(nxt) <= 16 and _PART.fullmatch(nxt)
            and not nxt.endswith(("：", ":")) and len(after) > 30 and after.rstrip().endswith(_PARA_END)):
        return nxt
    return ""


def _restarts_at_top(heads: list[dict]) -> bool:
    """A second series at the top level: the report is divided by unnumbered parts."""
    return sum(h["depth"] == 1 and h["number"] == 1 for h in heads) > 1


def build_outline(text: str, title: str = "", title_line: str | None = None) -> Outline:
    """Outline of `text`; `title` names the document, `title_line` is the title as the
    text's first line says it (default: `title`), which then stays out of the preamble."""
    title_line = title if title_line is None else title_line
    # The first line is the title when the caller says so or when it names a document type;
    # else it may open the first part (过去一年工作回顾).
    first = text.split("\n", 1)[0].strip()
    heads = _headings(text, first_line_part=not title_line and not title and not _DOC_TITLE.match(first))
    # Section ids "1", "1.2", … by nesting on rank; ends at the next heading of same or higher rank.
    rows: list[dict] = []
    parents: list[str] = []  # section id at each depth
    counters: dict[str, int] = {}
    for h in heads:
        del parents[h["depth"] - 1:]
        parent = parents[-1] if parents else "0"
        counters[parent] = counters.get(parent, 0) + 1
        sid = f"{counters[parent]}" if parent == "0" else f"{parent}.{counters[parent]}"
        rows.append({"section": sid, "level": h["depth"], "rank": h["rank"], "label": h["label"],
                     "title": h["title"], "start": h["start"], "end": len(text),
                     "heading_end": h["heading_end"], "parent": parent})
        parents.append(sid)
    # A section ends where the next heading at its level or above begins.
    for i, r in enumerate(rows):
        later = next((x for x in rows[i + 1:] if x["level"] <= r["level"]), None)
        if later is not None:
            r["end"] = max(later["start"] - 1, r["start"])
    first_line_end = text.find("\n") if "\n" in text else len(text)
    pre_start = first_line_end + 1 if title_line and text[:first_line_end].strip() == title_line else 0
    pre_end = rows[0]["start"] - 1 if rows else len(text)
    return Outline(title, (pre_start, max(pre_start, pre_end)), rows, text)


def section_at(sections, positions: np.ndarray) -> np.ndarray:
    """Innermost section id containing each position ("0" before any heading). `sections`:
    the sections frame, or the same as plain columns (`Outline.section_columns`)."""
    positions = np.asarray(positions, dtype=np.int64)
    result = np.full(len(positions), "0", dtype=object)
    if len(sections["start"]) == 0 or len(positions) == 0:
        return result
    # Later (deeper or following) headings override earlier ones: the innermost section is the
    # last heading at or before the position, if its span reaches that far.
    # (numpy's lexsort is stable, like the frame's sort, at a fraction of its cost per call)
    starts = np.asarray(sections["start"], dtype=np.int64)
    order = np.lexsort((np.asarray(sections["level"]), starts))
    starts = starts[order]
    ends = np.asarray(sections["end"], dtype=np.int64)[order]
    ids = np.asarray(sections["section"], dtype=object)[order]
    idx = np.searchsorted(starts, positions, side="right") - 1
    hit = (idx >= 0) & (positions <= ends[np.maximum(idx, 0)])
    result[hit] = ids[idx[hit]]
    # Positions past the end of the last heading before them (rare): the innermost enclosing one.
    for k in np.flatnonzero((idx >= 0) & ~hit):
        inside = np.flatnonzero((starts <= positions[k]) & (positions[k] <= ends))
        if len(inside):
            result[k] = ids[inside[-1]]
    return result


_SENT_BODY = re.compile(r"[^。！？!?\n]*[^。！？!?\s][^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*)?|[。！？!?]+[”’」』）)]*")


def sentence_spans(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of every sentence: a sentence runs to 。！？ (with closing
    quotes) or the end of its line, without the white space around it."""
    spans = [m.span() for m in _SENT_BODY.finditer(text)]
    if not spans:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    both = np.array(spans, np.int64)
    starts, ends = both[:, 0].copy(), both[:, 1].copy()
    # Cleaned lines carry no edge spaces, but a sentence may start after one inside a line:
    # only the few matches with a space at an edge are stripped.
    for k in [k for k, (s, e) in enumerate(spans) if text[s].isspace() or text[e - 1].isspace()]:
        s, e = spans[k]
        body = text[s:e]
        starts[k], ends[k] = s + len(body) - len(body.lstrip()), e - len(body) + len(body.rstrip())
    return starts, ends


def sentences(text: str, sections: pd.DataFrame | None = None,
              spans: tuple[np.ndarray, np.ndarray] | None = None) -> pd.DataFrame:
    """One row per sentence: sentence, start, end, text, paragraph, section (paragraphs are lines).
    `spans` may pass in what `sentence_spans(text)` gave already."""
    import pandas as pd

    starts, ends = spans if spans is not None else sentence_spans(text)
    newlines = np.flatnonzero(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) == 10)
    df = pd.DataFrame({"sentence": np.arange(len(starts)), "start": starts, "end": ends,
                       "paragraph": np.searchsorted(newlines, starts)})
    df["text"] = [text[s:e] for s, e in zip(starts.tolist(), ends.tolist())]
    df["section"] = section_at(sections, starts) if sections is not None else "0"
    return df


def clauses(text: str) -> pd.DataFrame:
    """One row per clause (split at ，；： and sentence ends): start, end, text."""
    import pandas as pd

    rows = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(text) if text[m.start():m.end()].strip()]
    df = pd.DataFrame(rows, columns=["start", "end"])
    df["text"] = [text[s:e].strip() for s, e in rows]
    return df


# Lead sentence: a short first sentence of a line without a comma, followed by more.
_LEAD = re.compile(r"(?m)^([^。！？，,；;：:\n]{2,25}[。！])(?=[^\n])")
_ITEM_END = re.compile(r"[。；！？\n]|$")


def _items(text: str, sections: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for m in _LEAD.finditer(text):
        pos = m.start()
        if not any(rx.match(text, pos) for _, rx in _MARKERS) and not _ENUM.match(text, pos):
            rows.append({"kind": "lead", "label": "", "text": m.group(1), "start": pos, "end": m.end(1)})
    # 一是…二是… series, in order, starting from 一 (restarts allowed).
    expect = 1
    first = _ENUM.match(text)
    for m in ([first] if first else []) + list(_ENUM_AT.finditer(text)):
        n = parse_int(m.group(1))
        if n is None:
            continue
        if n == 1 or n == expect:
            stop = _ITEM_END.search(text, m.end()).end()
            rows.append({"kind": "enum", "label": text[m.start(1):m.end()], "text": text[m.start(1):stop].rstrip("\n"),
                         "start": m.start(1), "end": stop})
            expect = n + 1
    rows.sort(key=lambda r: r["start"])  # stable: a lead and an item never share a start
    cols = {k: [r[k] for r in rows] for k in ("kind", "label", "text", "start", "end")}
    section = section_at(sections, np.asarray(cols["start"], dtype=np.int64))
    return pd.DataFrame({"section": section, **cols}, columns=["section", "kind", "label", "text", "start", "end"])
