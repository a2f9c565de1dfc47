"""The year a report speaks from, read from the report itself — never from the clock.

Evidence, strongest first:
- the metadata: a date (ISO, from the page's 发布时间 or date line) or a year given with the row;
- a date line: a line that is a full date (at the top, or under the signature at the foot),
  or the occasion ——2026年1月20日在…会议上;
- the national congress the report is given to: 第十四届全国人民代表大会第四次会议 → 2026
  (`npc_session_year`);
- a statement of the year: 2026年是“十五五”开局之年, 今年（2026年）;
- bounds only: a five-year plan named (十五五 is drafted in 2025, runs 2026–2030:
  `plan_period`) and the latest year the text reports on (a year it mentions, not as a target:
  到2035年 and 2030年前 say nothing of when the text was written).

The text is cleaned text: its digits are ASCII (the cleaning step `digits`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import N_
from .message import Message
from .numerals import parse_int

_CN = "一二三四五六七八九十"
_YEAR_DIGITS = "0-9〇零○Ｏ一二三四五六七八九"
# A four-digit year, Arabic or written digit by digit (二〇二六年).
_YEAR = re.compile(rf"(?<![{_YEAR_DIGITS}])([0-9]{{4}}|[〇零○Ｏ一二三四五六七八九]{{4}})年")
_FULL_DATE = re.compile(rf"([0-9]{{4}}|[〇零○Ｏ一二三四五六七八九]{{4}})年"
                        rf"([0-9]{{1,2}}|[{_CN}]{{1,3}})月([0-9]{{1,2}}|[{_CN}]{{1,3}})日")
_ISO = re.compile(r"((?:19|20)\d\d)-\d\d-\d\d")
# The occasion line: ——2026年1月20日在临河县第十届人民代表大会第五次会议上
_OCCASION = re.compile(rf"^[—－\-─]*[（(]?\s*{_FULL_DATE.pattern}[^\n]{{0,40}}(?:会议|大会)上")
# 第十四届全国人民代表大会第四次会议, 十四届全国人大四次会议; also the CPPCC national committee.
_NPC = re.compile(rf"第?([{_CN}]{{1,3}})届全国(?:人民代表大会|人大)(?:常务委员会)?第?([{_CN}]{{1,2}})次(?:全体)?会议")
_CPPCC = re.compile(rf"(?:政协|政治协商会议)第?([{_CN}]{{1,3}})届全国委员会第?([{_CN}]{{1,2}})次会议")
_YEAR_IS = re.compile(rf"(?:^|[\n。！？；，：])(?:{_YEAR.pattern})是")
_THIS_YEAR = re.compile(rf"([今去])年[（(](?:{_YEAR.pattern})[）)]")
# Headings of an annual report: 一、2025年工作回顾 (the report speaks from the next year),
# 二、2026年经济社会发展总体要求, 三、2026年重点工作 (from that year).
_REVIEW = re.compile(rf"(?:{_YEAR.pattern})(?:国内)?(?:工作|经济社会发展)?的?回顾")
_HEAD_START = re.compile(rf"(?:[{_CN}]+、|第[{_CN}]+部分|[（(][{_CN}]+[）)])?\s*(?:对|关于)?[0-9〇零○Ｏ一二三四五六七八九]{{4}}年")
_PLAN_HEAD = re.compile(rf"(?:{_YEAR.pattern})(?:的?(?:政府)?工作|经济社会发展)?的?(?:总体要求|总体部署|主要任务|重点工作|"
                        rf"工作任务|工作安排|的工作|政府工作的建议|工作的建议|工作的基本方针)")
# 十五五, “十四五”, 第十个五年计划
_PLAN = re.compile(rf"十([一二三四五六七八九])五(?=[”」’]?(?:规划|时期|期间|计划|开局|末|初|以来|发展|目标|的|，|。|、|”|」))"
                   rf"|“十五”(?=规划|计划|时期|期间|末|以来)")
_PLAN_START = re.compile(r"开局之年|开局年|第一年|起步之年")
# A year the text speaks of as a target or a deadline, not as something it reports on.
_TARGET_BEFORE = re.compile(r"(?:到|至|于|在|争取|力争|确保|计划|预计|展望|—|－|-|~|～|到本世纪)$")
# A year the text reports on opens a clause: 2025年，… / 2025年以来 / 2025年底 / 2025年全年.
_REPORTED_AFTER = re.compile(r"(?:[，,]|以来|底(?!前)|末|全年|上半年|前三季度|一年)")

# Five-year plans from the third (1966–1970) on follow each other without a gap; the first
# ran 1953–1957 and the second 1958–1962, followed by three years of readjustment.
_EARLY_PLANS = {1: (1953, 1957), 2: (1958, 1962)}


_ZERO = str.maketrans("○Ｏ", "〇〇")


def _int(s: str) -> int | None:
    s = s.translate(_ZERO)   # ○ and Ｏ written for 〇
    return int(s) if s.isdigit() else parse_int(s)


def npc_session_year(term: int, session: int) -> int | None:
    """The year of session `session` of the `term`-th National People's Congress (or the CPPCC
    National Committee, which is elected with it). From the 5th NPC (elected 1978) on, a term
    lasts five years with one plenary session a year: term k opens in 1978 + 5(k − 5) and its
    n-th session is held n − 1 years later (14th NPC 1st session 2023 → 4th session 2026).
    Earlier terms did not meet every year: None."""
    if term < 5 or not 1 <= session <= 5:
        return None
    return 1978 + 5 * (term - 5) + session - 1


def plan_period(k: int) -> tuple[int, int] | None:
    """Years of the k-th five-year plan: 十五五 (k=15) → (2026, 2030)."""
    if k in _EARLY_PLANS:
        return _EARLY_PLANS[k]
    if k < 1:
        return None
    start = 1966 + 5 * (k - 3)
    return start, start + 4


@dataclass(frozen=True)
class Evidence:
    kind: str         # meta_date, meta_year, date_line, session, heading, year_is, plan, reported_year
    year: int         # the year the text speaks from (exact kinds) or the bound
    exact: bool       # True: the year of the text; False: a lower bound ("not before")
    surface: str      # what the text says
    start: int = -1   # where it says it (-1: metadata)

    def describe(self) -> Message:
        """The evidence as one sentence (English as a str, translated on the pages)."""
        return Message(_DESCRIBED[self.kind, self.exact], surface=self.surface, year=self.year)


# Each kind of evidence as a whole sentence (exact: the year of the text; else a lower bound).
_DESCRIBED = {("meta_date", True): N_("dated {surface}: written in {year}"),
              ("meta_year", True): N_("year given with the report {surface}: written in {year}"),
              ("date_line", True): N_("date line {surface}: written in {year}"),
              ("session", True): N_("delivered to {surface}: written in {year}"),
              ("session", False): N_("names {surface}: written in {year} or later"),
              ("heading", True): N_("part heading {surface}: written in {year}"),
              ("year_is", True): N_("states the current year {surface}: written in {year}"),
              ("plan", False): N_("names the plan period {surface}: written in {year} or later"),
              ("reported_year", False): N_("reports on the year {surface}: written in {year} or later")}


def _date_lines(text: str, head: int = 15, tail: int = 6) -> list[Evidence]:
    """Date lines at the top (the occasion, a publication date) or at the foot (the date under
    a signature: 市科技局\n2010年12月20日) of the text."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    picked = list(range(min(head, len(lines)))) + list(range(max(head, len(lines) - tail), len(lines)))
    found = []
    for i in picked:
        s = lines[i].strip()
        m = _OCCASION.match(s) or (_FULL_DATE.fullmatch(s.strip("（）() ")) if len(s) <= 16 else None)
        y = _int(m.group(1)) if m else None
        if y and 1900 <= y <= 2200:
            found.append(Evidence("date_line", y, True, s[:40], starts[i]))
    return found


