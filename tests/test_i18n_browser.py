"""Both languages' pages in headless Chromium, network blocked: the language is declared, the one
script runs under the CSP (by its hash) and sorts and filters the tables, the page is whole with
scripts off, and it prints to A4 without navigation and with charts inside the page."""
from __future__ import annotations

import re

import pytest

from browser_support import CHROMIUM_FLAGS, external_requests, open_page, require_chromium
from test_i18n import page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CASES = [("report", None, "zh-CN"), ("report", "en", "en"), ("corpus", None, "zh-CN"), ("corpus", "en", "en")]


@pytest.mark.parametrize("kind,lang,html_lang", CASES)
def test_page_declares_its_language_and_its_script_runs(chromium, kind, lang, html_lang):
    with open_page(page(kind, lang), chromium) as p:
        assert p.pw.evaluate("document.documentElement.lang") == html_lang
        assert external_requests(p) == [] and p.blocked == []
        # A CSP refusal would be a console error; the filter boxes exist only if the script ran.
        assert p.console_errors == [] and p.page_errors == []
        tables, boxes = p.pw.evaluate("""[document.querySelectorAll('table.sortable').length,
                                          document.querySelectorAll('input.table-filter').length]""")
        assert tables >= 1 and boxes == tables
        placeholder = p.pw.evaluate("document.querySelector('input.table-filter').placeholder")
        assert placeholder == ("筛选行" if html_lang == "zh-CN" else "Filter the rows")


def _column(p, table: int, col: int) -> list[str]:
    return p.pw.evaluate("""([t, c]) => Array.from(document.querySelectorAll('table.sortable')[t].tBodies[0].rows)
        .filter(r => !r.hidden).map(r => r.cells[c].textContent.trim())""", [table, col])


def test_claims_table_sorts_by_number_and_filters(chromium):
    with open_page(page("report", "en"), chromium) as p:
        headers = p.pw.evaluate("Array.from(document.querySelectorAll('table.sortable')[0].tHead.rows[0].cells)"
                                ".map(c => c.textContent)")
        col = headers.index("value (normalised)")
        p.pw.locator("table.sortable").first.locator("th").nth(col).click()
        values = [float(v.replace(",", "")) for v in _column(p, 0, col) if v != "—"]
        assert values == sorted(values) and len(values) >= 2
        p.pw.locator("table.sortable").first.locator("th").nth(col).click()
        again = [float(v.replace(",", "")) for v in _column(p, 0, col) if v != "—"]
        assert again == sorted(values, reverse=True)
        word = _column(p, 0, headers.index("as written"))[0]
        p.pw.locator("input.table-filter").first.fill(word)
        shown = p.pw.evaluate("""Array.from(document.querySelectorAll('table.sortable')[0].tBodies[0].rows)
            .filter(r => !r.hidden).map(r => r.textContent)""")
        assert shown and all(word in row for row in shown) and len(shown) < len(values) + 1
        count = p.pw.evaluate("document.querySelector('.table-count').textContent")
        assert re.fullmatch(rf"{len(shown)} / \d+", count)


@pytest.mark.parametrize("kind", ["report", "corpus"])
def test_page_is_whole_with_scripts_off(chromium, kind):
    path = page(kind, None)
    ctx = chromium.new_context(offline=True, java_script_enabled=False)
    try:
        pw = ctx.new_page()
        pw.goto(path.resolve().as_uri())
        html = path.read_text(encoding="utf-8")
        rows_in_file = sum(body.count("<tr") for body in re.findall(r"<tbody>(.*?)</tbody>", html, flags=re.S))
        rows, boxes, hidden = pw.evaluate("""[document.querySelectorAll('tbody tr').length,
            document.querySelectorAll('input.table-filter').length,
            Array.from(document.querySelectorAll('tr')).filter(r => r.hidden).length]""")
        assert rows == rows_in_file > 0 and boxes == 0 and hidden == 0
        assert pw.evaluate("document.querySelectorAll('h2').length") >= 6
    finally:
        ctx.close()


@pytest.mark.parametrize("kind,lang", [("report", None), ("corpus", "en")])
def test_prints_to_a4_without_navigation_and_with_charts_inside(chromium, kind, lang):
    with open_page(page(kind, lang), chromium) as p:
        p.pw.emulate_media(media="print")
        p.pw.set_viewport_size({"width": 718, "height": 1000})   # A4 minus 15 mm margins, at 96 dpi
        hidden = p.pw.evaluate("""['nav.toc', 'details.parameters', '.table-controls', 'pre.code']
            .map(s => Array.from(document.querySelectorAll(s)).every(e => getComputedStyle(e).display === 'none'))""")
        assert hidden == [True, True, True, True]
        too_wide = p.pw.evaluate("""Array.from(document.querySelectorAll('main img'))
            .filter(i => i.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length""")
        assert too_wide == 0
        pdf = p.pw.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2


def test_chromium_command_line_prints_the_page(tmp_path):
    """The check the issue names: Chromium's own --print-to-pdf on the page file."""
    import subprocess

    exe = require_chromium()
    out = tmp_path / "page.pdf"
    subprocess.run([exe, "--headless", *CHROMIUM_FLAGS, "--no-pdf-header-footer", f"--print-to-pdf={out}",
                    page("report", None).resolve().as_uri()], check=True, capture_output=True, timeout=120)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 3
