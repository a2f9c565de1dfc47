"""The audit: implied baselines, part ratios and consistency warnings."""
from __future__ import annotations

import pytest

from effanalysis import Report
from effanalysis.metrics.audit import AUDIT_COLUMNS


def audit(text: str):
    return Report.from_text(text, doc="t").audit


def test_columns(seed_report):
    assert list(seed_report.audit.columns) == AUDIT_COLUMNS


def test_seed_findings(seed_report):
    a, c = seed_report.audit, seed_report.claims

    def finding(check, *surfaces):
        rows = [r for r in a.itertuples() if r.check == check
                and list(c.surface[[int(i) for i in r.rows.split(",")]]) == list(surfaces)]
        assert len(rows) == 1, (check, surfaces)
        return rows[0]

    # 专利申请185件，占年计划的90%: the plan was 185 / 0.9 ≈ 206件
    plan = finding("implied_baseline", "185件", "90%")
    assert plan.value == pytest.approx(185 / 0.9) and plan.unit == "件" and "年计划" in plan.message
    assert "专利申请185件" in plan.evidence
    # 800万元，比去年同期增长160%: last year's funds were 800 / 2.6 ≈ 307.7万元
    funds = finding("implied_baseline", "800万元", "160%")
    assert funds.value == pytest.approx(8_000_000 / 2.6) and "307.7万元" in funds.message
    # the two 其中 parts: 21 of 35 projects, 40 of 185 patent applications
    assert finding("part_ratio", "35个", "21个").value == pytest.approx(60.0)
    assert finding("part_ratio", "185件", "40件").value == pytest.approx(100 * 40 / 185)
    assert (a.status == "ok").all()


def test_a_part_outside_the_qizhong_span_gives_no_warning():
    # 治理沙化土地25万亩 is a new item, not a part of 造林12万亩 (it used to warn: part > whole)
    a = audit("全年造林12万亩、其中经济林3万亩，治理沙化土地25万亩。")
    assert list(a.check) == ["part_ratio"] and (a.status == "ok").all()
    assert a.value.iloc[0] == pytest.approx(25.0)


def test_part_larger_than_whole_warns():
    a = audit("全市专利申请185件，其中发明专利240件。")
    assert list(a.check) == ["part_exceeds_whole"] and list(a.status) == ["warn"]
    assert "240件" in a.message[0] and "185件" in a.message[0]


def test_share_over_100_warns_unless_it_is_a_plan():
    a = audit("完成投资占总投资的120%。")
    assert list(zip(a.check, a.status)) == [("share_over_100", "warn")]
    a = audit("完成年计划的105%。")
    assert list(zip(a.check, a.status)) == [("share_over_100", "ok")]


def test_same_subject_with_different_values_warns_with_both_sentences():
    a = audit("全市高新技术企业共有58家。\n全市高新技术企业共有60家。")
    w = a[a.check == "conflicting_values"].iloc[0]
    assert w.status == "warn" and w.subject == "高新技术企业"
    assert "58家" in w.message and "60家" in w.message
    assert "58家" in w.evidence and "60家" in w.evidence


def test_same_subject_with_the_same_value_is_fine():
    a = audit("全市高新技术企业共有58家。\n全市高新技术企业共有58家。")
    assert "conflicting_values" not in set(a.check)


def test_growth_that_contradicts_before_and_after_values_warns():
    a = audit("销售收入由100万元增长到150万元，增长20%。")
    g = a[a.check == "growth_contradiction"].iloc[0]
    assert g.status == "warn" and g.value == pytest.approx(50)
    assert "20%" in g.message and "100万元" in g.message
    a = audit("销售收入由100万元增长到150万元，增长50%。")
    assert list(a[a.check == "growth_contradiction"].status) == ["ok"]


def test_percentage_points_against_before_and_after_rates():
    a = audit("城镇化率从60%提高到62%，提高了5个百分点。")
    g = a[a.check == "growth_contradiction"].iloc[0]
    assert g.status == "warn" and g.value == pytest.approx(2)


def test_decline_baseline():
    a = audit("产值800万元，比上年下降20%。")
    b = a[a.check == "implied_baseline"].iloc[0]
    assert b.value == pytest.approx(10_000_000) and "down 20%" in b.message


def test_no_claims_no_findings():
    assert audit("加强领导，明确责任。").empty


def test_figures_of_other_years_or_plans_are_not_conflicts():
    a = audit("全市高新技术企业共有58家。\n明年全市高新技术企业共有70家。")
    assert "conflicting_values" not in set(a.check)


def test_a_set_described_twice_is_not_a_conflict(seed_report):
    # 全省200家重点培育企业 and 第二批100家重点培育企业 describe sets, they do not state one figure
    assert "conflicting_values" not in set(seed_report.audit.check)


def test_a_figure_and_its_subject_read_in_each_languages_order():
    """English puts the subject after the figure in brackets, a Chinese page before it, as the report
    writes it (发明专利40件); 40 of 185 applications is 21.6%."""
    from effanalysis import i18n

    ratio = audit("全市专利申请185件，其中发明专利40件。").message[0]
    over = audit("全市专利申请185件，其中发明专利240件。").message[0]
    assert ratio == "40件 (发明专利) is 21.6% of 185件 (专利申请)."
    assert over == "The part 240件 (发明专利) is larger than its whole 185件 (专利申请)."
    try:
        i18n.use("zh")
        assert i18n.translate(ratio) == "发明专利40件占专利申请185件的21.6%。"
        assert i18n.translate(over) == "作为部分的发明专利240件大于其整体专利申请185件。"
        # a share of 120% of a whole that is no plan: more than the whole, said as a whole sentence
        assert i18n.translate(audit("完成投资占总投资的120%。").message[0]) == "占总投资的比重为120%，超过了100%。"
    finally:
        i18n.use("en")
