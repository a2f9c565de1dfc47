"""Keywords two ways: TF-IDF against the bundled corpus, and TextRank.

A keyword candidate is a dictionary word of two or more Han characters that is
not a function word (lexicons/function_words.tsv) or formula word (formula.txt), not a number or ordinal
(三是, 第八届, 一个) and not an HMM guess outside the dictionary (a fragment such
as 局密 from a typo). IDF comes from lexicons/idf.tsv (built by idf.py, kept by word id in vocab.py), so a
report's TF-IDF keywords are what sets it apart from typical official prose.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from . import formula, segment

COLUMNS = ["term", "weight", "method"]
_NUMBERISH = re.compile(r"(?:第?[0-9一二三四五六七八九十百千万亿零〇两几多半]+|[余多近约])[是个项条次年月日届批种类号家名人件期度份所]?")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")


@lru_cache(maxsize=None)
def is_candidate(word: str) -> bool:
    return (_HAN.fullmatch(word) is not None and word not in segment.function_words()
            and word not in formula.words()
            and _NUMBERISH.fullmatch(word) is None and segment.in_dictionary(word))


def candidates(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Renumber the candidate tokens' word ids 0..n-1: (codes, word id of each code)."""
    vocab, codes = np.unique(ids, return_inverse=True)
    return codes, vocab


def tfidf(codes: np.ndarray, vocab: np.ndarray, idf: np.ndarray, top: int = 20) -> dict:
    """Term frequency among candidates times `idf` (one value per vocabulary word)."""
    if not len(codes):
        return _frame([], [], "tfidf")
    tf = np.bincount(codes, minlength=len(vocab)) / len(codes)
    weight = tf * idf
    best = np.argsort(-weight, kind="stable")[:top]
    best = best[weight[best] > 0]  # a word every report uses says nothing about this one
    return _frame(vocab[best], weight[best], "tfidf")


def textrank(codes: np.ndarray, vocab: np.ndarray, top: int = 20, window: int = 5,
             damping: float = 0.85, iterations: int = 30) -> dict:
    """TextRank (Mihalcea & Tarau 2004): PageRank on the co-occurrence graph of
    candidates within `window` tokens, edges weighted by co-occurrence count
    (each co-occurrence is one entry of src/dst, so bincount adds the weights)."""
    n = len(vocab)
    if n < 2:
        return _frame([], [], "textrank")
    src = np.concatenate([codes[:-k] for k in range(1, window) if k < len(codes)])
    dst = np.concatenate([codes[k:] for k in range(1, window) if k < len(codes)])
    keep = src != dst
    src, dst = np.concatenate([src[keep], dst[keep]]), np.concatenate([dst[keep], src[keep]])
    out = np.bincount(src, minlength=n).astype(float)  # weighted degree: co-occurrences
    share = 1 / out[src]
    score = np.ones(n)
    for _ in range(iterations):  # the ranking settles in about ten rounds
        new = (1 - damping) + damping * np.bincount(dst, weights=share * score[src], minlength=n)
        done = np.abs(new - score).max() < 5e-3
        score = new
        if done:
            break
    best = np.argsort(-score, kind="stable")[:top]
    return _frame(vocab[best], score[best] / score.max(), "textrank")


def _frame(terms, weights, method: str) -> dict:
    """Columns of a keyword table (`table` joins the two methods)."""
    return {"term": list(terms), "weight": [float(w) for w in weights], "method": [method] * len(terms)}


def table(*parts: dict) -> dict:
    """The keyword table of both methods (columns)."""
    return {c: sum((p[c] for p in parts), []) for c in COLUMNS}
