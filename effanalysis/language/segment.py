"""Word segmentation with the project's user dictionary of official vocabulary.

jieba is the reference segmenter; rjieba (jieba-rs) gives the same tokens about
15-30x faster, so it is the one used (`agreement` measures the match on a text;
on the bundled corpus it is 99.999%: the only difference is a year range such as
2011-2020). Both get the user dictionary (lexicons/userdict.txt) added to a
private instance, so neither library's shared default dictionary is touched.
"""
from __future__ import annotations

import threading
from functools import lru_cache

import numpy as np

from . import lexicon


@lru_cache(maxsize=None)
def user_words() -> tuple[tuple[str, int], ...]:
    """(word, frequency) pairs of the user dictionary."""
    toks = []
    for line in lexicon.path("userdict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if parts:
            toks.append((parts[0], int(parts[1]) if len(parts) > 1 else 20000))
    return tuple(toks)


def _rjieba_class():
    """rjieba's `Jieba` class. `import rjieba` runs the package's __init__, which
    builds a default instance and so loads the whole dictionary for nothing here:
    0.14-0.32 s against 0.015-0.05 s for the extension module alone, in a fresh
    process after `import effanalysis` (bench/bench_render.py prints both). That is
    CPU of every render's kernel, and the kernel's CPU is most of the seed's time
    over the floor (the same bench), already above its 2x target. So load the
    extension module `rjieba.rjieba` on its own (registered under its own name, so a
    later `import rjieba` reuses it); no public API skips the default instance."""
    import importlib.machinery
    import importlib.util
    import sys

    ext = sys.modules.get("rjieba.rjieba")
    if ext is None:
        try:
            package = importlib.util.find_spec("rjieba")   # found, not executed
            finder = importlib.machinery.FileFinder(
                package.submodule_search_locations[0],
                (importlib.machinery.ExtensionFileLoader, importlib.machinery.EXTENSION_SUFFIXES))
            spec = finder.find_spec("rjieba.rjieba")
            ext = importlib.util.module_from_spec(spec)
            sys.modules["rjieba.rjieba"] = ext
            spec.loader.exec_module(ext)
        except Exception:   # another layout: the plain import
            sys.modules.pop("rjieba.rjieba", None)
            import rjieba

            return rjieba.Jieba
    return ext.Jieba


_tokenizer = None
_building = threading.Lock()


def tokenizer():
    """A private rjieba instance with the user dictionary, built once per process
    (under a lock: a renderer's kernel may be building it in its warm-up thread,
    effanalysis.warmup, when a cell asks for it)."""
    global _tokenizer
    if _tokenizer is None:
        with _building:
            if _tokenizer is None:
                tk = _rjieba_class()()
                for word, freq in user_words():
                    tk.add_word(word, freq, None)
                _tokenizer = tk
    return _tokenizer


@lru_cache(maxsize=None)
def reference_tokenizer():
    """A private jieba.Tokenizer with the same user dictionary (the reference)."""
    import jieba

    tk = jieba.Tokenizer()
    for word, freq in user_words():
        tk.add_word(word, freq)
    return tk


def cut(text: str) -> list[str]:
    """Tokens of `text`; they concatenate back to `text`."""
    return tokenizer().cut(text)


def reference_cut(text: str) -> list[str]:
    return list(reference_tokenizer().cut(text))


def starts(tokens: list[str]) -> np.ndarray:
    """Start offset of each token in the text they were cut from."""
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    return np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(tokens) else lengths


def agreement(texts: list[str]) -> float:
    """Share of reference (jieba) tokens that rjieba cuts at the same span, over all `texts`."""
    def spans(tokens):
        s = starts(tokens)
        return set(zip(s.tolist(), (s + np.fromiter(map(len, tokens), dtype=np.int64)).tolist()))

    same = total = 0
    for text in texts:
        ref = spans(reference_cut(text))
        same, total = same + len(ref & spans(cut(text))), total + len(ref)
    return same / total if total else 1.0


def in_dictionary(word: str) -> bool:
    """True for a word of jieba's dictionary or the user dictionary (not an HMM guess)."""
    return tokenizer().has_word(word)


# Closed word classes, from the tags of jieba's dictionary: d adverb, c conjunction,
# p preposition, r pronoun, u particle, f locative, q measure word, t time word,
# y/e/o modal, interjection, onomatopoeia. Readability counts d and c; keywords skip all.
FUNCTION_TAGS = ("d", "c", "p", "r", "u", "f", "q", "t", "y", "e", "o")


def build_function_words() -> str:
    """The text of lexicons/function_words.tsv, rebuilt from jieba's dictionary."""
    import jieba

    rows = []
    with jieba.get_dict_file() as fh:
        for line in fh:
            parts = line.decode("utf-8").split()
            if len(parts) == 3 and parts[2] in FUNCTION_TAGS:
                rows.append(f"{parts[0]}\t{parts[2]}")
    return "# Function words and their tags, derived from jieba's dictionary (segment.build_function_words).\nword\ttag\n" + "\n".join(sorted(rows)) + "\n"


@lru_cache(maxsize=None)
def function_words() -> dict[str, str]:
    header, body = lexicon.rows("function_words.tsv")
    word, tag = header.index("word"), header.index("tag")
    return {r[word]: r[tag] for r in body}
