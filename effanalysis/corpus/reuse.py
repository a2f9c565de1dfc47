"""Text reuse between documents: which passages one report shares with another.

Three steps, each linear in the size of the corpus:

1. units — every sentence of at least `min_chars` characters, with its offsets
   in its document's cleaned text;
2. candidates — a MinHash of each unit's character shingles goes into a
   MinHash LSH index (datasketch); units that land in the same bucket of some
   band are candidates. Buckets are walked once (neighbours in a bucket are
   paired), so no unit is ever compared with every other;
3. verification — each candidate pair is aligned (rapidfuzz) and kept when the
   two sentences are near-copies; verified pairs join units into groups
   (union-find). A group is one sentence and its near-copies across documents.

From the groups follow the reuse matrix (the share of a document's text that
also appears in another) and the shared passages: runs of consecutive
sentences of one document copied as a run into another, with both locations.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz

UNIT_COLUMNS = ["unit", "doc", "position", "sentence", "start", "end", "chars", "text", "group"]
PASSAGE_COLUMNS = ["doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "sentences", "chars",
                   "similarity", "year_a", "year_b", "text_a", "text_b"]


@dataclass(frozen=True)
class ReuseOptions:
    shingle: int = 5            # characters per shingle
    num_perm: int = 64          # MinHash permutations
    threshold: float = 0.5      # LSH Jaccard threshold for candidates
    min_similarity: float = 80  # rapidfuzz ratio (0–100) for a verified near-copy
    min_chars: int = 12         # shorter sentences (各位代表！) are not units
    boilerplate: float = 0.5    # a group in more than this share of documents (and ≥ 5) is boilerplate


def _docs_frame(reports: list) -> pd.DataFrame:
    rows = []
    for pos, r in enumerate(reports):
        rows.append({"position": pos, "doc": str(r.doc), "title": str(getattr(r, "title", r.doc)),
                     "year": getattr(r, "year", None), "chars": len("".join(r.text.split()))})
    df = pd.DataFrame(rows, columns=["position", "doc", "title", "year", "chars"])
    df["year"] = df["year"].astype("Int64")
    if df["doc"].duplicated().any():
        raise ValueError(f"document ids must be unique; repeated: {sorted(set(df['doc'][df['doc'].duplicated()]))[:5]}")
    return df


def _units(reports: list, min_chars: int) -> pd.DataFrame:
    frames = []
    for pos, r in enumerate(reports):
        s = r.sentences[["sentence", "start", "end", "text"]]
        s = s[s["text"].str.len() >= min_chars].copy()
        s["doc"] = str(r.doc)
        s["position"] = pos
        frames.append(s)
    units = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=UNIT_COLUMNS)
    units["unit"] = np.arange(len(units))
    units["chars"] = units["text"].str.len().astype(int)
    units["group"] = -1
    return units[UNIT_COLUMNS].reset_index(drop=True)


def shingles(text: str, k: int) -> set[bytes]:
    """The character k-grams of `text` with whitespace removed (the whole text when shorter)."""
    t = "".join(text.split())
    if len(t) <= k:
        return {t.encode("utf-8")}
    return {t[i:i + k].encode("utf-8") for i in range(len(t) - k + 1)}


def candidate_pairs(texts: list[str], opts: ReuseOptions = ReuseOptions()) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of texts that share a MinHash LSH bucket.

    Every bucket of every band is walked once and its members, in order, are
    paired with their neighbour: the cost grows with the number of texts, not
    with the number of pairs of texts."""
    if len(texts) < 2:
        return set()
    hashes = MinHash.bulk([shingles(t, opts.shingle) for t in texts], num_perm=opts.num_perm)
    lsh = MinHashLSH(threshold=opts.threshold, num_perm=opts.num_perm)
    with lsh.insertion_session() as session:
        for i, mh in enumerate(hashes):
            session.insert(i, mh, check_duplication=False)
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for key in table.keys():
            members = table.get(key)
            if len(members) > 1:
                ordered = sorted(members)
                pairs.update(zip(ordered, ordered[1:]))
    return pairs


def verify(texts: list[str], pairs: Iterable[tuple[int, int]], min_similarity: float) -> list[tuple[int, int, float]]:
    """The candidate pairs whose texts are near-copies: (i, j, similarity 0–100)."""
    out = []
    for i, j in pairs:
        score = fuzz.ratio(texts[i], texts[j])
        if score >= min_similarity:
            out.append((i, j, score))
    return out


