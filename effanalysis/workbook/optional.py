"""Optional analyses (sections appear as their modules land) and the kernel's warm-up."""
from __future__ import annotations

import pandas as pd

from .. import i18n, measures
from ..escape import esc
from .blocks import Section

def _has(module: str, attr: str | None = None) -> bool:
    """Whether this version of the package has an analysis (not whether it works:
    once present, an analysis that raises fails the notebook)."""
    import importlib
    import importlib.util

    if importlib.util.find_spec(module) is None:
        return False
    return attr is None or hasattr(importlib.import_module(module), attr)


def claims_of(report) -> pd.DataFrame | None:
    return report.claims if _has("effanalysis.metrics.claims") else None


def audit_of(report) -> pd.DataFrame | None:
    return report.audit if _has("effanalysis.metrics.audit") else None


def profile_of(report):
    return report.profile() if _has("effanalysis.language", "profile") else None


def warm_up() -> None:
    """Load what the sections load on first use, in the order the report notebook
    needs it (the renderer runs this in a background thread of the kernel, see
    effanalysis.warmup): the language profile with the segmenter's dictionary and
    word table, the charts (matplotlib), the claims and the audit."""
    if _has("effanalysis.language", "profile"):
        from ..language import segment, vocab

        segment.tokenizer()
        vocab.vocabulary()
    from .. import plots  # noqa: F401
    import xlsxwriter  # noqa: F401  (the downloads)
    # The page's words: both catalogs, Babel's locale data (the first number it formats
    # loads them, 0.06 s) and the measures' corpus reference.
    for lang in i18n.LANGS:
        i18n.translations(lang)
        i18n.num(1234.5, lang=lang)
    measures.reference()
    for module in ("effanalysis.metrics.claims", "effanalysis.metrics.audit"):
        if _has(module):
            import importlib

            importlib.import_module(module)


def _missing(name: str, sentence: str) -> Section:
    return Section(name, f'<p class="muted">{esc(sentence)}</p>', {"available": False})