def evidence(text: str, meta: dict | None = None) -> list[Evidence]:
    """Everything the report (and its metadata) says about when it was written."""
    meta = meta or {}
    found: list[Evidence] = []
    date = str(meta.get("date") or "")
    m = _ISO.match(date)
    if m:
        found.append(Evidence("meta_date", int(m.group(1)), True, date))
    year = _meta_year(meta)
    if year is not None:
        found.append(Evidence("meta_year", year, True, str(meta.get("year"))))
    found += _date_lines(text)
    found += _heading_years(text)
    sessions = [(npc_session_year(_int(m.group(1)) or 0, _int(m.group(2)) or 0), m) for rx in (_NPC, _CPPCC)
                for m in rx.finditer(text)]
    sessions = [(y, m) for y, m in sessions if y]
    if sessions:
        # A report names earlier sessions too (自十四届全国人大三次会议以来), never a later one.
        # The occasion (在…会议上, or a line of the head) is the year of the report; a session
        # named in the prose (自十四届全国人大三次会议以来) is past: a lower bound.
        y, m = max(sessions, key=lambda s: s[0])
        line_start = text.rfind("\n", 0, m.start()) + 1
        occasion = (text.startswith("上", m.end()) or text[max(0, m.start() - 1):m.start()] in ("向", "在")
                    or text.startswith(("——", "—", "－－"), line_start))
        found.append(Evidence("session", y, occasion, m.group(), m.start()))
    latest = _latest_reported_year(text)
    for m in _THIS_YEAR.finditer(text):
        y = _int(m.group(2))
        if y and 1900 <= y <= 2200:
            y += m.group(1) == "去"
            found.append(Evidence("year_is", y, True, m.group(), m.start()))
            break
    # 2026年是…: the current year only when no later year is reported on (a 2016 report
    # reviews: 2015年是“十二五”收官之年).
    stated = [(_int(m.group(1)), m) for m in _YEAR_IS.finditer(text)]
    stated = [(y, m) for y, m in stated if y and 1900 <= y <= 2200 and (latest is None or y >= latest[0])]
    if stated:
        y, m = max(stated, key=lambda s: s[0])
        found.append(Evidence("year_is", y, True, m.group().lstrip("\n。！？；，："), m.start()))
    found += _plan_bounds(text)
    if latest:
        found.append(Evidence("reported_year", latest[0], False, latest[1], latest[2]))
    return found


