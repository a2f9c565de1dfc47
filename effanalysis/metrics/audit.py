"""The audit: figures the claims imply, and checks that they hold together.

Each row is one finding: `check`, `status` (ok | warn), the `subject` and derived
`value`/`unit`, a one-sentence `message` quoting the Chinese surfaces (an effanalysis.message
Message: English as a str, translated on the pages), the claim `rows` involved
(comma-separated row indices) and the `evidence` sentences.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from ..i18n import N_
from ..message import Message
from .context import CLAUSE_TAIL, DECLINE, GROWTH_TAIL
from .units import MULTIPLIER_TEXT

AUDIT_COLUMNS = ["check", "status", "subject", "value", "unit", "message", "rows", "evidence"]
AMOUNTS = ("count", "money", "quantity")
PLAN_WORDS = ("计划", "任务", "目标", "预算")
_FROM = re.compile(r"[由从][^，。；由从]{0,12}$")
_AVERAGE = re.compile(r"年均|平均|年增长|可比|实际|扣除")
_TIMED = re.compile(r"[0-9０-９]{4}|[〇○零一二三四五六七八九]{4}|[今去上明前后本当]年|年[底初末]|期间|以来|"
                    r"计划|规划|目标|预计|预算|将|要|争取|力争|拟|比|由|从|到|至")
_GROUP_BREAK = re.compile(r"[；;。]")
_TO = re.compile(r"^[^，。；]{0,6}?(?:到|至|为)[^，。；]{0,10}$")


def audit_claims(claims: pd.DataFrame, report=None) -> pd.DataFrame:
    """Derived figures and consistency checks over one document's claims table."""
    text = report.text if report is not None else ""
    sentences = report.sentences.set_index("sentence")["text"] if report is not None else pd.Series(dtype=str)
    recs = list(claims.itertuples())  # plain records: the checks walk them in order
    by_index = {r.Index: r for r in recs}
    by_sentence: dict[int, list] = {}
    for r in recs:
        by_sentence.setdefault(r.sentence, []).append(r)
    found: list[dict] = []
    for group in by_sentence.values():
        found += _baselines(group, text)
        found += _growth_contradictions(group, text)
    found += _parts(recs, by_index)
    found += _shares_over_100(recs)
    found += _conflicts(recs, text)
    found += _target_outcomes(recs, report)
    rows = []
    for f in found:
        ids = f.pop("ids")
        sids = list(dict.fromkeys(int(by_index[i].sentence) for i in ids))
        evidence = " / ".join(str(sentences.get(s, "")) for s in sids) if len(sentences) else ""
        rows.append({**f, "rows": ",".join(str(i) for i in ids), "evidence": evidence})
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def growth_sign(text: str, start: int) -> int:
    """-1 when the words just before a growth figure say it fell (下降, 减少 …), else +1."""
    if not text:
        return 1
    tail = CLAUSE_TAIL.search(text, max(0, start - 40), start).group()
    m = GROWTH_TAIL.search(tail)
    return -1 if m and m.group().startswith(DECLINE) else 1


def amount(norm: float, multiplier: float, unit: str, kind: str = "") -> str:
    """A figure written the way the report writes it: 307.7万元, 206件."""
    mult = multiplier if multiplier in MULTIPLIER_TEXT else 1
    v = norm / mult
    v = round(v) if kind == "count" and mult == 1 else round(v, 1)
    s = f"{v:,.1f}".rstrip("0").rstrip(".") if isinstance(v, float) else f"{v:,}"
    return f"{s}{MULTIPLIER_TEXT.get(mult, '')}{unit}"


def _label(row) -> str:
    """A figure with its subject: 40件 (发明专利) in English, 发明专利40件 on a Chinese page."""
    return Message(N_("{figure} ({subject})"), figure=row.surface, subject=row.subject) if row.subject \
        else str(row.surface)


