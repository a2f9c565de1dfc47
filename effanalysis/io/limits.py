"""How much input we accept, on disk and once unpacked.

A .docx is a zip archive: 5 MB on disk can hold 700 MB of XML. The limit on the
file's size is therefore checked again on what a reader unpacks (the sizes in
the zip directory, before anything is parsed) and on the text it extracts. A
PDF's page contents are deflated streams: 30 KB can hold 8 MB of text operators,
a minute of text extraction; their inflated size is checked, page by page,
before any text is extracted from them.
"""
from __future__ import annotations

import os

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
UNPACKED_FACTOR = 4     # a document's unpacked parts may be this many times the file limit
# A PDF's page contents (text-drawing operators, deflated) unpack to a few times the file's size; a
# file that unpacks to more than this many times its size is a decompression bomb (Apache POI refuses
# zip entries past the same ratio). Small files get the floor, so a short, very regular PDF passes.
MAX_INFLATE_RATIO = 100
INFLATE_FLOOR = 2 * 1024 * 1024


def max_bytes() -> int:
    """Size limit in bytes: 50 MB unless EFFANALYSIS_MAX_BYTES says otherwise."""
    value = os.environ.get("EFFANALYSIS_MAX_BYTES")
    return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES


def max_unpacked() -> int:
    """Limit on the bytes a reader may unpack from one compressed file."""
    return UNPACKED_FACTOR * max_bytes()


def max_inflated(packed: int) -> int:
    """Limit on the bytes a compressed document of `packed` bytes may inflate to."""
    return min(max_unpacked(), max(INFLATE_FLOOR, MAX_INFLATE_RATIO * packed))


def max_text_chars() -> int:
    """Limit on the characters extracted from one document (a 50 MB text file holds
    at most about that many)."""
    return max_bytes()


def size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n} bytes"
