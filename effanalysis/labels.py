"""What the pages call the package's column names and category values, in the reader's language.

The tables keep their column names (`surface`, `norm_value`: the data's interface,
as in the downloads); only what the page shows is translated. Each name is
marked here with `N_` so that extraction finds it, and translated where shown.
A name without an entry is shown as it is (tests/test_i18n.py checks the pages'
table headers are all translated).
"""
from __future__ import annotations

from .i18n import N_, NC_, gettext as _, pgettext

HEADERS = {
    # metadata and cleaning
    "field": N_("field"), "value": N_("value"), "step": N_("step"), "what": N_("what"), "edits": N_("edits"),
    "chars_before": N_("characters before"), "chars_after": N_("characters after"), "line": N_("line"),
    "url": N_("address"), "href": N_("address"), "date": N_("date"),
    "from": N_("from"), "to": N_("to"), "likely_from": N_("likely from"), "likely_to": N_("likely to"),
    "evidence": N_("evidence"),
    # claims and audit
    "surface": N_("as written"), "kind": N_("kind"), "subject": N_("subject"), "norm_value": N_("value (normalised)"),
    "unit": N_("unit"), "qualifier": N_("qualifier"), "low": N_("low"), "high": N_("high"),
    "relation": N_("compared with"), "status": N_("status"), "check": N_("check"), "message": N_("message"),
    "rows": N_("claims"), "section": N_("section"), "doc": N_("document"), "part_of": N_("part of"),
    "multiplier": N_("multiplier"), "sentence": N_("sentence no."), "start": N_("start"), "end": N_("end"),
    # language
    "name": N_("name"), "position": N_("position"), "count": N_("count"), "term": N_("term"),
    "first_year": N_("first year"), "last_year": N_("last year"), "frequency": N_("frequency"),
    "title": N_("title"), "chars": N_("characters"), "sentences": N_("sentences"),
    "concreteness": N_("concreteness"), "boilerplate_density": N_("boilerplate density"),
    "readability": N_("readability"), "template": N_("heading template"), "measure": N_("measure"),
    "weight": N_("weight"),
    # corpus
    "label": N_("document"), "document": N_("document"), "year": N_("year"), "characters": N_("characters"),
    "next_year": N_("next year"), "gap": N_("years apart"), "share_pct": N_("share (%)"),
    "shared_sentences": N_("shared sentences"), "target": N_("target"), "outcome": N_("outcome"),
    "difference": N_("difference"), "target_surface": N_("target as written"),
    "outcome_surface": N_("outcome as written"), "text": N_("sentence"), "role": N_("role"), "about": N_("about"),
    "within": N_("year within the estimate"), "off_by": N_("years off"), "terms": N_("distinctive words"),
    "claims": N_("claims"), "claims_per_10k": N_("claims per 10,000 characters"),
    "concreteness_pct": N_("concreteness (%)"),
    # targets (the report's targets section)
    "written_as": N_("indicator as written"), "form": N_("form"), "last_year_outcome": N_("last year's outcome"),
    "indicator": N_("indicator"), "verdict": N_("verdict"), "target_doc": N_("target from"),
    "outcome_doc": N_("outcome from"), "note": N_("note"), "place": N_("place"), "report": N_("report"),
}

VALUES = {
    "kind": {"count": NC_("claim kind", "count"), "money": N_("money"), "quantity": N_("quantity"), "duration": N_("duration"),
             "percent": N_("percent"), "multiple": N_("multiple"), "share": N_("share"), "growth": N_("growth"),
             "ordinal": N_("ordinal"), "rank": N_("rank"), "frequency": N_("frequency")},
    # "about" is also a column of the ledger (what a figure is about): a context of its own
    "qualifier": {"exact": N_("exact"), "over": N_("over"), "under": N_("under"),
                  "approx": NC_("claim qualifier", "about"), "range": N_("range")},
    "check": {"implied_baseline": N_("implied baseline"), "part_exceeds_whole": N_("part exceeds whole"),
              "part_ratio": N_("part of a whole"), "share_over_100": N_("share over 100%"),
              "conflicting_values": N_("conflicting values"), "growth_contradiction": N_("growth against levels"),
              "target_outcome": N_("target and outcome")},
    "step": {"invisible": N_("invisible characters"), "pinyin": N_("pinyin"), "simplified": N_("Simplified script"),
             "digits": N_("full-width digits"), "chrome": N_("site chrome"), "whitespace": N_("whitespace"), "punctuation": N_("punctuation"),
             "head": N_("document head")},
    "what": {"invisible": N_("line ends normalised, zero-width characters removed"),
             "pinyin": N_("pinyin annotations removed"),
             "simplified": N_("Traditional characters converted to Simplified"),
             "digits": N_("full-width digits made ASCII"),
             "chrome": N_("site chrome removed (header widgets, related-article lists)"),
             "whitespace": N_("indentation, blank lines and stray line breaks normalised"),
             "punctuation": N_("half-width punctuation between Chinese characters made full-width"),
             "head": N_("document metadata read from the head")},
    "verdict": {"met": N_("met"), "missed": N_("missed"), "no_outcome": N_("no outcome yet"),
                "not_comparable": N_("not comparable")},
    "role": {"target": N_("target"), "outcome": N_("outcome"), "average": N_("average")},
    "measure": {"value": N_("readability (0 = typical report, higher = harder)"),
                "chars_per_clause": N_("characters per clause"),
                "adverb_conjunction_share": N_("share of adverbs and conjunctions"),
                "clauses": N_("clauses"), "words": N_("words")},
    "field": {"document": N_("document"), "title": N_("title"), "file": N_("file"), "subtitle": N_("subtitle"),
              "speaker": N_("speaker"), "speaker_title": N_("speaker's title"), "time": N_("time"),
              "date": N_("date"), "year": N_("year"), "source": N_("source"), "url": N_("address"),
              "encoding": N_("encoding"), "format": N_("format"), "characters (cleaned)": N_("characters (cleaned)"),
              "sentences": N_("sentences")},
}


