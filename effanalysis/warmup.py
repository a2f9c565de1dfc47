"""Warm a notebook kernel up in the background while it waits for its first cell.

A kernel spends its first moments idle: jupyter_client, after the kernel's first
reply, drains the kernel's output channel until it has been quiet for 0.2 s, and
the client handles every reply before sending the next cell. `render` starts a
kernel that imports, in a daemon thread, the modules of this package that the
notebook's cells import, and runs their `warm_up()` (loading what their
functions would load on first use: pandas, matplotlib, the segmenter's
dictionary). The cells then find those modules imported. Nothing changes for the
cells: an import is the same import (Python's import locks make a cell that needs
a module wait for the thread to finish it), and an import or warm-up that fails
here is left for the cell to meet and report where it belongs.
"""
from __future__ import annotations

import gc
import importlib
import re

PACKAGE = "effanalysis"
_NAME = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*")


def wanted(names) -> list[str]:
    """The names that are modules of this package, in order, without repeats."""
    out: list[str] = []
    for name in names:
        if (name == PACKAGE or name.startswith(PACKAGE + ".")) and _NAME.fullmatch(name) and name not in out:
            out.append(name)
    return out


def run(names) -> None:
    """Import each module and run its `warm_up()`, if it has one; errors are left to the cells.

    The garbage collector is paused meanwhile and then told to leave what exists
    alone (gc.freeze): imports make a few hundred thousand objects that live as
    long as the kernel, and every full collection scanned them all again, during
    the imports and then in the middle of a cell (0.04-0.05 s a time)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        for name in wanted(names):
            try:
                module = importlib.import_module(name)
                warm = getattr(module, "warm_up", None)
                if callable(warm):
                    warm()
            except Exception:   # noqa: BLE001 (the cell importing it will raise it where it is seen)
                continue
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def exec_line(names) -> str:
    """One line of code for the kernel's start-up (IPKernelApp.exec_lines): it starts
    the thread, which does all the importing, binds no name in the user's namespace
    and returns at once."""
    return (f"__import__('threading').Thread(target=lambda: __import__({__name__!r}, fromlist=['run'])"
            f".run({wanted(names)!r}), name='effanalysis-warm-up', daemon=True).start()")
