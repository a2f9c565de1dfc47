"""When was a text written? An interval from the formulations it uses and lacks.

- A formulation present means the text is not older than its first year:
  `from` = the latest first year among those present.
- Successors absent: formulations are grouped into eras (the `marker` column of
  slogans.tsv: 邓小平理论 1997, “三个代表” 2000, 科学发展观 2003, the Xi-era
  formulations 2012 …). Official prose recites the guiding formulations of its
  day, so when no formulation of an era that starts after `from` is present,
  the text was written no later than the start of the earliest such era: `to`.
- The likely interval narrows this by when each formulation was the standard
  wording (standard_year … last_year), kept inside [from, to].

Validated on the bundled corpus (tests/test_language_era.py): for the dated
State Council reports from 1978 on, the interval contains the report's year.
"""
from __future__ import annotations

import datetime

import pandas as pd

from . import slogans


def estimate(found: pd.DataFrame, this_year: int | None = None) -> dict:
    """Era estimate from the formulations `found` (slogans.find output)."""
    lex = slogans.entries()
    now = this_year or datetime.date.today().year
    floor = int(lex["first_year"].min())
    evidence: list[str] = []
    if len(found):
        latest = found.loc[found["first_year"].astype(int).idxmax()]
        start = int(latest["first_year"])
        evidence.append(f"{latest['term']} is used (from {start}): written in {start} or later")
    else:
        start = floor
        evidence.append("no dated formulation is used")
    present = set(found["marker"]) - {""}
    eras = lex[lex["marker"] != ""].groupby("marker").agg(first=("first_year", "min"), terms=("term", list))
    later = eras[(eras["first"] > start) & ~eras.index.isin(present)].sort_values("first")
    if len(later):
        era = later.iloc[0]
        end = int(era["first"])
        evidence.append(f"none of {'、'.join(era['terms'][:4])} is used (from {end}): written in {end} or earlier")
    else:
        end = now
    likely_from, likely_to = start, end
    if len(found):
        likely_from = min(max(start, int(found["standard_year"].max())), end)
        last = found["last_year"].dropna()
        if len(last):
            likely_to = max(likely_from, min(end, int(last.min())))
        if likely_from > start:
            term = found.loc[found["standard_year"].astype(int).idxmax(), "term"]
            evidence.append(f"{term} was the standard wording from {likely_from}")
        if likely_to < end:
            term = found.loc[found["last_year"].astype("Float64").idxmin(), "term"]
            evidence.append(f"{term} was in active use until {likely_to}")
    return {"from": start, "to": end, "likely_from": likely_from, "likely_to": likely_to, "evidence": evidence}
