"""What the report notebook shows: one function per section, each returning HTML.

Every section opens with sentences computed from *this* report, then tables and
charts. All report text is escaped here, before it becomes HTML: tables, the
highlighted text, titles, tooltips. A `Section` also carries the facts it
states; displaying it records them in the notebook's output (mimetype
RECORD_MIME), where tests read them and the page export drops them.
"""
from __future__ import annotations

import base64
import datetime
import io
import numbers
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import handover, i18n, labels, measures
from .escape import esc
from .handover import section
from .i18n import _, ngettext

RECORD_MIME = "application/vnd.effanalysis.record+json"


# --- HTML building blocks -----------------------------------------------------------------------
@dataclass
class Section:
    """HTML for the notebook plus the facts it states, recorded under the section's
    name (`page` holds values for the page itself, such as its title), and the
    DataFrames and figures it was built from (see effanalysis.handover)."""
    name: str
    html: str
    facts: dict = field(default_factory=dict)
    page: dict = field(default_factory=dict)
    frames: dict = field(default_factory=dict, repr=False)
    figures: dict = field(default_factory=dict, repr=False)

    @property
    def _ipython_display_(self):
        # Only in JupyterLab: the HTML, then the frames and figures as native outputs.
        # Elsewhere IPython finds no such method and shows _repr_mimebundle_ (the page).
        if not handover.in_jupyterlab():
            raise AttributeError("_ipython_display_")
        return lambda: handover.show(self)

    def _repr_mimebundle_(self, include=None, exclude=None):
        # A short text/plain of our own: without it IPython adds the dataclass repr,
        # the whole HTML again as a Python string, to every output.
        return {"text/plain": f"<{self.name} section: {len(self.html):,} characters of HTML>",
                "text/html": self.html, RECORD_MIME: _jsonable({**self.page, self.name: self.facts})}

    def __str__(self) -> str:
        return self.html


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()   # numpy scalars
    if isinstance(value, float) and value != value:
        return None
    return value


def muted(text: str) -> str:
    """A grey note (escaped)."""
    return f'<p class="muted">{esc(text)}</p>'


def lede(*sentences: str) -> str:
    return '<p class="lede">' + esc(" ".join(s for s in sentences if s)) + "</p>"


def is_year_column(column) -> bool:
    """Columns holding years (year, first_year, next_year, from, likely_to …): digits, never grouped."""
    c = str(column)
    return c in ("from", "to", "likely_from", "likely_to") or c == "year" or c.endswith("_year") or c.startswith("year_")


def _cell(value, fmt=None, year: bool = False) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return '<td class="none">—</td>'
    if fmt:
        value = fmt(value)
    num = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if num and year and float(value).is_integer():
        value = i18n.year(value)   # 1954, not 1,954 (a column with a gap is float)
    elif num and isinstance(value, numbers.Integral):
        value = i18n.num(int(value)) if abs(value) >= 10000 else int(value)
    elif num:
        value = i18n.num(value, 0) if float(value).is_integer() or abs(value) >= 1000 else f"{value:.4g}"
    if isinstance(value, bool):
        value = _("yes") if value else _("no")
    return f'<td class="num">{esc(value)}</td>' if num else f"<td>{esc(value)}</td>"


def table(frame: pd.DataFrame, columns: list[str] | None = None, max_rows: int | None = None,
          links: dict | None = None, empty: str | None = None, sortable: bool = False) -> str:
    """An escaped HTML table, headers and category values in the page's language.
    `links` maps a column to a function row → '#anchor'; `sortable` lets the page's
    script sort and filter it (the table reads the same without it)."""
    if frame is None or len(frame) == 0:
        return muted(empty or _("(none)"))
    handover.frame(frame)
    columns = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    shown = frame if max_rows is None else frame.head(max_rows)
    for c in columns:
        if c in labels.VALUES:
            shown = labels.translate_column(shown, c)
    head = "".join(f"<th>{esc(labels.header(c))}</th>" for c in columns)
    years = {c for c in columns if is_year_column(c)}
    rows = []
    for _i, row in shown.iterrows():
        cells = []
        for c in columns:
            v = row[c]
            v = None if (not isinstance(v, (list, dict)) and pd.isna(v)) else v
            if links and c in links and v is not None:
                cells.append(f'<td><a href="{esc(links[c](row))}">{esc(v)}</a></td>')
            else:
                cells.append(_cell(", ".join(map(str, v)) if isinstance(v, list) else v, year=c in years))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    rest = len(frame) - (max_rows or len(frame))
    more = "" if rest <= 0 else muted(ngettext("{n} more row in the downloads.", "{n} more rows in the downloads.",
                                               rest).format(n=i18n.num(rest)))
    cls = ' class="sortable"' if sortable else ""
    return (f'<div class="table-wrap"><table{cls}><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
            f"</tbody></table></div>{more}")


