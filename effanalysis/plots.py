"""Charts for the workbook, with Chinese labels that render on any machine.

matplotlib ships no CJK glyphs. The `noto-cjk-sans-otc` wheel carries Noto Sans
CJK; `setup_fonts` registers that file with `font_manager.addfont` and selects
the family "Noto Sans CJK SC" by name, so no system font is needed. matplotlib's
cache lives in the project (`MPLCONFIGDIR`, set before matplotlib is imported):
a shared, stale cache would hide the font.

Charts are built on `matplotlib.figure.Figure` (no pyplot, no backend, no global
figure registry) and returned; `to_png` turns one into bytes for inline images.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

_PROJECT = Path(__file__).resolve().parent.parent
os.environ.setdefault("MPLCONFIGDIR", str(_PROJECT / ".cache" / "matplotlib"))

import matplotlib  # noqa: E402  (after MPLCONFIGDIR)
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

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
    """A figure without axes, its left margin fitted to the longest y label.
    (Margins are computed, not laid out by constrained layout, which draws every
    chart twice and was half of the charts' cost.)"""
    setup_fonts()
    fig = Figure(figsize=(width, height), dpi=110)
    label_in = (max((_ems(x) for x in labels), default=2) * fontsize + 14) / 72
    fig.subplots_adjust(left=min(0.6, label_in / width + 0.01), right=0.97,
                        top=1 - 0.45 / height, bottom=0.55 / height)
    return fig


def _figure(labels=(), width: float = 7.5, height: float = 3.2, fontsize: float = 9) -> tuple[Figure, object]:
    """A figure with one axes (see _canvas)."""
    fig = _canvas(labels, width, height, fontsize)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=fontsize)
    return fig, ax


def _short(label: str, n: int = 14) -> str:
    label = str(label)
    return label if len(label) <= n else label[: n - 1] + "…"


def barh(labels, values, title: str, xlabel: str = "", color: str = PALETTE[0]) -> Figure:
    """A horizontal bar chart, first label on top."""
    labels = [_short(x) for x in labels]
    values = list(values)
    fig, ax = _figure(labels, height=max(1.6, 0.3 * len(labels) + 1.0))
    ax.barh(range(len(values)), values, color=color)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_title(title, loc="left", fontsize=10.5)
    ax.set_xlabel(xlabel, fontsize=9)
    return fig


def section_lengths(sections) -> Figure:
    """Characters per section (rows: label, title, start, end)."""
    labels = [f"{r.label}{r.title}" for r in sections.itertuples()]
    return barh(labels, (sections["end"] - sections["start"]).tolist(), "各部分篇幅 Section length", "characters")


def counts(series, title: str, xlabel: str = "count", color: str = PALETTE[1]) -> Figure:
    """Bar chart of a value_counts()-like Series (index: label), integer ticks."""
    fig = barh([str(i) for i in series.index], series.tolist(), title, xlabel, color)
    fig.axes[0].xaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def section_scores(frame, columns: list[str], title: str) -> Figure:
    """One panel per score column (their scales differ), one bar per section."""
    labels = [_short(x) for x in frame["title"].astype(str)] if "title" in frame else list(map(str, frame.index))
    fig = _canvas(labels, height=max(1.8, 0.3 * len(frame) + 1.1))
    axes = fig.subplots(1, len(columns), sharey=True, squeeze=False)[0]
    for k, (ax, col) in enumerate(zip(axes, columns)):
        ax.barh(range(len(frame)), frame[col].astype(float).tolist(), color=PALETTE[k % len(PALETTE)])
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_xlabel(col, fontsize=9)
        ax.tick_params(labelsize=9)
    axes[0].set_yticks(range(len(frame)), labels)
    axes[0].invert_yaxis()
    fig.suptitle(title, x=0.01, ha="left", fontsize=10.5)
    return fig


def to_png(fig: Figure) -> bytes:
    """The figure as PNG bytes (the figure can be discarded afterwards)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
