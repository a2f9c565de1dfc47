"""Notebooks that hand over the data: each section carries the DataFrames and figures it is built
from, shows them as native outputs in JupyterLab, and stays one HTML output for the page."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from matplotlib.figure import Figure

from effanalysis import i18n, workbook
from effanalysis.corpus import workbook as cw

ROOT = Path(__file__).resolve().parent.parent


def test_sections_carry_the_frames_and_figures_they_show(seed_report):
    i18n.use("en")
    claims = workbook.claims_section(seed_report)
    assert claims.frames["claims"] is seed_report.claims and claims.frames["audit"] is seed_report.audit
    # The per-section tables the page shows are the claims table's rows, nothing made up.
    parts = [k for k in claims.frames if k not in ("claims", "audit", "Audit")]
    assert sum(len(claims.frames[k]) for k in parts) == len(seed_report.claims)
    assert len(claims.figures) == 2 and all(isinstance(f.figure(), Figure) for f in claims.figures.values())
    structure = workbook.structure(seed_report)
    assert structure.frames["sections"] is seed_report.sections and len(structure.figures) == 1
    language = workbook.language(seed_report)
    assert language.frames["keywords"] is seed_report.profile().keywords


def test_corpus_sections_carry_their_frames(corpus_reports):
    i18n.use("en")
    few = cw.by_year(corpus_reports)[:3]   # dated: the chart needs two years
    conc = cw.concreteness_section(few)
    assert len(next(iter(conc.frames.values()))) == 3 and conc.figures


def test_outside_jupyterlab_a_section_is_one_html_output(seed_report, monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    s = workbook.structure(seed_report)
    assert getattr(s, "_ipython_display_", None) is None     # IPython falls back to _repr_mimebundle_
    monkeypatch.setenv("JPY_SESSION_NAME", "report.ipynb")
    assert callable(getattr(s, "_ipython_display_", None))


@pytest.mark.slow
def test_in_jupyterlab_sections_show_styled_frames_and_figures(monkeypatch):
    """A kernel started the way a Jupyter server starts one (JPY_SESSION_NAME set) shows the section's
    HTML, then each frame as HTML (a pandas Styler) and each figure as a PNG."""
    from nbclient import NotebookClient

    from effanalysis.render.execute import KERNEL_NAME, ThisInterpreter
    from jupyter_client.manager import KernelManager

    monkeypatch.setenv("JPY_SESSION_NAME", "report.ipynb")
    monkeypatch.setenv("MPLCONFIGDIR", str(ROOT / ".cache" / "matplotlib"))
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import effanalysis\nfrom effanalysis import workbook as wb\n"
        f"report = effanalysis.load({str(ROOT / 'data' / 'raw' / '000_b8b61ae6203f38bb.txt')!r})\n"
        "wb.page_language('en', report)\nclaims = wb.claims_section(report)\nclaims")]
    km = KernelManager(kernel_spec_manager=ThisInterpreter(), kernel_name=KERNEL_NAME)
    NotebookClient(nb, km=km, timeout=120).execute()   # the kernel inherits this environment
    outputs = nb.cells[0].outputs
    kinds = [sorted(o.get("data", {})) for o in outputs]
    assert workbook.RECORD_MIME in kinds[0] and "text/html" in kinds[0]
    assert sum("image/png" in k for k in kinds) == 2
    styled = [o for o in outputs if "text/html" in o.get("data", {}) and "<style" in o["data"]["text/html"]]
    assert len(styled) >= 4    # claims, audit and the tables by section
