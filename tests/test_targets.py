"""Status, period and indicator of claims, the report's targets, and the audit using them,
on synthetic county and provincial text and on the bundled corpus."""
from __future__ import annotations

from effanalysis.metrics.status import plan_span, report_year
from effanalysis.report import Report, load

COUNTY = ("青山县2025年政府工作报告\n一、2024年工作回顾\n过去一年，全县地区生产总值增长6.8%，高于年初确定的6.5%左右的目标；"
          "一般公共预算收入完成12.3亿元，增长5.1%。五年来，地区生产总值年均增长6.2%。\n"
          "二、2025年主要预期目标\n今年主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%以上，"
          "城镇新增就业3000人以上，城镇调查失业率控制在5.5%以内。去年全县居民人均可支配收入增长6%。\n")


def _claims(text: str, year: int | None = 2025):
    return Report.from_text(text, meta={"year": year} if year else {}).claims


def test_status_period_indicator_of_a_county_report():
    c = _claims(COUNTY).set_index("surface")
    # review: outcomes of 2024; the 年初确定 target stated in the review is 2024's target
    assert tuple(c.loc["6.8%", ["status", "period", "indicator"]]) == ("outcome", "2024", "gdp_growth")
    assert tuple(c.loc["6.5%左右", ["status", "period"]]) == ("target", "2024")
    # a yearly average over 五年来 is a span, never one year
    assert tuple(c.loc["6.2%", ["status", "period"]]) == ("outcome", "2020-2024")
    # plan: this year's targets
    for s, ind in (("6%左右", "gdp_growth"), ("5%以上", "budget_revenue"), ("3000人以上", "urban_jobs"),
                   ("5.5%以内", "unemployment_surveyed")):
        assert tuple(c.loc[s, ["status", "period", "indicator"]]) == ("target", "2025", ind)
    # a past figure in the plan section is an outcome of its year
    assert tuple(c.loc["6%", ["status", "period", "indicator"]]) == ("outcome", "2024", "resident_income")


def test_indicator_needs_the_right_unit_and_head():
    c = _claims("一、2024年工作回顾\n地区生产总值达到356亿元、增长5.4%，服务业增加值占地区生产总值的比重为48%，"
                "对全市经济增长的贡献率为60%；世界经济增长3.1%。\n", 2025).set_index("surface")
    assert c.loc["356亿元", "indicator"] == ""            # an amount is not a growth rate
    assert c.loc["5.4%", "indicator"] == "gdp_growth"     # …、增长5.4% continues the same subject
    assert c.loc["48%", "indicator"] == "" and c.loc["60%", "indicator"] == ""   # shares of it, not it
    assert c.loc["3.1%", "indicator"] == ""               # the world economy is not the place's


def test_report_year_from_the_text_when_meta_has_none():
    r = Report.from_text(COUNTY)
    assert report_year(r.text, r.meta, r.sections) == 2025
    # no year anywhere: none, not a guess
    r = Report.from_text("一、过去一年工作回顾\n地区生产总值增长6%。\n")
    assert report_year(r.text, r.meta, r.sections) is None
    assert plan_span(14) == (2021, 2025) and plan_span(11) == (2006, 2010)


def test_targets_keep_their_forms():
    t = Report.from_text(COUNTY, meta={"year": 2025}).targets.set_index("indicator")
    assert t.loc["gdp_growth", "surface"] == "6%左右" and t.loc["gdp_growth", "qualifier"] == "approx"
    assert t.loc["budget_revenue", "qualifier"] == "over" and t.loc["budget_revenue", "low"] == 5
    assert t.loc["gdp_growth", "last_outcome"] == "6.8%"          # last year's outcome beside the target
    assert set(t["period"]) == {"2025"}


def test_audit_sets_an_outcome_against_its_target_and_no_longer_pairs_plan_with_review():
    a = Report.from_text(COUNTY, meta={"year": 2025}).audit
    row = a[a["check"] == "target_outcome"]
    assert len(row) == 1 and row["status"].iloc[0] == "ok" and "met the target 6.5%左右" in row["message"].iloc[0]
    assert not (a["check"] == "conflicting_values").any()
    # a real conflict: the same subject, status and period with two values
    a = Report.from_text("一、过去一年工作回顾\n全县高新技术企业共有58家。\n全县科技型企业达到40家。\n全县高新技术企业共有61家。\n",
                         meta={"year": 2025}).audit
    assert (a["check"] == "conflicting_values").sum() == 1


def test_corpus_targets_of_2025():
    r = load("data/corpus/government_work_reports.jsonl", doc="2025年中华人民共和国国务院政府工作报告")
    t = r.targets.set_index("indicator")
    assert t.loc["gdp_growth", "surface"] == "5%左右" and t.loc["gdp_growth", "last_outcome"] == "5%"
    assert t.loc["urban_jobs", "surface"] == "1200万人以上" and t.loc["urban_jobs", "last_outcome"] == "1256万人"
    assert t.loc["deficit_ratio", "surface"] == "4%左右"
    # invariant: the report's targets are all for the year it speaks from, after its review year
    assert set(t["period"]) == {"2025"}
