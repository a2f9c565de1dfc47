"""Status, period and indicator of claims, the report's targets, and the audit using them,
on synthetic county and provincial text and on the bundled corpus."""
from __future__ import annotations

from pathlib import Path

from effanalysis.metrics.status import report_year
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
    assert report_year(r) == 2025
    # no year anywhere: none, not a guess
    r = Report.from_text("一、过去一年工作回顾\n地区生产总值增长6%。\n")
    assert report_year(r) is None


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


# A provincial report in the usual form (written for these tests): a review of 2023 dense with
# figures and a plan for 2024 with 左右/以上/以内 targets. The expected readings below were set by
# reading each sentence: every standard figure of the review is 2023's outcome, every one in
# the 主要预期目标 paragraph 2024's target; the five-year average is a span.
PROVINCIAL = Path(__file__).parent / "data" / "provincial_report_2024.txt"
COUNTY_FILE = Path(__file__).parent / "data" / "county_report.txt"

EXPECTED_PROVINCIAL = {
    ("6.1%", "outcome", "2023", "gdp_growth"), ("8.2%", "outcome", "2023", "budget_revenue"),
    ("6.5%", "outcome", "2023", "industrial_value_added"), ("7.8%", "outcome", "2023", "retail_sales"),
    ("68.3万人", "outcome", "2023", "urban_jobs"), ("5.3%", "outcome", "2023", "unemployment_surveyed"),
    ("0.5%", "outcome", "2023", "cpi"), ("6.4%", "outcome", "2023", "resident_income"),
    ("712亿斤", "outcome", "2023", "grain_output"), ("3.2%", "outcome", "2023", "energy_intensity"),
    ("4.5%", "outcome", "2023", "pm25"), ("6.3%", "outcome", "2019-2023", "gdp_growth"),
    ("5.5%左右", "target", "2024", "gdp_growth"), ("6%左右", "target", "2024", "industrial_value_added"),
    ("5%以上", "target", "2024", "fixed_investment"), ("65万人以上", "target", "2024", "urban_jobs"),
    ("3%左右", "target", "2024", "cpi"), ("700亿斤以上", "target", "2024", "grain_output"),
    ("2.1%", "outcome", "2023", "foreign_trade"), ("3%", "target", "2024", "foreign_trade"),
}


def test_a_provincial_report_without_a_year_in_its_metadata():
    r = Report.from_text(PROVINCIAL.read_text(encoding="utf-8"))
    assert report_year(r) == 2024      # from its headings: 2023年工作回顾, 2024年工作安排
    c = r.claims
    got = set(map(tuple, c[["surface", "status", "period", "indicator"]].to_numpy().tolist()))
    assert EXPECTED_PROVINCIAL <= got
    assert (c.loc[c["kind"] == "ordinal", "status"] == "").all()    # 第十四届 is no figure of a year
    t = r.targets.set_index("indicator")
    assert t.loc["gdp_growth", "last_outcome"] == "6.1%" and t.loc["urban_jobs", "last_outcome"] == "68.3万人"


def test_a_county_report_ledger_with_the_next_years_review(tmp_path):
    import json

    from effanalysis.corpus.ledger import build_ledger
    from effanalysis.report import iter_reports

    nxt = ("一、过去一年工作回顾\n全县地区生产总值增长6.2%，一般公共预算收入增长6.8%，固定资产投资增长9%，"
           "城镇新增就业3900人，城镇登记失业率3.6%，粮食总产量43.1万吨。\n二、今年工作安排\n地区生产总值增长6.5%左右。\n")
    rows = [{"title": "青山县2024年政府工作报告", "year": 2024, "content": COUNTY_FILE.read_text(encoding="utf-8")},
            {"title": "青山县2025年政府工作报告", "year": 2025, "content": nxt}]
    p = tmp_path / "county.jsonl"
    p.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows), encoding="utf-8")
    led = build_ledger(iter_reports(p)).rows.set_index(["indicator", "year"])
    v = {ind: led.loc[(ind, 2024), "verdict"] for ind in
         ("gdp_growth", "budget_revenue", "fixed_investment", "urban_jobs", "unemployment_registered", "grain_output")}
    # 6.2 vs 7%左右: 0.8 short; 6.8 ≥ 6 floor; 9 ≥ 8 point; 3900 < 4000 floor; 3.6 ≤ 4 ceiling; 43.1 ≥ 42
    assert v == {"gdp_growth": "missed", "budget_revenue": "met", "fixed_investment": "met", "urban_jobs": "missed",
                 "unemployment_registered": "met", "grain_output": "met"}


def test_headings_and_session_line_of_a_county_report_without_metadata():
    text = ("政府工作报告\n——2024年1月10日在青山县第十八届人民代表大会第四次会议上\n各位代表：\n"
            "一、2023年主要工作\n全县地区生产总值增长5.6%。\n二、2024年工作打算\n"
            "全县地区生产总值增长6%以上，力争7%。\n")
    r = Report.from_text(text)
    # the session it was delivered to dates it; the headings' years then split review from plan
    assert report_year(r) == 2024
    c = r.claims.set_index("surface")
    assert tuple(c.loc["5.6%", ["status", "period", "indicator"]]) == ("outcome", "2023", "gdp_growth")
    assert tuple(c.loc["6%以上", ["status", "period", "indicator"]]) == ("target", "2024", "gdp_growth")
    assert tuple(c.loc["7%", ["status", "period", "indicator"]]) == ("target", "2024", "gdp_growth")
    assert r.targets["surface"].tolist() == ["6%以上"]     # the headline target, not the 力争 one


