"""What the corpus notebook shows: one function per section, each returning a
`workbook.Section` (escaped HTML plus the facts it states, recorded for tests).

Sections: the documents; text reuse (shared passages side by side, the reuse
matrix, consecutive years); promises and results (each indicator's targets against
its outcomes, the targets of one year's reports side by side); formulations over time
with the era estimates; distinctive keywords; concreteness across the corpus.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .. import handover, i18n, measures
from .. import labels as L
from ..i18n import _, ngettext
from ..handover import section
from ..workbook import Section, esc, figure, heading, lede, muted, table
from . import charts, trends
from .reuse import Reuse, find_reuse

FAR = 30   # "reports 30 years apart": pairs at least this many years apart


class Corpus(list):
    """The reports of a corpus, with the ids of the rows left out for having no text."""
    skipped: list


def load_corpus(source: str | Path, text_column: str | None = None, id_column: str | None = None) -> Corpus:
    """The reports of a corpus file (or a single document), in file order. A row
    without text is left out (and named in `skipped`) instead of stopping the page:
    the batch lists it as a failed document."""
    from .. import io as _io
    from ..report import Report

    out = Corpus()
    out.skipped = []
    seen: set[str] = set()
    for raw in _io.read(source, text_column, id_column):
        doc = raw["doc"]
        if doc in seen and raw["row"] is not None:
            # A repeated id: the row is its own document (named as batch names its page).
            meta = {**raw["meta"], "repeated_id": [doc, raw["row"]]}
            doc = f"{doc}-row{raw['row']}"
        else:
            meta = raw["meta"]
        seen.add(raw["doc"])
        if raw["text"].strip():
            out.append(Report.from_text(raw["text"], doc=doc, meta=meta, source=str(source)))
        else:
            out.skipped.append(doc)
    return out


def by_year(reports: list) -> list:
    """Dated reports by year, then the undated ones in file order."""
    return sorted(reports, key=lambda r: (r.year is None, r.year or 0))


def labels(reports: list) -> dict[str, str]:
    """doc → short unique label (the year, 十四届三次决议, …)."""
    out, seen = {}, {}
    for r in reports:
        lab = trends.label(r)
        seen[lab] = seen.get(lab, 0) + 1
        out[r.doc] = lab if seen[lab] == 1 else f"{lab} ({seen[lab]})"
    return out


def _pct(x) -> str:
    return "—" if x is None or (isinstance(x, float) and np.isnan(x)) else i18n.pct(x, 2)


def _n(x) -> str:
    return i18n.num(x)


def page_language(lang: str | None, reports: list) -> str:
    """Set the language of the sections that follow: `lang`, or with None Chinese when
    most documents are Chinese. Returns it."""
    if lang is None:
        langs = [i18n.detect(r.text) for r in reports[:20]]
        lang = "zh" if not langs or langs.count("zh") * 2 >= len(langs) else "en"
    return i18n.use(lang)


# --- 1. The documents ---------------------------------------------------------------------------
@section
def overview(reports: list, source: str = "", title: str | None = None) -> Section:
    title = title or _("Corpus workbook")
    dated = [r for r in reports if r.year]
    years = sorted(r.year for r in dated)
    chars = sum(len(r.text) for r in reports)
    first = ngettext("The corpus holds {n} document, {chars} characters after cleaning.",
                     "The corpus holds {n} documents, {chars} characters after cleaning.", len(reports)).format(
        n=_n(len(reports)), chars=_n(chars))
    if dated:
        first += " " + ngettext("{n} is dated, from {first} to {last}.", "{n} are dated, from {first} to {last}.",
                                len(dated)).format(n=_n(len(dated)), first=i18n.year(years[0]), last=i18n.year(years[-1]))
    else:
        first += " " + _("None is dated.")
    skipped = list(getattr(reports, "skipped", []))
    if skipped:
        first += " " + ngettext("{n} row without text was left out ({ids}).",
                                "{n} rows without text were left out ({ids}).", len(skipped)).format(
            n=_n(len(skipped)), ids="、".join(map(str, skipped[:5])))
    rows = pd.DataFrame([{"label": lab, "title": r.title, "year": r.year, "characters": len(r.text),
                          "sentences": len(r.sentences)}
                         for r, lab in zip(by_year(reports), labels(by_year(reports)).values())])
    facts = {"documents": len(reports), "dated": len(dated), "skipped": skipped, "chars": chars,
             "years": [years[0], years[-1]] if years else None, "source": Path(source).name if source else None}
    return Section("overview", lede(first) + table(rows, sortable=True), facts,
                   page={"title": title, "lang": i18n.current()})


# --- 2. Text reuse ------------------------------------------------------------------------------
def reuse_of(reports: list, min_similarity: float = 80, shingle: int = 5) -> Reuse:
    return find_reuse(by_year(reports), min_similarity=min_similarity, shingle=shingle)


def _pair_means(reuse: Reuse) -> tuple[float | None, float | None, int, int]:
    gap = reuse.by_gap() if reuse.docs["year"].notna().sum() >= 2 else pd.DataFrame(columns=["gap", "pairs", "share"])
    near = gap[gap["gap"] == 1]
    far = gap[gap["gap"] >= FAR]
    near_mean = float(near["share"].iloc[0]) if len(near) else None
    far_mean = float(np.average(far["share"], weights=far["pairs"])) if len(far) else None
    return near_mean, far_mean, int(near["pairs"].sum()), int(far["pairs"].sum())


def _side_by_side(passages: pd.DataFrame, names: dict, pages: dict | None) -> str:
    rows = []
    for p in passages.itertuples():
        cells = []
        for side in ("a", "b"):
            doc = getattr(p, f"doc_{side}")
            start, end = getattr(p, f"start_{side}"), getattr(p, f"end_{side}")
            name = esc(names.get(doc, doc))
            if pages and doc in pages:
                name = f'<a href="{esc(pages[doc])}">{name}</a>'
            cells.append(f'<td><div class="muted">{name} · {esc(_n(start))}–{esc(_n(end))}</div>'
                         f'<div>{esc(getattr(p, f"text_{side}"))}</div></td>')
        rows.append(f'<tr>{"".join(cells)}<td class="num">{esc(_n(p.chars))}</td>'
                    f'<td class="num">{p.similarity:.0f}</td></tr>')
    if not rows:
        return muted(_("(no shared passages)"))
    head = "".join(f"<th>{esc(h)}</th>" for h in (_("passage in one document"), _("its copy in another"),
                                                   _("characters"), _("similarity")))
    return ('<div class="table-wrap"><table class="side-by-side"><thead><tr>' + head + '</tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></div>")


@section
def reuse_section(reports: list, reuse: Reuse, top_n: int = 15, pages: dict | None = None) -> Section:
    names = labels(reports)
    near, far, n_near, n_far = _pair_means(reuse)
    passages = reuse.passages
    groups = reuse.groups
    n_boiler = int(groups["boilerplate"].sum()) if len(groups) else 0
    first = _("{units} sentences of at least {min_chars} characters were hashed; MinHash LSH proposed {candidates} "
              "candidate pairs, of which {verified} were verified as near-copies by alignment (similarity ≥ {min}).").format(
        units=_n(len(reuse.units)), min_chars=reuse.options.min_chars, candidates=_n(reuse.candidates),
        verified=_n(len(reuse.pairs)), min=f"{reuse.options.min_similarity:g}")
    second = ngettext("They make {n} shared passage between pairs of documents.",
                      "They make {n} shared passages between pairs of documents.", len(passages)).format(
        n=_n(len(passages)))
    third = ""
    if near is not None and far is not None:
        third = _("Consecutive reports share {near} of their text on average, reports {far_years} or more years apart "
                  "{far}.").format(near=_pct(near), far=_pct(far), far_years=FAR)
    elif near is not None:
        third = _("Consecutive reports share {near} of their text on average.").format(near=_pct(near))
    fourth = ngettext("{n} sentence found in most documents (site licence lines, set phrases) is treated as "
                      "boilerplate and left out of the shares.",
                      "{n} sentences found in most documents (site licence lines, set phrases) are treated as "
                      "boilerplate and left out of the shares.", n_boiler).format(n=_n(n_boiler)) if n_boiler else ""
    parts = [lede(first, second, third, fourth), measures.explain("reuse_share", reference_point=False),
             heading(_("Longest shared passages"))]
    parts.append(_side_by_side(passages.head(top_n), names, pages))

    ordered = [r.doc for r in by_year(reports)]
    m = reuse.matrix.loc[ordered, ordered]
    m.index = m.columns = [names[d] for d in ordered]
    if len(m) >= 2:
        parts += [heading(_("Reuse matrix")),
                  muted(_("Row document: the share of its text found, near-copied, in the column document.")),
                  figure(charts.heatmap(m * 100, _("Share of the row report's text found in the column report (%)"),
                                        _("% (scale capped at the 90th percentile)"), cmap="magma_r", clip=0.9),
                         _("Heatmap of the reuse matrix between documents"))]
    cons = reuse.consecutive()
    if len(cons):
        cons = cons.assign(share_pct=(cons["share"] * 100).round(2))
        parts += [heading(_("Reuse between consecutive years")),
                  figure(charts.lines(cons, "next_year", {"share_pct": _("share of the later report (%)")},
                                      _("Text of each report found in the previous one (%)"), "%"),
                         _("Line chart of reuse between consecutive reports")),
                  table(cons, ["year", "next_year", "gap", "share_pct", "shared_sentences"], sortable=True)]
        gap = reuse.by_gap()
        gap = gap.assign(share_pct=(gap["share"] * 100).round(3))
        parts.append(figure(charts.lines(gap, "gap", {"share_pct": _("mean share (%)")},
                                         _("Reuse by years between two reports (%)"), "%"),
                            _("Line chart of mean reuse by the number of years between two reports")))
    parts.append(measures.method_note("reuse"))
    facts = {"units": len(reuse.units), "candidates": reuse.candidates, "verified": len(reuse.pairs),
             "passages": len(passages), "boilerplate_groups": n_boiler,
             "consecutive_share": near, "far_share": far, "far_years": FAR,
             "consecutive_pairs": n_near, "far_pairs": n_far,
             "top_passages": passages.head(top_n)[["doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b",
                                                   "chars", "similarity"]].to_dict("records"),
             "consecutive": cons[["year", "next_year", "share"]].to_dict("records") if len(cons) else []}
    return Section("reuse", "".join(parts), facts)


# --- 3. Promises and results ---------------------------------------------------------------------
LEDGER_SHOWN = ["year", "target_surface", "outcome_surface", "verdict", "target_doc", "outcome_doc", "note"]


@section
def ledger_section(reports: list, names: dict | None = None) -> Section:
    """Promises and results 目标与实绩: each indicator's target for a year (from that year's
    report) against its outcome (from the next year's review), the verdict by the stated rules,
    a chart per indicator, and the targets of one year's reports side by side."""
    from ..metrics.targets import rules
    from .ledger import build_ledger, side_by_side
    from .ledger_charts import indicator_chart

    led = build_ledger(reports)
    rows = led.rows
    names = names or labels(reports)
    warnings = [i18n.translate(w) for w in led.warnings]
    handover.frame(rows, "ledger")
    if not len(rows):
        first = _("No report in this corpus states targets or outcomes of the standard indicators that could be "
                  "placed in a year.")
        return Section("ledger", lede(first, *warnings) + measures.method_note("ledger"),
                       {"rows": 0, "warnings": led.warnings})
    judged = rows[rows["verdict"].isin(["met", "missed"])]
    counts = rows["verdict"].value_counts()
    with_target = rows.dropna(subset=["target_surface"])
    n_ind = int(with_target["indicator"].nunique())
    if len(with_target):
        first = ngettext("The reports state {n} target for {indicators} standard indicators, for the years {first} to "
                         "{last}.", "The reports state {n} targets for {indicators} standard indicators, for the years "
                         "{first} to {last}.", len(with_target)).format(
            n=_n(len(with_target)), indicators=_n(n_ind), first=i18n.year(with_target["year"].min()),
            last=i18n.year(with_target["year"].max()))
    else:
        first = _("The reports state no targets of the standard indicators.")
    first += " " + _("The target for a year is read from that year's report and its outcome from the review in the "
                     "next year's report.")
    if len(judged):
        # the counts are shown as figures after a colon, so no English plural depends on them
        second = ngettext("Where both are known and comparable ({n} case): met {met}, missed {missed}. Targets with "
                          "no stated outcome yet: {open}.",
                          "Where both are known and comparable ({n} cases): met {met}, missed {missed}. Targets with "
                          "no stated outcome yet: {open}.", len(judged)).format(
            n=_n(len(judged)), met=_n(int(counts.get("met", 0))), missed=_n(int(counts.get("missed", 0))),
            open=_n(int(counts.get("no_outcome", 0))))
    else:
        second = _("No target can be set against a stated outcome yet.")
    missed = judged[judged["verdict"] == "missed"]
    third = _("Missed: {cases}.").format(cases=("；" if i18n.current() == "zh" else "; ").join(
        _("{indicator} {year} (target {target}, outcome {outcome})").format(
            indicator=L.indicator_name(r.indicator), year=i18n.year(r.year), target=r.target_surface,
            outcome=r.outcome_surface) for r in missed.head(6).itertuples())) if len(missed) else ""
    parts = [lede(first, second, third, *warnings), measures.explain("verdict", reference_point=False),
             muted(rules())]
    order = rows["indicator"].value_counts().index
    several_places = rows["place"].nunique() > 1
    for ind in order:
        g = rows[rows["indicator"] == ind]
        label = L.indicator_name(ind)
        parts.append(heading(label, 4))
        # the chart follows one series: the place with most rows, in its most common unit
        place = g["place"].mode().iloc[0]
        charted = g[(g["place"] == place) & (g["unit"] == g.loc[g["place"] == place, "unit"].mode().iloc[0])]
        if charted["target_value"].notna().sum() + charted["outcome_value"].notna().sum() >= 2:
            where = f" ({place})" if several_places and place else ""
            parts.append(figure(indicator_chart(charted, _("{label}{where}: target and outcome").format(
                                    label=label, where=where)),
                                _("Chart of the {label} target and outcome by year{where}").format(
                                    label=label, where=where)))
        parts.append(table(g.assign(target_doc=g["target_doc"].map(lambda d: names.get(d, d)),
                                    outcome_doc=g["outcome_doc"].map(lambda d: names.get(d, d)),
                                    note=g["note"].map(i18n.translate)),
                           (["place"] if several_places else []) + LEDGER_SHOWN, sortable=True))
    sbs = side_by_side(reports, led)
    for year, frame in sbs.items():
        frame = frame.assign(report=frame["report"].map(lambda d: i18n.translate(names.get(d, d))))
        frame = frame.rename(columns={c: L.indicator_name(c) for c in frame.columns if c != "report"})
        frame = frame.apply(lambda col: col.map(i18n.translate))
        parts += [heading(_("Targets of {year} side by side").format(year=i18n.year(year)), 4),
                  lede(_("{n} reports set targets for {year}. A cell reads “not stated” where a report sets no target "
                         "for that indicator; the last rows give the median, the range and how many reports state "
                         "it.").format(n=_n(len(frame) - 3), year=i18n.year(year))),
                  table(frame)]
    parts.append(measures.method_note("ledger"))
    facts = {"rows": len(rows), "indicators": int(rows["indicator"].nunique()),
             "verdicts": {k: int(v) for k, v in counts.items()}, "warnings": led.warnings,
             "side_by_side_years": sorted(sbs),
             "table": rows[["indicator", "year", "target_surface", "outcome_surface", "verdict"]].to_dict("records")}
    return Section("ledger", "".join(parts), facts)


# --- 4. Formulations over time ------------------------------------------------------------------
@section
def formulations_section(reports: list, min_reports: int = 2) -> Section:
    found = trends.formulations(reports)
    m = trends.formulation_matrix(found, min_reports=min_reports)
    er = trends.eras(reports)
    dated = er.dropna(subset=["year", "from"])
    within = float(dated["within"].astype(bool).mean()) if len(dated) else None
    likely = float(dated["likely_within"].astype(bool).mean()) if len(dated) else None
    n_terms = int(found["term"].nunique()) if len(found) else 0
    first = ngettext("{terms} dated formulation occurs in the corpus; those used by at least {min} dated reports "
                     "({shown}) appear below, in the order they first appear.",
                     "{terms} dated formulations occur in the corpus; those used by at least {min} dated reports "
                     "({shown}) appear below, in the order they first appear.", n_terms).format(
        terms=_n(n_terms), shown=_n(len(m)), min=min_reports)
    # counts with their share, the share rounded as the report page's era reference rounds it
    second = _("The era estimated from the formulations alone contains the real year for {within} of the {n} dated "
               "reports ({within_share}); the narrower likely interval for {likely} ({likely_share}).").format(
        within=_n(int(dated["within"].astype(bool).sum())), within_share=i18n.pct(within), n=_n(len(dated)),
        likely=_n(int(dated["likely_within"].astype(bool).sum())), likely_share=i18n.pct(likely)) if len(dated) else ""
    parts = [lede(first, second), measures.explain("era", reference_point=False)]
    if len(m):
        parts.append(figure(charts.heatmap(np.log1p(m), _("Formulations × years (log of 1 + uses)"), "log(1+uses)",
                                           cmap="Blues"),
                            _("Heatmap of political formulations by year")))
    if len(dated):
        parts += [heading(_("Era estimate against the real year")),
                  figure(charts.era_ranges(er, _("Era estimated from the formulations vs the real year")),
                         _("Chart of each report's estimated era against its year")),
                  table(er.dropna(subset=["from"]).sort_values("year"),
                        ["year", "title", "from", "to", "likely_from", "likely_to", "within", "off_by"], sortable=True)]
    parts.append(measures.method_note("formulations"))
    facts = {"terms": int(found["term"].nunique()) if len(found) else 0, "matrix_terms": len(m),
             "dated": len(dated), "era_within": within, "era_likely_within": likely,
             "first_terms": list(m.index[:5])}
    return Section("formulations", "".join(parts), facts)


# --- 5. Distinctive keywords --------------------------------------------------------------------
@section
def keywords_section(reports: list, top_n: int = 8) -> Section:
    kw = trends.distinctive_keywords(by_year(reports), top_n=top_n)
    names = labels(reports)
    if kw.empty:
        return Section("keywords", lede(_("Distinctive keywords need at least two documents.")), {"documents": 0})
    per = kw.groupby("doc", sort=False).agg(terms=("term", lambda t: "、".join(t)), top=("term", "first")).reset_index()
    per.insert(0, "document", per["doc"].map(names))
    first = _("Words a document uses far more than the rest of the corpus (log-odds ratio with an informative "
              "prior, z-scores): what it says that the others do not.")
    facts = {"documents": len(per), "top": dict(zip(per["doc"], per["top"]))}
    return Section("keywords", lede(first) + table(per, ["document", "terms"], sortable=True)
                   + measures.method_note("keywords"), facts)


# --- 6. Concreteness ----------------------------------------------------------------------------
@section
def concreteness_section(reports: list) -> Section:
    c = trends.concreteness(by_year(reports))
    c = c.assign(concreteness_pct=(c["concreteness"] * 100).round(1))
    dated = c.dropna(subset=["year", "concreteness"])
    parts = []
    valid = c.dropna(subset=["concreteness"])
    if len(valid):
        top, low = valid.loc[valid["concreteness"].idxmax()], valid.loc[valid["concreteness"].idxmin()]
        first = _("Concreteness is the share of sentences anchored by a number, a name or a date. Across the corpus "
                  "it ranges from {low} ({low_doc}) to {high} ({high_doc}); claims per 10,000 characters from {min} "
                  "to {max}.").format(low=i18n.pct(low["concreteness"]), low_doc=low["label"],
                                      high=i18n.pct(top["concreteness"]), high_doc=top["label"],
                                      min=i18n.num(c["claims_per_10k"].min(), 0), max=i18n.num(c["claims_per_10k"].max(), 0))
        parts += [lede(first)] + [measures.explain(m) for m in ("concreteness", "boilerplate_density", "claims_per_10k")]
    if len(dated) >= 2:
        parts.append(figure(charts.lines(dated.assign(claims_pct=dated["claims_per_10k"]), "year",
                                         {"concreteness_pct": _("concreteness (% of sentences)"),
                                          "claims_pct": _("claims per 10,000 chars")},
                                         _("Concreteness across the years"), ""),
                            _("Line chart of concreteness and claims density by year")))
    parts.append(table(c, ["label", "title", "chars", "claims", "claims_per_10k", "concreteness_pct",
                           "boilerplate_density"], sortable=True))
    parts.append(measures.method_note("concreteness"))
    facts = {"documents": len(c), "mean": float(valid["concreteness"].mean()) if len(valid) else None,
             "by_doc": dict(zip(c["doc"], c["concreteness"].astype(float).where(c["concreteness"].notna(), None)))}
    return Section("concreteness", "".join(parts), facts)


# --- 7. Explore the claims ----------------------------------------------------------------------
@section
def claims_view(reports: list) -> Section:
    """The page's view of the claims explorer (effanalysis.explore): the first document's
    claims as a sortable, filterable table in the page's language."""
    from ..explore import claims_of, default_view

    claims, names = claims_of(reports)
    view = default_view(claims, names)
    first = next(iter(names.values()), "")
    sentence = ngettext("The claims of the first document, {doc}: {n} row.",
                        "The claims of the first document, {doc}: {n} rows.", len(view)).format(doc=first, n=_n(len(view)))
    return Section("claims_view", lede(sentence) + table(view, sortable=True), {"rows": len(view)})


def page_links(reports: list) -> dict:
    """doc → the batch page of that report (DIR/<slug>.html beside the corpus page)."""
    from ..report import slug

    def page(r) -> str:
        if "repeated_id" in r.meta:
            doc, row = r.meta["repeated_id"]
            return f"{slug(doc, r.source)}-row{row}.html"
        return f"{r.slug}.html"

    return {r.doc: page(r) for r in reports}


__all__ = ["load_corpus", "overview", "reuse_of", "reuse_section", "ledger_section", "formulations_section",
           "keywords_section", "concreteness_section", "claims_view", "page_links"]
