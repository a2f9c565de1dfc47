"""The data behind each section, handed over to the analyst in JupyterLab.

A section function (workbook.overview, corpus.workbook.reuse_section …) decorated with
`@section` collects every DataFrame it shows as a table and every chart it draws (a
matplotlib Figure, or a bars.BarChart, which the page draws without matplotlib and
`.figure()` turns into one), under the heading they appear under, into `Section.frames`
and `Section.figures`. In JupyterLab a section then shows its HTML followed by those
frames (styled DataFrames) and figures (matplotlib) as native outputs, so the next cell
can filter `claims.frames[...]` or restyle `claims.figures[...].figure()`. Under papermill and nbclient
(the page) it stays one HTML output: the exported page keeps its look, and a render
pays nothing for outputs the page would drop. JupyterLab is told apart (here, and for
effanalysis.explore's widgets) by the session a Jupyter server names for the kernel it starts.
"""
from __future__ import annotations

import contextvars
import functools
import os

_collected: contextvars.ContextVar = contextvars.ContextVar("effanalysis_section_data", default=None)


def in_jupyterlab() -> bool:
    return bool(os.environ.get("JPY_SESSION_NAME")) and not os.environ.get("EFFANALYSIS_STATIC")


def section(build):
    """Decorator: the Section that `build` returns carries the frames and figures it showed."""
    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        got = {"frames": {}, "figures": {}, "heading": None}
        token = _collected.set(got)
        try:
            out = build(*args, **kwargs)
        finally:
            _collected.reset(token)
        if hasattr(out, "frames"):
            out.frames.update(got["frames"])
            out.figures.update(got["figures"])
        return out
    return wrapper


def _name(got: dict, kind: str, name: str | None) -> str:
    base = name or got["heading"] or f"{kind} {len(got[kind]) + 1}"
    key, n = base, 2
    while key in got[kind]:
        key, n = f"{base} ({n})", n + 1
    return key


def heading(text: str) -> None:
    got = _collected.get()
    if got is not None:
        got["heading"] = text


def frame(data, name: str | None = None) -> None:
    """Collect a frame under `name` (default: the heading it is shown under)."""
    got = _collected.get()
    if got is not None and data is not None:
        got["frames"][_name(got, "frames", name)] = data


def figure(fig, name: str) -> None:
    got = _collected.get()
    if got is not None:
        got["figures"][_name(got, "figures", name)] = fig


def show(section) -> None:
    """Display a section in JupyterLab: its HTML, then each frame styled and each figure."""
    from IPython import get_ipython
    from IPython.display import Markdown, display
    from matplotlib.figure import Figure

    from .bars import BarChart
    from .plots import to_png

    display(section._repr_mimebundle_(), raw=True)
    ip = get_ipython()
    if ip is not None:   # a Figure built without pyplot has no display formatter of its own
        ip.display_formatter.formatters["image/png"].for_type(Figure, to_png)
    for name, data in section.frames.items():
        display(Markdown(f"`{section.name}.frames[{name!r}]`"), data.style.set_caption(name).format(precision=3))
    for name, fig in section.figures.items():
        if isinstance(fig, BarChart):   # drawn for the page without matplotlib: shown as a Figure to restyle
            display(Markdown(f"`{section.name}.figures[{name!r}].figure()`"), fig.figure())
        else:
            display(Markdown(f"`{section.name}.figures[{name!r}]`"), fig)