def test_names_joined_by_he_pair_with_figures_joined_by_he():
    # the 2012 report's wording: two incomes, two growth rates, in order
    c = _claims("一、2011年工作回顾\n城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％。\n", 2012)
    assert c["indicator"].tolist() == ["urban_income", "rural_income"]


# --- hand-read sample of the corpus's claims -----------------------------------------------------
STATUS_GOLD = Path(__file__).parent / "eval" / "status_gold.tsv"


def score_status(which: str | None = None) -> dict:
    """Accuracy of status (all rows), period (rows with a status) and indicator (all rows) over the
    hand-read sample (`which`: dev, heldout or both); a row whose claim the grammar no longer finds
    counts as not covered, unless the hand reading found no figure of a year there (empty status and
    indicator): the claims grammar dropping a non-claim (两个, 近两年, 二期) is then right, not a miss."""
    import csv

    from effanalysis.report import iter_reports

    with open(STATUS_GOLD, encoding="utf-8") as fh:
        gold = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    gold = [g for g in gold if which is None or g["set"] == which]
    years = {int(g["year"]) for g in gold}
    reports = {r.year: r for r in iter_reports("data/corpus/government_work_reports.jsonl") if r.year in years}
    found, dropped, status, period, indicator, n_period, misses = 0, 0, 0, 0, 0, 0, []
    for g in gold:
        r = reports[int(g["year"])]
        starts, ends = r.sentence_spans
        c = r.claims
        hit = None
        for row in c[c["surface"] == g["surface"]].itertuples():
            sent = r.text[int(starts[row.sentence]):int(ends[row.sentence])]
            if g["context"] in sent:
                hit = row
                break
        if hit is None:
            if g["status"] or g["indicator"]:
                misses.append((g["year"], g["surface"], "not found"))
            else:
                dropped += 1
            continue
        found += 1
        ok_s, ok_i = hit.status == g["status"], hit.indicator == g["indicator"]
        status, indicator = status + ok_s, indicator + ok_i
        if g["status"]:
            n_period += 1
            period += hit.period == g["period"]
        if not (ok_s and ok_i and (not g["status"] or hit.period == g["period"])):
            misses.append((g["year"], g["surface"], (hit.status, hit.period, hit.indicator)))
    return {"rows": len(gold), "covered": found + dropped, "dropped": dropped, "status": status / max(found, 1),
            "period": period / max(n_period, 1), "indicator": indicator / max(found, 1), "misses": misses}


def test_status_period_indicator_on_the_hand_read_sample():
    s = score_status("heldout")
    assert s["covered"] >= 0.9 * s["rows"]
    # the misses left are numbers that are no figure of a year (13亿人口, 近两年), a change over five
    # years stated against 2000, and 财政赤字占国内生产总值的比重从2009年的2.8%
    assert s["status"] >= 0.85 and s["period"] >= 0.85 and s["indicator"] >= 0.9, s


if __name__ == "__main__":
    for which in ("dev", "heldout"):
        s = score_status(which)
        print(which, {k: (round(v, 3) if isinstance(v, float) else v) for k, v in s.items() if k != "misses"})
        for m in s["misses"]:
            print("  miss", m)


def test_the_seed_self_inspection_report_plans_nothing():
    # a 自查报告 says what was done: 全年已组织申报…项目35个，…共争取项目资金800万元 are results
    # (争取资金 is funding obtained, 科技计划项目 a programme, not a plan of this text)
    c = load().claims
    assert not (c["status"] == "target").any()
    assert set(c.loc[c["surface"].isin(["35个", "800万元"]), "status"]) == {"outcome"}


def test_the_targets_sentence_lists_four_and_says_there_are_more(in_both_languages):
    """Five targets (the county report's four and 居民消费价格涨幅3%左右): the sentence names the first four
    as the report writes them and marks the rest, in Chinese without a space between indicator and
    figure and with 等 (it read 地区生产总值 6%左右、…、城镇调查失业率 5.5%以内…。)."""
    from effanalysis.workbook.targets import targets_section

    text = COUNTY.replace("控制在5.5%以内。", "控制在5.5%以内，居民消费价格涨幅3%左右。")
    report = Report.from_text(text, meta={"year": 2025})
    assert len(report.targets) == 5
    en, zh = in_both_languages(lambda: targets_section(report).html)
    assert ("The report sets 5 targets for 2025: 地区生产总值 6%左右, 一般公共预算收入 5%以上, 城镇新增就业 3000人以上, "
            "城镇调查失业率 5.5%以内 …." in en)
    assert "报告提出了2025年的5项目标：地区生产总值6%左右、一般公共预算收入5%以上、城镇新增就业3000人以上、城镇调查失业率5.5%以内等。" in zh
    # the forms with their counts: 左右 twice, 以上 twice, 以内 once
    assert "约数（左右）2项、下限（以上）2项、上限（以内）1项" in zh