def figure(fig, alt: str, caption: str = "", vector: bool = False) -> str:
    """A matplotlib figure as an inline image (no file, no URL): PNG, or SVG with
    live text when `vector` (see plots.to_svg)."""
    from .plots import to_png, to_svg

    handover.figure(fig, caption or alt)
    mime, raw = ("image/svg+xml", to_svg(fig)) if vector else ("image/png", to_png(fig))
    data = base64.b64encode(raw).decode("ascii")
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure><img src="data:{mime};base64,{data}" alt="{esc(alt)}">{cap}</figure>'


def heading(text: str, level: int = 3) -> str:
    handover.heading(text)
    return f"<h{level}>{esc(text)}</h{level}>"


def _n(x: int | float) -> str:
    return i18n.num(x)


# --- optional analyses (sections appear as their modules land) -------------------------------------
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
        from .language import segment, vocab

        segment.tokenizer()
        vocab.vocabulary()
    from . import plots  # noqa: F401
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


# --- the page's language ---------------------------------------------------------------------------
def page_language(lang: str | None, report=None) -> str:
    """Set the language of the sections that follow: `lang` ("zh" | "en"), or with None
    Chinese for a Chinese document and English otherwise. Returns it."""
    return i18n.use(lang, report.text if report is not None else "")


# --- 1. Overview ----------------------------------------------------------------------------------
def display_title(report, title: str | None = None) -> str:
    return title or report.title


def cleaning_sentence(report) -> str:
    meta, done = report.meta, []
    n = int(meta.get("pinyin_removed") or 0)
    if n:
        done.append(ngettext("removed {n} pinyin annotation", "removed {n} pinyin annotations", n).format(n=_n(n)))
    n = int(meta.get("converted_chars") or 0)
    if n:
        done.append(ngettext("converted {n} Traditional character to Simplified",
                             "converted {n} Traditional characters to Simplified", n).format(n=_n(n)))
    n = len(report.chrome)
    if n:
        done.append(ngettext("dropped {n} line of site chrome", "dropped {n} lines of site chrome", n).format(n=_n(n)))
    n = len(report.related)
    if n:
        done.append(ngettext("set aside a list of {n} related article", "set aside a list of {n} related articles",
                             n).format(n=_n(n)))
    n = int(meta.get("joined_line_breaks") or 0)
    if n:
        done.append(ngettext("joined {n} broken line", "joined {n} broken lines", n).format(n=_n(n)))
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
    profile = profile_of(report)
    era = getattr(profile, "era", None) if profile is not None else None
    first = _("“{title}” runs to {chars} characters after cleaning ({raw} as read from the {format} file).").format(
        title=display_title(report, title), chars=_n(chars), raw=_n(raw_chars),
        format=report.meta.get("format") or "?")
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
                  table(pd.DataFrame(ev) if ev and isinstance(ev[0], dict)
                        else pd.DataFrame({"evidence": [labels.era_evidence(str(e)) for e in ev]})),
                  measures.explain("era", reference_point=False), muted(measures.era_reference())]
    parts.append(measures.method_note("overview"))
    facts = {"title": display_title(report, title), "doc": report.doc, "slug": report.slug, "chars": chars,
             "raw_chars": raw_chars, "pinyin_removed": int(report.meta.get("pinyin_removed", 0)),
             "converted_chars": int(report.meta.get("converted_chars", 0)), "chrome": len(report.chrome),
             "related": len(report.related), "year": report.year,
             "era": {k: era.get(k) for k in ("from", "to", "likely_from", "likely_to")} if era else None}
    return Section("overview", "".join(parts), facts, page={"title": facts["title"], "lang": i18n.current()})


