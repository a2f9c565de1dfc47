"""The layout of the report's bar charts, shared by the page's SVG (effanalysis.bars) and the
analyst's matplotlib Figure of the same chart (effanalysis.plots.bar_figure): sizes, margins,
value ranges, the colours and how a value is written."""
from __future__ import annotations

import math

from .i18n import _

PALETTE = ["#3b6ea8", "#d9822b", "#5a9e6f", "#b5494f", "#8064a2", "#7f7f7f"]
FONT = "'Noto Sans CJK SC', 'Noto Sans CJK', 'Source Han Sans SC', sans-serif"
PT = 72                     # SVG user units per inch (points, as matplotlib writes them)
WIDTH = 7.5                 # inches
FONTSIZE = 9                # labels; values one point smaller, the title 10.5
WSPACE = 0.08               # the gap between panels, as a share of a panel's width


def ems(label: str) -> float:
    """Width of a label in font-size units: CJK characters are one em, others about half."""
    return sum(1.0 if ord(c) > 0x2E80 else 0.6 for c in str(label))


def height(n: int, panels: int = 1) -> float:
    """The chart's height in inches for n bars (a little more for the panels' headers)."""
    return max(1.3, 0.28 * n + 0.6) + (0.2 if panels > 1 else 0.0)


def margins(chart) -> dict[str, float]:
    """The plotting area as fractions of the figure (matplotlib's subplots_adjust): the left
    margin fitted to the longest label (computed, not laid out twice)."""
    h = height(len(chart.labels), len(chart.panels))
    label_in = (max((ems(x) for x in chart.labels), default=2) * FONTSIZE + 14) / 72
    return {"left": min(0.6, label_in / WIDTH + 0.01), "right": 0.97, "top": 1 - 0.42 / h,
            "bottom": 0.12 / h, "wspace": WSPACE}


def number(value: float) -> str:
    """A bar's value as a reader wants it: counts with thousands separators, rates with three digits."""
    if not math.isfinite(value):
        return _("n/a")
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:.3g}"


def x_range(values) -> tuple[float, float, float]:
    """(low, high, gap) of a panel's value axis: zero always in, room for the value labels."""
    known = [v for v in values if math.isfinite(v)]
    lo, hi = min(known + [0.0]), max(known + [0.0])
    pad = (hi - lo) * 0.16 or 1.0
    return lo - (pad if lo < 0 else 0), hi + pad, (hi - lo) * 0.01
