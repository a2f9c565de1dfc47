"""The ledger: targets of year N (report N's plan) against outcomes (report N+1's review).

Synthetic county and provincial reports exercise each rule; the bundled corpus is scored
against a hand-checked table (tests/eval/ledger_gold.tsv). `python tests/test_ledger.py`
prints the figures.
"""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from effanalysis import i18n
from effanalysis.corpus.ledger import build_ledger, side_by_side
from effanalysis.metrics.targets import verdict
from effanalysis.report import Report, iter_reports

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "eval" / "ledger_gold.tsv"
CORPUS = ROOT / "data" / "corpus" / "government_work_reports.jsonl"


def county(year: int, review: str, plan: str, place: str = "青山县") -> dict:
    """A county report in the usual two parts: last year's review, this year's plan."""
    return {"title": f"{place}{year}年政府工作报告", "year": year,
            "content": f"各位代表：\n一、{year - 1}年工作回顾\n{review}\n二、{year}年主要预期目标和工作安排\n{plan}\n"}


def write(tmp_path: Path, rows: list[dict], name: str = "c.jsonl") -> Path:
    p = tmp_path / name
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return p


def _ledger(tmp_path, rows):
    return build_ledger(iter_reports(write(tmp_path, rows)))


def _row(led, ind, year):
    r = led.rows[(led.rows["indicator"] == ind) & (led.rows["year"] == year)]
    assert len(r) == 1, r
    return r.iloc[0]


# --- rules on synthetic reports ----------------------------------------------------------------
def test_floor_bound_and_approximate_rate(tmp_path):
    rows = [county(2024, "全县地区生产总值增长6.1%。",
                   "今年主要预期目标是：地区生产总值增长6.5%左右，规模以上工业增加值增长8%以上，一般公共预算收入增长5%左右。"),
            county(2025, "地区生产总值增长6.1%，规模以上工业增加值增长7.2%，一般公共预算收入增长4.4%。",
                   "今年主要预期目标是：地区生产总值增长6%左右。")]
    led = _ledger(tmp_path, rows)
    # 6.1 against 6.5左右: 0.4 below, inside the 0.5-point tolerance
    assert _row(led, "gdp_growth", 2024)["verdict"] == "met"
    # 7.2 against 8%以上: below the floor
    assert _row(led, "industrial_value_added", 2024)["verdict"] == "missed"
    # 4.4 against 5%左右: 0.6 below
    assert _row(led, "budget_revenue", 2024)["verdict"] == "missed"
    # the 2024 review's figure (about 2023) is not 2024's outcome, and 2025 has no later report
    assert _row(led, "gdp_growth", 2025)["verdict"] == "no_outcome"
    assert pd.isna(_row(led, "gdp_growth", 2023)["target_surface"])


def test_ceiling_interval_guide_and_approximate_amount(tmp_path):
    rows = [{"title": "某省2023年政府工作报告", "year": 2023, "content":
             "一、2022年工作回顾\n全省生产总值增长4%。\n二、2023年经济社会发展主要预期目标\n"
             "全省生产总值增长5%—5.5%；城镇调查失业率控制在5.5%以内；居民消费价格涨幅3%左右；"
             "城镇新增就业60万人左右；粮食产量稳定在700亿斤以上；单位地区生产总值能耗下降3%左右。\n"},
            {"title": "某省2024年政府工作报告", "year": 2024, "content":
             "一、2023年工作回顾\n全省生产总值增长5.2%，城镇调查失业率5.6%，居民消费价格上涨3.4%，"
             "城镇新增就业57.5万人，粮食产量695亿斤，单位地区生产总值能耗下降2.4%。\n"
             "二、2024年主要预期目标\n全省生产总值增长5%左右。\n"}]
    led = _ledger(tmp_path, rows)
    assert _row(led, "gdp_growth", 2023)["verdict"] == "met"                  # 5.2 inside 5–5.5
    assert _row(led, "unemployment_surveyed", 2023)["verdict"] == "missed"    # 5.6 above the 5.5 ceiling
    assert _row(led, "cpi", 2023)["verdict"] == "met"                         # 3.4 ≤ 3 + 0.5
    assert _row(led, "urban_jobs", 2023)["verdict"] == "met"                  # 57.5 ≥ 95% of 60
    assert _row(led, "grain_output", 2023)["verdict"] == "missed"             # 695 < 700
    assert _row(led, "energy_intensity", 2023)["verdict"] == "missed"         # a fall of 2.4 < 3 − 0.5
    # the forms stay apart: an interval, a bound, a point with tolerance
    t = Report.from_text(rows[0]["content"], meta={"year": 2023}).targets.set_index("indicator")
    assert t.loc["gdp_growth", "qualifier"] == "range" and t.loc["gdp_growth", "low"] == 5
    assert t.loc["unemployment_surveyed", "qualifier"] == "under"
    assert t.loc["cpi", "qualifier"] == "approx"
    assert len(set(t.loc[["gdp_growth", "unemployment_surveyed", "cpi"], "form"])) == 3


