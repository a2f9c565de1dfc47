"""Cleaning: a pipeline of small steps, each logged and offset-mapped.

`clean_text(raw)` returns a `Cleaned` record: the cleaned Simplified text, an
`OffsetMap` to the raw text, a log (one row per step) and what the steps found
(metadata, related articles, chrome). Each step is also a plain `str -> str`
function (see `steps`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .offsets import OffsetMap
from .steps import STEPS, Step, remove_pinyin, remove_chrome, convert_to_simplified, normalize_whitespace

__all__ = ["Cleaned", "clean_text", "OffsetMap", "STEPS", "Step", "remove_pinyin", "remove_chrome",
           "convert_to_simplified", "normalize_whitespace"]


@dataclass
class Cleaned:
    text: str
    offsets: OffsetMap
    log_rows: list[dict]  # one per step; a frame only when asked for (a corpus makes thousands)
    found: dict = field(default_factory=dict)

    @property
    def log(self) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame(self.log_rows, columns=LOG_COLUMNS)


LOG_COLUMNS = ["step", "what", "edits", "chars_before", "chars_after"]


def clean_text(raw: str, steps: tuple[Step, ...] = STEPS) -> Cleaned:
    text, mapping, found, rows = raw, None, {}, []  # mapping None: the identity so far
    for step in steps:
        new, new_map, n_edits = step.apply(text, found, mapping)
        if new_map is not None:
            mapping = new_map
        rows.append({"step": step.name, "what": step.what, "edits": n_edits,
                     "chars_before": len(text), "chars_after": len(new)})
        text = new
    mapping = OffsetMap.identity(len(raw)) if mapping is None else mapping
    return Cleaned(text, mapping, rows, found)
