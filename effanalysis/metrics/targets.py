"""A report's targets (its plan for the year it speaks from), the outcomes it states for the
year before, and the rule that says whether an outcome met its target.

A target keeps its form as written: 5%以上 is a bound (floor 5), 5%左右 a point with a
tolerance (±0.5 percentage points for a rate, 95% of an amount), 4.5%—5% an interval, 5% a point.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from ..i18n import N_
from .context import DECLINE, GROWTH_TAIL
from .status import indicator_table, report_year

TARGET_COLUMNS = ["indicator", "label", "surface", "value", "form", "qualifier", "low", "high", "unit",
                  "period", "sentence", "text", "last_outcome", "last_outcome_text"]
FORMS = {"over": "bound (at least)", "under": "bound (at most)", "approx": "point with tolerance (左右)",
         "range": "interval", "exact": "point"}
RATE_TOLERANCE = 0.5        # percentage points either side of a 左右 rate, and of a guide value
AMOUNT_TOLERANCE = 0.05     # share of a 左右 amount it may fall short
_DOWN = re.compile(r"(?:下降|降低|减少|回落|下滑|缩小|降幅为?|降)$")


def signed_value(text: str, start: int, value: float, direction: str | None = None) -> float:
    """A change as a signed number: 下降1.2% is -1.2 (value stays positive in the claims table).
    Uses the claims' `direction` column where it exists, else the verb before the number."""
    if direction in ("up", "down"):
        return -value if direction == "down" else value
    tail = text[max(0, start - 12):start]
    m = GROWTH_TAIL.search(tail)
    if (m and m.group().startswith(DECLINE)) or _DOWN.search(tail):
        return -value
    return value


def claim_records(report, rows: list[list] | None = None, columns: list[str] | None = None) -> list[dict]:
    """The claims of a Report that measure a standard indicator, as dicts with their sentence text
    and, for changes, the signed value. `rows`/`columns` pass in annotated rows already computed
    (the ledger streams them without building frames)."""
    if rows is None:
        c = report.claims
        recs = c[c["indicator"] != ""].to_dict("records")
    else:
        recs = [dict(zip(columns, r)) for r in rows if r[-1]]
    starts, ends = report.sentence_spans
    text = report.text
    for r in recs:
        s = int(r["sentence"])
        r["text"] = text[int(starts[s]):int(ends[s])] if s < len(starts) else ""
        r["signed"] = signed_value(text, int(r["start"]), float(r["norm_value"]), r.get("direction"))
        r["doc"] = report.doc
    return recs


def rule_of(indicator: str, unit: str) -> str:
    """floor | ceiling | guide for an indicator's figure in `unit` (a decline target is a floor on
    the size of the fall; for a level in another unit it is a ceiling)."""
    rule = indicator_table().loc[indicator, "target"] if indicator in indicator_table().index else "floor"
    if rule == "decline":
        return "decline" if unit == "%" else "ceiling"
    return rule