def test_guide_value_within_half_a_point():
    t = {"indicator": "m2_growth", "unit": "%", "norm_value": 12.0, "qualifier": "approx", "low": None, "high": None}
    assert verdict(t, {"unit": "%", "signed": 12.4, "norm_value": 12.4}) == "met"
    assert verdict(t, {"unit": "%", "signed": 13.6, "norm_value": 13.6}) == "missed"   # too much as well
    assert verdict(t, {"unit": "%", "signed": 11.3, "norm_value": 11.3}) == "missed"
    # another unit than the target's is not comparable; no outcome is no_outcome
    jobs = {"indicator": "urban_jobs", "unit": "人", "norm_value": 1e6, "qualifier": "over", "low": 1e6, "high": None}
    assert verdict(jobs, {"unit": "%", "signed": 3.0, "norm_value": 3.0}) == "not_comparable"
    assert verdict(jobs, None) == "no_outcome"


def test_the_stated_rules_give_the_tolerances_the_verdict_applies(in_both_languages):
    """The rules shown under the ledger state the tolerance of a 左右 rate in percentage points and
    the share of a 左右 amount that meets it; an outcome just inside the stated figure is met, one
    just outside it missed (GDP growth is a floor, CPI a ceiling, urban jobs an amount)."""
    from effanalysis.metrics.targets import rules

    en, zh = in_both_languages(rules)
    points = float(re.search(r"by no more than ([\d.]+) percentage points", en).group(1))
    share = float(re.search(r"reaches ([\d.]+)% of an approximate amount", en).group(1)) / 100
    assert " point " not in en and f"{points:g}个百分点" in zh and f"{share:.0%}" in zh
    assert (points, share) == (0.5, 0.95)   # a rate 0.5 percentage points either way, 95% of an amount

    def rate(indicator, value):
        return {"indicator": indicator, "unit": "%", "norm_value": value, "qualifier": "approx", "low": None,
                "high": None}

    def outcome(v, unit="%"):
        return {"unit": unit, "signed": v, "norm_value": v}

    assert verdict(rate("gdp_growth", 5.0), outcome(5.0 - points)) == "met"
    assert verdict(rate("gdp_growth", 5.0), outcome(5.0 - points - 0.1)) == "missed"
    assert verdict(rate("cpi", 3.0), outcome(3.0 + points)) == "met"
    assert verdict(rate("cpi", 3.0), outcome(3.0 + points + 0.1)) == "missed"
    jobs = {"indicator": "urban_jobs", "unit": "人", "norm_value": 1e6, "qualifier": "approx", "low": None,
            "high": None}
    assert verdict(jobs, outcome(1e6 * share, "人")) == "met"
    assert verdict(jobs, outcome(1e6 * share - 1000, "人")) == "missed"


def test_a_decline_in_growth_is_negative(tmp_path):
    rows = [county(2015, "。", "今年主要预期目标：外贸进出口增长3%左右。"),
            county(2016, "外贸进出口下降4.1%。", "今年主要预期目标：外贸进出口增长2%左右。")]
    r = _row(_ledger(tmp_path, rows), "foreign_trade", 2015)
    assert r["outcome_value"] == -4.1 and r["verdict"] == "missed"