def header(column: str) -> str:
    """The header a page shows for a column."""
    return _(HEADERS[column]) if column in HEADERS else str(column)


def value(column: str, raw) -> str:
    """A category value as the page shows it (`kind` "growth" → 增长); other values unchanged."""
    known = VALUES.get(column, {})
    return _shown(known[raw]) if isinstance(raw, str) and raw in known else raw


def _shown(message) -> str:
    return pgettext(*message) if isinstance(message, tuple) else _(message)


def translate_column(frame, column: str, key: str | None = None):
    """A copy of `frame` with `column`'s category values translated (`key`: which
    vocabulary, default the column's own; e.g. the cleaning log's `what` by `step`)."""
    if frame is None or column not in frame:
        return frame
    if key is not None:
        vocab = VALUES.get(column, {})
        return frame.assign(**{column: [(_shown(vocab[k]) if k in vocab else v)
                                        for k, v in zip(frame[key], frame[column])]})
    return frame.assign(**{column: frame[column].map(lambda v: value(column, v))})


__all__ = ["HEADERS", "VALUES", "header", "value", "translate_column"]


# --- targets and the ledger ----------------------------------------------------------------------
FORMS = {"bound (at least)": N_("bound (at least)"), "bound (at most)": N_("bound (at most)"),
         "point with tolerance (左右)": N_("point with tolerance (左右)"), "interval": N_("interval"),
         "point": N_("point")}


def target_form(form) -> str:
    """A target's form (metrics.targets.FORMS) as the page shows it."""
    return _(FORMS[form]) if form in FORMS else form


def indicator_name(indicator: str) -> str:
    """An indicator as the reader knows it: its first Chinese name in the indicator lexicon
    (国内生产总值) on a Chinese page, its English label on an English one."""
    from .i18n import current
    from .metrics.status import indicator_table

    table = indicator_table()
    if indicator not in table.index:
        return indicator
    row = table.loc[indicator]
    return str(row["names"]).split("|")[0] if current() == "zh" else str(row["label"])


def ledger_line(line) -> str:
    """A note or warning of corpus.ledger (English, as the command line prints it) in the
    page's language; a line of another form as it is."""
    import re

    if not isinstance(line, str) or not line:
        return line
    out = []
    for part in re.split(r"(?<=\.) (?=[A-Z0-9])", line):
        m = (re.fullmatch(r"(?P<n>\d+) reports give (?P<what>targets|outcomes) for (?P<year>\d{4}): (?P<docs>.+)\.", part)
             or None)
        if m and m["what"] == "targets":
            out.append(_("{n} reports give targets for {year}: {docs}.").format(**m.groupdict()))
        elif m:
            out.append(_("{n} reports give outcomes for {year}: {docs}.").format(**m.groupdict()))
        elif part == "Which target each outcome answers is not known, so none is judged.":
            out.append(_("Which target each outcome answers is not known, so none is judged."))
        elif m := re.fullmatch(r"(?P<n>\d+) report\(s\) state no year of their own \((?P<docs>.+?)\): their figures "
                               r"that name no year are left out of the ledger\.", part):
            out.append(_("{n} report(s) state no year of their own ({docs}): their figures that name no year are "
                         "left out of the ledger.").format(**m.groupdict()))
        elif m := re.fullmatch(r"(?P<n>\d+) reports speak from (?P<year>\d{4})(?: for (?P<place>.+?))? \((?P<docs>.+?)\): "
                               r"their rows are listed separately, not merged\.", part):
            d = m.groupdict()
            out.append(_("{n} reports speak from {year} for {place} ({docs}): their rows are listed separately, not "
                         "merged.").format(**d) if d["place"] else
                       _("{n} reports speak from {year} ({docs}): their rows are listed separately, not merged.").format(
                           n=d["n"], year=d["year"], docs=d["docs"]))
        else:
            out.append(part)
    return " ".join(out)


SIDE_BY_SIDE = {"not stated": N_("not stated"), "median": N_("median"), "range": N_("range of values"),
                "reports stating it": N_("reports stating it")}


def side_by_side_cell(value):
    """A cell of corpus.ledger.side_by_side: its fixed words translated ("not stated", "3 of 4")."""
    import re

    if not isinstance(value, str):
        return value
    if value in SIDE_BY_SIDE:
        return _(SIDE_BY_SIDE[value])
    if m := re.fullmatch(r"(\d+) of (\d+)", value):
        return _("{n} of {total}").format(n=m[1], total=m[2])
    return value
