"""Trends across a corpus: formulations × years, era estimate against the real
year, what each document says that the others do not, and concreteness.

Each function takes Reports and returns a tidy DataFrame; the per-report parts
come from `report.profile()` (language) and `report.claims` (metrics).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

import numpy as np
import pandas as pd


_SESSION = re.compile(r"第(.+?)届全国人民代表大会第(.+?)次会议")


def label(r) -> str:
    """A short name for charts: the year, or 十四届三次决议 for an NPC resolution, or the title's start."""
    if r.year:
        return str(r.year)
    m = _SESSION.search(str(r.title))
    if m:
        return f"{m.group(1)}届{m.group(2)}次决议"
    return str(r.title)[:12]


def formulations(reports: Iterable) -> pd.DataFrame:
    """One row per formulation found in a report: doc, year, term, count, first_year, last_year."""
    frames = []
    for r in reports:
        s = r.profile().slogans
        if len(s):
            frames.append(s.assign(doc=r.doc, year=r.year))
    cols = ["doc", "year", "term", "count", "first_year", "last_year"]
    if not frames:
        return pd.DataFrame(columns=cols)
    df = pd.concat(frames, ignore_index=True)[cols]
    df["year"] = df["year"].astype("Int64")
    return df


def formulation_matrix(found: pd.DataFrame, min_reports: int = 2) -> pd.DataFrame:
    """Terms × years (uses per 10,000 characters is left to the caller): counts
    of each formulation in the dated reports, terms ordered by the year they
    first appear in, kept when used by at least `min_reports` reports."""
    d = found.dropna(subset=["year"])
    if d.empty:
        return pd.DataFrame()
    m = d.pivot_table(index="term", columns="year", values="count", aggfunc="sum", fill_value=0)
    m = m[(m > 0).sum(axis=1) >= min_reports]
    first_used = (m > 0).idxmax(axis=1)
    order = pd.DataFrame({"first": first_used, "total": m.sum(axis=1)}).sort_values(["first", "total"],
                                                                                     ascending=[True, False])
    m = m.loc[order.index]
    m.columns = [int(c) for c in m.columns]
    return m


def eras(reports: Iterable) -> pd.DataFrame:
    """Each report's era estimate against its real year: doc, title, year, from, to,
    likely_from, likely_to, within (from ≤ year ≤ to), likely_within, off_by
    (years outside the likely interval, 0 when inside)."""
    rows = []
    for r in reports:
        e = r.profile().era or {}
        row = {"doc": r.doc, "title": r.title, "year": r.year,
               **{k: e.get(k) for k in ("from", "to", "likely_from", "likely_to")}}
        y = r.year
        if y is not None and row["from"] is not None:
            row["within"] = bool(row["from"] <= y <= row["to"])
            row["likely_within"] = bool(row["likely_from"] <= y <= row["likely_to"])
            row["off_by"] = int(max(row["likely_from"] - y, y - row["likely_to"], 0))
        rows.append(row)
    cols = ["doc", "title", "year", "from", "to", "likely_from", "likely_to", "within", "likely_within", "off_by"]
    df = pd.DataFrame(rows, columns=cols)
    for c in ("year", "from", "to", "likely_from", "likely_to", "off_by"):
        df[c] = df[c].astype("Int64")
    return df


def _words(text: str) -> list[str]:
    from ..language import keywords, segment

    return [w for w in segment.cut(text) if keywords.is_candidate(w)]


def distinctive_keywords(reports: Iterable, top_n: int = 8, min_count: int = 2, prior: float = 500.0) -> pd.DataFrame:
    """What each document says that the others do not: for each word, the
    log-odds ratio of its use in this document against all the others, with an
    informative Dirichlet prior (the corpus frequencies, `prior` pseudo-words),
    divided by its standard error (Monroe, Colaresi & Quinn, "Fightin' words").
    Columns: doc, year, rank, term, count, docs (documents using it), z."""
    reports = list(reports)
    counts = [Counter(_words(r.text)) for r in reports]
    vocab = sorted({w for c in counts for w in c})
    cols = ["doc", "year", "rank", "term", "count", "docs", "z"]
    if not vocab or len(reports) < 2:
        return pd.DataFrame(columns=cols)
    index = {w: i for i, w in enumerate(vocab)}
    y = np.zeros((len(reports), len(vocab)))
    for d, c in enumerate(counts):
        for w, n in c.items():
            y[d, index[w]] = n
    total = y.sum(axis=0)
    alpha = total / total.sum() * prior
    a0 = alpha.sum()
    docs_using = (y > 0).sum(axis=0)
    rows = []
    for d, r in enumerate(reports):
        yi, yr = y[d], total - y[d]
        ni, nr = yi.sum(), yr.sum()
        delta = (np.log((yi + alpha) / (ni + a0 - yi - alpha)) - np.log((yr + alpha) / (nr + a0 - yr - alpha)))
        z = delta / np.sqrt(1 / (yi + alpha) + 1 / (yr + alpha))
        z[yi < min_count] = -np.inf
        for rank, j in enumerate(np.argsort(-z, kind="stable")[:top_n], 1):
            if not np.isfinite(z[j]) or z[j] <= 0:
                break
            rows.append({"doc": r.doc, "year": r.year, "rank": rank, "term": vocab[j], "count": int(yi[j]),
                         "docs": int(docs_using[j]), "z": round(float(z[j]), 2)})
    out = pd.DataFrame(rows, columns=cols)
    out["year"] = out["year"].astype("Int64")
    return out


def concreteness(reports: Iterable) -> pd.DataFrame:
    """Concreteness across the corpus, one row per report: doc, title, year, chars,
    claims, claims_per_10k (claims per 10,000 characters), concreteness (share of
    sentences anchored by a number, name or date, averaged over sections by length),
    boilerplate_density (same weighting)."""
    rows = []
    for r in reports:
        p = r.profile()
        s = p.sections
        w = s["chars"].to_numpy(float) if len(s) else np.array([])
        conc = float(np.average(s["concreteness"], weights=w)) if len(s) and w.sum() else None
        boil = float(np.average(s["boilerplate_density"], weights=w)) if len(s) and w.sum() else None
        n_claims = len(r.claims)
        rows.append({"doc": r.doc, "title": r.title, "year": r.year, "label": label(r), "chars": len(r.text),
                     "claims": n_claims, "claims_per_10k": round(n_claims / max(len(r.text), 1) * 1e4, 2),
                     "concreteness": conc, "boilerplate_density": boil})
    df = pd.DataFrame(rows, columns=["doc", "title", "year", "label", "chars", "claims", "claims_per_10k",
                                     "concreteness", "boilerplate_density"])
    df["year"] = df["year"].astype("Int64")
    return df
