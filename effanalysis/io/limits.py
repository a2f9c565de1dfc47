"""How much input we accept, on disk and once unpacked.

A .docx is a zip archive: 5 MB on disk can hold 700 MB of XML. The limit on the
file's size is therefore checked again on what a reader unpacks (the sizes in
the zip directory, before anything is parsed) and on the text it extracts.
"""
from __future__ import annotations

import os

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
UNPACKED_FACTOR = 4     # a document's unpacked parts may be this many times the file limit


def max_bytes() -> int:
    """Size limit in bytes: 50 MB unless EFFANALYSIS_MAX_BYTES says otherwise."""
    value = os.environ.get("EFFANALYSIS_MAX_BYTES")
    return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES


def max_unpacked() -> int:
    """Limit on the bytes a reader may unpack from one compressed file."""
    return UNPACKED_FACTOR * max_bytes()


def max_text_chars() -> int:
    """Limit on the characters extracted from one document (a 50 MB text file holds
    at most about that many)."""
    return max_bytes()


def size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n} bytes"