def _baselines(group: list, text: str) -> list[dict]:
    out = []
    for k, r in enumerate(group):
        if r.unit != "%" or r.kind not in ("share", "growth") or r.qualifier != "exact":
            continue
        # the amount the percentage refers to: the nearest amount before it in the sentence
        base = next((b for b in reversed(group[:k]) if b.kind in AMOUNTS), None)
        if base is None:
            continue
        if r.kind == "growth" and _AVERAGE.search(text, max(0, r.start - 8), r.start):
            continue  # 年均增长7.1%: a yearly average says nothing about one earlier figure
        where = r.relation or (Message(N_("the whole")) if r.kind == "share" else Message(N_("the previous period")))
        if r.kind == "share" and 0 < r.norm_value:
            whole = base.norm_value / (r.norm_value / 100)
            msg = Message(N_("{base} is {share} of {where}, which puts {where} at about {whole}."),
                          base=base.surface, share=r.surface, where=where,
                          whole=amount(whole, base.multiplier, base.unit, base.kind))
        elif r.kind == "growth":
            sign = growth_sign(text, r.start)
            factor = 1 + sign * r.norm_value / 100
            if factor <= 0:
                continue
            whole = base.norm_value / factor
            msg = Message(N_("{base} is up {rate} on {where}, so {where} was about {whole}.") if sign > 0 else
                          N_("{base} is down {rate} on {where}, so {where} was about {whole}."),
                          base=base.surface, rate=r.surface, where=where,
                          whole=amount(whole, base.multiplier, base.unit, base.kind))
        else:
            continue
        out.append({"check": "implied_baseline", "status": "ok", "subject": base.subject or r.subject,
                    "value": whole, "unit": base.unit, "message": msg, "ids": [base.Index, r.Index]})
    return out


def _parts(recs: list, by_index: dict) -> list[dict]:
    out = []
    for r in recs:
        if pd.isna(r.part_of):
            continue
        whole = by_index.get(int(r.part_of))
        if whole is None:
            continue
        if not whole.norm_value:
            continue
        ratio = 100 * r.norm_value / whole.norm_value
        ids = [whole.Index, r.Index]
        if r.norm_value > whole.norm_value:
            out.append({"check": "part_exceeds_whole", "status": "warn", "subject": r.subject, "value": ratio,
                        "unit": "%", "message": Message(N_("The part {part} is larger than its whole {whole}."),
                                                   part=_label(r), whole=_label(whole)),
                        "ids": ids})
        else:
            out.append({"check": "part_ratio", "status": "ok", "subject": r.subject, "value": ratio, "unit": "%",
                        "message": Message(N_("{part} is {share} of {whole}."), part=_label(r),
                                                   whole=_label(whole), share=f"{ratio:.1f}%"),
                        "ids": ids})
    return out


def _shares_over_100(recs: list) -> list[dict]:
    out = []
    for r in recs:
        if r.kind != "share" or r.unit != "%" or not r.norm_value > 100:
            continue
        planned = any(w in r.relation for w in PLAN_WORDS)
        msg = (Message(N_("{share} of {plan} means the plan was exceeded."), share=r.surface, plan=r.relation)
               if planned else
               Message(N_("{share} is a share of {whole} larger than the whole itself."), share=r.surface,
                       whole=r.relation or Message(N_("a whole"))))
        out.append({"check": "share_over_100", "status": "ok" if planned else "warn", "subject": r.subject,
                    "value": r.norm_value, "unit": "%", "message": msg, "ids": [r.Index]})
    return out


