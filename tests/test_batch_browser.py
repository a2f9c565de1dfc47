"""The batch's index page and the corpus page in headless Chromium, network blocked: nothing is
requested, nothing errs, the index sorts and filters, hostile titles stay text."""
from __future__ import annotations

import pytest

from browser_support import external_requests, open_page
from effanalysis.render.export import table_script
from test_batch import HOSTILE, first_batch
from test_corpus_notebook import corpus_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROWS = "Array.from(document.querySelectorAll('#pages tbody tr'))"
VISIBLE = ROWS + ".filter(r => !r.hidden).map(r => r.cells[0].textContent.trim())"


@pytest.fixture(scope="module")
def index_page(chromium):
    _, out, _, _ = first_batch()
    with open_page(out / "index.html", chromium) as p:
        yield p


def _clean(p) -> None:
    assert external_requests(p) == [] and p.blocked == []
    assert p.console_errors == [] and p.page_errors == [] and p.dialogs == []


def test_index_loads_offline_without_errors(index_page):
    p = index_page
    _clean(p)
    assert p.pw.evaluate(ROWS + ".length") == 5
    assert p.pw.evaluate("document.querySelectorAll('img').length") == 0      # the hostile <img> is text
    titles = p.pw.evaluate(VISIBLE)
    assert any(HOSTILE in t for t in titles)
    assert p.pw.locator("#count").text_content() == "5 / 5"


def test_index_sorts_by_a_column(index_page):
    p = index_page
    year = p.pw.locator("#pages thead th", has_text="年份")   # Chinese titles: a Chinese index
    year.click()
    assert year.get_attribute("aria-sort") == "ascending"
    years = p.pw.evaluate(ROWS + ".map(r => r.cells[1].dataset.v)")
    assert years[0] == "1980" and years[1:] == [""] * 4                    # undated rows go last
    length = p.pw.locator("#pages thead th", has_text="字数")
    length.click()
    length.click()
    assert length.get_attribute("aria-sort") == "descending" and year.get_attribute("aria-sort") is None
    lengths = [float(v) for v in p.pw.evaluate(ROWS + ".map(r => r.cells[3].dataset.v)") if v]
    assert lengths == sorted(lengths, reverse=True) and len(lengths) == 4   # the row without text has none
    _clean(p)


def test_index_filters_rows(index_page):
    p = index_page
    box = p.pw.locator("#filter")
    box.fill("has no text")
    visible = p.pw.evaluate(VISIBLE)
    assert len(visible) == 1 and visible[0].startswith("空白文档")
    assert p.pw.locator("#count").text_content() == "1 / 5"
    box.fill("1980")
    assert len(p.pw.evaluate(VISIBLE)) == 1
    box.fill("")
    assert len(p.pw.evaluate(VISIBLE)) == 5
    _clean(p)


def test_index_links_open_the_pages(index_page, chromium):
    p = index_page
    hrefs = p.pw.evaluate("Array.from(document.querySelectorAll('#pages a')).map(a => a.href)")
    assert len(hrefs) == 4
    _, out, _, _ = first_batch()
    with open_page(out / hrefs[0].rsplit("/", 1)[1], chromium) as page:
        _clean(page)
        assert page.pw.evaluate("document.images.length") >= 1


def test_corpus_page_loads_offline_with_its_charts(chromium):
    # five dated reports: every chart; the batch corpus has one dated report: matrix and era only
    for path, charts in ((corpus_page()[0], 6), (first_batch()[1] / "corpus.html", 2)):
        with open_page(path, chromium) as p:
            _clean(p)
            images = p.pw.evaluate("Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.alt])")
            assert len(images) >= charts and all(done and width > 0 and alt for done, width, alt in images), images
            assert p.pw.evaluate("Array.from(document.scripts).map(s => s.text)") == [table_script()[0]]   # ours alone
    # in the batch, the corpus page links each document to its page beside it
    with open_page(first_batch()[1] / "corpus.html", chromium) as p:
        links = p.pw.evaluate("Array.from(document.querySelectorAll('table.side-by-side a')).map(a => a.href)")
        assert links and all(l.endswith(".html") for l in links)
        names = {n.name for n in first_batch()[1].glob("*.html")}
        assert {l.rsplit("/", 1)[1] for l in links} <= names


def test_a_very_long_word_does_not_widen_the_pages(chromium, tmp_path):
    """A 10,000-character word (a pasted URL, scraped junk) in the text and the title once made
    the page 140,000 px wide; every element now breaks it."""
    import json

    from effanalysis.batch import run_batch

    word = "ab12" * 2500
    row = {"id": "long", "title": "标题" + word,
           "content": f"关于长词的报告\n一、总体情况\n今年完成投资5亿元，增长8%。参见{word}。\n二、下一步安排\n继续推进各项工作。\n"}
    corpus = tmp_path / "long.jsonl"
    corpus.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run_batch([corpus], tmp_path / "site", jobs=1, corpus_notebook=None, progress=False)
    assert result.exit_status == 0
    for name in (result.pages[0]["name"] + ".html", "index.html"):
        html = (tmp_path / "site" / name).read_text(encoding="utf-8")
        assert word in html
        with open_page(tmp_path / "site" / name, chromium) as p:
            _clean(p)
            width, viewport = p.pw.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width <= viewport, (name, width, viewport)
