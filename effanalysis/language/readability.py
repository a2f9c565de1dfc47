"""Readability of Chinese official prose.

Measure: Xu Wei, Yao Zhenye and Chen Donghua (徐巍、姚振晔、陈冬华), 2021,
"中文年报可读性：衡量与检验" (Readability of Chinese annual reports: measurement
and test), 会计研究 (Accounting Research) 2021(3): 28-44, as implemented in the
cntext package (readability1-3, documented there as "larger = more complex,
less readable"):
- chars_per_clause: average number of characters per clause (clauses end at
  ，；：。！？ and line breaks) — readability1;
- adverb_conjunction_share: share of adverbs and conjunctions among the words
  — readability2 (cntext takes it per sentence; here over the span's words);
- value: readability3, the mean of the two. The components have different
  units, so each is first standardised against the bundled corpus (z-scores,
  reference in lexicons/readability_reference.tsv): 0 is a typical State
  Council report, higher is harder.
Word classes come from the tags of jieba's dictionary (function_words.tsv)
looked up per token — a context-free approximation of POS tagging, which
would cost ten times the segmentation.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from . import lexicon, segment

_CLAUSE_END = np.array([ord(c) for c in "，,；;：:。！？!?\n"], dtype=np.uint32)


class Text:
    """Cumulative counts over a text, so any span's components cost two lookups."""

    def __init__(self, text: str):
        cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        is_han = (cp >= 0x4E00) & (cp <= 0x9FFF)
        self.han = np.concatenate(([0], np.cumsum(is_han)))
        is_end = np.isin(cp, _CLAUSE_END)
        ends = np.flatnonzero(is_end & ~np.concatenate(([False], is_end[:-1])))
        # A clause is the text before a run of clause punctuation; it counts if it has Han.
        before = np.diff(self.han[np.concatenate(([0], ends))])
        self.clause_ends = ends[before > 0]

    def raw(self, start, end, words, adv_conj):
        """(chars_per_clause, adverb_conjunction_share, clauses) of text[start:end], which
        has `words` Han words, `adv_conj` of them adverbs or conjunctions. Works on
        numbers or on arrays of spans alike."""
        start, end, words, adv_conj = (np.asarray(a) for a in (start, end, words, adv_conj))
        e0, e1 = np.searchsorted(self.clause_ends, start), np.searchsorted(self.clause_ends, end)
        last = np.where(e1 > e0, self.clause_ends[np.maximum(e1 - 1, 0)] + 1, start) if len(self.clause_ends) else start
        clauses = (e1 - e0) + (self.han[end] > self.han[last])  # an unpunctuated tail
        chars = self.han[end] - self.han[start]
        per_clause = np.where(clauses > 0, chars / np.maximum(clauses, 1), 0.0)
        share = np.where(words > 0, adv_conj / np.maximum(words, 1), 0.0)
        return per_clause, share, clauses

    def components(self, start: int, end: int, words: int, adv_conj: int) -> dict:
        """Readability of text[start:end]: value and its components."""
        per_clause, share, clauses = (v.item() for v in self.raw(start, end, words, adv_conj))
        return {"value": float(combine(per_clause, share)), "chars_per_clause": per_clause,
                "adverb_conjunction_share": share, "clauses": int(clauses), "words": int(words)}


def word_classes(tokens: list[str]) -> tuple[int, int]:
    """(Han words, adverbs and conjunctions among them) of a token list."""
    fw = segment.function_words()
    words = [t for t in tokens if "\u4e00" <= t[0] <= "\u9fff"]
    return len(words), sum(fw.get(t) in ("d", "c") for t in words)


@lru_cache(maxsize=None)
def reference() -> dict[str, tuple[float, float]]:
    df = lexicon.table("readability_reference.tsv")
    return {r.component: (float(r.mean), float(r.sd)) for r in df.itertuples()}


def combine(per_clause, share):
    """The readability value: mean of the two components' corpus z-scores."""
    ref = reference()
    z1 = (per_clause - ref["chars_per_clause"][0]) / ref["chars_per_clause"][1]
    z2 = (share - ref["adverb_conjunction_share"][0]) / ref["adverb_conjunction_share"][1]
    return (z1 + z2) / 2


def build_reference(rows: list[tuple[float, float]]) -> str:
    """The text of readability_reference.tsv from per-document (chars_per_clause, share)."""
    a = np.array(rows, dtype=float)
    lines = ["# Corpus mean and sd of the readability components (language/idf.py builds it)",
             "component\tmean\tsd",
             f"chars_per_clause\t{a[:, 0].mean():.6f}\t{a[:, 0].std():.6f}",
             f"adverb_conjunction_share\t{a[:, 1].mean():.6f}\t{a[:, 1].std():.6f}"]
    return "\n".join(lines) + "\n"
