"""The audit: figures the claims imply, and checks that they hold together.

Each row is one finding: `check`, `status` (ok | warn), the `subject` and derived
`value`/`unit`, a one-sentence English `message` quoting the Chinese surfaces, the claim
`rows` involved (comma-separated row indices) and the `evidence` sentences.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from .claims import _CLAUSE_TAIL, _GROWTH_TAIL, DECLINE
from .units import MULTIPLIER_TEXT

AUDIT_COLUMNS = ["check", "status", "subject", "value", "unit", "message", "rows", "evidence"]
AMOUNTS = ("count", "money", "quantity")
PLAN_WORDS = ("计划", "任务", "目标", "预算")
_FROM = re.compile(r"[由从][^，。；由从]{0,12}$")
_AVERAGE = re.compile(r"年均|平均|年增长|可比|实际|扣除")
_GROUP_BREAK = re.compile(r"[；;。]")
_TO = re.compile(r"^[^，。；]{0,6}?(?:到|至|为)[^，。；]{0,10}$")


def audit_claims(claims: pd.DataFrame, report=None) -> pd.DataFrame:
    """Derived figures and consistency checks over one document's claims table."""
    text = report.text if report is not None else ""
    sentences = report.sentences.set_index("sentence")["text"] if report is not None else pd.Series(dtype=str)
    found: list[dict] = []
    by_sentence = {sid: grp for sid, grp in claims.groupby("sentence", sort=True)}
    for sid, grp in by_sentence.items():
        found += _baselines(grp, text)
        found += _growth_contradictions(grp, text)
    found += _parts(claims)
    found += _shares_over_100(claims)
    found += _conflicts(claims, text)
    rows = []
    for f in found:
        ids = f.pop("ids")
        sids = list(dict.fromkeys(int(claims.at[i, "sentence"]) for i in ids))
        evidence = " / ".join(str(sentences.get(s, "")) for s in sids) if len(sentences) else ""
        rows.append({**f, "rows": ",".join(str(i) for i in ids), "evidence": evidence})
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def growth_sign(text: str, start: int) -> int:
    """-1 when the words just before a growth figure say it fell (下降, 减少 …), else +1."""
    if not text:
        return 1
    tail = _CLAUSE_TAIL.search(text, max(0, start - 40), start).group()
    m = _GROWTH_TAIL.search(tail)
    return -1 if m and m.group().startswith(DECLINE) else 1


def amount(norm: float, multiplier: float, unit: str, kind: str = "") -> str:
    """A figure written the way the report writes it: 307.7万元, 206件."""
    mult = multiplier if multiplier in MULTIPLIER_TEXT else 1
    v = norm / mult
    v = round(v) if kind == "count" and mult == 1 else round(v, 1)
    s = f"{v:,.1f}".rstrip("0").rstrip(".") if isinstance(v, float) else f"{v:,}"
    return f"{s}{MULTIPLIER_TEXT.get(mult, '')}{unit}"


def _label(row) -> str:
    return f"{row.surface} ({row.subject})" if row.subject else str(row.surface)


def _base_before(grp: pd.DataFrame, i) -> pd.Series | None:
    """The amount a percentage in this sentence refers to: the nearest amount before it."""
    before = grp.loc[: i].iloc[:-1]
    before = before[before.kind.isin(AMOUNTS)]
    return before.iloc[-1] if len(before) else None


def _baselines(grp: pd.DataFrame, text: str) -> list[dict]:
    out = []
    for i, r in grp.iterrows():
        if r.unit != "%" or r.kind not in ("share", "growth") or r.qualifier != "exact":
            continue
        base = _base_before(grp, i)
        if base is None:
            continue
        if r.kind == "growth" and _AVERAGE.search(text, max(0, r.start - 8), r.start):
            continue  # 年均增长7.1%: a yearly average says nothing about one earlier figure
        where = r.relation or ("the whole" if r.kind == "share" else "the previous period")
        if r.kind == "share" and 0 < r.norm_value:
            whole = base.norm_value / (r.norm_value / 100)
            msg = (f"{base.surface} is {r.surface} of {where}, which puts {where} at about "
                   f"{amount(whole, base.multiplier, base.unit, base.kind)}.")
        elif r.kind == "growth":
            sign = growth_sign(text, r.start)
            factor = 1 + sign * r.norm_value / 100
            if factor <= 0:
                continue
            whole = base.norm_value / factor
            change = "up" if sign > 0 else "down"
            msg = (f"{base.surface} is {change} {r.surface} on {where}, so {where} was about "
                   f"{amount(whole, base.multiplier, base.unit, base.kind)}.")
        else:
            continue
        out.append({"check": "implied_baseline", "status": "ok", "subject": base.subject or r.subject,
                    "value": whole, "unit": base.unit, "message": msg, "ids": [base.name, i]})
    return out


