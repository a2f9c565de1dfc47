"""1. Overview: what the document is and what cleaning changed, with its estimated era."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import i18n, labels, measures
from ..handover import section
from ..i18n import _, ngettext
from .blocks import Section, heading, lede, muted, table

def display_title(report, title: str | None = None) -> str:
    return title or report.title


def cleaning_sentence(report) -> str:
    meta, done = report.meta, []
    n = int(meta.get("pinyin_removed") or 0)
    if n:
        done.append(ngettext("removed {n} pinyin annotation", "removed {n} pinyin annotations", n).format(n=i18n.num(n)))
    n = int(meta.get("converted_chars") or 0)
    if n:
        done.append(ngettext("converted {n} Traditional character to Simplified",
                             "converted {n} Traditional characters to Simplified", n).format(n=i18n.num(n)))
    n = len(report.chrome)
    if n:
        done.append(ngettext("dropped {n} line of site chrome", "dropped {n} lines of site chrome", n).format(
            n=i18n.num(n)))
    n = len(report.related)
    if n:
        done.append(ngettext("set aside a list of {n} related article", "set aside a list of {n} related articles",
                             n).format(n=i18n.num(n)))
    n = int(meta.get("joined_line_breaks") or 0)
    if n:
        done.append(ngettext("joined {n} broken line", "joined {n} broken lines", n).format(n=i18n.num(n)))
    if not done:
        return _("The text needed no cleaning beyond whitespace and punctuation.")
    return _("Cleaning {actions}.").format(actions=i18n.clauses(done))


def era_sentence(era: dict | None) -> str:
    """'Its formulations date it to 2007–2012 (at the widest 2003–2012).'"""
    if not era or (era.get("from") is None and era.get("to") is None):
        return ""
    lo, hi = era.get("from"), era.get("to")
    if not era.get("evidence") or (lo is not None and hi is not None and hi - lo > 40):
        return _("Its wording does not narrow down when it was written.")

    def span(lo, hi) -> str:
        if lo is None or hi is None:
            return (_("{year} or later").format(year=i18n.year(lo)) if hi is None
                    else _("{year} or earlier").format(year=i18n.year(hi)))
        if lo == hi:
            return _("{year}").format(year=i18n.year(lo))
        return _("{start}–{end}").format(start=i18n.year(lo), end=i18n.year(hi))

    likely = span(era.get("likely_from", era.get("from")), era.get("likely_to", era.get("to")))
    widest = span(era.get("from"), era.get("to"))
    if widest != likely:
        return _("Its formulations date it to {likely} (at the widest {widest}).").format(likely=likely, widest=widest)
    return _("Its formulations date it to {likely}.").format(likely=likely)


@section
def overview(report, title: str | None = None) -> Section:
    raw_chars = int(report.cleaning_log["chars_before"].iloc[0]) if len(report.cleaning_log) else len(report.original)
    chars = len(report.text)
    era = report.profile().era
    # the reader's format, else the file's (a corpus row: jsonl, csv); a text given directly has neither
    fmt = report.meta.get("format") or (Path(report.source).suffix.lstrip(".").lower() if report.source else "")
    first = (_("“{title}” runs to {chars} characters after cleaning ({raw} as read from the {format} file).") if fmt
             else _("“{title}” runs to {chars} characters after cleaning ({raw} as read).")).format(
        title=display_title(report, title), chars=i18n.num(chars), raw=i18n.num(raw_chars), format=fmt)
    meta_rows = [("document", report.doc), ("title", report.title)]
    if report.source:
        meta_rows.append(("file", Path(report.source).name))
    shown_as = {"date": i18n.date, "year": i18n.year}
    meta_rows += [(k, shown_as.get(k, str)(report.meta[k]))
                  for k in ("subtitle", "speaker_title", "speaker", "date", "time", "year", "source", "url",
                            "encoding", "format")
                  if report.meta.get(k) not in (None, "")]
    meta_rows += [("characters (cleaned)", chars), ("sentences", len(report.sentences))]
    meta = pd.DataFrame(meta_rows, columns=["field", "value"])
    log = labels.translate_column(labels.translate_column(report.cleaning_log, "what", key="step"), "step")
    parts = [lede(first, cleaning_sentence(report), era_sentence(era)),
             heading(_("Metadata")), table(meta),
             heading(_("What cleaning did")),
             table(log, ["step", "what", "edits", "chars_before", "chars_after"])]
    if report.chrome:
        parts += [heading(_("Page chrome dropped")), table(pd.DataFrame({"line": report.chrome}))]
    if len(report.related):
        parts += [heading(_("Related articles listed by the site")), table(report.related)]
    if era:
        ev = era.get("evidence") or []
        parts += [heading(_("Estimated era")),
                  table(pd.DataFrame([{k: era.get(k) for k in ("from", "to", "likely_from", "likely_to")}])),
                  table(pd.DataFrame({"evidence": [i18n.translate(e) for e in ev]})),
                  measures.explain("era", reference_point=False), muted(measures.era_reference())]
    parts.append(measures.method_note("overview"))
    facts = {"title": display_title(report, title), "doc": report.doc, "slug": report.slug, "chars": chars,
             "raw_chars": raw_chars, "pinyin_removed": int(report.meta.get("pinyin_removed", 0)),
             "converted_chars": int(report.meta.get("converted_chars", 0)), "chrome": len(report.chrome),
             "related": len(report.related), "year": report.year,
             "date": str(report.meta.get("date") or "") or None,
             "era": {k: era.get(k) for k in ("from", "to", "likely_from", "likely_to")} if era else None}
    return Section("overview", "".join(parts), facts, page={"title": facts["title"], "lang": i18n.current()})
