"""The Report: one cleaned document with its provenance, and the analyses of it.

Every analysis is computed once, on first use, and returns a tidy DataFrame
(one row per section, sentence, claim …) so notebooks only display and plot.
"""
from __future__ import annotations

import hashlib
import os
import re
from importlib import resources
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from . import io as _io, prepared
from .clean import Cleaned, OffsetMap, clean_text
from .errors import InputError
from .outline import Outline, build_outline, sentence_spans, sentences as _sentences

if TYPE_CHECKING:
    import pandas as pd

SEED_NAME = "000_b8b61ae6203f38bb.txt"


def default_source() -> Path:
    """The seed report, the default input of every command and notebook (package data:
    effanalysis.data, the repository's data/)."""
    return Path(str(resources.files("effanalysis.data") / "raw" / SEED_NAME))


@dataclass
class Report:
    doc: str                       # document id (file stem or corpus row id)
    original: str                  # the raw text as read (decoded, extracted)
    text: str                      # the cleaned Simplified text
    offsets: OffsetMap             # cleaned char → span of `original`
    meta: dict = field(default_factory=dict)
    cleaning_rows: list = field(default_factory=list)   # one dict per cleaning step
    related_rows: list = field(default_factory=list)    # related articles the site listed: title, date
    chrome: list = field(default_factory=list)
    source: str = ""

    @classmethod
    def from_text(cls, raw: str, doc: str = "text", meta: dict | None = None, source: str = "") -> "Report":
        c: Cleaned = clean_text(raw)
        meta = dict(meta or {})
        head = c.found.get("meta", {})
        for k, v in head.items():
            meta.setdefault(k, v)
        if head.get("title"):
            meta["title_line"] = head["title"]  # the title as the text itself states it
        meta.setdefault("title", _fallback_title(meta, doc))
        meta["pinyin_removed"] = c.found.get("pinyin_removed", 0)
        meta["converted_chars"] = c.found.get("converted_chars", 0)
        meta["joined_line_breaks"] = c.found.get("joined_line_breaks", 0)
        meta["script"] = c.found.get("script", "simplified")
        meta["head_end"] = c.found.get("head_end", 0)   # title, occasion, speaker lines end here
        rows = c.log_rows
        if meta.get("extraction"):   # an HTML page: how its text was found comes first in the log
            what = meta["extraction"] + (f"; warning: {meta['extraction_warning']}" if meta.get("extraction_warning") else "")
            rows = [{"step": "extract", "what": what, "edits": 0, "chars_before": meta.get("html_chars", len(raw)),
                     "chars_after": len(raw)}, *rows]
        return cls(doc=doc, original=raw, text=c.text, offsets=c.offsets, meta=meta, cleaning_rows=rows,
                   related_rows=c.found.get("related", []), chrome=c.found.get("chrome", []), source=source)

    # Frames are built on first use: reading a corpus makes thousands of Reports, and pandas
    # is imported only then (the claims of a corpus never need it: a third of a second saved).
    @cached_property
    def cleaning_log(self) -> pd.DataFrame:
        """One row per cleaning step: step, what, edits, chars_before, chars_after."""
        import pandas as pd

        from .clean import LOG_COLUMNS

        return pd.DataFrame(self.cleaning_rows, columns=LOG_COLUMNS)

    @cached_property
    def related(self) -> pd.DataFrame:
        """Related articles the site listed under the report: title, date."""
        import pandas as pd

        return pd.DataFrame(self.related_rows, columns=["title", "date"])

    # --- identity -------------------------------------------------------------
    META_KEYS = ("title", "speaker", "speaker_title", "occasion", "source", "date", "time")

    @property
    def facts(self) -> dict:
        """The report's own facts read from its head: title, speaker and title, occasion,
        source, date (ISO) and time; None where the text does not state them."""
        return {k: (self.title if k == "title" else self.meta.get(k)) for k in self.META_KEYS}

    @property
    def title(self) -> str:
        return self.meta.get("title", self.doc)

    @property
    def year(self) -> int | None:
        y = self.meta.get("year")
        try:
            return int(y) if y not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @cached_property
    def slug(self) -> str:
        """File-system-safe name for outputs: ASCII id plus a short hash."""
        return slug(self.doc, self.source)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that cleaned text[start:end] came from."""
        return self.offsets.span(start, end)

    # --- structure ----------------------------------------------------------
    @cached_property
    def outline(self) -> Outline:
        return build_outline(self.text, self.title, self.meta.get("title_line", ""))

    @cached_property
    def sections(self) -> pd.DataFrame:
        return self.outline.sections

    @property
    def section_columns(self) -> dict[str, list]:
        """The sections as plain columns (SECTION_COLUMNS → list), no frame built."""
        return self.outline.section_columns

    @cached_property
    def sentence_spans(self) -> tuple:
        """(starts, ends) of the sentences as int arrays: the cheap form of `sentences`."""
        return sentence_spans(self.text)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        return _sentences(self.text, self.outline.sections, self.sentence_spans)

    # --- analyses (each in its own module, computed once) ----------------
    @cached_property
    def claims(self) -> pd.DataFrame:
        """One row per quantitative claim (columns: metrics.CLAIM_COLUMNS)."""
        from .metrics import extract_claims

        return extract_claims(self)

    @cached_property
    def targets(self) -> pd.DataFrame:
        """This year's targets, one row per indicator, with last year's outcome where stated
        (columns: metrics.targets.TARGET_COLUMNS)."""
        from .metrics.targets import targets_of

        return targets_of(self)

    @cached_property
    def audit(self) -> pd.DataFrame:
        """Derived figures and consistency checks over the claims."""
        from .metrics import audit_claims

        return audit_claims(self.claims, self)

    def profile(self):
        """Language profile (keywords, people, media, slogans, era, mechanisms, sections)."""
        if "_profile" not in self.__dict__:
            from .language import profile

            self.__dict__["_profile"] = profile(self)
        return self.__dict__["_profile"]


def slug(doc: str, source: str = "") -> str:
    """The output name of document `doc` of `source`: ASCII id plus a short hash
    (a page's file name; batch adds `-row<N>` to a repeated id's later rows)."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", doc).strip("-")[:40]
    digest = hashlib.sha1(f"{source}|{doc}".encode()).hexdigest()[:8]
    return f"{base}-{digest}" if base else digest


