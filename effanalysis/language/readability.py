"""Readability of Chinese official prose.

Measure: Xu Wei, Yao Zhenye and Chen Donghua (徐巍、姚振晔、陈冬华), 2021,
"中文年报可读性：衡量与检验" (Readability of Chinese annual reports: measurement
and test), 会计研究 (Accounting Research) 2021(3): 28-44 — also implemented in
the cntext package as readability1-3:
- chars_per_clause: average number of characters per clause (clauses end at
  ，；：。！？ and line breaks); longer clauses read harder;
- adverb_conjunction_share: share of adverbs and conjunctions among words;
  the paper's second component (logical connectives and modifiers);
- value: their combination, the mean of the two. The components have different
  units, so each is first standardised against the bundled corpus (z-scores,
  reference in lexicons/readability_reference.tsv); a higher value means
  longer clauses and more connective/adverbial padding, i.e. denser prose.
Word classes come from the tags of jieba's dictionary (function_words.tsv)
looked up per token — a context-free approximation of POS tagging, which
would cost ten times the segmentation.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from . import lexicon, segment

_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def clause_count(text: str) -> int:
    return len([c for c in _CLAUSE_END.split(text) if _HAN.search(c)])


def raw(text: str, words: int, adv_conj: int) -> tuple[float, float, int]:
    """(chars_per_clause, adverb_conjunction_share, clauses) of a span with `words`
    Han words, `adv_conj` of them adverbs or conjunctions."""
    clauses = clause_count(text)
    chars = len(_HAN.findall(text))
    return (chars / clauses if clauses else 0.0), (adv_conj / words if words else 0.0), clauses


def word_classes(tokens: list[str]) -> tuple[int, int]:
    """(Han words, adverbs and conjunctions among them) of a token list."""
    fw = segment.function_words()
    words = [t for t in tokens if _HAN.match(t)]
    return len(words), sum(fw.get(t) in ("d", "c") for t in words)


def components(text: str, words: int, adv_conj: int) -> dict:
    """Readability of a span: value and its components."""
    per_clause, share, clauses = raw(text, words, adv_conj)
    return {"value": combine(per_clause, share), "chars_per_clause": per_clause,
            "adverb_conjunction_share": share, "clauses": clauses, "words": words}


@lru_cache(maxsize=None)
def reference() -> dict[str, tuple[float, float]]:
    df = lexicon.table("readability_reference.tsv")
    return {r.component: (float(r.mean), float(r.sd)) for r in df.itertuples()}


def combine(per_clause: float, share: float) -> float:
    ref = reference()
    z1 = (per_clause - ref["chars_per_clause"][0]) / ref["chars_per_clause"][1]
    z2 = (share - ref["adverb_conjunction_share"][0]) / ref["adverb_conjunction_share"][1]
    return float((z1 + z2) / 2)


def build_reference(rows: list[tuple[float, float]]) -> str:
    """The text of readability_reference.tsv from per-document (chars_per_clause, share)."""
    a = np.array(rows, dtype=float)
    lines = ["# Corpus mean and sd of the readability components (language/idf.py builds it)",
             "component\tmean\tsd",
             f"chars_per_clause\t{a[:, 0].mean():.6f}\t{a[:, 0].std():.6f}",
             f"adverb_conjunction_share\t{a[:, 1].mean():.6f}\t{a[:, 1].std():.6f}"]
    return "\n".join(lines) + "\n"
