"""The chart of one indicator in the ledger: each year's target as a band (an interval, or a
左右 point with its tolerance) or a bound (a floor ▲, a ceiling ▼, drawn as a short bar), the
outcome as a point, missed years circled in red."""
from __future__ import annotations

import pandas as pd

from ..metrics.targets import AMOUNT_TOLERANCE, RATE_TOLERANCE
from ..i18n import _
from ..plots import PALETTE
from .charts import _figure

_MISSED = "#c0392b"


def _scale(unit: str, values: pd.Series) -> tuple[float, str]:
    """Amounts in 万/亿 of their unit, as reports write them; rates as they are."""
    if unit == "%":
        return 1.0, "%"
    top = values.abs().max() if len(values.dropna()) else 0
    for mult, word in ((10**12, "万亿"), (10**8, "亿"), (10**4, "万")):
        if top >= mult:
            return float(mult), f"{word}{unit}"
    return 1.0, unit


def indicator_chart(rows: pd.DataFrame, title: str):
    """A matplotlib Figure of one indicator's ledger rows (one unit)."""
    fig, ax = _figure(width=7.5, height=2.8)
    rows = rows.sort_values("year")
    unit = str(rows["unit"].iloc[0])
    scale, label = _scale(unit, pd.concat([rows["target_value"], rows["outcome_value"]]).astype(float))
    rate = unit == "%"
    band, bound = PALETTE[0], PALETTE[2]
    for r in rows.itertuples():
        x = float(r.year)
        q = r.target_qualifier
        if pd.isna(r.target_value):
            continue
        v = float(r.target_value) / scale
        lo = float(r.target_low) / scale if pd.notna(r.target_low) else None
        hi = float(r.target_high) / scale if pd.notna(r.target_high) else None
        if q == "range" and lo is not None and hi is not None:
            ax.fill_between([x - 0.35, x + 0.35], lo, hi, color=band, alpha=0.35, linewidth=0)
        elif q == "approx":
            tol = RATE_TOLERANCE if rate else v * AMOUNT_TOLERANCE
            ax.fill_between([x - 0.35, x + 0.35], v - tol, v + tol, color=band, alpha=0.18, linewidth=0)
            ax.hlines(v, x - 0.35, x + 0.35, color=band, linewidth=1.5)
        elif q in ("over", "under"):
            ax.hlines(v, x - 0.35, x + 0.35, color=bound, linewidth=2)
            ax.plot([x], [v], marker="^" if q == "over" else "v", color=bound, markersize=5)
        else:
            ax.hlines(v, x - 0.35, x + 0.35, color=band, linewidth=2)
    out = rows.dropna(subset=["outcome_value"])
    if len(out):
        y = out["outcome_value"].astype(float) / scale
        if rows["rule"].iloc[0] == "decline":
            y = -y  # the size of the fall, like its target
        ax.plot(out["year"].astype(float), y, "o", color=PALETTE[1], markersize=4, label=_("outcome"))
        missed = out["verdict"] == "missed"
        if missed.any():
            ax.plot(out.loc[missed, "year"].astype(float), y[missed], "o", markersize=10, markerfacecolor="none",
                    markeredgecolor=_MISSED, markeredgewidth=1.5, label=_("missed"))
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title, loc="left", fontsize=11)
    ax.set_ylabel(label)
    ax.xaxis.get_major_locator().set_params(integer=True)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Patch(color=band, alpha=0.35, label=_("target band")),
               Line2D([], [], color=bound, marker="^", linewidth=2, markersize=5, label=_("target bound")),
               *ax.get_legend_handles_labels()[0]]
    ax.legend(handles=handles, frameon=False, fontsize=7, loc="best")
    return fig
