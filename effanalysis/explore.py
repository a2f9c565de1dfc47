"""Interactive exploration of claims in JupyterLab: choose a document, filter its claims.

    from effanalysis.explore import explore
    explore(report)            # one Report
    explore(reports)           # several (a corpus): a document chooser appears

In JupyterLab (a kernel that a Jupyter server started for a notebook, as handover.in_jupyterlab
tells) this shows ipywidgets: a document chooser, a kind filter and a text filter above the claims
table. Everywhere else —
papermill, nbclient, the HTML export — it returns the default view as a plain DataFrame: no widget,
no random model ids, the same output on every run, and the exported page shows a table, never a
broken widget. `interactive=True/False` forces either; EFFANALYSIS_STATIC=1 forces the static view.
"""
from __future__ import annotations

from html import escape

import pandas as pd

from . import labels
from .handover import in_jupyterlab
from .i18n import _, ngettext

ALL = "(all)"
COLUMNS = ["doc", "section", "surface", "subject", "kind", "norm_value", "unit", "qualifier",
           "low", "high", "relation", "part_of"]


def claims_of(reports) -> tuple[pd.DataFrame, dict[str, str]]:
    """All claims of one Report, an iterable of Reports, or a claims DataFrame; with a label
    (the title) for each document, in order."""
    if isinstance(reports, pd.DataFrame):
        docs = list(dict.fromkeys(reports["doc"].astype(str))) if "doc" in reports else []
        return reports.reset_index(drop=True), {d: d for d in docs}
    if hasattr(reports, "claims"):
        reports = [reports]
    frames, titles = [], {}
    for r in reports:
        frames.append(r.claims)
        titles[str(r.doc)] = f"{r.title} ({r.doc})" if getattr(r, "title", r.doc) != r.doc else str(r.doc)
    claims = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    return claims, titles


def filter_claims(claims: pd.DataFrame, doc: str | None = None, kind: str | None = None,
                  text: str = "") -> pd.DataFrame:
    """The rows of `claims` for one document and one kind whose surface, subject or section
    contains `text` (all of them for None / ALL / "")."""
    keep = pd.Series(True, index=claims.index)
    if doc not in (None, ALL) and "doc" in claims:
        keep &= claims["doc"].astype(str) == str(doc)
    if kind not in (None, ALL) and "kind" in claims:
        keep &= claims["kind"] == kind
    text = (text or "").strip()
    if text:
        hit = pd.Series(False, index=claims.index)
        for col in ("surface", "subject", "section"):
            if col in claims:
                hit |= claims[col].astype(str).str.contains(text, regex=False, na=False)
        keep &= hit
    shown = [c for c in COLUMNS if c in claims] or list(claims.columns)
    return claims.loc[keep, shown]


def default_view(claims: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """What the page shows before anyone touches a control: the first document's claims."""
    return filter_claims(claims, doc=next(iter(titles), None))


def explore(reports, *, interactive: bool | None = None, static_view: bool = True):
    """A claims explorer (see the module docstring); the static default view outside JupyterLab,
    or nothing there with `static_view=False` (for a page that already shows the claims)."""
    claims, titles = claims_of(reports)
    if not (in_jupyterlab() if interactive is None else interactive):
        return default_view(claims, titles) if static_view else None
    return claims_explorer(claims, titles)


def _table_html(frame: pd.DataFrame) -> str:
    """The claims as an HTML table, headers and category values (kind, qualifier) in the page's
    language, as the page's own tables show them."""
    if frame.empty:
        return "<p>" + escape(_("No claim matches.")) + "</p>"
    for column in frame.columns.intersection(list(labels.VALUES)):
        frame = labels.translate_column(frame, column)
    shown = frame.rename(columns=labels.header)
    table = shown.astype(object).fillna("").to_html(index=False, border=0, escape=True, max_rows=500)
    return f'<div class="jp-RenderedHTMLCommon">{table}</div>'   # JupyterLab's table style


def claims_explorer(claims: pd.DataFrame, titles: dict[str, str]):
    """An ipywidgets VBox: chooser, filters, table. Its `text/html` fallback is the default view,
    so a front end without the widget manager shows a table, not a broken widget."""
    import ipywidgets as w

    class _Explorer(w.VBox):
        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            bundle["text/html"] = _table_html(default_view(self.claims, self.titles))
            return bundle

        def refresh(self, _change=None):
            frame = filter_claims(self.claims, self.doc.value, self.kind.value, self.text.value)
            self.count.value = ngettext("{n} claim", "{n} claims", len(frame)).format(n=len(frame))
            self.table.value = _table_html(frame)

    # The words in the page's language (wb.page_language), the values the raw kinds filter_claims takes.
    kinds = sorted(claims["kind"].dropna().unique()) if "kind" in claims else []
    doc = w.Dropdown(options=[(title, d) for d, title in titles.items()], description=_("Document"),
                     value=next(iter(titles), None), layout=w.Layout(width="60%"))
    kind = w.Dropdown(options=[(_("(all)"), ALL), *((labels.value("kind", k), k) for k in kinds)], value=ALL,
                      description=_("Kind"))
    text = w.Text(value="", description=_("Contains"), placeholder=_("as written, subject or section"))
    controls = [doc] if len(titles) > 1 else []
    box = _Explorer([*controls, w.HBox([kind, text]), count := w.Label(), table := w.HTML()])
    box.claims, box.titles = claims, titles
    box.doc, box.kind, box.text, box.count, box.table = doc, kind, text, count, table
    for control in (doc, kind, text):
        control.observe(box.refresh, names="value")
    box.refresh()
    return box


__all__ = ["explore", "filter_claims", "claims_of", "default_view", "ALL"]
