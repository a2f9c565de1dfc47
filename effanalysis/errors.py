"""Errors the user can act on.

`InputError` means the *input* is at fault (missing, empty, binary, undecodable,
too large, unsupported). The command line turns it into exit status 2 and one
line on stderr; everything else is an internal failure (exit 1).
"""
from __future__ import annotations

from pathlib import Path


def quote(name: str | Path) -> str:
    """A name as a message shows it: unchanged when every character prints, else
    quoted with escapes (a file called "a\\nb.txt" must not split the message)."""
    text = str(name)
    return text if text.isprintable() else repr(text)


def one_line(text: str) -> str:
    """`text` with line breaks and other unprintable characters escaped."""
    return text if text.isprintable() else "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class InputError(Exception):
    """A document or argument that cannot be analysed, with the file named."""

    def __init__(self, path: str | Path | None, problem: str):
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{quote(self.path)}: {one_line(problem)}" if self.path else one_line(problem))
