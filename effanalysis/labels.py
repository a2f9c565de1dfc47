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
                "no_target": N_("no target stated"), "not_comparable": N_("not comparable")},
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
