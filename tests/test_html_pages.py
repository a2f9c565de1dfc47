"""Saved government web pages: the article and nothing else, headings and paragraphs
one a line, tables as rows; the page furniture the extractor lets through is removed by
the plain-text classifier. Pages and hand-written gold: tests/fixtures/pages/html;
bench/score_html.py compares trafilatura with readability-lxml, jusText and the tag rules."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import effanalysis
from effanalysis.cli import main
from effanalysis.io import readers

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages" / "html"
HTML_FILES = sorted(PAGES.glob("*.html"))
_KEEP = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")


def key(text: str) -> str:
    return "".join(_KEEP.findall(text))


def gold(path: Path) -> tuple[list[str], list[str]]:
    lines = path.with_suffix(".gold.txt").read_text(encoding="utf-8").splitlines()
    return [l for l in lines if not l.startswith("~ ")], [l[2:] for l in lines if l.startswith("~ ")]


def test_there_are_several_site_layouts():
    assert len(HTML_FILES) >= 4


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.stem)
def test_the_article_and_nothing_else(path):
    r = effanalysis.load(path)
    body, furniture = gold(path)
    text = key(r.text)
    assert [b for b in body if key(b) not in text] == []
    assert [f for f in furniture if f in r.text] == []
    assert r.cleaning_log.iloc[0]["what"] == "main content (trafilatura)"


def test_headings_paragraphs_and_table_rows_stay_lines():
    r = effanalysis.load(PAGES / "province_portal.html")
    lines = r.text.split("\n")
    assert "一、2025年工作回顾" in lines and "二、2026年主要任务" in lines
    assert "地区生产总值\t5.6万亿元\t5.4%" in lines
    assert [s["title"] for s in r.outline.to_dict()["sections"]] == ["2025年工作回顾", "2026年主要任务"]


def test_the_info_line_the_extractor_drops_still_gives_the_metadata():
    # The page's 发布日期/来源 bar is outside the article body that trafilatura returns.
    r = effanalysis.load(PAGES / "province_portal.html")
    assert r.facts == {"title": "政府工作报告", "speaker": "王建国", "speaker_title": "代省长",
                       "occasion": "2026年1月15日在江南省第十四届人民代表大会第五次会议上",
                       "source": "江南省人民政府办公厅", "date": "2026-01-22", "time": None}
    assert "发布日期" not in r.text and "来源" not in r.text


def test_main_content_not_found_keeps_all_visible_text_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "_main_content", lambda html: "")
    page = tmp_path / "p.html"
    page.write_text("<html><body><div class='footer'><p>今年以来，我局认真贯彻落实上级部署，各项工作取得明显成效。</p>"
                    "<p>全年完成专利申请185件，同比增长160%。</p></div><script>alert(1)</script></body></html>",
                    encoding="utf-8")
    r = effanalysis.load(page)
    # The tag rules drop class="footer"; then every visible text is kept rather than nothing.
    assert r.text == "今年以来，我局认真贯彻落实上级部署，各项工作取得明显成效。\n全年完成专利申请185件，同比增长160%。"
    first = r.cleaning_log.iloc[0]
    assert first["step"] == "extract" and "warning: main content not found" in first["what"]


def test_a_page_of_only_furniture_is_exit_2_naming_the_file(tmp_path, capsys):
    page = tmp_path / "nav.html"
    page.write_text("<html><head><title>首页</title><script>var a=1;</script></head><body><div class='nav'>"
                    "<a>首页</a> | <a>政务公开</a> | <a>互动交流</a></div><div>【打印本页】【关闭窗口】</div>"
                    "<div>分享到：微信 微博</div><div>网站标识码：3300000001 浙ICP备05012345号</div></body></html>",
                    encoding="utf-8")
    assert main(["clean", str(page)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nav.html" in err and "no report text found" in err


def test_inline_scripts_and_styles_never_reach_the_text():
    for path in HTML_FILES:
        text = effanalysis.load(path).text
        assert not re.search(r"function|var |[{};]\s*$|font-size|\.js", text, re.M), path.name
