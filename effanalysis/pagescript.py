"""The pages' inline scripts (templates/*.js) with the Content-Security-Policy source of each.

A light module (no nbconvert): the index page, which a batch rerun writes without
rendering anything, and the report pages both take their script from here.
"""
from __future__ import annotations

import base64
import functools
import hashlib
from importlib import resources
from pathlib import Path

TEMPLATES = Path(str(resources.files("effanalysis") / "templates"))


@functools.cache
def inline_script(name: str) -> tuple[str, str]:
    """A script of templates/ to inline, and the Content-Security-Policy source that
    allows exactly that text ('sha256-…'): no 'unsafe-inline', nothing else runs."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"sha256-{digest}"