# --- 2. Structure ---------------------------------------------------------------------------------
def _outline_items(node: dict) -> str:
    sub = "".join(f'<li class="lead">· {esc(x["text"])}</li>' for x in node.get("leads", []))
    sub += "".join(f'<li class="lead">· {esc(x["text"])}</li>' for x in node.get("enumeration", []))
    sub += "".join(_outline_items(c) for c in node["children"])
    size = _("{n} chars").format(n=_n(node["end"] - node["start"]))
    return (f'<li><a href="#text-{node["start"]}"><span class="label">{esc(node["label"])}</span>'
            f'{esc(node["title"])}</a> <span class="muted">{esc(size)}</span>'
            + (f"<ul>{sub}</ul>" if sub else "") + "</li>")


def outline_html(report) -> str:
    tree = report.outline.to_dict()
    return '<ul class="outline">' + "".join(_outline_items(s) for s in tree["sections"]) + "</ul>"


def structure_sentences(report) -> list[str]:
    s = report.sections
    if len(s) == 0:
        n = len(report.sentences)
        return [ngettext("No numbered headings were found: the report is one block of {n} sentence.",
                         "No numbered headings were found: the report is one block of {n} sentences.", n).format(n=_n(n))]
    top = s[s["level"] == s["level"].min()]
    sizes = s["end"] - s["start"]
    longest = s.loc[sizes.idxmax()]
    pre = report.outline.preamble
    out = [ngettext("The report has {n} top-level section ({first}).",
                    "The report has {n} top-level sections ({first}…{last}).", len(top)).format(
        n=_n(len(top)), first=top["label"].iloc[0], last=top["label"].iloc[-1])]
    if len(s) > len(top):
        m = len(s) - len(top)
        out.append(ngettext("Below them is {n} sub-heading.", "Below them are {n} sub-headings.", m).format(n=_n(m)))
    if pre[1] > pre[0]:
        out.append(_("A preamble of {n} characters comes before the first heading.").format(n=_n(pre[1] - pre[0])))
    out.append(_("The longest is {section} with {n} characters ({share} of the text).").format(
        section=f"{longest['label']}{longest['title']}", n=_n(int(sizes.max())),
        share=i18n.pct(sizes.max() / max(len(report.text), 1))))
    items = report.outline.items
    said = {"lead": lambda n: ngettext("{place} carries {n} lead sentence.", "{place} carries {n} lead sentences.", n),
            "enum": lambda n: ngettext("{place} carries {n} 一是-style item.", "{place} carries {n} 一是-style items.", n)}
    for kind in ("lead", "enum"):
        k = items[items["kind"] == kind]
        if len(k):
            where = k["section"].value_counts()
            sid = where.index[0]
            if sid == "0":  # items before the first heading
                place = _("The preamble")
            else:
                sec = s.set_index("section").loc[sid]
                place = f"{sec['label']}{sec['title'][:12]}…"
            n = int(where.iloc[0])
            out.append(said[kind](n).format(place=place, n=_n(n)))
    return out


@section
def structure(report) -> Section:
    from . import plots

    s = report.sections
    handover.frame(s, "sections")
    handover.frame(report.outline.items, "items")
    parts = [lede(*structure_sentences(report)), heading(_("Outline")), outline_html(report)]
    if len(s):
        parts.append(figure(plots.section_lengths(s), _("Bar chart of section lengths in characters"),
                            _("Characters per section"), vector=True))
    parts.append(measures.method_note("structure"))
    facts = {"sections": len(s), "top_level": int((s["level"] == s["level"].min()).sum()) if len(s) else 0,
             "headings": [f"{r.label}{r.title}" for r in s.itertuples()],
             "leads": int((report.outline.items["kind"] == "lead").sum()),
             "enumerated": int((report.outline.items["kind"] == "enum").sum())}
    return Section("structure", "".join(parts), facts)


# --- 3. Claims ------------------------------------------------------------------------------------
CLAIM_SHOWN = ["surface", "kind", "subject", "norm_value", "unit", "qualifier", "low", "high", "relation"]


def _section_names(report) -> dict:
    names = {str(r.section): f"{r.label}{r.title}" for r in report.sections.itertuples()}
    names["0"] = _("preamble")
    return names