def _groups(n: int, edges: list[tuple[int, int, float]]) -> np.ndarray:
    parent = np.arange(n)

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for i, j, _ in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    roots = np.array([find(i) for i in range(n)])
    return roots


@dataclass
class Reuse:
    """Sentences shared between documents, grouped; see `find_reuse`."""
    docs: pd.DataFrame        # position, doc, title, year, chars
    units: pd.DataFrame       # unit, doc, position, sentence, start, end, chars, text, group (-1: not shared)
    pairs: pd.DataFrame       # verified near-copy pairs of units: a, b, similarity
    options: ReuseOptions
    candidates: int = 0       # candidate pairs from the LSH buckets
    reports: list = field(default_factory=list, repr=False)  # the documents, by position

    # --- groups ------------------------------------------------------------
    @cached_property
    def groups(self) -> pd.DataFrame:
        """One row per group of near-copies: group, units, docs, chars, boilerplate, text (first member)."""
        u = self.units[self.units["group"] >= 0]
        if u.empty:
            return pd.DataFrame(columns=["group", "units", "docs", "chars", "boilerplate", "text"])
        g = u.groupby("group").agg(units=("unit", "size"), docs=("position", "nunique"),
                                   chars=("chars", "max"), text=("text", "first")).reset_index()
        limit = max(5, math.ceil(self.options.boilerplate * len(self.docs)))
        g["boilerplate"] = g["docs"] > limit
        return g[["group", "units", "docs", "chars", "boilerplate", "text"]]

    def _shared_units(self, include_boilerplate: bool = False) -> pd.DataFrame:
        u = self.units[self.units["group"] >= 0]
        if not include_boilerplate:
            bad = set(self.groups.loc[self.groups["boilerplate"], "group"])
            u = u[~u["group"].isin(bad)]
        return u

    # --- matrix -------------------------------------------------------------
    def coverage(self, include_boilerplate: bool = False) -> np.ndarray:
        """covered[a, b]: characters of document a in sentences that have a near-copy in document b."""
        n = len(self.docs)
        u = self._shared_units(include_boilerplate)
        if u.empty:
            return np.zeros((n, n))
        from scipy import sparse

        gid, gpos = np.unique(u["group"].to_numpy(), return_inverse=True)
        rows, cols = u["position"].to_numpy(), gpos
        weight = sparse.coo_matrix((u["chars"].to_numpy(float), (rows, cols)), shape=(n, len(gid))).tocsr()
        member = sparse.coo_matrix((np.ones(len(u)), (cols, rows)), shape=(len(gid), n)).tocsr()
        member.data[:] = 1.0  # duplicates summed by tocsr: presence only
        covered = (weight @ member).toarray()
        # a sentence copied inside its own document does not count as reuse
        np.fill_diagonal(covered, 0.0)
        return covered

    @cached_property
    def matrix(self) -> pd.DataFrame:
        """Share (0–1) of the row document's text found, near-copied, in the column document.
        Boilerplate groups (licence lines, page chrome) are left out."""
        chars = self.docs["chars"].to_numpy(float)
        share = self.coverage() / np.where(chars > 0, chars, 1.0)[:, None]
        np.fill_diagonal(share, np.nan)
        return pd.DataFrame(share, index=self.docs["doc"].to_list(), columns=self.docs["doc"].to_list())

    def share(self, a: str, b: str) -> float:
        """Share of document a's text that also appears in document b."""
        return float(self.matrix.loc[a, b])

    def consecutive(self) -> pd.DataFrame:
        """Reuse between consecutive years of the series (documents with a year):
        year, next_year, doc, next_doc, gap, share (of the later report found in the earlier), shared_sentences."""
        d = self.docs.dropna(subset=["year"]).sort_values(["year", "position"]).drop_duplicates("year")
        rows = []
        shared = self._shared_units()
        for (_, a), (_, b) in zip(d.iterrows(), d.iloc[1:].iterrows()):
            both = shared[shared["position"].isin([a["position"], b["position"]])]
            common = both.groupby("group")["position"].nunique()
            n_common = int((common == 2).sum())
            rows.append({"year": int(a["year"]), "next_year": int(b["year"]), "doc": a["doc"], "next_doc": b["doc"],
                         "gap": int(b["year"] - a["year"]), "share": self.share(b["doc"], a["doc"]),
                         "shared_sentences": n_common})
        return pd.DataFrame(rows, columns=["year", "next_year", "doc", "next_doc", "gap", "share", "shared_sentences"])

    def by_gap(self) -> pd.DataFrame:
        """Mean reuse share by the number of years between two dated reports: gap, pairs, share
        (the share of a pair: the mean of the two directions)."""
        dated = self.docs["year"].notna().to_numpy()
        years = self.docs["year"].to_numpy(dtype=float, na_value=np.nan)[dated]
        m = self.matrix.to_numpy()[np.ix_(dated, dated)]
        i, j = np.nonzero(years[None, :] > years[:, None])
        if not len(i):
            return pd.DataFrame(columns=["gap", "pairs", "share"])
        df = pd.DataFrame({"gap": (years[j] - years[i]).astype(int), "share": (m[i, j] + m[j, i]) / 2})
        return df.groupby("gap")["share"].agg(pairs="size", share="mean").reset_index()

    # --- passages -----------------------------------------------------------
    @cached_property
    def passages(self) -> pd.DataFrame:
        """Shared passages: runs of consecutive sentences of doc_a whose near-copies
        are consecutive sentences of doc_b, with both locations (cleaned-text offsets).
        One row per passage and ordered pair doc_a < doc_b (corpus order); longest first."""
        u = self._shared_units()
        if u.empty:
            return pd.DataFrame(columns=PASSAGE_COLUMNS)
        left = u[["group", "position", "sentence", "start", "end", "chars"]]
        m = left.merge(left, on="group", suffixes=("_a", "_b"))
        m = m[m["position_a"] < m["position_b"]]
        m = m.sort_values(["position_a", "position_b", "sentence_a", "sentence_b"])
        rows = []
        for (pa, pb), g in m.groupby(["position_a", "position_b"], sort=False):
            run: list = []
            for rec in g.itertuples(index=False):
                if run and rec.sentence_a == run[-1].sentence_a + 1 and rec.sentence_b == run[-1].sentence_b + 1:
                    run.append(rec)
                    continue
                if run:
                    rows.append(self._passage(pa, pb, run))
                run = [rec]
            if run:
                rows.append(self._passage(pa, pb, run))
        df = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
        return df.sort_values(["chars", "similarity"], ascending=False, ignore_index=True)

    def _passage(self, pa: int, pb: int, run: list) -> dict:
        da, db = self.docs.iloc[pa], self.docs.iloc[pb]
        sa, ea = int(run[0].start_a), int(run[-1].end_a)
        sb, eb = int(run[0].start_b), int(run[-1].end_b)
        ta, tb = self.reports[pa].text[sa:ea], self.reports[pb].text[sb:eb]
        return {"doc_a": da["doc"], "start_a": sa, "end_a": ea, "doc_b": db["doc"], "start_b": sb, "end_b": eb,
                "sentences": len(run), "chars": ea - sa, "similarity": round(fuzz.ratio(ta, tb), 1),
                "year_a": da["year"], "year_b": db["year"], "text_a": ta, "text_b": tb}

    def between(self, a: str, b: str) -> pd.DataFrame:
        """The shared passages of two documents (either order)."""
        p = self.passages
        return p[((p["doc_a"] == a) & (p["doc_b"] == b)) | ((p["doc_a"] == b) & (p["doc_b"] == a))]


def find_reuse(reports: Iterable, options: ReuseOptions | None = None, **kw) -> Reuse:
    """Text reuse across `reports` (objects with .doc, .text, .sentences, .title, .year:
    effanalysis Reports). Keyword arguments override ReuseOptions fields."""
    opts = options or ReuseOptions()
    if kw:
        opts = ReuseOptions(**{**opts.__dict__, **kw})
    reports = list(reports)
    docs = _docs_frame(reports)
    units = _units(reports, opts.min_chars)
    texts = units["text"].to_list()
    cands = candidate_pairs(texts, opts)
    verified = verify(texts, sorted(cands), opts.min_similarity)
    pairs = pd.DataFrame(verified, columns=["a", "b", "similarity"])
    if len(units):
        roots = _groups(len(units), verified)
        size = np.bincount(roots, minlength=len(units))
        units["group"] = np.where(size[roots] > 1, roots, -1)
    return Reuse(docs=docs, units=units, pairs=pairs, options=opts, candidates=len(cands), reports=reports)
