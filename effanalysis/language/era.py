"""When was a text written? An interval from the formulations it uses and lacks.

- A formulation present means the text is not older than its first year:
  `from` = the latest first year among those present.
- Successors absent: formulations are grouped into eras (the `marker` column of
  slogans.tsv: 邓小平理论 1997, “三个代表” 2000, 科学发展观 2003, the Xi-era
  formulations 2012 …). Official prose recites the guiding formulations of its
  day, so when no formulation of an era that starts after `from` is present,
  the text was written no later than the start of the earliest such era: `to`.
- The likely interval narrows this by when each formulation was the standard
  wording (standard_year … last_year), kept inside [from, to]; a formulation
  already out of use is taken as a quotation and does not narrow it.

- The text's own dates (effanalysis.dating): a date line, the NPC session, the annual part
  headings, 2026年是… give the year the report speaks from, which becomes the likely era;
  years it reports on and plan periods it names are lower bounds. Never the clock.

Validated on the bundled corpus (tests/test_language_era.py): for the dated
State Council reports from 1978 on, the interval contains the report's year.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import dating
from ..i18n import N_
from ..message import Message
from . import slogans


@lru_cache(maxsize=None)
def eras() -> tuple[tuple[str, int, list], ...]:
    """(marker, first year, formulations) of each era, earliest first."""
    lex = slogans.entries()
    marked = lex[lex["marker"] != ""]
    table = marked.groupby("marker").agg(first=("first_year", "min"), terms=("term", list)).sort_values("first")
    return tuple((m, int(r.first), r.terms) for m, r in zip(table.index, table.itertuples()))


def estimate(found, text: str = "", meta: dict | None = None) -> dict:
    """Era estimate from the formulations `found` (slogans.find output) and what `text` and
    `meta` say of their own date (dating.evidence). Nothing comes from the clock: with no
    successor-absent bound the end is the year the lexicon was last reviewed, or a later year
    the text itself speaks from, and `open_end` says so."""
    rows = list(zip(found["term"], found["first_year"], found["last_year"], found["standard_year"], found["marker"]))
    evidence: list[Message] = []   # English as str (the command line), translated on the pages
    if rows:
        term, start = max(((r[0], int(r[1])) for r in rows), key=lambda r: r[1])
        evidence.append(Message(N_("{term} is used (from {year}): written in {year} or later"), term=term, year=start))
    else:
        start = int(slogans.entries()["first_year"].min())
        evidence.append(Message(N_("no dated formulation is used")))
    present = {r[4] for r in rows}
    end, open_end = slogans.reviewed(), True
    # Absence says something only about a text that recites formulations at all.
    for marker, first, terms in eras() if rows else ():
        if first > start and marker not in present:
            end, open_end = first, False
            evidence.append(Message(N_("none of {terms} is used (from {year}): written in {year} or earlier"),
                                    terms="、".join(terms[:4]) + ("等" if len(terms) > 4 else ""), year=end))
            break
    if open_end and rows:
        evidence.append(Message(N_("no later formulation bounds it: the lexicon lists formulations up to {year}"),
                                year=end))
    likely_from, likely_to = start, end
    standard = [(r[0], int(r[3])) for r in rows if int(r[3]) <= end]
    if standard:
        term, year = max(standard, key=lambda r: r[1])
        if year > start:
            likely_from = year
            evidence.append(Message(N_("{term} was the standard wording from {year}"), term=term, year=year))
    # A formulation out of use before `from` can only be quoted from the past (以阶级斗争为纲
    # in 1986): only those still current at `likely_from` narrow the end.
    ended = [(r[0], int(r[2])) for r in rows if not pd.isna(r[2]) and int(r[2]) >= likely_from]
    if ended:
        term, year = min(ended, key=lambda r: r[1])
        if year < end:
            likely_to = year
            evidence.append(Message(N_("{term} was in active use until {year}"), term=term, year=year))
    out = {"from": start, "to": end, "likely_from": likely_from, "likely_to": likely_to, "evidence": evidence}
    # What the document says of itself (its text, its page's date), not the year column of a
    # corpus row: that is what the era is checked against (corpus.trends.eras).
    ev = [e for e in dating.evidence(text, meta) if e.kind != "meta_year"] if text or meta else []
    _apply_dates(out, ev)
    out["open_end"] = open_end and out["to"] == end
    return out


def _apply_dates(era: dict, ev: list) -> None:
    """Narrow (or, against the formulations, widen) the interval by the text's own dates:
    a lower bound moves `from` up; a stated year is the likely era and lies in the interval."""
    bound = dating.not_before(ev)
    if bound is not None:
        era["evidence"].append(bound.describe())
        era["from"] = max(era["from"], bound.year)
        era["to"] = max(era["to"], era["from"])
        era["likely_from"] = min(max(era["likely_from"], bound.year), era["to"])
        era["likely_to"] = max(era["likely_to"], era["likely_from"])
    exact = next((e for kind in dating.EXACT_KINDS for e in ev if e.kind == kind and e.exact), None)
    if exact is not None:
        y = exact.year
        era["evidence"].append(exact.describe())
        era["from"], era["to"] = min(era["from"], y), max(era["to"], y)
        era["likely_from"] = era["likely_to"] = y
