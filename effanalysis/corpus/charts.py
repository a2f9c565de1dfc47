"""Charts for the corpus workbook: heatmaps and lines over years, CJK labels
through the bundled font (effanalysis.plots.setup_fonts), no pyplot."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..i18n import _
from ..plots import PALETTE, setup_fonts


def _figure(width: float = 8.0, height: float = 3.4):
    setup_fonts()
    fig = Figure(figsize=(width, height), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    return fig, ax


def heatmap(matrix: pd.DataFrame, title: str, cbar: str = "", cmap: str = "viridis", max_labels: int = 80,
            clip: float | None = None) -> Figure:
    """A matrix as a heatmap; row and column labels from its index and columns
    (every k-th label when there are many). `clip`: the colour scale stops at
    this quantile of the positive values, so a few large cells do not wash out
    the rest (they show in the top colour)."""
    n_rows, n_cols = matrix.shape
    fig, ax = _figure(width=min(11, 3 + 0.14 * n_cols), height=min(12, 1.6 + 0.16 * n_rows))
    data = matrix.to_numpy(dtype=float)
    vmax = None
    positive = data[np.isfinite(data) & (data > 0)]
    if clip is not None and positive.size:
        vmax = float(np.quantile(positive, clip))
    im = ax.imshow(np.ma.masked_invalid(data), aspect="auto", cmap=cmap, interpolation="nearest", vmin=0, vmax=vmax)
    for axis, labels, n in ((ax.set_xticks, list(matrix.columns), n_cols), (ax.set_yticks, list(matrix.index), n_rows)):
        step = max(1, int(np.ceil(n / max_labels)))
        axis(range(0, n, step), [str(labels[i]) for i in range(0, n, step)], fontsize=6)
    ax.tick_params(axis="x", labelrotation=90)
    ax.set_title(title, loc="left", fontsize=11)
    fig.colorbar(im, ax=ax, label=cbar, shrink=0.8)
    return fig


def lines(frame: pd.DataFrame, x: str, ys: dict[str, str], title: str, ylabel: str = "",
          markers: bool = True) -> Figure:
    """One line per column in `ys` ({column: legend label}) against `x`; gaps stay gaps."""
    fig, ax = _figure()
    for k, (col, label) in enumerate(ys.items()):
        ax.plot(frame[x].astype(float), frame[col].astype(float), marker="o" if markers else None, markersize=3,
                linewidth=1.5, label=label, color=PALETTE[k % len(PALETTE)])
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title, loc="left", fontsize=11)
    ax.set_ylabel(ylabel)
    if len(ys) > 1:
        ax.legend(frameon=False, fontsize=8)
    return fig


def era_ranges(eras: pd.DataFrame, title: str) -> Figure:
    """Each dated report's era estimate (thin bar: from–to, thick bar: likely)
    against its real year (dot); the diagonal is a perfect estimate."""
    d = eras.dropna(subset=["year", "from"]).sort_values("year")
    fig, ax = _figure(height=3.8)
    y = d["year"].astype(float).to_numpy()
    ax.vlines(y, d["from"].astype(float), d["to"].astype(float), color=PALETTE[5], linewidth=1, label=_("possible"))
    ax.vlines(y, d["likely_from"].astype(float), d["likely_to"].astype(float), color=PALETTE[0], linewidth=4,
              label=_("likely"))
    ax.plot(y, y, "o", color=PALETTE[1], markersize=3, label=_("real year"))
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(_("year of the report"))
    ax.set_ylabel(_("estimated era"))
    ax.set_title(title, loc="left", fontsize=11)
    ax.legend(frameon=False, fontsize=8)
    return fig
