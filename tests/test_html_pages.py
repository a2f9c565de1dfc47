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


HELDOUT_HTML = sorted((PAGES.parent.parent / "pages_heldout3" / "html").glob("*.html"))


@pytest.mark.parametrize("path", HELDOUT_HTML, ids=lambda p: p.stem)
def test_no_body_line_of_a_heldout_page_is_lost(path):
    body, _ = gold(path)
    text = key(effanalysis.load(path).text)
    assert [b for b in body if key(b) not in text] == []


PARAGRAPHS = "".join(f"<p>{p}</p>" for p in (
    "2025年，北湖镇围绕乡村振兴扎实推进各项工作，全镇经济社会保持平稳健康发展。",
    "一是产业发展提速，新建高标准农田3000亩，培育农民专业合作社12家。",
    "二是民生保障有力，新增城镇就业620人，完成农村危房改造45户。"))


def test_a_headline_outside_the_article_container_is_put_back(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"""<html><head><meta charset="utf-8"><title>北湖镇人民政府</title></head><body>
<table><tr><td><a>网站首页</a> | <a>镇情概况</a> | <a>政务公开</a></td></tr></table>
<center><font size="4"><b>北湖镇2025年工作总结和2026年工作思路</b></font></center>
<center><font size="2">发布时间：2026-01-12　点击：<script>document.write(12)</script>次</font></center>
<div class="text">{PARAGRAPHS}</div>
<div>版权所有：北湖镇人民政府</div></body></html>""", encoding="utf-8")
    text = effanalysis.load(page).text
    assert "北湖镇2025年工作总结和2026年工作思路" in text
    assert text.index("北湖镇2025年工作总结") < text.index("2025年，北湖镇围绕")


def test_a_headline_heading_before_the_article_is_there_once(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"""<html><head><meta charset="utf-8"><title>北湖镇人民政府</title></head><body>
<h1>北湖镇2025年工作总结和2026年工作思路</h1>
<div class="text">{PARAGRAPHS}</div>
<p>分享到：微信 微博</p></body></html>""", encoding="utf-8")
    text = effanalysis.load(page).text
    assert text.count("北湖镇2025年工作总结和2026年工作思路") == 1
