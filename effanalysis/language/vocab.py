"""Per-word facts (word class flags, IDF) looked up for a whole vocabulary at once.

A document has a few thousand distinct words and the corpus some tens of
thousands; classifying each word once per process and looking a document's
vocabulary up in one pass over its distinct words keeps this out of the
per-token Python loop that would otherwise cost more than segmentation.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import repeat

import numpy as np

from . import entities, idf, keywords, segment

HAN_WORD, ADV_CONJ, CANDIDATE, BODY, MEDIA = 1, 2, 4, 8, 16

def _classify(word: str) -> int:
    return ((HAN_WORD if "\u4e00" <= word[0] <= "\u9fff" else 0)
            | (ADV_CONJ if segment.function_words().get(word) in ("d", "c") else 0)
            | (CANDIDATE if keywords.is_candidate(word) else 0) | _ends(word))


def _ends(word: str) -> int:
    return (BODY if entities.body_word(word) else 0) | (MEDIA if entities.media_word(word) else 0)


@lru_cache(maxsize=None)
def _known() -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """The words the shipped tables classify: every word of the IDF table is a
    keyword candidate; function words never are. (index, flags, idf)"""
    table, _ = idf.table()
    fw = segment.function_words()
    words = list(table) + [w for w in fw if w not in table]
    flags = np.array([HAN_WORD | CANDIDATE | _ends(w) for w in table]
                     + [HAN_WORD | (ADV_CONJ if fw[w] in ("d", "c") else 0) | _ends(w) for w in words[len(table):]],
                     dtype=np.int8)
    return {w: i for i, w in enumerate(words)}, flags, idf.lookup(words)


_other: dict[str, int] = {}  # flags of the other words met so far (their idf is the unseen one)


def lookup(vocab: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(flags, idf) for each word of `vocab` (distinct words)."""
    index, known_flags, known_idf = _known()
    pos = np.fromiter(map(index.get, vocab, repeat(-1)), dtype=np.int64, count=len(vocab))
    other = pos < 0
    flags, weights = known_flags[pos], known_idf[pos]
    flags[other] = [_other[w] if w in _other else _other.setdefault(w, _classify(w)) for w in vocab[other]]
    weights[other] = idf.table()[1]
    return flags, weights