def _num(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


# Units of one quantity that convert into each other (mass in kilograms): 4.75亿吨 against 4564亿公斤.
CONVERTIBLE = {"吨": 1000.0, "公吨": 1000.0, "公斤": 1.0, "千克": 1.0, "斤": 0.5, "市斤": 0.5}


def in_unit(outcome: dict, unit: str) -> dict | None:
    """The outcome expressed in the target's unit, or None when the units do not convert."""
    if outcome["unit"] == unit:
        return outcome
    a, b = CONVERTIBLE.get(outcome["unit"]), CONVERTIBLE.get(unit)
    if a is None or b is None:
        return None
    f = a / b
    return {**outcome, "unit": unit, "norm_value": float(outcome["norm_value"]) * f,
            "signed": float(outcome["signed"]) * f}


def verdict(target: dict | None, outcome: dict | None) -> str:
    """met | missed | no_outcome | no_target | not_comparable (see RULES). An outcome with no
    target for its year is "no_target": nothing was promised, which is not a mismatch of units."""
    if target is None:
        return "no_target"
    if outcome is None:
        return "no_outcome"
    unit = target["unit"]
    outcome = in_unit(outcome, unit)
    if outcome is None:
        return "not_comparable"
    rule = rule_of(target["indicator"], unit)
    v, q = float(target["norm_value"]), target["qualifier"]
    low, high = _num(target.get("low")), _num(target.get("high"))
    rate = unit == "%"
    o = float(outcome["signed"]) if rate else float(outcome["norm_value"])  # a rate may be a fall: 下降4.1%
    if rule == "decline":
        o = -o  # the size of the fall
    if rule in ("floor", "decline"):
        if q == "range":
            bound = low
        elif q in ("over", "exact"):
            bound = v
        elif q == "approx":
            bound = v - RATE_TOLERANCE if rate else v * (1 - AMOUNT_TOLERANCE)
        else:
            return "not_comparable"
        return "met" if o >= bound - 1e-9 else "missed"
    if rule == "ceiling":
        if q == "range":
            bound = high
        elif q in ("under", "exact"):
            bound = v
        elif q == "approx":
            bound = v + RATE_TOLERANCE if rate else v * (1 + AMOUNT_TOLERANCE)
        else:
            return "not_comparable"
        return "met" if o <= bound + 1e-9 else "missed"
    # guide value (money supply): within the interval, or ±0.5 percentage points of the value
    if q == "range" and low is not None and high is not None:
        return "met" if low - 1e-9 <= o <= high + 1e-9 else "missed"
    return "met" if abs(o - v) <= RATE_TOLERANCE + 1e-9 else "missed"


RULES = N_("Floors (growth, jobs, grain, trade, budget revenue, the size of a fall in energy intensity) are met "
         "when the outcome reaches the lower bound, or falls short of an approximate (左右) rate by no more than "
         "{points} percentage points, or reaches {share} of an approximate amount. Ceilings (consumer prices, "
         "unemployment, the deficit ratio) are met when the outcome stays at or below the upper bound, or exceeds "
         "an approximate rate by no more than {points} percentage points. A guide value (money supply M2) is met "
         "within {points} percentage points either side. Weights are compared in one unit (吨, 公斤, 斤); an "
         "outcome in a unit that does not convert into its target's is not comparable.")


def rules() -> str:
    """The verdict rules in the page's language, their tolerances the ones `verdict` applies."""
    from .. import i18n

    return i18n.gettext(RULES).format(points=i18n.num(RATE_TOLERANCE), share=i18n.pct(1 - AMOUNT_TOLERANCE))


def _form(q: str) -> str:
    return FORMS.get(q, q)


def _pick(records: list[dict], status: str, period: str) -> dict[str, dict]:
    """The first record per indicator with this status and period (the headline figure: a
    report states its main targets once, in the 主要预期目标 paragraph, before discussing them)."""
    out: dict[str, dict] = {}
    for r in records:
        if r["status"] == status and r["period"] == period and r["indicator"] not in out:
            out[r["indicator"]] = r
    return out


def headline(records: list[dict], status: str, period: str, like: dict[str, dict] | None = None) -> dict[str, dict]:
    """Per indicator, the first record with this status and period; with `like`, the first one whose
    unit matches that indicator's figure in `like` (a growth outcome for a growth target)."""
    if like is None:
        return _pick(records, status, period)
    out: dict[str, dict] = {}
    for r in records:
        if r["status"] != status or r["period"] != period:
            continue
        ind = r["indicator"]
        want = like.get(ind)
        if ind in out and (want is None or out[ind]["unit"] == want["unit"]):
            continue
        if ind not in out or r["unit"] == want["unit"]:
            out[ind] = r
    return out


def targets_of(report) -> pd.DataFrame:
    """The report's targets for the year it speaks from (TARGET_COLUMNS), one row per indicator,
    with last year's outcome of the same indicator where the report states it."""
    from .status import indicator_name

    records = claim_records(report)
    year = report_year(report)
    labels = indicator_table()["label"]
    if year is not None:
        targets = _pick(records, "target", str(year))
        outcomes = headline(records, "outcome", str(year - 1), like=targets)
    else:  # no year: the plan's single-year figures, whatever year they name
        targets = {}
        for r in records:
            if r["status"] == "target" and "-" not in str(r["period"]) and r["indicator"] not in targets:
                targets[r["indicator"]] = r
        outcomes = {}
    rows = []
    for ind, t in targets.items():
        o = outcomes.get(ind)
        rows.append({"indicator": ind, "label": indicator_name(report, t) or labels.get(ind, ind),
                     "surface": t["surface"], "value": t["value"], "form": _form(t["qualifier"]),
                     "qualifier": t["qualifier"], "low": t["low"], "high": t["high"], "unit": t["unit"],
                     "period": t["period"], "sentence": int(t["sentence"]), "text": t["text"],
                     "last_outcome": o["surface"] if o else None, "last_outcome_text": o["text"] if o else None})
    return pd.DataFrame(rows, columns=TARGET_COLUMNS)
