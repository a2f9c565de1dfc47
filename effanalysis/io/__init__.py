"""Input: one entry point for every kind of file a user is likely to have.

`read(path)` yields raw documents (dicts with doc, text, meta) from a single
document (.txt/.html/.docx/.pdf) or a corpus file (.jsonl/.csv, one per row).
Every problem with the input is an `InputError` naming the file.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterator

from ..errors import InputError, quote
from .corpus import iter_corpus
from .decode import decode, has_text
from .limits import DEFAULT_MAX_BYTES, max_bytes
from .limits import size as _size
from .readers import reader_for

CORPUS_SUFFIXES = (".jsonl", ".csv")


def _link_loop(p: Path) -> str:
    """The chain of symbolic links from `p` back to itself, e.g. "a -> b -> a"."""
    chain, seen, cur = [str(p)], {os.path.abspath(p)}, p
    for _ in range(40):
        if not cur.is_symlink():
            break
        cur = Path(os.path.normpath(cur.parent / os.readlink(cur)))
        chain.append(str(cur))
        if os.path.abspath(cur) in seen:
            return " -> ".join(quote(c) for c in chain)
        seen.add(os.path.abspath(cur))
    return "too many levels of symbolic links"


def check_file(path: str | Path, limit: int | None = None) -> Path:
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(p, "no such file" + (" (a symbolic link to nothing)" if p.is_symlink() else "")) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(p, f"is a symbolic link loop ({_link_loop(p)})") from None
        raise InputError(p, f"cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(p, "is a directory, not a file")
    size = st.st_size
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


def is_corpus(path: str | Path) -> bool:
    return Path(path).suffix.lower() in CORPUS_SUFFIXES


def read(path: str | Path, text_column: str | None = None, id_column: str | None = None,
         limit: int | None = None) -> Iterator[dict]:
    """Yield {doc, text, meta, row, line, error} per document. A corpus row that cannot
    be used comes with `error` set (see io.corpus); a single document that cannot be
    read, and a corpus file that cannot be read at all, raise InputError."""
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
    if not has_text(text):
        raise InputError(p, "has no text (empty, whitespace or invisible characters only)")
    yield {"doc": p.stem, "text": text, "meta": info, "row": None, "line": None, "error": None}


__all__ = ["read", "decode", "check_file", "is_corpus", "has_text", "max_bytes", "InputError", "DEFAULT_MAX_BYTES"]
