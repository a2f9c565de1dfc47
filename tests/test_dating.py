"""The year a report speaks from, read from its own text (effanalysis.dating)."""
from __future__ import annotations

import pytest

from effanalysis import dating

# A county report in the style of a scraped page: the occasion line dates it.
COUNTY = """2026年临河县政府工作报告
——2026年1月20日在临河县第十届人民代表大会第五次会议上
县长　周 明远
各位代表：
现在，我代表县人民政府，向大会报告工作。
一、过去一年工作回顾
2025年，全县地区生产总值增长6.1%。到2030年，城镇化率达到60%。
"""


def test_npc_session_numbering_rule():
    # Each case is a session whose date is on record: the 5th NPC opened in 1978, the 9th in
    # 1998 (1st session, March 1998), the 13th's 5th session met in March 2022, the 14th's
    # 4th session in March 2026.
    assert dating.npc_session_year(5, 1) == 1978
    assert dating.npc_session_year(9, 1) == 1998
    assert dating.npc_session_year(13, 5) == 2022
    assert dating.npc_session_year(14, 4) == 2026
    # Before the 5th NPC sessions were not yearly (the 4th NPC met once, in 1975): no rule.
    assert dating.npc_session_year(4, 1) is None
    assert dating.npc_session_year(14, 6) is None


def test_five_year_plan_periods():
    # The 1st plan 1953–57, the 6th 1981–85, the 10th (“十五”) 2001–05, 十四五 2021–25.
    assert dating.plan_period(1) == (1953, 1957)
    assert dating.plan_period(6) == (1981, 1985)
    assert dating.plan_period(10) == (2001, 2005)
    assert dating.plan_period(14) == (2021, 2025)
    assert dating.plan_period(15) == (2026, 2030)


def test_session_of_the_national_congress_dates_a_report():
    text = "各位代表：\n现在，我代表国务院，向十四届全国人大四次会议报告政府工作。自十四届全国人大三次会议以来……"
    assert dating.report_year(text, {}) == 2026  # the latest session named is the occasion
    full = "在第十届全国人民代表大会第一次会议上\n"
    assert dating.report_year(full, {}) == 2003
    # The CPPCC National Committee is elected with the NPC and meets with it.
    assert dating.report_year("在政协第十四届全国委员会第四次会议上\n", {}) == 2026


def test_occasion_line_dates_a_local_report_whose_congress_cannot():
    # 临河县第十届人民代表大会 has no national numbering: the date line gives the year,
    # and 到2030年 (a target) does not.
    assert dating.report_year(COUNTY, {}) == 2026
    kinds = {e.kind for e in dating.evidence(COUNTY)}
    assert "date_line" in kinds and "session" not in kinds
    reported = [e for e in dating.evidence(COUNTY) if e.kind == "reported_year"]
    assert [e.year for e in reported] == [2025]  # 2025年，… is reported on; 到2030年 is a target


def test_a_statement_of_the_current_year():
    text = "各位代表：\n2026年是“十五五”开局之年。做好今年工作，意义重大。"
    assert dating.report_year(text, {}) == 2026
    text = "今年（二〇二四年）是实现“十四五”规划目标任务的关键一年。"
    assert dating.report_year(text, {}) == 2024


def test_metadata_comes_first():
    assert dating.report_year(COUNTY, {"date": "2026-02-03T09:02"}) == 2026
    assert dating.report_year("今年我们修了三条路。", {"year": "2019"}) == 2019
    assert dating.report_year("今年我们修了三条路。", {"year": ""}) is None


def test_plans_and_reported_years_bound_but_do_not_date():
    text = "“十四五”时期，全市经济总量迈上新台阶。2023年，完成固定资产投资120亿元。力争到2035年基本实现现代化。"
    assert dating.report_year(text, {}) is None
    bound = dating.not_before(dating.evidence(text))
    assert (bound.kind, bound.year) == ("reported_year", 2023)
    plan = [e for e in dating.evidence(text) if e.kind == "plan"]
    assert [e.year for e in plan] == [2019]  # 十四五 (2021–25) is prepared from 2019
    opening = [e for e in dating.evidence("今年是“十五五”规划开局之年。") if e.kind == "plan"]
    assert [e.year for e in opening] == [2026]


def test_a_text_with_no_date_has_no_year():
    assert dating.report_year("深入贯彻落实科学发展观，扎实推进各项工作。", {}) is None
    assert dating.evidence("深入贯彻落实科学发展观。") == []


@pytest.fixture(scope="module")
def corpus_years(corpus_reports):
    return [(int(r.year), r.text) for r in corpus_reports if r.year]


def test_corpus_reports_dated_from_text_alone(corpus_years):
    """Without the corpus's year column, the text gives the year of most State Council reports
    (they name the NPC session) and is never wrong by more than the rule allows."""
    dated = [(y, dating.report_year(text, {})) for y, text in corpus_years]
    found = [(y, g) for y, g in dated if g is not None]
    right = sum(y == g for y, g in found)
    print(f"dated from text: {len(found)}/{len(dated)}, right {right}/{len(found)}")
    assert len(found) >= 0.6 * len(dated)
    assert right >= 0.95 * len(found)


def test_lower_bounds_hold_on_the_corpus(corpus_years):
    # A lower bound above the true year would push every later estimate wrong.
    wrong = []
    for y, text in corpus_years:
        bound = dating.not_before(dating.evidence(text))
        if bound is not None and bound.year > y:
            wrong.append((y, bound.kind, bound.surface))
    assert len(wrong) <= 0.05 * len(corpus_years), wrong


def test_date_under_the_signature_dates_a_self_inspection_report():
    text = ("市科技局效能建设工作自查报告\n今年以来，我局深入开展机关效能建设。\n" + "全年受理群众来信来访50件，办结率100%。\n" * 10
            + "市科技局\n二〇一〇年十二月二十日\n")
    assert dating.report_year(text, {}) == 2010
    # A date inside the prose is no date line.
    assert dating.report_year("今年以来，我局于2010年12月20日召开了动员大会。\n", {}) is None


def test_a_plan_period_is_written_in_each_languages_way(in_both_languages):
    """十四五 runs 2021–2025 (and is prepared from 2019): the years in brackets as each language writes a
    span, full-width with 年 on a Chinese page."""
    from effanalysis import i18n

    plan = [e for e in dating.evidence("“十四五”时期，全市经济总量迈上新台阶。") if e.kind == "plan"][0]
    en, zh = in_both_languages(lambda: i18n.translate(plan.describe()))
    assert en == "names the plan period 十四五 (2021–2025): written in 2019 or later"
    assert zh == "提到规划期“十四五（2021—2025年）”：写于2019年或以后"
