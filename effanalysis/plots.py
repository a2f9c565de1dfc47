"""Charts for the workbook, with Chinese labels that render on any machine.

matplotlib ships no CJK glyphs. The `noto-cjk-sans-otc` wheel carries Noto Sans
CJK; `setup_fonts` registers that file with `font_manager.addfont` and selects
the family "Noto Sans CJK SC" by name, so no system font is needed. matplotlib's
cache lives in the project (`MPLCONFIGDIR`, set before matplotlib is imported):
a shared, stale cache would hide the font.

Charts are built on `matplotlib.figure.Figure` (no pyplot, no global figure
registry) and returned; `to_svg` and `to_png` turn one into bytes for inline
images. The report page's bar charts are drawn without matplotlib (effanalysis.bars);
`bar_figure` gives the analyst the same chart as a Figure.
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

from . import chartlayout as layout  # noqa: E402
from .chartlayout import PALETTE  # noqa: E402,F401  (the corpus charts' colours)

FONT_FAMILY = "Noto Sans CJK SC"
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


def bar_figure(chart) -> Figure:
    """A bars.BarChart as a matplotlib Figure, laid out as bars.py draws it for the page.

    Direct labels instead of axes: the exact figures are on the bars, and no tick
    machinery is built (matplotlib makes a tick of two lines, two texts and a grid
    line per label, which was most of a chart's cost)."""
    setup_fonts()
    n, k = len(chart.labels), len(chart.panels)
    fig = Figure(figsize=(layout.WIDTH, layout.height(n, k)), dpi=110)
    fig.subplots_adjust(**layout.margins(chart))
    axes = fig.subplots(1, max(k, 1), sharey=True, squeeze=False)[0]
    for j, (ax, panel) in enumerate(zip(axes, chart.panels)):
        lo, hi, gap = layout.x_range(panel.values)
        values = [v if math.isfinite(v) else 0.0 for v in panel.values]   # a missing score: no bar, "n/a"
        ax.barh(range(n), values, color=panel.color, height=0.7)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlim(lo, hi)
        ax.set_axis_off()
        for axis in (ax.xaxis, ax.yaxis):   # no ticks at all: hidden axes still build them to place a title
            axis.set_major_locator(NullLocator())
        ax.axvline(0, color="#555555", linewidth=0.8)
        for i, (raw, v) in enumerate(zip(panel.values, values)):
            ax.text(v + (gap if v >= 0 else -gap), i, layout.number(raw), ha="left" if v >= 0 else "right",
                    va="center", fontsize=layout.FONTSIZE - 1, color="#333333")
        if panel.header and k > 1:
            ax.text(0, 1.01, panel.header, transform=ax.transAxes, va="bottom", fontsize=layout.FONTSIZE)
        if j == 0:
            to_axes = ax.get_yaxis_transform()   # x in axes fractions, y in data
            for i, label in enumerate(chart.labels):
                ax.text(-0.012, i, label, transform=to_axes, ha="right", va="center", fontsize=layout.FONTSIZE)
    # the title at the top left of the figure (an axes title makes matplotlib lay out the hidden ticks)
    fig.text(0.01, 1 - 0.08 / fig.get_figheight(), chart.title, va="top", fontsize=10.5)
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
