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


def _figure(width: float = 7.5, height: float = 3.2) -> tuple[Figure, object]:
    setup_fonts()
    fig = Figure(figsize=(width, height), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _short(label: str, n: int = 14) -> str:
    label = str(label)
    return label if len(label) <= n else label[: n - 1] + "…"


def barh(labels, values, title: str, xlabel: str = "", color: str = PALETTE[0]) -> Figure:
    """A horizontal bar chart, first label on top."""
    labels = [_short(x) for x in labels]
    values = list(values)
    fig, ax = _figure(height=max(1.6, 0.32 * len(labels) + 0.9))
    ax.barh(range(len(values)), values, color=color)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_title(title, loc="left", fontsize=11)
    ax.set_xlabel(xlabel)
    return fig


def section_lengths(sections) -> Figure:
    """Characters per section (rows: label, title, start, end)."""
    labels = [f"{r.label}{r.title}" for r in sections.itertuples()]
    return barh(labels, (sections["end"] - sections["start"]).tolist(), "各部分篇幅 Section length", "characters")


def counts(series, title: str, xlabel: str = "count", color: str = PALETTE[1]) -> Figure:
    """Bar chart of a value_counts()-like Series (index: label)."""
    return barh([str(i) for i in series.index], series.tolist(), title, xlabel, color)


def section_scores(frame, columns: list[str], title: str) -> Figure:
    """Grouped horizontal bars: one group per section, one bar per score column."""
    fig, ax = _figure(height=max(1.8, 0.45 * len(frame) + 1.0))
    n = len(columns)
    width = 0.8 / max(n, 1)
    for k, col in enumerate(columns):
        pos = [i + (k - (n - 1) / 2) * width for i in range(len(frame))]
        ax.barh(pos, frame[col].astype(float).tolist(), height=width, label=col, color=PALETTE[k % len(PALETTE)])
    labels = [_short(x) for x in frame["title"].astype(str)] if "title" in frame else list(map(str, frame.index))
    ax.set_yticks(range(len(frame)), labels)
    ax.invert_yaxis()
    ax.set_title(title, loc="left", fontsize=11)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    return fig


def to_png(fig: Figure) -> bytes:
    """The figure as PNG bytes (the figure can be discarded afterwards)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