def test_no_outcome_from_a_plan_sentence(tmp_path):
    # the 2025 plan restates 2024's growth (去年增长5.2%) as context: that is an outcome of 2024,
    # while 增长5%左右 in the same plan is 2025's target and never 2024's outcome.
    rows = [county(2024, "地区生产总值增长4.8%。", "今年主要预期目标是：地区生产总值增长5.5%左右。"),
            county(2025, "全县经济稳中有进。", "去年地区生产总值增长5.2%。今年主要预期目标是：地区生产总值增长5%左右。")]
    led = _ledger(tmp_path, rows)
    r = _row(led, "gdp_growth", 2024)
    assert r["outcome_surface"] == "5.2%" and r["verdict"] == "met"
    assert "去年" in r["outcome_sentence"]


def test_report_without_targets_says_so():
    from effanalysis import workbook as wb

    r = Report.from_text("一、2024年工作回顾\n全县地区生产总值增长5%。\n", meta={"year": 2025})
    assert r.targets.empty
    assert "states no targets for 2025" in wb.targets_section(r).html


# --- bad input ---------------------------------------------------------------------------------
def test_corpus_without_years_places_what_it_can(tmp_path):
    undated = [{"title": "甲县政府工作报告", "content": "一、过去一年工作回顾\n地区生产总值增长6%。\n"
                "二、今年主要预期目标\n今年地区生产总值增长6.5%左右。2025年粮食产量稳定在50万吨以上。\n"}]
    p = write(tmp_path, undated)
    led = build_ledger(iter_reports(p))
    # only the figure that names its year is placed; the others are left out with one warning
    assert list(led.rows["year"]) == [2025] and led.rows["indicator"].iloc[0] == "grain_output"
    assert len(led.warnings) == 1 and "甲县政府工作报告" in led.warnings[0]
    out = subprocess.run([sys.executable, "-m", "effanalysis", "ledger", str(p)], capture_output=True, text=True)
    assert out.returncode == 0 and len(out.stderr.strip().splitlines()) == 1 and str(p) in out.stderr


def test_two_reports_of_one_place_and_year_are_listed_not_merged(tmp_path):
    plan = "今年主要预期目标是：地区生产总值增长{}左右。"
    rows = [county(2025, "。", plan.format("6%"), "甲县"), county(2025, "。", plan.format("6.5%"), "甲县")]
    rows[1]["title"] = "甲县2025年政府工作报告（草案）"
    led = _ledger(tmp_path, rows)
    gdp = led.rows[led.rows["indicator"] == "gdp_growth"]
    assert sorted(gdp["target_surface"]) == ["6%左右", "6.5%左右"]
    assert gdp["note"].str.contains("2 reports give targets for 2025").all()
    assert any("2 reports speak from 2025 for 甲县" in w for w in led.warnings)
    # the page says them in its language through the catalogs (the data keeps the English)
    i18n.use("zh")
    try:
        said = [i18n.translate(m) for m in [*led.warnings, *gdp["note"]]]
    finally:
        i18n.use("en")
    assert said and not any(re.search("[A-Za-z]", z) for z in said)
    assert any("甲县" in z and "2025" in z for z in said[:len(led.warnings)])


def test_targets_of_one_year_from_several_places_side_by_side(tmp_path):
    plan = "今年主要预期目标是：地区生产总值增长{}左右，城镇新增就业{}人以上。"
    rows = [county(2025, "。", plan.format("6%", "1.2万"), "甲县"), county(2025, "。", plan.format("5.5%", "8000"), "乙县"),
            county(2025, "。", "今年主要预期目标是：地区生产总值增长7%左右。", "丙县")]
    reports = list(iter_reports(write(tmp_path, rows)))
    led = build_ledger(reports)
    assert sorted(led.rows.loc[led.rows["indicator"] == "gdp_growth", "place"]) == ["丙县", "乙县", "甲县"]
    assert not led.warnings            # three places, one report each: nothing is a duplicate
    sbs = side_by_side(reports, led)[2025].set_index("report")
    # one row per report, "not stated" where a report sets none (丙县 has no jobs target)
    assert sbs.loc[reports[2].doc, "urban_jobs"] == "not stated"
    assert sbs.loc["median", "gdp_growth"] == "6%" and sbs.loc["range of values", "gdp_growth"] == "5.5% – 7%"
    assert sbs.loc["reports stating it", "urban_jobs"] == "2 of 3"
    i18n.use("zh")
    try:
        assert [i18n.translate(v) for v in sbs.index[-3:]] == ["中位数", "取值范围", "提出该目标的报告"]
        assert i18n.translate(sbs.loc["reports stating it", "urban_jobs"]) == "3份中2份"
        assert i18n.translate(sbs.loc[reports[2].doc, "urban_jobs"]) == "未提出"
    finally:
        i18n.use("en")


