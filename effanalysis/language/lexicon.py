"""The data files of effanalysis/lexicons/, read once per process."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pandas as pd

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"


def path(name: str) -> Path:
    return LEXICONS / name


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """A word list: one or more whitespace-separated words a line, # comments."""
    out: list[str] = []
    for line in path(name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        out.extend(line.split())
    return tuple(out)


@lru_cache(maxsize=None)
def table(name: str) -> pd.DataFrame:
    """A tab-separated table with a header line, # comment lines before it."""
    with open(path(name), encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader((l for l in fh if not l.startswith("#")), delimiter="\t")]
    return pd.DataFrame(rows[1:], columns=rows[0])
