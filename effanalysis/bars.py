"""The report page's bar charts: a small description of the chart, drawn as SVG here
without matplotlib, or as a matplotlib Figure for the analyst (`BarChart.figure()`).

Why not matplotlib on the page: a report page shows five horizontal bar charts, and
importing matplotlib and drawing them through it was 0.55 s of the kernel's 2.1 s
(bench/bench_render.py: seed page 2.15 s against a 0.76 s floor with matplotlib,
1.70 s without). Bars, their values and labels are simple enough to lay out
directly; the layout is the one plots.bar_figure gives in matplotlib (label margin
fitted to the longest label, values at the bars' ends, a zero line, no axes).

The SVG keeps its text as text in the page's font family: sharp at any zoom and in
print, selectable, and the same bytes for the same chart. Every label and title is
report text: it is escaped here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from .chartlayout import FONT, FONTSIZE, PALETTE, PT, WIDTH, WSPACE, height, margins, number, x_range
from .i18n import _

LABEL_CHARS = 14            # longer labels are shortened with …


@dataclass(frozen=True)
class Panel:
    header: str             # shown above the panel when a chart has several ("" for none)
    values: tuple[float, ...]
    color: str


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, first label on top, one panel per measure sharing the labels."""
    title: str
    labels: tuple[str, ...]
    panels: tuple[Panel, ...]

    def svg(self) -> bytes:
        return _svg(self).encode("utf-8")

    def figure(self):
        """The same chart as a matplotlib Figure, to restyle or save (imports matplotlib)."""
        from .plots import bar_figure

        return bar_figure(self)

    def _repr_svg_(self) -> str:
        return _svg(self)


# --- the charts of the report page --------------------------------------------------------------
def short(label, n: int = LABEL_CHARS) -> str:
    label = str(label)
    return label if len(label) <= n else label[: n - 1] + "…"


def barh(labels, values, title: str, color: str = PALETTE[0]) -> BarChart:
    """A horizontal bar chart, first label on top, values on the bars."""
    return BarChart(str(title), tuple(short(x) for x in labels), (Panel("", _floats(values), color),))


def section_lengths(sections) -> BarChart:
    """Characters per section (rows: label, title, start, end)."""
    labels = [f"{r.label}{r.title}" for r in sections.itertuples()]
    return barh(labels, (sections["end"] - sections["start"]).tolist(), _("Section length (characters)"))


def counts(series, title: str, color: str = PALETTE[1]) -> BarChart:
    """Bar chart of a value_counts()-like Series (index: label)."""
    return barh([str(i) for i in series.index], series.tolist(), title, color)


def section_scores(frame, columns: list[str], title: str) -> BarChart:
    """One panel per score column (their scales differ), one bar per section."""
    from .labels import header

    labels = frame["title"].astype(str) if "title" in frame else map(str, frame.index)
    return BarChart(str(title), tuple(short(x) for x in labels),
                    tuple(Panel(header(c), _floats(frame[c].tolist()), PALETTE[k % len(PALETTE)])
                          for k, c in enumerate(columns)))


def _floats(values) -> tuple[float, ...]:
    return tuple(float(v) for v in values)


# --- SVG ------------------------------------------------------------------------------------------
def _text(x: float, y: float, text: str, size: float, anchor: str = "start", color: str = "#000000",
          baseline: str = "central") -> str:
    return (f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size:g}" text-anchor="{anchor}" '
            f'dominant-baseline="{baseline}" fill="{color}">{escape(text)}</text>')


def _svg(chart: BarChart) -> str:
    n, k = len(chart.labels), len(chart.panels)
    w, h = WIDTH * PT, height(n, k) * PT
    m = margins(chart)
    left, right, top, bottom = m["left"] * w, m["right"] * w, (1 - m["top"]) * h, (1 - m["bottom"]) * h
    panel_w = (right - left) / (k + (k - 1) * WSPACE) if k else right - left
    row = (bottom - top) / max(n, 1)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w:g}pt" height="{h:.2f}pt" '
           f'viewBox="0 0 {w:g} {h:.2f}" font-family={quoteattr(FONT)} role="img">',
           f"<title>{escape(chart.title)}</title>",
           f'<rect width="{w:g}" height="{h:.2f}" fill="#ffffff"/>',
           _text(0.01 * w, 0.08 * PT, chart.title, 10.5, baseline="hanging")]
    for j, panel in enumerate(chart.panels):
        x0 = left + j * panel_w * (1 + WSPACE)
        lo, hi, gap = x_range(panel.values)

        def x(v: float) -> float:
            return x0 + (v - lo) / (hi - lo) * panel_w

        if panel.header and k > 1:
            out.append(_text(x0, top - 3, panel.header, FONTSIZE, baseline="auto"))
        for i, v in enumerate(panel.values):
            y = top + (i + 0.5) * row
            shown = v if math.isfinite(v) else 0.0          # a missing score: no bar, "n/a"
            a, b = sorted((x(0.0), x(shown)))
            if b > a:
                out.append(f'<rect x="{a:.2f}" y="{y - 0.35 * row:.2f}" width="{b - a:.2f}" '
                           f'height="{0.7 * row:.2f}" fill="{panel.color}"/>')
            to_right = shown >= 0
            out.append(_text(x(shown + (gap if to_right else -gap)), y, number(v), FONTSIZE - 1,
                             "start" if to_right else "end", "#333333"))
        out.append(f'<line x1="{x(0.0):.2f}" y1="{top:.2f}" x2="{x(0.0):.2f}" y2="{bottom:.2f}" '
                   f'stroke="#555555" stroke-width="0.8"/>')
    for i, label in enumerate(chart.labels):
        out.append(_text(left - 0.012 * panel_w, top + (i + 0.5) * row, label, FONTSIZE, "end"))
    out.append("</svg>")
    return "\n".join(out)
