"""HTML building blocks of the workbooks' sections: the Section a section function returns,
tables, figures, headings and notes, all escaped here."""
from __future__ import annotations

import base64
import numbers
from dataclasses import dataclass, field

import pandas as pd

from .. import handover, i18n, labels
from ..bars import BarChart
from ..escape import esc
from ..i18n import _, ngettext

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
    """A chart as an inline image (no file, no URL): a bars.BarChart as its SVG; a matplotlib
    figure as PNG, or SVG with live text when `vector` (see plots.to_svg)."""
    handover.figure(fig, caption or alt)
    if isinstance(fig, BarChart):
        mime, raw = "image/svg+xml", fig.svg()
    else:
        from ..plots import to_png, to_svg

        mime, raw = ("image/svg+xml", to_svg(fig)) if vector else ("image/png", to_png(fig))
    data = base64.b64encode(raw).decode("ascii")
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure><img src="data:{mime};base64,{data}" alt="{esc(alt)}">{cap}</figure>'


def heading(text: str, level: int = 3) -> str:
    handover.heading(text)
    return f"<h{level}>{esc(text)}</h{level}>"
