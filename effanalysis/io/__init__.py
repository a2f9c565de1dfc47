"""Input: one entry point for every kind of file a user is likely to have.

`read(path)` yields raw documents (dicts with doc, text, meta) from a single
document (.txt/.html/.docx/.pdf) or a corpus file (.jsonl/.csv, one per row).
Every problem with the input is an `InputError` naming the file.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .corpus import iter_corpus
from .decode import decode
from .readers import reader_for

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
CORPUS_SUFFIXES = (".jsonl", ".csv")


def max_bytes() -> int:
    """Size limit in bytes: 50 MB unless EFFANALYSIS_MAX_BYTES says otherwise."""
    value = os.environ.get("EFFANALYSIS_MAX_BYTES")
    return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES


def check_file(path: str | Path, limit: int | None = None) -> Path:
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a file")
    size = p.stat().st_size
    limit = max_bytes() if limit is None else limit
    if size > limit:
        raise InputError(p, f"is too large ({_size(size)}; the limit is {_size(limit)}, "
                            "set EFFANALYSIS_MAX_BYTES to change it)")
    if size == 0:
        raise InputError(p, "is empty")
    try:
        with open(p, "rb"):
            pass
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror})") from None
    return p


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n} bytes"


def is_corpus(path: str | Path) -> bool:
    return Path(path).suffix.lower() in CORPUS_SUFFIXES


def read(path: str | Path, text_column: str | None = None, id_column: str | None = None,
         limit: int | None = None) -> Iterator[dict]:
    p = check_file(path, limit)
    if is_corpus(p):
        yield from iter_corpus(p, text_column, id_column)
        return
    reader = reader_for(p)
    data = p.read_bytes()
    if reader is None:
        # Unknown extension: accept it if the bytes are text.
        from .readers import read_txt as reader
    text, info = reader(data, str(p))
    if not text.strip():
        raise InputError(p, "has no text (empty or whitespace only)")
    yield {"doc": p.stem, "text": text, "meta": info, "row": None}


__all__ = ["read", "decode", "check_file", "is_corpus", "InputError", "DEFAULT_MAX_BYTES"]