def claims_sentences(claims: pd.DataFrame, audit: pd.DataFrame | None, report) -> list[str]:
    if len(claims) == 0:
        return [_("No quantitative claims were found in this report.")]
    kinds = claims["kind"].value_counts()
    names = _section_names(report)
    per = claims["section"].astype(str).value_counts()
    mostly = i18n.enum(_("{label} ({n})").format(label=labels.value("kind", k), n=_n(int(v)))
                       for k, v in kinds.head(3).items())
    out = [ngettext("The report makes {n} quantitative claim: {kinds}.",
                    "The report makes {n} quantitative claims, mostly {kinds}.", len(claims)).format(
               n=_n(len(claims)), kinds=mostly),
           _("{section} holds the most ({n}).").format(section=names.get(per.index[0], per.index[0]),
                                                       n=_n(int(per.iloc[0])))]
    approx = claims[claims["qualifier"].isin(["over", "under", "approx", "range"])]
    if len(approx):
        out.append(ngettext("{n} claim is approximate or open-ended (e.g. {example}).",
                            "{n} claims are approximate or open-ended (e.g. {example}).", len(approx)).format(
            n=_n(len(approx)), example=approx["surface"].iloc[0]))
    if audit is not None and len(audit):
        warn = int((audit["status"] == "warn").sum())
        out.append(ngettext("The audit derived {n} check.", "The audit derived {n} checks.", len(audit)).format(
            n=_n(len(audit))))
        out.append(ngettext("{n} of them raises a warning and needs a look.",
                            "{n} of them raise a warning and need a look.", warn).format(n=_n(warn))
                   if warn else _("None raised a warning."))
    return out


@section
def claims_section(report, top_n: int = 20) -> Section:
    from . import plots

    claims = claims_of(report)
    if claims is None:
        return _missing("claims", _("Claim extraction is not part of this version of effanalysis."))
    audit = audit_of(report)
    names = _section_names(report)
    handover.frame(claims, "claims")   # the whole tables first, then the parts the page shows
    handover.frame(audit, "audit")
    parts = [lede(*claims_sentences(claims, audit, report)),
             measures.explain("claims_per_10k", measures.document_scores(report)["claims_per_10k"])]
    if len(claims):
        by_kind = claims["kind"].value_counts()
        by_kind.index = [labels.value("kind", k) for k in by_kind.index]
        parts.append(figure(plots.counts(by_kind, _("Claims by kind")),
                            _("Bar chart of claims by kind"), vector=True))
        by_sec = claims["section"].astype(str).map(lambda s: names.get(s, s)).value_counts(sort=False)
        parts.append(figure(plots.counts(by_sec, _("Claims by section"), color=plots.PALETTE[0]),
                            _("Bar chart of claims by section"), vector=True))
        for sec, group in claims.groupby(claims["section"].astype(str), sort=False):
            parts += [heading(ngettext("{section} — {n} claim", "{section} — {n} claims", len(group)).format(
                          section=names.get(sec, sec), n=_n(len(group))), 4),
                      table(group.reset_index(), CLAIM_SHOWN, links={"surface": lambda r: f"#claim-{r['index']}"},
                            sortable=True)]
    if audit is not None:
        parts += [heading(_("Audit")), measures.explain("audit_status", reference_point=False)]
        if len(audit):
            shown = audit.copy()
            shown["status"] = shown["status"].map(lambda s: _("⚠ warn") if s == "warn" else _("ok"))
            shown["message"] = shown["message"].map(labels.audit_message)
            parts.append(table(shown, ["status", "check", "subject", "value", "unit", "message", "rows", "evidence"],
                               links={"rows": lambda r: f"#claim-{str(r['rows']).split(',')[0].strip()}"},
                               sortable=True))
        else:
            parts.append(muted(_("(no checks apply)")))
    parts.append(measures.method_note("claims"))
    facts = {"claims": len(claims), "kinds": claims["kind"].value_counts().to_dict() if len(claims) else {},
             "surfaces": claims["surface"].tolist(),
             "audit": 0 if audit is None else len(audit),
             "audit_warn": 0 if audit is None or not len(audit) else int((audit["status"] == "warn").sum())}
    return Section("claims", "".join(parts), facts)


