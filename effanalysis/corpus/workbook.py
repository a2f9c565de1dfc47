"""What the corpus notebook shows: one function per section, each returning a
`workbook.Section` (escaped HTML plus the facts it states, recorded for tests).

Sections: the documents; text reuse (shared passages side by side, the reuse
matrix, consecutive years); figures across documents (GDP growth target and
outcome); formulations over time with the era estimates; distinctive keywords;
concreteness across the corpus.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..workbook import Section, esc, figure, heading, lede, table
from . import charts, series, trends
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
    for raw in _io.read(source, text_column, id_column):
        if raw["text"].strip():
            out.append(Report.from_text(raw["text"], doc=raw["doc"], meta=raw["meta"], source=str(source)))
        else:
            out.skipped.append(raw["doc"])
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
    return "—" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{100 * x:.2f}%"


# --- 1. The documents ---------------------------------------------------------------------------
def overview(reports: list, source: str = "", title: str = "Corpus workbook 语料对比") -> Section:
    dated = [r for r in reports if r.year]
    years = sorted(r.year for r in dated)
    chars = sum(len(r.text) for r in reports)
    first = f"The corpus holds {len(reports)} documents, {chars:,} characters after cleaning"
    first += f"; {len(dated)} are dated, from {years[0]} to {years[-1]}." if dated else "; none is dated."
    skipped = list(getattr(reports, "skipped", []))
    if skipped:
        first += f" {len(skipped)} rows without text were left out ({'、'.join(map(str, skipped[:5]))})."
    rows = pd.DataFrame([{"label": lab, "title": r.title, "year": r.year, "characters": len(r.text),
                          "sentences": len(r.sentences)}
                         for r, lab in zip(by_year(reports), labels(by_year(reports)).values())])
    facts = {"documents": len(reports), "dated": len(dated), "skipped": skipped, "chars": chars,
             "years": [years[0], years[-1]] if years else None, "source": Path(source).name if source else None}
    return Section("overview", lede(first) + table(rows), facts, page={"title": title})


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
            cells.append(f'<td><div class="muted">{name} · {start:,}–{end:,}</div>'
                         f'<div>{esc(getattr(p, f"text_{side}"))}</div></td>')
        rows.append(f'<tr>{"".join(cells)}<td class="num">{p.chars:,}</td><td class="num">{p.similarity:.0f}</td></tr>')
    if not rows:
        return '<p class="muted">(no shared passages)</p>'
    return ('<div class="table-wrap"><table class="side-by-side"><thead><tr><th>passage in one document</th>'
            '<th>its copy in another</th><th>chars</th><th>similarity</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></div>")


def reuse_section(reports: list, reuse: Reuse, top_n: int = 15, pages: dict | None = None) -> Section:
    names = labels(reports)
    near, far, n_near, n_far = _pair_means(reuse)
    passages = reuse.passages
    groups = reuse.groups
    n_boiler = int(groups["boilerplate"].sum()) if len(groups) else 0
    first = (f"{len(reuse.units):,} sentences of at least {reuse.options.min_chars} characters were hashed; "
             f"MinHash LSH proposed {reuse.candidates:,} candidate pairs, of which {len(reuse.pairs):,} "
             f"were verified as near-copies by alignment (similarity ≥ {reuse.options.min_similarity:g}).")
    second = f"They make {len(passages):,} shared passages between pairs of documents."
    third = ""
    if near is not None:
        third = f"Consecutive reports share {_pct(near)} of their text on average"
        third += f", reports {FAR} or more years apart {_pct(far)}." if far is not None else "."
    fourth = (f"{n_boiler} sentences found in most documents (site licence lines, set phrases) are treated as "
              "boilerplate and left out of the shares.") if n_boiler else ""
    parts = [lede(first, second, third, fourth), heading("Longest shared passages 共享段落")]
    parts.append(_side_by_side(passages.head(top_n), names, pages))

    ordered = [r.doc for r in by_year(reports)]
    m = reuse.matrix.loc[ordered, ordered]
    m.index = m.columns = [names[d] for d in ordered]
    if len(m) >= 2:
        parts += [heading("Reuse matrix 文本复用矩阵"),
                  '<p class="muted">Row document: the share of its text found, near-copied, in the column document.</p>',
                  figure(charts.heatmap(m * 100, "Share of the row report's text found in the column report (%)",
                                        "% (scale capped at the 90th percentile)", cmap="magma_r", clip=0.9),
                         "Heatmap of the reuse matrix between documents")]
    cons = reuse.consecutive()
    if len(cons):
        cons = cons.assign(share_pct=(cons["share"] * 100).round(2))
        parts += [heading("Reuse between consecutive years 相邻年份"),
                  figure(charts.lines(cons, "next_year", {"share_pct": "share of the later report (%)"},
                                      "Text of each report found in the previous one (%)", "%"),
                         "Line chart of reuse between consecutive reports"),
                  table(cons, ["year", "next_year", "gap", "share_pct", "shared_sentences"])]
        gap = reuse.by_gap()
        gap = gap.assign(share_pct=(gap["share"] * 100).round(3))
        parts.append(figure(charts.lines(gap, "gap", {"share_pct": "mean share (%)"},
                                         "Reuse by years between two reports (%)", "%"),
                            "Line chart of mean reuse by the number of years between two reports"))
    facts = {"units": len(reuse.units), "candidates": reuse.candidates, "verified": len(reuse.pairs),
             "passages": len(passages), "boilerplate_groups": n_boiler,
             "consecutive_share": near, "far_share": far, "far_years": FAR,
             "consecutive_pairs": n_near, "far_pairs": n_far,
             "top_passages": passages.head(top_n)[["doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b",
                                                   "chars", "similarity"]].to_dict("records"),
             "consecutive": cons[["year", "next_year", "share"]].to_dict("records") if len(cons) else []}
    return Section("reuse", "".join(parts), facts)


# --- 3. Figures across documents ----------------------------------------------------------------
def series_section(reports: list, subject: str = series.GDP, name: str = "GDP growth 经济增长") -> Section:
    claims = series.claims_about(reports, subject=subject, kinds=("growth", "percent"))
    tv = series.target_vs_outcome(claims)
    if tv.empty:
        return Section("series", lede(f"No claims about {name} were found in dated reports."), {"years": 0})
    both = tv.dropna(subset=["target", "outcome"])
    met = int(both["met"].astype(bool).sum())
    first = (f"{name}: targets stated for {int(tv['target'].notna().sum())} years and outcomes reported for "
             f"{int(tv['outcome'].notna().sum())}, from {int(tv['year'].min())} to {int(tv['year'].max())}; "
             "a report states the target for its own year and the outcome of the year before.")
    second = (f"Where both are known ({len(both)} years) the outcome met or beat the target {met} times"
              + (f"; the largest shortfall was {both['difference'].min():+.1f} points in "
                 f"{int(both.loc[both['difference'].idxmin(), 'year'])}." if len(both) and both["difference"].min() < 0
                 else ".")) if len(both) else ""
    parts = [lede(first, second),
             figure(charts.lines(tv, "year", {"target": "target 目标", "outcome": "outcome 实际"},
                                 f"{name}: target and outcome (%)", "%"),
                    f"Line chart of the {name} target and outcome by year"),
             table(tv, ["year", "target", "outcome", "difference", "target_surface", "outcome_surface"])]
    other = claims[claims["role"] == "average"]
    if len(other):
        parts += [heading("Figures over several years 多年数字", 4),
                  table(other, ["year", "surface", "subject", "text"])]
    parts += [heading("Where each figure comes from 出处", 4),
              table(claims[claims["role"] != "average"], ["year", "role", "about", "surface", "subject", "text"])]
    facts = {"years": len(tv), "both": len(both), "met": met,
             "table": tv[["year", "target", "outcome"]].to_dict("records"),
             "claims": len(claims)}
    return Section("series", "".join(parts), facts)


# --- 4. Formulations over time ------------------------------------------------------------------
def formulations_section(reports: list, min_reports: int = 2) -> Section:
    found = trends.formulations(reports)
    m = trends.formulation_matrix(found, min_reports=min_reports)
    er = trends.eras(reports)
    dated = er.dropna(subset=["year", "from"])
    within = float(dated["within"].astype(bool).mean()) if len(dated) else None
    likely = float(dated["likely_within"].astype(bool).mean()) if len(dated) else None
    first = (f"{found['term'].nunique()} dated formulations occur in the corpus; {len(m)} are used by at least "
             f"{min_reports} dated reports and appear below, in the order they first appear.")
    second = (f"The era estimated from the formulations alone contains the real year for {_pct(within)} of the "
              f"{len(dated)} dated reports; the narrower likely interval for {_pct(likely)}.") if len(dated) else ""
    parts = [lede(first, second)]
    if len(m):
        parts.append(figure(charts.heatmap(np.log1p(m), "Formulations × years (log of 1 + uses)", "log(1+uses)",
                                           cmap="Blues"),
                            "Heatmap of political formulations by year"))
    if len(dated):
        parts += [heading("Era estimate against the real year 年代估计"),
                  figure(charts.era_ranges(er, "Era estimated from the formulations vs the real year"),
                         "Chart of each report's estimated era against its year"),
                  table(er.dropna(subset=["from"]).sort_values("year"),
                        ["year", "title", "from", "to", "likely_from", "likely_to", "within", "off_by"])]
    facts = {"terms": int(found["term"].nunique()) if len(found) else 0, "matrix_terms": len(m),
             "dated": len(dated), "era_within": within, "era_likely_within": likely,
             "first_terms": list(m.index[:5])}
    return Section("formulations", "".join(parts), facts)


# --- 5. Distinctive keywords --------------------------------------------------------------------
def keywords_section(reports: list, top_n: int = 8) -> Section:
    kw = trends.distinctive_keywords(by_year(reports), top_n=top_n)
    names = labels(reports)
    if kw.empty:
        return Section("keywords", lede("Distinctive keywords need at least two documents."), {"documents": 0})
    per = kw.groupby("doc", sort=False).agg(terms=("term", lambda t: "、".join(t)), top=("term", "first")).reset_index()
    per.insert(0, "document", per["doc"].map(names))
    first = ("Words a document uses far more than the rest of the corpus (log-odds ratio with an informative "
             "prior, z-scores): what it says that the others do not.")
    facts = {"documents": len(per), "top": dict(zip(per["doc"], per["top"]))}
    return Section("keywords", lede(first) + table(per, ["document", "terms"]), facts)


# --- 6. Concreteness ----------------------------------------------------------------------------
def concreteness_section(reports: list) -> Section:
    c = trends.concreteness(by_year(reports))
    c = c.assign(concreteness_pct=(c["concreteness"] * 100).round(1))
    dated = c.dropna(subset=["year", "concreteness"])
    parts = []
    valid = c.dropna(subset=["concreteness"])
    if len(valid):
        top, low = valid.loc[valid["concreteness"].idxmax()], valid.loc[valid["concreteness"].idxmin()]
        first = (f"Concreteness is the share of sentences anchored by a number, a name or a date. "
                 f"Across the corpus it ranges from {low['concreteness']:.0%} ({low['label']}) to "
                 f"{top['concreteness']:.0%} ({top['label']}); claims per 10,000 characters from "
                 f"{c['claims_per_10k'].min():.0f} to {c['claims_per_10k'].max():.0f}.")
        parts.append(lede(first))
    if len(dated) >= 2:
        parts.append(figure(charts.lines(dated.assign(claims_pct=dated["claims_per_10k"]), "year",
                                         {"concreteness_pct": "concreteness (% of sentences)",
                                          "claims_pct": "claims per 10,000 chars"},
                                         "Concreteness across the years", ""),
                            "Line chart of concreteness and claims density by year"))
    parts.append(table(c, ["label", "title", "chars", "claims", "claims_per_10k", "concreteness_pct",
                           "boilerplate_density"]))
    facts = {"documents": len(c), "mean": float(valid["concreteness"].mean()) if len(valid) else None,
             "by_doc": dict(zip(c["doc"], c["concreteness"].astype(float).where(c["concreteness"].notna(), None)))}
    return Section("concreteness", "".join(parts), facts)


def page_links(reports: list) -> dict:
    """doc → the batch page of that report (DIR/<slug>.html beside the corpus page)."""
    return {r.doc: f"{r.slug}.html" for r in reports}


__all__ = ["load_corpus", "overview", "reuse_of", "reuse_section", "series_section", "formulations_section",
           "keywords_section", "concreteness_section", "page_links"]
