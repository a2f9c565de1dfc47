"""Offset maps: every character of a cleaned text knows the span it came from.

A map holds two int arrays, `start` and `end`, one entry per character of the
derived text: character j came from original[start[j]:end[j]]. Edits are applied
and maps composed with numpy (no per-character Python loop), because cleaning
runs at millions of characters per second.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

Edit = tuple[int, int, str]  # replace text[start:end] with the string


@dataclass(frozen=True)
class OffsetMap:
    start: np.ndarray
    end: np.ndarray
    source_length: int

    @classmethod
    def identity(cls, n: int) -> "OffsetMap":
        idx = np.arange(n, dtype=np.int64)
        return cls(idx, idx + 1, n)

    def __len__(self) -> int:
        return len(self.start)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original span of the derived span [a, b)."""
        if b <= a:
            pos = int(self.start[a]) if a < len(self.start) else self.source_length
            return pos, pos
        return int(self.start[a]), int(self.end[b - 1])

    def spans(self, starts: Sequence[int], ends: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """Vectorized `span` for non-empty spans."""
        s = np.asarray(starts, dtype=np.int64)
        e = np.asarray(ends, dtype=np.int64)
        return self.start[s], self.end[e - 1]

    def then(self, step: "OffsetMap") -> "OffsetMap":
        """Compose: `self` maps text B to A, `step` maps C to B; result maps C to A."""
        if len(step) == 0:
            return OffsetMap(step.start.copy(), step.end.copy(), self.source_length)
        start = self.start[np.minimum(step.start, len(self.start) - 1)]
        last = np.maximum(step.end - 1, step.start)
        end = self.end[np.minimum(last, len(self.end) - 1)]
        return OffsetMap(start, np.maximum(end, start), self.source_length)


FEW_EDITS = 32


def apply_edits(text: str, edits: Sequence[Edit], base: OffsetMap | None = None) -> tuple[str, OffsetMap | None]:
    """Apply sorted, non-overlapping edits; return the new text and its map —
    to `text`, or to the source of `base` (a map of `text`) when given — or None
    when nothing changed, so callers can skip composition."""
    edits = [e for e in edits if text[e[0]:e[1]] != e[2]]
    if not edits:
        return text, None
    n = len(text)
    s = np.fromiter((e[0] for e in edits), dtype=np.int64, count=len(edits))
    e = np.fromiter((e[1] for e in edits), dtype=np.int64, count=len(edits))
    r = np.fromiter((len(e[2]) for e in edits), dtype=np.int64, count=len(edits))
    kept_from = np.concatenate(([0], e))          # kept runs: text[kept_from[k]:kept_to[k]]
    kept_to = np.concatenate((s, [n]))
    if np.any(kept_to < kept_from):
        raise ValueError(f"overlapping edits at {int(s[np.argmax(kept_to < kept_from) - 1])}")
    pieces = [text[a:b] for a, b in zip(kept_from.tolist(), kept_to.tolist())]
    new = pieces[0] + "".join(rep + piece for (_, _, rep), piece in zip(edits, pieces[1:]))
    if len(edits) <= FEW_EDITS and r.max() <= 1 and n:
        # A few edits (a header, a footer): slice the base map instead of
        # building a map of every character and composing it.
        return new, _edit_map(base if base is not None else OffsetMap.identity(n), s, e, r, kept_from, kept_to)
    step = _step_map(n, s, e, r, kept_from, kept_to)
    return new, step if base is None else base.then(step)


def _edit_map(base: OffsetMap, s, e, r, kept_from, kept_to) -> OffsetMap:
    """`base.then(step map of the edits)`, built from slices of `base`."""
    last = len(base) - 1
    starts, ends = [], []
    for k in range(len(s) + 1):
        starts.append(base.start[kept_from[k]:kept_to[k]])
        ends.append(base.end[kept_from[k]:kept_to[k]])
        if k < len(s) and r[k]:
            a = base.start[min(s[k], last)]
            b = base.end[min(max(e[k] - 1, s[k]), last)]
            starts.append(np.array([a]))
            ends.append(np.array([max(a, b)]))
    return OffsetMap(np.concatenate(starts), np.concatenate(ends), base.source_length)


def _step_map(n: int, s, e, r, kept_from, kept_to) -> OffsetMap:
    """The map of the edited text to `text`, one entry per character."""
    m = len(s)
    seg_len = np.empty(2 * m + 1, dtype=np.int64)
    seg_len[0::2], seg_len[1::2] = kept_to - kept_from, r
    seg_src = np.empty(2 * m + 1, dtype=np.int64)
    seg_src[0::2], seg_src[1::2] = kept_from, s
    if r.max() <= 1:
        # Deletions and one-character replacements (nearly every edit): each
        # output character sits at a fixed shift from its source, and a
        # replacing character covers the whole span it replaced.
        out_start = np.cumsum(seg_len) - seg_len
        shift = np.repeat(seg_src - out_start, seg_len)
        start = np.arange(len(shift), dtype=np.int64) + shift
        width = np.ones(2 * m + 1, dtype=np.int64)
        width[1::2] = e - s
        return OffsetMap(start, start + np.repeat(width, seg_len), n)
    seg_end = np.empty(2 * m + 1, dtype=np.int64)
    seg_end[0::2], seg_end[1::2] = kept_to, e
    seg_cap = np.zeros(2 * m + 1, dtype=np.int64)
    seg_cap[1::2] = np.maximum(e - s - 1, 0)
    seg_kept = np.zeros(2 * m + 1, dtype=bool)
    seg_kept[0::2] = True
    seg_id = np.repeat(np.arange(2 * m + 1), seg_len)
    out_start = np.cumsum(seg_len) - seg_len
    within = np.arange(len(seg_id), dtype=np.int64) - out_start[seg_id]
    src, kept, cap, seg_e = seg_src[seg_id], seg_kept[seg_id], seg_cap[seg_id], seg_end[seg_id]
    last_of_seg = within == (seg_len[seg_id] - 1)
    start = np.where(kept, src + within, src + np.minimum(within, cap))
    # A replacement's last character (or any beyond the original's length)
    # covers the rest of the replaced span, so spans never lose source text.
    end = np.where(kept, start + 1, np.where(last_of_seg | (within >= cap), seg_e, start + 1))
    return OffsetMap(start, np.maximum(end, start), n)
