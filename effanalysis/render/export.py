"""Export an executed notebook to one self-contained, offline HTML page.

Our own nbconvert template (effanalysis/templates/effreport): no require.js,
MathJax, mermaid or any URL; styles inline; charts are data: images; a table of
contents built from the notebook's headings; a readable parameter table; code
hidden unless asked for. Nothing here trusts report text: the workbook escapes
it before it becomes HTML, and the template escapes everything it prints.
"""
from __future__ import annotations

import html
import re
from importlib import resources
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from .. import __version__
from ..workbook import RECORD_MIME
from .leftovers import write_atomic  # noqa: F401 — the page writer lives with the sweep that cleans after it

TEMPLATES = Path(str(resources.files("effanalysis") / "templates"))
TEMPLATE = "effreport"
_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")


def records(nb) -> dict:
    """Values the notebook recorded with `workbook.record(...)`, merged in order."""
    out: dict = {}
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            if RECORD_MIME in data:
                out.update(data[RECORD_MIME])
    return out


PAGE_HIDDEN_TAG = "lab-only"   # cells for JupyterLab only, e.g. the notebook's title (the page has its own)


def _without_records(nb):
    """A copy without what the page leaves out: recorded values, widget state and cells tagged lab-only."""
    nb = nbformat.from_dict(nb)   # a copy
    # Widget state (papermill records it): with it nbconvert picks the widget view, which a page
    # without scripts cannot show, over the output's HTML fallback.
    nb.metadata.pop("widgets", None)
    nb.cells = [c for c in nb.cells if PAGE_HIDDEN_TAG not in c.get("metadata", {}).get("tags", [])]
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            o.get("data", {}).pop(RECORD_MIME, None)
        if "outputs" in cell:
            cell.outputs = [o for o in cell.outputs if "data" not in o or o["data"]]
    return nb


def _anchored(nb) -> tuple[object, list[dict]]:
    """Markdown headings become <hN id=…> (stable ids s1, s2 …) and a TOC."""
    nb = nbformat.from_dict(nb)
    toc: list[dict] = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = []
        for line in cell.source.splitlines():
            m = _HEADING.match(line)
            if m:
                level, text = len(m.group(1)), m.group(2)
                anchor = f"s{len(toc) + 1}"
                toc.append({"level": level, "id": anchor, "text": text})
                line = f'<h{level} id="{anchor}">{html.escape(text)}</h{level}>'
            lines.append(line)
        cell.source = "\n".join(lines)
    return nb, toc


def to_html(nb, *, title: str, parameters: list[dict], show_code: bool = False) -> str:
    """The page for an executed notebook."""
    nb, toc = _anchored(_without_records(nb))
    # nbconvert's public exporter. Its last pass (BeautifulSoup: alt text for images without one,
    # tabindex for JupyterLab's output classes) has nothing to do on our pages and costs 0.09 s
    # of the seed page's export (0.13 -> 0.22 s, medians of 7 on a busy 2-core machine), a few
    # per cent of a render: not worth overriding the exporter's private _init_resources.
    exporter = HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES)])
    resources = {"effanalysis": {"title": title, "parameters": parameters, "toc": toc,
                                 "show_code": show_code, "version": __version__}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body
