"""Score the claims grammar against the hand-annotated set in claims_gold.txt.

A table row matches a gold claim whose span it overlaps (each used once). Precision and
recall count matches; every column's accuracy is over the matched pairs. `subject_overlap`
accepts a subject sharing at least two characters with the gold one (one, if the gold is one
character), and an empty subject only for an empty gold one.

    python tests/eval/score_claims.py [--errors] [GOLD]
"""
from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

GOLD = Path(__file__).with_name("claims_gold.txt")
FIELDS = ["surface", "norm", "unit", "kind", "qualifier", "low", "high", "subject", "direction", "relation",
          "part_of"]
COLUMNS = ["value", "unit", "kind", "qualifier", "low", "high", "subject", "subject_overlap", "direction",
           "relation", "part_of"]


@dataclass
class Paragraph:
    id: str
    source: str
    text: str = ""
    claims: list[dict] = field(default_factory=list)


def _number(s: str) -> float | None:
    return float(s) if s else None


def read_gold(path: Path = GOLD) -> list[Paragraph]:
    paras: list[Paragraph] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("@ "):
            pid, _, source = line[2:].partition(" ")
            paras.append(Paragraph(pid, source))
        elif line.startswith("T "):
            paras[-1].text = line[2:]
        elif line.startswith("C "):
            cells = [c.strip() for c in line[2:].split("|")]
            if len(cells) != len(FIELDS):
                raise ValueError(f"{path}:{n}: {len(cells)} fields, expected {len(FIELDS)}")
            claim = dict(zip(FIELDS, cells))
            for k in ("norm", "low", "high"):
                claim[k] = _number(claim[k])
            paras[-1].claims.append(claim)
    for p in paras:  # place each gold surface in the text, in order
        pos = 0
        for c in p.claims:
            at = p.text.find(c["surface"], pos)
            if at < 0:
                raise ValueError(f"{p.id}: {c['surface']} not found in order")
            c["start"], c["end"] = at, at + len(c["surface"])
            pos = c["end"]
    return paras


def _close(a, b) -> bool:
    a = None if a is None or (isinstance(a, float) and math.isnan(a)) else a
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), b, rel_tol=1e-6, abs_tol=1e-6)


def _overlap(pred: str, gold: str) -> bool:
    if not gold or not pred:
        return gold == pred
    need = min(2, len(gold))
    return any(pred[i:i + need] in gold for i in range(len(pred) - need + 1))


def score(paras: list[Paragraph], errors: list | None = None) -> dict:
    from effanalysis.metrics import claims_from_text

    n_gold = n_pred = n_match = 0
    spurious_in_nonclaim = 0
    right = dict.fromkeys(COLUMNS, 0)
    for p in paras:
        table = claims_from_text(p.text)
        rows = table.to_dict("records")
        n_gold, n_pred = n_gold + len(p.claims), n_pred + len(rows)
        used: dict[int, int] = {}  # row -> gold index
        for gi, g in enumerate(p.claims):
            ri = next((i for i, r in enumerate(rows) if i not in used
                       and r["start"] < g["end"] and g["start"] < r["end"]), None)
            if ri is not None:
                used[ri] = gi
        gold_of_row = used
        for ri, r in enumerate(rows):
            if ri not in gold_of_row:
                if not p.claims:
                    spurious_in_nonclaim += 1
                if errors is not None:
                    errors.append(f"{p.id} spurious {r['surface']} ({r['kind']}, {r['subject']})")
        matched_gold = set(gold_of_row.values())
        for gi, g in enumerate(p.claims):
            if gi not in matched_gold and errors is not None:
                errors.append(f"{p.id} missed {g['surface']}")
        for ri, gi in gold_of_row.items():
            r, g = rows[ri], p.claims[gi]
            n_match += 1
            pw = r.get("part_of")
            pw = None if pw is None or (isinstance(pw, float) and math.isnan(pw)) or str(pw) == "<NA>" else int(pw)
            want = next((i for i, c in enumerate(p.claims) if c["surface"] == g["part_of"]), None) \
                if g["part_of"] else None
            checks = {
                "value": _close(r["norm_value"], g["norm"]),
                "unit": r["unit"] == g["unit"], "kind": r["kind"] == g["kind"],
                "qualifier": r["qualifier"] == g["qualifier"],
                "low": _close(r["low"], g["low"]), "high": _close(r["high"], g["high"]),
                "subject": r["subject"] == g["subject"], "subject_overlap": _overlap(r["subject"], g["subject"]),
                "direction": (r.get("direction") or "") == g["direction"],
                "relation": r["relation"] == g["relation"],
                "part_of": (pw is None and want is None) or (pw is not None and gold_of_row.get(pw) == want),
            }
            for k, ok in checks.items():
                right[k] += ok
                if not ok and errors is not None and k != "subject_overlap":
                    got = {"value": r["norm_value"], "part_of": pw, "subject": r["subject"]}.get(k, r.get(k))
                    wanted = {"value": g["norm"], "part_of": g["part_of"]}.get(k, g.get(k))
                    errors.append(f"{p.id} {g['surface']} {k}: got {got!r}, gold {wanted!r}")
    out = {"paragraphs": len(paras), "gold_claims": n_gold, "rows": n_pred, "matched": n_match,
           "precision": round(n_match / n_pred, 3) if n_pred else 1.0,
           "recall": round(n_match / n_gold, 3) if n_gold else 1.0,
           "rows_in_paragraphs_without_claims": spurious_in_nonclaim}
    out.update({k: round(v / n_match, 3) if n_match else 0.0 for k, v in right.items()})
    return out


def main(argv: list[str]) -> None:
    show = "--errors" in argv
    paths = [a for a in argv if not a.startswith("--")]
    errors: list[str] | None = [] if show else None
    result = score(read_gold(Path(paths[0]) if paths else GOLD), errors)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    for e in errors or ():
        print(e)


if __name__ == "__main__":
    main(sys.argv[1:])