def test_places_across_years_pair_with_their_own_outcomes(tmp_path):
    rows = [county(2024, "。", "今年主要预期目标是：地区生产总值增长6%左右。", "甲县"),
            county(2024, "。", "今年主要预期目标是：地区生产总值增长5%以上。", "乙县"),
            county(2025, "地区生产总值增长5.8%。", "今年主要预期目标是：地区生产总值增长6%左右。", "甲县"),
            county(2025, "地区生产总值增长4.9%。", "今年主要预期目标是：地区生产总值增长5%左右。", "乙县")]
    r = _ledger(tmp_path, rows).rows
    g = r[(r["indicator"] == "gdp_growth") & (r["year"] == 2024)].set_index("place")
    # 甲县 5.8 against its own 6%左右: met; 乙县 4.9 against its own 5%以上: missed
    assert g.loc["甲县", ["outcome_surface", "verdict"]].tolist() == ["5.8%", "met"]
    assert g.loc["乙县", ["outcome_surface", "verdict"]].tolist() == ["4.9%", "missed"]


def test_outcomes_of_one_year_without_places_are_not_paired_by_guess(tmp_path):
    rows = [county(2024, "地区生产总值增长5.8%。", "今年主要预期目标是：地区生产总值增长6%左右。", ""),
            county(2024, "地区生产总值增长4.9%。", "今年主要预期目标是：地区生产总值增长5%以上。", "")]
    led = _ledger(tmp_path, rows)
    g = led.rows[(led.rows["indicator"] == "gdp_growth") & (led.rows["year"] == 2023)]
    # both outcomes are listed, each on its own row; no report set a target for 2023: no_target
    assert sorted(g["outcome_surface"].dropna()) == ["4.9%", "5.8%"] and set(g["verdict"]) == {"no_target"}
    # for 2024 both set targets but no later report says which outcome answers which: none is judged
    rows += [county(2025, "地区生产总值增长5.1%。", "。", ""), county(2025, "地区生产总值增长6.2%。", "。", "")]
    led = _ledger(tmp_path, rows)
    g = led.rows[(led.rows["indicator"] == "gdp_growth") & (led.rows["year"] == 2024)]
    assert len(g) == 4 and set(g["verdict"]) == {"not_comparable"}


def test_an_outcome_with_no_target_for_its_year_is_no_target_not_a_mismatch():
    growth = {"indicator": "gdp_growth", "unit": "%", "signed": 5.2, "norm_value": 5.2}
    assert verdict(None, growth) == "no_target"


# --- the bundled corpus ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus_ledger():
    return build_ledger(iter_reports(CORPUS))