def _parts(claims: pd.DataFrame) -> list[dict]:
    out = []
    for i, r in claims[claims.part_of.notna()].iterrows():
        whole = claims.loc[int(r.part_of)]
        if not whole.norm_value:
            continue
        ratio = 100 * r.norm_value / whole.norm_value
        if r.norm_value > whole.norm_value:
            out.append({"check": "part_exceeds_whole", "status": "warn", "subject": r.subject, "value": ratio,
                        "unit": "%", "message": f"The part {_label(r)} is larger than its whole {_label(whole)}.",
                        "ids": [whole.name, i]})
        else:
            out.append({"check": "part_ratio", "status": "ok", "subject": r.subject, "value": ratio, "unit": "%",
                        "message": f"{_label(r)} of {_label(whole)} is {ratio:.1f}% of the whole.",
                        "ids": [whole.name, i]})
    return out


def _shares_over_100(claims: pd.DataFrame) -> list[dict]:
    out = []
    for i, r in claims[(claims.kind == "share") & (claims.unit == "%") & (claims.norm_value > 100)].iterrows():
        planned = any(w in r.relation for w in PLAN_WORDS)
        msg = (f"{r.surface} of {r.relation} means the plan was exceeded." if planned else
               f"{r.surface} is a share of {r.relation or 'a whole'} larger than the whole itself.")
        out.append({"check": "share_over_100", "status": "ok" if planned else "warn", "subject": r.subject,
                    "value": r.norm_value, "unit": "%", "message": msg, "ids": [i]})
    return out


def _conflicts(claims: pd.DataFrame, text: str) -> list[dict]:
    """The same subject stated with different exact values in different sentences.
    Only statements (高新技术企业共有58家), not descriptions of a set (全省200家重点培育企业)."""
    c = claims[claims.kind.isin(AMOUNTS + ("percent",)) & (claims.qualifier == "exact") & claims.part_of.isna()
               & (claims.subject.str.len() >= 3)]
    stated = pd.Series([not text.startswith(subj, end) for subj, end in zip(c.subject, c.end)], index=c.index,
                       dtype=bool)
    c = c[stated]
    out = []
    for (subject, unit, kind, relation), grp in c.groupby(["subject", "unit", "kind", "relation"], sort=False):
        if grp.norm_value.nunique() < 2 or grp.sentence.nunique() < 2:
            continue
        first = grp.iloc[0]
        other = grp[grp.norm_value != first.norm_value].iloc[0]
        out.append({"check": "conflicting_values", "status": "warn", "subject": subject, "value": other.norm_value,
                    "unit": unit, "message": f"{subject} is given as {first.surface} and also as {other.surface}.",
                    "ids": [first.name, other.name]})
    return out


def _growth_contradictions(grp: pd.DataFrame, text: str) -> list[dict]:
    """由/从 A 增长到 B, then a stated growth in the same clause group (up to ；): they must agree."""
    if not text or len(grp) < 3:
        return []
    out = []
    items = list(grp.itertuples())
    for k, (a, b) in enumerate(zip(items, items[1:])):
        if a.unit != b.unit or a.kind not in AMOUNTS + ("percent",) or not a.norm_value:
            continue
        if not (_FROM.search(text, max(0, a.start - 14), a.start) and _TO.match(text[a.end:b.start])):
            continue
        g = next((g for g in items[k + 2:] if g.kind == "growth"), None)
        if g is None or g.qualifier != "exact" or _GROUP_BREAK.search(text, b.end, g.start):
            continue
        if not (g.unit == "%" and a.unit != "%" or g.unit == "个百分点" and a.unit == "%"):
            continue
        if _AVERAGE.search(text, b.end, g.start):
            continue  # 年均增长, 按可比价格计算: not the simple change between the two figures
        implied = (b.norm_value - a.norm_value) / a.norm_value * 100 if g.unit == "%" else b.norm_value - a.norm_value
        said = g.norm_value * growth_sign(text, g.start)
        agree = math.isclose(implied, said, abs_tol=max(0.6, 0.05 * abs(said)))
        point = "%" if g.unit == "%" else " percentage points"
        msg = (f"From {a.surface} to {b.surface} is a change of {implied:+.1f}{point}, "
               + ("which agrees with the stated " if agree else "which contradicts the stated ") + f"{g.surface}.")
        out.append({"check": "growth_contradiction", "status": "ok" if agree else "warn",
                    "subject": g.subject or a.subject, "value": implied, "unit": g.unit, "message": msg,
                    "ids": [a.Index, b.Index, g.Index]})
    return out
