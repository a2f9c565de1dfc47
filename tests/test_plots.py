"""The report's bar charts: direct labels, vector output whose text stays text,
report text escaped, the same bytes for the same chart, odd values shown as such."""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

import effanalysis
from effanalysis import plots, workbook

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: bytes) -> list[str]:
    """Every text element of an SVG (parsing it also proves it is well-formed XML)."""
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_bars_carry_their_labels_and_values():
    fig = plots.barh(["经济增长", "城镇新增就业"], [12345, 6.5], "目标 Targets")
    shown = texts(plots.to_svg(fig))
    assert {"经济增长", "城镇新增就业", "12,345", "6.5", "目标 Targets"} <= set(shown)


def test_report_text_is_escaped_in_the_svg():
    hostile = '<script>alert(1)</script>"&'
    svg = plots.to_svg(plots.barh([hostile], [1], hostile))
    assert b"<script>" not in svg
    assert shown_twice(texts(svg), hostile[:13])


def shown_twice(shown: list[str], prefix: str) -> bool:
    return sum(t.startswith(prefix) for t in shown) == 2     # the label (shortened) and the title


def test_same_chart_same_bytes():
    one = plots.to_svg(plots.counts(pd.Series({"比例": 3, "金额": 1}), "类型"))
    two = plots.to_svg(plots.counts(pd.Series({"比例": 3, "金额": 1}), "类型"))
    assert one == two and b"<dc:date>" not in one


def test_missing_and_negative_scores():
    frame = pd.DataFrame({"title": ["一、总体", "二、问题", "三、措施"],
                          "concreteness": [0.25, math.nan, 0.5], "change": [-3.0, 2.0, 0.0]})
    shown = texts(plots.to_svg(plots.section_scores(frame, ["concreteness", "change"], "各部分")))
    assert "n/a" in shown and "nan" not in shown
    assert "-3" in shown and "2" in shown and "0" in shown
    assert shown.count("一、总体") == 1       # the panels share one set of section labels


def test_long_labels_are_shortened():
    label = "以强化领导为重点，切实明确效能建设责任"
    shown = texts(plots.to_svg(plots.barh([label], [1], "t")))
    assert label not in shown and label[:13] + "…" in shown


@pytest.mark.parametrize("vector, mime", [(True, "image/svg+xml"), (False, "image/png")])
def test_figure_inlines_the_chart(vector, mime):
    html = workbook.figure(plots.section_lengths(effanalysis.load().sections), 'alt "quoted"', vector=vector)
    assert html.startswith(f'<figure><img src="data:{mime};base64,') and 'alt="alt &quot;quoted&quot;"' in html