def _conflicts(recs: list, text: str) -> list[dict]:
    """The same subject stated with different exact values in different sentences.
    Only plain statements (高新技术企业共有58家): not descriptions of a set (全省200家重点培育企业),
    nor figures tied to a year or a plan (1952年钢产量…, 计划…), which differ by design."""
    groups: dict[tuple, list] = {}
    for r in recs:
        if (r.kind in AMOUNTS + ("percent",) and r.qualifier == "exact" and pd.isna(r.part_of)
                and len(r.subject) >= 3 and not text.startswith(r.subject, r.end)
                and not _TIMED.search(_sentence_before(text, r.start))):
            # a target and an outcome, or two years, differ by design: only like with like conflicts
            key = (r.subject, r.unit, r.kind, r.relation, getattr(r, "status", ""), getattr(r, "period", ""))
            groups.setdefault(key, []).append(r)
    out = []
    for (subject, unit, *_), grp in groups.items():
        first = grp[0]
        other = next((r for r in grp if r.norm_value != first.norm_value and r.sentence != first.sentence), None)
        if other is None:
            continue
        out.append({"check": "conflicting_values", "status": "warn", "subject": subject, "value": other.norm_value,
                    "unit": unit, "message": Message(N_("{subject} is given as {a} and also as {b}."), subject=subject,
                                       a=first.surface, b=other.surface),
                    "ids": [first.Index, other.Index]})
    return out


def _target_outcomes(recs: list, report) -> list[dict]:
    """An outcome set against the target the same report states for the same indicator and
    period (年初确定的目标…, 高于预期目标…): met or missed by the ledger's rules."""
    if report is None or not recs or not hasattr(recs[0], "indicator"):
        return []
    from .targets import signed_value, verdict

    first: dict[tuple, object] = {}
    last = None
    for r in recs:
        ind = r.indicator
        if not ind and r.status == "target" and last is not None and last.sentence == r.sentence \
                and last.unit == r.unit and last.status == "outcome" and last.period == r.period:
            ind = last.indicator  # 增长6.8%，高于年初确定的6.5%左右的目标: the target of the figure before
        if ind and r.status in ("target", "outcome") and r.period:
            first.setdefault((ind, r.period, r.status), r)
        last = r if r.indicator else last
    out = []
    for (ind, period, status), o in first.items():
        t = first.get((ind, period, "target"))
        if status != "outcome" or t is None:
            continue
        as_dict = lambda r: {"indicator": ind, "unit": r.unit, "norm_value": r.norm_value,  # noqa: E731
                             "qualifier": r.qualifier, "low": r.low, "high": r.high,
                             "signed": signed_value(report.text, int(r.start), float(r.norm_value),
                                                    getattr(r, "direction", None))}
        v = verdict(as_dict(t), as_dict(o))
        if v not in ("met", "missed"):
            continue
        msg = Message(N_("The outcome {outcome} for {period} met the target {target}.") if v == "met" else
                      N_("The outcome {outcome} for {period} missed the target {target}."),
                      outcome=o.surface, period=period, target=t.surface)
        out.append({"check": "target_outcome", "status": "ok" if v == "met" else "warn", "subject": ind,
                    "value": o.norm_value, "unit": o.unit, "message": msg, "ids": [t.Index, o.Index]})
    return out


def _sentence_before(text: str, start: int) -> str:
    """Up to 60 characters of the sentence before a position."""
    head = text[max(0, start - 60):start]
    return head[head.rfind("。") + 1:]


def _growth_contradictions(items: list, text: str) -> list[dict]:
    """由/从 A 增长到 B, then a stated growth in the same clause group (up to ；): they must agree."""
    if not text or len(items) < 3:
        return []
    out = []
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
        change = (f"{implied:+.1f}%" if g.unit == "%" else
                  Message(N_("{change} percentage points"), change=f"{implied:+.1f}"))
        msg = Message(N_("From {a} to {b} is a change of {change}, which agrees with the stated {stated}.") if agree
                      else N_("From {a} to {b} is a change of {change}, which contradicts the stated {stated}."),
                      a=a.surface, b=b.surface, change=change, stated=g.surface)
        out.append({"check": "growth_contradiction", "status": "ok" if agree else "warn",
                    "subject": g.subject or a.subject, "value": implied, "unit": g.unit, "message": msg,
                    "ids": [a.Index, b.Index, g.Index]})
    return out