# --- 3b. Targets ----------------------------------------------------------------------------------
@section
def targets_section(report) -> Section:
    """Targets 主要预期目标: this year's targets as written, with last year's outcome beside them.
    A bound (5%以上), a point with tolerance (5%左右) and an interval (4.5%—5%) keep their forms."""
    from .metrics.status import report_year

    t = report.targets
    year = report_year(report)
    handover.frame(t, "targets")
    if not len(t):
        first = (_("This report states no targets for {year} for the standard indicators (growth, prices, jobs, "
                   "unemployment, revenue, trade, grain, energy, money supply, deficit).").format(year=i18n.year(year))
                 if year else
                 _("This report states no targets for the standard indicators (growth, prices, jobs, unemployment, "
                   "revenue, trade, grain, energy, money supply, deficit); it does not say which year it speaks from."))
        return Section("targets", lede(first) + measures.method_note("targets"),
                       {"targets": 0, "year": year, "indicators": []})
    forms = t["form"].value_counts()
    listed = "、".join(f"{r.label} {r.surface}" for r in t.head(4).itertuples()) + ("…" if len(t) > 4 else "")
    first = (ngettext("The report sets {n} target for {year}: {targets}.",
                      "The report sets {n} targets for {year}: {targets}.", len(t)).format(
                 n=_n(len(t)), year=i18n.year(year), targets=listed) if year else
             ngettext("The report sets {n} target for the year it plans (it does not say which year it speaks "
                      "from): {targets}.",
                      "The report sets {n} targets for the year it plans (it does not say which year it speaks "
                      "from): {targets}.", len(t)).format(n=_n(len(t)), targets=listed))
    second = _("Their forms as written: {forms}.").format(forms=i18n.enum(
        _("{label} ({n})").format(label=labels.target_form(f), n=_n(int(n))) for f, n in forms.items()))
    with_outcome = int(t["last_outcome"].notna().sum())
    third = (ngettext("For {n} of them the report also states last year's outcome.",
                      "For {n} of them the report also states last year's outcome.", with_outcome).format(
                 n=_n(with_outcome))
             if with_outcome else _("The report states no outcome of last year for these indicators."))
    shown = pd.DataFrame({"indicator": t["indicator"].map(labels.indicator_name), "written_as": t["label"],
                          "target": t["surface"], "form": t["form"].map(labels.target_form),
                          "low": t["low"], "high": t["high"], "unit": t["unit"],
                          "last_year_outcome": t["last_outcome"], "sentence": t["sentence"], "text": t["text"]})
    parts = [lede(first, second, third), measures.explain("target_form", reference_point=False),
             table(shown, ["indicator", "written_as", "target", "form", "low", "high", "unit", "last_year_outcome"],
                   sortable=True),
             heading(_("Where each target is stated"), 4),
             table(shown.drop_duplicates("sentence"), ["indicator", "text"]),
             measures.method_note("targets")]
    facts = {"targets": len(t), "year": year, "indicators": t["indicator"].tolist(),
             "surfaces": dict(zip(t["indicator"], t["surface"])), "forms": dict(zip(t["indicator"], t["qualifier"])),
             "last_outcomes": {k: v for k, v in zip(t["indicator"], t["last_outcome"]) if isinstance(v, str)}}
    return Section("targets", "".join(parts), facts)


# --- 4. Language ----------------------------------------------------------------------------------
def language_sentences(p) -> list[str]:
    out = []
    if len(p.keywords):
        out.append(_("Its vocabulary is dominated by {terms}.").format(terms="、".join(p.keywords["term"].head(5))))
    names = []
    if len(p.people):
        n = len(p.people)
        names.append(ngettext("{n} person ({names})", "{n} people ({names})", n).format(
            n=_n(n), names="、".join(p.people["name"].head(3))))
    if len(p.organizations):
        n = len(p.organizations)
        names.append(ngettext("{n} organisation", "{n} organisations", n).format(n=_n(n)))
    if len(p.media):
        n = len(p.media)
        names.append(ngettext("{n} media title", "{n} media titles", n).format(n=_n(n)))
    if names:
        out.append(_("It names {things}.").format(things=i18n.join(names)))
    if len(p.slogans):
        out.append(_("Dated formulations: {terms}.").format(terms="、".join(p.slogans["term"].head(4))))
    if len(p.mechanisms):
        n = len(p.mechanisms)
        out.append(ngettext("It lists {n} institutional mechanism.", "It lists {n} institutional mechanisms.", n).format(
            n=_n(n)))
    return out or [_("The language profile found nothing to report.")]


