"""Every word met gets a process-wide id, with its facts (word-class flags, IDF)
in arrays indexed by that id.

A report is encoded with one dictionary lookup per token, done in C (`encode`);
a word is classified in Python only the first time it is seen. Everything
per-token after that is numpy indexing, which keeps a profile close to the cost
of segmentation. The table starts from the words the shipped tables already
classify: every word of the IDF table is a keyword candidate; function words
never are.
"""
from __future__ import annotations

import threading
from itertools import repeat

import numpy as np

from . import entities, idf, keywords, segment

HAN_WORD, ADV_CONJ, CANDIDATE, BODY, MEDIA = 1, 2, 4, 8, 16


def _classify(word: str) -> int:
    return ((HAN_WORD if "\u4e00" <= word[:1] <= "\u9fff" else 0)
            | (ADV_CONJ if segment.function_words().get(word) in ("d", "c") else 0)
            | (CANDIDATE if keywords.is_candidate(word) else 0) | _ends(word))


def _ends(word: str) -> int:
    return (BODY if entities.body_word(word) else 0) | (MEDIA if entities.media_word(word) else 0)


class _Vocabulary(dict):
    """word → id; flags, idf, length and the word itself as arrays by id (grown by doubling)."""

    def __init__(self):
        super().__init__()
        table, self.unseen = idf.table()
        fw = segment.function_words()
        extra = [w for w in fw if w not in table]
        words = [*table, *extra]
        flags = [HAN_WORD | CANDIDATE] * len(table) + [HAN_WORD | (ADV_CONJ if fw[w] in ("d", "c") else 0)
                                                          for w in extra]
        n, size = len(words), 1 << max(15, len(words).bit_length())
        # The arrays are filled in one go (the table is built in every kernel that
        # draws a report, so its cost is paid on every render).
        self.flags = np.zeros(size, dtype=np.int8)
        self.flags[:n] = np.array(flags, dtype=np.int8) | np.fromiter(map(_ends, words), dtype=np.int8, count=n)
        self.idf = np.zeros(size)
        self.idf[:n] = [*table.values(), *[self.unseen] * len(extra)]
        self.words = np.empty(size, dtype=object)
        self.words[:n] = words
        self.lengths = np.zeros(size, dtype=np.int64)
        self.lengths[:n] = np.fromiter(map(len, words), dtype=np.int64, count=n)
        self.update(zip(words, range(n)))

    def _add(self, word: str, flags: int, weight: float) -> int:
        i = len(self)
        if i == len(self.flags):
            self.flags, self.idf, self.words, self.lengths = (
                np.concatenate([a, np.zeros_like(a)]) for a in (self.flags, self.idf, self.words, self.lengths))
        self.flags[i], self.idf[i], self.words[i], self.lengths[i] = flags, weight, word, len(word)
        self[word] = i
        return i

    def __missing__(self, word: str) -> int:
        return self._add(word, _classify(word), self.unseen)  # not in the IDF table: unseen


_vocabulary: _Vocabulary | None = None
_building = threading.Lock()


def vocabulary() -> _Vocabulary:
    """The one table of the process. Built under a lock: a renderer's kernel may build
    it in a background thread (effanalysis.warmup) while a cell asks for it, and ids
    from one table must never index another."""
    global _vocabulary
    if _vocabulary is None:
        with _building:
            if _vocabulary is None:
                _vocabulary = _Vocabulary()
    return _vocabulary


def encode(tokens: list[str]) -> np.ndarray:
    """The id of every token."""
    v = vocabulary()
    # dict.get runs in C; only the few words not seen before go through __missing__.
    ids = np.fromiter(map(v.get, tokens, repeat(-1)), dtype=np.int64, count=len(tokens))
    for i in np.flatnonzero(ids < 0).tolist():
        ids[i] = v[tokens[i]]
    return ids
