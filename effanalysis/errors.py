"""Errors the user can act on.

`InputError` means the *input* is at fault (missing, empty, binary, undecodable,
too large, unsupported). The command line turns it into exit status 2 and one
line on stderr; everything else is an internal failure (exit 1).
"""
from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A document or argument that cannot be analysed, with the file named."""

    def __init__(self, path: str | Path | None, problem: str):
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)
