"""What each measure on the pages means, and where a value stands against the bundled corpus.

A measure is explained where it is shown: what it counts, its scale, which direction is
better or more formulaic, and a reference point computed from the bundled corpus
(lexicons/measure_reference.tsv: per measure the median, the 10th and 90th percentiles
and the range over the documents where it is defined, and how many documents the corpus
holds, so that a page says what the reference is computed over). `python -m effanalysis.measures` rebuilds that table
with the same `document_scores` a page uses for its own report, so the report's value
and the reference are computed alike. Each section also carries a method note: what was
computed, from what, and the known limits.
"""
from __future__ import annotations

import sys
from functools import lru_cache

import numpy as np
import pandas as pd

from . import i18n
from .escape import esc
from .i18n import N_, gettext as _
from .language import lexicon

REFERENCE = "measure_reference.tsv"
SCORES = ("concreteness", "boilerplate_density", "readability", "claims_per_10k")
PER_SECTION = ("concreteness", "boilerplate_density")   # undefined for a document whose outline finds no heading

# what it counts · its scale · which way is better or more formulaic
MEANING = {
    "concreteness": (N_("the share of sentences anchored by a number, a name or a date"),
                     N_("0–100%"), N_("higher is more concrete")),
    "boilerplate_density": (N_("formula words (切实, 积极, 进一步 …) and 以X为Y frames per 1,000 characters"),
                            N_("0 and up"), N_("higher is more formulaic")),
    "readability": (N_("the mean of two corpus z-scores: characters per clause, and the share of adverbs and "
                       "conjunctions among the words (Xu, Yao and Chen 2021)"),
                    N_("0 is a typical State Council report, 1 is one standard deviation"),
                    N_("higher is harder to read")),
    "claims_per_10k": (N_("quantitative claims (numbers with a unit) per 10,000 characters"),
                       N_("0 and up"), N_("higher states more figures")),
    "keyword_weight": (N_("TF-IDF: how often a word is used here, weighted by how few documents of the bundled "
                          "corpus use it"),
                       N_("relative: compare the bars with each other"), N_("higher is more specific to this text")),
    "era": (N_("the years in which every dated formulation the text uses was current"),
            N_("a span of years; the likely span is the narrower one"), N_("narrower is more certain")),
    "reuse_share": (N_("the share of a report's sentences found, near-copied, in another report"),
                    N_("0–100%"), N_("higher is more copied")),
    "audit_status": (N_("checks derived from the claims: implied baselines, parts against wholes, conflicting "
                        "values"),
                     N_("ok or warn"), N_("a warning is a contradiction to read in the text, not always an error")),
    "target_form": (N_("how the report writes each target: a bound (5%以上), a point with tolerance (5%左右), an "
                       "interval (4.5%—5%) or a point"),
                    N_("one of those forms, kept as written"), N_("a bound is a commitment; a point with 左右 leaves "
                                                                   "room either side")),
    "verdict": (N_("the target for a year against the outcome the next year's report states, by the rules below"),
                N_("met, missed, no outcome yet, no target stated or not comparable"),
                N_("met is better; not comparable means the units do not match or the outcome cannot be "
                   "assigned to one target")),
}
NAMES = {"concreteness": N_("Concreteness"), "boilerplate_density": N_("Boilerplate density"),
         "readability": N_("Readability"), "claims_per_10k": N_("Claims per 10,000 characters"),
         "keyword_weight": N_("Keyword weight"), "era": N_("Era"), "reuse_share": N_("Reuse share"),
         "audit_status": N_("Audit status"), "target_form": N_("Target form"), "verdict": N_("Verdict")}


def document_scores(report) -> dict:
    """One report's document-level scores: concreteness and boilerplate density as the
    length-weighted mean over its sections, readability of the whole text, claims per
    10,000 characters. None where the report has no sections (or no text)."""
    p = report.profile()
    s = p.sections
    w = s["chars"].to_numpy(float) if len(s) else np.array([])
    weighted = (lambda col: float(np.average(s[col], weights=w))) if len(s) and w.sum() else (lambda col: None)
    value = (p.readability or {}).get("value")
    return {**{m: weighted(m) for m in PER_SECTION},
            "readability": None if value is None else float(value),
            "claims_per_10k": len(report.claims) / max(len(report.text), 1) * 1e4}


