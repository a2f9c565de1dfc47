"""Offset maps: every character of a cleaned text knows the span it came from.

A map holds two int arrays, `start` and `end`, one entry per character of the
derived text: character j came from original[start[j]:end[j]]. Edits are applied
and maps composed with numpy (no per-character Python loop), because cleaning
runs at millions of characters per second.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

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


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap | None]:
    """Apply sorted, non-overlapping edits; return the new text and its map
    (None when nothing changed, so callers can skip composition)."""
    edits = [e for e in edits if text[e[0]:e[1]] != e[2]]
    if not edits:
        return text, None
    n = len(text)
    pieces: list[str] = []
    seg_len, seg_src, seg_cap, seg_end, seg_kept = [], [], [], [], []
    pos = 0
    for s, e, repl in edits:
        if s < pos:
            raise ValueError(f"overlapping edits at {s}")
        if s > pos:
            pieces.append(text[pos:s])
            seg_len.append(s - pos); seg_src.append(pos); seg_cap.append(0); seg_end.append(s); seg_kept.append(True)
        if repl:
            pieces.append(repl)
            seg_len.append(len(repl)); seg_src.append(s)
            seg_cap.append(max(e - s - 1, 0)); seg_end.append(e); seg_kept.append(False)
        pos = e
    if pos < n:
        pieces.append(text[pos:])
        seg_len.append(n - pos); seg_src.append(pos); seg_cap.append(0); seg_end.append(n); seg_kept.append(True)
    new = "".join(pieces)
    lens = np.asarray(seg_len, dtype=np.int64)
    total = int(lens.sum())
    seg_id = np.repeat(np.arange(len(lens)), lens)
    out_start = np.concatenate(([0], np.cumsum(lens)[:-1]))
    within = np.arange(total, dtype=np.int64) - out_start[seg_id]
    src = np.asarray(seg_src, dtype=np.int64)[seg_id]
    kept = np.asarray(seg_kept)[seg_id]
    cap = np.asarray(seg_cap, dtype=np.int64)[seg_id]
    seg_e = np.asarray(seg_end, dtype=np.int64)[seg_id]
    last_of_seg = within == (lens[seg_id] - 1)
    start = np.where(kept, src + within, src + np.minimum(within, cap))
    # A replacement's last character (or any beyond the original's length)
    # covers the rest of the replaced span, so spans never lose source text.
    end = np.where(kept, start + 1, np.where(last_of_seg | (within >= cap), seg_e, start + 1))
    return new, OffsetMap(start, np.maximum(end, start), n)
