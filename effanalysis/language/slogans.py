"""Political formulations (lexicons/slogans.tsv) found in a text, with their years."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from . import lexicon

COLUMNS = ["term", "count", "first_year", "last_year"]


@lru_cache(maxsize=None)
def entries() -> pd.DataFrame:
    """The lexicon: term, pattern, years, marker; `literal`, the text searched for
    when the pattern is plain (or empty: the term itself), else `regex`."""
    df = lexicon.table("slogans.tsv").copy()
    for col in ("first_year", "standard_year", "last_year"):
        df[col] = pd.to_numeric(df[col].replace("", None)).astype("Int64")
    plain = [not p or re.escape(p) == p for p in df["pattern"]]
    df["literal"] = [(p or t) if ok else None for t, p, ok in zip(df["term"], df["pattern"], plain)]
    df["regex"] = [None if ok else re.compile(p) for p, ok in zip(df["pattern"], plain)]
    return df


@lru_cache(maxsize=None)
def reviewed() -> int:
    """The year the lexicon was last reviewed (its `# reviewed:` line): formulations adopted
    up to that year are listed, so their absence says nothing about later years."""
    for line in lexicon.path("slogans.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("# reviewed:"):
            return int(line.split(":", 1)[1].strip())
    raise ValueError("slogans.tsv has no '# reviewed: YEAR' line")


@lru_cache(maxsize=None)
def _literals() -> re.Pattern:
    """All literal searches in one trie pattern: one scan instead of one str.count each.
    (No literal contains another — tests/test_language_era.py checks — so a match
    of the longer one never hides the shorter.)"""
    return re.compile(lexicon.alternation(entries()["literal"].dropna()))


@lru_cache(maxsize=None)
def _searches() -> tuple[tuple[str | None, re.Pattern | None], ...]:
    lex = entries()
    return tuple(zip(lex["literal"], lex["regex"]))


@lru_cache(maxsize=None)
def _columns() -> dict:
    lex = entries()
    return {c: lex[c].array for c in ("term", "first_year", "last_year", "standard_year", "marker")}


def find(text: str) -> dict:
    """Formulations present in `text`, as columns: term, count, first_year, last_year (+ standard_year, marker)."""
    hits = Counter(_literals().findall(text))
    counts = np.array([hits[lit] if rx is None else len(rx.findall(text)) for lit, rx in _searches()])
    present = np.flatnonzero(counts)
    found = {c: col[present] for c, col in _columns().items()}
    found["count"] = counts[present]
    return {c: found[c] for c in COLUMNS + ["standard_year", "marker"]}


@lru_cache(maxsize=None)
def any_regex() -> re.Pattern:
    """Matches any formulation (to tell a quoted slogan from a quoted campaign name)."""
    lex = entries()
    parts = [rx.pattern if rx is not None else re.escape(lit) for lit, rx in zip(lex["literal"], lex["regex"])]
    return re.compile("|".join(parts))