def build_reference(reports) -> pd.DataFrame:
    """The reference table from a corpus: one row per score (documents where it is defined,
    corpus: documents read, median, p10, p90, min, max) plus the share of the reports with a
    known year whose era estimate holds it."""
    rows = [document_scores(r) for r in reports]
    frame = pd.DataFrame(rows, columns=list(SCORES))
    out = []
    for col in SCORES:
        v = frame[col].dropna().to_numpy(float)
        out.append({"measure": col, "documents": len(v), "corpus": len(rows), "median": np.median(v),
                    "p10": np.percentile(v, 10), "p90": np.percentile(v, 90), "min": v.min(), "max": v.max()})
    from .corpus import trends

    eras = trends.eras(reports).dropna(subset=["year", "from"])
    share = float(eras["within"].astype(bool).mean()) if len(eras) else np.nan
    out.append({"measure": "era_within", "documents": len(eras), "corpus": len(rows), "median": share, "p10": share,
                "p90": share, "min": share, "max": share})
    return pd.DataFrame(out)


STATS = ("median", "p10", "p90", "min", "max")


def write_reference(frame: pd.DataFrame) -> str:
    lines = ["# Document-level measures over the bundled corpus (python -m effanalysis.measures rebuilds it);",
             "# documents: those where the measure is defined, corpus: all documents read",
             "\t".join(("measure", "documents", "corpus") + STATS)]
    lines += ["\t".join([r.measure, str(int(r.documents)), str(int(r.corpus))] + [f"{getattr(r, k):.6g}" for k in STATS])
              for r in frame.itertuples()]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=None)
def reference() -> dict[str, dict]:
    """measure → {documents, corpus, median, p10, p90, min, max} of the bundled corpus."""
    df = lexicon.table(REFERENCE)
    return {r["measure"]: {k: float(r[k]) for k in ("documents", "corpus") + STATS} for r in df.to_dict("records")}


# --- how a page says it -------------------------------------------------------------------------
def shown(measure: str, value) -> str:
    """A value of a measure as the page shows it."""
    if value is None or value != value:
        return "—"
    if measure in ("concreteness", "reuse_share", "era_within"):
        return i18n.pct(value)
    return i18n.num(value, 2 if measure == "readability" else 1)


def standing(measure: str, value) -> str:
    """Where `value` stands against the bundled corpus, as a sentence."""
    ref = reference().get(measure)
    if ref is None or value is None or value != value:
        return ""
    v = float(value)
    if v < ref["p10"]:
        where = _("lower than nine in ten of them")
    elif v > ref["p90"]:
        where = _("higher than nine in ten of them")
    elif v < ref["median"]:
        where = _("below their median")
    else:
        where = _("at or above their median")
    return _("This document: {value}, {where}.").format(value=shown(measure, v), where=where)


def reference_sentence(measure: str) -> str:
    """'Over all 72 documents of the bundled corpus: median 32.6, …', or, where the measure is
    defined for some of them only, which ones ('Over the 49 of the bundled corpus's 72
    documents whose headings were found (this measure is computed per section): …')."""
    ref = reference().get(measure)
    if ref is None:
        return ""
    n, total = int(ref["documents"]), int(ref["corpus"])
    if n == total:
        said = _("Over all {n} documents of the bundled corpus: median {median}, {p10} to {p90} for the middle 80%, "
                 "{min} to {max} in all.")
    elif measure in PER_SECTION:
        said = _("Over the {n} of the bundled corpus's {total} documents whose headings were found (this measure is "
                 "computed per section): median {median}, {p10} to {p90} for the middle 80%, {min} to {max} in all.")
    else:
        said = _("Over the {n} of the bundled corpus's {total} documents where this measure is defined: median "
                 "{median}, {p10} to {p90} for the middle 80%, {min} to {max} in all.")
    return said.format(n=i18n.num(n), total=i18n.num(total), **{k: shown(measure, ref[k]) for k in STATS})


def explain(measure: str, value=None, reference_point: bool = True) -> str:
    """A short paragraph for a measure where it is shown (HTML, escaped): name, what it
    counts, scale and direction, the corpus reference, and this document's standing."""
    counts, scale, direction = MEANING[measure]
    first = _("{name}: {counts}. Scale: {scale}; {direction}.").format(
        name=_(NAMES[measure]), counts=_(counts), scale=_(scale), direction=_(direction))
    rest = [reference_sentence(measure), standing(measure, value)] if reference_point else []
    return '<p class="measure">' + esc(" ".join(s for s in [first, *rest] if s)) + "</p>"


def era_reference() -> str:
    ref = reference().get("era_within")
    if ref is None:
        return ""
    return _("Of the bundled corpus's {total} documents, {n} have a known year; for {share} of these the estimated "
             "span holds that year.").format(n=i18n.num(int(ref["documents"])), total=i18n.num(int(ref["corpus"])),
                                             share=i18n.pct(ref["median"]))