def read_gold() -> list[dict]:
    with open(GOLD, encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def score(led) -> dict:
    """Recall of targets (surface as written), accuracy of outcomes (surface, or none where none
    is stated) and agreement of verdicts, over the hand-checked pairs."""
    rows = led.rows.set_index(["indicator", "year"])
    gold = read_gold()
    t_ok = o_ok = v_ok = 0
    misses = []
    for g in gold:
        key = (g["indicator"], int(g["year"]))
        r = rows.loc[[key]].iloc[0] if key in rows.index else None
        t = r is not None and r["target_surface"] == g["target_surface"]
        o = r is not None and ("" if pd.isna(r["outcome_surface"]) else r["outcome_surface"]) == g["outcome_surface"]
        v = r is not None and r["verdict"] == g["verdict"]
        t_ok, o_ok, v_ok = t_ok + t, o_ok + o, v_ok + v
        if not (t and o and v):
            misses.append((key, None if r is None else (r["target_surface"], r["outcome_surface"], r["verdict"])))
    n = len(gold)
    return {"pairs": n, "target_recall": t_ok / n, "outcome_accuracy": o_ok / n, "verdict_agreement": v_ok / n,
            "misses": misses}


def test_gold_table_is_large_enough_and_consistent():
    gold = read_gold()
    assert len(gold) >= 40
    assert all(2004 <= int(g["year"]) <= 2025 for g in gold)
    # the rules applied to the gold pairs themselves: no outcome ⇔ no_outcome
    assert all((g["outcome_surface"] == "") == (g["verdict"] == "no_outcome") for g in gold)


def test_ledger_against_the_hand_checked_table(corpus_ledger):
    s = score(corpus_ledger)
    assert s["target_recall"] >= 0.95 and s["outcome_accuracy"] >= 0.9 and s["verdict_agreement"] >= 0.9, s


def test_known_cases(corpus_ledger):
    assert _row(corpus_ledger, "gdp_growth", 2016)[["target_surface", "outcome_surface", "verdict"]].tolist() == \
        ["6.5%－7%", "6.7%", "met"]
    assert _row(corpus_ledger, "gdp_growth", 2022)[["target_surface", "outcome_surface", "verdict"]].tolist() == \
        ["5.5%左右", "3%", "missed"]
    assert _row(corpus_ledger, "cpi", 2007)[["target_surface", "outcome_surface", "verdict"]].tolist() == \
        ["3%以内", "4.8%", "missed"]


def test_invariants(corpus_ledger):
    rows = corpus_ledger.rows
    years = corpus_ledger.years
    for r in rows.dropna(subset=["target_doc"]).itertuples():
        # a target is for the year the report speaks from: after its review year
        assert r.year > years[r.target_doc] - 1
    for r in rows.dropna(subset=["outcome_doc"]).itertuples():
        # an outcome comes from a later report, about a year before it
        assert r.year < years[r.outcome_doc]
        assert r.outcome_sentence and r.outcome_surface in r.outcome_sentence


if __name__ == "__main__":
    s = score(build_ledger(iter_reports(CORPUS)))
    print({k: (round(v, 3) if isinstance(v, float) else v) for k, v in s.items() if k != "misses"})
    for m in s["misses"]:
        print("miss", m)


def test_weights_compare_across_units():
    # 4.75亿吨 targeted, 4564亿公斤 (= 4.564亿吨) reported: missed, not "not comparable"
    t = {"indicator": "grain_output", "unit": "吨", "norm_value": 4.75e8, "qualifier": "exact", "low": 4.75e8,
         "high": 4.75e8}
    assert verdict(t, {"unit": "公斤", "norm_value": 4.564e11, "signed": 4.564e11}) == "missed"
    assert verdict(t, {"unit": "斤", "norm_value": 9.6e11, "signed": 9.6e11}) == "met"   # 4.8亿吨


def test_a_missed_target_is_named_with_its_year_and_figures_in_each_language(tmp_path, in_both_languages):
    """M2 growth was to be 13%左右 in 2015 and the 2016 review says 13.6%: more than 0.5 percentage
    points above a guide value, missed. The Chinese page puts the year first (2015年广义货币M2), so an
    indicator name ending in a digit does not run into the year (it once read 广义货币M22015年)."""
    from effanalysis.corpus.workbook import ledger_section

    rows = [county(2015, "全县生产总值增长7%。", "广义货币M2增长13%左右。"),
            county(2016, "广义货币M2增长13.6%。", "全县生产总值增长7%左右。")]
    reports = list(iter_reports(write(tmp_path, rows)))
    assert _row(build_ledger(reports), "m2_growth", 2015)["verdict"] == "missed"
    en, zh = in_both_languages(lambda: re.sub(r"<[^>]+>", "", ledger_section(reports).html))
    assert "2015 (target 13%左右, outcome 13.6%)" in en
    assert "未达标：2015年广义货币M2（目标13%左右，实际13.6%）。" in zh
