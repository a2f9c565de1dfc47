"""The corpus notebook executed through `render` on a small corpus: five State Council reports
(1993, 1994, 2023, 2024, 2025) and two synthetic reports sharing a planted paragraph.
Assertions on the values the notebook recorded and on the page.

The corpus is rendered once per session (`corpus_page`, shared with test_batch_browser.py).
"""
from __future__ import annotations

import atexit
import functools
import json
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest

import effanalysis
from effanalysis.render import export, render

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus" / "government_work_reports.jsonl"
YEARS = ("1993", "1994", "2023", "2024", "2025")
HOSTILE_TITLE = "合成报告<script>alert(1)</script>甲"
_OUT = Path(tempfile.mkdtemp(prefix="effanalysis-corpus-"))
atexit.register(shutil.rmtree, _OUT, ignore_errors=True)


def _rows() -> list[dict]:
    with open(CORPUS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _paragraphs(row: dict, n: int, skip: int = 3) -> list[str]:
    paras = [p.strip() for p in row["content"].split("\n") if len(p.strip()) > 60]
    return paras[skip:skip + n]


@functools.cache
def small_corpus() -> tuple[Path, str]:
    """The test corpus file and the planted paragraph."""
    rows = _rows()
    by_year = {str(r.get("year")): r for r in rows if r.get("year")}
    planted = _paragraphs(by_year["1980"], 1, skip=5)[0]
    a = _paragraphs(by_year["1956"], 5)
    b = _paragraphs(by_year["1964"], 5)
    synthetic = [
        {"title": HOSTILE_TITLE, "content": "\n".join(a[:2] + [planted] + a[2:])},
        {"title": "合成报告乙", "content": "\n".join(b[:4] + [planted] + b[4:])},
    ]
    chosen = [by_year[y] for y in YEARS] + synthetic
    path = _OUT / "small_corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
    return path, planted


@functools.cache
def corpus_page() -> tuple[Path, dict]:
    """(page, recorded facts) of the corpus notebook on the small corpus, rendered once."""
    source, _ = small_corpus()
    page = render(source, _OUT / "out", {"top_n": 40, "lang": "en"}, notebook="corpus", output_name="corpus", keep_notebook=True)
    nb = nbformat.read(page.with_suffix(".ipynb"), as_version=4)
    return page, export.records(nb)


@pytest.fixture(scope="module")
def facts():
    return corpus_page()[1]


@pytest.fixture(scope="module")
def reports():
    return {r.doc: r for r in effanalysis.iter_reports(small_corpus()[0])}


def test_overview_counts_the_documents(facts):
    o = facts["overview"]
    assert o["documents"] == 7 and o["dated"] == 5 and o["years"] == [1993, 2025]
    assert facts["title"] == "Corpus workbook"


def test_consecutive_years_share_more_than_thirty_years_apart(facts):
    r = facts["reuse"]
    assert r["consecutive_pairs"] == 3 and r["far_pairs"] == 5      # (93,94) (23,24) (24,25); 30+ years: 5
    assert r["consecutive_share"] > 0.01
    assert r["consecutive_share"] > 5 * r["far_share"]
    shares = {(c["year"], c["next_year"]): c["share"] for c in r["consecutive"]}
    assert shares[(2024, 2025)] > shares[(1994, 2023)]
    assert r["verified"] <= r["candidates"]


def test_planted_paragraph_found_with_both_locations(facts, reports):
    _, planted = small_corpus()
    a, b = reports[HOSTILE_TITLE], reports["合成报告乙"]
    found = [p for p in facts["reuse"]["top_passages"] if {p["doc_a"], p["doc_b"]} == {a.doc, b.doc}]
    assert len(found) == 1
    p = found[0]
    loc = {p["doc_a"]: (p["start_a"], p["end_a"]), p["doc_b"]: (p["start_b"], p["end_b"])}
    for r in (a, b):
        start = r.text.index(planted)
        assert loc[r.doc] == (start, start + len(planted))
    assert p["similarity"] == 100


def test_ledger_sets_targets_against_next_years_outcomes(facts):
    led = facts["ledger"]
    gdp = {row["year"]: row for row in led["table"] if row["indicator"] == "gdp_growth"}
    # the 2024 report sets 5%左右 for 2024; the 2025 report's review says 增长5%: met within 0.5 percentage points
    assert gdp[2024]["target_surface"] == "5%左右" and gdp[2024]["outcome_surface"] == "5%"
    assert gdp[2024]["verdict"] == "met"
    # no report after 2025 in this corpus: its target has no outcome yet
    assert gdp[2025]["verdict"] == "no_outcome" and gdp[2025]["outcome_surface"] is None


def test_formulations_and_era(facts):
    f = facts["formulations"]
    assert f["dated"] == 5 and f["terms"] >= 5 and f["matrix_terms"] >= 1
    assert f["era_within"] >= 0.8           # the possible era holds the real year for (nearly) all


def test_keywords_and_concreteness_per_document(facts, reports):
    assert facts["keywords"]["documents"] == 7
    top = facts["keywords"]["top"]
    for doc, term in top.items():
        assert term in reports[doc].text
    conc = facts["concreteness"]["by_doc"]
    assert set(conc) == set(reports)
    assert all(v is None or 0 <= v <= 1 for v in conc.values())


def test_page_is_offline_and_escapes_titles(facts):
    page, _ = corpus_page()
    html = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    for heading in ("Text reuse", "Promises and results", "Formulations over time", "Concreteness"):
        assert heading in html
    assert html.count("data:image/png;base64,") >= 5    # heatmaps and line charts inline
