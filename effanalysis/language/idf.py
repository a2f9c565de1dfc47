"""The IDF table (lexicons/idf.tsv), built from the bundled corpus.

idf = ln((N + 1) / (df + 1)) (smoothed, without scikit-learn's + 1 so that a
word every report uses weighs nothing: keywords are what sets a report apart), over the N
documents of the bundled corpus (effanalysis.data: corpus/government_work_reports.jsonl) cut by segment.cut with
the user dictionary. Only keyword candidates seen in two or more documents are
stored; any other word gets the idf of an unseen word (df = 0), which keeps the
file small and rates a report's own vocabulary (效能建设) highest.
`python -m effanalysis.language` rewrites it, and the corpus reference of the
readability components (readability_reference.tsv); a test checks that the
shipped files match a rebuild.
"""
from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from . import lexicon

CORPUS = Path(str(resources.files("effanalysis.data") / "corpus" / "government_work_reports.jsonl"))
MIN_DF = 2


def build(texts: list[str]) -> str:
    """The text of idf.tsv for these documents."""
    from . import keywords, segment

    df: dict[str, int] = {}
    for text in texts:
        for word in {w for w in segment.cut(text) if keywords.is_candidate(w)}:
            df[word] = df.get(word, 0) + 1
    n = len(texts)
    rows = sorted((w, c) for w, c in df.items() if c >= MIN_DF)
    lines = [f"# IDF over {n} documents of the bundled corpus (language/idf.py); unseen words: df=0", "term\tdf",
             f"<N>\t{n}"]
    lines += [f"{w}\t{c}" for w, c in rows]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=None)
def table() -> tuple[dict[str, float], float]:
    """({word: idf} of the shipped table, idf of any other word)."""
    df = lexicon.table("idf.tsv")
    counts = dict(zip(df["term"], df["df"].astype(int)))
    n = counts.pop("<N>")
    return {w: math.log((n + 1) / (c + 1)) for w, c in counts.items()}, math.log(n + 1)


def lookup(words) -> np.ndarray:
    idf, unseen = table()
    return np.fromiter((idf.get(w, unseen) for w in words), dtype=float, count=len(words))


def build_readability(texts: list[str]) -> str:
    """The text of readability_reference.tsv: corpus mean and sd of each component."""
    from . import readability, segment

    rows = []
    for text in texts:
        per_clause, share, _ = readability.Text(text).raw(0, len(text), *readability.word_classes(segment.cut(text)))
        rows.append((per_clause, share))
    return readability.build_reference(rows)


def main(reports) -> None:
    """Rewrite idf.tsv and readability_reference.tsv from `reports` (the bundled corpus's)."""
    texts = [r.text for r in reports]
    lexicon.path("idf.tsv").write_text(build(texts), encoding="utf-8")
    lexicon.path("readability_reference.tsv").write_text(build_readability(texts), encoding="utf-8")