def _fallback_title(meta: dict, doc: str) -> str:
    return str(meta.get("title") or meta.get("html_title") or doc)


def iter_reports(path: str | Path, text_column: str | None = None, id_column: str | None = None,
                 on_error: Callable[[InputError], None] | None = None) -> Iterator[Report]:
    """Reports of a file: one for a document, one per row for a corpus file. A row
    that cannot be used raises InputError naming its line, or, with `on_error`, is
    handed to it and skipped, so the other rows are still read."""
    for raw in _io.read(path, text_column, id_column):
        try:
            if raw["error"]:
                raise InputError(path, raw["error"])
            report = _report(raw, path)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        yield report


def _report(raw: dict, path: str | Path) -> Report:
    report = Report.from_text(raw["text"], doc=raw["doc"], meta=raw["meta"], source=str(path))
    if not report.text.strip():   # nothing but page furniture
        where = "" if raw["row"] is None else f"document {raw['doc']!r} (row {raw['row']}): "
        raise InputError(path, f"{where}no report text found (only page furniture: menus, toolbars, links)")
    return report


def load(path: str | Path | None = None, doc: str | int | None = None, text_column: str | None = None,
         id_column: str | None = None, row: int | None = None) -> Report:
    """Read and clean one report. For a corpus file, `row` picks a document by its
    1-based row and `doc` by its id, or, when no row has that id, by row number
    (default: the first). Given both, the row must hold that id: a page is never
    made from another row's text."""
    path = Path(path) if path else default_source()
    if os.environ.get(prepared.ENV):   # in a kernel that `effanalysis render` started: analysed already?
        ready = prepared.take(prepared.key(path, doc, text_column, id_column, row), str(path))
        if ready is not None:
            return ready
    wanted, by_number = None, None
    for raw in _io.read(path, text_column, id_column):
        position = raw["row"] or 1
        if row is not None:
            hit = position == int(row)
        elif doc is None:
            hit = True
        else:
            hit = raw["doc"] == str(doc)
            if not hit and by_number is None and str(doc) == str(position):
                by_number = raw
        if hit:
            wanted = raw
            break
    wanted = wanted or by_number
    if wanted is None:
        raise InputError(path, f"has no row {row}" if row is not None else f"has no document {doc!r}")
    if row is not None and doc is not None and wanted["doc"] != str(doc) and not wanted["error"]:
        raise InputError(path, f"row {row} is document {wanted['doc']!r}, not {str(doc)!r} (the file changed?)")
    if wanted["error"]:
        raise InputError(path, wanted["error"])
    return _report(wanted, path)