@section
def language(report, top_n: int = 20) -> Section:
    from . import plots

    p = profile_of(report)
    if p is None:
        return _missing("language", _("The language profile is not part of this version of effanalysis."))
    parts = [lede(*language_sentences(p))]
    if len(p.keywords):
        kw = p.keywords.head(top_n)
        handover.frame(p.keywords, "keywords")
        n = len(kw)
        parts.append(figure(plots.barh(kw["term"], kw["weight"],
                                       ngettext("The top keyword (TF-IDF weight)", "Top {n} keywords (TF-IDF weight)",
                                                n).format(n=_n(n))),
                            _("Bar chart of the top keywords"), vector=True))
        parts.append(measures.explain("keyword_weight", reference_point=False))
    people = p.people.rename(columns={"title": "position"}) if len(p.people) else p.people
    for frame, label, cols in ((people, _("People"), ["name", "position", "count"]),
                               (p.organizations, _("Organisations"), ["name", "count"]),
                               (p.media, _("Media"), ["name", "count"]),
                               (p.campaigns, _("Campaigns"), ["name", "count"]),
                               (p.slogans, _("Formulations and their years"), ["term", "count", "first_year", "last_year"]),
                               (p.mechanisms, _("Mechanisms"), ["name", "frequency", "count"])):
        parts += [heading(label), table(frame, cols, max_rows=top_n)]
    secs = p.sections
    if len(secs):
        parts.append(heading(_("Substance and formula by section")))
        scores = measures.document_scores(report)
        parts += [measures.explain(m, scores[m]) for m in ("concreteness", "boilerplate_density")]
        cols = [c for c in ("concreteness", "boilerplate_density") if c in secs]
        if cols:
            parts.append(figure(plots.section_scores(secs, cols, _("Concreteness and boilerplate density")),
                                _("Grouped bar chart of concreteness and boilerplate density by section"), vector=True))
        parts.append(table(secs, ["section", "title", "chars", "sentences", "concreteness",
                                  "boilerplate_density", "readability", "template"]))
    if getattr(p, "readability", None):
        parts += [heading(_("Readability")), measures.explain("readability", p.readability.get("value")),
                  table(pd.DataFrame([{"measure": k, "value": v} for k, v in p.readability.items()]))]
    parts.append(measures.method_note("language"))
    facts = {"keywords": p.keywords["term"].head(top_n).tolist() if len(p.keywords) else [],
             "people": p.people["name"].tolist() if len(p.people) else [],
             "media": p.media["name"].tolist() if len(p.media) else [],
             "slogans": p.slogans["term"].tolist() if len(p.slogans) else [],
             "mechanisms": p.mechanisms["name"].tolist() if len(p.mechanisms) else []}
    return Section("language", "".join(parts), facts)


# --- 5. The text ----------------------------------------------------------------------------------
def _spans(claims: pd.DataFrame | None) -> list[tuple[int, int, int, str]]:
    """Non-overlapping claim spans (start, end, row, tooltip), in text order."""
    if claims is None or not len(claims):
        return []
    out, last = [], -1
    for i, r in claims.sort_values(["start", "end"]).iterrows():
        if int(r["start"]) >= last:
            tip = _("{kind}: {value} {unit} · {subject}").format(
                kind=labels.value("kind", r.get("kind", "")), value=r.get("norm_value", ""),
                unit=r.get("unit", "") or "", subject=r.get("subject", "") or "")
            out.append((int(r["start"]), int(r["end"]), i, tip))
            last = int(r["end"])
    return out


def text_html(report, claims: pd.DataFrame | None = None) -> tuple[str, int]:
    """The cleaned text as paragraphs, each claim a <mark id="claim-ROW">, each
    heading an anchor (#text-START). Returns the HTML and the number of marks."""
    text = report.text
    heads = {int(r.start) for r in report.sections.itertuples()}
    spans = _spans(claims)
    out, k, marks, pos = [], 0, 0, 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        pieces, cur = [], start
        while k < len(spans) and spans[k][0] < end:
            s, e, row, tip = spans[k]
            k += 1
            if s < cur or e > end:   # crosses a line: leave unmarked
                continue
            pieces.append(esc(text[cur:s]))
            pieces.append(f'<mark class="claim" id="claim-{row}" title="{esc(tip)}">{esc(text[s:e])}</mark>')
            marks += 1
            cur = e
        pieces.append(esc(text[cur:end]))
        if start in heads:
            out.append(f'<p class="heading" id="text-{start}">{"".join(pieces)}</p>')
        else:
            out.append(f"<p>{''.join(pieces)}</p>")
    return '<div class="report-text">' + "\n".join(out) + "</div>", marks


