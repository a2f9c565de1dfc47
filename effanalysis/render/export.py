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
from nbconvert import HTMLExporter, TemplateExporter

from .. import __version__, i18n
from ..pagescript import inline_script
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
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"


def _without_records(nb):
    """A copy without what the page leaves out: recorded values, widgets and cells tagged lab-only."""
    nb = nbformat.from_dict(nb)   # a copy
    # Widgets (papermill records their state): a page without scripts cannot show a widget view,
    # so the output shows its HTML fallback.
    nb.metadata.pop("widgets", None)
    nb.cells = [c for c in nb.cells if PAGE_HIDDEN_TAG not in c.get("metadata", {}).get("tags", [])]
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            o.get("data", {}).pop(RECORD_MIME, None)
            o.get("data", {}).pop(WIDGET_VIEW_MIME, None)
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


def _translated(nb, lang: str):
    """Markdown cells in the page's language: a cell whose text is a catalog message
    (the notebooks' section headings and notes, extracted by effanalysis.catalogs)
    becomes its translation; any other Markdown stays as written."""
    nb = nbformat.from_dict(nb)
    catalog = i18n.translations(lang)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.strip():
            cell.source = catalog.gettext(cell.source.strip())
    return nb


def table_script() -> tuple[str, str]:
    """The report and corpus pages' one script: sorting and filtering the tables."""
    return inline_script("tables.js")


class PageExporter(HTMLExporter):
    """nbconvert's HTML exporter whose Jinja environment has jinja2.ext.i18n with the
    catalog of the page's language: {% trans %} and _() in the template.

    The page is the template's output as it is: HTMLExporter.from_notebook_node ends by
    parsing the finished page with BeautifulSoup, to give images without alt text a generic
    one and JupyterLab's output classes a tabindex, and printing it again. Every image of
    ours has its own alt text and the template uses no JupyterLab classes; the pass was
    0.04 s of the seed page's 0.12 s export (0.001 s of the trivial page's, bench render).
    What it registers besides: code highlighting, which the template does not use (it shows
    the code escaped), and a data-type filter that leaves out widget views without state,
    which _without_records drops from every output."""

    lang = i18n.SOURCE

    def from_notebook_node(self, nb, resources=None, **kw):
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    def _create_environment(self):
        env = super()._create_environment()
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(i18n.translations(self.lang), newstyle=True)
        return env


def to_html(nb, *, title: str, parameters: list[dict], show_code: bool = False, lang: str | None = None) -> str:
    """The page for an executed notebook, in `lang` (default: what the notebook recorded)."""
    lang = i18n.check(lang or records(nb).get("lang") or i18n.SOURCE)   # a notebook of our own records it
    nb, toc = _anchored(_translated(_without_records(nb), lang))
    exporter = PageExporter(template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES)])
    exporter.lang = lang
    script, script_hash = table_script()
    resources = {"effanalysis": {"title": title, "parameters": parameters, "toc": toc,
                                 "show_code": show_code, "version": __version__, "lang": lang,
                                 "html_lang": i18n.html_lang(lang), "script": script, "script_hash": script_hash}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body
