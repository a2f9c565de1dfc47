"""Traditional → Simplified, only where the text is Traditional.

Conversion uses the official OpenCC wheel (t2s); the decision uses the
character classes of `hanzidentifier` (CC-CEDICT): a character is
Traditional-only, Simplified-only or shared. Converting Simplified text would
turn correct proper nouns wrong (乾县 → 干县, 昇腾 → 升腾), so a text is
converted throughout only when it is Traditional (its Traditional-only
characters far outnumber its Simplified-only ones); in any other text only the
Traditional-only characters are converted — except in paragraphs that are
Traditional by themselves, converted throughout: a paragraph without a
Traditional-only character stays exactly as written, and in a Simplified
paragraph a shared character (乾, 昇) keeps the author's form.
Proper nouns that t2s gets wrong (`lexicons/t2s_guard.txt`) are restored
after converting real Traditional text.

OpenCC's t2s maps character for character here (checked: length is preserved
on the seed and on every corpus row), so the offset map of this step is the
identity; should a phrase ever change length, the caller falls back to
converting line by line (see `steps._t2s`).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

GUARD_FILE = resources.files("effanalysis") / "lexicons" / "t2s_guard.txt"   # package data
_LAST = 0x2FFFF  # last code point of the CJK planes looked up
TRADITIONAL, SIMPLIFIED = 1, 2
# A text is Traditional when its Traditional-only characters outnumber its
# Simplified-only ones this many times (sites that convert leave a few 并 …).
TRADITIONAL_RATIO = 20
MIN_TRADITIONAL_LINE = 3   # a line is judged on its own with at least this many Traditional-only characters


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """OpenCC t2s of the whole text, unconditionally."""
    return _converter().convert(text)


_UNKNOWN = 255


@lru_cache(maxsize=1)
def _script_table() -> np.ndarray:
    """Code point → 0 (shared or not Han), 1 (Traditional only), 2 (Simplified only),
    from hanzidentifier's per-character identification; Han code points start as
    unknown and are identified when a text first uses them (a few thousand a
    document, instead of all 90,000 at start-up)."""
    table = np.zeros(_LAST + 1, dtype=np.uint8)
    for lo, hi in ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, _LAST)):
        table[lo:hi + 1] = _UNKNOWN
    return table


def _identify(table: np.ndarray, code_points: np.ndarray) -> None:
    import hanzidentifier

    kinds = {hanzidentifier.TRADITIONAL: TRADITIONAL, hanzidentifier.SIMPLIFIED: SIMPLIFIED}
    for cp in np.unique(code_points).tolist():
        table[cp] = kinds.get(hanzidentifier.identify(chr(cp)), 0)


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def script_counts(text: str) -> tuple[int, int]:
    """(Traditional-only, Simplified-only) characters of `text`."""
    kinds = _kinds(_codes(text))
    return int(np.count_nonzero(kinds == TRADITIONAL)), int(np.count_nonzero(kinds == SIMPLIFIED))


def _kinds(codes: np.ndarray) -> np.ndarray:
    table = _script_table()
    capped = np.minimum(codes, _LAST)
    kinds = table[capped]
    unknown = kinds == _UNKNOWN
    if unknown.any():
        _identify(table, capped[unknown])
        kinds = table[capped]
    return kinds


def simplify(text: str) -> tuple[str | None, str]:
    """(Simplified text, script) with script "traditional" (converted throughout),
    "simplified" (unchanged) or "mixed" (only its Traditional-only characters
    converted, so shared characters such as 乾 and 昇 keep the form the author
    wrote). The text is None when t2s changed the length (a phrase mapped to a
    longer or shorter one): the caller then converts line by line."""
    codes = _codes(text)
    kinds = _kinds(codes)
    trad = kinds == TRADITIONAL
    n_trad = int(np.count_nonzero(trad))
    if n_trad == 0:
        return text, "simplified"
    n_simp = int(np.count_nonzero(kinds == SIMPLIFIED))
    converted = to_simplified(text)
    if len(converted) != len(text):
        return None, "traditional" if n_simp * TRADITIONAL_RATIO <= n_trad else "mixed"
    if n_simp * TRADITIONAL_RATIO <= n_trad:   # Traditional throughout (a stray 并 left by a converting site)
        return guard_proper_nouns(text, converted), "traditional"
    # Mixed: Traditional paragraphs are converted throughout, the rest only in its
    # Traditional-only characters.
    take = trad | _traditional_lines(codes, trad, kinds == SIMPLIFIED)
    out = codes.copy()
    out[take] = _codes(converted)[take]
    return guard_proper_nouns(text, out.tobytes().decode("utf-32-le")), "mixed"


def _traditional_lines(codes: np.ndarray, trad: np.ndarray, simp: np.ndarray) -> np.ndarray:
    """Mask of the characters on lines that are Traditional by themselves."""
    breaks = np.flatnonzero(codes == 10)
    starts = np.concatenate(([0], breaks + 1))
    ends = np.concatenate((breaks, [len(codes)]))
    t_cum = np.concatenate(([0], np.cumsum(trad)))
    s_cum = np.concatenate(([0], np.cumsum(simp)))
    t_line, s_line = t_cum[ends] - t_cum[starts], s_cum[ends] - s_cum[starts]
    chosen = (t_line >= MIN_TRADITIONAL_LINE) & (s_line * TRADITIONAL_RATIO <= t_line)
    mask = np.zeros(len(codes), dtype=bool)
    for a, b in zip(starts[chosen].tolist(), ends[chosen].tolist()):
        mask[a:b] = True
    return mask


@lru_cache(maxsize=1)
def _guards() -> tuple[tuple[str, str], ...]:
    """(form found in the source, its correct Simplified form): both the
    Traditional and the Simplified spelling of each guarded name."""
    pairs = []
    for line in GUARD_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            trad, simp = line.split()[:2]
            pairs += [(trad, simp), (simp, simp)]
    return tuple(pairs)


def guard_proper_nouns(source: str, converted: str) -> str:
    """Restore the guarded names of `source` in its character-for-character
    conversion `converted` (乾县 stays 乾县, 昇騰 becomes 昇腾, not 升腾)."""
    fixes = []
    for form, simp in _guards():
        i = source.find(form)
        while i >= 0:
            if converted[i:i + len(simp)] != simp:
                fixes.append((i, simp))
            i = source.find(form, i + len(form))
    if not fixes:
        return converted
    out = list(converted)
    for i, simp in fixes:
        out[i:i + len(simp)] = simp
    return "".join(out)