@section
def text_section(report, show_text: bool = True) -> Section:
    claims = claims_of(report)
    if not show_text:
        return Section("text", muted(_("(the full text is left out: show_text=False)")), {"marks": 0})
    body, marks = text_html(report, claims)
    nav = " · ".join(f'<a href="#text-{int(r.start)}">{esc(r.label)}{esc(r.title)}</a>'
                     for r in report.sections[report.sections["level"] == report.sections["level"].min()].itertuples()) \
        if len(report.sections) else ""
    first = _("The cleaned text has {n} characters.").format(n=_n(len(report.text)))
    second = ngettext("{n} claim is highlighted (hover for the reading).",
                      "{n} claims are highlighted (hover for the reading).", marks).format(n=_n(marks)) if marks else ""
    return Section("text", lede(first, second) + measures.method_note("text") + (f'<p class="jump">{nav}</p>' if nav else "")
                   + body, {"marks": marks})


# --- 6. Downloads ---------------------------------------------------------------------------------
def data_link(data: bytes, mime: str, filename: str, label: str) -> str:
    b64 = base64.b64encode(data).decode("ascii")
    return f'<a href="data:{mime};base64,{b64}" download="{esc(filename)}">{esc(label)}</a>'


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value):
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV for a spreadsheet: UTF-8 with a BOM (Excel then reads the Chinese
    right), and report text that a spreadsheet would take for a formula (a text cell
    starting with = + - @, a tab or a CR) prefixed with an apostrophe, as OWASP advises
    against CSV injection; Excel shows such a cell as text. Numbers stay numbers.
    (`effanalysis metrics` writes its CSV for programs, unchanged.)"""
    text = frame.select_dtypes(include=["object", "string"]).columns
    safe = frame.assign(**{c: frame[c].map(_inert) for c in text}) if len(text) else frame
    return safe.to_csv(index=False).encode("utf-8-sig")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Report text is data: never let a cell starting with "=" or "http" become a formula or a link.
_XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
_XLSX_CREATED = datetime.datetime(2000, 1, 1)   # a fixed date: the same tables give the same bytes


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """The tables as one .xlsx workbook, one sheet each. XlsxWriter rather than openpyxl:
    it imports in about 0.03 s against 0.1 s, which every rendered page pays."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": _XLSX_OPTIONS}) as xw:
        for name, frame in sheets.items():
            frame.to_excel(xw, sheet_name=name[:31], index=False)
        xw.book.set_properties({"created": _XLSX_CREATED})
    return buf.getvalue()


@section
def downloads(report) -> Section:
    claims, audit = claims_of(report), audit_of(report)
    tables = {k: v for k, v in (("claims", claims), ("audit", audit)) if v is not None}
    # The file and sheet names in the page's language (量化表述.csv); the columns keep their names.
    names = {"claims": _("claims"), "audit": _("audit")}
    links = [data_link(csv_bytes(v), "text/csv", f"{report.slug}-{names[k]}.csv",
                       ngettext("{name}.csv ({n} row)", "{name}.csv ({n} rows)", len(v)).format(
                           name=names[k], n=_n(len(v))))
             for k, v in tables.items()]
    if tables:
        links.append(data_link(xlsx_bytes({names[k]: v for k, v in tables.items()}), XLSX, f"{report.slug}.xlsx",
                               _("all tables as .xlsx")))
    links.append(data_link(report.text.encode("utf-8"), "text/plain", f"{report.slug}.txt", _("cleaned text (.txt)")))
    first = _("Everything below is embedded in this page: the downloads work offline, from the HTML file alone.")
    return Section("downloads", lede(first) + '<p class="downloads">' + "".join(links) + "</p>"
                   + measures.method_note("downloads"),
                   {"downloads": [k for k in tables] + ["text"],
                    "rows": {k: len(v) for k, v in tables.items()}})
