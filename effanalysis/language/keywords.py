"""Keywords two ways: TF-IDF against the bundled corpus, and TextRank.

A keyword candidate is a dictionary word of two or more Han characters that is
not a function word (lexicons/function_words.tsv) or formula word (formula.txt), not a number or ordinal
(三是, 第八届, 一个) and not an HMM guess outside the dictionary (a fragment such
as 局密 from a typo). IDF comes from lexicons/idf.tsv (built by idf.py), so a
report's TF-IDF keywords are what sets it apart from typical official prose.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from . import idf as _idf
from . import formula, segment

COLUMNS = ["term", "weight", "method"]
_NUMBERISH = re.compile(r"(?:第?[0-9一二三四五六七八九十百千万亿零〇两几多半]+|[余多近约])[是个项条次年月日届批种类号家名人件期度份所]?")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")


@lru_cache(maxsize=200_000)
def is_candidate(word: str) -> bool:
    return (_HAN.fullmatch(word) is not None and word not in segment.function_words()
            and word not in formula.words()
            and _NUMBERISH.fullmatch(word) is None and segment.in_dictionary(word))


def candidates(codes: np.ndarray, vocab: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The candidate tokens of a factorized token sequence, renumbered into a
    vocabulary of candidates only: (codes, vocabulary)."""
    keep = np.fromiter((is_candidate(w) for w in vocab), dtype=bool, count=len(vocab))
    used = np.flatnonzero(keep)
    remap = np.full(len(vocab), -1)
    remap[used] = np.arange(len(used))
    return remap[codes[keep[codes]]], vocab[used]


def tfidf(codes: np.ndarray, vocab: np.ndarray, top: int = 20) -> pd.DataFrame:
    if not len(codes):
        return pd.DataFrame(columns=COLUMNS)
    tf = np.bincount(codes, minlength=len(vocab)) / len(codes)
    weight = tf * _idf.lookup(vocab)
    best = np.argsort(-weight, kind="stable")[:top]
    return pd.DataFrame({"term": vocab[best], "weight": weight[best], "method": "tfidf"})


def textrank(codes: np.ndarray, vocab: np.ndarray, top: int = 20, window: int = 5,
             damping: float = 0.85, iterations: int = 30) -> pd.DataFrame:
    """TextRank (Mihalcea & Tarau 2004): PageRank on the co-occurrence graph of
    candidates within `window` tokens, edges weighted by co-occurrence count."""
    n = len(vocab)
    if n < 2:
        return pd.DataFrame(columns=COLUMNS)
    src = np.concatenate([codes[:-k] for k in range(1, window) if k < len(codes)])
    dst = np.concatenate([codes[k:] for k in range(1, window) if k < len(codes)])
    keep = src != dst
    src, dst = np.concatenate([src[keep], dst[keep]]), np.concatenate([dst[keep], src[keep]])
    pair, weight = np.unique(src * n + dst, return_counts=True)
    a, b = pair // n, pair % n
    out = np.bincount(a, weights=weight, minlength=n)
    share = weight / out[a]
    score = np.ones(n)
    for _ in range(iterations):
        score = (1 - damping) + damping * np.bincount(b, weights=share * score[a], minlength=n)
    best = np.argsort(-score, kind="stable")[:top]
    return pd.DataFrame({"term": vocab[best], "weight": score[best] / score.max(), "method": "textrank"})
