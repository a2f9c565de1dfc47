"""What the report notebook shows: one function per section, each returning HTML.

Every section opens with sentences computed from *this* report, then tables and
charts. All report text is escaped here, before it becomes HTML: tables, the
highlighted text, titles, tooltips. A `Section` also carries the facts it
states; displaying it records them in the notebook's output (mimetype
RECORD_MIME), where tests read them and the page export drops them.

One module per section (overview, structure, claims, targets, language, text,
downloads), each with its sentences; `blocks` holds what they share. The section
functions are imported here, so `wb.overview` is the function (the module of the
same name is `effanalysis.workbook.overview` in `from … import`).
"""
from __future__ import annotations

from .. import i18n, measures
from ..escape import esc
from .blocks import RECORD_MIME, Section, figure, heading, is_year_column, lede, muted, table
from .claims import CLAIM_SHOWN, claims_section, claims_sentences
from .downloads import XLSX, csv_bytes, data_link, downloads, xlsx_bytes
from .language import language, language_sentences
from .overview import cleaning_sentence, display_title, era_sentence, overview
from .structure import outline_html, structure, structure_sentences
from .targets import targets_section
from .text import text_html, text_section


# --- the page's language ---------------------------------------------------------------------------
def page_language(lang: str | None, report=None) -> str:
    """Set the language of the sections that follow: `lang` ("zh" | "en"), or with None
    Chinese for a Chinese document and English otherwise. Returns it."""
    return i18n.use(lang, report.text if report is not None else "")


def warm_up() -> None:
    """Load what the sections load on first use, in the order the report notebook
    needs it (the renderer runs this in a background thread of the kernel, see
    effanalysis.warmup): the language profile with the segmenter's dictionary and
    word table, the claims and the audit (the page's charts need no matplotlib: effanalysis.bars)."""
    import os

    from .. import prepared
    from ..language import profiling, segment, vocab  # noqa: F401 (the profile's parts: the package imports them on first use)

    if not os.environ.get(prepared.ENV):   # else the rendering process analyses the report
        segment.tokenizer()
        vocab.vocabulary()
    import xlsxwriter  # noqa: F401  (the downloads)
    # The page's words: both catalogs, Babel's locale data (the first number it formats
    # loads them, 0.06 s) and the measures' corpus reference.
    for lang in i18n.LANGS:
        i18n.translations(lang)
        i18n.num(1234.5, lang=lang)
    measures.reference()
    from ..metrics import audit, claims  # noqa: F401


__all__ = ["RECORD_MIME", "Section", "esc", "figure", "heading", "is_year_column", "lede", "muted", "table",
           "CLAIM_SHOWN", "claims_section", "claims_sentences", "XLSX", "csv_bytes", "data_link", "downloads",
           "xlsx_bytes", "language", "language_sentences", "warm_up",
           "cleaning_sentence", "display_title", "era_sentence", "overview", "outline_html", "structure",
           "structure_sentences", "targets_section", "text_html", "text_section", "page_language"]
