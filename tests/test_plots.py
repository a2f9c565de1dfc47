"""The report's bar charts (effanalysis.bars, drawn without matplotlib, and the same chart as a
matplotlib Figure): direct labels, vector output whose text stays text, report text escaped, the
same bytes for the same chart, odd values shown as such."""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

import effanalysis
from effanalysis import bars, plots, workbook

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: bytes) -> list[str]:
    """Every text element of an SVG (parsing it also proves it is well-formed XML)."""
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def svg_texts(chart: bars.BarChart) -> list[str]:
    """The texts of the page's SVG; the matplotlib Figure of the same chart must show the same."""
    page = texts(chart.svg())
    assert sorted(page) == sorted(texts(plots.to_svg(chart.figure())))
    return page


def test_bars_carry_their_labels_and_values():
    shown = svg_texts(bars.barh(["经济增长", "城镇新增就业"], [12345, 6.5], "目标 Targets"))
    assert {"经济增长", "城镇新增就业", "12,345", "6.5", "目标 Targets"} <= set(shown)


def test_bars_are_as_long_as_their_values():
    # 300 is three times 100: the page's bars keep that ratio, and zero makes no bar
    svg = ET.fromstring(bars.barh(["甲", "乙", "丙"], [100, 300, 0], "t").svg())
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")][1:]   # the first is the background
    assert len(widths) == 2 and widths[1] == pytest.approx(3 * widths[0], rel=1e-3)


def test_report_text_is_escaped_in_the_svg():
    hostile = '<script>alert(1)</script>"&'
    chart = bars.barh([hostile], [1], hostile)
    for svg in (chart.svg(), plots.to_svg(chart.figure())):
        assert b"<script>" not in svg
        assert shown_twice(texts(svg), hostile[:13])


def shown_twice(shown: list[str], prefix: str) -> bool:
    return sum(t.startswith(prefix) for t in shown) == 2     # the label (shortened) and the title


def test_same_chart_same_bytes():
    one = bars.counts(pd.Series({"比例": 3, "金额": 1}), "类型")
    two = bars.counts(pd.Series({"比例": 3, "金额": 1}), "类型")
    assert one.svg() == two.svg()
    assert plots.to_svg(one.figure()) == plots.to_svg(two.figure()) and b"<dc:date>" not in plots.to_svg(one.figure())


def test_missing_and_negative_scores():
    frame = pd.DataFrame({"title": ["一、总体", "二、问题", "三、措施"],
                          "concreteness": [0.25, math.nan, 0.5], "change": [-3.0, 2.0, 0.0]})
    shown = svg_texts(bars.section_scores(frame, ["concreteness", "change"], "各部分"))
    assert "n/a" in shown and "nan" not in shown
    assert "-3" in shown and "2" in shown and "0" in shown
    assert shown.count("一、总体") == 1       # the panels share one set of section labels


def test_long_labels_are_shortened():
    label = "以强化领导为重点，切实明确效能建设责任"
    shown = svg_texts(bars.barh([label], [1], "t"))
    assert label not in shown and label[:13] + "…" in shown


@pytest.mark.parametrize("chart, vector, mime", [("bars", False, "image/svg+xml"), ("figure", True, "image/svg+xml"),
                                                 ("figure", False, "image/png")])
def test_figure_inlines_the_chart(chart, vector, mime):
    bar_chart = bars.section_lengths(effanalysis.load().sections)
    fig = bar_chart if chart == "bars" else bar_chart.figure()
    html = workbook.figure(fig, 'alt "quoted"', vector=vector)
    assert html.startswith(f'<figure><img src="data:{mime};base64,') and 'alt="alt &quot;quoted&quot;"' in html


def test_the_report_page_needs_no_matplotlib():
    """Every section of the report notebook, as the page shows it, without importing matplotlib:
    its import and drawing were a quarter of a render (bench/bench_render.py, see effanalysis.bars)."""
    import subprocess
    import sys

    code = ("import sys, effanalysis\nfrom effanalysis import workbook as wb\n"
            "r = effanalysis.load(); wb.page_language('zh', r)\n"
            "for f in (wb.overview, wb.structure, wb.claims_section, wb.targets_section, wb.language,"
            " wb.text_section, wb.downloads):\n    f(r)._repr_mimebundle_()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
