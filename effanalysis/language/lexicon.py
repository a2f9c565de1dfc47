"""The data files of effanalysis/lexicons/, read once per process."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

LEXICONS = Path(str(resources.files("effanalysis") / "lexicons"))


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
def groups(name: str) -> dict[str, tuple[str, ...]]:
    """A word list in groups: plain lines under "", lines that open with @key under that key
    (bodies.txt: @alone, @not; titles.txt: @unit, @organ)."""
    out: dict[str, list] = {"": []}
    for line in path(name).read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if parts:
            key = parts[0] if parts[0].startswith("@") else ""
            out.setdefault(key, []).extend(parts[1:] if key else parts)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a tab-separated table with a header line, # comment lines before it:
    what the claims read without pandas (importing it costs the metrics command a third of
    a second)."""
    with open(path(name), encoding="utf-8", newline="") as fh:
        found = [r for r in csv.reader((l for l in fh if not l.startswith("#")), delimiter="\t")]
    return found[0], found[1:]


@lru_cache(maxsize=None)
def table(name: str) -> pd.DataFrame:
    """A tab-separated table with a header line, # comment lines before it."""
    import pandas as pd

    header, body = rows(name)
    return pd.DataFrame(body, columns=header)


def alternation(words) -> str:
    """A regex matching any of `words`, longest first, factored into a trie
    (局长|局党组书记 → 局(?:党组书记|长)): Python's re tries alternatives one by
    one, so sharing prefixes makes a long word list several times faster."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items(), key=lambda kv: kv[0]) if ch]
        if not branches:
            return ""
        # Longer continuations first, then the word ending here (the ? below).
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
        return body

    return build(trie)
