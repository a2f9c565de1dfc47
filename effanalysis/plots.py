"""Charts for the workbook, with Chinese labels that render on any machine.

matplotlib ships no CJK glyphs. The `noto-cjk-sans-otc` wheel carries Noto Sans
CJK; `setup_fonts` registers that file with `font_manager.addfont` and selects
the family "Noto Sans CJK SC" by name, so no system font is needed. matplotlib's
cache lives in the project (`MPLCONFIGDIR`, set before matplotlib is imported):
a shared, stale cache would hide the font.

Charts are built on `matplotlib.figure.Figure` (no pyplot, no global figure
registry) and returned; `to_svg` and `to_png` turn one into bytes for inline
images. The report's bar charts are SVG with live text: sharp at any zoom and in
print, a quarter of the PNG's size and half its drawing time (most of a PNG
chart's cost is rasterising glyphs).
"""
from __future__ import annotations

import io
import math
import os
from pathlib import Path

_PROJECT = Path(__file__).resolve().parent.parent
if (_PROJECT / "pyproject.toml").is_file():   # a source checkout; installed, matplotlib's own default
    os.environ.setdefault("MPLCONFIGDIR", str(_PROJECT / ".cache" / "matplotlib"))

import matplotlib  # noqa: E402  (after MPLCONFIGDIR)
from matplotlib import font_manager  # noqa: E402
from matplotlib.backends import backend_svg  # noqa: E402,F401  (savefig imports it on first use otherwise)
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import NullLocator  # noqa: E402

from .i18n import _  # noqa: E402

FONT_FAMILY = "Noto Sans CJK SC"
PALETTE = ["#3b6ea8", "#d9822b", "#5a9e6f", "#b5494f", "#8064a2", "#7f7f7f"]
_registered: set[str] = set()


def font_path() -> Path:
    """The Noto Sans CJK collection shipped in the noto-cjk-sans-otc wheel."""
    import noto_cjk_sans_otc

    return Path(noto_cjk_sans_otc.FONT_PATH)


def setup_fonts() -> str:
    """Register the bundled CJK font (once) and make it the sans-serif family."""
    path = str(font_path())
    if path not in _registered:
        font_manager.fontManager.addfont(path)
        _registered.add(path)
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [FONT_FAMILY, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return FONT_FAMILY


def _ems(label: str) -> float:
    """Width of a label in font-size units: CJK characters are one em, others about half."""
    return sum(1.0 if ord(c) > 0x2E80 else 0.6 for c in str(label))


def _canvas(labels=(), width: float = 7.5, height: float = 3.2, fontsize: float = 9) -> Figure:
    """A figure without axes, its left margin fitted to the longest bar label.
    (Margins are computed, not laid out by constrained layout, which draws every
    chart twice.)"""
    setup_fonts()
    fig = Figure(figsize=(width, height), dpi=110)
    label_in = (max((_ems(x) for x in labels), default=2) * fontsize + 14) / 72
    fig.subplots_adjust(left=min(0.6, label_in / width + 0.01), right=0.97,
                        top=1 - 0.42 / height, bottom=0.12 / height, wspace=0.08)
    return fig


def _short(label: str, n: int = 14) -> str:
    label = str(label)
    return label if len(label) <= n else label[: n - 1] + "…"


def _number(value: float) -> str:
    """A bar's value as a reader wants it: counts with thousands separators, rates with three digits."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:.3g}"


def _bars(ax, labels, values, color: str, fontsize: float = 9, show_labels: bool = True) -> None:
    """Horizontal bars, first on top, each labelled with its value at its end.

    Direct labels instead of axes: the exact figures are on the bars, and no tick
    machinery is built (matplotlib makes a tick of two lines, two texts and a
    grid line per label, which was most of a chart's cost)."""
    raw = [float(v) for v in values]
    known = [v for v in raw if math.isfinite(v)]
    values = [v if math.isfinite(v) else 0.0 for v in raw]   # a missing score: no bar, "n/a"
    ax.barh(range(len(values)), values, color=color, height=0.7)
    ax.set_ylim(len(values) - 0.5, -0.5)
    lo, hi = min(known + [0.0]), max(known + [0.0])
    pad = (hi - lo) * 0.16 or 1.0
    ax.set_xlim(lo - (pad if lo < 0 else 0), hi + pad)
    ax.set_axis_off()
    for axis in (ax.xaxis, ax.yaxis):   # no ticks at all: hidden axes still build them to place a title
        axis.set_major_locator(NullLocator())
    ax.axvline(0, color="#555555", linewidth=0.8)
    gap = (hi - lo) * 0.01
    shown = [_number(v) if math.isfinite(v) else _("n/a") for v in raw]
    for i, v in enumerate(values):
        ax.text(v + (gap if v >= 0 else -gap), i, shown[i], ha="left" if v >= 0 else "right", va="center",
                fontsize=fontsize - 1, color="#333333")
    if show_labels:
        to_axes = ax.get_yaxis_transform()   # x in axes fractions, y in data
        for i, label in enumerate(labels):
            ax.text(-0.012, i, label, transform=to_axes, ha="right", va="center", fontsize=fontsize)


def _title(fig: Figure, title: str) -> None:
    """The chart's title at the top left of the figure (a figure text: an axes title
    makes matplotlib lay out the hidden axes' ticks to place it)."""
    fig.text(0.01, 1 - 0.08 / fig.get_figheight(), title, va="top", fontsize=10.5)


def _height(n: int) -> float:
    return max(1.3, 0.28 * n + 0.6)


def barh(labels, values, title: str, color: str = PALETTE[0]) -> Figure:
    """A horizontal bar chart, first label on top, values on the bars."""
    labels = [_short(x) for x in labels]
    fig = _canvas(labels, height=_height(len(labels)))
    ax = fig.add_subplot()
    _bars(ax, labels, list(values), color)
    _title(fig, title)
    return fig


def section_lengths(sections) -> Figure:
    """Characters per section (rows: label, title, start, end)."""
    labels = [f"{r.label}{r.title}" for r in sections.itertuples()]
    return barh(labels, (sections["end"] - sections["start"]).tolist(), _("Section length (characters)"))


def counts(series, title: str, color: str = PALETTE[1]) -> Figure:
    """Bar chart of a value_counts()-like Series (index: label)."""
    return barh([str(i) for i in series.index], series.tolist(), title, color)


def section_scores(frame, columns: list[str], title: str) -> Figure:
    """One panel per score column (their scales differ), one bar per section."""
    from .labels import header

    labels = [_short(x) for x in frame["title"].astype(str)] if "title" in frame else list(map(str, frame.index))
    fig = _canvas(labels, height=_height(len(frame)) + 0.2)
    axes = fig.subplots(1, len(columns), sharey=True, squeeze=False)[0]
    for k, (ax, col) in enumerate(zip(axes, columns)):
        _bars(ax, labels, frame[col].astype(float).tolist(), PALETTE[k % len(PALETTE)], show_labels=k == 0)
        ax.text(0, 1.01, header(col), transform=ax.transAxes, va="bottom", fontsize=9)
    _title(fig, title)
    return fig


def to_svg(fig: Figure) -> bytes:
    """The figure as SVG bytes with its text kept as text. The viewer draws the
    letters with its own fonts, named first in the same family as the layout
    ("Noto Sans CJK SC"); matplotlib still measures them with the bundled font.
    No date and a fixed id salt: the same chart gives the same bytes."""
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "effanalysis"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def to_png(fig: Figure) -> bytes:
    """The figure as PNG bytes (the figure can be discarded afterwards)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