def _heading_years(text: str) -> list[Evidence]:
    """The year of an annual report from its part headings: short lines that open with the
    year, after a marker (一、2025年工作回顾, 三、对2018年政府工作的建议)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if len(line) <= 40 and "。" not in line[:-1] and _HEAD_START.match(line):
            years = [_int(m.group(1)) + 1 for m in _REVIEW.finditer(line)]
            years += [_int(m.group(1)) for m in _PLAN_HEAD.finditer(line)]
            years = [y for y in years if y and 1900 <= y <= 2200]
            if years:
                out.append(Evidence("heading", max(years), True, line, pos))
        pos += len(line) + 1
    return [max(out, key=lambda e: e.year)] if out else []


def _meta_year(meta: dict) -> int | None:
    try:
        y = int(str(meta.get("year") or "").strip()[:4])
    except ValueError:
        return None
    return y if 1900 <= y <= 2200 else None


def _plan_bounds(text: str) -> list[Evidence]:
    """The latest plan the text names by its short name (十四五): a plan is prepared in the
    two years before it starts, so the text is not older than that; with 开局之年 the text
    speaks from the plan's first year. 第七个五年计划 spelled out is left out: reports of the
    1950s–80s name plans a decade ahead."""
    best = None
    for m in _PLAN.finditer(text):
        if m.group(1):
            k = 10 + int(_int(m.group(1)) or 0)
        else:
            k = 10  # “十五”
        period = plan_period(k)
        if period and (best is None or period[0] > best[0][0]):
            best = (period, m)
    if best is None:
        return []
    (start, end), m = best
    window = text[m.end(): m.end() + 12]
    if _PLAN_START.search(window):
        return [Evidence("plan", start, False, m.group() + window[:_PLAN_START.search(window).end()], m.start())]
    return [Evidence("plan", start - 2, False, Message(N_("{plan} ({start}–{end})"), plan=m.group(), start=start, end=end),
                     m.start())]


def _latest_reported_year(text: str) -> tuple[int, str, int] | None:
    """The latest year the text reports on: a year that opens a clause (2025年，全县…), not
    a target or deadline (到2030年, 2035年远景目标) nor a coming event (2022年冬奥会)."""
    best = None
    for m in _YEAR.finditer(text):
        y = _int(m.group(1))
        if not y or not 1900 <= y <= 2200:
            continue
        before = text[max(0, m.start() - 4): m.start()]
        if _TARGET_BEFORE.search(before) or not _REPORTED_AFTER.match(text, m.end()):
            continue
        if best is None or y > best[0]:
            best = (y, text[m.start(): m.end() + 6].split("\n")[0], m.start())
    return best


EXACT_KINDS = ("meta_date", "meta_year", "date_line", "session", "heading", "year_is")


def report_year(text: str, meta: dict | None = None) -> int | None:
    """The year this report speaks from (the year it was written or delivered), or None when
    neither the metadata nor the text states it. Bounds (plans, years reported on) are not
    enough: a review of 2025 may be written in 2025 or 2026."""
    ev = evidence(text, meta)
    for kind in EXACT_KINDS:
        years = [e.year for e in ev if e.kind == kind and e.exact]
        if years:
            return years[0]
    return None


def not_before(ev: list[Evidence]) -> Evidence | None:
    """The strongest lower bound among the evidence."""
    bounds = [e for e in ev if not e.exact]
    return max(bounds, key=lambda e: e.year) if bounds else None
