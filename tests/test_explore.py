"""The claims explorer: a widget in JupyterLab, the same plain default view everywhere else."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from effanalysis import explore as ex
from effanalysis import labels
from effanalysis.handover import in_jupyterlab

CLAIMS = pd.DataFrame({
    "doc": ["a", "a", "a", "b"],
    "section": ["一、主要做法", "一、主要做法", "二、存在问题", "一、工作回顾"],
    "surface": ["800万元", "近万人", "3个", "超过25%"],
    "subject": ["项目资金", "群众", "问题", "增长"],
    "kind": ["money", "count", "count", "percent"],
    "norm_value": [8e6, 1e4, 3, 25],
    "unit": ["元", "人", "个", "%"],
    "qualifier": ["exact", "approx", "exact", "over"],
    "value": [800, 1, 3, 25],
})


class FakeReport:
    def __init__(self, doc: str, title: str):
        self.doc, self.title = doc, title
        self.claims = CLAIMS[CLAIMS["doc"] == doc].reset_index(drop=True)


REPORTS = [FakeReport("a", "效能建设自查报告"), FakeReport("b", "b")]


@pytest.fixture
def outside_jupyterlab(monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.delenv("EFFANALYSIS_STATIC", raising=False)


@pytest.fixture
def inside_jupyterlab(monkeypatch):
    monkeypatch.setenv("JPY_SESSION_NAME", "/notebooks/report.ipynb")
    monkeypatch.delenv("EFFANALYSIS_STATIC", raising=False)


def test_filter_by_document_kind_and_text():
    assert list(ex.filter_claims(CLAIMS, doc="a")["surface"]) == ["800万元", "近万人", "3个"]
    assert list(ex.filter_claims(CLAIMS, doc="a", kind="count")["surface"]) == ["近万人", "3个"]
    assert list(ex.filter_claims(CLAIMS, text="存在问题")["surface"]) == ["3个"]     # section
    assert list(ex.filter_claims(CLAIMS, text="资金")["surface"]) == ["800万元"]     # subject
    assert list(ex.filter_claims(CLAIMS, doc=ex.ALL, kind=ex.ALL, text=" ")["doc"]) == ["a", "a", "a", "b"]
    assert ex.filter_claims(CLAIMS, text="(")["surface"].empty                       # literal, not regex
    assert "value" not in ex.filter_claims(CLAIMS).columns                           # a readable subset
    assert list(ex.filter_claims(CLAIMS).columns[:3]) == ["doc", "section", "surface"]


def test_static_view_outside_jupyterlab_is_the_first_documents_claims(outside_jupyterlab):
    view = ex.explore(REPORTS)
    assert isinstance(view, pd.DataFrame)
    assert list(view["surface"]) == ["800万元", "近万人", "3个"]
    assert ex.explore(REPORTS).equals(view)                 # deterministic: same output each run
    assert list(ex.explore(CLAIMS)["doc"].unique()) == ["a"]
    assert len(ex.explore(REPORTS[1])) == 1                 # a single Report


def test_static_view_can_be_nothing_for_pages_that_show_the_claims(outside_jupyterlab):
    assert ex.explore(REPORTS, static_view=False) is None
    assert ex.explore(REPORTS, static_view=False, interactive=True).count.value == "3 claims"


def test_static_view_is_forced_by_the_environment(inside_jupyterlab, monkeypatch):
    monkeypatch.setenv("EFFANALYSIS_STATIC", "1")
    assert not in_jupyterlab()
    assert isinstance(ex.explore(REPORTS), pd.DataFrame)


def test_widget_in_jupyterlab_filters_the_table(inside_jupyterlab):
    assert in_jupyterlab()
    box = ex.explore(REPORTS)
    assert box.count.value == "3 claims" and "近万人" in box.table.value
    assert [label for label, _ in box.doc.options] == ["效能建设自查报告 (a)", "b"]
    box.kind.value = "count"
    assert box.count.value == "2 claims" and "800万元" not in box.table.value
    box.text.value = "存在"
    assert box.count.value == "1 claim" and "3个" in box.table.value
    box.doc.value, box.kind.value, box.text.value = "b", ex.ALL, ""
    assert box.count.value == "1 claim" and "超过25%" in box.table.value
    box.text.value = "没有"
    assert box.table.value == "<p>No claim matches.</p>"


@pytest.fixture
def chinese():
    from effanalysis import i18n

    i18n.use("zh")
    yield
    i18n.use("en")


def test_widget_speaks_the_page_language_and_filters_by_the_raw_kind(inside_jupyterlab, chinese):
    box = ex.explore(REPORTS)
    shown = [label for label, _ in box.kind.options]
    assert [value for _, value in box.kind.options] == [ex.ALL, "count", "money", "percent"]   # the raw kinds
    assert shown == ["全部", *(labels.value("kind", k) for k in ("count", "money", "percent"))]
    assert "金额" in shown and not any(re.search("[A-Za-z]", label) for label in shown)
    box.kind.value = "count"                                # the value stays the kind of report.claims
    assert box.count.value == "2项量化表述" and "近万人" in box.table.value
    assert f">{labels.header('kind')}</th>" in box.table.value and "<td>count</td>" not in box.table.value
    assert f"<td>{labels.value('kind', 'count')}</td>" in box.table.value
    assert "<td>约数</td>" in box.table.value              # 近万人: approx, not the ledger's column "about"
    assert box.kind.description == "类型" and box.text.description == "包含"
    box.text.value = "没有"
    assert box.table.value == "<p>没有符合条件的量化表述。</p>"


def test_widget_falls_back_to_the_default_table_as_html(inside_jupyterlab):
    box = ex.explore(REPORTS)
    box.doc.value = "b"                                     # the fallback stays the default view
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    html = bundle["text/html"]
    assert "<table" in html and "800万元" in html and "超过25%" not in html


def test_single_document_has_no_chooser_and_text_is_escaped():
    claims = CLAIMS.iloc[:1].assign(subject="<script>x</script>")
    box = ex.explore(claims, interactive=True)
    assert box.doc not in box.children
    assert "<script>" not in box.table.value and "&lt;script&gt;" in box.table.value


def test_on_the_bundled_corpus(corpus_reports, outside_jupyterlab):
    docs = [str(r.doc) for r in corpus_reports]
    static = ex.explore(corpus_reports)
    assert set(static["doc"]) == {docs[0]}
    assert len(static) == len(corpus_reports[0].claims)

    box = ex.explore(corpus_reports, interactive=True)
    assert [d for _, d in box.doc.options] == docs
    box.doc.value = docs[2]
    assert box.count.value == f"{len(corpus_reports[2].claims)} claims"
    box.kind.value = "money"
    money = corpus_reports[2].claims.query("kind == 'money'")
    assert box.count.value == f"{len(money)} claims"
    assert all(s in box.table.value for s in money["surface"].head(5))


@pytest.mark.slow
@pytest.mark.parametrize("session", [None, "notebooks/report.ipynb"], ids=["papermill", "from-a-lab-terminal"])
def test_exported_page_shows_the_default_view(tmp_path, monkeypatch, session):
    """Executed and exported by the render step: the page shows the first document's claims as a
    table, also when the render itself was started from inside JupyterLab (the session's name is
    then inherited and a widget is made: its HTML fallback is what the page shows)."""
    import nbformat

    from effanalysis.render import execute, export

    monkeypatch.delenv("EFFANALYSIS_STATIC", raising=False)
    if session:
        monkeypatch.setenv("JPY_SESSION_NAME", session)
    else:
        monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import pandas as pd\nfrom effanalysis.explore import explore\n"
        "explore(pd.DataFrame({'doc': ['a', 'b'], 'surface': ['800万元', '近万人'], 'kind': ['money', 'count']}))")]
    executed, failure = execute.run(nb, cwd=tmp_path, timeout=120)
    assert failure is None
    widget = "application/vnd.jupyter.widget-view+json"
    assert any(widget in o.get("data", {}) for o in executed.cells[0].outputs) == bool(session)
    page = export.to_html(executed, title="t", parameters=[])
    assert "800万元" in page and "近万人" not in page
    assert "<table" in page and widget not in page
