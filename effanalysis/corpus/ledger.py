"""Promises and results across years: the ledger of targets against outcomes, and the targets
of one year's reports from different places side by side.

The target for year N is read from the report of year N (its plan); the outcome of year N
from the report of year N+1 (its review of 去年 / N年), never from that report's targets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

import pandas as pd

from ..i18n import N_
from ..message import Message
from ..metrics.status import report_year
from ..metrics.targets import claim_records, headline, verdict

LEDGER_COLUMNS = ["indicator", "year", "target_surface", "target_value", "target_low", "target_high",
                  "target_qualifier", "target_doc", "outcome_surface", "outcome_value", "outcome_doc", "verdict",
                  "target_sentence", "outcome_sentence", "rule", "unit", "note", "place"]

# What a title says besides the place: 青山县2025年政府工作报告 → 青山县.
_NOT_PLACE = re.compile(r"[0-9０-９]{4}年(?:度)?|[〇○零一二三四五六七八九]{4}年|（[^）]*）|\([^)]*\)|[—–-]+.*$|"
                        r"人民政府|政府工作报告|工作报告|报告|[#＃].*$|\s+")


def place_of(report) -> str:
    """The place a report speaks for: the row's `place`, else its title without the year and the
    words every report's title has; "" when the title names none. Reports of one place across
    years are one series; reports of different places are never paired."""
    place = report.meta.get("place")
    if place:
        return str(place)
    return _NOT_PLACE.sub("", str(report.meta.get("title") or ""))


@dataclass
class Ledger:
    rows: pd.DataFrame                      # LEDGER_COLUMNS
    warnings: list[str] = field(default_factory=list)
    years: dict = field(default_factory=dict)     # doc → the year it speaks from (None: unknown)


def _records(report) -> list[dict]:
    """Indicator claims of a report from its annotated rows (no claims frame is built when the
    report has none cached yet: the ledger streams a corpus)."""
    if "claims" in report.__dict__:
        return claim_records(report)
    from ..metrics.claims import CLAIM_COLUMNS
    from ..metrics.status import STATUS_COLUMNS, annotated_rows

    return claim_records(report, annotated_rows(report), list(CLAIM_COLUMNS) + STATUS_COLUMNS)


def build_ledger(reports: Iterable) -> Ledger:
    """One row per (indicator, year) of each place with a target or an outcome (LEDGER_COLUMNS).
    Reports without a year place only the figures that name their year; two reports of one
    place speaking from the same year each keep their rows, with a note, instead of being merged."""
    targets: dict[tuple, list[dict]] = {}
    outcomes: dict[tuple, list[dict]] = {}
    years: dict[str, int | None] = {}
    places: dict[str, str] = {}
    unplaced: list[str] = []
    for report in reports:
        year = report_year(report)
        years[report.doc] = year
        place = places[report.doc] = place_of(report)
        records = _records(report)
        for r in records:
            r["place"] = place
        if year is None:
            placed = [r for r in records if r["period"] and "-" not in r["period"] and r["status"]]
            if len(placed) < len(records):
                unplaced.append(report.doc)
            by_year: dict[str, list[dict]] = {}
            for r in placed:
                by_year.setdefault(r["period"], []).append(r)
            for period, recs in by_year.items():
                for ind, t in headline(recs, "target", period).items():
                    targets.setdefault((place, ind, int(period)), []).append(t)
                for ind, o in headline(recs, "outcome", period).items():
                    outcomes.setdefault((place, ind, int(period)), []).append(o)
            continue
        own = headline(records, "target", str(year))
        for ind, t in own.items():
            targets.setdefault((place, ind, year), []).append(t)
        for ind, o in headline(records, "outcome", str(year - 1)).items():
            outcomes.setdefault((place, ind, year - 1), []).append(o)
    rows = []
    for key in sorted(set(targets) | set(outcomes), key=lambda k: (k[1], k[2], k[0])):
        place, ind, year = key
        ts, os_ = targets.get(key, [None]), outcomes.get(key, [None])
        said = []
        if len(ts) > 1:
            said.append(Message(N_("{n} reports give targets for {year}: {docs}."), n=len(ts), year=year,
                                docs=", ".join(t["doc"] for t in ts)))
        if len(os_) > 1:
            said.append(Message(N_("{n} reports give outcomes for {year}: {docs}."), n=len(os_), year=year,
                                docs=", ".join(o["doc"] for o in os_)))
        several = len([o for o in os_ if o is not None]) > 1
        if several:
            # several reports state this year's outcome (several places): which target each answers
            # is not known from the text, so each figure gets its own row and no verdict is guessed
            said.append(Message(N_("Which target each outcome answers is not known, so none is judged.")))
        note = _sentences(said)
        if several:
            for t in ts:
                if t is not None:
                    rows.append({**_row(ind, year, t, None, note), "verdict": "not_comparable"})
            promised = any(t is not None for t in ts)
            for o in os_:
                # against a target it might answer: not comparable; with none stated: no_target
                row = _row(ind, year, None, o, note)
                rows.append({**row, "verdict": "not_comparable"} if promised else row)
            continue
        for t in ts:
            o = _matching(os_, t)
            rows.append(_row(ind, year, t, o, note))
    df = pd.DataFrame(rows, columns=LEDGER_COLUMNS)
    df["year"] = df["year"].astype("Int64")
    warnings = []
    if unplaced:
        if len(unplaced) == 1:
            warnings.append(Message(N_("One report states no year of its own ({docs}): its figures that name no "
                                       "year are left out of the ledger."), docs=_some(unplaced)))
        else:
            warnings.append(Message(N_("{n} reports state no year of their own ({docs}): their figures that name no "
                                       "year are left out of the ledger."), n=len(unplaced), docs=_some(unplaced)))
    same = {}
    for doc, y in years.items():
        if y is not None:
            same.setdefault((places[doc], y), []).append(doc)
    for (place, y), docs in sorted(same.items()):
        if len(docs) > 1:
            warnings.append(
                Message(N_("{n} reports speak from {year} for {place} ({docs}): their rows are listed separately, "
                           "not merged."), n=len(docs), year=y, place=place, docs=_some(docs)) if place else
                Message(N_("{n} reports speak from {year} ({docs}): their rows are listed separately, not merged."),
                        n=len(docs), year=y, docs=_some(docs)))
    return Ledger(df, warnings, years)


def _some(docs: list[str]) -> str:
    """The first three documents named, and … for the rest."""
    return ", ".join(docs[:3]) + (", …" if len(docs) > 3 else "")


def _sentences(said: list) -> Message | str:
    """Messages one after the other as one ("" for none): a Chinese page joins them without a space."""
    if not said:
        return ""
    note = said[0]
    for then in said[1:]:
        note = Message(N_("{first} {then}"), first=note, then=then)
    return note


def _matching(outcomes: list, target: dict | None) -> dict | None:
    """The outcome to set against a target: the first in the target's unit (or one that converts
    into it), else the first."""
    from ..metrics.targets import in_unit

    outs = [o for o in outcomes if o is not None]
    if not outs:
        return None
    if target is not None:
        for o in outs:
            if o["unit"] == target["unit"]:
                return o
        for o in outs:
            if in_unit(o, target["unit"]) is not None:
                return o
    return outs[0]


def _row(ind: str, year: int, t: dict | None, o: dict | None, note: str) -> dict:
    from ..metrics.targets import in_unit, rule_of

    unit = (t or o)["unit"]
    if t is not None and o is not None:
        o = {**o, **(in_unit(o, unit) or {})}  # in the target's unit where it converts (吨 → 公斤)
    return {"indicator": ind, "year": year,
            "target_surface": t["surface"] if t else None, "target_value": t["norm_value"] if t else None,
            "target_low": t["low"] if t else None, "target_high": t["high"] if t else None,
            "target_qualifier": t["qualifier"] if t else None, "target_doc": t["doc"] if t else None,
            "outcome_surface": o["surface"] if o else None,
            "outcome_value": (o["signed"] if o["unit"] == "%" else o["norm_value"]) if o else None,
            "outcome_doc": o["doc"] if o else None, "verdict": verdict(t, o),
            "target_sentence": t["text"] if t else None, "outcome_sentence": o["text"] if o else None,
            "rule": rule_of(ind, unit), "unit": unit, "note": note, "place": (t or o).get("place", "")}


# --- the same year, different places --------------------------------------------------------------
def side_by_side(reports: Iterable, ledger: Ledger | None = None) -> dict[int, pd.DataFrame]:
    """For each year with targets from two or more reports: one row per report, one column per
    indicator holding the target as written ("not stated" where the report sets none), then
    the median and the range of the values per indicator (rates only compared with rates)."""
    reports = list(reports)
    ledger = ledger or build_ledger(reports)
    t = ledger.rows.dropna(subset=["target_doc"])
    out = {}
    for year, grp in t.groupby("year"):
        docs = list(dict.fromkeys(grp["target_doc"]))
        if len(docs) < 2:
            continue
        inds = list(dict.fromkeys(grp["indicator"]))
        table = pd.DataFrame(Message(N_("not stated")), index=docs, columns=inds, dtype=object)
        for r in grp.itertuples():
            table.loc[r.target_doc, r.indicator] = r.target_surface
        stats = {}
        for ind in inds:
            g = grp[grp["indicator"] == ind]
            unit = g["unit"].mode().iloc[0]
            vals = g.loc[g["unit"] == unit, "target_value"].astype(float)
            stats[ind] = (vals.median(), vals.min(), vals.max(), unit, len(vals))
        table.loc[Message(N_("median"))] = [_fmt_stat(stats[i][0], stats[i][3]) for i in inds]
        table.loc[Message(N_("range of values"))] = [
            f"{_fmt_stat(stats[i][1], stats[i][3])} – {_fmt_stat(stats[i][2], stats[i][3])}" for i in inds]
        table.loc[Message(N_("reports stating it"))] = [Message(N_("{n} of {total}"), n=stats[i][4], total=len(docs))
                                                        for i in inds]
        table.index.name = "report"
        out[int(year)] = table.reset_index()
    return out


def _fmt_stat(v: float, unit: str) -> str:
    from ..metrics.audit import amount

    if unit == "%":
        return f"{v:g}%"
    for mult in (10**8, 10**4):
        if abs(v) >= mult:
            return amount(v, mult, unit)
    return f"{v:g}{unit}"
