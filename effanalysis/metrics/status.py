"""What each claim is: a target or an outcome (`status`), the year or span it is about
(`period`), and which standard indicator it measures (`indicator`).

A government work report (national, provincial, county) reviews the past year and plans
the next: the part of the report a claim stands in (from the headings: 工作回顾 vs 总体要求,
主要预期目标, 工作任务) gives its default status, and the words before it in its sentence
can override it (去年 / 2024年 make a figure past, 预期目标是 / 力争 / 控制在 make it a plan).
The period comes from the dates the sentence states (今年, 去年, 2025年, 过去五年, “十四五”时期),
else from the heading, else from the status and the report's own year.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import numpy as np

from ..dating import plan_period
from ..language.lexicon import alternation, rows as table_rows, table
from ..numerals import parse_int

STATUS_COLUMNS = ["status", "period", "indicator"]

# --- the report's own year -----------------------------------------------------------------------
_HEAD_YEAR = re.compile(r"([12][0-9]{3})年")


def report_year(report) -> int | None:
    """The year a report speaks from (effanalysis.dating: its metadata, date line, session,
    part headings; None rather than a guess), computed once per Report."""
    if "_speaks_from" not in report.__dict__:
        from ..dating import report_year as _dated

        # the metadata outranks the text there, so read the text only when the metadata says nothing
        report.__dict__["_speaks_from"] = _dated("", report.meta) or _dated(report.text, report.meta)
    return report.__dict__["_speaks_from"]


# --- periods ------------------------------------------------------------------------------------
_CN_YEAR = "[一二][〇○零九][〇○零一二三四五六七八九]{2}"
_TIME = re.compile(  # the lookahead lets the engine skip to characters a date can start with
    rf"(?=[0-9一二三四五六七八九十两“\"今本明去上过这近最未])(?:(?P<span>(?P<y1>[12][0-9]{{3}}|{_CN_YEAR})年?\s*[—–－\-~～至到](?P<y2>[12][0-9]{{3}}|{_CN_YEAR})年)"
    rf"|(?P<year>[12][0-9]{{3}}|{_CN_YEAR})年(?!代|以来|以前|之前|之后)"
    r"|[“\"]?(?P<plan>[一二三四五六七八九十]{1,3})五[”\"](?:时期|期间|规划|计划|以来)?"
    r"|(?P<plan2>[一二三四五六七八九十]{1,3})五(?:时期|期间|规划|计划)"
    r"|(?:过去的?|近|这|最近)(?P<back>[两二三四五六七八九十])年(?:来|间)?|(?P<back2>[两二三四五六七八九十])年来"
    r"|(?:今后|未来)(?P<ahead>[两二三四五六七八九十])年"
    r"|(?P<rel>今年|本年|明年|去年|上一年|上年(?!同期)|过去一年|过去的一年|一年来))")
_COMPARED = "比较与同从由自"   # 比上年, 较2024年, 从2012年的…: a baseline, not the period
# A yearly average of a change or an amount (年均增长7.8%, 年均1270多万人), not 年均浓度 (a level).
_AVERAGE = re.compile(r"(?:年均|平均每年|每年平均|年平均)(?:实际)?(?:增长|增加|提高|下降|降低|上涨|减少|缩减|递增|递减|增速|"
                      r"[0-9０-９一二三四五六七八九十])")


def _year(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else parse_int(raw)


def _fmt(span: tuple[int, int] | None) -> str:
    if span is None:
        return ""
    a, b = span
    return str(a) if a == b else f"{a}-{b}"


def time_of(m: re.Match, year: int | None) -> tuple[int, int] | None:
    """The years a matched time expression stands for, or None (relative words need the year)."""
    if m.group("span"):
        a, b = _year(m.group("y1")), _year(m.group("y2"))
        return (a, b) if a and b and a <= b else None
    if m.group("year"):
        y = _year(m.group("year"))
        return (y, y) if y else None
    plan = m.group("plan") or m.group("plan2")
    if plan:
        n = parse_int(plan)
        return plan_period(n) if n else None
    if year is None:
        return None
    back, ahead = m.group("back") or m.group("back2"), m.group("ahead")
    if back:  # 过去五年, 近三年, 五年来: the years before the report's own
        n = parse_int(back)
        return (year - n, year - 1) if n else None
    if ahead:  # 今后五年: the report's year and the ones after
        n = parse_int(ahead)
        return (year, year + n - 1) if n else None
    rel = m.group("rel")
    if rel in ("今年", "本年"):
        return year, year
    if rel == "明年":
        return year + 1, year + 1
    return year - 1, year - 1


class Dates:
    """Every date a text states (not the baselines), found in one pass, so the last one before
    each claim is a bisection instead of a search per claim."""

    def __init__(self, text: str, year: int | None):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.spans: list[tuple[int, int]] = []
        for m in _TIME.finditer(text):
            if m.start() > 0 and text[m.start() - 1] in _COMPARED:
                continue
            span = time_of(m, year)
            if span is not None:
                self.starts.append(m.start())
                self.ends.append(m.end())
                self.spans.append(span)

    def last(self, start: int, end: int, multi: bool = False, lead: int | None = None) -> tuple[int, int] | None:
        """The last date wholly inside [start, end) (with multi, the last span of several years;
        with lead, a span only where it opens the text: 五年来，… at a paragraph's start)."""
        i = bisect_right(self.starts, end) - 1
        while i >= 0 and self.starts[i] >= start:
            span = self.spans[i]
            several = span[0] != span[1]
            if self.ends[i] <= end and (not multi or several) and \
                    (lead is None or not several or self.starts[i] - start <= lead):
                return span
            i -= 1
        return None


def last_time(text: str, start: int, end: int, year: int | None) -> tuple[int, int] | None:
    """The last date stated in text[start:end] that is not a baseline (比上年, 较2024年)."""
    found = None
    for m in _TIME.finditer(text, start, end):
        if m.start() > 0 and text[m.start() - 1] in _COMPARED:
            continue
        span = time_of(m, year)
        if span is not None:
            found = span
    return found


# --- parts of the report ------------------------------------------------------------------------
_REVIEW_HEAD = re.compile(r"回顾|过去|一年来|五年来|去年|上年|成就|工作总结|总结")
# Only words that name a plan: a heading like 以改进作风为目标 is a theme, not the plan part.
_PLAN_HEAD = re.compile(r"总体要求|预期目标|主要目标|目标任务|目标和任务|主要任务|重点任务|工作任务|政府工作任务|"
                        r"工作安排|工作打算|工作思路|工作部署|总体部署|工作的建议|重点工作|今年|明年|下一步|今后")


def heading_part(title: str, year: int | None) -> str:
    """review | plan | mixed | '' from a heading's words (and the year it names)."""
    review, plan = bool(_REVIEW_HEAD.search(title)), bool(_PLAN_HEAD.search(title))
    m = _HEAD_YEAR.search(title)
    if year is not None and m and not (review and plan):
        y = int(m.group(1))
        if y < year:
            review, plan = True, False
        elif not review:  # a heading on the report's own year or later: 三、2011年的工作
            plan = True
    if review and plan:
        return "mixed"
    return "review" if review else "plan" if plan else ""


def section_parts(sections, text: str, year: int | None) -> dict[str, tuple[str, tuple | None]]:
    """section id → (part, period of the heading). A top-level section without a telling
    heading after a plan section is part of the plan (…三、把改革开放扎实推向纵深);
    a sub-section takes its top-level section's part unless its own heading tells.
    `sections`: the sections frame, or the same as plain columns (`Report.section_columns`)."""
    out: dict[str, tuple[str, tuple | None]] = {"0": ("", None)}
    if sections is None or not len(sections["section"]):
        return out
    top = min(sections["level"])
    current: tuple[str, tuple | None] = ("", None)
    seen_plan = False
    # plain columns, not itertuples: that builds a namedtuple class per call, per report
    for sid, level, title in zip(sections["section"], sections["level"], sections["title"]):
        title = str(title)
        part = heading_part(title, year)
        period = last_time(title, 0, len(title), year) if part != "mixed" else None
        if level == top:
            if not part and seen_plan:
                part = "plan"
            seen_plan = seen_plan or part == "plan"
            current = (part, period)
            out[str(sid)] = current
        else:
            out[str(sid)] = (part or current[0], period or current[1])
    return out


# --- status cues --------------------------------------------------------------------------------
# Cues of a plan: the strong ones hold even in a review (年初确定的目标…), the others only elsewhere
# (a review's 控制在 says where a figure was kept). 计划 plans only as a verb (计划新增, 计划投资),
# not as a noun (年计划, 科技计划项目); 争取 only before what is to be reached (争取项目资金 got them).
_TARGET_STRONG = re.compile(r"年初(?:确定|提出|预期|预定)|原定|预定|目标(?:是|为|定为|定在|设定为|[：:]|(?=[0-9０-９]))|力争|计划(?=新增|完成|实现|投资|安排|建设|开工|建成|改造|培训|引进|达到|增长|提高|[0-9０-９一二三四五六七八九十两])")
_TARGET_CUE = re.compile(r"年初(?:确定|提出|预期|预定)|原定|预定|目标(?:是|为|定为|定在|设定为|[：:]|(?=[0-9０-９]))|力争|计划(?=新增|完成|实现|投资|安排|建设|开工|建成|改造|培训|引进|达到|增长|提高|[0-9０-９一二三四五六七八九十两])|"
                         r"控制在|确保|争取(?=实现|达到|完成|增长|突破|新增|超过|提高|建成|更好|[0-9０-９])|拟|(?<![主重需只紧首纲摘概提必])要(?![求素点害闻件])")
_OUTCOME_CUE = re.compile(r"完成了?|实现了|达到了|增长了|提高了|下降了|降低了|增加了|超额|已经|已达|已|累计|同比")
_OUTCOME_WEAK = re.compile(r"实现|达到|达")
_PLAN_QUALIFIERS = ("approx", "over", "under", "range")
_ARABIC = re.compile(r"[0-9０-９]")


def _last(rx: re.Pattern, text: str, start: int, end: int) -> int:
    """Start of the last match of a cue in text[start:end], or -1."""
    last = -1
    for m in rx.finditer(text, start, end):
        last = m.start()
    return last


def status_of(text: str, sent_start: int, start: int, part: str, period: tuple | None, year: int | None,
              qualifier: str, weak: bool = False) -> str:
    """target | outcome | '' for the claim at `start` in a sentence starting at `sent_start`.
    A strong cue (年初确定的, 目标是, 力争) in the claim's own clause makes a target anywhere; a date
    before the report's year makes an outcome; otherwise the other cues, then the part of the report.
    A `weak` figure (a small count in words: 八项主张, 两个手段, 五项重点工作) is mostly the structure
    of the text, not a measure: only a strong cue or a past date gives it a status."""
    brk = _clause_break(text, sent_start, start)
    while brk >= 0 and text[brk] not in "，；,;":  # a clause here ends at ， or ； only
        brk = _clause_break(text, sent_start, brk)
    clause = brk + 1
    strong = _last(_TARGET_STRONG, text, max(clause, sent_start), start)
    o = _last(_OUTCOME_CUE, text, sent_start, start)
    if part == "review":
        o = max(o, _last(_OUTCOME_WEAK, text, sent_start, start))
    if strong > o:
        return "target"
    past = period is not None and year is not None and period[1] < year
    if past:
        return "outcome"
    if weak:
        return ""
    t = _last(_TARGET_STRONG if part == "review" else _TARGET_CUE, text, sent_start, start)
    if t > o:
        return "target"
    if period is not None and year is not None and part != "review" and period[0] >= year:
        return "target"
    if part == "review":
        return "outcome"
    if part == "plan":
        return "target"
    if o >= 0:
        return "outcome"
    if qualifier in _PLAN_QUALIFIERS and period is not None and year is not None and period[0] >= year:
        return "target"
    return ""


# --- indicators ---------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def indicator_table():
    """The lexicon of standard indicators (lexicons/indicators.tsv), one row per id."""
    return table("indicators.tsv").set_index("id")


@lru_cache(maxsize=None)
def _names() -> tuple[re.Pattern, dict[str, str], dict[str, tuple[str, ...]]]:
    header, body = table_rows("indicators.tsv")  # the rows, not indicator_table(): no pandas here
    i_id, i_names, i_units = (header.index(c) for c in ("id", "names", "units"))
    by_name = {}
    for r in body:
        for n in r[i_names].split("|"):
            by_name.setdefault(n, r[i_id])
    units = {r[i_id]: tuple(r[i_units].split("|")) for r in body}
    return re.compile(alternation(by_name)), by_name, units


_BREAKS = "，,；;：:。！？!?\n"


# A table by code point (all breaks are in the Basic Multilingual Plane, U+FFFF is none of
# them): one look-up per character instead of a comparison with each break.
_IS_BREAK = np.zeros(0x10000, dtype=bool)
_IS_BREAK[[ord(c) for c in _BREAKS]] = True


@lru_cache(maxsize=4)
def _break_positions(text: str) -> list[int]:
    chars = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return np.flatnonzero(_IS_BREAK[np.minimum(chars, 0xFFFF)]).tolist()


def _clause_break(text: str, lo: int, hi: int) -> int:
    """Position of the last clause break in text[lo:hi], or -1 (found once per text, then bisected)."""
    pos = _break_positions(text)
    i = bisect_right(pos, hi - 1) - 1
    return pos[i] if i >= 0 and pos[i] >= lo else -1


_OTHER_HEAD = re.compile(r"的|占|比重|贡献|份额|比例|之|人均(?!可支配)|每")
# A name after these measures somewhere else (世界经济增长, 东部地区生产总值).
# What may stand between a figure and the next one of the same indicator (…134.9万亿元、增长5%).
_AGAIN = re.compile(r"[、，和及]?(?:力争|争取|努力|比上年|较上年|同比|实际|分别|转为)?(?:增长|增加|提高|下降|降低|上涨|上升|回落|增速为?|增幅为?|涨幅为?|降幅为?)?")
_ELSEWHERE = re.compile(r"(?:世界|全球|国际|各国|美国|欧元区|发达国家|发达经济体|新兴经济体|发展中国家|部|占)$")


_JOINERS = ("和", "、", "及", "与", "以及")
_FIGURE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_LIST_NEXT = re.compile(r"[和、及与][0-9０-９]")


def indicator_of(text: str, start: int, unit: str, claim_spans: list[tuple[int, int]],
                 end: int | None = None) -> tuple[str, str]:
    """(indicator id, the name as written) of a claim at `start` with `unit`, or ('', '').
    The name is the last one in the clause before the number that the words between do not
    hand over to another head noun (…占国内生产总值的比重, 对世界经济增长的贡献率); a clause
    of a verb alone continues the one before (国内生产总值达到67.7万亿元，增长6.9%); in a
    分别 list (地区生产总值、财政收入分别增长6%、7%), or names joined by 和 before figures joined
    by 和 (城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4%和11.4%), the k-th figure takes
    the k-th name."""
    rx, by_name, units = _names()
    lo = max(0, start - 60)
    brk = _clause_break(text, lo, start)
    clause = brk + 1 if brk >= 0 else lo
    if brk >= 0 and text[brk] in "，," and start > clause and _AGAIN.fullmatch(text, clause, start):
        brk2 = _clause_break(text, max(0, brk - 60), brk)
        clause = brk2 + 1 if brk2 >= 0 else clause
    fb = text.rfind("分别", clause, start)
    if fb >= 0 and not text[clause:fb].strip("，, "):
        # …收入11759元，农村居民人均纯收入3587元，分别比上年实际增长10.4%和7.4%: the names are
        # in the clauses before; take as many of the last ones as figures follow 分别
        k = sum(1 for s, _ in claim_spans if fb < s < start)
        stop = _clause_break(text, start, min(len(text), start + 40) + 1)
        n = len(_FIGURE.findall(text, fb, stop if stop >= 0 else start + 40))
        names = list(rx.finditer(text, max(0, clause - 120), clause))
        sent = max(text.rfind(ch, 0, clause) for ch in "。！？\n")
        names = [h for h in names if h.start() > sent][-n:] if n else []
        if len(names) == n and k < n:
            h = names[k]
            ind = by_name[h.group()]
            return (ind, h.group()) if unit in units[ind] else ("", "")
        return "", ""
    if fb >= 0:
        items = re.split(r"[、和及与]", text[clause:fb])
        k = sum(1 for s, _ in claim_spans if fb < s < start)
        if k >= len(items):
            return "", ""
        item = items[k]
        h = next((h for h in rx.finditer(item) if h.end() == len(item)), None)
        ind = by_name[h.group()] if h else ""
        return (ind, h.group()) if h and unit in units[ind] else ("", "")
    hits = list(rx.finditer(text, clause, start))
    for j in range(len(hits) - 1, -1, -1):
        h = hits[j]
        gap = text[h.end():start]
        if len(gap) > 24 or _OTHER_HEAD.search(gap) or _ELSEWHERE.search(text, max(0, h.start() - 6), h.start()):
            continue
        name = h.group()
        if name.isascii() and (text[h.start() - 1:h.start()].isascii() and text[h.start() - 1:h.start()].isalpha()
                               or text[h.end():h.end() + 1] == "."):
            continue  # M2 inside PM2.5
        between = [e for s, e in claim_spans if h.end() <= s < start]
        if between and not _AGAIN.fullmatch(text, max(between), start):
            return "", ""  # …1.4万亿斤、亩产提升10.1斤: another noun took over
        run = [h]
        while j - len(run) >= 0 and text[hits[j - len(run)].end():run[0].start()] in _JOINERS:
            run.insert(0, hits[j - len(run)])
        if len(run) > 1 and (between or (end is not None and _LIST_NEXT.match(text, end))):
            k = len(between)
            if k >= len(run):
                return "", ""
            h = run[k]
            name = h.group()
        ind = by_name[name]
        return (ind, name) if unit in units[ind] else ("", "")
    return "", ""


# --- the annotation -----------------------------------------------------------------------------
def annotate_rows(rows: list[list], report, columns: list[str]) -> list[list]:
    """Append status, period and indicator to claim rows (lists in `columns` order) of a Report."""
    if not rows:
        return rows
    text = report.text
    year = report_year(report)
    parts = section_parts(report.section_columns, text, year)
    sent_starts = report.sentence_spans[0].tolist()  # plain ints: read once per claim
    i_sec, i_sent, i_start, i_unit, i_qual, i_kind, i_val, i_surf = (
        columns.index(c) for c in ("section", "sentence", "start", "unit", "qualifier", "kind", "norm_value", "surface"))
    dates = Dates(text, year)
    i_end = columns.index("end")
    spans = [(r[i_start], r[i_end]) for r in rows]
    for k, r in enumerate(rows):
        if r[i_kind] == "ordinal":  # 第十四届, 第二批: a place in a series, not a figure of a year
            r.extend(["", "", ""])
            continue
        start = r[i_start]
        s0 = sent_starts[r[i_sent]] if sent_starts else 0
        part, head_period = parts.get(str(r[i_sec]), ("", None))
        period = dates.last(s0, start)
        if period is None and (part != "plan" or r[i_qual] == "exact"):  # 刚刚过去的2017年，…。国内生产总值增长6.9%
            period = dates.last(text.rfind("\n", 0, s0) + 1, s0, lead=8)
        average = _AVERAGE.search(text, max(s0, start - 14), start + 1)
        if average and (period is None or period[0] == period[1]):
            period = dates.last(max(0, s0 - 1500), s0, multi=True) or (head_period if head_period and head_period[0] != head_period[1]
                                                      else None)
        if period is None and part == "mixed":  # a part on two plan periods: the nearest one named
            period = dates.last(max(0, s0 - 1500), s0, multi=True)
        weak = r[i_kind] in ("count", "duration") and r[i_qual] == "exact" and r[i_val] <= 10 \
            and not _ARABIC.search(r[i_surf])
        status = status_of(text, s0, start, part, period, year, r[i_qual], weak)
        if period is None and not average:
            period = head_period
        if period is None and year is not None and not average:
            period = (year - 1, year - 1) if status == "outcome" else (year, year) if status == "target" else None
        ind, _ = indicator_of(text, start, r[i_unit], spans[max(0, k - 12):k], r[i_end])
        r.extend([status, _fmt(period), ind])
    return rows


def annotated_rows(report) -> list[list]:
    """Claim rows of a Report with status, period and indicator appended."""
    from .claims import CLAIM_COLUMNS, report_claim_rows

    return annotate_rows(report_claim_rows(report), report, list(CLAIM_COLUMNS))


def annotated_frame(report):
    """The claims table of a Report with the status columns (CLAIM_COLUMNS + STATUS_COLUMNS)."""
    from .claims import CLAIM_COLUMNS, to_frame

    rows = annotated_rows(report)
    n = len(CLAIM_COLUMNS)
    df = to_frame([r[:n] for r in rows])
    for i, c in enumerate(STATUS_COLUMNS):
        df[c] = [r[n + i] for r in rows]
    return df


def indicator_name(report, row) -> str:
    """The indicator's name as the report writes it, for the claim `row` (a frame row)."""
    return indicator_of(report.text, int(row["start"]), str(row["unit"]), [])[1]
