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
    """The lexicon: term, pattern (compiled or None for a plain term), years, marker."""
    df = lexicon.table("slogans.tsv").copy()
    for col in ("first_year", "standard_year", "last_year"):
        df[col] = pd.to_numeric(df[col].replace("", None)).astype("Int64")
    df["regex"] = [re.compile(p) if p else None for p in df["pattern"]]
    return df


@lru_cache(maxsize=None)
def _plain() -> re.Pattern:
    """All plain terms in one trie pattern: one scan instead of one str.count each.
    (No plain term contains another — tests/test_language_era.py checks — so a
    match of the longer one never hides the shorter.)"""
    lex = entries()
    return re.compile(lexicon.alternation(lex.loc[lex["regex"].isna(), "term"]))


def find(text: str) -> dict:
    """Formulations present in `text`, as columns: term, count, first_year, last_year (+ standard_year, marker)."""
    lex = entries()
    plain = Counter(_plain().findall(text))
    counts = np.array([plain[term] if rx is None else len(rx.findall(text)) for term, rx in zip(lex["term"], lex["regex"])])
    present = np.flatnonzero(counts)
    cols = {c: lex[c].to_numpy()[present] for c in ("term", "first_year", "last_year", "standard_year", "marker")}
    cols["count"] = counts[present]
    return {c: pd.array(cols[c], dtype="Int64") if c.endswith("year") else cols[c]
            for c in COLUMNS + ["standard_year", "marker"]}


@lru_cache(maxsize=None)
def any_regex() -> re.Pattern:
    """Matches any formulation (to tell a quoted slogan from a quoted campaign name)."""
    lex = entries()
    parts = [rx.pattern if rx is not None else re.escape(t.strip("“”")) for t, rx in zip(lex["term"], lex["regex"])]
    return re.compile("|".join(parts))
