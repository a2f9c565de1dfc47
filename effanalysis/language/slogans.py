"""Political formulations (lexicons/slogans.tsv) found in a text, with their years."""
from __future__ import annotations

import re
from functools import lru_cache

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


def count(text: str, regex: re.Pattern | None, term: str) -> int:
    # str.count is several times faster than a regex for the plain terms.
    return text.count(term) if regex is None else sum(1 for _ in regex.finditer(text))


def find(text: str) -> pd.DataFrame:
    """Formulations present in `text`: term, count, first_year, last_year (+ standard_year, marker)."""
    lex = entries()
    counts = [count(text, rx, term) for term, rx in zip(lex["term"], lex["regex"])]
    found = lex.assign(count=counts)
    found = found[found["count"] > 0]
    return found[COLUMNS + ["standard_year", "marker"]].reset_index(drop=True)


@lru_cache(maxsize=None)
def any_regex() -> re.Pattern:
    """Matches any formulation (to tell a quoted slogan from a quoted campaign name)."""
    lex = entries()
    parts = [rx.pattern if rx is not None else re.escape(t.strip("“”")) for t, rx in zip(lex["term"], lex["regex"])]
    return re.compile("|".join(parts))