METHOD = {
    "overview": N_("Cleaning works on the bytes as read: decoding, then steps that each record their edits (pinyin "
                   "annotations, Traditional characters, site chrome, whitespace), so every character of the cleaned "
                   "text maps back to the original. The era comes from a lexicon of dated formulations: it says when "
                   "the wording was current, not when the text was written, and a text that quotes old slogans can "
                   "look older than it is."),
    "structure": N_("Headings are found by their markers (一、 (一) 1. …) when they start or continue a series; lead "
                    "sentences are the first sentences under a heading, 一是… items the enumerations. A report whose "
                    "headings carry no markers shows as one block."),
    "claims": N_("A claim is a number with its unit (measure word, %, 元 …), read with its qualifier (余, 近, 以上), its "
                 "multiplier (万, 亿) and the subject the sentence gives it. The audit derives what the figures imply "
                 "(a share of a plan gives the plan) and flags parts larger than their whole, shares over 100% and "
                 "one subject with two values. Calendar years, plan periods (五年计划) and fixed phrases (一带一路) are "
                 "not claims; a subject is read from the words before the number and can be wrong in long "
                 "sentences."),
    "language": N_("Words are cut with a jieba dictionary; keywords are weighted against the bundled corpus of State "
                   "Council reports, so words common in all government reports weigh little. People, organisations "
                   "and media come from title words and patterns, formulations from a dated lexicon. Concreteness, "
                   "boilerplate density and readability are computed per section and compared with the same measures "
                   "over the bundled corpus; for other kinds of documents (county summaries, self-inspection "
                   "reports) the corpus is a reference point, not a norm."),
    "text": N_("The text after cleaning; each highlighted figure is one row of the claims table, with its reading in "
               "the tooltip."),
    "downloads": N_("The tables keep the package's column names, so a spreadsheet or a script reads them as the "
                    "claims table documents them; CSV files are UTF-8 with a byte-order mark for Excel."),
    "reuse": N_("Sentences of at least the minimum length are hashed into character shingles; MinHash LSH proposes "
                "pairs of similar sentences and an alignment score verifies them. A report's reuse share is the "
                "share of its sentences found in the other report. Sentences found in most documents are treated as "
                "boilerplate and left out. Paraphrase below the similarity threshold is not counted."),
    "series": N_("Figures about one subject are taken from the claims of each dated report: the target a report sets "
                 "for its own year (预期目标, 左右, 力争 …) and the outcome it reports for the year before; figures over "
                 "several years (年均, 五年来) are kept apart."),
    "formulations": N_("Dated formulations are matched in each report; the era of a report is the span in which all "
                       "the formulations it uses were current, checked here against the real year of the dated "
                       "reports."),
    "keywords": N_("Log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), as "
                   "z-scores: a word counts as distinctive when one document uses it much more than the rest, "
                   "allowing for how rare it is."),
    "targets": N_("Targets are the claims the report states for the year it plans (预期目标, 左右, 以上 …) for a lexicon "
                  "of standard indicators (growth, prices, jobs, unemployment, revenue, trade, grain, energy, money "
                  "supply, deficit) and their names in reports of any level; last year's outcome is the figure its "
                  "review of the year before states. An indicator outside the lexicon is not listed."),
    "ledger": N_("Each dated report gives the targets for its own year and, in its review, the outcomes of the year "
                 "before; reports are grouped by the place they speak for, and a target is judged against the "
                 "outcome of the same indicator, place and year in a comparable unit. A verdict needs both figures: "
                 "a missing or vague outcome leaves the target open."),
    "concreteness": N_("Document-level concreteness and boilerplate density are the length-weighted means of the "
                       "sections' values; claims per 10,000 characters counts every quantitative claim."),
}


def method_note(section: str) -> str:
    """The method note under a section (HTML, escaped)."""
    label, note = _("Method"), _(METHOD[section])
    return f'<aside class="method"><strong>{esc(label)}</strong> {esc(note)}</aside>'


def main(argv: list[str] | None = None) -> int:
    """Rebuild lexicons/measure_reference.tsv from the bundled corpus."""
    from .language.idf import CORPUS
    from .report import iter_reports

    frame = build_reference(list(iter_reports(CORPUS)))
    path = lexicon.path(REFERENCE)
    path.write_text(write_reference(frame), encoding="utf-8")
    print(f"{path.name}: {len(frame)} measures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
