"""Language profile of a report: who and what it names, how much is formula and
how much is fact, and when it was written (`profile(report)`, in `profiling`).

The profile and its parts are imported on first use of `profile`, `Profile` or
`SECTION_COLUMNS`, not with the package: the claims need `language.segment` alone,
and the profile's modules bring pandas with them, a third of a second of every
`effanalysis metrics` run.
"""
from __future__ import annotations

__all__ = ["Profile", "profile", "SECTION_COLUMNS"]


def __getattr__(name: str):
    if name in __all__:
        from . import profiling

        return getattr(profiling, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
