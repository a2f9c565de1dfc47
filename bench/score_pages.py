"""Score the furniture classifier on the hand-labelled synthetic pages.

`python -m bench.score_pages [dev|heldout|heldout2|...|heldout7|FOLDER]` reads the
pages of a set (default: tests/fixtures/pages/*.txt; each line prefixed with
its class, see the README there), classifies the unprefixed lines, and prints per page and overall: precision and recall of furniture
removal (lines), body lines wrongly removed, and body prose lines (over 20
characters) missing from the cleaned text — which must be none.
"""
from __future__ import annotations

import sys
from pathlib import Path

from effanalysis.clean import clean_text
from effanalysis.clean.convert import simplify
from effanalysis.clean.furniture import FURNITURE, TAIL, classify

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
PAGES = FIXTURES / "pages"
# Named sets: the pages the classifier was built on, and held-out pages written before changing it.
SETS = {"dev": PAGES, "heldout": FIXTURES / "pages_heldout", "heldout2": FIXTURES / "pages_heldout2",
        "heldout3": FIXTURES / "pages_heldout3",
        "heldout4": FIXTURES / "pages_heldout4", "heldout5": FIXTURES / "pages_heldout5",
        "heldout6": FIXTURES / "pages_heldout6",
        "heldout7": FIXTURES / "pages_heldout7"}
GOLD = {"~ ": "furniture", "@ ": "meta"}


def read_page(path: Path) -> tuple[list[str], list[str]]:
    """(raw lines, gold class per line: furniture, meta or body)."""
    lines, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        kind = GOLD.get(line[:2], "body")
        lines.append(line[2:] if kind != "body" else line)
        gold.append(kind)
    return lines, gold


def is_prose(line: str) -> bool:
    return len(line.strip()) > 20 and any(p in line for p in "。，；！？")


def score(path: Path) -> dict:
    lines, gold = read_page(path)
    lines = simplify("\n".join(lines))[0].split("\n")   # the classifier runs after conversion
    predicted = [c in (FURNITURE, TAIL) for c in classify(lines)]
    cleaned = clean_text("\n".join(lines)).text
    pairs = [(g, p) for g, p in zip(gold, predicted) if g != "meta"]
    tp = sum(g == "furniture" and p for g, p in pairs)
    fp = sum(g == "body" and p for g, p in pairs)
    fn = sum(g == "furniture" and not p for g, p in pairs)
    lost = [l for l, g in zip(lines, gold) if g == "body" and is_prose(l) and l.strip() not in cleaned]
    return {"page": path.stem, "lines": len(lines), "furniture": tp + fn, "removed_right": tp,
            "body_removed": fp, "furniture_left": fn, "prose_lost": len(lost),
            "wrong": [l for l, g, p in zip(lines, gold, predicted) if g != "meta" and (g == "furniture") != p]}


def main(folder: Path = PAGES) -> dict:
    rows = [score(p) for p in sorted(folder.glob("*.txt"))]
    tp, fp, fn = (sum(r[k] for r in rows) for k in ("removed_right", "body_removed", "furniture_left"))
    for r in rows:
        print(f"{r['page']:22} lines {r['lines']:3}  furniture {r['furniture']:3}  removed right {r['removed_right']:3}"
              f"  body removed {r['body_removed']}  furniture left {r['furniture_left']}  prose lost {r['prose_lost']}")
        for w in r["wrong"]:
            print(f"    wrong: {w}")
    result = {"pages": len(rows), "precision": round(tp / max(tp + fp, 1), 3), "recall": round(tp / max(tp + fn, 1), 3),
              "body_lines_removed": fp, "prose_lines_lost": sum(r["prose_lost"] for r in rows)}
    print(f"{result['pages']} pages: precision {result['precision']}, recall {result['recall']}, "
          f"body lines removed {fp}, prose lines lost {result['prose_lines_lost']}")
    return result


if __name__ == "__main__":   # a set's name (dev, heldout, heldout2 ... heldout7) or a folder of pages; default: dev
    arg = sys.argv[1] if len(sys.argv) > 1 else "dev"
    sys.exit(0 if main(SETS.get(arg) or Path(arg))["prose_lines_lost"] == 0 else 1)
