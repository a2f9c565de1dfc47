"""The rendered pages in real headless Chromium, network blocked: nothing is requested, nothing
errs, every image loads, the table of contents works, hostile text stays text and runs nothing."""
from __future__ import annotations

import pytest

from browser_support import external_requests, open_page
from effanalysis.render.export import table_script
from test_report_notebook import hostile_marker, hostile_title, rendered, rendered_hostile

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seed_page(chromium):
    page, facts, _ = rendered("seed")
    with open_page(page, chromium) as p:
        yield p, facts


def test_seed_page_loads_offline_without_requests_or_errors(seed_page):
    p, facts = seed_page
    assert external_requests(p) == [] and p.blocked == []
    assert p.console_errors == [] and p.page_errors == [] and p.dialogs == []
    assert p.pw.title() == facts["title"] == "效能建设工作自查报告"
    assert p.pw.evaluate("Array.from(document.scripts).map(s => s.text)") == [table_script()[0]]   # ours alone


def test_every_image_loads(seed_page):
    p, _ = seed_page
    images = p.pw.evaluate("Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.alt])")
    assert len(images) >= 3    # section lengths, claims by kind, claims by section
    assert all(done and width > 0 and alt for done, width, alt in images), images


def test_toc_links_reach_their_sections(seed_page):
    p, _ = seed_page
    links = p.pw.evaluate("Array.from(document.querySelectorAll('nav.toc a')).map(a => a.getAttribute('href'))")
    # one link per Markdown heading of the notebook, in page order, each to its own heading
    anchored = p.pw.evaluate("Array.from(document.querySelectorAll('h1[id], h2[id], h3[id], h4[id]'))"
                             ".map(h => '#' + h.id).filter(h => /^#s[0-9]+$/.test(h))")
    assert links == anchored and len(links) >= 6, (links, anchored)
    for href in links:
        p.pw.evaluate("window.scrollTo(0, 0)")
        p.pw.click(f"nav.toc a[href='{href}']")
        p.pw.wait_for_function("h => location.hash === h", arg=href)
        top, at_bottom = p.pw.evaluate("""h => [document.querySelector(h).getBoundingClientRect().top,
            window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1]""", href)
        assert 0 <= top < 60 or (at_bottom and 0 <= top < p.pw.viewport_size["height"]), (href, top)
        assert p.pw.evaluate("window.scrollY") > 0, href
    headings = p.pw.evaluate("Array.from(document.querySelectorAll('main h2')).map(h => h.textContent)")
    assert headings[0].startswith("1. Overview") and headings[-1].startswith("6. Downloads")


def test_outline_links_reach_the_text(seed_page):
    p, _ = seed_page
    targets = p.pw.evaluate("""Array.from(document.querySelectorAll('ul.outline a')).map(a => {
        const t = document.querySelector(a.getAttribute('href')); return t ? t.textContent : null; })""")
    assert len(targets) == 4 and all(t and t.startswith(("一、", "二、", "三、", "四、")) for t in targets)


def test_claim_highlights_and_code_hidden(seed_page):
    p, _ = seed_page
    marks = p.pw.evaluate("Array.from(document.querySelectorAll('mark.claim')).map(m => m.textContent)")
    assert "800万元" in marks and "近万人" in marks
    assert p.pw.evaluate("document.querySelectorAll('pre.code').length") == 0


def test_hostile_report_renders_escaped_and_runs_nothing(chromium):
    page, facts, _ = rendered_hostile()
    with open_page(page, chromium) as p:
        p.pw.hover("mark.claim")
        p.pw.wait_for_timeout(200)
        assert p.dialogs == [] and p.page_errors == [] and p.console_errors == []
        assert external_requests(p) == [] and p.blocked == []
        assert p.pw.evaluate("Array.from(document.scripts).map(s => s.text)") == [table_script()[0]]   # ours alone
        handlers = p.pw.evaluate("""Array.from(document.querySelectorAll('*')).flatMap(e =>
            Array.from(e.attributes).filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
        assert handlers == []
        text = p.pw.inner_text(".report-text")
        assert '<script>alert(1)</script>' in text and "<img src=x onerror=alert(2)>" in text
        assert '"});alert(3);({"' in text
        assert p.pw.inner_text("h1.page-title") == hostile_title() == p.pw.title()
    assert not hostile_marker().exists()


def test_missing_browser_skips_locally_and_fails_on_ci(monkeypatch):
    import browser_support

    monkeypatch.setattr(browser_support, "chromium_path", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        browser_support.require_chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        browser_support.require_chromium()


def test_downloads_work_from_the_page_alone(chromium, tmp_path):
    page, _, _ = rendered("seed")
    ctx = chromium.new_context(offline=True, accept_downloads=True)
    try:
        pw = ctx.new_page()
        pw.goto(page.resolve().as_uri())
        with pw.expect_download() as info:
            pw.click("p.downloads a[download$='-claims.csv']")
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
    finally:
        ctx.close()
    text = target.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("doc,section,sentence,start,end,surface,")
    assert "800万元" in text


def test_print_layout_drops_navigation(seed_page):
    p, _ = seed_page
    try:
        p.pw.emulate_media(media="print")
        hidden = p.pw.evaluate("""['nav.toc', 'details.parameters', 'p.downloads'].map(s =>
            getComputedStyle(document.querySelector(s)).display)""")
        assert hidden == ["none", "none", "none"]
        assert p.pw.evaluate("getComputedStyle(document.querySelector('main')).paddingLeft") == "0px"
    finally:
        p.pw.emulate_media(media="screen")
    assert p.pw.evaluate("getComputedStyle(document.querySelector('nav.toc')).display") != "none"
    assert "Noto Sans CJK SC" in p.pw.evaluate("getComputedStyle(document.body).fontFamily")
